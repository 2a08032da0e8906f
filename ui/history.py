"""Saved conversations: each browser's conversations kept in `RAG_HOME/conversations.sqlite`, so a reload (or a
restart of the server) does not lose them; listed newest first and deleted on request.

A browser is known only by the random id its page keeps in local storage; ids that are not such ids are
refused, and the store is bounded (per browser and in all).
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .state import Conversation

_ID = re.compile(r"[A-Za-z0-9-]{16,64}")


def valid_id(value: str) -> bool:
    return isinstance(value, str) and bool(_ID.fullmatch(value))


@dataclass(frozen=True)
class Saved:
    """One saved conversation as the list shows it."""

    conv_id: str
    title: str
    turns: int
    updated: float


class ConversationStore:
    """Conversations by (browser id, conversation id), at most `per_client` per browser and `total` in all
    (the oldest go first)."""

    def __init__(self, path: Path, per_client: int = 30, total: int = 5000):
        self.per_client, self.total = per_client, total
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS conversations (client TEXT, conv TEXT, title TEXT, turns INT, "
                         "updated REAL, data TEXT, PRIMARY KEY (client, conv))")

    def save(self, client: str, conv_id: str, conv: Conversation) -> bool:
        if not (valid_id(client) and valid_id(conv_id)) or not conv.turns:
            return False
        data = json.dumps(conv.to_json(), ensure_ascii=False)
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO conversations VALUES (?, ?, ?, ?, ?, ?)",
                             (client, conv_id, conv.turns[0].question[:120], len(conv.turns), time.time(), data))
            self._db.execute("DELETE FROM conversations WHERE client = ? AND conv NOT IN (SELECT conv FROM "
                             "conversations WHERE client = ? ORDER BY updated DESC LIMIT ?)",
                             (client, client, self.per_client))
            self._db.execute("DELETE FROM conversations WHERE rowid NOT IN (SELECT rowid FROM conversations "
                             "ORDER BY updated DESC LIMIT ?)", (self.total,))
        return True

    def load(self, client: str, conv_id: str) -> Conversation | None:
        if not (valid_id(client) and valid_id(conv_id)):
            return None
        with self._lock:
            row = self._db.execute("SELECT data FROM conversations WHERE client = ? AND conv = ?",
                                   (client, conv_id)).fetchone()
        return Conversation.from_json(json.loads(row[0])) if row else None

    def list(self, client: str) -> list[Saved]:
        if not valid_id(client):
            return []
        with self._lock:
            rows = self._db.execute("SELECT conv, title, turns, updated FROM conversations WHERE client = ? "
                                    "ORDER BY updated DESC", (client,)).fetchall()
        return [Saved(*r) for r in rows]

    def clear(self, client: str) -> int:
        if not valid_id(client):
            return 0
        with self._lock:
            return self._db.execute("DELETE FROM conversations WHERE client = ?", (client,)).rowcount
