"""The timeline's index (`rag.contacts.timeline._Index`) only spares reading contacts that cannot fit: the merge
reading every key's whole list (as it did before the index) and the merge reading only the index's fitting part give
the same events, in the same order, with the same article dates."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT


def _shift(value, k: int):
    """A date (or a dict / list holding dates) k years later."""
    if isinstance(value, str):
        return re.sub(r"^(\d{4})(?=-|$)", lambda m: str(int(m.group(1)) + k), value)
    if isinstance(value, list):
        return [_shift(v, k) for v in value]
    return value


@pytest.fixture(scope="module")
def library():
    """The mentions and article dates of the seeds and two real corpora, four times over (each copy its own articles,
    three of them years later): many contacts of the same people, so the index's lists are long."""
    from rag.contacts.events import extract
    from rag.documents import read_file
    from rag.domain.people import load_officials
    from rag.ingestion.chunking import chunk_document
    from rag.ingestion.clean import clean

    officials = load_officials()
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "evals" / "real" / "dev" / "articles").glob("*.txt")) \
        + sorted((ROOT / "evals" / "real" / "heldout" / "articles").glob("*.txt"))
    mentions, arts = [], {}
    for p in paths:
        doc = clean(next(read_file(p, 10 ** 8)))
        got = extract(doc, chunk_document(doc, 1200, 1), officials)
        mentions += [m.to_dict() for m in got.mentions]
        arts[doc.source] = got.article.to_dict()
    out_m, out_a = [], {}
    for k in range(4):
        for m in mentions:
            src = f"{k}-{m['source']}"
            out_m.append({**m, "source": src, "date": _shift(m["date"], k), "date_end": _shift(m["date_end"], k),
                          "span": _shift(m["span"], k), "citations": [{**c, "source": src} for c in m["citations"]]})
        for s, a in arts.items():
            out_a[f"{k}-{s}"] = {f: _shift(v, k) for f, v in a.items()}
    return out_m, out_a


def _merge(library, short: int, monkeypatch):
    from rag.contacts import timeline
    from rag.contacts.mention import Mention
    from rag.text.dates import ArticleDate

    monkeypatch.setattr(timeline._Index, "SHORT", short)
    mentions, arts = library
    dates = {s: ArticleDate.from_dict(a) for s, a in arts.items()}
    events = timeline.merge_mentions([Mention.from_dict(m) for m in mentions], dates)
    return [e.to_dict() | {"sources": e.sources, "mentions": e.mentions} for e in events], \
        {s: a.to_dict() for s, a in dates.items()}


def test_the_index_gives_the_events_of_whole_lists(library, monkeypatch):
    whole = _merge(library, 10 ** 9, monkeypatch)  # every key's list read whole: the merge without the index
    indexed = _merge(library, 0, monkeypatch)  # only the index's fitting contacts read
    assert len(whole[0]) > 50
    assert indexed == whole
