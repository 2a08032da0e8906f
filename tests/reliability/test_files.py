"""Hostile and careless files: mojibake, links, unsafe names, half-bad jsonl, unreadable files, deep HTML."""

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from conftest import ROOT
from rag import DocumentError
from rag.documents import decode, html_to_text, read_file

pytestmark = pytest.mark.slow
ARABIC = "زار وزير الخارجية السوري بغداد في 14 من آذار 2025 وبحث مع نظيره العراقي ملف الحدود المشتركة."


def test_random_high_bytes_are_refused_as_mojibake():
    rng = random.Random(12)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(20_000))
    with pytest.raises(DocumentError, match="noise.txt: garbled text \\(mojibake\\) when read as Windows-1256"):
        decode(data, "noise.txt")


def test_utf8_read_as_latin1_is_refused():
    double = ARABIC.encode("utf-8").decode("latin-1").encode("utf-8")  # the classic "Ø²Ø§Ø±" mojibake
    with pytest.raises(DocumentError, match="mojibake"):
        decode(double, "double.txt")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1256", "utf-16", "utf-16-be"])
def test_real_text_in_every_supported_encoding_is_accepted(encoding):
    text = ARABIC + "\nCafé à Bagdad: réunion de sécurité à la frontière, selon l'agence."
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    assert decode(data, "a.txt") == text


def test_seeds_are_plausible_text():
    for f in (ROOT / "seeds").iterdir():
        assert decode(f.read_bytes(), f.name)


def test_links_are_named_when_skipped(tmp_path):
    from rag.documents import iter_files
    root = tmp_path / "docs"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(ARABIC, encoding="utf-8")
    (root / "sub" / "b.txt").write_text(ARABIC, encoding="utf-8")
    os.symlink(root, root / "sub" / "loop")  # a folder link back up the tree
    os.symlink(root / "gone.txt", root / "dangling.txt")
    os.symlink("self.txt", root / "self.txt")  # a link to itself
    os.symlink(root / "a.txt", root / "alias.txt")  # a good link to a file is read
    warnings = []
    files = [p.relative_to(root).as_posix() for p in iter_files([root], warnings.append)]
    assert files == ["a.txt", "alias.txt", "sub/b.txt"]
    assert len(warnings) == 3 and all("\n" not in w for w in warnings)
    assert any("dangling.txt: a broken link" in w and "gone.txt" in w for w in warnings)
    assert any("self.txt: a link loop" in w for w in warnings)
    assert any("sub/loop: a link loop" in w for w in warnings)


def test_control_and_bidi_characters_leave_file_names(fresh_settings, tmp_path):
    from rag import ingest, open_library
    folder = tmp_path / "names"
    folder.mkdir()
    (folder / "evil\nname\u202etxt.txt").write_text(ARABIC, encoding="utf-8")
    (folder / "rtl\u2067x\u2069.md").write_text(ARABIC.replace("14", "15"), encoding="utf-8")
    lib = open_library(fresh_settings)
    report = ingest(lib, [folder], progress=False)
    assert sorted(report.added) == ["evil nametxt.txt", "rtlx.md"]
    p = subprocess.run([sys.executable, "-m", "rag.cli", "library"], capture_output=True, text=True, cwd=ROOT,
                       env={**os.environ, "RAG_HOME": str(fresh_settings.home_path), "PYTHONPATH": str(ROOT)},
                       timeout=120)
    lines = p.stdout.splitlines()
    assert p.returncode == 0 and len(lines) == 3 and lines[-1] == "2 articles"
    assert not any(ch in p.stdout for ch in "\u202e\u2067\u2069")


