"""`rag check`: is the library whole? Articles ↔ chunks ↔ vectors ↔ lexical rows ↔ contact mentions.

Every current article has its chunks (as many as it says, of one version, numbered from 0, each the article's
own text at its offsets); every current chunk has its vector in Chroma (holding the chunk's text) and its
lexicon row (the chunk's tokens); every vector and lexicon row belongs to a current chunk (vectors recorded
as pending are an interrupted write's, swept by the next write: reported, not a problem); every mention
belongs to a current article and cites its current chunks and exact text, and every article has its
extraction record.

`repair=True` fixes what it found, saying what it did in one line each and never dropping an article: an
article whose chunks are broken is re-chunked from its stored text (re-embedded, its contacts re-extracted);
a missing or wrong vector is re-embedded; vectors and chunks that belong to no article are removed; lexicon
rows are rewritten; mentions are re-extracted. The check holds the writer lock, so it sees no write half done.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from typing import Callable

from .chunking import chunk_document
from .pipeline import embedding_text, sentence_texts
from ..contacts.events import extract, extractor_version
from ..documents import Chunk, Document
from ..domain.people import load_officials
from ..index.library import Library
from ..index.store import StoredChunk
from ..text.arabic import tokens

_CHUNK_ID = re.compile(r"^(?P<source>.*)#(?P<key>[0-9a-f]+)-(?P<idx>\d+)$")


@dataclass(frozen=True)
class Problem:
    """One inconsistency: what kind (chunks, vector, orphan-vector, orphan-chunk, lexicon, mentions), the
    article it concerns ('' when none) and one line saying what is wrong."""

    kind: str
    source: str
    message: str


@dataclass
class CheckReport:
    problems: list[Problem] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict:
        return {"ok": self.ok, "problems": [asdict(p) for p in self.problems], "repaired": self.repaired,
                "counts": self.counts}


@dataclass
class _Snapshot:
    """What the library's SQLite holds, read in one transaction."""

    docs: dict[str, tuple]  # source -> (digest, title, date, outlet, url, text, n_chunks, origin)
    chunks: dict[str, list[tuple]]  # source -> [(id, idx, start, end, text)] by idx
    lexicon: dict[str, str]  # chunk id -> terms
    mentions: dict[str, list[dict]]  # source -> mentions
    extracted: dict[str, str]  # source -> extractor version
    pending: set[str]


def _snapshot(library: Library) -> _Snapshot:
    db = library.store.db
    own = not db.in_transaction
    if own:
        db.execute("BEGIN")
    try:
        docs = {r[0]: r[1:] for r in db.execute(
            "SELECT source, digest, title, date, outlet, url, text, n_chunks, origin FROM documents")}
        chunks: dict[str, list[tuple]] = {}
        for r in db.execute('SELECT source, id, idx, start, "end", text FROM chunks ORDER BY source, idx'):
            chunks.setdefault(r[0], []).append(r[1:])
        lexicon = dict(db.execute("SELECT id, terms FROM lexicon"))
        mentions: dict[str, list[dict]] = {}
        for src, data in db.execute("SELECT source, data FROM events"):
            mentions.setdefault(src, []).append(json.loads(data))
        extracted = dict(db.execute("SELECT source, version FROM event_docs"))
        pending = {r[0] for r in db.execute("SELECT id FROM pending_vectors")}
    finally:
        if own:
            db.execute("COMMIT")
    return _Snapshot(docs, chunks, lexicon, mentions, extracted, pending)


def _vectors(library: Library, ids: list[str]) -> tuple[dict[str, str], list[str]]:
    """(chunk id -> the text stored with its vector, for the ids asked), and every vector id of this library."""
    store = library.store
    got: dict[str, str] = {}
    for b in range(0, len(ids), 1000):
        res = store.collection.get(ids=ids[b:b + 1000], include=["documents"])
        got.update(zip(res["ids"], res["documents"]))
    where = {"library": store.library_id} if store.settings.chroma_url else None
    return got, store.collection.get(where=where, include=[])["ids"]


