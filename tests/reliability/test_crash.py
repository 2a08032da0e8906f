"""SIGKILL an ingest that replaces every multi-chunk document by a new version, at points spread between its
first vector write and its last switch: after each kill every document is wholly old or wholly new (all its
chunks of one version, each with its vector in Chroma), exactly as many documents are new as switches
happened, the contact mentions stay consistent with their articles, and the next ingest completes the work
and sweeps the orphaned vectors. The same for `rag delete` of every article, killed part-way.

The kills are aimed from outside, by polling the library's own state while the ingest runs: the SQLite
switch counter (`meta.generation`, bumped once per document switch) and Chroma's write log. Where each kill
landed is then read back from the state, and a floor on the kills that landed mid-ingest keeps the test from
passing without testing anything (RAG_TEST_KILL_POINTS below the minimum is refused).
"""

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
KILL_POINTS = int(os.environ.get("RAG_TEST_KILL_POINTS", "16"))
MIN_KILL_POINTS = 6
DOCS = 8


def _versions(folder: Path, tag: str, date: str, n: int = DOCS) -> None:
    """n articles of 3-4 chunks each (chunks are at most 1,200 characters), each reporting an Iraq-Syria contact
    whose date differs between versions. Most sentences are shared by all articles and both versions, and the
    embedding cache is keyed by text, so few texts are embedded; every chunk still holds a sentence naming its
    article and version, so old and new chunks all differ."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        body = " ".join(
            (f"وزار وزير الخارجية السوري أسعد الشيباني بغداد في {date} والتقى نظيره العراقي فؤاد حسين." if j == 1 else
             f"وقال مصدر في الوفد {tag} رقم {i} إن الجولة {j} انتهت بتفاهم على ملف المعابر." if j % 4 == 0 else
             f"بحث الوفد في الجولة {j} ملف الحدود والتنسيق الأمني بين العراق وسوريا، وأكد الجانبان أهمية المعبر "
             f"رقم {j} للتجارة.") for j in range(28))
        (folder / f"doc{i:02d}.txt").write_text(f"عنوان الخبر {tag} {i}\n{body}\n", encoding="utf-8")


def _rag(*args: str) -> list[str]:
    return [sys.executable, "-c", "import sys; from rag.cli import main; sys.exit(main(sys.argv[1:]))", *args]


def _ingest_cmd(home: Path, folder: Path) -> list[str]:
    return _rag("ingest", str(folder), "--home", str(home), "--no-progress")


def _env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAG_")}
    env["PYTHONPATH"] = str(ROOT)
    return env


def _expected(folder: Path) -> dict[str, list[tuple[str, str]]]:
    """(chunk id, text) of every chunk of every document, as the product's own cleaning and chunking make them."""
    from rag import load_settings
    from rag.ingestion.chunking import chunk_document
    from rag.ingestion.clean import clean
    from rag.documents import read_file
    s = load_settings(env={})
    return {f.name: [(c.id, c.text) for c in chunk_document(clean(next(read_file(f, 10**7))), s.chunk_chars,
                                                             s.chunk_overlap)]
            for f in sorted(folder.iterdir())}


def _generation(home: Path) -> int:
    db = sqlite3.connect(f"file:{home / 'library.sqlite'}?mode=ro", uri=True, timeout=5)
    try:
        row = db.execute("SELECT value FROM meta WHERE key='generation'").fetchone()
        return int(row[0]) if row else 0
    finally:
        db.close()


def _chroma_log(home: Path) -> int:
    """Highest sequence number in Chroma's write log (rises with every vector write)."""
    db = sqlite3.connect(f"file:{home / 'chroma' / 'chroma.sqlite3'}?mode=ro", uri=True, timeout=5)
    try:
        return db.execute("SELECT COALESCE(MAX(seq_id), 0) FROM embeddings_queue").fetchone()[0]
    finally:
        db.close()


def _state(home: Path) -> dict[str, list[tuple[str, str]]]:
    """(chunk id, text) of the current chunks of every document; the counts in `documents` must agree."""
    db = sqlite3.connect(home / "library.sqlite")
    out = {}
    for source, n in db.execute("SELECT source, n_chunks FROM documents").fetchall():
        out[source] = db.execute("SELECT id, text FROM chunks WHERE source=? ORDER BY idx", (source,)).fetchall()
        assert len(out[source]) == n, f"{source}: documents says {n} chunks, chunks holds {len(out[source])}"
    orphans = db.execute("SELECT COUNT(*) FROM chunks WHERE source NOT IN (SELECT source FROM documents)")
    assert orphans.fetchone()[0] == 0
    db.close()
    return out


def _vectors(home: Path) -> dict[str, str]:
    """Chunk id -> text of every vector in the library's Chroma collection."""
    from chromadb import PersistentClient
    from chromadb.config import Settings as CS
    db = sqlite3.connect(home / "library.sqlite")
    name = (db.execute("SELECT value FROM meta WHERE key='collection'").fetchone() or ["articles"])[0]
    db.close()
    col = PersistentClient(path=str(home / "chroma"), settings=CS(anonymized_telemetry=False)).get_collection(name)
    got = col.get(include=["documents"])
    return dict(zip(got["ids"], got["documents"]))


