"""Contacts, seventeenth pass: an act done with one side's body whose doer the sentence before names; handovers at
the border; "an operation carried out by X with Y"; a capital named by its country ("the Saudi capital"); a city that
speaks for its side ("with Baghdad announcing"); a known event's day written in the current month dates an undated
page's month. Texts written here (real people and bodies, invented wording)."""

from rag.contacts.events import extract
from rag.contacts.timeline import merge_mentions
from rag.documents import RawDocument
from rag.domain.people import load_officials
from rag.ingestion.chunking import chunk_document
from rag.ingestion.clean import clean
from rag.text.arabic import normalize
from rag.text.dates import infer_article_date
from tests.test_contacts_real import _contacts, _names

HEAD = "Notes\n\nJuly 30, 2025 | Test\n\n"
HEAD_AR = "ملاحظات\n\n30 تموز 2025\n\n"


def test_an_act_done_with_one_sides_body_takes_the_other_side_named_in_the_sentence_before():
    text = (HEAD + "Iraq's Interior Ministry said on Wednesday that narcotics officers had seized a large haul of pills. "
            "A special team acted on a tip, the ministry said, and mounted the raid in close cooperation with Syria's "
            "Directorate of Narcotics Control.\n")
    (m,) = _contacts(text, "r.txt", "2025-07-30")
    assert {p["country"] for p in m.participants} == {"Iraq", "Syria"}, m.participants
    assert m.kind == "meeting" and m.date == "2025-07-30", (m.kind, m.date, m.date_basis)
    # the sentence before names no body of the other side: no contact (a side alone acting is not a contact)
    alone = (HEAD + "Narcotics officers seized a large haul of pills on Wednesday. A special team mounted the raid "
             "in close cooperation with Syria's Directorate of Narcotics Control.\n")
    assert _contacts(alone, "r.txt", "2025-07-30") == []
    # the doer named in the sentence itself is left to it (a third country's body: no Iraq–Syria contact)
    other = (HEAD + "Iraq's Interior Ministry said on Wednesday that a haul had been seized. Jordan's anti-narcotics "
             "department mounted the raid in close cooperation with Syria's Directorate of Narcotics Control.\n")
    assert _contacts(other, "r.txt", "2025-07-30") == []
    # a party right after an Arabic verb of handing over is its doer, not the one it was handed to
    verb = (HEAD_AR + "أعلنت وزارة الداخلية السورية القبض على خلية. سلّمت القوات العراقية عشرات المطلوبين إلى القضاء "
            "العراقي.\n")
    assert _contacts(verb, "a.txt", "2025-07-30") == []
    # one side's own people before the word of acting together: the act is theirs, the other side's body named
    # before is not drawn in
    own = (HEAD + "Iraq's Interior Ministry said on Wednesday that a haul had been seized. Interior Minister Anas "
           "Khattab said Syrian police mounted the raid in close cooperation with Syria's customs authority.\n")
    assert [sorted(_names(m)) for m in _contacts(own, "r.txt", "2025-07-30")] == [], \
        [(m.kind, _names(m)) for m in _contacts(own, "r.txt", "2025-07-30")]


def test_a_handover_to_the_other_side_at_the_border_is_a_contact_of_the_two_sides():
    ar = (HEAD_AR + "سلّمت السلطات العراقية أمس الثلاثاء مئات الجنود السوريين إلى الجانب السوري عند منفذ القائم.\n")
    (m,) = _contacts(ar, "a.txt", "2025-07-30")
    assert {p["country"] for p in m.participants} == {"Iraq", "Syria"} and m.date == "2025-07-29", \
        (m.participants, m.date)
    ar2 = (HEAD_AR + "أعادت القوات العراقية أمس الثلاثاء مئات الجنود إلى بلادهم، وسلمتهم إلى الجانب السوري عند "
           "منفذ القائم.\n")
    (m,) = _contacts(ar2, "a.txt", "2025-07-30")
    assert {p["country"] for p in m.participants} == {"Iraq", "Syria"}, m.participants
    en = (HEAD + "Iraqi forces on Tuesday sent hundreds of Syrian soldiers home through al-Qaim, the Iraqi Joint "
          "Operations Command said. The men were handed over to a reception force on the Syrian side.\n")
    (m,) = _contacts(en, "r.txt", "2025-07-30")
    assert {p["country"] for p in m.participants} == {"Iraq", "Syria"} and m.date == "2025-07-29", \
        (m.participants, m.date)


