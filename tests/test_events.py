"""Contact extraction: Iraq–Syria contacts only, every field cited, stored and removed with its document."""

import shutil
import sqlite3

from conftest import SEEDS

from rag.ingestion.chunking import chunk_document
from rag.ingestion.clean import clean
from rag.documents import RawDocument, read_file
from rag.contacts.events import extract
from rag.domain.people import load_officials


def _extract(text, source="x.txt", date=""):
    doc = clean(RawDocument(source=source, text=text, date=date))
    return doc, extract(doc, chunk_document(doc, 1200, 1), load_officials())


def _seed(name):
    doc = clean(next(read_file(SEEDS / name, 10 ** 8)))
    chunks = chunk_document(doc, 1200, 1)
    return doc, chunks, extract(doc, chunks, load_officials())


def test_every_citation_is_the_exact_sentence_in_its_chunk():
    for path in sorted(SEEDS.iterdir()):
        doc, chunks, ex = _seed(path.name)
        by_id = {c.id: c for c in chunks}
        for m in ex.mentions:
            assert m.citations, m
            for c in m.citations:
                assert doc.text[c["start"]:c["end"]] == c["text"]
                ch = by_id[c["chunk_id"]]
                assert ch.start <= c["start"] and c["end"] <= ch.end


def test_relative_date_of_a_call_is_resolved_against_the_article_date_and_said_so():
    _, _, ex = _seed("000_bfc544fcf7e9c4f1.txt")
    calls = [m for m in ex.mentions if m.kind == "call"]
    assert len(calls) == 1
    call = calls[0]
    assert {p["name_en"] for p in call.participants} == {"Fuad Hussein", "Asaad al-Shaibani"}
    assert call.date == "2025-01-06" and "الاثنين" in call.date_basis and "2025-01-12" in call.date_basis
    assert any("الاثنين" in c["text"] for c in call.citations)


def test_planned_visit_is_planned_and_its_report_date_is_not_its_date():
    _, _, ex = _seed("000_bfc544fcf7e9c4f1.txt")
    planned = [m for m in ex.mentions if m.status == "planned"]
    assert len(planned) == 1 and planned[0].date is None
    assert "2025-01-11" in planned[0].date_basis and planned[0].place["name_en"] == "Baghdad"


def test_undated_article_leaves_its_relative_dates_null():
    _, _, ex = _seed("004_42ccee761c1e329b.txt")
    assert ex.article.before == "2024-12-08" and not ex.article.value
    assert len(ex.mentions) == 2 and all(m.date is None for m in ex.mentions)
    assert any("السبت" in m.date_basis for m in ex.mentions)


def test_contacts_with_a_third_country_are_not_extracted():
    egypt = ("أعلن وزير الخارجية السوري أسعد الشيباني، أمس الثلاثاء، أنه تلقى اتصالاً هاتفياً من نظيره المصري بدر "
             "عبدالعاطي، شددا خلاله على دور بلديهما في تحقيق الاستقرار.\n"
             "وكتب الوزير السوري على منصة إكس: سُعدت باتصال وزير الخارجية المصري بدر عبدالعاطي.")
    turkey = "زار وزير الخارجية السوري أسعد الشيباني أنقرة والتقى نظيره التركي لبحث العلاقات."
    iran = "وصل رئيس الوزراء العراقي محمد شياع السوداني إلى طهران في زيارة رسمية."
    # Iraq and Syria both named, but the contact is with Egypt
    mixed = ("أجرى وزير الخارجية السوري أسعد الشيباني اتصالاً هاتفياً مع نظيره المصري بدر عبدالعاطي، "
             "بعد عودته من العراق.")
    for text in (egypt, turkey, iran, mixed):
        _, ex = _extract(text, date="2025-01-01")
        assert ex.mentions == [], text
    # the same sentence shape between Iraq and Syria is a contact
    _, ex = _extract("زار وزير الخارجية السوري أسعد الشيباني بغداد والتقى نظيره العراقي فؤاد حسين لبحث العلاقات.",
                     date="2025-01-01")
    assert [m.kind for m in ex.mentions] == ["visit"]
    assert {p["country"] for p in ex.mentions[0].participants} == {"Iraq", "Syria"}
    # received in Damascus on a Sunday: the Iraqi side's visit, dated against the article
    _, ex = _extract("استقبل الرئيس السوري أحمد الشرع في دمشق، يوم الأحد، رئيس الوزراء العراقي محمد شياع السوداني.",
                     date="2025-05-20")
    assert [(m.kind, m.date, m.place["name_en"]) for m in ex.mentions] == [("visit", "2025-05-18", "Damascus")]


