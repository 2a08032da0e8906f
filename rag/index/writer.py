"""One writer at a time per library: ingest, delete, replace and repair hold `WriterLock` for their whole run.

The lock is an exclusive `flock` on `RAG_HOME/writer.lock` (so it spans processes: the CLI, the server, a
second CLI) plus a re-entrant thread lock (the server's threads). Readers never take it: SQLite's WAL and
the store's snapshot reads keep them going while a writer works. A second writer waits, saying once who
holds the library, and refuses after `RAG_WRITER_WAIT` seconds with a `StoreError` naming the holder. The
kernel drops the lock of a writer that dies, so a killed ingest never leaves the library locked.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import threading
import time
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Callable, Iterator, Protocol

from ..errors import StoreError


class Writer(Protocol):
    """What guards a library's writes: `hold` for the length of one write operation (re-entrant)."""

    def hold(self, what: str, say: Callable[[str], None] | None = None) -> AbstractContextManager[None]: ...

    @property
    def held(self) -> bool: ...


class WriterLock:
    """The library's writer lock (see the module's docstring). `on_acquire`/`on_release` run when the
    outermost hold of this process starts and ends (the store uses them to refresh its view and stamp it)."""

    poll = 0.05  # seconds between tries while another process holds the lock

    def __init__(self, path: Path, wait: float, on_acquire: Callable[[], None] | None = None,
                 on_release: Callable[[], None] | None = None):
        self.path = Path(path)
        self.wait = wait
        self._thread_lock = threading.RLock()
        self._depth = 0
        self._fd: int | None = None
        self._on_acquire = on_acquire or (lambda: None)
        self._on_release = on_release or (lambda: None)

    @property
    def held(self) -> bool:
        """True while some thread of this process holds the lock."""
        return self._depth > 0

    @contextmanager
    def hold(self, what: str, say: Callable[[str], None] | None = None) -> Iterator[None]:
        """Hold the library for one write operation (`what`, e.g. "rag ingest"); waits for another writer
        (telling `say` once, with the holder) up to `wait` seconds, then refuses with StoreError."""
        deadline = time.monotonic() + self.wait
        if not self._thread_lock.acquire(blocking=False):  # another thread of this process is writing
            if say is not None:
                say(f"waiting for the library's other writer to finish: {self.holder()} "
                    f"(at most {self.wait:g} s, RAG_WRITER_WAIT)")
            if not (self.wait > 0 and self._thread_lock.acquire(timeout=self.wait)):
                raise StoreError(self._refusal(what))
        try:
            if self._depth == 0:
                self._acquire_file(what, deadline, say)
                try:
                    self._on_acquire()
                except BaseException:
                    self._release_file()
                    raise
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0:
                    try:
                        self._on_release()
                    finally:
                        self._release_file()
        finally:
            self._thread_lock.release()

    def holder(self) -> str:
        """Who holds the lock, as its holder wrote it: "pid 123 on host (rag ingest, since 06:50:01 UTC)"."""
        try:
            info = json.loads(self.path.read_text(encoding="utf-8") or "{}")
        except (OSError, ValueError):
            info = {}
        if not info.get("pid"):
            return "another process"
        since = time.strftime("%H:%M:%S UTC", time.gmtime(info.get("since", 0)))
        return f"pid {info['pid']} on {info.get('host', '?')} ({info.get('what', 'a writer')}, since {since})"

    def _refusal(self, what: str) -> str:
        return (f"{what}: the library {self.path.parent} is being written by {self.holder()} and stayed busy for "
                f"{self.wait:g} s; try again when it has finished, or raise RAG_WRITER_WAIT")

    def _acquire_file(self, what: str, deadline: float, say: Callable[[str], None] | None) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        told = False
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise StoreError(self._refusal(what)) from None
                    if not told and say is not None:
                        say(f"waiting for the library's other writer to finish: {self.holder()} "
                            f"(at most {self.wait:g} s, RAG_WRITER_WAIT)")
                        told = True
                    time.sleep(self.poll)
        except BaseException:
            os.close(fd)
            raise
        info = {"pid": os.getpid(), "host": socket.gethostname(), "what": what[:200], "since": time.time()}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode("utf-8"), 0)
        self._fd = fd

    def _release_file(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            try:
                os.ftruncate(fd, 0)
            finally:
                os.close(fd)  # closing drops the flock