def _chunk_problems(source: str, doc: tuple, chunks: list[tuple]) -> list[str]:
    """What is wrong between one article and its chunks (empty when they agree)."""
    text, n_chunks = doc[5], doc[6]
    out = []
    if len(chunks) != n_chunks:
        out.append(f"{source}: the article says {n_chunks} chunks, the library holds {len(chunks)}")
    if not chunks and text.strip():
        out.append(f"{source}: the article has text but no chunks")
    keys = {m.group("key") if (m := _CHUNK_ID.match(c[0])) else None for c in chunks}
    if len(keys) > 1 or None in keys:
        out.append(f"{source}: its chunks are of {len(keys)} versions (ids {', '.join(c[0] for c in chunks[:3])}…)")
    if [c[1] for c in chunks] != list(range(len(chunks))):
        out.append(f"{source}: its chunks are not numbered 0..{len(chunks) - 1}")
    bad = [c[0] for c in chunks if text[c[2]:c[3]] != c[4]]
    if bad:
        out.append(f"{source}: {len(bad)} chunk(s) do not hold the article's text at their offsets ({bad[0]})")
    return out


def _mention_problems(source: str, mentions: list[dict], doc_text: str, chunk_ids: set[str]) -> list[str]:
    out = []
    for m in mentions:
        for c in m.get("citations", []):
            if c.get("chunk_id") and c["chunk_id"] not in chunk_ids:
                out.append(f"{source}: mention {m.get('id')} cites chunk {c['chunk_id']}, which is not current")
            if doc_text[c["start"]:c["end"]] != c["text"]:
                out.append(f"{source}: mention {m.get('id')} cites text that is not at {c['start']}-{c['end']}")
    return out


def check(library: Library, repair: bool = False, say: Callable[[str], None] | None = None) -> CheckReport:
    """Verify the library (and with `repair`, fix it and verify again); see the module's docstring."""
    what = "rag check --repair" if repair else "rag check"
    with library.store.writer.hold(what, say=say):
        report = _check(library)
        if repair and report.problems:
            repaired = _repair(library, report.problems)
            report = _check(library)
            report.repaired = repaired
    return report


def _check(library: Library) -> CheckReport:
    snap = _snapshot(library)
    report = CheckReport()
    add = report.problems.append
    current: dict[str, tuple[str, str]] = {}  # chunk id -> (source, text)
    for source, rows in snap.chunks.items():
        if source not in snap.docs:
            add(Problem("orphan-chunk", source, f"{source}: {len(rows)} chunk(s) whose article is not in the library"))
            continue
        current.update((r[0], (source, r[4])) for r in rows)
    for source, doc in snap.docs.items():
        rows = snap.chunks.get(source, [])
        for msg in _chunk_problems(source, doc, rows):
            add(Problem("chunks", source, msg))
    vectors, all_vectors = _vectors(library, list(current))
    for cid, (source, text) in current.items():
        if cid not in vectors:
            add(Problem("vector", source, f"{source}: chunk {cid} has no vector (dense search cannot find it)"))
        elif vectors[cid] != text:
            add(Problem("vector", source, f"{source}: the vector of chunk {cid} was made from other text"))
    orphans = [i for i in all_vectors if i not in current]
    unrecorded = [i for i in orphans if i not in snap.pending]
    if unrecorded:
        add(Problem("orphan-vector", "", f"{len(unrecorded)} vector(s) belong to no current chunk and are not "
                                         f"recorded to be swept (e.g. {unrecorded[0]})"))
    for cid, (source, text) in current.items():
        terms = snap.lexicon.get(cid)
        if terms is None:
            add(Problem("lexicon", source, f"{source}: chunk {cid} has no lexical row (keyword search cannot find it)"))
        elif terms != " ".join(tokens(text)):
            add(Problem("lexicon", source, f"{source}: the lexical row of chunk {cid} holds other text"))
    stray = [cid for cid in snap.lexicon if cid not in current]
    if stray:
        add(Problem("lexicon", "", f"{len(stray)} lexical row(s) belong to no current chunk (e.g. {stray[0]})"))
    for source in sorted(set(snap.mentions) | set(snap.extracted)):
        if source not in snap.docs:
            add(Problem("mentions", source, f"{source}: contact mentions or an extraction record, but no such article"))
    for source, doc in snap.docs.items():
        if source not in snap.extracted:
            add(Problem("mentions", source, f"{source}: its contacts were never extracted (no extraction record)"))
            continue
        ids = {r[0] for r in snap.chunks.get(source, [])}
        for msg in _mention_problems(source, snap.mentions.get(source, []), doc[5], ids):
            add(Problem("mentions", source, msg))
    report.counts = {"articles": len(snap.docs), "chunks": len(current), "vectors": len(all_vectors),
                     "pending_vectors": len(set(orphans) & snap.pending), "lexical_rows": len(snap.lexicon),
                     "mentions": sum(len(v) for v in snap.mentions.values())}
    return report