def test_an_operation_carried_out_by_one_sides_body_with_the_others_is_their_contact():
    ar = (HEAD_AR + "أعلنت الوزارتان أمس ضبط شحنة كبيرة من الحبوب المخدرة، في عملية نفذتها المديرية العامة لشؤون "
          "المخدرات العراقية مع وزارة الداخلية السورية.\n")
    (m,) = _contacts(ar, "a.txt", "2025-07-30")
    assert {p["country"] for p in m.participants} == {"Iraq", "Syria"} and m.date == "2025-07-29", \
        (m.participants, m.date)
    en = (HEAD + "A haul of pills was seized on Tuesday in an operation carried out by Iraq's narcotics directorate "
          "together with Syria's interior ministry.\n")
    (m,) = _contacts(en, "r.txt", "2025-07-30")
    assert {p["country"] for p in m.participants} == {"Iraq", "Syria"}, m.participants
    # an operation of one side alone, another body after "with" of a third country: no contact
    assert _contacts(HEAD + "A haul was seized on Tuesday in an operation carried out by Iraq's narcotics directorate "
                            "together with Jordan's anti-narcotics department.\n", "r.txt", "2025-07-30") == []


def test_a_capital_named_by_its_country_is_that_city():
    got = _contacts(HEAD + "Ministers from the region met in the Saudi capital on Sunday, with Iraq's Fuad Hussein and "
                           "Syria's Asaad al-Shaibani both at the table.\n", "r.txt", "2025-07-30")
    assert [(m.place and m.place["name_en"], sorted(_names(m))) for m in got] == \
        [("Riyadh", ["Asaad al-Shaibani", "Fuad Hussein"])], got
    (m,) = _contacts(HEAD + "Fuad Hussein met Asaad al-Shaibani in the capital of Jordan on Sunday.\n", "r.txt",
                     "2025-07-30")
    assert m.place["name_en"] == "Amman", m.place
    (m,) = _contacts(HEAD_AR + "التقى فؤاد حسين أسعد الشيباني في العاصمة التركية أمس.\n", "a.txt", "2025-07-30")
    assert m.place["name_en"] == "Ankara", m.place
    # (a region's capital is not its country's: "the Kurdistan capital" is no form of Baghdad)
    assert not [f for f in load_officials(None).places if f.en == "Baghdad"][0].forms.__contains__("the kurdistan capital")
    # the forms are drawn from the country's words in the data: every capital of the data has them
    forms = {pl.en: pl.forms for pl in load_officials(None).places}
    assert "the qatari capital" in forms["Doha"] and "the capital of egypt" in forms["Cairo"], forms["Cairo"]


