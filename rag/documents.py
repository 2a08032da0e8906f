"""Documents and chunks, and reading them from files (txt, md, html, jsonl) in any common encoding."""

from __future__ import annotations

import hashlib
import html
import errno
import json
import os
import re
import stat
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
    origin: str = ""  # where it came from: a file's absolute path, "<jsonl path>#<id>", "upload:<name>"


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


_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_ACCENTED = re.compile(r"[\u00c0-\u024f\u1e00-\u1eff]")
_EDGE = "\"'“”‘’«»()[]{}<>.,;:!?؟،؛…-–—*#/\\|=+&%$@^~`0123456789٠١٢٣٤٥٦٧٨٩"


def plausibility(text: str, sample: int = 200_000) -> float:
    """Share of a text's letters that stand in plausible Arabic or Latin words (1.0 for real prose).

    A word is plausible when its letters are all of one script, Arabic or Latin, an Arabic word is at most
    25 letters, and a Latin word is not mostly accented letters. Text decoded with the wrong code page
    (random bytes read as Windows-1256, UTF-8 read as Latin-1, anything read as UTF-16) fails this: its
    "words" mix scripts, run for hundreds of letters, or are accents with a few ASCII letters.
    """
    good = total = 0
    for token in text[:sample].split():
        core = token.strip(_EDGE)
        letters = [c for c in core if c.isalpha()]
        if not letters:
            continue
        n = len(letters)
        total += n
        arabic = sum(1 for c in letters if _ARABIC.match(c))
        latin = sum(1 for c in letters if _LATIN.match(c))
        if arabic == n and n <= 25:
            good += n
        elif latin == n and sum(1 for c in letters if _ACCENTED.match(c)) * 2 <= n:
            good += n
    return good / total if total else 0.0


def decode(data: bytes, name: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 (with or without BOM), or Windows-1256; mojibake is
    refused."""
    if not data.strip():
        raise DocumentError(f"{name}: empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise DocumentError(f"{name}: not valid UTF-16 text") from None
        encoding = "UTF-16"
    elif (utf16 := _utf16_without_bom(data)) is not None:
        text, encoding = utf16
    else:
        if b"\x00" in data[:4096]:
            raise DocumentError(f"{name}: binary file (NUL bytes), not text")
        try:
            text, encoding = data.decode("utf-8-sig"), "UTF-8"
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("cp1256"), "Windows-1256"
            except UnicodeDecodeError:
                raise DocumentError(f"{name}: undecodable (neither UTF-8 nor Windows-1256)") from None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f")
    if controls > max(8, len(text) // 50):
        raise DocumentError(f"{name}: looks binary (control characters), not text")
    check_plausible(text, name, encoding)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) when the bytes look like UTF-16 saved without a byte-order mark, else None.

    In UTF-16 every character of Arabic or Latin prose has a high byte of 0x00 (Latin, digits, spaces, line
    breaks) or 0x06 (Arabic): such bytes at nearly every odd offset are little-endian, at nearly every even
    offset big-endian. Random binary does not look like this; the text must still read as prose (`decode`)."""
    sample = data[:8192]
    if len(data) % 2 or len(sample) < 8:
        return None
    for encoding, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if sum(1 for b in high if b in (0x00, 0x06)) >= 0.95 * len(high) and high.count(0) < len(high):
            try:
                return data.decode(encoding), f"UTF-16 ({encoding[-2:].upper()}, no byte-order mark)"
            except UnicodeDecodeError:
                return None
    return None


def check_plausible(text: str, name: str, encoding: str) -> None:
    """Refuse mojibake: too few letters, or letters that do not form Arabic or Latin words."""
    sample = re.sub(r"<[^<>]{0,1000}>|&#?\w{1,10};", " ", text[:200_000])  # markup is not words
    visible = sum(1 for c in sample if not c.isspace())
    letters = sum(1 for c in sample if c.isalpha())
    if visible >= 20 and letters < 0.3 * visible:
        raise DocumentError(f"{name}: not readable text as {encoding} (only {letters:,} letters in {visible:,} "
                            f"characters); save it as UTF-8")
    score = plausibility(sample)
    if letters >= 20 and score < 0.6:
        raise DocumentError(f"{name}: garbled text (mojibake) when read as {encoding}: only {score:.0%} of its "
                            f"letters form Arabic or Latin words; save it as UTF-8")


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
    name = safe_source(path.name)
    st = path.stat()
    if not stat.S_ISREG(st.st_mode):  # a device (/dev/zero never ends), a FIFO (blocks), a socket
        kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(st.st_mode) else "a device" if stat.S_ISCHR(st.st_mode)
                or stat.S_ISBLK(st.st_mode) else "a socket" if stat.S_ISSOCK(st.st_mode) else "not a regular file")
        raise DocumentError(f"{printable(str(path))}: {kind}, not a file; only regular files are read")
    if st.st_size > max_bytes:
        raise DocumentError(f"{name}: {st.st_size:,} bytes is over the {max_bytes:,}-byte limit (RAG_MAX_FILE_BYTES)")
    with open(path, "rb") as fh:  # never more than the limit, even if the file grew since
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise DocumentError(f"{name}: over the {max_bytes:,}-byte limit (RAG_MAX_FILE_BYTES)")
    origin = str(path.resolve())
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl(data, name, origin, warn or (lambda msg: None))
        return
    text = decode(data, name)
    if suffix in (".html", ".htm"):
        body, title = html_to_text(text)
        yield RawDocument(source=name, text=body, title=title, origin=origin)
    elif suffix == ".md":
        yield RawDocument(source=name, text=_markdown_to_text(text), origin=origin)
    else:
        yield RawDocument(source=name, text=text, origin=origin)