def test_surname_alone_counts_only_after_the_full_name():
    _, ex = _extract("أجرى حسين اتصالاً هاتفياً مع الجانب السوري.", date="2025-01-01")
    assert ex.mentions == [] or all(p["name_en"] != "Fuad Hussein" for m in ex.mentions for p in m.participants)


def _lib(settings):
    from rag import open_library
    return open_library(settings)


def test_reingest_unchanged_extracts_nothing_and_deleted_documents_take_their_events(fresh_settings, tmp_path):
    from rag import contact_timeline as timeline, events_consistent, ingest
    lib = _lib(fresh_settings)
    folder = tmp_path / "docs"
    shutil.copytree(SEEDS, folder)
    first = ingest(lib, [folder], progress=False)
    assert sorted(first.extracted) == sorted(p.name for p in SEEDS.iterdir())
    before = [e.to_dict() for e in timeline(lib)]
    again = ingest(lib, [folder], progress=False)
    assert again.extracted == [] and len(again.unchanged) == 5
    assert [e.to_dict() for e in timeline(lib)] == before
    assert events_consistent(lib.store) == []
    # a deleted document takes its events away
    lib.store.delete_document("004_42ccee761c1e329b.txt")
    after = timeline(lib)
    assert not any("004_42ccee761c1e329b.txt" in e.sources for e in after)
    assert len(after) == len(before) - 2
    assert events_consistent(lib.store) == []


def test_changed_article_reextracts_its_events(fresh_settings, tmp_path):
    from rag import contact_timeline as timeline, events_consistent, ingest
    lib = _lib(fresh_settings)
    folder = tmp_path / "docs"
    shutil.copytree(SEEDS, folder)
    ingest(lib, [folder], progress=False)
    n = len(timeline(lib))
    path = folder / "003_13910b3792c7a8a7.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nوفي 5 من شباط 2025، أجرى رئيس الوزراء العراقي محمد شياع "
                    "السوداني اتصالاً هاتفياً مع الرئيس السوري أحمد الشرع.\n", encoding="utf-8")
    rep = ingest(lib, [folder], progress=False)
    assert rep.updated == ["003_13910b3792c7a8a7.txt"] and rep.extracted == ["003_13910b3792c7a8a7.txt"]
    events = timeline(lib)
    assert len(events) == n + 1
    new = [e for e in events if e.date == "2025-02-05"]
    assert len(new) == 1 and new[0].kind == "call" and new[0].sources == ["003_13910b3792c7a8a7.txt"]
    assert events_consistent(lib.store) == []


def test_library_from_before_extraction_gets_its_events_without_reembedding(fresh_settings):
    from rag import contact_timeline as timeline, ingest
    from rag.index.store import Store
    lib = _lib(fresh_settings)
    ingest(lib, [SEEDS], progress=False)
    want = [e.to_dict() for e in timeline(lib)]
    # an old library: no events tables at all
    db = sqlite3.connect(fresh_settings.home_path / "library.sqlite")
    db.executescript("DROP TABLE events; DROP TABLE event_docs;")
    db.close()
    lib.store.close()
    lib.store = Store(fresh_settings, lib.embedder.name, lib.embedder.dim)  # opening creates the tables
    assert timeline(lib) == []
    rep = ingest(lib, [SEEDS], progress=False)
    assert len(rep.unchanged) == 5 and not rep.added and not rep.updated and rep.chunks == 0
    assert sorted(rep.extracted) == sorted(p.name for p in SEEDS.iterdir())
    assert [e.to_dict() for e in timeline(lib)] == want


def test_consistency_check_finds_mentions_without_their_document(fresh_settings):
    import json
    from rag import events_consistent, ingest
    lib = _lib(fresh_settings)
    ingest(lib, [SEEDS], progress=False)
    assert events_consistent(lib.store) == []
    with lib.store.db:
        lib.store.db.execute("INSERT INTO events VALUES ('x', 'gone.txt', ?)", (json.dumps({"id": "x", "citations": []}),))
        lib.store.db.execute("UPDATE documents SET text = 'changed' WHERE source = '001_be86418023dbb8c5.txt'")
    problems = events_consistent(lib.store)
    assert any("gone.txt" in p for p in problems)
    assert any("001_be86418023dbb8c5.txt" in p and "not at" in p for p in problems)


