"""One answerability score for the extractive answerer (issue 28): does the best sentence the rules kept
answer the question, or is the question about something the library does not hold?

    score = min(bar_scale * bar, bias + Σ weights[f] * f - shift)        (>= 0 answers)

- `bar`: the former calibrated measure (`extractive.confidence`: term coverage and sentence similarity
  against the bar calibrated on the seeds, by language). It stays a floor of the score: no answer it refused
  is given now.
- a small logistic model over five features of the best sentence, its passage and the retrieval:
  - `sdense`: the best sentence's embedding similarity to the question (an English question over an Arabic
    sentence gets the cross-language difference measured on the development sets);
  - `pcov`: the share of the question's IDF weight (in the sentence's language, as the ranking matches it)
    that the best sentence's passage holds, in any light-stemmed form: a question about another article's
    topic leaves its rarest words (names, numbers, places) out;
  - `hdmargin`: how far the best retrieved passage's similarity to the question stands above the mean of
    the other retrieved passages': the paragraph a question was written from stands out; when it is
    missing, the retrieved ones are alike;
  - `lxtop`: the best BM25 score among the retrieved passages, in units of the library's largest IDF (so
    that it does not grow with the library): the paragraph a question was written from shares several of
    its rare words at once; a passage of another topic shares one or two common ones;
  - `lxrel`: the best sentence's passage's BM25 score as a share of that best one: an answer drawn from a
    passage that matches the question's words less than another retrieved one is more often wrong (or the
    question is about something else).

The weights, the bias, the shift and where they were chosen are data (`data/answerability.json`): fitted on
the development split only (evals/sets.py), the shift the highest at which no development set loses a right
answer or an abstention. `RAG_ABSTAIN_THRESHOLD` moves the bar on this score (positive = abstain more).
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from ..domain.names import NAMES, arabic_terms, unmapped_words
from ..text.arabic import language, stem, tokens
from .questions import as_question

DATA = Path(__file__).with_name("data") / "answerability.json"
BAR_REASON = "no sentence answers closely enough"  # the start of the bar's abstain_reason (evals read it)


@lru_cache(maxsize=4)
def model(path: Path = DATA) -> dict:
    """The weights, bias, shift and bar scale (read once)."""
    return json.loads(path.read_text(encoding="utf-8"))


# ---- the terms a sentence is matched on, and the former bar (the score's floor) ------------------------------

def query_terms(question: str) -> set[str]:
    """The terms a question is matched on in Arabic sentences: its own; for an English question the Arabic
    forms of its names and domain words, plus the content words that have no Arabic form here (they never
    match, so a question about something the tables do not know covers little)."""
    q = as_question(question)
    if q.language == "en":
        ar = set(tokens(arabic_terms(q)))
        if ar:
            return ar | {"~" + w for w in unmapped_words(q)}
    return set(q.terms)


def english_terms(question: str) -> set[str]:
    """The terms a question is matched on in English sentences: an English question's own words; for an
    Arabic question the English spellings of the people and places it names."""
    q = as_question(question)
    if q.language == "en":
        return set(q.terms)
    return {t for name in q.entities for alias in NAMES.get(name, ())[:1] for t in tokens(alias) if len(t) > 2}


SAME_LANGUAGE_BAR = 0.92  # 0.5 * term coverage + sentence similarity
ENGLISH_BAR = 0.905  # the same measure for an English question, its terms taken in their Arabic forms
CROSS_LANGUAGE_BAR = 1.56  # sentence similarity + passage similarity, when no question term matches


def confidence(question: str, cands: list, hits: list) -> float:
    """How well the best sentence answers, relative to the calibrated bar (>= 0 answers)."""
    if not cands:
        return -1.0
    best = cands[0]
    if as_question(question).language == "ar":
        # The best of the first three: the ranking also weighs neighbours, the bar only the sentence itself.
        return max(0.5 * c.lexical + c.dense for c in cands[:3]) - SAME_LANGUAGE_BAR
    if best.lexical > 0:
        return 0.5 * best.lexical + best.dense - ENGLISH_BAR
    # An English question over Arabic text shares no words with it: only the embeddings speak.
    passage = max((h.dense or 0.0) for h in hits)
    return best.dense + passage - CROSS_LANGUAGE_BAR


@lru_cache(maxsize=20_000)
def _forms(text: str) -> frozenset:
    """A passage's tokens and their light stems."""
    toks = tokens(text)
    return frozenset(toks) | frozenset(stem(t) for t in toks)