_JSONL_FIELDS = ("title", "date", "outlet", "url")
_MAX_LINE_WARNINGS = 10


def _jsonl_lines(data: bytes, name: str) -> Iterator[tuple[int, str | DocumentError]]:
    """(line number, text or the reason the line is unreadable); one bad line spoils only itself."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_without_bom(data) is not None:
        for n, line in enumerate(decode(data, name).split("\n"), 1):
            yield n, line
        return
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for n, raw in enumerate(data.split(b"\n"), 1):
        if b"\x00" in raw:
            yield n, DocumentError(f"{name}:{n}: binary data (NUL bytes), not a JSON line")
            continue
        try:
            yield n, raw.decode("utf-8").rstrip("\r")
        except UnicodeDecodeError:
            yield n, DocumentError(f"{name}:{n}: not UTF-8 text (JSON lines must be UTF-8)")


def _jsonl_document(line: str, name: str, lineno: int, origin: str) -> RawDocument:
    where = f"{name}:{lineno}"
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise DocumentError(f"{where}: not JSON ({exc.msg})") from None
    except RecursionError:
        raise DocumentError(f"{where}: JSON nested too deeply") from None
    if not isinstance(obj, dict):
        raise DocumentError(f"{where}: each line needs non-empty 'id' and 'text' (got a JSON {type(obj).__name__})")
    doc_id, text = obj.get("id"), obj.get("text")
    if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)) or not str(doc_id).strip():
        if doc_id is None or doc_id == "":
            raise DocumentError(f"{where}: each line needs non-empty 'id' and 'text'")
        raise DocumentError(f"{where}: 'id' must be a string or a whole number, not {_json_type(doc_id)}")
    if text is None or text == "":
        raise DocumentError(f"{where}: each line needs non-empty 'id' and 'text'")
    if not isinstance(text, str):
        raise DocumentError(f"{where}: 'text' must be a string, not {_json_type(text)}")
    if not text.strip():
        raise DocumentError(f"{where}: each line needs non-empty 'id' and 'text'")
    for key in _JSONL_FIELDS:
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise DocumentError(f"{where}: '{key}' must be a string, not {_json_type(obj[key])}")
    try:
        source = safe_id(str(doc_id))
    except DocumentError as exc:
        raise DocumentError(f"{where}: {exc}") from None
    return RawDocument(source=source, text=text.replace("\r\n", "\n"),
                       **{key: obj.get(key) or "" for key in _JSONL_FIELDS}, origin=f"{origin}#{source}")


def _json_type(value: object) -> str:
    return {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "an object"}.get(
        type(value), type(value).__name__)


def _read_jsonl(data: bytes, name: str, origin: str, warn: Callable[[str], None]) -> Iterator[RawDocument]:
    if not data.strip():
        raise DocumentError(f"{name}: empty file")
    seen = set()
    good = bad = 0
    for lineno, line in _jsonl_lines(data, name):
        try:
            if isinstance(line, DocumentError):
                raise line
            if not line.strip():
                continue
            doc = _jsonl_document(line, name, lineno, origin)
            if doc.source in seen:
                raise DocumentError(f"{name}:{lineno}: duplicate id {doc.source!r}")
        except DocumentError as exc:
            bad += 1
            if bad <= _MAX_LINE_WARNINGS:
                warn(f"skipped {exc}")
            continue
        seen.add(doc.source)
        good += 1
        yield doc
    if bad > _MAX_LINE_WARNINGS:
        warn(f"skipped {bad - _MAX_LINE_WARNINGS} more bad lines of {name} (only the first {_MAX_LINE_WARNINGS} "
             f"are named)")
    if not good:
        raise DocumentError(f"{name}: no valid JSON lines with 'id' and 'text'")


_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]")


def printable(text: str) -> str:
    """Text safe to print on one line: control, line-separator and bidi characters removed."""
    return _UNSAFE.sub("", re.sub(r"\s+", " ", text))


def safe_source(name: str) -> str:
    """A source id safe to store and show: no path parts, no control, line-break or bidi characters."""
    name = name.replace("\\", "/").split("/")[-1]
    name = printable(name).strip()
    if name in ("", ".", ".."):
        raise DocumentError(f"invalid document id {printable(name)!r}")
    return name[:200]


def safe_id(doc_id: str) -> str:
    """A jsonl article id, its slashes kept ("x/a" and "y/a" are two articles) but no path that climbs or
    starts at the root ("../../etc/b" is "etc/b"), no control, line-break or bidi characters, at most 200."""
    parts = [p.strip() for p in printable(doc_id).replace("\\", "/").split("/")]
    ident = "/".join(p for p in parts if p not in ("", ".", ".."))
    if not ident:
        raise DocumentError(f"invalid document id {printable(doc_id)!r}")
    return ident[:200]


def iter_files(paths: list[Path], warn: Callable[[str], None] | None = None) -> Iterator[Path]:
    """Files under the given paths that ingest reads, sorted; a missing path is an error.

    Links to files and folders are followed; a broken link, a link loop and an unreadable folder are
    named in a warning and skipped. Hidden files and folders (".name") are not read."""
    warn = warn or (lambda msg: None)
    for p in paths:
        if not p.exists():
            if p.is_symlink():
                warn(f"skipped {printable(str(p))}: {_link_problem(p)}")
                continue
            raise DocumentError(f"{printable(str(p))}: no such file or folder")
        if p.is_dir():
            yield from _walk(p, warn, {os.path.realpath(p)})
        elif p.suffix.lower() not in SUFFIXES and p.is_file():  # (a device or FIFO: read_file says what it is)
            # named on its own as in a folder: a gold file, a PDF or a spreadsheet beside the articles is no article
            warn(f"skipped {printable(str(p))}: not an article file (ingest reads "
                 f"{' '.join(sorted(SUFFIXES))})")
        else:
            yield p


def _link_problem(p: Path) -> str:
    try:
        os.stat(p)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a link loop (the link points back at itself)"
    return f"a broken link (its target {printable(os.readlink(p))} does not exist)"


def _walk(folder: Path, warn: Callable[[str], None], seen: set[str]) -> Iterator[Path]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        warn(f"skipped folder {printable(str(folder))}: {exc.strerror or exc} (cannot list it)")
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith("."):
            continue
        try:
            is_link = entry.is_symlink()
            if is_link and not path.exists():
                warn(f"skipped {printable(str(path))}: {_link_problem(path)}")
                continue
            if entry.is_dir():  # follows links
                real = os.path.realpath(path)
                if real in seen:
                    warn(f"skipped {printable(str(path))}: a link loop (it leads back to {printable(real)}, "
                         f"already being read)")
                    continue
                yield from _walk(path, warn, seen | {real})
            elif path.suffix.lower() in SUFFIXES:
                if entry.is_file():
                    yield path
                else:  # a FIFO, socket or device named like an article: said, not read (a FIFO would block)
                    warn(f"skipped {printable(str(path))}: not a regular file (a FIFO, socket or device)")
        except OSError as exc:
            warn(f"skipped {printable(str(path))}: {exc.strerror or exc}")
