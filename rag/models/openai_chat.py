"""`openai:MODEL`: a chat model behind any OpenAI-compatible /v1/chat/completions endpoint (OpenAI, Ollama,
llama.cpp's server, vLLM, LM Studio). The configured default generative path."""

from __future__ import annotations

from typing import Iterator
from urllib.parse import urlparse

from ..config import Settings
from ..errors import ConfigError, ModelError
from .base import MAX_TOKENS, ErrorContext, Generative, map_error

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
                              timeout=self.timeout, max_retries=self.retries)

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
