"""Ingest: files to cleaned documents to chunks to vectors in the library; idempotent and resumable.

`ingest()` runs three steps with small typed objects between them: `plan` (a `Plan`: each article to write,
`Planned`, with its chunks and whether it is added, updated or replaced; each `Unchanged` one; refusals and
skips go to the report), `embed` (`Embedded`: a planned article with its chunk and sentence vectors) and
`store` (each article switched in one transaction, with its contacts)."""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Literal

import numpy as np

from .chunking import CHUNKER_VERSION, chunk_document
from .clean import clean
from ..documents import Chunk, Document, RawDocument, iter_files, printable, read_file
from ..index.embeddings import Embedder
from ..errors import DocumentError
from ..contacts.cache import ContactsCache
from ..contacts.events import extract, extractor_version
from ..domain.people import Officials, load_officials
from ..index.library import Library


@dataclass
class IngestReport:
    """What an ingest did."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)  # articles from elsewhere replaced on request (replace=True)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (name, reason)
    conflicts: list[tuple[str, str]] = field(default_factory=list)  # (name, reason): refused, would replace another
    chunks: int = 0
    extracted: list[str] = field(default_factory=list)  # documents whose contacts were (re)extracted
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        out = f"{len(self.added)} added, {len(self.updated)} updated, {len(self.unchanged)} unchanged"
        if self.replaced:
            out += f", {len(self.replaced)} replaced: {', '.join(self.replaced)}"
        if self.conflicts:
            out += (f", {len(self.conflicts)} refused (the library holds another article by that name): "
                    f"{', '.join(n for n, _ in self.conflicts)}")
        return out + f", {len(self.skipped)} skipped; {self.chunks} chunks written in {self.seconds:.1f}s"


def embedding_text(chunk: Chunk) -> str:
    """What is embedded for a chunk: later chunks carry their article's title for context."""
    if chunk.index > 0 and chunk.title and not chunk.text.startswith(chunk.title):
        return f"{chunk.title}\n{chunk.text}"
    return chunk.text


def sentence_texts(chunk: Chunk) -> list[str]:
    return [chunk.text[s:e] for s, e in chunk.sentences]


def read_documents(paths: Iterable[Path], max_bytes: int, report: IngestReport,
                   warn: Callable[[str], None]) -> list[tuple[RawDocument, Path]]:
    """Raw documents from files and folders; a bad file is warned about and skipped."""
    out = []
    for f in iter_files(list(paths), warn):
        try:
            out.extend((raw, f) for raw in read_file(f, max_bytes, warn))
        except DocumentError as exc:
            report.skipped.append((printable(f.name), str(exc)))
            warn(f"skipped {exc}")
        except OSError as exc:
            report.skipped.append((printable(f.name), exc.strerror or str(exc)))
            warn(f"skipped {printable(str(f))}: {exc.strerror or exc}")
    return out


def _digest(doc: Document, chunk_chars: int, overlap: int) -> str:
    return f"{CHUNKER_VERSION}:{chunk_chars}:{overlap}:{doc.digest}"


def describe_origin(origin: str) -> str:
    """Where an article came from, for messages: a path relative to here when it is below, an upload, …"""
    if not origin:
        return "an earlier ingest (its origin was not recorded)"
    if origin.startswith("upload:"):
        return f"an upload ({origin[7:]})"
    path, _, line_id = origin.partition("#")
    try:
        path = os.path.relpath(path) if not os.path.relpath(path).startswith("..") else path
    except ValueError:
        pass
    return printable(f"{path} (id {line_id})" if line_id else path)


# ------------------------------------------------------------------ the steps: plan, embed, store