def passage_coverage(question: str, best, passage: str, lexical) -> float:
    """The share of the question's IDF weight, in the terms the best sentence is matched on, that the passage
    holds (a term or its light stem)."""
    terms = english_terms(question) if language(best.text) == "en" else query_terms(question)
    weights = {t: lexical.idf_of(t) for t in terms if not t.startswith("~")}  # "~word": no Arabic form
    total = sum(weights.values())
    if not total:
        return 0.0
    forms = _forms(passage)
    return sum(w for t, w in weights.items() if t in forms or stem(t) in forms) / total


def passage_margin(hits: list) -> float:
    """The best retrieved passage's similarity to the question minus the mean of the others'."""
    dense = sorted(((h.dense or 0.0) for h in hits), reverse=True)
    if not dense:
        return 0.0
    rest = dense[1:]
    return dense[0] - (sum(rest) / len(rest) if rest else 0.0)


def sentence_similarity(question: str, best, m: dict | None = None) -> float:
    """The best sentence's similarity to the question; an English question's similarity to an Arabic sentence
    is lower for the same fit (right answers' medians on the development sets: 0.794 against 0.872), so it
    gets the difference (`cross_language_similarity`)."""
    m = m or model()
    cross = as_question(question).language == "en" and language(best.text) != "en"
    return best.dense + (m["cross_language_similarity"] if cross else 0.0)


def lexical_match(hits: list, best, lexical) -> tuple[float, float]:
    """(the best BM25 score among the retrieved passages in units of the library's largest IDF, the best
    sentence's passage's BM25 score as a share of that best one); a passage lexical search did not find
    scores 0. The unit keeps the first independent of the library's size (BM25 grows with its log)."""
    top = max(((h.lexical or 0.0) for h in hits), default=0.0)
    own = hits[best.n - 1].lexical or 0.0
    unit = math.log(1 + (lexical.n + 0.5) / 0.5)  # the IDF of a word no passage holds
    return top / unit, (own / top if top > 0 else 0.0)


def features(question: str, cands: list, hits: list, lexical) -> dict[str, float]:
    """The features of the best candidate (the first of `cands`, ranked by score) as an answer."""
    best = cands[0]
    top, share = lexical_match(hits, best, lexical)
    return {"bar": confidence(question, cands, hits),
            "sdense": sentence_similarity(question, best),
            "pcov": passage_coverage(question, best, hits[best.n - 1].chunk.text, lexical),
            "hdmargin": passage_margin(hits),
            "lxtop": top,
            "lxrel": share}


def combine(f: dict[str, float], m: dict | None = None) -> float:
    """The score of a question's features: >= 0 answers."""
    m = m or model()
    fitted = m["bias"] + sum(w * f[name] for name, w in m["weights"].items()) - m["shift"]
    return min(m["bar_scale"] * f["bar"], fitted)


def score(question: str, cands: list, hits: list, lexical) -> float:
    """The answerability score of the best candidate (>= 0 answers at the calibrated bar); -1 without one.
    Passages no search scored (the timeline's cited ones, read by the extractive answer when the timeline's own
    was not verified) have no retrieval features: the fitted model would read their absence as a search that
    found nothing (hdmargin, lxtop, lxrel 0), so the calibrated bar alone decides."""
    if not cands:
        return -1.0
    if hits and all(h.dense is None and h.lexical is None for h in hits):
        return model()["bar_scale"] * confidence(question, cands, hits)
    return combine(features(question, cands, hits, lexical))
