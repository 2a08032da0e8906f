"""Extracted contacts kept by what they were extracted from: an article's content digest, its source, the rules'
version and the domain data's digest (`extractor_version`). A new library over the same articles, or a re-ingest,
reads them back instead of running the rules again, as embeddings are read from their cache. SQLite in RAG_HOME."""

from __future__ import annotations

import hashlib
import json
import threading
from pathlib import Path

from ..index.sqlite import open_sqlite


class ContactsCache:
    def __init__(self, path: Path):
        self._db = open_sqlite(path)
        self._db.execute("CREATE TABLE IF NOT EXISTS extracted (key TEXT PRIMARY KEY, rows TEXT NOT NULL)")
        self._lock = threading.Lock()

    @staticmethod
    def key(version: str, digest: str, source: str) -> str:
        return hashlib.sha256(f"{version}\x00{digest}\x00{source}".encode("utf-8")).hexdigest()

    def get(self, key: str) -> tuple | None:
        with self._lock:
            row = self._db.execute("SELECT rows FROM extracted WHERE key = ?", (key,)).fetchone()
        return tuple(json.loads(row[0])) if row else None

    def put(self, key: str, rows: tuple) -> None:
        with self._lock, self._db:
            self._db.execute("INSERT OR REPLACE INTO extracted (key, rows) VALUES (?, ?)",
                             (key, json.dumps(rows, ensure_ascii=False)))

    def close(self) -> None:
        self._db.close()
