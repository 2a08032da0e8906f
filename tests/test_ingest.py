import json
import shutil
import time

import pytest

from conftest import SEEDS


def _lib(settings):
    from rag import open_library
    return open_library(settings)


def test_reingest_unchanged_changes_nothing(fresh_settings):
    from rag import ingest
    lib = _lib(fresh_settings)
    first = ingest(lib, [SEEDS], progress=False)
    assert len(first.added) == 5 and first.chunks > 10
    ids = [c.id for c in lib.store.get_chunks()]
    gen = lib.store.generation()
    t = time.perf_counter()
    again = ingest(lib, [SEEDS], progress=False)
    assert time.perf_counter() - t < 2.0
    assert again.unchanged == sorted(p.name for p in SEEDS.iterdir()) and not again.added and not again.updated
    assert [c.id for c in lib.store.get_chunks()] == ids
    assert lib.store.generation() == gen
    assert lib.store.collection.count() == len(ids)


def test_changed_file_replaces_its_chunks(fresh_settings, tmp_path):
    from rag import ingest
    lib = _lib(fresh_settings)
    folder = tmp_path / "docs"
    shutil.copytree(SEEDS, folder)
    ingest(lib, [folder], progress=False)
    name = "003_13910b3792c7a8a7.txt"
    before = {c.id for c in lib.store.get_chunks() if c.source == name}
    path = folder / name
    path.write_text(path.read_text(encoding="utf-8") + "\nوأعلن الجانبان عن اجتماع جديد في شهر أيار المقبل.\n",
                    encoding="utf-8")
    report = ingest(lib, [folder], progress=False)
    assert report.updated == [name] and len(report.unchanged) == 4
    after = {c.id for c in lib.store.get_chunks() if c.source == name}
    assert after and not (after & before)
    chroma_ids = set(lib.store.collection.get(include=[])["ids"])
    assert not (before & chroma_ids), "old vectors must be gone"
    assert after <= chroma_ids
    assert "اجتماع جديد في شهر أيار" in lib.store.get_document(name)["text"]


def test_bad_files_are_named_and_skipped(fresh_settings, tmp_path):
    from rag import ingest
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text("زار وزير الخارجية السوري بغداد في 14 من آذار 2025 وبحث ملف الحدود.",
                                     encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03PK" * 100)
    (folder / "cp1256.txt").write_bytes("بحث الوزيران ملف المعابر الحدودية والتبادل التجاري بين البلدين.".encode("cp1256"))
    (folder / "bad.jsonl").write_text("{broken\n", encoding="utf-8")
    warnings = []
    report = ingest(_lib(fresh_settings), [folder], progress=False, warn=warnings.append)
    assert sorted(report.added) == ["cp1256.txt", "good.txt"]
    assert sorted(n for n, _ in report.skipped) == ["bad.jsonl", "binary.txt", "empty.txt"]
    assert len(warnings) == 4 and all("\n" not in w for w in warnings)
    assert any("bad.jsonl:1: not JSON" in w for w in warnings)
    assert any("empty.txt: empty file" in w for w in warnings)
    assert any("binary.txt: binary" in w for w in warnings)
    doc = _lib(fresh_settings).store.get_document("cp1256.txt")
    assert "المعابر الحدودية" in doc["text"]


def test_jsonl_corpus_metadata_and_html(fresh_settings, tmp_path):
    from rag import ingest
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "j1", "text": "استقبل الرئيس وفدا عراقيا في دمشق لبحث الملف الأمني.",
                                  "title": "وفد عراقي", "date": "2025-02-01", "outlet": "وكالة",
                                  "url": "https://example.org/a"}, ensure_ascii=False), encoding="utf-8")
    page = tmp_path / "p.html"
    page.write_text("<html><title>صفحة</title><body><nav>الرئيسية</nav><p>بحث الجانبان أمن الحدود المشتركة.</p>"
                    "</body></html>", encoding="utf-8")
    lib = _lib(fresh_settings)
    report = ingest(lib, [corpus, page], progress=False)
    assert sorted(report.added) == ["j1", "p.html"]
    docs = {d["source"]: d for d in lib.store.list_documents()}
    assert docs["j1"]["outlet"] == "وكالة" and docs["j1"]["date"] == "2025-02-01" and docs["j1"]["url"]
    assert docs["p.html"]["title"] == "صفحة"
    assert "الرئيسية" not in lib.store.get_document("p.html")["text"]


def test_missing_path_is_an_error(fresh_settings, tmp_path):
    from rag import DocumentError, ingest
    with pytest.raises(DocumentError, match="no such file"):
        ingest(_lib(fresh_settings), [tmp_path / "nope"], progress=False)


def test_plan_decides_before_anything_is_written(fresh_settings, tmp_path):
    """The plan step names every article's fate (added, updated, refused, unchanged) and writes nothing; the
    embed and store steps then write exactly the planned articles, each with a vector per chunk and sentence."""
    from rag import ingest
    from rag.contacts.events import extractor_version
    from rag.ingestion.pipeline import IngestReport, embed, plan, read_documents, store
    from rag.domain.people import load_officials
    lib = _lib(fresh_settings)
    folder = tmp_path / "docs"
    shutil.copytree(SEEDS, folder)
    names = sorted(p.name for p in folder.iterdir())
    ingest(lib, [folder], progress=False)
    changed, same, kept = names[3], names[0], names[4]
    news = "\nوأعلن الجانبان عن اجتماع جديد.\n"
    (folder / changed).write_text((folder / changed).read_text(encoding="utf-8") + news, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(folder / same, elsewhere / same)
    (elsewhere / same).write_text((elsewhere / same).read_text(encoding="utf-8") + news, encoding="utf-8")
    officials = load_officials(lib.settings.home_path)
    warnings: list[str] = []
    report = IngestReport()
    before = (lib.store.generation(), sorted(c.id for c in lib.store.get_chunks()), lib.store.collection.count())
    raws = read_documents([folder / changed, elsewhere / same, folder / kept], 10**7, report, warnings.append)
    todo = plan(lib, raws, report, warnings.append, events_version=extractor_version(officials))
    assert [(p.doc.source, p.kind) for p in todo.write] == [(changed, "updated")]
    assert [u.doc.source for u in todo.unchanged] == [kept]
    assert [n for n, _ in report.conflicts] == [same] and any("--replace" in w for w in warnings)
    after_plan = (lib.store.generation(), sorted(c.id for c in lib.store.get_chunks()), lib.store.collection.count())
    assert after_plan == before  # planning wrote nothing
    embedded = embed(lib.embedder, todo.write)
    item = embedded[0]
    assert len(item.chunk_vectors) == len(item.item.chunks)
    assert [len(v) for v in item.sentence_vectors] == [len(c.sentences) for c in item.item.chunks]
    timings = {"events": 0.0, "store": 0.0}
    store(lib, embedded, officials, report, timings)
    assert report.updated == [changed] and lib.store.generation() == before[0] + 1
    stored = {c.id for c in lib.store.get_chunks() if c.source == changed}
    assert stored == {c.id for c in item.item.chunks}
    assert lib.store.document_origin(same)[1] == str((folder / same).resolve())  # the refused one is untouched
