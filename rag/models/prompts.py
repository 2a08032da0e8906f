"""Prompt templates kept as files in prompts/; every answer records the prompt's name and hash."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


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

    @property
    def placeholders(self) -> set[str]:
        return set(PLACEHOLDER.findall(self.text))

    def format(self, **values: str) -> str:
        """Fill every placeholder of the template in one pass over the template only.

        A value is inserted as it is and never scanned again, so a passage holding `{question}` or
        unbalanced braces stays literal text. Every placeholder must be given a value.
        """
        missing = self.placeholders - set(values)
        if missing:
            raise ConfigError(f"prompt {self.name!r} needs values for {sorted(missing)}")
        return PLACEHOLDER.sub(lambda m: str(values[m.group(1)]), self.text)


def load_prompt(prompts_dir: str | Path, name: str) -> Prompt:
    """The prompt `name` (file prompts/NAME.md)."""
    path = Path(prompts_dir) / f"{name}.md"
    try:
        return Prompt(name, path.read_text(encoding="utf-8"))
    except OSError:
        raise ConfigError(f"prompt file {path} is missing (RAG_PROMPTS_DIR={prompts_dir})") from None
