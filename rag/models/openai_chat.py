"""`openai:MODEL`: a chat model behind any OpenAI-compatible /v1/chat/completions endpoint (OpenAI, Ollama,
llama.cpp's server, vLLM, LM Studio). The configured default generative path."""

from __future__ import annotations

import functools
import socket
from contextlib import contextmanager
from typing import Any, Callable, Iterator
from urllib.parse import urlparse

from ..config import Settings
from ..errors import ConfigError, ModelError
from .base import MAX_TOKENS, Cancelled, ErrorContext, Generative, current_cancel, map_error

OPENAI_URL = "https://api.openai.com/v1"


class OpenAIChat(Generative):
    """A chat model behind any OpenAI-compatible /v1/chat/completions endpoint."""

    def __init__(self, model: str, settings: Settings):
        if not model:
            raise ConfigError("name the model: openai:MODEL (e.g. openai:gpt-4o-mini, openai:llama3.1)")
        super().__init__(settings)
        self.model = model
        self.name = f"openai:{model}"
        self.base_url = (settings.llm_base_url or OPENAI_URL).rstrip("/")
        host = urlparse(self.base_url).hostname or ""
        if host.endswith("openai.com") and not settings.api_key:
            raise ConfigError(f"{self.base_url} needs an API key: set OPENAI_API_KEY "
                              f"(or RAG_LLM_BASE_URL for a local server)")
        self.endpoint = f"{urlparse(self.base_url).scheme}://{urlparse(self.base_url).netloc}"
        self.timeout = settings.llm_timeout
        self.retries = settings.llm_retries
        self.error_context = ErrorContext(self.endpoint, model, self.timeout, self.retries,
                                          key_hint="check OPENAI_API_KEY")
        from openai import OpenAI

        # A local server ignores the key, but the client insists on having one.
        self._client = OpenAI(base_url=self.base_url, api_key=settings.api_key or "not-needed",
                              timeout=self.timeout, max_retries=self.retries, http_client=stoppable_http_client())

    def _deltas(self, messages: list[dict]) -> Iterator[str]:
        stream = self._client.chat.completions.create(
            model=self.model, messages=messages, stream=True, temperature=0, max_tokens=MAX_TOKENS)
        events, finished = 0, False
        try:
            for event in stream:
                events += 1
                for choice in getattr(event, "choices", None) or []:
                    delta = getattr(choice, "delta", None)
                    piece = getattr(delta, "content", None) if delta is not None else None
                    if piece:
                        yield piece
                    if getattr(choice, "finish_reason", None):
                        finished = True
        finally:
            stream.close()
        if not events:
            raise ModelError(f"{self.endpoint}: malformed reply (not an event stream)")
        if not finished:
            raise ModelError(f"{self.endpoint}: the reply broke off before it finished (connection closed)")

    def list_models(self) -> list[str]:
        try:
            return sorted(m.id for m in self._client.models.list())
        except Exception as exc:
            raise map_error(exc, self.error_context) from None


# ---- a stop reaches the request: the socket a call waits on is shut from the stopping thread -------------------
#
# A call waiting for its reply's headers or its first token sits in recv(); closing the socket from another
# thread does not wake it (Linux), shutting it down does. So every read and write on a model connection runs
# hooked to the calling thread's stop (rag/models/base.py: `Cancel`, set by the API when its client leaves and
# by the browser's Stop): the stop shuts that socket, the read returns, and the call ends with a `Stopped`,
# which the OpenAI client re-raises as it is (an OpenAIError: never retried, never wrapped).


@functools.cache
def _stopped() -> type:
    from openai import OpenAIError

    class Stopped(OpenAIError):
        """The request was cut by a stop (the answer's client left, or Stop was pressed)."""
    return Stopped


@contextmanager
def _watched(stream: Any) -> Iterator[None]:
    """A read or write on `stream`, cut short when this thread's answer is stopped."""
    cancel = current_cancel()
    if cancel is None:
        yield
        return
    sock = stream.get_extra_info("socket")

    def shut() -> None:
        if sock is not None:
            socket.socket.shutdown(sock, socket.SHUT_RDWR)  # the plain socket's shutdown (also under TLS)
    try:
        with cancel.hooked(shut):
            yield
    except Cancelled:
        raise _stopped()("the answer was stopped") from None
    except Exception:
        if cancel.is_set():
            raise _stopped()("the answer was stopped") from None
        raise
    if cancel.is_set():
        raise _stopped()("the answer was stopped")


class _StoppableStream:
    """An httpcore network stream whose reads and writes a stop can cut (see `_watched`)."""

    def __init__(self, inner: Any):
        self.inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        with _watched(self.inner):
            return self.inner.read(max_bytes, timeout)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        with _watched(self.inner):
            self.inner.write(buffer, timeout)

    def close(self) -> None:
        self.inner.close()

    def start_tls(self, *args: Any, **kwargs: Any) -> "_StoppableStream":
        with _watched(self.inner):
            return _StoppableStream(self.inner.start_tls(*args, **kwargs))

    def get_extra_info(self, info: str) -> Any:
        return self.inner.get_extra_info(info)


class _StoppableBackend:
    """httpcore's network backend, making stoppable streams; a stopped answer opens no new connection."""

    def __init__(self, inner: Any):
        self.inner = inner

    def connect_tcp(self, *args: Any, **kwargs: Any) -> _StoppableStream:
        return self._connected(lambda: self.inner.connect_tcp(*args, **kwargs))

    def connect_unix_socket(self, *args: Any, **kwargs: Any) -> _StoppableStream:
        return self._connected(lambda: self.inner.connect_unix_socket(*args, **kwargs))

    @staticmethod
    def _connected(connect: Callable[[], Any]) -> _StoppableStream:
        cancel = current_cancel()
        if cancel is not None and cancel.is_set():
            raise _stopped()("the answer was stopped")
        stream = connect()
        if cancel is not None and cancel.is_set():  # stopped while connecting
            stream.close()
            raise _stopped()("the answer was stopped")
        return _StoppableStream(stream)

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


def make_stoppable(client: Any) -> bool:
    """Let a stop cut the direct connections of an HTTP client (httpx2 or httpx, as the OpenAI SDK uses them):
    its pool's network backend makes stoppable streams. Nothing changes for a call made without a stop. False
    (the client as it was) when the client is laid out otherwise than the pinned versions (no
    `_transport._pool._network_backend`): a stop then ends the answer at its next token."""
    pool = getattr(getattr(client, "_transport", None), "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if backend is None:
        return False
    if not isinstance(backend, _StoppableBackend):
        pool._network_backend = _StoppableBackend(backend)
    return True


def stoppable_http_client():
    """The OpenAI client's own HTTP client (its defaults, proxies and certificates from the environment as
    usual), whose direct connections a stop can cut (`make_stoppable`)."""
    from openai import DefaultHttpxClient

    client = DefaultHttpxClient()
    make_stoppable(client)
    return client
