"""Answer models behind one small protocol, and the name -> model resolution done once at the edge.

A model streams answer text with [n] markers for the numbered passages, and ends with a `Reply` value
(text, abstained, cut, notice, prompt): per-call results are values, never attributes of the model.
Models: `Extractive` (embedded, no LLM, rag/answer/extractive.py), `OpenAIChat` (`openai:MODEL`, any OpenAI-compatible endpoint,
rag/models/openai_chat.py) and `LangChainChat` (any LangChain chat model object, rag/models/lc_chat.py).
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Protocol, runtime_checkable

import numpy as np

from ..text.arabic import language, normalize
from ..config import Settings
from ..errors import ModelError
from ..index.lexical import BM25Index
from .prompts import load_prompt
from ..index.retrieve import Hit

ABSTAIN = {
    "ar": "لا تتضمن المصادر المتاحة إجابة واضحة عن هذا السؤال. هذه أقرب المقاطع التي وُجدت.",
    "en": "The sources do not contain a clear answer to this question. These are the closest passages found.",
}
MAX_ANSWER_CHARS = 4000  # a reply longer than this is cut (and the cut is noted)
MAX_TOKENS = 800


@dataclass
class Context:
    """What a model gets to answer from."""

    question: str
    hits: list[Hit]
    qvec: np.ndarray
    lexical: BM25Index
    threshold: float
    # The passages' sentences best matching the question, best first, as (passage number, sentence): given by
    # the answer path (its sentence scorer), asked only when a prompt must trim passages to fit its budget.
    rank: Callable[[], Iterable[tuple[int, str]]] | None = None


@dataclass(frozen=True)
class Reply:
    """One model call's result: the full text and what the model (or its transport) found out."""

    text: str
    abstained: bool = False
    cut: bool = False  # the reply was too long and was cut
    notice: str = ""
    prompt: str | None = None  # name@hash of the prompt used, None for the extractive answer
    abstain_reason: str = ""  # why the answerer abstained (the extractive answer says)
    score: float | None = None  # the answerer's answerability score (>= 0 answers; the extractive answer gives it)


@runtime_checkable
class ChatModel(Protocol):
    """An answer model: `stream` yields text pieces and then exactly one `Reply`."""

    name: str

    def stream(self, ctx: Context) -> Iterator[str | Reply]: ...

    def complete(self, text: str) -> str: ...


# ---- cancellation: a stop that reaches a model call in flight ----------------------------------------------

class Cancelled(Exception):
    """The answer was stopped (Stop pressed, the client gone) while it ran: nobody waits for it any more.
    Not a ModelError, so no fallback answer is made for nobody."""


