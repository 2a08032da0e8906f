"""The library's own SQLite files (articles, vector cache, contacts cache) are opened one way (rag/index/sqlite.py):
in WAL mode, their folder made, so a reader in another process is never blocked by a writer mid-transaction."""

from __future__ import annotations

import sqlite3
import threading

import numpy as np


def _mode(path) -> str:
    db = sqlite3.connect(path)
    try:
        return db.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        db.close()


def test_every_library_file_is_wal_and_a_reader_is_not_blocked_by_a_writer(tmp_path):
    from rag import load_settings
    from rag.contacts.cache import ContactsCache
    from rag.index.embeddings import VectorCache
    from rag.index.store import Store

    contacts = ContactsCache(tmp_path / "not" / "yet" / "contacts.sqlite")  # the folders are made
    vectors = VectorCache(tmp_path / "also" / "embeddings.sqlite", 4)
    Store(load_settings(env={}, home=str(tmp_path / "home")), "test-embedder", 4)
    key = ContactsCache.key("v", "d", "a.txt")
    contacts.put(key, ({"kind": "visit"},))
    vectors.put_many({"k": np.ones(4, dtype=np.float32)})
    files = [tmp_path / "not" / "yet" / "contacts.sqlite", tmp_path / "also" / "embeddings.sqlite",
             tmp_path / "home" / "library.sqlite"]
    assert [_mode(f) for f in files] == ["wal"] * 3

    # A writer holds an open transaction on each file; a reader elsewhere still reads, at once, the last commit.
    for f, table in zip(files, ["extracted", "vectors", "meta"]):
        writer = sqlite3.connect(f, timeout=0)
        writer.execute("BEGIN IMMEDIATE")
        writer.execute(f"DELETE FROM {table}")
        reader = sqlite3.connect(f, timeout=0)
        assert reader.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] >= 1, f
        writer.rollback()
        writer.close(), reader.close()
    assert contacts.get(key) == ({"kind": "visit"},)
    assert np.array_equal(vectors.get_many(["k"])["k"], np.ones(4, dtype=np.float32))
    contacts.close()


def test_the_store_gives_each_thread_its_own_connection_with_normal_sync(tmp_path):
    from rag import load_settings
    from rag.index.store import Store

    store = Store(load_settings(env={}, home=str(tmp_path / "home")), "test-embedder", 4)
    seen = {}

    def other():
        seen["conn"] = store.db
        seen["sync"] = store.db.execute("PRAGMA synchronous").fetchone()[0]
        seen["mode"] = store.db.execute("PRAGMA journal_mode").fetchone()[0]

    t = threading.Thread(target=other)
    t.start(), t.join()
    assert seen["conn"] is not store.db
    assert (seen["sync"], seen["mode"]) == (1, "wal")  # 1 = NORMAL: safe in WAL, no fsync per commit
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 1
