"""The opened library: settings, embedder, store and the lexical index kept in step with the store."""

from __future__ import annotations

import threading
from typing import Callable

from ..config import Settings
from .embeddings import Embedder, get_embedder
from .lexical import LexicalIndex
from .store import Store


class Library:
    """What ingest, retrieval and answering share; open it once per process with `open_library`."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.embedder: Embedder = get_embedder(settings)
        self.store = Store(settings, self.embedder.name, self.embedder.dim)
        self._lexical = LexicalIndex()
        self._lock = threading.Lock()
        # The pickled index of earlier versions is replaced by the `lexicon` table.
        (settings.home_path / f"lexical-{settings.collection}.pkl").unlink(missing_ok=True)

    @property
    def lexical(self) -> LexicalIndex:
        """The lexical index of the current chunks; a change applies only the rows it touched."""
        gen = self.store.generation()
        if gen != self._lexical.generation:
            with self._lock:
                self._lexical.refresh(self.store.db)
        return self._lexical

    def is_empty(self) -> bool:
        return self.store.count_documents() == 0

    def delete(self, sources: list[str], say: Callable[[str], None] | None = None) -> list[str]:
        """Delete articles by source id: chunks, index entries and vectors, each article in one transaction,
        all under the writer lock (`say` hears it if another writer makes this one wait).

        Unknown sources are refused (StoreError naming them) before anything is deleted.
        """
        from ..errors import StoreError

        with self.store.writer.hold("rag delete", say=say):
            self.store.sweep()  # vectors an interrupted ingest or delete left behind
            unknown = [s for s in sources if self.store.digest_of(s) is None]
            if unknown:
                raise StoreError(f"no such article in the library: {', '.join(unknown)} (see `rag library`)")
            deleted = [s for s in dict.fromkeys(sources) if self.store.delete_document(s)]
            self.store.sweep()
        return deleted


_OPEN: dict[tuple, Library] = {}
_OPEN_LOCK = threading.Lock()


def open_library(settings: Settings) -> Library:
    """The library for these settings, opened once per process."""
    key = (settings.home, settings.chroma_url, settings.collection, settings.embedder)
    with _OPEN_LOCK:
        if key not in _OPEN:
            _OPEN[key] = Library(settings)
        return _OPEN[key]