@dataclass(frozen=True)
class Planned:
    """An article to write: its chunks, what writing it does (added, updated or replaced) and its origin."""

    doc: Document
    chunks: list[Chunk]
    kind: Literal["added", "updated", "replaced"]
    origin: str
    digest: str

    def texts(self) -> list[str]:
        """What is embedded for it, in order: each chunk's embedding text, then every chunk's sentences."""
        return [embedding_text(c) for c in self.chunks] + [t for c in self.chunks for t in sentence_texts(c)]

    @property
    def size(self) -> int:
        return len(self.chunks) + sum(len(c.sentences) for c in self.chunks)


@dataclass(frozen=True)
class Unchanged:
    """A stored article whose content has not changed: nothing to embed, perhaps something to refresh."""

    doc: Document
    origin: str
    learn_origin: bool  # an old library learns where it came from
    reextract: bool  # its contacts were extracted by older rules (or never)


@dataclass
class Plan:
    """What an ingest will do, decided before any embedding; refusals and skips are in the report."""

    write: list[Planned] = field(default_factory=list)
    unchanged: list[Unchanged] = field(default_factory=list)


@dataclass(frozen=True)
class Embedded:
    """A planned article with its vectors: one per chunk, and one per sentence of each chunk."""

    item: Planned
    chunk_vectors: np.ndarray
    sentence_vectors: list[np.ndarray]


def plan(library: Library, raws: list[tuple[RawDocument, Path]], report: IngestReport,
         warn: Callable[[str], None], *, events_version: str, replace: bool = False,
         origin_prefix: str | None = None, timings: dict[str, float] | None = None,
         officials: Officials | None = None) -> Plan:
    """Decide, for each raw document, what to do: write it (added/updated/replaced), keep it (unchanged),
    or refuse or skip it (named in `report` and warned about). Reads the library, writes nothing.
    `events_version` is the contact extractor's: an unchanged article extracted by another is re-extracted."""
    settings = library.settings
    timings = timings if timings is not None else {}
    out = Plan()
    seen: dict[str, str] = {}

    def refuse(source: str, why: str) -> None:
        """An article over a per-article bound: skipped by name, with the numbers, before any embedding."""
        reason = f"{source}: {why}; split it into articles"
        report.skipped.append((source, reason))
        warn(f"skipped {reason}")

    for raw, _path in raws:
        origin = f"{origin_prefix}{raw.source}" if origin_prefix is not None else raw.origin
        if raw.source in seen:
            if seen[raw.source] == origin:
                continue  # the same file named twice
            report.skipped.append((raw.source, "duplicate source id in this ingest"))
            warn(f"skipped {raw.source} from {describe_origin(origin)}: the same source id comes first from "
                 f"{describe_origin(seen[raw.source])} in this ingest; rename one of them")
            continue
        seen[raw.source] = origin
        if len(raw.text) > settings.max_doc_chars:
            refuse(raw.source, f"{len(raw.text):,} characters is over the {settings.max_doc_chars:,}-character "
                               f"limit per article (RAG_MAX_DOC_CHARS)")
            continue
        t = time.perf_counter()
        doc = clean(raw, officials)  # (the library's places are no outlets)
        timings["read_clean"] = timings.get("read_clean", 0.0) + time.perf_counter() - t
        if not doc.text.strip():
            report.skipped.append((doc.source, "no article text after cleaning"))
            warn(f"skipped {doc.source}: no article text left after removing boilerplate")
            continue
        digest = _digest(doc, settings.chunk_chars, settings.chunk_overlap)
        old = library.store.document_origin(doc.source)
        if old and old[0] == digest:
            out.unchanged.append(Unchanged(doc, origin, learn_origin=not old[1] and origin_prefix is None,
                                           reextract=library.store.events_version(doc.source) != events_version))
            continue
        kind: Literal["added", "updated", "replaced"] = "added"
        if old:
            if origin_prefix is None and old[1] == origin:
                kind = "updated"
            elif replace:
                kind = "replaced"
            else:
                reason = (f"{doc.source}: the library already holds an article by this name from "
                          f"{describe_origin(old[1])}; rename the file or pass --replace to replace it")
                report.conflicts.append((doc.source, reason))
                warn(f"refused {reason}")
                continue
        t = time.perf_counter()
        chunks = chunk_document(doc, settings.chunk_chars, settings.chunk_overlap)
        timings["chunk"] = timings.get("chunk", 0.0) + time.perf_counter() - t
        if len(chunks) > settings.max_chunks:
            refuse(doc.source, f"{len(chunks):,} chunks is over the {settings.max_chunks:,}-chunk limit per "
                               f"article (RAG_MAX_CHUNKS)")
            continue
        out.write.append(Planned(doc, chunks, kind, origin, digest))
    return out


