"""Any LangChain chat model (ChatOpenAI, ChatOllama, ChatAnthropic, ChatLlamaCpp, a fake for tests) as an
answer model: the same grounded prompt, streaming, errors mapped by the table in rag/models/base.py to the
product's ModelError (so the pipeline falls back to the extractive answer), and the same citation check."""

from __future__ import annotations

from typing import Any, Iterator

from ..config import Settings
from .base import ErrorContext, Generative
from .openai_chat import make_stoppable


def is_langchain_chat(obj: Any) -> bool:
    try:
        from langchain_core.language_models.chat_models import BaseChatModel
    except ImportError:  # pragma: no cover - langchain-core is a dependency
        return False
    return isinstance(obj, BaseChatModel)


def _model_id(chat: Any) -> str:
    for attr in ("model_name", "model", "model_id", "model_path"):
        v = getattr(chat, attr, None)
        if isinstance(v, str) and v:
            return v
    return ""


def _to_messages(messages: list[dict]) -> list:
    from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

    kinds = {"system": SystemMessage, "user": HumanMessage, "assistant": AIMessage}
    return [kinds[m["role"]](content=m["content"]) for m in messages]


class LangChainChat(Generative):
    """Adapter: a LangChain `BaseChatModel` object answering from the numbered passages."""

    def __init__(self, chat: Any, settings: Settings, name: str | None = None):
        super().__init__(settings)
        self.chat = chat
        model = _model_id(chat)
        self.name = name or f"langchain:{type(chat).__name__}" + (f":{model}" if model else "")
        base = getattr(chat, "openai_api_base", None) or getattr(chat, "base_url", None)
        timeout = getattr(chat, "request_timeout", None) or getattr(chat, "timeout", None)
        retries = getattr(chat, "max_retries", 0)
        self.error_context = ErrorContext(
            str(base) if base else type(chat).__name__, model or type(chat).__name__,
            timeout if isinstance(timeout, (int, float)) else None,
            retries if isinstance(retries, int) else 0)
        # A chat model over the OpenAI SDK (ChatOpenAI and its kin): a stop cuts its request in flight too
        # (rag/models/openai_chat.py). Other models stop at their next chunk.
        self.stoppable = make_stoppable(getattr(getattr(chat, "root_client", None), "_client", None))

    def _deltas(self, messages: list[dict]) -> Iterator[str]:
        for chunk in self.chat.stream(_to_messages(messages)):
            text = chunk.text if isinstance(getattr(chunk, "text", None), str) else str(chunk.content or "")
            if text:
                yield str(text)
