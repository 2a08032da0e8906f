"""The one way this library opens an SQLite file of its own (the articles, the vector cache, the contacts cache)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def open_sqlite(path: Path | str, *, timeout: float = 30, shared: bool = True,
                synchronous: str | None = None) -> sqlite3.Connection:
    """A connection to `path` (its folder made if missing) in WAL mode: readers never block the writer, and
    several processes (an ingest, a server) share the file. `timeout` is how long a write waits for another
    writer's lock, in seconds. `shared`: one connection used by several threads under the caller's own lock;
    otherwise the connection belongs to the thread that opened it. `synchronous` ("NORMAL", ...) sets that
    pragma; SQLite's default (FULL) when None."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), check_same_thread=not shared, timeout=timeout)
    conn.execute("PRAGMA journal_mode=WAL")
    if synchronous is not None:
        conn.execute(f"PRAGMA synchronous={synchronous}")
    return conn
