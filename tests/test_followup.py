"""Follow-ups are recognised by cues, not by length, and rewritten with the previous question's subject."""

import pytest

from rag.answer.followup import is_follow_up, rewrite
from rag.answer.shapes import shape_of

PREV = [("متى زار الشيباني بغداد؟", "…")]


@pytest.mark.parametrize("question,names", [
    ("ومتى حدث ذلك؟", ("الشيباني", "بغداد")), ("ومن التقى هناك؟", ("الشيباني", "بغداد")),
    ("ماذا قال عنه؟", ("الشيباني", "بغداد")), ("وماذا عن الحدود؟", ("الشيباني", "بغداد")),
    # an English follow-up to an Arabic question carries the names in English, so it is answered in English
    ("And when?", ("Asaad al-Shaibani", "Baghdad")), ("What did he say?", ("Asaad al-Shaibani", "Baghdad")),
    ("What about the border?", ("Asaad al-Shaibani", "Baghdad")),
])
def test_cues_make_a_follow_up(question, names):
    assert is_follow_up(question)
    out = rewrite(question, PREV)
    assert out != question and all(n in out for n in names)


@pytest.mark.parametrize("question", ["ما عاصمة اليابان؟", "ما هي عاصمة اليابان؟", "من هو المتحدث باسم الحكومة العراقية؟",
                                      "Who is the new head of Syrian intelligence?", "كم سكان الموصل؟"])
def test_short_or_copula_questions_stand_alone(question):
    assert not is_follow_up(question)
    assert rewrite(question, PREV) == question


def test_english_follow_up_after_arabic_keeps_english():
    out = rewrite("And when did he go there?", PREV)
    assert "Asaad al-Shaibani" in out and "Baghdad" in out and out.startswith("when did he go there")


def test_no_history_no_rewrite():
    assert rewrite("ومتى حدث ذلك؟", []) == "ومتى حدث ذلك؟"


@pytest.mark.parametrize("question,kind", [
    ("متى زار الشيباني بغداد؟", "date"), ("أين ومتى التقى الشطري بالشرع؟", "date"),
    ("من هنأ الشيباني؟", "person"), ("ما الملفات التي ستبحثها الزيارة؟", "list"),
    ("ماذا قال الشيباني عن أمن العراق؟", "statement"), ("What did al-Shaibani say about Iraq?", "statement"),
    ("لماذا تعاملت الحكومة مع الجنود كلاجئين؟", "reason"), ("أيهما كان أولاً: زيارة الشطري أم الشيباني؟", "comparison"),
    ("هل استعادت سوريا مقعدها؟", "yesno"), ("كم عدد الجنود؟", "number"), ("Which news agency reported the call?", "fact"),
])
def test_question_shapes(question, kind):
    assert shape_of(question).kind == kind


def test_a_library_caller_with_a_huge_history_is_answered_at_once_from_a_bounded_rewrite(pipeline):
    """The API bounds a conversation at its edge; a caller of Pipeline (the browser, a library user) may not, so
    the rewriter itself reads at most three turns, each question within the question limit (issue 26)."""
    import time
    huge = "متى زار وزير الخارجية السوري أسعد الشيباني بغداد؟ " * 25000  # ~1.2 MB earlier question
    t = time.perf_counter()
    ans = pipeline.ask("وماذا عن دمشق؟", history=[("سؤال", "جواب")] * 200 + [(huge, "ج" * 300000)])
    took = time.perf_counter() - t
    assert took < 10, took
    limit = pipeline.settings.max_question_chars
    assert ans.standalone_question is None or len(ans.standalone_question) <= limit + 100
    again = pipeline.ask("متى زار الشيباني بغداد؟")  # the next question is answered as usual
    assert not again.abstained and again.cited
