"""What a question asks (fourth pass): a period named by a person's fall in the possessive ("after Assad's fall")
dates the question and is not a person it is about; "fall" is not "all". Each test names the rule it guards and
fails without it."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", ["When did Fuad Hussein first phone Asaad al-Shaibani after Assad's fall?",
                                  "Which Iraqi official visited Damascus first since Bashar al-Assad's ouster?"])
def test_a_possessive_period_is_not_a_person_the_question_is_about(text):
    """Data rule (answer_types.json `possessive_periods`): "after Assad's fall" dates the question, as "after the
    fall of Assad" does (rag.domain.names periods); the sentence that answers need not name Assad."""
    from rag.answer.questions import Question
    assert "Bashar al-Assad" not in Question(text).entities, Question(text).entities


def test_a_person_named_outside_a_period_is_still_asked_about():
    from rag.answer.questions import Question
    assert "Bashar al-Assad" in Question("What did Assad's envoy tell Fuad Hussein?").entities


@pytest.mark.parametrize("text, wants_all", [
    ("When did Fuad Hussein first phone Asaad al-Shaibani after Assad's fall?", False),
    ("Which ministers attended all the sessions?", True),
    ("List every visit by al-Shaibani to Baghdad.", True),
])
def test_fall_is_not_all(text, wants_all):
    """Rule (shapes._ALL): "all" and "every" are whole words; "fall", "overall", "recall" do not ask for every item
    (before: "Assad's fall" made a date question a many-answer one)."""
    from rag.answer.shapes import shape_of
    assert shape_of(text).wants_all is wants_all


@pytest.mark.parametrize("text", ["ما الموعد الذي حُدّد لزيارة الوزير إلى دمشق؟", "ما هو موعد الاجتماع المقبل؟"])
def test_what_date_was_set_asks_for_a_date(text):
    """Rule (shapes date): "ما الموعد" asks when, as "متى" does (before: a fact question, answered by any sentence
    about the visit)."""
    from rag.answer.shapes import shape_of
    assert shape_of(text).kind == "date"


@pytest.mark.parametrize("text, name", [
    ("ما الموعد الذي حُدّد لزيارة نيجيرفان بارزاني إلى دمشق؟", "Nechirvan Barzani"),
    ("When did Nechirvan Barzani meet al-Sharaa?", "Nechirvan Barzani"),
    ("في أي يوم التقى ياسين الحجيمي بأسعد الشيباني؟", "Yassin al-Hujaimi"),
    ("When did Raed al-Saleh visit Baghdad?", "Raed al-Saleh"),
    ("من رافق منير مصطفى إلى بغداد؟", "Munir Mustafa"),
])
def test_the_officials_of_the_real_reports_are_names_a_question_asks_about(text, name):
    """Data (rag/domain/data/names.json, the answer tables only): the Kurdistan Region's president, the Iraqi
    chargé in Damascus, the Syrian emergency minister and his deputy, in both scripts: the answer must name them."""
    from rag.answer.questions import Question
    assert name in Question(text).entities, Question(text).entities


def test_one_barzani_is_not_the_other():
    """The Kurdistan Region's prime minister is not its president: his full name is his own entry (not a person
    whose family name alone names him, which would let "بارزاني" stand for him)."""
    from rag.answer.questions import Question
    assert Question("What did Masrour Barzani discuss with al-Sharaa?").entities[0] == "Masrour Barzani"
