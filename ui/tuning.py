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
import sys
from collections.abc import MutableMapping
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


class LazyConfigs(MutableMapping):
    """A session's `config_values`: each block's config made the first time it is read (a request's inputs
    read theirs; the deep-link route reads all), from the blocks the session started with.

    A whole mapping, not a dict subclass: every method (get, items, pop, update, setdefault, ==, ...) comes
    from the five below, so none can bypass the filling as dict's C fast paths would."""

    def __init__(self, blocks_config, keys):
        self._cfg = blocks_config
        self._pending = set(keys)
        self._made: dict = {}

    def _fill(self, key) -> None:
        if key in self._pending:
            self._pending.discard(key)
            self._made[key] = self._cfg.config_for_block(key, [], self._cfg.blocks[key])

    def __getitem__(self, key):
        self._fill(key)
        return self._made[key]

    def __setitem__(self, key, value) -> None:
        self._pending.discard(key)
        self._made[key] = value

    def __delitem__(self, key) -> None:
        if key in self._pending:
            self._pending.discard(key)
        else:
            del self._made[key]

    def __iter__(self):
        for key in list(self._pending):
            self._fill(key)
        return iter(self._made)

    def __len__(self) -> int:
        return len(self._made) + len(self._pending)

    def __contains__(self, key) -> bool:  # without making the config
        return key in self._pending or key in self._made

    def __repr__(self) -> str:
        return f"LazyConfigs({len(self._made)} made, {len(self._pending)} pending)"


_STATE = {"sessions": None}  # why the session patch is on or off, once decided


def lazy_sessions() -> bool:
    """Make new Gradio sessions build each block's config when it is first read; True when applied. On any
    other Gradio source it is not applied, with a warning (once): sessions then work as Gradio ships them."""
    import gradio
    from gradio import state_holder

    cls = state_holder.SessionState
    if getattr(cls, "_rag_lazy", False):
        return True
    found = _source_sha1(cls.__init__)
    if found != SESSION_INIT_SHA1:
        if _STATE["sessions"] is None:
            _STATE["sessions"] = (f"off: gradio {gradio.__version__}'s SessionState.__init__ is not the source it "
                                  f"was written for (sha1 {found}, expected {SESSION_INIT_SHA1})")
            print(f"warning: Gradio session patch {_STATE['sessions']}; each new session builds every block's "
                  f"config at once (a user's first question waits longer)", file=sys.stderr, flush=True)
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
    _STATE["sessions"] = "on"
    return True


def startup_line(settings) -> str:
    """One line for `rag serve`'s log: whether the query engine and the Gradio session patch are active."""
    from rag.index.engine import status

    lazy_sessions()
    return f"{status(settings.query_engine)}; Gradio session patch: {_STATE['sessions']}"
