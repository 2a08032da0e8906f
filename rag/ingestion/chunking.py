"""Sentence-aware chunking with a small sentence overlap and offsets into the cleaned text."""

from __future__ import annotations

import hashlib
import re

from ..text.arabic import sentence_spans
from ..documents import Chunk, Document

# Bump when the sentences or chunks of an unchanged article change (a cleaning change already changes the
# article's digest): it is part of every chunk id (so new chunks never overwrite old vectors under the same
# id before the switch) and of the digest stored for an article (so an existing library re-chunks its
# articles at the next ingest). 2: no sentence break after an initial ("و. هايدون", rag/text/arabic.py
# sentence_spans). 3: citation-like markers in article text ("[3]", "【2】") are plain text, "(3)", so no passage
# sentence carries a marker the answerer would take for its own (rag/ingestion/clean.py neutralize_markers).
CHUNKER_VERSION = 4


def _split_long(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """Cut a sentence longer than `limit` at its last comma (، ,) or, failing that, its last space."""
    pieces = []
    while end - start > limit:
        window = text[start:start + limit]
        commas = [m.end() for m in re.finditer(r"[،,:]\s+", window) if m.end() > limit // 3]
        spaces = [m.end() for m in re.finditer(r"\s+", window) if m.end() > limit // 3]
        cut = (commas or spaces or [limit])[-1]
        pieces.append((start, start + cut))
        start += cut
    if end > start:
        pieces.append((start, end))
    return [(s, e - (len(text[s:e]) - len(text[s:e].rstrip()))) for s, e in pieces]


def sentences(text: str, limit: int) -> list[tuple[int, int]]:
    """Sentence spans of the cleaned text, none longer than `limit` characters."""
    out = []
    for s, e in sentence_spans(text):
        out.extend(_split_long(text, s, e, limit) if e - s > limit else [(s, e)])
    return out


def chunk_document(doc: Document, max_chars: int = 700, overlap: int = 1) -> list[Chunk]:
    """Pack whole sentences into chunks of at most `max_chars`, repeating `overlap` sentences."""
    sents = sentences(doc.text, max_chars)
    key = hashlib.sha256(f"{doc.digest}:{CHUNKER_VERSION}".encode()).hexdigest()[:8]
    chunks: list[Chunk] = []
    i = 0
    while i < len(sents):
        j = i
        while j + 1 < len(sents) and sents[j + 1][1] - sents[i][0] <= max_chars:
            j += 1
        start, end = sents[i][0], sents[j][1]
        spans = [(s - start, e - start) for s, e in sents[i:j + 1]]
        idx = len(chunks)
        chunks.append(Chunk(
            id=f"{doc.source}#{key}-{idx}", source=doc.source, index=idx,
            text=doc.text[start:end], start=start, end=end, sentences=spans,
            title=doc.title, date=doc.date, outlet=doc.outlet, url=doc.url,
        ))
        if j + 1 >= len(sents):
            break
        i = max(j + 1 - overlap, i + 1)
    return chunks
