"""SIGKILL at random points of an ingest: every document stays wholly old or wholly new, and the next
ingest completes the work."""

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow
KILL_POINTS = int(os.environ.get("RAG_TEST_KILL_POINTS", "20"))


def _versions(folder: Path, tag: str, n: int = 6) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        body = "\n".join(f"بحث الوفد {tag} رقم {i} في الجولة {j} ملف الحدود والتنسيق الأمني بين العراق وسوريا، "
                         f"وأكد الجانبان أهمية المعبر رقم {j + i}." for j in range(6))
        (folder / f"doc{i}.txt").write_text(f"عنوان الخبر {tag} {i}\n{body}\n", encoding="utf-8")


def _ingest_cmd(home: Path, folder: Path) -> list[str]:
    return [sys.executable, "-c", "import sys; from rag.cli import main; sys.exit(main(sys.argv[1:]))",
            "ingest", str(folder), "--home", str(home), "--no-progress"]


def _env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    env["PYTHONPATH"] = str(ROOT)
    return env


def _expected(folder: Path) -> dict[str, list[str]]:
    from rag import load_settings
    from rag.chunking import chunk_document
    from rag.clean import clean
    from rag.documents import read_file
    s = load_settings(env={})
    return {f.name: [c.text for c in chunk_document(clean(next(read_file(f, 10**7))), s.chunk_chars, s.chunk_overlap)]
            for f in sorted(folder.iterdir())}


def _state(home: Path) -> dict[str, list[str]]:
    db = sqlite3.connect(home / "library.sqlite")
    out = {}
    for (source,) in db.execute("SELECT source FROM documents"):
        out[source] = [t for (t,) in db.execute("SELECT text FROM chunks WHERE source=? ORDER BY idx", (source,))]
    n_docs_chunks = db.execute("SELECT SUM(n_chunks) FROM documents").fetchone()[0]
    assert n_docs_chunks == db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]
    db.close()
    return out


def test_kill_points_leave_documents_whole(tmp_path):
    old, new = tmp_path / "v1", tmp_path / "v2"
    _versions(old, "الأول")
    _versions(new, "الثاني")
    exp_old, exp_new = _expected(old), _expected(new)
    base = tmp_path / "base"
    subprocess.run(_ingest_cmd(base, old), env=_env(), check=True, capture_output=True)
    # the v2 folder lives at the same path as v1 did for the source ids to match: ingest from a copy named alike
    t = time.perf_counter()
    probe = tmp_path / "probe"
    shutil.copytree(base, probe)
    subprocess.run(_ingest_cmd(probe, new), env=_env(), check=True, capture_output=True)
    full = time.perf_counter() - t
    rng = random.Random(1234)
    survived, outcomes = 0, {"old": 0, "new": 0, "mixed_library": 0}
    for point in range(KILL_POINTS):
        home = tmp_path / f"k{point}"
        shutil.copytree(base, home)
        # fresh embedding cache for v2 texts each time, so the kill lands inside real work
        proc = subprocess.Popen(_ingest_cmd(home, new), env=_env(), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        # half the kill points anywhere in the run, half in its last fifth, where documents are switched
        lo = 0.3 if point % 2 == 0 else full * 0.8
        time.sleep(rng.uniform(lo, full * 1.05))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        state = _state(home)
        whole = all(state.get(src) in (exp_old[src], exp_new[src]) for src in exp_old)
        survived += whole
        kinds = {("new" if state[s] == exp_new[s] else "old") for s in exp_old if s in state}
        outcomes["mixed_library" if len(kinds) > 1 else kinds.pop() if kinds else "old"] += 1
        # the next ingest completes it and sweeps vectors no chunk owns
        subprocess.run(_ingest_cmd(home, new), env=_env(), check=True, capture_output=True)
        assert _state(home) == exp_new
        from chromadb import PersistentClient
        from chromadb.config import Settings as CS
        col = PersistentClient(path=str(home / "chroma"), settings=CS(anonymized_telemetry=False)).get_collection(
            "articles")
        assert col.count() == sum(len(v) for v in exp_new.values())
        shutil.rmtree(home)
    print(f"\nkill points: {KILL_POINTS}, documents whole after every kill: {survived}/{KILL_POINTS}, "
          f"libraries all-old/all-new/mixed-per-document: {outcomes}")
    assert survived == KILL_POINTS