def test_a_city_speaking_for_its_side_is_not_where_the_contact_was():
    (m,) = _contacts(HEAD + "Iraqi and Syrian authorities seized a haul of pills in a joint operation, with Baghdad "
                            "announcing it on Sunday.\n", "r.txt", "2025-07-30")
    assert m.place is None and m.date == "2025-07-27", (m.place, m.date)
    (m,) = _contacts(HEAD_AR + "وأعلنت دمشق أن فؤاد حسين وأسعد الشيباني التقيا أمس في الرياض.\n", "a.txt",
                     "2025-07-30")
    assert m.place["name_en"] == "Riyadh", m.place
    (m,) = _contacts(HEAD_AR + "أعلنت بغداد أن فؤاد حسين التقى أسعد الشيباني أمس.\n", "a.txt", "2025-07-30")
    assert m.place is None, m.place
    (m,) = _contacts(HEAD + "On Sunday, the meeting in Baghdad confirmed the commitment of Fuad Hussein and Asaad "
                            "al-Shaibani to the border.\n", "r.txt", "2025-07-30")
    assert m.place["name_en"] == "Baghdad", m.place
    # … while an official in a city who speaks speaks for his side ("a local official in Anbar said …")
    got = [m.place and m.place["name_en"] for m in _contacts(
        HEAD + "A local official in Anbar said Fuad Hussein and Asaad al-Shaibani were expected to meet.\n",
        "r.txt", "2025-07-30")]
    assert got == [None], got
    # a city after "in" is still where it was
    (m,) = _contacts(HEAD + "Fuad Hussein met Asaad al-Shaibani in Baghdad on Sunday, officials said.\n", "r.txt",
                     "2025-07-30")
    assert m.place["name_en"] == "Baghdad", m.place


def test_a_known_events_day_written_in_the_current_month_dates_an_undated_pages_month():
    for text in ("أول زيارة لمسؤول عراقي منذ سقوط نظام بشار الأسد في الثامن من الشهر الجاري.",
                 "the first such trip since the fall of Assad earlier this month."):
        got = infer_article_date(normalize(text).lower())
        assert (got.after, got.before) == ("2024-12-08", "2024-12-31"), got
    # … also after another phrase of the same fact earlier in the page
    got = infer_article_date(normalize("استقبل الرئيس السوري أحمد الشرع الوفد. وهي أول زيارة منذ سقوط نظام بشار الأسد "
                                       "في الثامن من الشهر الجاري."))
    assert (got.after, got.before) == ("2024-12-08", "2024-12-31"), got
    # the current month said of something else, a sentence or a clause later: no bound
    for text in ("the first such trip since the fall of Assad. Earlier this month the minister went to Amman.",
                 "منذ سقوط الأسد، هذا الشهر زار وزيران عراقيان دمشق."):
        got = infer_article_date(normalize(text).lower())
        assert (got.after, got.before) == ("2024-12-08", ""), (text, got)


def test_a_contact_its_own_sentence_leaves_unconfirmed_is_a_claim():
    text = (HEAD + "Prime Minister Mohammed Shia al-Sudani and President Ahmed al-Sharaa were both in Doha on Monday for "
            "the summit, but neither government reported talks between them.\n")
    (m,) = _contacts(text, "r.txt", "2025-07-30")
    assert m.status == "rumoured" and m.date == "2025-07-28", (m.status, m.date)
    # the words inside the contact's own clause, no comma between its word and them, speak of something else
    text = (HEAD + "On Monday, Prime Minister Mohammed Shia al-Sudani met President Ahmed al-Sharaa in Doha to review "
            "the cases of detainees whose release neither side reported talks on.\n")
    (m,) = _contacts(text, "r.txt", "2025-07-30")
    assert m.status == "happened", (m.status, m.status_basis)
    text = (HEAD + "Prime Minister Mohammed Shia al-Sudani met President Ahmed al-Sharaa in Doha on Monday to review "
            "the cases of detainees whose release neither side reported.\n")
    (m,) = _contacts(text, "r.txt", "2025-07-30")
    assert m.status == "happened", (m.status, m.status_basis)


def _extract(text: str, source: str, date: str = ""):
    doc = clean(RawDocument(source=source, text=text, date=date))
    return extract(doc, chunk_document(doc, 1200, 1), load_officials(None))