def _pending(home: Path) -> set[str]:
    db = sqlite3.connect(home / "library.sqlite")
    try:
        return {r[0] for r in db.execute("SELECT id FROM pending_vectors")}
    finally:
        db.close()


def _check_events(home: Path) -> int:
    """The contact mentions stay consistent with the articles they were drawn from (rag.events_consistent):
    every mention belongs to a current document and cites its current chunks and exact text. Returns how
    many documents have mentions, so callers can check the check was not empty."""
    from rag import events_consistent, load_settings
    from rag.index.library import Library
    lib = Library(load_settings(env={}, home=str(home)))
    try:
        assert events_consistent(lib.store) == [], events_consistent(lib.store)
        return lib.store.db.execute("SELECT COUNT(DISTINCT source) FROM events").fetchone()[0]
    finally:
        lib.store.close()


def _rag_check(home: Path) -> None:
    """`rag check` finds nothing: articles, chunks, vectors, lexical rows and mentions agree (issue 26)."""
    import json
    p = subprocess.run(_rag("check", "--json", "--home", str(home)), env=_env(), capture_output=True, text=True)
    try:
        report = json.loads(p.stdout)
    except ValueError:
        raise AssertionError(f"rag check did not print its JSON (exit {p.returncode}): {p.stdout[-1000:]!r} "
                             f"{p.stderr[-2000:]!r}") from None
    assert p.returncode == 0 and report["ok"], report["problems"]


def _wait_until(proc, cond, limit: float = 120.0) -> bool:
    """Poll `cond` until it holds (True) or the process ends first (False)."""
    t = time.perf_counter()
    while proc.poll() is None and time.perf_counter() - t < limit:
        try:
            if cond():
                return True
        except sqlite3.OperationalError:
            pass  # a file not created yet, or a lock held for a moment
        time.sleep(0.002)
    return False


