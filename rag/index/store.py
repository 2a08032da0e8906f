"""The library: Chroma holds the passage vectors, SQLite the articles, chunks and what is current.

A document is switched from its old version to its new one in a single SQLite transaction, after
its new vectors are in Chroma; vectors that no current chunk owns are ignored and swept later. So
a crash at any point leaves every document wholly old or wholly new.

Every write runs under the library's writer lock (rag/index/writer.py), one writer at a time across
processes. A hold that changed chunks or vectors stamps `meta.writes` when it ends (`meta.generation` moves
at every switch); a process whose vector view is older than the stamp reopens its Chroma view before it
searches or writes, so a server sees vectors a CLI ingest wrote, and never writes over them with a stale index.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlparse

import numpy as np

from ..config import Settings
from ..documents import Chunk, Document
from ..errors import EmbedderMismatch, StoreError
from .lexical import SCHEMA as LEXICON_SCHEMA, lexicon_migrate, lexicon_prune, lexicon_put, lexicon_remove
from .sqlite import open_sqlite
from .writer import WriterLock

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    source TEXT PRIMARY KEY, digest TEXT NOT NULL, file_digest TEXT NOT NULL DEFAULT '',
    title TEXT, date TEXT, outlet TEXT, url TEXT, text TEXT NOT NULL, n_chunks INTEGER NOT NULL,
    ingested_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS chunks (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, idx INTEGER NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, text TEXT NOT NULL, sentences TEXT NOT NULL, svecs BLOB);
CREATE INDEX IF NOT EXISTS chunks_source ON chunks(source);
CREATE TABLE IF NOT EXISTS events (id TEXT NOT NULL, source TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS events_source ON events(source);
CREATE TABLE IF NOT EXISTS event_docs (source TEXT PRIMARY KEY, version TEXT NOT NULL, article TEXT NOT NULL);
"""
# Vector ids written to Chroma but not (or no longer) owned by a current chunk: recorded before the
# write (or in the switching transaction) and cleared after, so `sweep` finds exactly this library's orphans.
_PENDING = "CREATE TABLE IF NOT EXISTS pending_vectors (id TEXT PRIMARY KEY);"


@dataclass
class StoredChunk:
    """A current chunk as read back from the library, with its document's metadata."""

    id: str
    source: str
    index: int
    start: int
    end: int
    text: str
    sentences: list[tuple[int, int]]
    title: str
    date: str
    outlet: str
    url: str
    sentence_vectors: np.ndarray | None = None


