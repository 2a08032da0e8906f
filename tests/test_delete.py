"""`rag delete SOURCE…` and `Library.delete`: chunks, index entries and vectors go in one step."""

import sqlite3

from conftest import SEEDS, SHAIBANI
from test_cli import run


def _counts(home):
    db = sqlite3.connect(home / "library.sqlite")
    out = {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("documents", "chunks", "lexicon")}
    db.close()
    return out


def test_library_delete_removes_everything_of_the_article(fresh_settings):
    from rag import hybrid_search, ingest, open_library
    lib = open_library(fresh_settings)
    ingest(lib, [SEEDS], progress=False)
    before = _counts(fresh_settings.home_path)
    mine = [c.id for c in lib.store.get_chunks() if c.source == SHAIBANI]
    assert lib.delete([SHAIBANI]) == [SHAIBANI]
    after = _counts(fresh_settings.home_path)
    assert after == {"documents": before["documents"] - 1, "chunks": before["chunks"] - len(mine),
                     "lexicon": before["lexicon"] - len(mine)}
    assert lib.store.collection.get(ids=mine)["ids"] == []
    assert lib.store.collection.count() == after["chunks"]
    assert all(h.chunk.source != SHAIBANI for h in hybrid_search(lib, "متى زار الشيباني بغداد؟", 10))
    assert all(not cid.startswith(SHAIBANI) for cid, _ in lib.lexical.search("الشيباني بغداد", 100))


def test_unknown_source_is_refused_and_nothing_is_deleted(fresh_settings):
    from rag import StoreError, ingest, open_library
    import pytest
    lib = open_library(fresh_settings)
    ingest(lib, [SEEDS], progress=False)
    before = _counts(fresh_settings.home_path)
    with pytest.raises(StoreError, match="no-such.txt"):
        lib.delete([SHAIBANI, "no-such.txt"])
    assert _counts(fresh_settings.home_path) == before


def test_cli_delete(fresh_settings):
    home = fresh_settings.home_path
    p = run(["ingest", str(SEEDS)], home)
    assert p.returncode == 0, p.stderr
    before = _counts(home)
    p = run(["delete", SHAIBANI, "no-such.txt"], home)
    assert p.returncode == 1 and "no-such.txt" in p.stderr and len(p.stderr.strip().splitlines()) == 1
    assert _counts(home) == before
    p = run(["delete", SHAIBANI], home)
    assert p.returncode == 0, p.stderr
    assert SHAIBANI in p.stdout
    p = run(["library", "--json"], home)
    assert SHAIBANI not in p.stdout and _counts(home)["documents"] == before["documents"] - 1
    p = run(["ask", "متى زار الشيباني بغداد؟", "--json"], home)
    assert p.returncode == 0 and SHAIBANI not in p.stdout


def test_delete_prunes_the_lexicon_of_deleted_rows(fresh_settings, monkeypatch):
    """The record of deleted lexicon rows (`lexicon_gone`) was never pruned: it is kept only for the last
    KEEP_REMOVALS generations, and a reader further behind reads every row again (issue 26)."""
    import rag.index.lexical as lexical
    from rag import ingest, open_library
    from rag.index.lexical import LexicalIndex
    lib = open_library(fresh_settings)
    ingest(lib, [SEEDS], progress=False)
    db = lib.store.db
    behind = LexicalIndex()
    behind.refresh(db)
    assert any(cid.startswith(SHAIBANI) for cid, _ in behind.search("الشيباني بغداد", 50))
    mine = [c.id for c in lib.store.get_chunks() if c.source == SHAIBANI]
    other = sorted({c.source for c in lib.store.get_chunks()} - {SHAIBANI})[0]
    lib.delete([other])
    gone = db.execute("SELECT COUNT(*) FROM lexicon_gone").fetchone()[0]
    assert gone > 0  # recent removals are kept for readers following change by change
    monkeypatch.setattr(lexical, "KEEP_REMOVALS", 0)
    lib.delete([SHAIBANI])
    assert db.execute("SELECT COUNT(*) FROM lexicon_gone").fetchone()[0] == 0, "deleted rows pile up"
    assert db.execute(f"SELECT COUNT(*) FROM lexicon WHERE id IN ({','.join('?' * len(mine))})", mine).fetchone()[0] == 0
    behind.refresh(db)  # behind the pruned removals: starts again from every row, and is right
    fresh = LexicalIndex()
    fresh.refresh(db)
    q = "الشيباني بغداد الحدود"
    assert behind.search(q, 50) == fresh.search(q, 50)
    assert not any(cid.startswith((SHAIBANI, other)) for cid, _ in behind.search(q, 50))
    assert behind.words.n == fresh.words.n == lib.store.count_chunks()
