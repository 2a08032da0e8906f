"""Model names resolved to model objects, once, at the edge (CLI, app, API); and the providers on offer.

It sits above the models it names (rag/models/base.py, rag/models/openai_chat.py, rag/models/lc_chat.py), so none of them
imports it back."""

from __future__ import annotations

from ..config import Settings
from ..errors import ConfigError, ModelError
from ..models.lc_chat import LangChainChat, is_langchain_chat
from ..models.base import ChatModel
from .extractive import Extractive
from ..models.openai_chat import OPENAI_URL, OpenAIChat


def resolve_model(model: "ChatModel | str | None", settings: Settings) -> ChatModel:
    """The model for a name (`extractive`, `openai:MODEL`), or the object itself; done once, at the edge."""
    if model is not None and not isinstance(model, str):
        if isinstance(model, ChatModel):
            return model
        if is_langchain_chat(model):
            return LangChainChat(model, settings)
        raise ConfigError(f"{type(model).__name__} is not an answer model (give a name, a ChatModel or a "
                          f"LangChain chat model)")
    name = (model or settings.llm or "extractive").strip()
    if name == "extractive":
        return Extractive()
    if name.startswith("openai:"):
        return OpenAIChat(name.split(":", 1)[1], settings)
    raise ConfigError(f"unknown model {name!r}: use 'extractive' or 'openai:MODEL'")


get_model = resolve_model  # the older public name


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