def test_one_bad_line_spoils_only_itself(tmp_path):
    f = tmp_path / "c.jsonl"
    lines = [json.dumps({"id": "a", "text": ARABIC}, ensure_ascii=False).encode(),
             b'{"id": "nul", "text": "x\x00y"}\x00\x00',
             json.dumps({"id": "b", "text": ARABIC}, ensure_ascii=False).encode(),
             b'{"id": "bad-utf8", "text": "\xff\xfe\xfd"}',
             json.dumps({"id": "n", "text": 42}).encode(),
             json.dumps({"id": "t", "text": "نص", "title": ["a"]}, ensure_ascii=False).encode(),
             json.dumps({"id": True, "text": "نص"}, ensure_ascii=False).encode(),
             json.dumps({"id": "..", "text": "نص"}, ensure_ascii=False).encode(),
             json.dumps({"id": 7, "text": "نص رقمي"}, ensure_ascii=False).encode()]
    f.write_bytes(b"\n".join(lines))
    warnings = []
    docs = list(read_file(f, 10**6, warnings.append))
    assert [d.source for d in docs] == ["a", "b", "7"]
    assert all(d.origin == f"{f.resolve()}#{d.source}" for d in docs)
    expect = {2: "binary data (NUL bytes)", 4: "not UTF-8", 5: "'text' must be a string, not a number",
              6: "'title' must be a string, not a list", 7: "'id' must be a string or a whole number",
              8: "invalid document id '..'"}
    assert len(warnings) == len(expect)
    for w, (line, msg) in zip(warnings, sorted(expect.items())):
        assert w.startswith(f"skipped c.jsonl:{line}: ") and msg in w, w


def test_many_bad_lines_are_summarised(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text("\n".join(["{oops"] * 30 + [json.dumps({"id": "ok", "text": "نص"}, ensure_ascii=False)]),
                 encoding="utf-8")
    warnings = []
    assert [d.source for d in read_file(f, 10**6, warnings.append)] == ["ok"]
    assert len(warnings) == 11 and "20 more bad lines of c.jsonl" in warnings[-1]


def _unprivileged():
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv"):
        return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"]
    if shutil.which("runuser"):
        return ["runuser", "-u", "nobody", "--"]
    return None


def test_unreadable_files_and_folders_are_named_and_the_rest_ingests(seeded_settings):
    prefix = _unprivileged()
    if prefix is None:
        pytest.skip("running as root and neither setpriv nor runuser is available to drop privileges")
    from ui_support import warm_home
    # Not under pytest's own temp root: any other pytest session on the machine (a concurrent run, a test that
    # starts pytest) resets /tmp/pytest-of-<user> to 0700, and nobody could then reach the home (a CI failure
    # seen when two runs overlapped). A folder of its own directly under /tmp (1777) is reachable by anyone.
    base = Path(tempfile.mkdtemp(prefix="rag-nobody-", dir="/tmp"))
    docs = base / "docs"
    try:
        home = warm_home(base / "home", seeded_settings.home_path)
        (docs / "locked").mkdir(parents=True)
        (docs / "good.txt").write_text(ARABIC, encoding="utf-8")
        (docs / "secret.txt").write_text(ARABIC.replace("14", "16"), encoding="utf-8")
        (docs / "locked" / "inner.txt").write_text(ARABIC.replace("14", "17"), encoding="utf-8")
        for p in [base, home, docs, *home.rglob("*"), *docs.rglob("*")]:
            os.chmod(p, 0o777 if p.is_dir() else 0o666)
        os.chmod(docs / "secret.txt", 0)
        os.chmod(docs / "locked", 0)
        env = {"RAG_HOME": str(home), "PYTHONPATH": str(ROOT), "HOME": str(base), "PATH": os.environ["PATH"]}
        p = subprocess.run(prefix + [sys.executable, "-m", "rag.cli", "ingest", str(docs)], capture_output=True,
                           text=True, env=env, timeout=300, cwd=str(base))
        assert p.returncode == 0, p.stderr
        assert "1 added" in p.stdout, p.stdout
        err = p.stderr.splitlines()
        assert any("secret.txt" in line and "Permission denied" in line for line in err), p.stderr
        assert any("locked" in line and "Permission denied" in line for line in err), p.stderr
    finally:
        if (docs / "locked").exists():
            os.chmod(docs / "locked", 0o700)
        shutil.rmtree(base, ignore_errors=True)


def test_deeply_nested_html_is_read_without_recursion(tmp_path, fresh_settings):
    from rag import ingest, open_library
    markup = "<div>" * 100_000 + "<p>" + ARABIC + "</p>" + "</div>" * 100_000
    t = time.perf_counter()
    text, _ = html_to_text(markup)
    assert ARABIC in text and time.perf_counter() - t < 30
    f = tmp_path / "deep.html"
    f.write_text("<html><body>" + markup + "</body></html>", encoding="utf-8")
    report = ingest(open_library(fresh_settings), [f], progress=False)
    assert report.added == ["deep.html"]
    assert ARABIC in open_library(fresh_settings).store.get_document("deep.html")["text"]


# ---------------------------------------------------------------- issue 26: devices, FIFOs, UTF-16 without a BOM, ids


def test_dev_zero_is_refused_at_once_with_a_message(tmp_path):
    """`rag ingest /dev/zero` read forever and ended in MemoryError: now one line, exit 1, in well under a second
    of its own work, and the library is untouched."""
    from test_cli import run
    t = time.perf_counter()
    p = run(["ingest", "/dev/zero", "--no-progress"], tmp_path / "home", timeout=120)
    assert p.returncode == 1, p.stderr
    assert "/dev/zero: a device, not a file; only regular files are read" in p.stderr
    assert "MemoryError" not in p.stderr and "Traceback" not in p.stderr
    assert "0 added" in p.stdout and "1 skipped" in p.stdout
    assert time.perf_counter() - t < 60


def test_fifo_is_refused_not_waited_on(tmp_path):
    """A FIFO named like an article, given by name or found in a folder, is refused by name at once (reading it
    blocked until a writer came); the real article beside it is read."""
    from rag.documents import iter_files
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "real.txt").write_text(ARABIC, encoding="utf-8")
    with pytest.raises(DocumentError, match="pipe.txt: a FIFO \\(named pipe\\), not a file"):
        list(read_file(folder / "pipe.txt", 10**6))
    warnings = []
    assert [p.name for p in iter_files([folder], warnings.append)] == ["real.txt"]
    assert len(warnings) == 1 and "pipe.txt: not a regular file" in warnings[0]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read_not_called_binary(encoding, tmp_path):
    text = ARABIC + "\nCafé à Bagdad: réunion de sécurité à la frontière, selon l'agence.\n" + ARABIC
    assert decode(text.encode(encoding), "a.txt") == text
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    assert next(read_file(tmp_path / "a.txt", 10**6)).text == text
    lines = [json.dumps({"id": f"n{i}", "text": ARABIC}, ensure_ascii=False) for i in range(3)]
    (tmp_path / "b.jsonl").write_bytes("\n".join(lines).encode(encoding))
    assert [d.source for d in read_file(tmp_path / "b.jsonl", 10**6)] == ["n0", "n1", "n2"]
    # what is not text stays refused: NUL-ridden binary, random bytes of even length
    with pytest.raises(DocumentError):
        decode(b"\x00\x01\x00\x02" * 500, "bin.txt")
    with pytest.raises(DocumentError):
        rng = random.Random(3)
        decode(bytes(rng.randrange(256) for _ in range(4000)), "noise.txt")


