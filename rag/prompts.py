"""Prompt templates kept as files in prompts/; every answer records the prompt's name and hash."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError


@dataclass(frozen=True)
class Prompt:
    """A named template with `{placeholders}`, and the hash of its text."""

    name: str
    text: str

    @property
    def hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:12]

    @property
    def ref(self) -> str:
        """How an answer records the prompt: name@hash."""
        return f"{self.name}@{self.hash}"

    def format(self, **values: str) -> str:
        out = self.text
        # Plain substitution, not str.format: passages may hold braces.
        for key, val in values.items():
            out = out.replace("{" + key + "}", val)
        return out


def load_prompt(prompts_dir: str | Path, name: str) -> Prompt:
    """The prompt `name` (file prompts/NAME.md)."""
    path = Path(prompts_dir) / f"{name}.md"
    try:
        return Prompt(name, path.read_text(encoding="utf-8"))
    except OSError:
        raise ConfigError(f"prompt file {path} is missing (RAG_PROMPTS_DIR={prompts_dir})") from None
