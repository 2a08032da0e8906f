"""Contacts, fifteenth pass: officials of a list of countries ("the foreign and defence ministers of Iraq, Jordan,
Lebanon, Syria and Turkey", "وزراء خارجية العراق وسوريا والأردن"), each side's official of each portfolio, resolved to
the person who held it that day; a contact's city refines a country when reports of it are merged, so reports of
other cities stay apart. Texts written here (real people, invented wording)."""

import json

from rag.contacts.events import extract
from rag.contacts.timeline import merge_mentions
from rag.documents import RawDocument
from rag.domain.people import load_officials
from rag.ingestion.chunking import chunk_document
from rag.ingestion.clean import clean
from tests.test_contacts_real import _contacts, _names


def test_officials_of_a_list_of_countries_are_each_sides_holders():
    en = ("AMMAN, March 9, 2025 – Jordan hosted on Sunday a meeting that brought together the foreign and defence "
          "ministers of Iraq, Jordan, Lebanon, Syria and Turkey.\n")
    ar = "عمّان – الأحد 9 آذار 2025\n\nاجتمع وزراء خارجية العراق وسوريا والأردن ولبنان اليوم في عمّان.\n"
    ar2 = ("عمّان – الأحد 9 آذار 2025\n\nاستضافت عمّان اليوم اجتماعاً ضمّ وزراء الخارجية والدفاع في الأردن والعراق "
           "وتركيا ولبنان وسوريا.\n")
    (m,) = _contacts(en)
    assert (m.kind, m.date) == ("meeting", "2025-03-09")
    assert {"Fuad Hussein", "Asaad al-Shaibani"} <= _names(m), _names(m)
    assert len(_names(m)) == 4  # and each side's defence minister
    (m,) = _contacts(ar)
    assert _names(m) == {"Fuad Hussein", "Asaad al-Shaibani"}, _names(m)
    (m,) = _contacts(ar2)
    assert {"Fuad Hussein", "Asaad al-Shaibani"} <= _names(m), _names(m)
    # a list without one of the sides names no contact of the two
    assert _contacts("AMMAN, March 9, 2025 – Jordan hosted the foreign ministers of Iraq, Jordan, Lebanon and Turkey "
                     "on Sunday.\n") == []


def test_a_built_title_that_the_data_lists_is_that_title():
    o = load_officials(None)
    t = o._title_for("Iraqi foreign minister", "Iraq", "minister")
    assert t.id == "iraq-fm" and o.holder(t.id, "2025-03-09").en == "Fuad Hussein"
    assert o._title_for("Iraqi oil minister", "Iraq", "minister").id.startswith("x-iraq-")


def _mentions(text: str, source: str, date: str = ""):
    o = load_officials(None)
    doc = clean(RawDocument(source=source, text=text, date=date))
    return extract(doc, chunk_document(doc, 1200, 1), o)


def test_a_contacts_city_refines_its_country_when_reports_merge():
    # one report dates a meeting of the two ministers and places it only "in Iraq" (a word of the sentence); an undated
    # one places it in
    # Riyadh, another undated one tells a meeting of the same two in Istanbul: two contacts, not one
    a = _mentions("Iraq's Foreign Minister Fuad Hussein met Syria's Asaad al-Shaibani on Sunday, in a meeting Iraq had "
                  "sought.\n", "a.txt", "2025-01-12")
    b = _mentions("Iraq's Foreign Minister Fuad Hussein met Syrian Foreign Minister Asaad al-Shaibani in Riyadh.\n", "b.txt")
    c = _mentions("Iraq's Foreign Minister Fuad Hussein met Syrian Foreign Minister Asaad al-Shaibani in Istanbul.\n", "c.txt")
    ms = [*a.mentions, *b.mentions, *c.mentions]
    assert len(ms) == 3, [(m.kind, m.place and m.place["name_en"]) for m in ms]
    assert [m.place["name_en"] for m in ms] == ["Iraq", "Riyadh", "Istanbul"], [m.place for m in ms]
    events = merge_mentions(ms, {"a.txt": a.article})
    assert sorted((e.place["name_en"], len(e.sources)) for e in events) == [("Istanbul", 1), ("Riyadh", 2)], \
        [(e.place, e.sources) for e in events]