class Cancel:
    """One answer's stop, set from any thread (an event loop that saw the client leave, a Stop button).

    Setting it runs the hooks registered by the calls in flight: a model's HTTP request registers one that
    shuts its socket, so a call still waiting for its first token (or its reply's headers) ends at once
    instead of at its token or its timeout. A call registering after the stop is refused (`Cancelled`)."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._hooks: dict[object, Callable[[], None]] = {}

    def is_set(self) -> bool:
        return self._event.is_set()

    def set(self) -> None:
        with self._lock:
            self._event.set()
            hooks = list(self._hooks.values())
        for hook in hooks:
            try:
                hook()
            except OSError:  # already closed
                pass

    @contextmanager
    def hooked(self, hook: Callable[[], None]) -> Iterator[None]:
        """While the block runs, `set()` calls `hook` (from the setting thread)."""
        key = object()
        with self._lock:
            if self._event.is_set():
                raise Cancelled()
            self._hooks[key] = hook
        try:
            yield
        finally:
            with self._lock:
                self._hooks.pop(key, None)


_current = threading.local()


def current_cancel() -> Cancel | None:
    """The stop of the answer this thread is computing a step of (None outside `cancellable`)."""
    return getattr(_current, "cancel", None)


def cancellable(events: Iterator, cancel: Cancel) -> Iterator:
    """`events` (an answer's steps) under `cancel`: each step runs with `cancel` as its thread's stop (steps
    may run on different threads: Gradio runs each in its pool), so a model call inside it can be cut; once
    `cancel` is set the steps end with `Cancelled` and `events` is closed."""
    try:
        while True:
            before = getattr(_current, "cancel", None)
            _current.cancel = cancel
            try:
                item = next(events)
            except StopIteration:
                return
            finally:
                _current.cancel = before
            if cancel.is_set():
                raise Cancelled()
            yield item
    finally:
        events.close()


# ---- errors: one table for every transport (OpenAI's client, httpx, requests, other SDKs) ----------------

# Exception class names (anywhere in the exception's MRO) that mean a transport failure, checked in order.
TRANSPORT_ERRORS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("APITimeoutError", "TimeoutException", "Timeout", "TimeoutError", "ReadTimeout", "DeadlineExceeded"),
     "timeout"),
    (("APIConnectionError", "ConnectError", "ConnectionError", "RemoteProtocolError", "ReadError",
      "ServiceUnavailable"), "connection"),
)
# Exception class names that stand for an HTTP status (SDKs that do not carry `status_code`).
STATUS_OF_CLASS = {"AuthenticationError": 401, "Unauthenticated": 401, "PermissionDeniedError": 403,
                   "PermissionDenied": 403, "NotFoundError": 404, "NotFound": 404, "RateLimitError": 429,
                   "TooManyRequests": 429, "ResourceExhausted": 429, "InternalServerError": 500}
# What the user reads, by cause; `{...}` are filled from the model's `ErrorContext`.
MESSAGES: dict[str | int, str] = {
    "timeout": "no reply {within} (timeout)",
    "connection": "{connection}",
    401: "the API key was refused (401); {key_hint}",
    403: "access refused (403); {key_hint}",
    404: "model {model!r} not found (404); `rag models` lists what it serves",
    429: "rate limited (429) after {retries} retries",
    "5xx": "server error ({status}) after {retries} retries",
    "status": "request refused ({status})",
    "other": "malformed reply ({cls})",
}


@dataclass(frozen=True)
class ErrorContext:
    """What error messages name: where the model lives and how it was asked."""

    where: str
    model: str
    timeout: float | None = None
    retries: int = 0
    key_hint: str = "check the model's API key"


def _status(exc: BaseException, names: list[str]) -> int | None:
    for attr in ("status_code", "status", "code"):
        v = getattr(exc, attr, None)
        if isinstance(v, int) and 100 <= v < 600:
            return v
    v = getattr(getattr(exc, "response", None), "status_code", None)
    if isinstance(v, int):
        return v
    return next((STATUS_OF_CLASS[n] for n in names if n in STATUS_OF_CLASS), None)


def map_error(exc: BaseException, ec: ErrorContext, partial: bool = False) -> ModelError:
    """The product's one-line ModelError for any transport or SDK exception (by the tables above)."""
    if isinstance(exc, ModelError):
        return exc
    names = [c.__name__ for c in type(exc).__mro__]
    cause: str | int = next((kind for classes, kind in TRANSPORT_ERRORS if any(n in names for n in classes)), "")
    status = _status(exc, names)
    if not cause:
        cause = status if status in MESSAGES else "5xx" if status and status >= 500 else \
            "status" if status else "other"
    template = MESSAGES[cause]
    text = template.format(
        within=f"within {ec.timeout:g}s" if ec.timeout else "in time", model=ec.model, retries=ec.retries,
        connection="the connection broke mid-reply" if partial else "cannot connect (is the server running?)",
        key_hint=ec.key_hint, status=status, cls=exc.__class__.__name__)
    return ModelError(f"{ec.where}: {text}")


# ---- the grounded prompt shared by every generative model --------------------------------------------------

def _trim(hit: Hit, n: int, ranked: dict[int, list[str]], budget: int) -> str:
    """The passage, or when it is longer than `budget` its best-matching sentences in their own order."""
    text = hit.chunk.text
    if len(text) <= budget or not ranked.get(n):
        return text
    keep, used = set(), 0
    for s in ranked[n]:
        if used and used + len(s) > budget:
            break
        keep.add(s)
        used += len(s) + 1
    sents = [text[a:b].strip() for a, b in hit.chunk.sentences]
    out, gap = [], False
    for s in sents:
        if s in keep:
            out.append(("… " if gap else "") + s)
            gap = False
        else:
            gap = True
    return " ".join(out) + (" …" if gap else "")


def format_passages(ctx: Context, limit: int) -> str:
    """Numbered passages with outlet, date and title, as quoted data, within `limit` characters.

    When the passages are longer than their share of the limit, each keeps its sentences that best match
    the question (a small local model reads a short prompt many times faster)."""
    hits = ctx.hits
    share = max(200, limit // max(1, len(hits)))
    ranked: dict[int, list[str]] = {}
    if ctx.rank is not None and any(len(h.chunk.text) > share for h in hits):
        for n, text in ctx.rank():
            ranked.setdefault(n, []).append(text)
    parts, used = [], 0
    for n, h in enumerate(hits, 1):
        c = h.chunk
        meta = " | ".join(x for x in (c.outlet, c.date, c.title, c.source) if x)
        body = _trim(h, n, ranked, share).replace("<<<", "").replace(">>>", "")
        block = f"[{n}] ({meta})\n<<<\n{body}\n>>>"
        if used + len(block) > limit and parts:
            break
        parts.append(block)
        used += len(block)
    return "\n\n".join(parts)


def looks_abstained(text: str, question: str) -> bool:
    """A generative answer that says the passages lack the answer, and cites nothing."""
    t = normalize(text)
    cues = ("لا تتضمن", "لا تحتوي", "لا يوجد في", "لا تذكر", "لم ترد", "لا تجيب", "not contain", "do not say",
            "does not say", "no information", "not mentioned", "do not mention", "cannot answer", "not in the")
    return "[" not in text and any(normalize(c) in t for c in cues) or normalize(ABSTAIN[language(question)]) == t


class Generative:
    """What every generative model shares: the grounded prompt, the cut, the empty check, the Reply.

    Subclasses give `name`, `error_context` and `_deltas(messages)` (text pieces; raise on failure)."""

    name: str = "generative"
    error_context: ErrorContext

    def __init__(self, settings: Settings):
        self.prompt = load_prompt(settings.prompts_dir, "answer")
        self.system = load_prompt(settings.prompts_dir, "system")
        self.context_chars = settings.llm_context_chars

    def messages(self, ctx: Context) -> list[dict]:
        lang = language(ctx.question)
        user = self.prompt.format(
            language="Arabic" if lang == "ar" else "English", abstain=ABSTAIN[lang].split(".")[0],
            passages=format_passages(ctx, self.context_chars), question=ctx.question)
        return [{"role": "system", "content": self.system.text.strip()}, {"role": "user", "content": user}]

    def _deltas(self, messages: list[dict]) -> Iterator[str]:
        raise NotImplementedError

    def _pieces(self, messages: list[dict], cut: list[bool]) -> Iterator[str]:
        length, got_any = 0, False
        gen = self._deltas(messages)
        try:
            for piece in gen:
                if not piece:
                    continue
                if length > MAX_ANSWER_CHARS:
                    cut.append(True)
                    break
                got_any = True
                length += len(piece)
                yield piece
        except (ModelError, Cancelled):
            raise
        except Exception as exc:  # mapped to one line that names the endpoint and the cause
            if (cancel := current_cancel()) is not None and cancel.is_set():
                raise Cancelled() from None  # the call was cut by a stop: not a model failure
            raise map_error(exc, self.error_context, partial=got_any) from None
        finally:
            gen.close()
        if not got_any:
            raise ModelError(f"{self.error_context.where}: the model {self.error_context.model!r} sent an empty reply")

    def stream(self, ctx: Context) -> Iterator[str | Reply]:
        parts: list[str] = []
        cut: list[bool] = []
        for piece in self._pieces(self.messages(ctx), cut):
            parts.append(piece)
            yield piece
        text = "".join(parts)
        if cut:
            text = text.rstrip() + " …"
        yield Reply(text, abstained=looks_abstained(text, ctx.question), cut=bool(cut),
                    notice="the reply was too long and was cut." if cut else "", prompt=self.prompt.ref)

    def complete(self, text: str) -> str:
        return "".join(self._pieces([{"role": "user", "content": text}], []))
