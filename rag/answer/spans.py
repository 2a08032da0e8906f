"""Sentences as the answerer reads them: the stored sentence spans with a short last clause after a semicolon
read with its sentence.

The splitter (rag/text/arabic.py) ends a sentence at ";" too, so "… campaigned against his presence;
al-Shaibani led Syria's delegation instead." became two spans, and the second, under six words, was skipped as a
heading (extractive._is_heading): the answer to "who led Syria's delegation" was lost. Such an English clause,
when it ends as a sentence does, is joined with the span before it on the same line; a title's second half ("…; Iraq sends
president", no closing period) is not. The joined sentence keeps the vector of its longer part (the stored vectors
are per span). (Abbreviations such as "Dec." and "Gen." no longer end a sentence in the splitter itself:
rag/text/data/abbreviations.json.)
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from ..text.script import has_arabic


def _joins(first: str, gap: str, second: str) -> bool:
    if "\n" in gap or not second:
        return False
    # "…; al-Shaibani led Syria's delegation instead.": too short to stand alone, not a heading. English only:
    # Arabic prose chains clauses with "؛" as a matter of course (on XQuAD-ar a joined "…؛ قد تزاوجوا تدريجياً مع
    # جيرانهم الإنجليز." outranked the answer)
    return (first.endswith(";") and len(second.split()) < _CLAUSE_WORDS and second.endswith((".", "!", "?"))
            and not has_arabic(second))



# A clause after a semicolon with fewer words than this, that ends as a sentence does, is read with its sentence
# (the answerer skips shorter sentences as headings: extractive._is_heading); a title's second half ("…; Iraq
# sends president") is not joined (it would no longer read as a heading).
_CLAUSE_WORDS = 6


def joined_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """For each sentence as the answerer reads it, the indexes of the stored spans it covers (a short last clause
    after a semicolon joined to its sentence); None when nothing is joined."""
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
    """The hits with each chunk's short last clauses joined to their sentences (new chunk objects; the library's
    are left as they are)."""
    out = []
    for h in hits:
        c = _chunk(h.chunk)
        out.append(h if c is h.chunk else replace(h, chunk=c))
    return out
