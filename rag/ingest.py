"""Ingest: files to cleaned documents to chunks to vectors in the library; idempotent and resumable."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable


from .chunking import chunk_document
from .clean import clean
from .documents import Chunk, Document, RawDocument, iter_files, read_file
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
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (name, reason)
    chunks: int = 0
    extracted: list[str] = field(default_factory=list)  # documents whose contacts were (re)extracted
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        return (f"{len(self.added)} added, {len(self.updated)} updated, {len(self.unchanged)} unchanged, "
                f"{len(self.skipped)} skipped; {self.chunks} chunks written in {self.seconds:.1f}s")


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
    for f in iter_files(list(paths)):
        try:
            out.extend((raw, f) for raw in read_file(f, max_bytes, warn))
        except DocumentError as exc:
            report.skipped.append((f.name, str(exc)))
            warn(f"skipped {exc}")
        except OSError as exc:
            report.skipped.append((f.name, exc.strerror or str(exc)))
            warn(f"skipped {f.name}: {exc.strerror or exc}")
    return out


def _digest(doc: Document, chunk_chars: int, overlap: int) -> str:
    return f"{PIPELINE_VERSION}:{chunk_chars}:{overlap}:{doc.digest}"


def ingest(library: Library, paths: list[Path], *, progress: bool | None = None,
           warn: Callable[[str], None] | None = None,
           on_progress: Callable[[float, str], None] | None = None) -> IngestReport:
    """Ingest files and folders (.txt .md .html .jsonl) into the library."""
    warn = warn or (lambda msg: print(f"warning: {msg}", file=sys.stderr))
    report = IngestReport()
    t0 = time.perf_counter()
    timings = {"read_clean": 0.0, "chunk": 0.0, "embed": 0.0, "store": 0.0, "lexical": 0.0, "events": 0.0}
    officials = load_officials(library.settings.home_path)
    ev_version = extractor_version(officials)
    raws = read_documents(paths, library.settings.max_file_bytes, report, warn)
    todo: list[tuple[Document, list[Chunk], str]] = []
    seen: set[str] = set()
    for raw, path in raws:
        t = time.perf_counter()
        doc = clean(raw)
        timings["read_clean"] += time.perf_counter() - t
        if doc.source in seen:
            report.skipped.append((doc.source, "duplicate source id in this ingest"))
            warn(f"skipped {doc.source}: the same source id appears twice in this ingest")
            continue
        seen.add(doc.source)
        if not doc.text.strip():
            report.skipped.append((doc.source, "no article text after cleaning"))
            warn(f"skipped {doc.source}: no article text left after removing boilerplate")
            continue
        old = library.store.document_digest(doc.source)
        if old and old[0] == _digest(doc, library.settings.chunk_chars, library.settings.chunk_overlap):
            report.unchanged.append(doc.source)
            if library.store.events_version(doc.source) != ev_version:  # extracted by older rules, or never
                t = time.perf_counter()
                chunks = chunk_document(doc, library.settings.chunk_chars, library.settings.chunk_overlap)
                library.store.put_events(doc.source, extract(doc, chunks, officials).rows())
                report.extracted.append(doc.source)
                timings["events"] += time.perf_counter() - t
            continue
        t = time.perf_counter()
        chunks = chunk_document(doc, library.settings.chunk_chars, library.settings.chunk_overlap)
        timings["chunk"] += time.perf_counter() - t
        todo.append((doc, chunks, "updated" if old else "added"))

    total = sum(len(c) + sum(len(x.sentences) for x in c) for _, c, _ in todo)
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
    group: list[tuple[Document, list[Chunk], str]] = []
    group_texts = 0
    for pos, item in enumerate(todo):
        group.append(item)
        group_texts += len(item[1]) + sum(len(c.sentences) for c in item[1])
        if group_texts < 256 and pos + 1 < len(todo):
            continue
        texts: list[str] = []
        for doc, chunks, _ in group:
            texts += [embedding_text(c) for c in chunks]
            for c in chunks:
                texts += sentence_texts(c)
        t = time.perf_counter()
        vectors = emb.embed_passages(texts, tick)
        timings["embed"] += time.perf_counter() - t
        t = time.perf_counter()
        at = 0
        for doc, chunks, kind in group:
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
            library.store.put_document(doc, chunks, chunk_vecs, svecs,
                                       _digest(doc, library.settings.chunk_chars, library.settings.chunk_overlap),
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
