"""Question sets: the project's JSONL format, and SQuAD-format JSON (its paragraphs become the corpus)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from rag import DocumentError


def paragraph_id(context: str) -> str:
    """Stable source id of a SQuAD paragraph."""
    return "p" + hashlib.sha1(context.encode("utf-8")).hexdigest()[:12]


def withheld(article_index: int) -> bool:
    """In the unanswerable variant, the articles whose paragraphs leave the corpus (every second one)."""
    return article_index % 2 == 1


def load_squad(path: Path, unanswerable: bool = False) -> tuple[list[dict], list[dict]]:
    """(questions, corpus) from a SQuAD file: each unique paragraph is one document and the gold source.

    `unanswerable` (`rag eval SET --unanswerable`) makes the SQuAD 2.0-style variant: every second article
    (`withheld`) leaves the corpus with all its paragraphs, and its questions stay in the set marked
    unanswerable (`"answerable": false`, no sources, `"withheld": true`): each is asked over a corpus that
    lacks its paragraph and the paragraphs around it, about the same kind of text. The other articles'
    questions stay answerable, so one run scores HasAns and NoAns together."""
    data = json.loads(path.read_text(encoding="utf-8"))
    questions, corpus, seen = [], [], set()
    for i, article in enumerate(data.get("data", [])):
        out = unanswerable and withheld(i)
        for para in article.get("paragraphs", []):
            ctx = para["context"]
            pid = paragraph_id(ctx)
            if pid not in seen and not out:
                seen.add(pid)
                corpus.append({"id": pid, "text": ctx})
            for qa in para.get("qas", []):
                answers = sorted({a["text"] for a in qa.get("answers", []) if a.get("text")})
                impossible = qa.get("is_impossible", False) or not answers or out
                questions.append({"id": qa["id"], "question": qa["question"],
                                  "answers": [answers] if answers else [], "sources": [] if impossible else [pid],
                                  "answerable": not impossible, **({"withheld": True} if out else {})})
    return questions, corpus


KEPT = ("split", "kind", "shape", "asks")  # a question's optional fields that the report groups by


def set_corpus(path: Path) -> Path | None:
    """The corpus a JSONL set names: an `articles/` folder beside it (evals/real/dev/qa.jsonl with
    evals/real/dev/articles/), else None (the run uses --corpus or the seeds)."""
    folder = path.parent / "articles"
    return folder if path.suffix.lower() == ".jsonl" and folder.is_dir() else None


def load_jsonl_set(path: Path) -> list[dict]:
    """Questions in the project's format: {id, question, answers: [[alt, ...], ...], sources, answerable}."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            q = json.loads(line)
            out.append({"id": str(q["id"]), "question": q["question"], "answers": q.get("answers", []),
                        "sources": q.get("sources", []), "answerable": bool(q.get("answerable", True)),
                        **{k: q[k] for k in KEPT if k in q}})
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise DocumentError(f"{path.name}:{n}: not a question object ({exc})") from None
    return out


def load_set(path: Path, unanswerable: bool = False) -> tuple[list[dict], list[dict] | None]:
    """(questions, corpus or None) for a question-set file."""
    if not path.exists():
        raise DocumentError(f"{path}: no such question set")
    if path.suffix.lower() == ".json":
        return load_squad(path, unanswerable)
    if unanswerable:
        raise DocumentError(f"{path}: --unanswerable makes a variant of a SQuAD-format .json set only")
    return load_jsonl_set(path), None