def chroma_client(settings: Settings):
    """Embedded PersistentClient under RAG_HOME, or an HttpClient when RAG_CHROMA_URL is set."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    cs = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        u = urlparse(settings.chroma_url)
        if not u.hostname:
            raise StoreError(f"RAG_CHROMA_URL={settings.chroma_url!r} is not a URL like http://127.0.0.1:8000")
        try:
            return chromadb.HttpClient(host=u.hostname, port=u.port or 8000, ssl=u.scheme == "https", settings=cs)
        except Exception as exc:  # chromadb raises plain ValueError/ConnectionError here
            raise StoreError(f"Chroma server at {settings.chroma_url} is not reachable ({exc.__class__.__name__}); "
                             f"start it with `chroma run --path DIR --host 127.0.0.1 --port N`") from None
    path = settings.home_path / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=cs)


class Store:
    """Articles and chunks in SQLite, passage vectors in a cosine Chroma collection."""

    def __init__(self, settings: Settings, embedder_name: str, dim: int):
        self.settings = settings
        self.embedder_name = embedder_name
        self.dim = dim
        home = settings.home_path
        home.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._path = str(home / "library.sqlite")
        self._local = threading.local()
        self._planned: set[str] = set()  # vector ids this process's writes recorded as pending
        self._leftover: set[str] = set()  # pending ids found when the writer lock was taken: their writers are gone
        self._view_lock = threading.Lock()
        self._dirty = False  # this hold of the writer lock changed chunks or vectors
        self.writer = WriterLock(home / "writer.lock", settings.writer_wait, on_acquire=self._begin_write,
                                 on_release=self._end_write)
        self.db.executescript(_SCHEMA)
        self._add_origin_column()
        self.db.executescript(LEXICON_SCHEMA + _PENDING)
        self._check_embedder("embedder", embedder_name)
        self.library_id, self.collection_name = self._identity()
        lexicon_migrate(self.db, self.generation())
        self._view = self._stamp()
        self.client, self.collection = self._open_vectors()
        built_by = (self.collection.metadata or {}).get("embedder")
        if built_by and built_by != embedder_name:
            raise EmbedderMismatch(
                f"the index {settings.collection!r} was built with embedder {built_by!r}, not {embedder_name!r}: "
                f"set RAG_EMBEDDER to match, or use another RAG_HOME/RAG_COLLECTION and re-ingest")

    def _open_vectors(self):
        """(client, collection) of this library's vectors, created on first use."""
        from chromadb.api.shared_system_client import SharedSystemClient

        client = chroma_client(self.settings)
        # how many references this store's own client holds on its (shared, per folder) Chroma system
        self._own_refs = SharedSystemClient._identifier_to_refcount.get(getattr(client, "_identifier", None), 0)
        try:
            return client, client.get_or_create_collection(
                self.collection_name,
                metadata={"embedder": self.embedder_name, "dim": self.dim},
                configuration={"hnsw": {"space": "cosine"}},
                embedding_function=None,  # never let Chroma embed (its default model downloads)
            )
        except Exception as exc:
            raise StoreError(f"cannot open Chroma collection {self.settings.collection!r}: {exc}") from None

    # --- the version stamp and this process's view of the vectors -----------------------------------

    def _stamp(self) -> tuple[int, int]:
        """(writes, generation): `writes` moves when any writer starts or ends, `generation` at every switch."""
        got = dict(self.db.execute("SELECT key, value FROM meta WHERE key IN ('writes', 'generation')"))
        return int(got.get("writes", 0)), int(got.get("generation", 0))

    def follow(self) -> bool:
        """Reopen the vector view if another process changed the library since this one last looked (a
        server seeing a CLI ingest); True if it did. Not while this process writes: its view is current."""
        if self.writer.held or self._stamp() == self._view:
            return False
        if not self._view_lock.acquire(blocking=False):
            return False  # another thread is reopening it: search the view there is, never wait
        try:
            stamp = self._stamp()
            if self.writer.held or stamp == self._view:
                return False
            self._reload_vectors()
            self._view = stamp
            return True
        finally:
            self._view_lock.release()

    retire_after = 30.0  # seconds an old vector view lives on for searches under way, then its memory is freed

    def _reload_vectors(self) -> None:
        """An embedded Chroma keeps its index in memory and does not see another process's writes: drop this
        process's cached client for the folder and open it again. Searches under way finish on the old one,
        which is stopped (its index freed) `retire_after` seconds later, unless other clients in this process
        (not the product's: tests) were opened on it. A Chroma server sees every write."""
        if self.settings.chroma_url:
            return
        from chromadb.api.shared_system_client import SharedSystemClient

        ident = getattr(self.client, "_identifier", None)
        refs = SharedSystemClient._identifier_to_refcount.pop(ident, 0)
        shared = refs > self._own_refs  # other clients of this process were opened on it
        old = SharedSystemClient._identifier_to_system.pop(ident, None)
        self.client, self.collection = self._open_vectors()
        if old is not None and not shared:
            timer = threading.Timer(self.retire_after, old.stop)
            timer.daemon = True
            timer.start()

    def _begin_write(self) -> None:
        """The writer lock was just taken: catch up with other processes' writes and note the vector ids left
        pending by writers that are gone (no one else can be writing now)."""
        stamp = self._stamp()
        if stamp != self._view:
            with self._view_lock:
                self._reload_vectors()
            self._view = stamp
        self._leftover = {r[0] for r in self.db.execute("SELECT id FROM pending_vectors")}
        self._planned = set()
        self._dirty = False

    def _end_write(self) -> None:
        """The writer lock is about to go: if vectors or chunks changed, stamp it, so other processes reopen
        their view (a hold that only read, `rag check`, stamps nothing)."""
        if self._dirty:
            with self.db:
                lexicon_prune(self.db, self.generation())  # deleted rows do not pile up
                self._bump("writes")
        self._view = self._stamp()

    def _add_origin_column(self) -> None:
        """Migration: where each document came from (see rag/ingestion/pipeline.py); old rows get '' (unknown)."""
        if "origin" not in {r[1] for r in self.db.execute("PRAGMA table_info(documents)")}:
            with self.db:
                self.db.execute("ALTER TABLE documents ADD COLUMN origin TEXT NOT NULL DEFAULT ''")

    @property
    def db(self) -> sqlite3.Connection:
        """This thread's connection: readers never see another thread's half-written transaction."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = open_sqlite(self._path, timeout=60, shared=False, synchronous="NORMAL")
            self._local.conn = conn
        return conn

    def _identity(self) -> tuple[str, str]:
        """This library's id and its Chroma collection, fixed on first open and kept in `meta`.

        On a Chroma server a new library gets its own collection, `RAG_COLLECTION-<id>`, so two data
        folders on one server never see (or sweep) each other's vectors; embedded, the collection is
        private to the data folder and keeps the plain name. A library made before this keeps the
        collection it has.
        """
        import uuid

        meta = dict(self.db.execute("SELECT key, value FROM meta WHERE key IN ('library_id', 'collection')"))
        if "library_id" not in meta or "collection" not in meta:
            lib_id = meta.get("library_id") or uuid.uuid4().hex[:12]
            fresh = self.db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0] == 0
            name = meta.get("collection") or (f"{self.settings.collection}-{lib_id}" if self.settings.chroma_url
                                              and fresh else self.settings.collection)
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                                    [("library_id", lib_id), ("collection", name)])
            meta = {"library_id": lib_id, "collection": name}
        return meta["library_id"], meta["collection"]

    def _check_embedder(self, key: str, name: str) -> None:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        if row is None:
            with self.db:
                self.db.execute("INSERT INTO meta VALUES (?, ?)", (key, name))
        elif row[0] != name:
            raise EmbedderMismatch(
                f"the library in {self.settings.home} was built with embedder {row[0]!r}, not {name!r}: "
                f"set RAG_EMBEDDER to match, or use another RAG_HOME and re-ingest")

    # --- reading -------------------------------------------------------------------------------

    def generation(self) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key='generation'").fetchone()
        return int(row[0]) if row else 0

    def digest_of(self, source: str) -> str | None:
        """The stored digest of a document (its pipeline version, chunking and text), or None."""
        row = self.db.execute("SELECT digest FROM documents WHERE source=?", (source,)).fetchone()
        return row[0] if row else None

    def document_origin(self, source: str) -> tuple[str, str] | None:
        """(digest, origin) of a stored document; origin '' when an older version did not record it."""
        row = self.db.execute("SELECT digest, origin FROM documents WHERE source=?", (source,)).fetchone()
        return (row[0], row[1]) if row else None

    def set_origin(self, source: str, origin: str) -> None:
        with self.writer.hold("a library write"), self._lock, self.db:
            self.db.execute("UPDATE documents SET origin=? WHERE source=?", (origin, source))

    def count_documents(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    def count_chunks(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]

    def list_documents(self) -> list[dict]:
        rows = self.db.execute(
            "SELECT source, title, date, outlet, url, n_chunks, ingested_at, origin FROM documents ORDER BY source")
        keys = ("source", "title", "date", "outlet", "url", "chunks", "ingested_at", "origin")
        return [dict(zip(keys, r)) for r in rows]

    def get_document(self, source: str) -> dict | None:
        row = self.db.execute(
            "SELECT source, title, date, outlet, url, text FROM documents WHERE source=?", (source,)).fetchone()
        return dict(zip(("source", "title", "date", "outlet", "url", "text"), row)) if row else None

    def get_chunks(self, ids: list[str] | None = None, *, vectors: bool = False) -> list[StoredChunk]:
        """Current chunks by id (in the order asked, unknown ids skipped), or all of them."""
        cols = ("c.id, c.source, c.idx, c.start, c.\"end\", c.text, c.sentences, d.title, d.date, d.outlet, d.url"
                + (", c.svecs" if vectors else ""))
        base = f"SELECT {cols} FROM chunks c JOIN documents d ON d.source = c.source"
        if ids is None:
            rows = self.db.execute(base + " ORDER BY c.source, c.idx").fetchall()
        else:
            rows = []
            for i in range(0, len(ids), 500):
                part = ids[i:i + 500]
                rows += self.db.execute(base + f" WHERE c.id IN ({','.join('?' * len(part))})", part).fetchall()
            order = {cid: n for n, cid in enumerate(ids)}
            rows.sort(key=lambda r: order[r[0]])
        out = []
        for r in rows:
            sv = None
            if vectors and r[11] is not None:
                sv = np.frombuffer(r[11], dtype=np.float32).reshape(-1, self.dim)
            out.append(StoredChunk(r[0], r[1], r[2], r[3], r[4], r[5], [tuple(s) for s in json.loads(r[6])],
                                   r[7] or "", r[8] or "", r[9] or "", r[10] or "", sv))
        return out

    def all_chunk_texts(self) -> tuple[list[str], list[str]]:
        rows = self.db.execute("SELECT id, text FROM chunks ORDER BY source, idx").fetchall()
        return [r[0] for r in rows], [r[1] for r in rows]

    def dense_search(self, vector: np.ndarray, n: int) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the nearest current chunks.

        One call to Chroma (a round trip to a server): it answers a request for more results than it holds,
        or an empty collection, with what it has (chromadb 1.x), so there is no count() first."""
        self.follow()
        try:
            res = self.collection.query(query_embeddings=[np.asarray(vector, dtype=np.float32).tolist()],
                                        n_results=n + 10, include=["distances"])
        except Exception as exc:
            if "does not exist" in str(exc):  # the data folder was replaced or emptied under this process
                raise StoreError(f"vector search failed: the collection {self.settings.collection!r} is gone from "
                                 f"{self.settings.home_path} (the data folder was replaced while this process ran): restart it, "
                                 f"or run `rag check --repair`") from None
            raise StoreError(f"vector search failed: {exc.__class__.__name__}: {exc}") from None
        ids, dists = res["ids"][0], res["distances"][0]
        current = self._current(ids)
        return [(i, 1.0 - float(d)) for i, d in zip(ids, dists) if i in current][:n]

    def _current(self, ids: list[str]) -> set[str]:
        if not ids:
            return set()
        q = f"SELECT id FROM chunks WHERE id IN ({','.join('?' * len(ids))})"
        return {r[0] for r in self.db.execute(q, ids)}

    # --- writing -------------------------------------------------------------------------------

    def put_document(self, doc: Document, chunks: list[Chunk], vectors: np.ndarray,
                     sentence_vectors: list[np.ndarray], digest: str, origin: str = "",
                     events: tuple | None = None) -> None:
        """Replace a document's chunks (and its contact mentions, `events` = (version, article, mentions)
        from rag/contacts/events.py) by new ones in one transaction; old vectors are deleted after the switch."""
        with self.writer.hold("a library write"), self._lock:
            new_ids = [c.id for c in chunks]
            old_ids = [r[0] for r in self.db.execute("SELECT id FROM chunks WHERE source=?", (doc.source,))]
            stale = sorted(set(old_ids) - set(new_ids))
            if chunks:
                self._pending(new_ids)
                self._upsert_vectors(chunks, vectors, digest)
            with self.db:
                self.db.execute("DELETE FROM chunks WHERE source=?", (doc.source,))
                self.db.executemany(
                    "INSERT INTO chunks VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [(c.id, c.source, c.index, c.start, c.end, c.text, json.dumps(c.sentences),
                      np.asarray(sv, dtype=np.float32).tobytes()) for c, sv in zip(chunks, sentence_vectors)])
                self.db.execute(
                    "INSERT OR REPLACE INTO documents (source, digest, file_digest, title, date, outlet, url, text, "
                    "n_chunks, ingested_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (doc.source, digest, "", doc.title, doc.date, doc.outlet, doc.url, doc.text,
                     len(chunks), time.time(), origin))
                if events is not None:
                    self._write_events(doc.source, events)
                self._bump()
                self._switch_index(stale, [(c.id, c.text) for c in chunks], new_ids)
            self._delete_vectors(stale)

    def delete_document(self, source: str) -> bool:
        """Remove a document, its chunks and their index entries in one transaction; then its vectors."""
        return self._remove(source, only_remains=False) is not None

    # --- repairs (rag check --repair, rag/ingestion/check.py) ---------------------------------------------

    def drop_remains(self, source: str) -> int:
        """Remove the chunks (with their lexical rows and vectors), mentions and extraction record of a source
        that has no document; returns how many chunks went. An article that exists is never touched."""
        return len(self._remove(source, only_remains=True) or [])

    def _remove(self, source: str, only_remains: bool) -> list[str] | None:
        """Remove a source's document, chunks, mentions and index entries in one transaction, then its vectors;
        the chunk ids removed, or None when there was no document (or, `only_remains`, when there is one)."""
        with self.writer.hold("a library write"), self._lock:
            with self.db:
                exists = self.db.execute("SELECT 1 FROM documents WHERE source=?", (source,)).fetchone() is not None
                if only_remains and exists:
                    return None
                ids = [r[0] for r in self.db.execute("SELECT id FROM chunks WHERE source=?", (source,))]
                self.db.execute("DELETE FROM documents WHERE source=?", (source,))
                self.db.execute("DELETE FROM chunks WHERE source=?", (source,))
                self.db.execute("DELETE FROM events WHERE source=?", (source,))
                self.db.execute("DELETE FROM event_docs WHERE source=?", (source,))
                self._bump()
                self._switch_index(ids, [], [])
            self._delete_vectors(ids)
            return ids if exists or only_remains else None

    def put_vectors(self, chunks: list[Chunk], vectors: np.ndarray, digest: str) -> None:
        """Write (again) the vectors of current chunks."""
        with self.writer.hold("a library repair"), self._lock:
            self._upsert_vectors(chunks, vectors, digest)

    def delete_vectors(self, ids: list[str]) -> None:
        """Delete vectors by id; only ids that no current chunk owns."""
        with self.writer.hold("a library repair"), self._lock:
            self._delete_vectors(sorted(set(ids) - self._current_all(ids)))

    def rewrite_lexicon(self, rows: list[tuple[str, str]], stray: list[str]) -> None:
        """Index (id, text) rows again and remove stray ids, at a new generation (caches follow)."""
        with self.writer.hold("a library repair"), self._lock, self.db:
            self._bump()
            gen = self.generation()
            lexicon_remove(self.db, gen, stray + [cid for cid, _ in rows])
            lexicon_put(self.db, gen, rows)

    def _current_all(self, ids: list[str]) -> set[str]:
        out: set[str] = set()
        for b in range(0, len(ids), 500):
            out |= self._current(ids[b:b + 500])
        return out

    # --- contact mentions (rag/contacts/events.py) --------------------------------------------------------

    def _write_events(self, source: str, events: tuple) -> None:
        version, article, mentions = events
        self.db.execute("DELETE FROM events WHERE source=?", (source,))
        self.db.executemany("INSERT INTO events VALUES (?, ?, ?)",
                            [(m["id"], source, json.dumps(m, ensure_ascii=False)) for m in mentions])
        self.db.execute("INSERT OR REPLACE INTO event_docs VALUES (?, ?, ?)",
                        (source, version, json.dumps(article, ensure_ascii=False)))

    def put_events(self, source: str, events: tuple) -> None:
        """Replace one current document's mentions (re-extraction of an unchanged document)."""
        with self.writer.hold("a library write"), self._lock, self.db:
            if self.db.execute("SELECT 1 FROM documents WHERE source=?", (source,)).fetchone():
                self._write_events(source, events)

    def events_version(self, source: str) -> str | None:
        row = self.db.execute("SELECT version FROM event_docs WHERE source=?", (source,)).fetchone()
        return row[0] if row else None

    def read_events(self) -> tuple[list[dict], dict[str, dict]]:
        """Every stored mention, and each document's inferred date (by source), read in one snapshot."""
        with self._lock:
            own = not self.db.in_transaction
            if own:
                self.db.execute("BEGIN")
            try:
                rows = self.db.execute("SELECT data FROM events ORDER BY source, rowid").fetchall()
                docs = self.db.execute("SELECT source, article FROM event_docs").fetchall()
            finally:
                if own:
                    self.db.execute("COMMIT")
        return [json.loads(r[0]) for r in rows], {s: json.loads(a) for s, a in docs}

    def sweep(self, full: bool = False) -> int:
        """Delete this library's vectors that no current chunk owns (left by an interrupted ingest).

        Candidates are only the ids this process's writes planned (recorded as pending before writing them,
        or made stale by a switch) and the ids found pending when it took the writer lock, left by writers
        that are gone: never another running writer's, nor another library's on the same Chroma server.
        `full` also scans the vectors tagged with this library's id (and, in a private embedded collection,
        untagged ones from old versions).
        """
        with self.writer.hold("a library write"), self._lock:
            pending = {r[0] for r in self.db.execute("SELECT id FROM pending_vectors")}
            ids = sorted(pending & (self._planned | self._leftover))
            if full:
                where = None if not self.settings.chroma_url else {"library": self.library_id}
                ids += self.collection.get(where=where, include=[])["ids"]
            current = self._current(ids) if len(ids) <= 900 else {r[0] for r in self.db.execute("SELECT id FROM chunks")}
            orphans = sorted({i for i in ids if i not in current})
            self._delete_vectors(orphans)
            with self.db:
                self.db.executemany("DELETE FROM pending_vectors WHERE id=?", [(i,) for i in ids])
            self._planned -= set(ids)
            self._leftover -= set(ids)
            return len(orphans)

    def _pending(self, ids: list[str]) -> None:
        self._planned.update(ids)
        with self.db:
            self.db.executemany("INSERT OR IGNORE INTO pending_vectors VALUES (?)", [(i,) for i in ids])

    def _switch_index(self, stale: list[str], added: list[tuple[str, str]], current: list[str]) -> None:
        """Inside the switching transaction: lexicon rows follow the chunks; stale vectors become pending."""
        gen = self.generation()
        lexicon_remove(self.db, gen, stale)
        lexicon_put(self.db, gen, added)
        self.db.executemany("DELETE FROM pending_vectors WHERE id=?", [(i,) for i in current])
        self.db.executemany("INSERT OR IGNORE INTO pending_vectors VALUES (?)", [(i,) for i in stale])
        self._planned.update(stale)

    def _delete_vectors(self, ids: list[str]) -> None:
        self._dirty = self._dirty or bool(ids)
        for b in range(0, len(ids), 5000):
            self.collection.delete(ids=ids[b:b + 5000])
        with self.db:
            self.db.executemany("DELETE FROM pending_vectors WHERE id=?", [(i,) for i in ids])

    def _bump(self, key: str = "generation") -> None:
        self._dirty = True
        self.db.execute("INSERT INTO meta VALUES (?, '1') ON CONFLICT(key) "
                        "DO UPDATE SET value = CAST(value AS INTEGER) + 1", (key,))

    def _upsert_vectors(self, chunks: list[Chunk], vectors: np.ndarray, digest: str) -> None:
        self._dirty = True
        size = 1000
        for b in range(0, len(chunks), size):
            part = chunks[b:b + size]
            try:
                self.collection.upsert(
                    ids=[c.id for c in part],
                    embeddings=np.asarray(vectors[b:b + size], dtype=np.float32),
                    documents=[c.text for c in part],
                    metadatas=[{**c.metadata(digest), "library": self.library_id} for c in part],
                )
            except Exception as exc:
                raise StoreError(f"writing vectors failed: {exc.__class__.__name__}: {exc}") from None

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None
