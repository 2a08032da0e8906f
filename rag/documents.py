"""Documents and chunks, and reading them from files (txt, md, html, jsonl) in any common encoding."""

from __future__ import annotations

import hashlib
import html
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable, Iterator

from .errors import DocumentError

SUFFIXES = {".txt", ".md", ".html", ".htm", ".jsonl"}


@dataclass
class RawDocument:
    """A document as read, before cleaning."""

    source: str
    text: str
    title: str = ""
    date: str = ""
    outlet: str = ""
    url: str = ""


@dataclass
class Document(RawDocument):
    """One article after cleaning: text for matching and display, its metadata, and what was dropped."""

    dropped: list[str] = field(default_factory=list)

    @property
    def digest(self) -> str:
        """Content hash of what gets indexed (text and metadata)."""
        h = hashlib.sha256()
        for part in (self.text, self.title, self.date, self.outlet, self.url):
            h.update(part.encode("utf-8") + b"\x00")
        return h.hexdigest()[:16]


@dataclass
class Chunk:
    """A passage of a document, with its character offsets in the cleaned text."""

    id: str
    source: str
    index: int
    text: str
    start: int
    end: int
    sentences: list[tuple[int, int]]  # sentence spans, relative to the chunk text
    title: str = ""
    date: str = ""
    outlet: str = ""
    url: str = ""

    def metadata(self, digest: str) -> dict:
        return {
            "source": self.source, "index": self.index, "start": self.start, "end": self.end,
            "title": self.title, "date": self.date, "outlet": self.outlet, "url": self.url,
            "digest": digest,
        }


def decode(data: bytes, name: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1256."""
    if not data.strip():
        raise DocumentError(f"{name}: empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise DocumentError(f"{name}: not valid UTF-16 text") from None
    if b"\x00" in data[:4096]:
        raise DocumentError(f"{name}: binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1256")
        except UnicodeDecodeError:
            raise DocumentError(f"{name}: undecodable (neither UTF-8 nor Windows-1256)") from None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f")
    if controls > max(8, len(text) // 50):
        raise DocumentError(f"{name}: looks binary (control characters), not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


class _TextExtractor(HTMLParser):
    _SKIP = {"script", "style", "nav", "footer", "header", "aside", "form", "noscript", "svg", "button"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self.skip += 1
        if tag == "title":
            self._in_title = True
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self._SKIP and self.skip:
            self.skip -= 1
        if tag == "title":
            self._in_title = False
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._in_title:
            self.title += data
            return
        if not self.skip:
            self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, str]:
    """Visible text of an HTML page (scripts, navigation and forms dropped) and its <title>."""
    p = _TextExtractor()
    p.feed(markup)
    text = re.sub(r"[ \t]+", " ", "".join(p.parts))
    text = re.sub(r"\n\s*\n+", "\n\n", text)
    return text.strip(), html.unescape(p.title.strip())


def _markdown_to_text(text: str) -> str:
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links keep their words
    text = re.sub(r"^#{1,6}\s*", "", text, flags=re.M)
    return re.sub(r"[*_`]{1,3}([^*_`]+)[*_`]{1,3}", r"\1", text)


def read_file(path: Path, max_bytes: int, warn: Callable[[str], None] | None = None) -> Iterator[RawDocument]:
    """Raw documents in one file (one, or one per line for .jsonl, whose bad lines are warned about)."""
    name = path.name
    size = path.stat().st_size
    if size > max_bytes:
        raise DocumentError(f"{name}: {size:,} bytes is over the {max_bytes:,}-byte limit (RAG_MAX_FILE_BYTES)")
    text = decode(path.read_bytes(), name)
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl(text, name, warn or (lambda msg: None))
    elif suffix in (".html", ".htm"):
        body, title = html_to_text(text)
        yield RawDocument(source=name, text=body, title=title)
    elif suffix == ".md":
        yield RawDocument(source=name, text=_markdown_to_text(text))
    else:
        yield RawDocument(source=name, text=text)


def _read_jsonl(text: str, name: str, warn: Callable[[str], None]) -> Iterator[RawDocument]:
    seen = set()
    good = 0
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict) or not str(obj.get("id", "")).strip() or not str(obj.get("text", "")).strip():
                raise DocumentError(f"{name}:{lineno}: each line needs non-empty 'id' and 'text'")
            doc_id = safe_source(str(obj["id"]))
            if doc_id in seen:
                raise DocumentError(f"{name}:{lineno}: duplicate id {doc_id!r}")
        except json.JSONDecodeError as exc:
            warn(f"skipped {name}:{lineno}: not JSON ({exc.msg})")
            continue
        except DocumentError as exc:
            warn(f"skipped {exc}")
            continue
        seen.add(doc_id)
        good += 1
        yield RawDocument(
            source=doc_id, text=str(obj["text"]).replace("\r\n", "\n"),
            title=str(obj.get("title") or ""), date=str(obj.get("date") or ""),
            outlet=str(obj.get("outlet") or ""), url=str(obj.get("url") or ""),
        )
    if not good:
        raise DocumentError(f"{name}: no valid JSON lines with 'id' and 'text'")


def safe_source(name: str) -> str:
    """A source id safe to store and show: no path parts, no control characters."""
    name = name.replace("\\", "/").split("/")[-1]
    name = re.sub(r"[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]", "", name).strip()
    if name in ("", ".", ".."):
        raise DocumentError(f"invalid document id {name!r}")
    return name[:200]


def iter_files(paths: list[Path]) -> Iterator[Path]:
    """Files under the given paths that ingest reads, sorted; a missing path is an error."""
    for p in paths:
        if not p.exists():
            raise DocumentError(f"{p}: no such file or folder")
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith("."):
                    yield f
        else:
            yield p
