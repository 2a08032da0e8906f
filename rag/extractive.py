"""The embedded default answerer (`extractive`): picks the retrieved sentences that answer, no LLM."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from .arabic import language, normalize, tokens
from .dates import MONTHS
from .lexical import BM25Index
from .retrieve import Hit

ABSTAIN = {
    "ar": "لا تتضمن المصادر المتاحة إجابة واضحة عن هذا السؤال. هذه أقرب المقاطع التي وُجدت.",
    "en": "The sources do not contain a clear answer to this question. These are the closest passages found.",
}
_WHEN = re.compile(r"^\s*[وف]?(متي|في اي (يوم|تاريخ|شهر|عام|سنه)|when|what (date|day|year|month))\b", re.I)
_HOW_MANY = re.compile(r"^\s*[وف]?(كم|how (many|much))\b", re.I)
_DATE_WORDS = re.compile(r"\b(19|20)\d\d\b|\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) +
                         r"|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|الاحد|امس|اليوم)\b")
_DIGIT = re.compile(r"\d")


@dataclass
class Candidate:
    """A sentence of a retrieved passage, scored as an answer to the question."""

    n: int  # citation number of its passage (1-based)
    text: str
    lexical: float  # IDF-weighted share of the question's terms it contains
    dense: float  # cosine similarity of its passage embedding to the query
    score: float


@dataclass
class ExtractiveResult:
    answer: str
    abstained: bool
    used: list[int]  # citation numbers in marker order
    confidence: float
    candidates: list[Candidate]


def _is_heading(text: str) -> bool:
    """Sub-headings and labels are not answers: short and without sentence punctuation."""
    return len(text.split()) < 6 or (len(text) < 70 and not text.rstrip().endswith((".", "!", "؟", "?", "»", "”", '"')))


def score_sentences(question: str, hits: list[Hit], qvec: np.ndarray, lexical: BM25Index) -> list[Candidate]:
    """Every usable sentence of the hits, scored by term coverage, embedding similarity and type cues."""
    q_terms = set(tokens(question))
    q_weight = sum(lexical.idf_of(t) for t in q_terms) or 1.0
    nq = normalize(question)
    wants_date, wants_number = bool(_WHEN.search(nq)), bool(_HOW_MANY.search(nq))
    seen: set[str] = set()
    out: list[Candidate] = []
    for n, hit in enumerate(hits, 1):
        c = hit.chunk
        vecs = c.sentence_vectors
        for i, (s, e) in enumerate(c.sentences):
            text = c.text[s:e].strip()
            key = normalize(text)
            if not text or key in seen or _is_heading(text):
                continue
            seen.add(key)
            s_terms = set(tokens(text))
            lex = sum(lexical.idf_of(t) for t in q_terms & s_terms) / q_weight
            dense = float(vecs[i] @ qvec) if vecs is not None and i < len(vecs) else 0.0
            cue = 0.0
            if wants_date:
                cue = 0.08 if _DATE_WORDS.search(key) else -0.05
            elif wants_number:
                cue = 0.05 if _DIGIT.search(key) else -0.05
            rank_bonus = 0.02 * (len(hits) - n) / max(len(hits), 1)
            out.append(Candidate(n, text, lex, dense, 0.45 * lex + dense + cue + rank_bonus))
    out.sort(key=lambda c: -c.score)
    return out


# Calibrated on evals/seeds_qa.jsonl (see `rag calibrate`): confidence is measured from these bars,
# so 0 is the calibrated boundary and RAG_ABSTAIN_THRESHOLD shifts it (positive = abstain more).
SAME_LANGUAGE_BAR = 0.95  # 0.5 * term coverage + sentence similarity
CROSS_LANGUAGE_BAR = 1.56  # sentence similarity + passage similarity, when no question term matches


def confidence(question: str, cands: list[Candidate], hits: list[Hit]) -> float:
    """How well the best sentence answers, relative to the calibrated bar (>= 0 answers)."""
    if not cands:
        return -1.0
    best = cands[0]
    if best.lexical > 0 or language(question) == "ar":
        return 0.5 * best.lexical + best.dense - SAME_LANGUAGE_BAR
    # An English question over Arabic text shares no words with it: only the embeddings speak.
    passage = max((h.dense or 0.0) for h in hits)
    return best.dense + passage - CROSS_LANGUAGE_BAR


def answer_extractive(question: str, hits: list[Hit], qvec: np.ndarray, lexical: BM25Index,
                      threshold: float, max_sentences: int = 3) -> ExtractiveResult:
    """A few retrieved sentences, most relevant first, each with its [n]; or an abstention."""
    cands = score_sentences(question, hits, qvec, lexical)
    conf = confidence(question, cands, hits)
    lang = language(question)
    if not cands or conf < threshold:
        return ExtractiveResult(ABSTAIN[lang], True, [], conf, cands)
    best = cands[0].score
    chosen = [cands[0]]
    for c in cands[1:]:
        if len(chosen) >= max_sentences:
            break
        if c.score >= best - 0.06 and c.lexical >= 0.5 * cands[0].lexical:
            chosen.append(c)
    text = " ".join(f"{c.text} [{c.n}]" for c in chosen)
    return ExtractiveResult(text, False, [c.n for c in chosen], conf, cands)