def test_any_text_extracts_without_error_and_cites_exactly():
    from hypothesis import given, settings, strategies as st
    words = st.sampled_from(["زار", "الشيباني", "أسعد الشيباني", "بغداد", "دمشق", "اتصالاً هاتفياً", "مع", "فؤاد حسين",
                             "أمس السبت", "يوم الاثنين", "1 من نيسان", "المصري", "،", ".", "\n", "وفد", "سوري",
                             "عراقي", "اللقاء", "أكد", "رئيس الوزراء العراقي", "x", "2025", "(", "»"])

    @settings(max_examples=150, deadline=None)
    @given(st.lists(words, max_size=40), st.sampled_from(["", "2025-01-12"]))
    def check(parts, date):
        doc, ex = _extract(" ".join(parts) or "x", date=date)
        for m in ex.mentions:
            assert {p["country"] for p in m.participants} <= {"Iraq", "Syria"}
            for c in m.citations:
                assert doc.text[c["start"]:c["end"]] == c["text"]
    check()


def test_a_quoted_tweet_dates_the_article_but_not_one_in_a_related_block():
    body = ("أجرى وزير الخارجية العراقي فؤاد حسين اتصالاً هاتفياً مع نظيره السوري أسعد الشيباني.\n"
            "سعدت باتصال معالي وزير الخارجية العراقي.\n"
            "— أسعد حسن الشيباني (@Asaad_Shaibani) January 5, 2025\n"
            "وأكد الجانبان أهمية التنسيق.\n")
    _, ex = _extract(body)
    assert ex.article.after == "2025-01-05" and "tweet" in ex.article.basis
    _, _, seed = _seed("004_42ccee761c1e329b.txt")  # its tweet (December 31, 2024) is in "إقرأ أيضاً"
    assert seed.article.after == "" and seed.article.before == "2024-12-08"


def test_a_new_library_over_the_same_articles_reads_their_contacts_from_the_cache(fresh_settings, tmp_path,
                                                                                    monkeypatch):
    """Extraction is kept by content, source, rules' version and the domain data's digest (RAG_HOME/contacts.sqlite):
    a second library in the same home runs no rule for articles already read, and its timeline is the same; a data
    change (an official added in RAG_HOME/officials.json) runs the rules again."""
    import json
    import shutil
    from pathlib import Path

    from rag import contact_timeline, ingest, load_settings, open_library
    import rag.ingestion.pipeline as pipeline

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    first = open_library(fresh_settings)
    ingest(first, [seeds], progress=False)
    want = [e.to_dict() for e in contact_timeline(first)]
    assert want and (fresh_settings.home_path / "contacts.sqlite").is_file()

    home2 = tmp_path / "home2"
    home2.mkdir()
    for name in ("embeddings.sqlite", "contacts.sqlite"):
        shutil.copy(fresh_settings.home_path / name, home2 / name)
    calls = []
    real = pipeline.extract
    monkeypatch.setattr(pipeline, "extract", lambda *a, **k: calls.append(a[0].source) or real(*a, **k))
    second = open_library(load_settings(env={}, home=str(home2)))
    ingest(second, [seeds], progress=False)
    assert calls == []
    assert [e.to_dict() for e in contact_timeline(second)] == want

    home3 = tmp_path / "home3"
    home3.mkdir()
    for name in ("embeddings.sqlite", "contacts.sqlite"):
        shutil.copy(fresh_settings.home_path / name, home3 / name)
    (home3 / "officials.json").write_text(json.dumps({"people": [{
        "id": "x-test-official", "name": "سالم التجريبي", "en": "Salem al-Tajribi", "country": "Iraq",
        "roles": [{"ar": "وزير عراقي", "en": "Iraqi minister", "rank": "minister"}]}]}, ensure_ascii=False),
        encoding="utf-8")
    ingest(open_library(load_settings(env={}, home=str(home3))), [seeds], progress=False)
    assert sorted(calls) == sorted(p.name for p in seeds.glob("*.txt"))
