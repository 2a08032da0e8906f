"""Cited question answering over Arabic news on Iraq-Syria contacts; offline on the embedded default.

The public API; `ui/` and `evals/` use only these names. Heavy modules load on first use.
"""

from __future__ import annotations

import importlib

from .errors import (ConfigError, DocumentError, EmbedderMismatch, ModelError, QuestionError, RagError,
                     StoreError)

_LAZY = {
    "Settings": "config", "load_settings": "config", "PROJECT_ROOT": "config",
    "normalize": "arabic", "normalize_with_map": "arabic", "tokens": "arabic", "stem": "arabic", "language": "arabic",
    "safe_source": "documents",
    "Library": "library", "open_library": "library", "Embedder": "embeddings",
    "ingest": "ingestion", "IngestReport": "ingestion", "ensure_seeded": "ingestion",
    "hybrid_search": "retrieve", "lexical_query": "retrieve", "HybridRetriever": "retrieve", "Hit": "retrieve",
    "score_fusion": "retrieve", "adaptive_weight": "retrieve", "LexicalIndex": "lexical",
    "Pipeline": "chain", "Answer": "chain", "Citation": "chain", "Event": "chain", "validate_question": "questions",
    "screen_question": "questions", "check_k": "config", "check_number": "config", "check_lexical_weight": "config",
    "ChatModel": "models", "Reply": "models", "Extractive": "models", "resolve_model": "resolve",
    "get_model": "resolve", "list_providers": "resolve", "OpenAIChat": "openai_chat", "LangChainChat": "lc_chat",
    "mount_api": "server",
    "contact_timeline": "timeline", "ContactEvent": "timeline", "answer_from_timeline": "timeline",
    "TimelineAnswer": "timeline", "article_dates": "timeline", "events_consistent": "events",
    "check_citations": ("citations", "check"), "cited_sentences": "citations", "load_prompt": "prompts",
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
