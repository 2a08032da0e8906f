"""Ingest: files to cleaned documents to chunks to vectors in the library; idempotent and resumable."""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable


from .chunking import chunk_document
from .clean import clean
from .documents import Chunk, Document, RawDocument, iter_files, printable, read_file
from .errors import DocumentError
from .events import extract, extractor_version
from .people import load_officials
from .library import Library

PIPELINE_VERSION = "1"  # bump when cleaning or chunking changes, so documents are re-chunked


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
    return f"{PIPELINE_VERSION}:{chunk_chars}:{overlap}:{doc.digest}"


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


def ingest(library: Library, paths: list[Path], *, progress: bool | None = None,
           warn: Callable[[str], None] | None = None,
           on_progress: Callable[[float, str], None] | None = None,
           replace: bool = False, origin_prefix: str | None = None) -> IngestReport:
    """Ingest files and folders (.txt .md .html .jsonl) into the library.

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
    settings = library.settings

    def refuse(source: str, why: str) -> None:
        """An article over a per-article bound: skipped by name, with the numbers, before any embedding."""
        reason = f"{source}: {why}; split it into articles"
        report.skipped.append((source, reason))
        warn(f"skipped {reason}")
    officials = load_officials(settings.home_path)
    ev_version = extractor_version(officials)
    raws = read_documents(paths, settings.max_file_bytes, report, warn)
    todo: list[tuple[Document, list[Chunk], str, str]] = []
    seen: dict[str, str] = {}
    for raw, path in raws:
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
        doc = clean(raw)
        timings["read_clean"] += time.perf_counter() - t
        if not doc.text.strip():
            report.skipped.append((doc.source, "no article text after cleaning"))
            warn(f"skipped {doc.source}: no article text left after removing boilerplate")
            continue
        digest = _digest(doc, settings.chunk_chars, settings.chunk_overlap)
        old = library.store.document_origin(doc.source)
        if old and old[0] == digest:
            if not old[1] and origin_prefix is None:
                library.store.set_origin(doc.source, origin)  # an old library learns where it came from
            report.unchanged.append(doc.source)
            if library.store.events_version(doc.source) != ev_version:  # extracted by older rules, or never
                t = time.perf_counter()
                chunks = chunk_document(doc, library.settings.chunk_chars, library.settings.chunk_overlap)
                library.store.put_events(doc.source, extract(doc, chunks, officials).rows())
                report.extracted.append(doc.source)
                timings["events"] += time.perf_counter() - t
            continue
        kind = "added"
        if old:
            same = origin_prefix is None and old[1] == origin
            if same:
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
        timings["chunk"] += time.perf_counter() - t
        if len(chunks) > settings.max_chunks:
            refuse(doc.source, f"{len(chunks):,} chunks is over the {settings.max_chunks:,}-chunk limit per "
                               f"article (RAG_MAX_CHUNKS)")
            continue
        todo.append((doc, chunks, kind, origin))

    total = sum(len(c) + sum(len(x.sentences) for x in c) for _, c, _, _ in todo)
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

    emb = library.embedder
    # Documents are embedded in groups, so that the embedder's workers always have several batches to share.
    group: list[tuple[Document, list[Chunk], str, str]] = []
    group_texts = 0
    for pos, item in enumerate(todo):
        group.append(item)
        group_texts += len(item[1]) + sum(len(c.sentences) for c in item[1])
        if group_texts < 256 and pos + 1 < len(todo):
            continue
        texts: list[str] = []
        for doc, chunks, _, _ in group:
            texts += [embedding_text(c) for c in chunks]
            for c in chunks:
                texts += sentence_texts(c)
        t = time.perf_counter()
        vectors = emb.embed_passages(texts, tick)
        timings["embed"] += time.perf_counter() - t
        t = time.perf_counter()
        at = 0
        for doc, chunks, kind, origin in group:
            chunk_vecs = vectors[at:at + len(chunks)]
            at += len(chunks)
            svecs = []
            for c in chunks:
                svecs.append(vectors[at:at + len(c.sentences)])
                at += len(c.sentences)
            te = time.perf_counter()
            events = extract(doc, chunks, officials).rows()
            report.extracted.append(doc.source)
            timings["events"] += time.perf_counter() - te
            t += time.perf_counter() - te  # extraction is not store time
            library.store.put_document(doc, chunks, chunk_vecs, svecs,
                                       _digest(doc, settings.chunk_chars, settings.chunk_overlap), origin,
                                       events=events)
            getattr(report, kind).append(doc.source)
            report.chunks += len(chunks)
        timings["store"] += time.perf_counter() - t
        group, group_texts = [], 0
    if bar:
        bar.close()
    if todo:
        t = time.perf_counter()
        library.store.sweep()
        timings["store"] += time.perf_counter() - t
        t = time.perf_counter()
        _ = library.lexical  # rebuild now, not on the first question
        timings["lexical"] += time.perf_counter() - t
    report.seconds = time.perf_counter() - t0
    report.timings = timings
    return report


def ensure_seeded(library: Library) -> IngestReport | None:
    """The first run: ingest the seeds (RAG_SEEDS) into an empty library, saying so on stderr."""
    if not library.is_empty():
        return None
    print(f"No index yet: ingesting {library.settings.seeds} (first run) ...", file=sys.stderr)
    report = ingest(library, [Path(library.settings.seeds)])
    print(report.summary(), file=sys.stderr)
    return report
