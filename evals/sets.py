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
    """In the unanswerable variant, the articles whose paragraphs leave the corpus (every second one; a copy
    of an earlier article goes with it, `first_copies`)."""
    return article_index % 2 == 1


def first_copies(articles: list[dict]) -> list[int]:
    """Each article's deciding index: that of the first of its copies. Articles are copies when they share
    a title or a paragraph, transitively (ARCD repeats nine titles, e.g. حرب أكتوبر at 21 and 148, and two
    pairs share a paragraph under different titles: سليمان القانوني and سليمان, محمد علي باشا and محمد علي).
    All copies are kept or withheld together and go to the same split, as the first one, so no withheld
    question is answered by its twin in the corpus and no title straddles dev and test."""
    first = list(range(len(articles)))

    def find(i: int) -> int:
        while first[i] != i:
            first[i] = first[first[i]]
            i = first[i]
        return i

    seen: dict[tuple[str, str], int] = {}
    for i, article in enumerate(articles):
        title = (article.get("title") or "").strip()
        keys = [("title", title)] if title else []
        keys += [("paragraph", p["context"]) for p in article.get("paragraphs", [])]
        for key in keys:
            a, b = find(i), find(seen.setdefault(key, i))
            first[max(a, b)] = min(a, b)
    return [find(i) for i in range(len(articles))]


def squad_split(article_index: int) -> str:
    """The development / held-out split of a SQuAD set, fixed before any tuning (issue 28): its articles go
    in pairs in file order, (0, 1), (2, 3), … (each pair one kept and one withheld article of the
    unanswerable variant, so both parts hold answerable and unanswerable questions), and the pairs alternate:
    even pairs are "dev" (thresholds and weights are chosen on them), odd pairs "test" (held out: only
    measured). A copy of an earlier article is placed by that article's index, not its own (`first_copies`):
    it goes to the same split and is kept or withheld with it. XQuAD-ar (no copies): 24 articles each, 12
    withheld in each; ARCD (eleven copies): 78 and 77, 38 and 39 withheld. The CI subsets (the first
    paragraphs of floors.json) split the same way. The corpus never depends on the split."""
    return "dev" if (article_index // 2) % 2 == 0 else "test"


def load_squad(path: Path, unanswerable: bool = False) -> tuple[list[dict], list[dict]]:
    """(questions, corpus) from a SQuAD file: each unique paragraph is one document and the gold source.

    `unanswerable` (`rag eval SET --unanswerable`) makes the SQuAD 2.0-style variant: every second article
    (`withheld`, together with its copies: `first_copies`) leaves the corpus with all its paragraphs, and
    its questions stay in the set marked unanswerable (`"answerable": false`, no sources, `"withheld": true`):
    each is asked over a corpus that lacks its paragraph and the paragraphs around it, about the same kind of
    text. The other articles' questions stay answerable, so one run scores HasAns and NoAns together. Every
    question carries its article's `split` (`squad_split`, a copy's that of its first copy)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    questions, corpus, seen = [], [], set()
    articles = data.get("data", [])
    for article, first in zip(articles, first_copies(articles)):
        out = unanswerable and withheld(first)
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
                                  "answerable": not impossible, "split": squad_split(first),
                                  **({"withheld": True} if out else {})})
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


SPLITS = ("dev", "test")


def split_of(question: dict) -> str:
    """A question's part: "test" (held out) when marked so, else "dev" (a JSONL set's unmarked questions)."""
    return question.get("split") or "dev"


def load_set(path: Path, unanswerable: bool = False,
             split: str | None = None) -> tuple[list[dict], list[dict] | None]:
    """(questions, corpus or None) for a question-set file; `split` ("dev" or "test") keeps only that part's
    questions (the corpus stays whole)."""
    if not path.exists():
        raise DocumentError(f"{path}: no such question set")
    if split is not None and split not in SPLITS:
        raise DocumentError(f"split must be one of {', '.join(SPLITS)}, not {split!r}")
    if path.suffix.lower() == ".json":
        questions, corpus = load_squad(path, unanswerable)
    elif unanswerable:
        raise DocumentError(f"{path}: --unanswerable makes a variant of a SQuAD-format .json set only")
    else:
        questions, corpus = load_jsonl_set(path), None
    if split is not None:
        questions = [q for q in questions if split_of(q) == split]
    return questions, corpus
