"""Sentences as the answerer reads them: the stored sentence spans with the breaks after English abbreviations
undone.

The splitter (rag/text/arabic.py) ends a sentence at every period followed by a space, so an abbreviated month or
title cuts a sentence in two: "Dec. 26, 2024 – Intelligence chief Hamid al-Shatri leads …" became "Dec." and
"26, 2024 – …", and the answer cited a date without its month; "BAGHDAD, Aug. 12 (Xinhua) -- Iraqi Oil Minister …"
lost its dateline's month. A span that ends in one of the abbreviations of `data/abbreviations.json` is joined
with the next one on the same line when that one opens as the abbreviation expects (a number after a month, a
capital after a title); so is a clause after a semicolon too short to stand as a sentence ("… campaigned
against his presence; al-Shaibani led Syria's delegation instead.", whose last clause was skipped as a heading).
The joined sentence keeps the vector of its longer part (the stored vectors are per span).
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import numpy as np

DATA = Path(__file__).with_name("data") / "abbreviations.json"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    data = json.loads(DATA.read_text(encoding="utf-8"))

    def ending(words: list[str]) -> re.Pattern:
        alt = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
        return re.compile(rf"(?<![\w.])(?:{alt})$")
    return ending(data["before_number"]), ending(data["before_name"])


def _joins(first: str, gap: str, second: str) -> bool:
    if "\n" in gap or not second:
        return False
    month, title = _patterns()
    if first.endswith((";", "؛")) and len(second.split()) < _CLAUSE_WORDS and second.endswith((".", "!", "?", "؟")):
        return True  # "…; al-Shaibani led Syria's delegation instead.": too short to stand alone, not a heading
    return bool((month.search(first) and second[0].isdigit()) or (title.search(first) and second[0].isupper()))


# A clause after a semicolon with fewer words than this, that ends as a sentence does, is read with its sentence
# (the answerer skips shorter sentences as headings: extractive._is_heading); a title's second half ("…; Iraq
# sends president") is not joined (it would no longer read as a heading).
_CLAUSE_WORDS = 6


def joined_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """The spans with the breaks after abbreviations undone, with for each new span the indexes of the old ones
    it covers; None when nothing is joined."""
    out: list[list[int]] = []
    for i, (s, e) in enumerate(spans):
        if out:
            ps = spans[out[-1][-1]]
            if _joins(text[spans[out[-1][0]][0]:ps[1]], text[ps[1]:s], text[s:e]):
                out[-1].append(i)
                continue
        out.append([i])
    if len(out) == len(spans):
        return None
    return out  # type: ignore[return-value]


def _chunk(chunk):
    spans = [tuple(x) for x in chunk.sentences]
    groups = joined_spans(chunk.text, spans)
    if groups is None:
        return chunk
    sentences = [(spans[g[0]][0], spans[g[-1]][1]) for g in groups]
    vecs = chunk.sentence_vectors
    if vecs is not None:
        if len(vecs) != len(spans):
            return chunk
        vecs = np.stack([vecs[max(g, key=lambda i: spans[i][1] - spans[i][0])] for g in groups])
    return replace(chunk, sentences=sentences, sentence_vectors=vecs)


def with_joined_sentences(hits: list) -> list:
    """The hits with each chunk's sentences joined across abbreviations (new chunk objects; the library's are
    left as they are)."""
    out = []
    for h in hits:
        c = _chunk(h.chunk)
        out.append(h if c is h.chunk else replace(h, chunk=c))
    return out
