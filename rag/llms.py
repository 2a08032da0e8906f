"""Answer providers, chosen by name: `extractive` (embedded, no LLM) and `openai:MODEL` (any
OpenAI-compatible endpoint: OpenAI, Ollama, llama.cpp's server, vLLM, LM Studio)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Protocol
from urllib.parse import urlparse

import numpy as np

from .arabic import language
from .config import Settings
from .errors import ConfigError, ModelError
from .extractive import ABSTAIN, answer_extractive
from .lexical import BM25Index
from .prompts import Prompt, load_prompt
from .retrieve import Hit

OPENAI_URL = "https://api.openai.com/v1"
MAX_CONTEXT_CHARS = 12000  # passages beyond this are left out of the prompt (no tokenizer download)
MAX_ANSWER_CHARS = 4000  # a reply longer than this is cut (and the cut is noted)
MAX_TOKENS = 800


@dataclass
class Context:
    """What a provider gets to answer from."""

    question: str
    hits: list[Hit]
    qvec: np.ndarray
    lexical: BM25Index
    threshold: float


class ChatModel(Protocol):
    """An answer provider: streams answer text with [n] markers for the numbered passages."""

    name: str
    prompt: Prompt | None

    def stream(self, ctx: Context) -> Iterator[str]: ...

    def complete(self, text: str) -> str: ...


class Extractive:
    """The embedded default: retrieved sentences with their markers, or an abstention."""

    prompt = None

    def __init__(self) -> None:
        self.name = "extractive"
        self.last_abstained = False
        self.last_reason = ""

    def stream(self, ctx: Context) -> Iterator[str]:
        res = answer_extractive(ctx.question, ctx.hits, ctx.qvec, ctx.lexical, ctx.threshold)
        self.last_abstained = res.abstained
        self.last_reason = res.reason
        yield res.answer

    def complete(self, text: str) -> str:
        raise ModelError("the extractive model does not generate text")


def format_passages(hits: list[Hit], limit: int = MAX_CONTEXT_CHARS) -> str:
    """Numbered passages with outlet, date and title, as quoted data."""
    parts, used = [], 0
    for n, h in enumerate(hits, 1):
        c = h.chunk
        meta = " | ".join(x for x in (c.outlet, c.date, c.title, c.source) if x)
        block = f"[{n}] ({meta})\n<<<\n{c.text.replace('<<<', '').replace('>>>', '')}\n>>>"
        if used + len(block) > limit and parts:
            break
        parts.append(block)
        used += len(block)
    return "\n\n".join(parts)


class OpenAIChat:
    """A chat model behind any OpenAI-compatible /v1/chat/completions endpoint."""

    def __init__(self, model: str, settings: Settings):
        self.cut = False
        if not model:
            raise ConfigError("name the model: openai:MODEL (e.g. openai:gpt-4o-mini, openai:llama3.1)")
        self.model = model
        self.name = f"openai:{model}"
        self.base_url = (settings.llm_base_url or OPENAI_URL).rstrip("/")
        host = urlparse(self.base_url).hostname or ""
        self.hosted = host.endswith("openai.com")
        if self.hosted and not settings.api_key:
            raise ConfigError(f"{self.base_url} needs an API key: set OPENAI_API_KEY "
                              f"(or RAG_LLM_BASE_URL for a local server)")
        self.endpoint = f"{urlparse(self.base_url).scheme}://{urlparse(self.base_url).netloc}"
        self.timeout = settings.llm_timeout
        self.retries = settings.llm_retries
        self.prompt = load_prompt(settings.prompts_dir, "answer")
        self.system = load_prompt(settings.prompts_dir, "system")
        from openai import OpenAI

        # A local server ignores the key, but the client insists on having one.
        self._client = OpenAI(base_url=self.base_url, api_key=settings.api_key or "not-needed",
                              timeout=self.timeout, max_retries=self.retries)

    def messages(self, ctx: Context) -> list[dict]:
        lang = language(ctx.question)
        user = self.prompt.format(
            language="Arabic" if lang == "ar" else "English", abstain=ABSTAIN[lang].split(".")[0],
            passages=format_passages(ctx.hits), question=ctx.question)
        return [{"role": "system", "content": self.system.text.strip()}, {"role": "user", "content": user}]

    def stream(self, ctx: Context) -> Iterator[str]:
        yield from self._stream(self.messages(ctx))

    def complete(self, text: str) -> str:
        return "".join(self._stream([{"role": "user", "content": text}]))

    def _stream(self, messages: list[dict]) -> Iterator[str]:
        got_any, finished, length, events = False, False, 0, 0
        self.cut = False
        try:
            stream = self._client.chat.completions.create(
                model=self.model, messages=messages, stream=True, temperature=0, max_tokens=MAX_TOKENS)
            for event in stream:
                events += 1
                if length > MAX_ANSWER_CHARS:
                    self.cut = finished = True
                    stream.close()
                    break
                choices = getattr(event, "choices", None) or []
                for choice in choices:
                    delta = getattr(choice, "delta", None)
                    piece = getattr(delta, "content", None) if delta is not None else None
                    if piece:
                        got_any = True
                        length += len(piece)
                        yield piece
                    if getattr(choice, "finish_reason", None):
                        finished = True
        except ModelError:
            raise
        except Exception as exc:  # mapped to one line that names the endpoint and the cause
            raise self._error(exc, got_any) from None
        if not events:
            raise ModelError(f"{self.endpoint}: malformed reply (not an event stream)")
        if not finished:
            raise ModelError(f"{self.endpoint}: the reply broke off before it finished (connection closed)",
                             retryable=True)
        if not got_any:
            raise ModelError(f"{self.endpoint}: the model {self.model!r} sent an empty reply")

    def _error(self, exc: Exception, partial: bool) -> ModelError:
        import openai

        where = self.endpoint
        status = getattr(exc, "status_code", None)
        if isinstance(exc, openai.APITimeoutError):
            return ModelError(f"{where}: no reply within {self.timeout:g}s (timeout)", retryable=True)
        if isinstance(exc, openai.APIConnectionError):
            cause = "the connection broke mid-reply" if partial else "cannot connect (is the server running?)"
            return ModelError(f"{where}: {cause}", retryable=True)
        if isinstance(exc, openai.AuthenticationError) or status == 401:
            return ModelError(f"{where}: the API key was refused (401); check OPENAI_API_KEY")
        if isinstance(exc, openai.NotFoundError) or status == 404:
            return ModelError(f"{where}: model {self.model!r} not found (404); `rag models` lists what it serves")
        if isinstance(exc, openai.RateLimitError) or status == 429:
            return ModelError(f"{where}: rate limited (429) after {self.retries} retries", retryable=True)
        if status and status >= 500:
            return ModelError(f"{where}: server error ({status}) after {self.retries} retries", retryable=True)
        if status:
            return ModelError(f"{where}: request refused ({status})")
        return ModelError(f"{where}: malformed reply ({exc.__class__.__name__})")

    def list_models(self) -> list[str]:
        try:
            return sorted(m.id for m in self._client.models.list())
        except Exception as exc:
            raise self._error(exc, False) from None


def get_model(name: str, settings: Settings) -> ChatModel:
    """The provider for a model name: `extractive` or `openai:MODEL`."""
    name = (name or "extractive").strip()
    if name == "extractive":
        return Extractive()
    if name.startswith("openai:"):
        return OpenAIChat(name.split(":", 1)[1], settings)
    raise ConfigError(f"unknown model {name!r}: use 'extractive' or 'openai:MODEL'")


def list_providers(settings: Settings) -> list[dict]:
    """Providers and, for the configured endpoint, the models its /v1/models reports."""
    out = [{"name": "extractive", "kind": "embedded", "models": ["extractive"]}]
    if settings.llm_base_url or settings.api_key or settings.llm.startswith("openai:"):
        entry = {"name": "openai", "kind": "openai-compatible", "endpoint": settings.llm_base_url or OPENAI_URL}
        try:
            model = settings.llm.split(":", 1)[1] if settings.llm.startswith("openai:") else "any"
            entry["models"] = [f"openai:{m}" for m in OpenAIChat(model, settings).list_models()]
        except (ModelError, ConfigError) as exc:
            entry["error"] = str(exc)
            entry["models"] = []
        out.append(entry)
    return out