def test_jsonl_ids_with_slashes_are_distinct_articles(fresh_settings, tmp_path):
    """Ids `x/a` and `y/a` were both cut to `a` and the second refused as a duplicate: they are two articles."""
    from rag import ingest, open_library
    f = tmp_path / "c.jsonl"
    f.write_text("\n".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in (
        ("x/a", "زار الوفد العراقي دمشق لبحث ملف المياه المشتركة بين البلدين."),
        ("y/a", "زار الوفد السوري بغداد لبحث ملف الحدود والمعابر بين البلدين."))), encoding="utf-8")
    warnings = []
    assert [d.source for d in read_file(f, 10**6, warnings.append)] == ["x/a", "y/a"] and warnings == []
    lib = open_library(fresh_settings)
    report = ingest(lib, [f], progress=False, warn=warnings.append)
    assert sorted(report.added) == ["x/a", "y/a"] and not report.skipped and warnings == []
    assert "المياه" in lib.store.get_document("x/a")["text"] and "الحدود" in lib.store.get_document("y/a")["text"]
    g = tmp_path / "d.jsonl"
    g.write_text("\n".join(json.dumps({"id": i, "text": ARABIC}) for i in ("//", "../x/a", "ok")), encoding="utf-8")
    warnings.clear()
    assert [d.source for d in read_file(g, 10**6, warnings.append)] == ["x/a", "ok"]
    assert len(warnings) == 1 and "d.jsonl:1: invalid document id '//'" in warnings[0]
