"""Two measured adjustments of Gradio's serving internals, each applied only to the code it was measured on.

- `calm_queue`: Gradio's queue looks for new events every 1 ms and for progress to send every 10 ms, even
  when idle: an idle `rag serve` used 5.7% of a core. Every 5 ms and 50 ms instead (a new question waits
  2.5 ms more on average, a progress bar moves 20 times a second).
- `lazy_sessions`: a new session (a browser tab, or an API client's first call) made the config of every one
  of the app's ~100 blocks at once, 12 ms of CPU on the server's event loop, although only the deep-link
  route ever reads it. Twenty users asking their first question together waited for twenty of those in a
  row. Now a session makes that config the first time something reads it, from the same blocks.

bench/load.py measures both (idle CPU; each user's first question).
"""

from __future__ import annotations

import hashlib
import inspect
import os
from copy import copy

# The source of gradio.state_holder.SessionState.__init__ that `lazy_sessions` replaces (gradio 6.31); on any
# other source the patch is not applied and Gradio works as shipped.
SESSION_INIT_SHA1 = "27ffc2b3cb0f"


def calm_queue(demo) -> None:
    queue = getattr(demo, "_queue", None)
    if queue is not None and hasattr(queue, "sleep_when_free"):
        queue.sleep_when_free = 0.005
        queue.progress_update_sleep_when_free = 0.05


def _source_sha1(fn) -> str:
    return hashlib.sha1(inspect.getsource(fn).encode("utf-8")).hexdigest()[:12]


class LazyConfigs(dict):
    """A session's `config_values`: each block's config made the first time it is read (a request's inputs
    read theirs; the deep-link route reads all), from the blocks the session started with."""

    def __init__(self, blocks_config, keys):
        super().__init__()
        self._cfg = blocks_config
        self._pending = set(keys)

    def _fill(self, key) -> None:
        if key in self._pending:
            self._pending.discard(key)
            super().__setitem__(key, self._cfg.config_for_block(key, [], self._cfg.blocks[key]))

    def _fill_all(self) -> None:
        for key in list(self._pending):
            self._fill(key)

    def __contains__(self, key) -> bool:
        return key in self._pending or super().__contains__(key)

    def __getitem__(self, key):
        self._fill(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __setitem__(self, key, value) -> None:
        self._pending.discard(key)
        super().__setitem__(key, value)

    def __len__(self) -> int:
        return super().__len__() + len(self._pending)

    def __iter__(self):
        self._fill_all()
        return super().__iter__()

    def keys(self):
        self._fill_all()
        return super().keys()

    def values(self):
        self._fill_all()
        return super().values()

    def items(self):
        self._fill_all()
        return super().items()

    def __eq__(self, other) -> bool:
        self._fill_all()
        return dict(super().items()) == other

    __hash__ = None  # type: ignore[assignment]


def lazy_sessions() -> bool:
    """Make new Gradio sessions build each block's config when it is first read; True when applied."""
    from gradio import state_holder

    cls = state_holder.SessionState
    if getattr(cls, "_rag_lazy", False):
        return True
    if _source_sha1(cls.__init__) != SESSION_INIT_SHA1:
        return False

    def __init__(self, blocks) -> None:  # the shipped __init__, with `config_values` made on demand
        self.blocks_config = copy(blocks.default_config)
        self.config_values = LazyConfigs(self.blocks_config,
                                         [k for k in self.blocks_config.blocks if k in blocks.blocks])
        self.state_data = {}
        self._state_ttl = {}
        self.is_closed = False
        self.STATE_TTL_WHEN_CLOSED = 1 if os.getenv("GRADIO_IS_E2E_TEST", None) else 3600

    cls.__init__ = __init__
    cls._rag_lazy = True
    return True
