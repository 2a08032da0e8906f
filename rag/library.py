"""The opened library: settings, embedder, store and the lexical index kept in step with the store."""

from __future__ import annotations

import threading

from .config import Settings
from .embeddings import E5Embeddings, get_embedder
from .lexical import BM25Index
from .store import Store


class Library:
    """What ingest, retrieval and answering share; open it once per process with `open_library`."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.embedder: E5Embeddings = get_embedder(settings)
        self.store = Store(settings, self.embedder.name, self.embedder.dim)
        self._lexical: BM25Index | None = None
        self._lexical_gen = -1
        self._lock = threading.Lock()

    @property
    def lexical(self) -> BM25Index:
        """The BM25 index of the current chunks, rebuilt (and saved) only when the library changed."""
        gen = self.store.generation()
        with self._lock:
            if self._lexical is None or self._lexical_gen != gen:
                path = self.settings.home_path / f"lexical-{self.settings.collection}.pkl"
                index = BM25Index.load(path, gen)
                if index is None:
                    ids, texts = self.store.all_chunk_texts()
                    index = BM25Index(ids, texts)
                    index.save(path, gen)
                self._lexical, self._lexical_gen = index, gen
            return self._lexical

    def is_empty(self) -> bool:
        return self.store.count_documents() == 0


_OPEN: dict[tuple, Library] = {}
_OPEN_LOCK = threading.Lock()


def open_library(settings: Settings) -> Library:
    """The library for these settings, opened once per process."""
    key = (settings.home, settings.chroma_url, settings.collection, settings.embedder)
    with _OPEN_LOCK:
        if key not in _OPEN:
            _OPEN[key] = Library(settings)
        return _OPEN[key]
