"""SIGKILL at random points of `rag delete`: every article stays whole or is wholly gone (chunks, index
entries), and the next command leaves no vector that no chunk owns."""

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import time

import pytest

from reliability.test_crash import _env, _ingest_cmd, _versions

pytestmark = pytest.mark.slow
KILL_POINTS = int(os.environ.get("RAG_TEST_KILL_POINTS", "20")) // 2 or 1


def _delete_cmd(home, sources):
    return _ingest_cmd(home, home)[:3] + ["delete", *sources, "--home", str(home)]


def _state(home):
    db = sqlite3.connect(home / "library.sqlite")
    docs = {s: n for s, n in db.execute("SELECT source, n_chunks FROM documents")}
    chunks = {}
    for cid, source in db.execute("SELECT id, source FROM chunks"):
        chunks.setdefault(source, set()).add(cid)
    lexicon = {r[0] for r in db.execute("SELECT id FROM lexicon")}
    db.close()
    return docs, chunks, lexicon


def _vectors(home):
    from chromadb import PersistentClient
    from chromadb.config import Settings as CS
    return PersistentClient(path=str(home / "chroma"), settings=CS(anonymized_telemetry=False)).get_collection(
        "articles").count()


def test_kill_points_during_delete(tmp_path):
    folder = tmp_path / "v1"
    _versions(folder, "الأول")
    base = tmp_path / "base"
    subprocess.run(_ingest_cmd(base, folder), env=_env(), check=True, capture_output=True)
    docs0, chunks0, _ = _state(base)
    sources = sorted(docs0)
    probe = tmp_path / "probe"
    shutil.copytree(base, probe)
    t = time.perf_counter()
    subprocess.run(_delete_cmd(probe, sources), env=_env(), check=True, capture_output=True)
    full = time.perf_counter() - t
    assert _state(probe) == ({}, {}, set()) and _vectors(probe) == 0
    t = time.perf_counter()  # start-up alone (an unknown source is refused after the library is opened)
    subprocess.run(_delete_cmd(probe, ["gone.txt"]), env=_env(), capture_output=True)
    startup = time.perf_counter() - t
    rng = random.Random(99)
    outcomes = {"none": 0, "some": 0, "all": 0}
    for point in range(KILL_POINTS):
        home = tmp_path / f"k{point}"
        shutil.copytree(base, home)
        proc = subprocess.Popen(_delete_cmd(home, sources), env=_env(), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        # most kill points between start-up and the end of the run, where articles are being deleted
        lo = startup * 0.9 if point % 4 else full * 0.3
        time.sleep(rng.uniform(min(lo, full), full * 1.02))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        docs, chunks, lexicon = _state(home)
        for s in sources:  # wholly there (same chunks, same index entries) or wholly gone
            assert (docs.get(s), chunks.get(s)) in ((docs0[s], chunks0[s]), (None, None)), s
        assert lexicon == set().union(*chunks.values())
        outcomes["none" if len(docs) == len(sources) else "all" if not docs else "some"] += 1
        left = sorted(docs)
        p = subprocess.run(_delete_cmd(home, left or ["gone.txt"]), env=_env(), capture_output=True, text=True)
        assert p.returncode == (0 if left else 1), p.stderr
        assert _state(home) == ({}, {}, set()) and _vectors(home) == 0
        shutil.rmtree(home)
    print(f"\ndelete kill points: {KILL_POINTS}, articles deleted before the kill none/some/all: {outcomes}")
