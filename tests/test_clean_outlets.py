"""The outlet a page names in its byline or dateline, never the city it was filed from or the page's section
(rag/ingestion/clean.py; the words are data: the domain's places in rag/domain/data/officials.json, sections and
labels in rag/ingestion/data/bylines.json)."""

from __future__ import annotations

import json

import pytest

from rag.documents import RawDocument
from rag.ingestion.clean import clean

BODY_AR = "قال مسؤول في وزارة الخارجية، اليوم الثلاثاء، إن الجانبين بحثا ملف الحدود والتعاون الأمني.\n"
BODY_EN = "An official said on Tuesday that the two sides discussed the border and security cooperation.\n"


def page(headline: str, byline: str, body: str, name: str = "p.txt", **kw) -> object:
    return clean(RawDocument(source=name, text=f"{headline}\n\n{byline}\n\n{body}"), **kw)


@pytest.mark.parametrize("byline, outlet", [
    ("وكالة الفرات – دمشق", "وكالة الفرات"),            # outlet, then the city it was filed from
    ("صحيفة الرافد – دير الزور", "صحيفة الرافد"),       # a two-word city of the domain's places
    ("موقع النهرين - البصرة", "موقع النهرين"),
    ("شبكة الجسر – بغداد / دمشق", "شبكة الجسر"),         # two cities
    ("الموصل - صحيفة الحدباء", "صحيفة الحدباء"),         # the city first, then the outlet
    ("قناة الرافدين – سياسة", "قناة الرافدين"),           # outlet, then the page's section
    ("إذاعة دجلة - أخبار العراق", "إذاعة دجلة"),
    ("بغداد - خاص", ""),                                  # a city and a label: no outlet named
    ("أحمد سالم – وكالة الفرات", "وكالة الفرات"),        # an author, then the outlet (as before)
])
def test_an_arabic_byline_gives_the_outlet_not_the_city_or_section(byline, outlet):
    d = page("الوزيران يبحثان ملف الحدود بين البلدين", byline, BODY_AR)
    assert d.outlet == outlet
    assert byline not in d.text and d.title == "الوزيران يبحثان ملف الحدود بين البلدين"


@pytest.mark.parametrize("byline, outlet", [
    ("Tigris Wire - Damascus", "Tigris Wire"),
    ("Tigris Wire – ISTANBUL", "Tigris Wire"),
    ("Levant Daily - Politics", "Levant Daily"),
    ("Levant Daily - Baghdad / Damascus", "Levant Daily"),
    ("Erbil - Exclusive", ""),
])
def test_an_english_byline_gives_the_outlet_not_the_city_or_section(byline, outlet):
    assert page("Ministers discuss the shared border", byline, BODY_EN).outlet == outlet


def test_a_dateline_with_a_city_after_its_date_gives_the_date_and_no_outlet():
    for line, date in (("28 آب 2025 – دمشق", "2025-08-28"), ("March 14, 2025 | Baghdad", "2025-03-14")):
        d = page("Ministers discuss the shared border", line, BODY_EN)
        assert (d.date, d.outlet) == (date, ""), line
    kept = page("Ministers discuss the shared border", "March 14, 2025 | Tigris Wire", BODY_EN)
    assert (kept.date, kept.outlet) == ("2025-03-14", "Tigris Wire")


def test_a_dash_between_two_places_in_a_headline_is_a_route_not_a_byline():
    headline = "استئناف العمل في منفذ القائم – البوكمال بعد أشهر من الإغلاق"
    d = page(headline, "الأنبار – صحيفة الحدباء", BODY_AR)
    assert d.title == headline and headline in d.text
    assert d.outlet == "صحيفة الحدباء"


def test_a_place_added_in_the_data_folder_is_no_outlet(tmp_path):
    """RAG_HOME/officials.json's places count as the shipped ones do, when the caller passes its officials."""
    from rag.domain.people import load_officials

    (tmp_path / "officials.json").write_text(json.dumps({"places": [
        {"ar": ["تلعفر"], "en": "Tal Afar", "country": "Iraq", "en_forms": ["tal afar"]}]}, ensure_ascii=False),
        encoding="utf-8")
    assert page("الوزيران يبحثان ملف الحدود بين البلدين", "وكالة الفرات – تلعفر", BODY_AR,
                officials=load_officials(tmp_path)).outlet == "وكالة الفرات"
    assert page("Ministers discuss the shared border", "Tigris Wire - Tal Afar", BODY_EN,
                officials=load_officials(tmp_path)).outlet == "Tigris Wire"


def test_ingest_reads_outlets_with_the_library_s_own_places(fresh_settings):
    """A place added in RAG_HOME/officials.json is no outlet of a page ingested into that library."""
    from rag import ingest, open_library

    (fresh_settings.home_path / "officials.json").write_text(json.dumps({"places": [
        {"ar": ["تلعفر"], "en": "Tal Afar", "country": "Iraq", "en_forms": ["tal afar"]}]}, ensure_ascii=False),
        encoding="utf-8")
    folder = fresh_settings.home_path.parent / "pages"
    folder.mkdir()
    (folder / "p.txt").write_text("الوزيران يبحثان ملف الحدود بين البلدين\n\nوكالة الفرات – تلعفر\n\n" + BODY_AR,
                                  encoding="utf-8")
    lib = open_library(fresh_settings)
    ingest(lib, [folder], progress=False)
    assert lib.store.get_document("p.txt")["outlet"] == "وكالة الفرات"


@pytest.mark.parametrize("head, outlet, title", [
    # a source line with its time and editor after bars: the outlet is its first part
    ("Iraq and Syria agree on a pipeline study\n\nSource: Xinhua | 2025-08-12 21:40:16 | Editor: huaxia\n", "Xinhua",
     "Iraq and Syria agree on a pipeline study"),
    # a live blog's "updated continuously" after its date is a label, not an outlet
    ("تغطية مباشرة | وزير الخارجية السوري في بغداد\nالجمعة 14 آذار/مارس 2025 — يتم التحديث تباعاً\n", "",
     "تغطية مباشرة | وزير الخارجية السوري في بغداد"),
    # a byline with no space before its dash is a byline, not the title
    ("شفق نيوز- بغداد/ دمشق\n\n25/4/2025\n\nوفد عراقي في دمشق\n", "شفق نيوز", "وفد عراقي في دمشق"),
])
def test_source_lines_live_labels_and_tight_bylines_as_new_users_pages_print_them(head, outlet, title):
    body = BODY_EN if head.startswith("Iraq") else BODY_AR
    doc = clean(RawDocument(source="p.txt", text=head + "\n" + body))
    assert (doc.outlet, doc.title) == (outlet, title), (doc.outlet, doc.title)