def _kill_when(cmd: list[str], ready, rng: random.Random) -> None:
    """Start `cmd`, wait until `ready()` holds, wait a few ms more at random, SIGKILL it."""
    proc = subprocess.Popen(cmd, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_until(proc, ready)
    time.sleep(rng.uniform(0, 0.03))
    proc.send_signal(signal.SIGKILL)
    proc.wait()


def _enough_kill_points(n: int) -> None:
    if n < MIN_KILL_POINTS:
        pytest.fail(f"RAG_TEST_KILL_POINTS={KILL_POINTS} gives {n} kill points here: at least {MIN_KILL_POINTS} "
                    "are needed for this test to test anything")


@pytest.fixture(scope="module")
def libraries(tmp_path_factory):
    """The articles folder holding version 2, and two data folders: `base` holds version 1 (with an embedding
    cache already warm for version 2), `full` holds version 2, complete."""
    _enough_kill_points(KILL_POINTS)  # refuse before any work
    tmp = tmp_path_factory.mktemp("crash")
    articles = tmp / "articles"  # one path for both versions: the user edited the files in place
    _versions(articles, "الأول", "14 من آذار 2025")
    exp_old = _expected(articles)
    base = tmp / "base"
    subprocess.run(_ingest_cmd(base, articles), env=_env(), check=True, capture_output=True)
    assert _state(base) == exp_old
    _versions(articles, "الثاني", "20 من نيسان 2025")
    exp_new = _expected(articles)
    assert len(exp_old) == DOCS and all(len(v) >= 3 for v in [*exp_old.values(), *exp_new.values()]), \
        "every document must span several chunks"
    assert not {c for v in exp_old.values() for c in v} & {c for v in exp_new.values() for c in v}
    # One complete v2 ingest into a copy fills the embedding cache with the new texts; the base then gets that
    # cache, so the killed ingests spend their time writing vectors and switching documents, not embedding.
    full = tmp / "full"
    shutil.copytree(base, full)
    subprocess.run(_ingest_cmd(full, articles), env=_env(), check=True, capture_output=True)
    assert _state(full) == exp_new
    src, dst = sqlite3.connect(full / "embeddings.sqlite"), sqlite3.connect(base / "embeddings.sqlite")
    src.backup(dst)
    src.close()
    dst.close()
    assert _check_events(base) == DOCS and _check_events(full) == DOCS, "every article reports a contact"
    return tmp, articles, base, full, exp_old, exp_new


def test_kill_points_leave_documents_whole(libraries):
    _enough_kill_points(KILL_POINTS)
    tmp, articles, base, _, exp_old, exp_new = libraries
    g0, log0 = _generation(base), _chroma_log(base)
    new_ids = {cid for v in exp_new.values() for cid, _ in v}
    rng = random.Random(1234)
    landed = {"before first vector write": 0, "vectors written, no switch yet": 0, "between switches": 0,
              "after last switch": 0}
    for point in range(KILL_POINTS):
        home = tmp / f"k{point}"
        shutil.copytree(base, home)
        # aim: after `target` switches (0: after the first vector write), then a few ms more at random
        target = point * DOCS // KILL_POINTS
        _kill_when(_ingest_cmd(home, articles), (lambda: _chroma_log(home) > log0) if target == 0 else
                   (lambda: _generation(home) - g0 >= target), rng)

        state, vectors = _state(home), _vectors(home)
        switched = _generation(home) - g0
        # every document wholly old or wholly new, and exactly the switched ones are new
        assert set(state) == set(exp_old), f"kill {point}: documents appeared or vanished"
        for src_id in exp_old:
            assert state[src_id] in (exp_old[src_id], exp_new[src_id]), f"kill {point}: {src_id} is mixed"
        n_new = sum(state[s] == exp_new[s] for s in exp_old)
        assert n_new == switched, f"kill {point}: {n_new} documents new after {switched} switches"
        # every current chunk can be found: its vector is in Chroma, with its text
        for src_id, chunks in state.items():
            for cid, text in chunks:
                assert vectors.get(cid) == text, f"kill {point}: current chunk {cid} has no vector in Chroma"
        # vectors no current chunk owns are recorded to be swept
        current = {cid for v in state.values() for cid, _ in v}
        assert set(vectors) - current <= _pending(home), f"kill {point}: orphaned vectors nobody will sweep"
        assert _check_events(home) == DOCS
        wrote = bool(new_ids & set(vectors))
        kind = ("after last switch" if switched >= DOCS else "between switches" if switched
                else "vectors written, no switch yet" if wrote else "before first vector write")
        landed[kind] += 1

        # the next ingest completes it and sweeps the vectors no chunk owns
        subprocess.run(_ingest_cmd(home, articles), env=_env(), check=True, capture_output=True)
        assert _state(home) == exp_new
        assert _vectors(home) == {cid: text for v in exp_new.values() for cid, text in v}
        assert _check_events(home) == DOCS
        _rag_check(home)
        shutil.rmtree(home)

    mid = landed["vectors written, no switch yet"] + landed["between switches"]
    print(f"\n{KILL_POINTS} kills on a {DOCS}-document, multi-chunk re-ingest; where they landed: {landed}")
    assert mid >= max(MIN_KILL_POINTS - 1, KILL_POINTS * 2 // 3), \
        f"only {mid} of {KILL_POINTS} kills landed between the first vector write and the last switch: {landed}"
    assert landed["between switches"] >= KILL_POINTS // 2, f"too few kills left a library half switched: {landed}"


def test_kill_points_during_delete(libraries):
    """`rag delete` of every article, SIGKILLed part-way: each article wholly present (chunks, vectors,
    mentions) or wholly gone, as many gone as deletions happened; `rag delete` of the rest finishes it."""
    points = max(KILL_POINTS // 2, MIN_KILL_POINTS)
    _enough_kill_points(KILL_POINTS)
    tmp, _, _, full, _, exp_new = libraries
    g0 = _generation(full)
    sources = sorted(exp_new)
    rng = random.Random(4321)
    landed = {"none deleted": 0, "some deleted": 0, "all deleted": 0}
    for point in range(points):
        home = tmp / f"d{point}"
        shutil.copytree(full, home)
        target = 1 + point * (DOCS - 1) // points  # after 1 .. DOCS-1 deletions
        _kill_when(_rag("delete", *sources, "--home", str(home)), lambda: _generation(home) - g0 >= target, rng)

        state, vectors = _state(home), _vectors(home)
        deleted = _generation(home) - g0
        assert set(state) <= set(sources)
        for src_id, chunks in state.items():
            assert chunks == exp_new[src_id], f"delete kill {point}: {src_id} is partly deleted"
            for cid, text in chunks:
                assert vectors.get(cid) == text, f"delete kill {point}: current chunk {cid} lost its vector"
        assert len(sources) - len(state) == deleted, f"delete kill {point}: {len(state)} left after {deleted} deletions"
        current = {cid for v in state.values() for cid, _ in v}
        assert set(vectors) - current <= _pending(home), f"delete kill {point}: orphaned vectors nobody will sweep"
        assert _check_events(home) == len(state)
        landed["none deleted" if not deleted else "all deleted" if deleted >= DOCS else "some deleted"] += 1

        left = sorted(state)
        if left:
            subprocess.run(_rag("delete", *left, "--home", str(home)), env=_env(), check=True, capture_output=True)
            assert _state(home) == {} and _vectors(home) == {} and _check_events(home) == 0
        _rag_check(home)
        shutil.rmtree(home)
    print(f"\n{points} kills during `rag delete` of {DOCS} articles; where they landed: {landed}")
    assert landed["some deleted"] >= points * 2 // 3, f"too few kills landed part-way through the deletes: {landed}"