def embed(embedder: Embedder, items: list[Planned], progress: Callable[[int], None] | None = None) -> list[Embedded]:
    """Vectors for a group of planned articles, embedded together (so the embedder's workers share them)."""
    texts = [t for item in items for t in item.texts()]
    vectors = embedder.embed_passages(texts, progress)
    out, at = [], 0
    for item in items:
        n = len(item.chunks)
        chunk_vecs, at = vectors[at:at + n], at + n
        svecs = []
        for c in item.chunks:
            svecs.append(vectors[at:at + len(c.sentences)])
            at += len(c.sentences)
        out.append(Embedded(item, chunk_vecs, svecs))
    return out


def _extracted(doc: Document, chunks: list[Chunk], officials: Officials, cache: ContactsCache | None,
               digest: str) -> tuple:
    """An article's contacts: from the cache when these rules and data already read this content, else extracted."""
    key = ContactsCache.key(extractor_version(officials), digest, doc.source) if cache is not None else ""
    rows = cache.get(key) if cache is not None else None
    if rows is None:
        rows = extract(doc, chunks, officials).rows()
        if cache is not None:
            cache.put(key, rows)
    return rows


def store(library: Library, embedded: list[Embedded], officials: Officials, report: IngestReport,
          timings: dict[str, float], cache: ContactsCache | None = None) -> None:
    """Write each embedded article with its contacts: one transaction per article switches it from its old
    chunks to its new ones (its vectors are written first), so a crash leaves it wholly old or wholly new."""
    for e in embedded:
        item = e.item
        t = time.perf_counter()
        events = _extracted(item.doc, item.chunks, officials, cache, item.digest)
        report.extracted.append(item.doc.source)
        timings["events"] += time.perf_counter() - t
        t = time.perf_counter()
        library.store.put_document(item.doc, item.chunks, e.chunk_vectors, e.sentence_vectors, item.digest,
                                   item.origin, events=events)
        timings["store"] += time.perf_counter() - t
        getattr(report, item.kind).append(item.doc.source)
        report.chunks += len(item.chunks)


def refresh_unchanged(library: Library, items: list[Unchanged], officials: Officials, report: IngestReport,
                      timings: dict[str, float], cache: ContactsCache | None = None) -> None:
    """Unchanged articles cost nothing, except recording an origin an older library lacks and re-extracting
    contacts found by older rules (no embedding either way)."""
    settings = library.settings
    for u in items:
        if u.learn_origin:
            library.store.set_origin(u.doc.source, u.origin)
        report.unchanged.append(u.doc.source)
        if u.reextract:
            t = time.perf_counter()
            chunks = chunk_document(u.doc, settings.chunk_chars, settings.chunk_overlap)
            library.store.put_events(u.doc.source, _extracted(
                u.doc, chunks, officials, cache, _digest(u.doc, settings.chunk_chars, settings.chunk_overlap)))
            report.extracted.append(u.doc.source)
            timings["events"] += time.perf_counter() - t


def _groups(items: list[Planned], texts: int = 256) -> Iterator[list[Planned]]:
    """Consecutive articles in groups of at least `texts` texts (the last may be smaller)."""
    group: list[Planned] = []
    size = 0
    for item in items:
        group.append(item)
        size += item.size
        if size >= texts:
            yield group
            group, size = [], 0
    if group:
        yield group


