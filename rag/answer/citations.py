"""Citation markers: parsing [1], [1, 2], [1][2], [١]; dropping bad ones; checking each cited sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from ..text.arabic import language, sentence_spans, tokens
from .compose import date_line_support, english_support, person_line_support

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
MARKER = re.compile(r"\[\s*([0-9٠-٩۰-۹]+(?:\s*[,،]\s*[0-9٠-٩۰-۹]+)*)\s*\]")

# Calibrated on the seeds question set: a sentence whose content words are mostly in the passage,
# or whose embedding is close to one of the passage's sentences, is supported.
LEXICAL_SUPPORT = 0.6
DENSE_SUPPORT = 0.88


@dataclass
class CitationCheck:
    """Result of parsing and checking an answer's markers against the passages given."""

    text: str  # the answer with invalid markers removed
    cited: list[int] = field(default_factory=list)  # valid citation numbers in marker order
    invalid: list[int] = field(default_factory=list)  # numbers outside the passages given
    unsupported: list[dict] = field(default_factory=list)  # {"sentence", "n"}
    support: list[dict] = field(default_factory=list)  # {"sentence", "n", "evidence"}: the passage sentence behind it
    uncited: bool = False  # an answer with no citation at all


def marker_numbers(group: str) -> list[int]:
    return [int(x) for x in re.split(r"\s*[,،]\s*", group.translate(_DIGITS).strip()) if x]


def normalize_markers(answer: str, n_passages: int) -> tuple[str, list[int], list[int]]:
    """Rewrite markers to ASCII `[n]`, drop numbers outside 1..n_passages; return text, cited, invalid."""
    cited: list[int] = []
    invalid: list[int] = []

    def repl(m: re.Match) -> str:
        good = []
        for n in marker_numbers(m.group(1)):
            if 1 <= n <= n_passages:
                good.append(n)
                cited.append(n)
            else:
                invalid.append(n)
        return "".join(f"[{n}]" for n in good)

    text = MARKER.sub(repl, answer)
    text = re.sub(r"[ \t]+([.،,؛;!?؟])", r"\1", re.sub(r"[ \t]{2,}", " ", text)).strip()
    return text, cited, invalid


def cited_sentences(text: str) -> list[tuple[str, list[int]]]:
    """Each sentence of an answer with its markers; markers that open a sentence close the one before."""
    out: list[tuple[str, list[int]]] = []
    for s, e in sentence_spans(text):
        sent = text[s:e]
        lead = re.match(r"^(\s*" + MARKER.pattern + r")+", sent)
        if lead and out:
            out[-1] = (out[-1][0], out[-1][1] + [n for m in MARKER.finditer(lead.group()) for n in marker_numbers(m.group(1))])
            sent = sent[lead.end():]
        nums = [n for m in MARKER.finditer(sent) for n in marker_numbers(m.group(1))]
        bare = re.sub(r"\s+([.،,؛;!?؟])", r"\1", MARKER.sub("", sent)).strip()
        if not re.search(r"\w", bare):
            if out and nums:  # a marker standing alone after the sentence it belongs to
                out[-1] = (out[-1][0], out[-1][1] + nums)
            continue
        out.append((bare, nums))
    return out


def lexical_support(sentence: str, passage: str) -> float:
    """Share of the sentence's content words found in the passage."""
    s = set(tokens(sentence))
    if not s:
        return 1.0
    return len(s & set(tokens(passage))) / len(s)


def _evidence(sent: str, sentences: list[str], vecs, vec) -> str:
    """The passage sentence that best supports an answer sentence (by embedding, else by shared words)."""
    if not sentences:
        return ""
    if vec is not None and vecs is not None and len(vecs) == len(sentences):
        return sentences[int(np.argmax(vecs @ vec))]
    words = set(tokens(sent))
    return max(sentences, key=lambda p: len(words & set(tokens(p))))


def check(answer: str, passages: list[str], *, sentence_vectors: list[np.ndarray | None] | None = None,
          embed: Callable[[str], np.ndarray] | None = None, abstained: bool = False,
          passage_sentences: list[list[str]] | None = None, passage_dates: list[str] | None = None) -> CitationCheck:
    """Normalise markers, flag each cited sentence its passage does not support, and find its evidence. A line
    that resolves a relative day (`compose.date_line`) is checked against its passage and the passage's article
    date (`passage_dates`), and only so."""
    text, cited, invalid = normalize_markers(answer, len(passages))
    result = CitationCheck(text=text, cited=cited, invalid=invalid)
    if abstained:
        return result
    result.uncited = not cited
    for sent, nums in cited_sentences(text):
        for n in dict.fromkeys(nums):
            vecs = sentence_vectors[n - 1] if sentence_vectors else None
            sents = passage_sentences[n - 1] if passage_sentences else []
            vec = None
            dated = date_line_support(sent, passages[n - 1], passage_dates[n - 1] if passage_dates else "")
            if dated is None:  # a who answer's lead line: the passage names that person
                dated = person_line_support(sent, passages[n - 1])
            supported = dated if dated is not None else lexical_support(sent, passages[n - 1]) >= LEXICAL_SUPPORT
            structured = english_support(sent, passages[n - 1]) if dated is None and not supported and \
                language(sent) == "en" else None
            if dated is not None:  # a relative day resolved: the phrase and its article's date decide
                pass
            elif structured is not None:  # an English line of names, dates and kinds of contact: fact by fact
                supported = structured
            elif not supported and embed is not None and vecs is not None and len(vecs):
                vec = embed(sent)
                supported = float(np.max(vecs @ vec)) >= DENSE_SUPPORT
            if not supported:
                result.unsupported.append({"sentence": sent, "n": n})
            elif sents:
                evidence = next((p for p in sents if english_support(sent, p)), None) if structured else None
                result.support.append({"sentence": sent, "n": n,
                                       "evidence": evidence or _evidence(sent, sents, vecs, vec)})
    return result
