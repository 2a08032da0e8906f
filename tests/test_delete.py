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
