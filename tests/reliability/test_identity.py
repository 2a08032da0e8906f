"""Document identity: an article is replaced only from where it came, or on an explicit request, by name."""

import json
import shutil
import sqlite3

import pytest

from conftest import SEEDS, SHAIBANI
from test_cli import run

pytestmark = pytest.mark.slow
QUESTION = "متى زار الشيباني بغداد؟"
FORGED = {"id": SHAIBANI, "text": "زار الشيباني بغداد في 1 كانون الثاني 1999."}


def _seeded(settings):
    from rag import ingest, open_library
    lib = open_library(settings)
    report = ingest(lib, [SEEDS], progress=False)
    assert len(report.added) == 5
    return lib


def _forged(tmp_path):
    f = tmp_path / "forged.jsonl"
    f.write_text(json.dumps(FORGED, ensure_ascii=False) + "\n", encoding="utf-8")
    return f


def test_colliding_jsonl_line_is_refused_and_the_seed_still_answers(fresh_settings, tmp_path):
    from rag import Pipeline, ingest
    lib = _seeded(fresh_settings)
    before = lib.store.get_document(SHAIBANI)["text"]
    warnings = []
    report = ingest(lib, [_forged(tmp_path)], progress=False, warn=warnings.append)
    assert [n for n, _ in report.conflicts] == [SHAIBANI]
    assert not report.added and not report.updated and not report.replaced
    reason = report.conflicts[0][1]
    assert "seeds/" + SHAIBANI in reason and "--replace" in reason  # names the article's file and the fix
    assert "refused" in report.summary() and SHAIBANI in report.summary()
    assert any(w.startswith("refused " + SHAIBANI) for w in warnings)
    assert lib.store.get_document(SHAIBANI)["text"] == before
    a = Pipeline(fresh_settings, lib).ask(QUESTION)
    assert "14 من آذار 2025" in a.answer and "1999" not in a.answer and not a.abstained


def test_replace_is_explicit_and_reported_by_name(fresh_settings, tmp_path):
    from rag import ingest
    lib = _seeded(fresh_settings)
    report = ingest(lib, [_forged(tmp_path)], progress=False, replace=True, warn=lambda m: None)
    assert report.replaced == [SHAIBANI] and not report.conflicts
    assert f"1 replaced: {SHAIBANI}" in report.summary()
    assert "1999" in lib.store.get_document(SHAIBANI)["text"]
    assert lib.store.document_origin(SHAIBANI)[1].endswith("forged.jsonl#" + SHAIBANI)


def test_cli_refuses_with_rc_1_and_replaces_with_the_flag(fresh_settings, tmp_path):
    home = fresh_settings.home_path
    assert run(["ingest"], home).returncode == 0
    forged = _forged(tmp_path)
    p = run(["ingest", str(forged)], home)
    assert p.returncode == 1
    assert f"1 refused (the library holds another article by that name): {SHAIBANI}" in p.stdout
    assert "--replace" in p.stderr and "\n" not in p.stderr.strip()
    p = run(["ask", QUESTION, "--json"], home)
    assert "14 من آذار 2025" in json.loads(p.stdout)["answer"]
    p = run(["ingest", "--replace", str(forged)], home)
    assert p.returncode == 0 and f"1 replaced: {SHAIBANI}" in p.stdout


def test_same_file_updates_and_a_copy_elsewhere_conflicts(fresh_settings, tmp_path):
    from rag import ingest
    from rag import open_library
    lib = open_library(fresh_settings)
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "note.txt").write_text("بحث الوزيران ملف المعابر الحدودية في بغداد.", encoding="utf-8")
    assert ingest(lib, [a], progress=False).added == ["note.txt"]
    (a / "note.txt").write_text("بحث الوزيران ملف المعابر الحدودية والمياه في بغداد.", encoding="utf-8")
    assert ingest(lib, [a], progress=False).updated == ["note.txt"]  # the same file: an update
    shutil.copy(a / "note.txt", b / "note.txt")
    assert ingest(lib, [b], progress=False).unchanged == ["note.txt"]  # same content elsewhere: nothing to do
    (b / "note.txt").write_text("نص آخر تماما عن زيارة إلى دمشق.", encoding="utf-8")
    report = ingest(lib, [b], progress=False, warn=lambda m: None)
    assert [n for n, _ in report.conflicts] == ["note.txt"]
    assert "والمياه" in lib.store.get_document("note.txt")["text"]


def test_uploads_never_replace_without_the_flag(fresh_settings, tmp_path):
    from rag import ingest
    lib = _seeded(fresh_settings)
    up = tmp_path / "upload"
    up.mkdir()
    (up / SHAIBANI).write_text("زار الشيباني بغداد في 1 كانون الثاني 1999.", encoding="utf-8")
    report = ingest(lib, [up], progress=False, origin_prefix="upload:", warn=lambda m: None)
    assert [n for n, _ in report.conflicts] == [SHAIBANI] and "1999" not in lib.store.get_document(SHAIBANI)["text"]
    (up / "new.txt").write_text("وصل وفد عراقي إلى دمشق لبحث ملف المياه.", encoding="utf-8")
    (up / SHAIBANI).unlink()
    assert ingest(lib, [up], progress=False, origin_prefix="upload:").added == ["new.txt"]
    (up / "new.txt").write_text("وصل وفد عراقي إلى دمشق لبحث ملف الطاقة.", encoding="utf-8")
    report = ingest(lib, [up], progress=False, origin_prefix="upload:", warn=lambda m: None)
    assert [n for n, _ in report.conflicts] == ["new.txt"]  # even a second upload of the same name asks first
    report = ingest(lib, [up], progress=False, origin_prefix="upload:", replace=True)
    assert report.replaced == ["new.txt"] and "الطاقة" in lib.store.get_document("new.txt")["text"]


def test_old_library_migrates_without_re_embedding(fresh_settings, tmp_path):
    """A library from before origins: the column is added, an unchanged re-ingest adopts the origin."""
    from rag import ingest, open_library
    from rag.index.store import Store
    lib = _seeded(fresh_settings)
    ids = sorted(c.id for c in lib.store.get_chunks())
    lib.store.close()
    db = sqlite3.connect(fresh_settings.home_path / "library.sqlite")
    db.execute("ALTER TABLE documents DROP COLUMN origin")
    db.commit()
    db.close()
    store = Store(fresh_settings, lib.embedder.name, lib.embedder.dim)  # migrates
    assert store.document_origin(SHAIBANI) == (store.document_origin(SHAIBANI)[0], "")
    lib.store = store
    gen = store.generation()
    report = ingest(lib, [SEEDS], progress=False)
    assert len(report.unchanged) == 5 and report.chunks == 0  # nothing embedded or written again
    assert store.generation() == gen and sorted(c.id for c in store.get_chunks()) == ids
    assert store.document_origin(SHAIBANI)[1] == str((SEEDS / SHAIBANI).resolve())
    report = ingest(open_library(fresh_settings), [_forged(tmp_path)], progress=False, warn=lambda m: None)
    assert [n for n, _ in report.conflicts] == [SHAIBANI]