def ingest(library: Library, paths: list[Path], *, progress: bool | None = None,
           warn: Callable[[str], None] | None = None,
           on_progress: Callable[[float, str], None] | None = None,
           replace: bool = False, origin_prefix: str | None = None) -> IngestReport:
    """Ingest files and folders (.txt .md .html .jsonl) into the library: read, plan, embed, store.

    A document updates the stored one of the same id only when it comes from the same origin (the same
    file, or the same jsonl file and id). One whose id is held by an article from elsewhere is refused by
    name (`report.conflicts`) unless `replace=True`, and then listed in `report.replaced`. Uploads pass
    `origin_prefix="upload:"`: their origin is "upload:<name>" and never counts as the same origin, so an
    upload replaces nothing without `replace=True`. Unchanged content is never a conflict.
    """
    warn = warn or (lambda msg: print(f"warning: {msg}", file=sys.stderr))
    report = IngestReport()
    t0 = time.perf_counter()
    timings = {"read_clean": 0.0, "chunk": 0.0, "embed": 0.0, "store": 0.0, "lexical": 0.0, "events": 0.0}
    officials = load_officials(library.settings.home_path)
    ev_version = extractor_version(officials)
    raws = read_documents(paths, library.settings.max_file_bytes, report, warn)
    # One writer at a time from the plan to the sweep: what the plan read (which names are held, by whom)
    # stays true until this ingest has written, and no other writer's pending vectors are swept.
    cache = ContactsCache(library.settings.home_path / "contacts.sqlite")
    try:
        with library.store.writer.hold("rag ingest", say=warn):
            _write(library, raws, report, warn, officials, ev_version, replace, origin_prefix, progress, on_progress,
                   timings, cache)
    finally:
        cache.close()
    if report.added or report.updated or report.replaced:
        t = time.perf_counter()
        _ = library.lexical  # rebuild now, not on the first question
        timings["lexical"] += time.perf_counter() - t
    report.seconds = time.perf_counter() - t0
    report.timings = timings
    return report


def _write(library: Library, raws: list[tuple[RawDocument, Path]], report: IngestReport, warn: Callable[[str], None],
           officials: Officials, ev_version: str, replace: bool, origin_prefix: str | None, progress: bool | None,
           on_progress: Callable[[float, str], None] | None, timings: dict[str, float],
           cache: ContactsCache | None = None) -> None:
    """Plan, embed and store, under the writer lock."""
    todo = plan(library, raws, report, warn, events_version=ev_version, officials=officials, replace=replace,
                origin_prefix=origin_prefix, timings=timings)
    refresh_unchanged(library, todo.unchanged, officials, report, timings, cache)

    total = sum(item.size for item in todo.write)
    bar = None
    if total and (progress if progress is not None else (sys.stderr.isatty() and total > 40)):
        from tqdm import tqdm
        bar = tqdm(total=total, unit="text", desc="embedding", file=sys.stderr, leave=False)
    done = 0

    def tick(n: int) -> None:
        nonlocal done
        done += n
        if bar:
            bar.update(n)
        if on_progress and total:
            on_progress(done / total, f"embedded {done}/{total} texts")

    for group in _groups(todo.write):
        t = time.perf_counter()
        embedded = embed(library.embedder, group, tick)
        timings["embed"] += time.perf_counter() - t
        store(library, embedded, officials, report, timings, cache)
    if bar:
        bar.close()
    t = time.perf_counter()
    library.store.sweep()  # this ingest's own pending ids, and those left by writers that are gone
    timings["store"] += time.perf_counter() - t


def ensure_seeded(library: Library) -> IngestReport | None:
    """The first run: ingest the seeds (RAG_SEEDS) into an empty library, saying so on stderr."""
    if not library.is_empty():
        return None
    print(f"No index yet: ingesting {library.settings.seeds} (first run) ...", file=sys.stderr)
    report = ingest(library, [Path(library.settings.seeds)])
    print(report.summary(), file=sys.stderr)
    return report