def test_an_undated_report_of_a_contact_on_the_weekday_a_plan_was_due_in_its_city_is_that_day():
    plan = _extract("ملاحظات\n\nبغداد – السبت 11 كانون الثاني 2025\n\nومن المقرر أن يلتقي وزير الخارجية فؤاد حسين "
                    "غداً الأحد نظيره السوري أسعد الشيباني في الرياض.\n", "a.txt", "2025-01-11")
    done = _extract("Talks in Riyadh\n\nIraq's Fuad Hussein met Syria's Asaad al-Shaibani in the Saudi capital on "
                    "Sunday, after the fall of Assad.\n", "b.txt")
    events = [e for e in merge_mentions(plan.mentions + done.mentions, {"a.txt": plan.article, "b.txt": done.article})
              if e.kind != "statement"]
    assert [(e.status, e.date, e.place["name_en"]) for e in events] == [("happened", "2025-01-12", "Riyadh")], \
        [(e.status, e.date, e.place, sorted(e.sources)) for e in events]
    assert "due" in events[0].date_basis, events[0].date_basis
    # another city than the plan's, of the same country: the plan is not what the undated page reports, its day is
    # not given to it
    other = _extract("Talks in Jeddah\n\nIraq's Fuad Hussein met Syria's Asaad al-Shaibani in Jeddah on Sunday, after "
                     "the fall of Assad.\n", "c.txt")
    events = [e for e in merge_mentions(plan.mentions + other.mentions, {"a.txt": plan.article, "c.txt": other.article})
              if e.kind != "statement"]
    assert ("happened", "2025-01-12") not in [(e.status, e.date) for e in events], \
        [(e.status, e.date, e.place, sorted(e.sources)) for e in events]
    # a page that gives no bound at all (nothing dates it): it may be of any year's such Sunday
    bare = _extract("Talks in Riyadh\n\nIraq's Fuad Hussein met Syria's Asaad al-Shaibani in the Saudi capital on "
                    "Sunday.\n", "d.txt")
    events = [e for e in merge_mentions(plan.mentions + bare.mentions, {"a.txt": plan.article, "d.txt": bare.article})
              if e.kind != "statement"]
    assert ("happened", "2025-01-12") not in [(e.status, e.date) for e in events], \
        [(e.status, e.date, e.place, sorted(e.sources)) for e in events]


def test_an_arabic_contact_called_off_whose_day_is_gone_by_keeps_that_day():
    # "لم يحضر … السبت" on a Saturday page: that Saturday, not the next one (lexicon `gone_by`, Arabic)
    text = ("الشرع يغيب\n\nبغداد – السبت 17 أيار 2025\n\nلم يحضر الرئيس السوري أحمد الشرع القمة العربية التي افتتحت في "
            "بغداد يوم السبت.\n")
    got = [(m.status, m.date) for m in _contacts(text, "s.txt", "2025-05-17") if "Ahmed al-Sharaa" in _names(m)]
    assert got == [("cancelled", "2025-05-17")], got


def test_a_third_country_that_only_says_where_does_not_make_a_clause_foreign():
    # the venue's country after "في / in", and a word of a gathering's name ("منتدى أنطاليا الدبلوماسي": no diplomat),
    # in the clause of the other side's official set off by commas
    for text in ("التقى نيجيرفان بارزاني، أمس الجمعة، الرئيس السوري أحمد الشرع في تركيا.",
                 "التقى نيجيرفان بارزاني، أمس الجمعة، الرئيس السوري أحمد الشرع على هامش منتدى أنطاليا الدبلوماسي في "
                 "تركيا.",
                 "التقى نيجيرفان بارزاني، أمس الجمعة، الرئيس السوري أحمد الشرع على هامش الدورة الرابعة لمنتدى أنطاليا "
                 "الدبلوماسي في تركيا."):
        got = [(sorted(_names(m)), m.date) for m in _contacts(HEAD_AR + text + "\n", "a.txt", "2025-04-12")]
        assert got == [(["Ahmed al-Sharaa", "Nechirvan Barzani"], "2025-04-11")], (text, got)
    # a clause with its own contact word in a third country stays foreign
    got = [sorted(_names(m)) for m in _contacts(HEAD + "Fuad Hussein met Ahmed al-Sharaa in Damascus on Sunday, while "
                                                       "Asaad al-Shaibani held talks in Turkey.\n", "r.txt", "2025-07-30")]
    assert got == [["Ahmed al-Sharaa", "Fuad Hussein"]], got
    # a third country's official in that clause keeps it foreign (al-Shaibani with Turkey's minister)
    assert _contacts(HEAD_AR + "التقى الشيباني، أمس الجمعة، نظيره التركي هاكان فيدان في تركيا.\n", "a.txt",
                     "2025-04-12") == []


