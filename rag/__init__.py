"""Cited question answering over news in Arabic and English on Iraq-Syria contacts; offline on the embedded default.

The public API; `ui/` and `evals/` use only these names. Heavy modules load on first use.
"""

from __future__ import annotations

import importlib

from .errors import (ConfigError, DocumentError, EmbedderMismatch, ModelError, QuestionError, RagError,
                     StoreError)

_LAZY = {
    "Settings": "config", "load_settings": "config", "PROJECT_ROOT": "config",
    "check_k": "config", "check_number": "config", "check_lexical_weight": "config",
    "BOUNDS": "config",
    "safe_source": "documents",
    "normalize": "text.arabic", "normalize_with_map": "text.arabic", "tokens": "text.arabic", "stem": "text.arabic",
    "language": "text.arabic", "name_key": "text.script",
    "MONTHS": "text.dates", "explicit_dates": "text.dates", "period_of": "text.dates",
    "Library": "index.library", "open_library": "index.library", "Embedder": "index.embeddings",
    "hybrid_search": "index.retrieve", "lexical_query": "index.retrieve", "HybridRetriever": "index.retrieve",
    "Hit": "index.retrieve", "score_fusion": "index.retrieve", "adaptive_weight": "index.retrieve",
    "LexicalIndex": "index.lexical",
    "ingest": "ingestion.pipeline", "IngestReport": "ingestion.pipeline", "ensure_seeded": "ingestion.pipeline",
    "contact_timeline": "contacts.timeline", "ContactEvent": "contacts.timeline", "article_dates": "contacts.timeline",
    "events_consistent": "contacts.events",
    "ChatModel": "models.base", "Reply": "models.base", "load_prompt": "models.prompts",
    "Cancel": "models.base", "Cancelled": "models.base", "cancellable": "models.base",
    "OpenAIChat": "models.openai_chat", "LangChainChat": "models.lc_chat",
    "Pipeline": "answer.chain", "Answer": "answer.chain", "Citation": "answer.chain", "Event": "answer.chain",
    "validate_question": "answer.questions", "screen_question": "answer.questions",
    "Extractive": "answer.extractive", "resolve_model": "answer.resolve", "get_model": "answer.resolve",
    "list_providers": "answer.resolve", "answer_from_timeline": "answer.from_timeline",
    "TimelineAnswer": "answer.from_timeline",
    "check_citations": ("answer.citations", "check"), "cited_sentences": "answer.citations",
    "mount_api": "api.server", "discover_models": "api.server",
}

__all__ = ["ConfigError", "DocumentError", "EmbedderMismatch", "ModelError", "QuestionError", "RagError",
           "StoreError", *_LAZY]


def __getattr__(name: str):
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module 'rag' has no attribute {name!r}")
    module, attr = target if isinstance(target, tuple) else (target, name)
    value = getattr(importlib.import_module(f".{module}", __name__), attr)
    globals()[name] = value
    return value
