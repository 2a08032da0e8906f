"""Question sets: the project's JSONL format, and SQuAD-format JSON (its paragraphs become the corpus)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from rag import DocumentError


def paragraph_id(context: str) -> str:
    """Stable source id of a SQuAD paragraph."""
    return "p" + hashlib.sha1(context.encode("utf-8")).hexdigest()[:12]


def load_squad(path: Path) -> tuple[list[dict], list[dict]]:
    """(questions, corpus) from a SQuAD file: each unique paragraph is one document and the gold source."""
    data = json.loads(path.read_text(encoding="utf-8"))
    questions, corpus, seen = [], [], set()
    for article in data.get("data", []):
        for para in article.get("paragraphs", []):
            ctx = para["context"]
            pid = paragraph_id(ctx)
            if pid not in seen:
                seen.add(pid)
                corpus.append({"id": pid, "text": ctx})
            for qa in para.get("qas", []):
                answers = sorted({a["text"] for a in qa.get("answers", []) if a.get("text")})
                impossible = qa.get("is_impossible", False) or not answers
                questions.append({"id": qa["id"], "question": qa["question"],
                                  "answers": [answers] if answers else [], "sources": [] if impossible else [pid],
                                  "answerable": not impossible})
    return questions, corpus


def load_jsonl_set(path: Path) -> list[dict]:
    """Questions in the project's format: {id, question, answers: [[alt, ...], ...], sources, answerable}."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            q = json.loads(line)
            out.append({"id": str(q["id"]), "question": q["question"], "answers": q.get("answers", []),
                        "sources": q.get("sources", []), "answerable": bool(q.get("answerable", True))})
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise DocumentError(f"{path.name}:{n}: not a question object ({exc})") from None
    return out


def load_set(path: Path) -> tuple[list[dict], list[dict] | None]:
    """(questions, corpus or None) for a question-set file."""
    if not path.exists():
        raise DocumentError(f"{path}: no such question set")
    if path.suffix.lower() == ".json":
        return load_squad(path)
    return load_jsonl_set(path), None