def _document(source: str, doc: tuple) -> Document:
    _digest, title, date, outlet, url, text = doc[:6]
    return Document(source=source, text=text, title=title or "", date=date or "", outlet=outlet or "", url=url or "")


def _as_chunk(c: StoredChunk) -> Chunk:
    return Chunk(c.id, c.source, c.index, c.text, c.start, c.end, c.sentences, c.title, c.date, c.outlet, c.url)


def _repair(library: Library, problems: list[Problem]) -> list[str]:
    """Fix what `_check` found; one line per action. Runs under the writer lock (see `check`)."""
    store, settings = library.store, library.settings
    snap = _snapshot(library)
    done: list[str] = []
    officials = load_officials(settings.home_path)
    by_kind: dict[str, set[str]] = {}
    for p in problems:
        by_kind.setdefault(p.kind, set()).add(p.source)

    # Articles whose chunks are broken: chunked again from their stored text, embedded, contacts re-extracted.
    rechunked = sorted(by_kind.get("chunks", set()))
    for source in rechunked:
        doc = _document(source, snap.docs[source])
        chunks = chunk_document(doc, settings.chunk_chars, settings.chunk_overlap)
        texts = [embedding_text(c) for c in chunks] + [t for c in chunks for t in sentence_texts(c)]
        vecs = library.embedder.embed_passages(texts)
        at, svecs = len(chunks), []
        for c in chunks:
            svecs.append(vecs[at:at + len(c.sentences)])
            at += len(c.sentences)
        store.put_document(doc, chunks, vecs[:len(chunks)], svecs, snap.docs[source][0], snap.docs[source][7],
                           events=extract(doc, chunks, officials).rows())
        done.append(f"re-chunked {source} from its stored text: {len(chunks)} chunk(s), vectors and contacts rewritten")

    # Chunks, mentions and extraction records of articles that are not in the library.
    gone = sorted((set(snap.chunks) | set(snap.mentions) | set(snap.extracted)) - set(snap.docs))
    for source in gone:
        n = store.drop_remains(source)
        done.append(f"removed what was left of {source}, which is not in the library: {n} chunk(s) with their "
                    f"vectors and lexical rows, its contact mentions")

    snap = _snapshot(library)
    current = {cid: source for source, rows in snap.chunks.items() for cid, *_ in rows}

    # Vectors: missing or made from other text, re-embedded; those of no current chunk, removed.
    bad_vec = sorted({s for s in by_kind.get("vector", set())} - set(rechunked))
    for source in bad_vec:
        chunks = [_as_chunk(c) for c in store.get_chunks([r[0] for r in snap.chunks.get(source, [])])]
        vecs = library.embedder.embed_passages([embedding_text(c) for c in chunks])
        store.put_vectors(chunks, vecs, snap.docs[source][0])
        done.append(f"re-embedded the {len(chunks)} vector(s) of {source}")
    if "orphan-vector" in by_kind or snap.pending:
        _, all_vectors = _vectors(library, [])
        orphans = [i for i in all_vectors if i not in current]
        store.delete_vectors(orphans)
        if orphans:
            done.append(f"removed {len(orphans)} vector(s) that belonged to no current chunk")

    # Lexical rows: rewritten for every current chunk whose row is missing or wrong; stray rows removed.
    if "lexicon" in by_kind:
        rows = {cid: text for source, rs in snap.chunks.items() for cid, _i, _s, _e, text in rs}
        wrong = [cid for cid, text in rows.items() if snap.lexicon.get(cid) != " ".join(tokens(text))]
        stray = [cid for cid in snap.lexicon if cid not in rows]
        store.rewrite_lexicon([(cid, rows[cid]) for cid in wrong], stray)
        done.append(f"rewrote {len(wrong)} lexical row(s) and removed {len(stray)} that belonged to no current chunk")

    # Contact mentions: re-extracted for every article whose mentions are wrong or were never extracted.
    version = extractor_version(officials)
    for source in sorted(by_kind.get("mentions", set()) & set(snap.docs) - set(rechunked)):
        doc = _document(source, snap.docs[source])
        chunks = [_as_chunk(c) for c in store.get_chunks([r[0] for r in snap.chunks.get(source, [])])]
        extraction = extract(doc, chunks, officials)
        store.put_events(source, extraction.rows())
        done.append(f"re-extracted the contacts of {source} ({len(extraction.mentions)} mention(s), rules {version})")
    return done