def test_a_weekday_at_a_gathering_of_several_days_is_its_day_of_that_weekday():
    # an undated page: "last Saturday … on the sidelines of the OIC meetings" (21–22 June 2025): the Saturday, 21
    text = ("ملاحظات\n\nالتقى وزير الخارجية فؤاد حسين نظيره السوري أسعد الشيباني يوم السبت الماضي في إسطنبول على "
            "هامش اجتماعات منظمة التعاون الإسلامي.\n")
    (m,) = _contacts(text, "a.txt")
    assert (m.date, m.place["name_en"]) == ("2025-06-21", "Istanbul"), (m.date, m.date_basis)
    # a weekday the gathering's days do not hold: no day
    (m,) = _contacts(text.replace("السبت", "الثلاثاء"), "a.txt")
    assert m.date is None, (m.date, m.date_basis)


def test_words_leaving_a_contact_unconfirmed_speak_of_the_one_before_when_no_comma_sets_them_apart():
    text = (HEAD_AR + "قال مسؤول محلي إن مفاوضات بدأت بين جهازي المخابرات في العراق وسوريا في الموصل. ولم يصدر عن "
            "حكومتي بغداد أو دمشق أي تأكيد لهذه المفاوضات.\n")
    got = [(m.status, m.place and m.place["name_en"]) for m in _contacts(text, "a.txt", "2025-07-30")]
    assert ("rumoured", "Mosul") in got and not any(st == "happened" for st, _ in got), got


def test_whom_a_directed_delegation_was_to_meet_is_not_its_director():
    # "بتوجيه من رئيس مجلس الوزراء لإجراء محادثات مع الرئيس السوري أحمد الشرع": the prime minister (not read as a
    # title there) directed it; al-Sharaa, named after "with", is whom it met
    text = (HEAD_AR + "وصل إلى دمشق اليوم وفد حكومي عراقي يقوده رئيس جهاز المخابرات الوطني حميد الشطري، وجاء الوفد "
            "بتوجيه من رئيس مجلس الوزراء لإجراء محادثات مع الرئيس السوري أحمد الشرع.\n")
    (m,) = _contacts(text, "a.txt", "2025-07-30")
    assert sorted(_names(m)) == ["Ahmed al-Sharaa", "Hamid al-Shatri"], (_names(m), m.directed_by)
    # the director named right after the cue still directs it
    text = (HEAD_AR + "وصل إلى دمشق اليوم وفد عراقي بتوجيه من رئيس الوزراء محمد شياع السوداني والتقى الرئيس أحمد "
            "الشرع.\n")
    (m,) = _contacts(text, "a.txt", "2025-07-30")
    assert [p["name_en"] for p in m.directed_by] == ["Mohammed Shia al-Sudani"] and "Ahmed al-Sharaa" in _names(m), \
        (_names(m), m.directed_by)
    # … however many words of his titles come between ("رسالة من نائب رئيس الوزراء وزير الخارجية فؤاد حسين")
    text = (HEAD_AR + "سلّم القائم بالأعمال العراقي في دمشق ياسين الحجيمي أمس وزير الخارجية السوري أسعد الشيباني رسالة "
            "من نائب رئيس الوزراء وزير الخارجية فؤاد حسين.\n")
    (m,) = _contacts(text, "a.txt", "2025-07-30")
    assert [p["name_en"] for p in m.directed_by] == ["Fuad Hussein"], (_names(m), m.directed_by)

