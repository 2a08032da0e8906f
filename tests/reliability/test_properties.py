"""Property tests for the Arabic normaliser, the cleaner and the chunker."""

from pathlib import Path

from hypothesis import example, given, settings, strategies as st

from rag.text.arabic import clean_control, normalize, normalize_with_map, sentence_spans, tokens
from rag.ingestion.chunking import chunk_document
from rag.ingestion.clean import clean
from rag.documents import Document, RawDocument

ROOT = Path(__file__).resolve().parents[2]

ARABIC = st.text(alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآىةؤئء") + list("ًٌٍَُِّْـ") +
                                          list(" .،؛؟!\n0123456789٠١٢٣") + ["ﻻ", "A", "b", "é", "\u200f", "\t"]),
                 max_size=400)


@settings(max_examples=300, deadline=None)
@given(ARABIC)
def test_normalising_twice_changes_nothing(text):
    once = normalize(text)
    assert normalize(once) == once
    assert tokens(once) == tokens(text)


@settings(max_examples=300, deadline=None)
@given(ARABIC)
def test_normalised_offsets_map_back_to_the_original(text):
    norm, where = normalize_with_map(text)
    assert len(norm) == len(where)
    assert where == sorted(where) and len(set(where)) == len(where)
    for i, ch in enumerate(norm):
        assert normalize(text[where[i]]) == ch


@settings(max_examples=200, deadline=None)
@given(ARABIC)
def test_sentence_spans_are_ordered_slices(text):
    last = 0
    for s, e in sentence_spans(text):
        assert last <= s < e <= len(text)
        assert text[s:e].strip() == text[s:e]
        last = e


SEED_LINES = (ROOT / "seeds" / "001_be86418023dbb8c5.txt").read_text(encoding="utf-8").split("\n")


@settings(max_examples=200, deadline=None)
@given(st.lists(ARABIC, min_size=1, max_size=12))
@example(SEED_LINES)  # a real article: several body lines survive cleaning
@example(SEED_LINES[:6] + ["عاجل", "اقرأ أيضا", "أخبار ذات صلة"] + SEED_LINES[6:])
def test_cleaner_keeps_only_source_lines_and_is_stable(lines):
    raw = "\n".join(lines)
    doc = clean(RawDocument("p.txt", raw))
    source_lines = {clean_control(line).strip() for line in raw.split("\n")}  # format characters go
    for line in doc.text.split("\n"):
        if line:
            assert any(line in s for s in source_lines)
    again = clean(RawDocument("p.txt", doc.text))
    assert again.text == doc.text  # idempotent: cleaning cleaned text changes nothing


@settings(max_examples=200, deadline=None)
@given(ARABIC, st.integers(30, 500), st.integers(0, 2))
def test_chunking_loses_and_invents_no_text(text, limit, overlap):
    text = text.strip()
    doc = Document(source="h.txt", text=text)
    chunks = chunk_document(doc, max_chars=limit, overlap=overlap)
    covered = [False] * len(text)
    for c in chunks:
        assert text[c.start:c.end] == c.text
        for i in range(c.start, c.end):
            covered[i] = True
    assert all(covered[i] or text[i].isspace() for i in range(len(text)))
