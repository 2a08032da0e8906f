import json

import pytest

from rag import DocumentError
from rag.documents import decode, html_to_text, iter_files, read_file, safe_source

ARABIC = "زار وزير الخارجية السوري بغداد في 14 من آذار 2025."


def test_decode_utf8_bom_and_windows_1256():
    assert decode(ARABIC.encode("utf-8"), "a") == ARABIC
    assert decode(b"\xef\xbb\xbf" + ARABIC.encode("utf-8"), "a") == ARABIC
    assert decode(ARABIC.encode("cp1256"), "a") == ARABIC
    assert decode(ARABIC.encode("utf-16"), "a") == ARABIC
    assert decode("سطر\r\nسطر".encode(), "a") == "سطر\nسطر"


@pytest.mark.parametrize("data,msg", [(b"", "empty"), (b"   \n", "empty"), (b"\x00\x01\x02PK\x03\x04", "binary"),
                                      (bytes(range(1, 32)) * 20, "binary")])
def test_decode_rejects_bad_bytes(data, msg):
    with pytest.raises(DocumentError, match=msg):
        decode(data, "bad.txt")


def test_html_keeps_article_text_and_drops_scripts_and_navigation():
    text, title = html_to_text("<html><head><title>عنوان</title><script>alert(1)</script></head><body>"
                               "<nav>الرئيسية | أخبار</nav><p>فقرة أولى.</p><p>فقرة &amp; ثانية.</p>"
                               "<form>اترك تعليقا</form></body></html>")
    assert title == "عنوان"
    assert "فقرة أولى." in text and "فقرة & ثانية." in text
    assert "alert" not in text and "الرئيسية" not in text and "اترك" not in text


def test_jsonl_corpus(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in [
        {"id": "a1", "text": ARABIC, "title": "ت", "date": "2025-03-14", "outlet": "س", "url": "http://x"},
        {"id": "../../etc/b2", "text": "نص آخر."}]), encoding="utf-8")
    docs = list(read_file(f, 10**6))
    assert [d.source for d in docs] == ["a1", "etc/b2"]  # no path that climbs; slashes kept (issue 26: x/a, y/a)
    assert docs[0].date == "2025-03-14" and docs[0].outlet == "س"


@pytest.mark.parametrize("line,msg", [("{not json", "not JSON"), ('{"id": "x"}', "needs non-empty"),
                                      ('{"text": "t"}', "needs non-empty"), ('{"id": "ok", "text": "u"}', "duplicate")])
def test_jsonl_bad_lines_are_named_and_skipped(tmp_path, line, msg):
    f = tmp_path / "c.jsonl"
    f.write_text('{"id": "ok", "text": "t"}\n' + line, encoding="utf-8")
    warnings = []
    docs = list(read_file(f, 10**6, warnings.append))
    assert [d.source for d in docs] == ["ok"]
    assert len(warnings) == 1 and warnings[0].startswith("skipped c.jsonl:2:") and msg in warnings[0]


def test_jsonl_with_no_good_line_is_a_bad_file(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text("{oops\n", encoding="utf-8")
    with pytest.raises(DocumentError, match="no valid JSON lines"):
        list(read_file(f, 10**6))


def test_size_limit(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text("ا" * 1000, encoding="utf-8")
    with pytest.raises(DocumentError, match="over the 100-byte limit"):
        list(read_file(f, 100))


def test_safe_source_and_iter_files(tmp_path):
    assert safe_source("../x/y.txt") == "y.txt"
    with pytest.raises(DocumentError):
        safe_source("..")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.pdf").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.md").write_text("x")
    assert [p.name for p in iter_files([tmp_path])] == ["a.txt", "c.md"]
    with pytest.raises(DocumentError, match="no such file"):
        list(iter_files([tmp_path / "missing"]))


def test_a_file_named_on_its_own_that_is_no_article_is_skipped_as_in_a_folder(tmp_path, fresh_settings):
    """`rag ingest gold.json` (a user's gold file beside the articles) or a PDF: said and skipped, nothing added."""
    from rag import ingest, open_library
    (tmp_path / "gold.json").write_text('{"events": [{"participants": ["Fuad Hussein"], "note": "زار دمشق"}]}',
                                        encoding="utf-8")
    (tmp_path / "doc.pdf").write_text("%PDF-1.4 not text", encoding="utf-8")
    (tmp_path / "a.txt").write_text("زار وزير الخارجية العراقي فؤاد حسين دمشق.\n", encoding="utf-8")
    warned = []
    assert [p.name for p in iter_files([tmp_path / "gold.json", tmp_path / "doc.pdf", tmp_path / "a.txt"],
                                       warned.append)] == ["a.txt"]
    assert len(warned) == 2 and all("not an article file" in w and ".txt" in w for w in warned), warned
    lib = open_library(fresh_settings)
    report = ingest(lib, [tmp_path / "gold.json"], progress=False)
    assert not report.added and lib.store.count_documents() == 0
