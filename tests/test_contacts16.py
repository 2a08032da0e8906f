"""Contacts, sixteenth pass: a year written in a paragraph gives its days and months theirs; "two days later" counts
from the day the sentence before writes; a subject going on to another contact of its own day and city, with or
without a comma; one article's reports of two cities naming no one in common are two contacts; "وبعد"/"وقبل" open a
clause; formal invitations; name stops before a place; officials added by data. Texts written here
(real people, invented wording)."""

from rag.contacts.events import extract
from rag.contacts.timeline import merge_mentions
from rag.documents import RawDocument
from rag.domain.people import load_officials
from rag.ingestion.chunking import chunk_document
from rag.ingestion.clean import clean
from tests.test_contacts_real import _contacts, _names


def _extract(text: str, source: str, date: str = ""):
    doc = clean(RawDocument(source=source, text=text, date=date))
    return extract(doc, chunk_document(doc, 1200, 1), load_officials(None))


def test_a_year_written_in_a_paragraph_is_the_year_of_its_days_and_months():
    # a review dated December 2025: "December 2024." heads the paragraph; its "December 26" is 2024, not the latest
    # 26 December before the page (2025); a paragraph without a year keeps that reading
    text = ("A year on the border\n\nDecember 28, 2025 | Test\n\n"
            "December 2024. Intelligence chief Hamid al-Shatri met Ahmed al-Sharaa in Damascus on December 26.\n\n"
            "Later. Foreign Minister Fuad Hussein met Asaad al-Shaibani in Amman on December 20.\n")
    got = sorted((m.date, sorted(_names(m))) for m in _contacts(text, "r.txt", "2025-12-28"))
    assert got == [("2024-12-26", ["Ahmed al-Sharaa", "Hamid al-Shatri"]),
                   ("2025-12-20", ["Asaad al-Shaibani", "Fuad Hussein"])], got
    ar = ("عام على الحدود\n\n28 كانون الأول 2025\n\n"
          "كانون الأول 2024. التقى رئيس جهاز المخابرات حميد الشطري الرئيس أحمد الشرع في دمشق يوم 26 كانون الأول.\n")
    (m,) = _contacts(ar, "a.txt", "2025-12-28")
    assert m.date == "2024-12-26", (m.date, m.date_basis)


def test_a_time_after_counts_from_the_day_the_sentence_before_writes():
    # the sentence before reports no contact (a shipment) but writes a day: "Two days later" counts from it, not from
    # the last contact's day
    text = ("Notes\n\nDecember 28, 2025 | Test\n\n"
            "Foreign Minister Fuad Hussein met Asaad al-Shaibani in Davos on January 23. "
            "The wheat shipment began rolling through al-Qaim on April 25. "
            "Two days later, Culture Minister Ahmed Fakak al-Badrani met Ahmed al-Sharaa in Damascus.\n")
    got = {frozenset(_names(m)): m.date for m in _contacts(text, "r.txt", "2025-12-28")}
    assert got[frozenset({"Ahmed Fakak al-Badrani", "Ahmed al-Sharaa"})] == "2025-04-27", got


def test_a_subject_going_on_to_another_contact_of_its_own_day_and_city_is_two_contacts():
    for text in ("Region President Nechirvan Barzani met Foreign Minister Asaad al-Shaibani in Munich in February and "
                 "met President Ahmed al-Sharaa in Antalya on April 11.",
                 "Region President Nechirvan Barzani met Foreign Minister Asaad al-Shaibani in Munich in February, and "
                 "met President Ahmed al-Sharaa in Antalya on April 11.",
                 "التقى رئيس إقليم كوردستان نيجيرفان بارزاني وزير الخارجية السوري أسعد الشيباني في ميونخ في شباط "
                 "والتقى الرئيس أحمد الشرع في أنطاليا في 11 نيسان."):
        got = sorted((m.place["name_en"], m.date, sorted(_names(m))) for m in
                     _contacts(f"Notes\n\nDecember 28, 2025 | Test\n\n{text}\n", "r.txt", "2025-12-28"))
        assert got == [("Antalya", "2025-04-11", ["Ahmed al-Sharaa", "Nechirvan Barzani"]),
                       ("Munich", "2025-02", ["Asaad al-Shaibani", "Nechirvan Barzani"])], (text, got)
    # the same city, or no day of its own: one contact, as before
    (m,) = _contacts("Notes\n\nDecember 28, 2025 | Test\n\nNechirvan Barzani met Asaad al-Shaibani in Antalya on April "
                     "11 and met Ahmed al-Sharaa in Antalya on April 11.\n", "r.txt", "2025-12-28")
    assert _names(m) == {"Nechirvan Barzani", "Asaad al-Shaibani", "Ahmed al-Sharaa"}


def test_one_articles_reports_of_two_cities_naming_no_one_in_common_are_two_contacts():
    # an undated page: the crossing reopened (the border authorities, no one named) and al-Shaibani's visit to
    # Baghdad it recalls are two contacts, not one
    text = ("Iraq reopens al-Qaim crossing\n\n"
            "Iraq reopened its al-Qaim border crossing with Syria to trucks and travellers on Saturday. "
            "Syrian Foreign Minister Asaad al-Shaibani had urged overland trade when he visited Baghdad three months "
            "ago.\n")
    ex = _extract(text, "q.txt")
    assert sorted(m.place["name_en"] for m in ex.mentions if m.kind != "statement") == ["Baghdad", "al-Qaim"]
    events = merge_mentions(ex.mentions, {"q.txt": ex.article})
    assert sorted(e.place["name_en"] for e in events if e.kind != "statement") == ["Baghdad", "al-Qaim"], \
        [(e.kind, e.place, [p["name_en"] for p in e.participants]) for e in events]


def test_wa_baad_opens_a_clause_of_a_contact_at_another_time():
    text = ("بغداد – الأحد 27 نيسان 2025\n\n"
            "وتأتي الزيارة بعد يومين من زيارة وفد رسمي برئاسة رئيس جهاز المخابرات حميد الشطري إلى دمشق، وبعد "
            "لقاء جمعهما في الدوحة منتصف الشهر الجاري، رئيس الوزراء محمد شياع السوداني والرئيس أحمد الشرع.\n")
    got = sorted((m.place and m.place["name_en"], sorted(_names(m))) for m in _contacts(text, "a.txt", "2025-04-27"))
    assert ("Doha", ["Ahmed al-Sharaa", "Mohammed Shia al-Sudani"]) in got, got
    assert not any(p == "Damascus" and "Mohammed Shia al-Sudani" in who for p, who in got), got


def test_a_city_after_a_formal_invitation_is_where_the_invitation_is_to():
    text = ("دمشق – الأحد 27 نيسان 2025\n\n"
            "سلّم وزير الثقافة والسياحة والآثار العراقي أحمد فكاك البدراني، اليوم الأحد، الرئيس السوري أحمد الشرع دعوة "
            "رسمية لحضور القمة العربية المقرر عقدها في بغداد.\n")
    (m,) = [m for m in _contacts(text, "a.txt", "2025-04-27") if m.status == "happened"]
    assert _names(m) == {"Ahmed Fakak al-Badrani", "Ahmed al-Sharaa"}
    assert not m.place or m.place["name_en"] != "Baghdad", m.place
    # "was invited to Damascus": the invited plans a visit there
    en = ("Notes\n\nDecember 28, 2025 | Test\n\nKurdistan Region Prime Minister Masrour Barzani met Foreign Minister "
          "Asaad al-Shaibani at Davos on January 23 and was invited to Damascus.\n")
    plans = [m for m in _contacts(en, "r.txt", "2025-12-28") if m.status == "planned"]
    assert [(m.place["name_en"], sorted(_names(m))) for m in plans] == [("Damascus", ["Masrour Barzani"])], plans


def test_a_word_before_a_place_ends_an_officials_title():
    text = ("الأنبار\n\nأُرجئ لقاء كان مرتقباً بين محافظ الأنبار ومحافظ دير الزور عند المنفذ.\n")
    (m,) = _contacts(text, "a.txt")
    assert m.status == "postponed"
    assert not any("عند" in n for n in _names(m)), _names(m)
    assert len(m.participants) == 2


def test_the_visit_an_invitation_is_to_and_its_status_are_not_the_contact_it_was_handed_at():
    text = ("ميونخ – السبت 15 شباط 2025\n\n"
            "ويأتي اللقاء بعد أقل من شهر على لقاء رئيس حكومة إقليم كوردستان مسرور بارزاني بوزير الخارجية السوري أسعد "
            "الشيباني في دافوس، حيث تلقى دعوة لزيارة دمشق لم يُحدد موعدها بعد.\n")
    got = sorted((m.kind, m.status, m.place and m.place["name_en"], sorted(_names(m)))
                 for m in _contacts(text, "a.txt", "2025-02-15"))
    assert got == [("meeting", "happened", "Davos", ["Asaad al-Shaibani", "Masrour Barzani"]),
                   ("visit", "planned", "Damascus", ["Masrour Barzani"])], got


def test_a_contact_called_off_whose_day_is_gone_by_keeps_that_day_and_its_stand_in_came():
    text = ("Al-Sharaa stays away\n\nBAGHDAD, May 17, 2025 (Test)\n\nSyria's interim President Ahmed al-Sharaa did not "
            "attend the Arab League summit that opened in Baghdad on Saturday, leaving his foreign minister, Asaad "
            "al-Shaibani, to lead the Syrian delegation.\n")
    got = sorted((m.status, m.date, sorted(_names(m))) for m in _contacts(text, "s.txt", "2025-05-17"))
    assert got == [("cancelled", "2025-05-17", ["Ahmed al-Sharaa"]),
                   ("happened", "2025-05-17", ["Asaad al-Shaibani"])], got
    # "will not attend … on Saturday": the Saturday still to come
    text = ("Al-Sharaa to skip summit\n\nBAGHDAD, May 14, 2025 (Test)\n\nSyria's interim President Ahmed al-Sharaa will "
            "not attend the Arab League summit in Baghdad on Saturday.\n")
    (m,) = _contacts(text, "s.txt", "2025-05-14")
    assert (m.status, m.date) == ("cancelled", "2025-05-17"), (m.status, m.date)


def test_the_day_gathering_and_status_of_what_an_invitation_is_to_are_not_the_contacts():
    # the summit's day and city, and its "next month", are the invitation's, not the handing over's
    en = ("Culture minister carries summit invitation\n\n"
          "Iraq's Culture Minister Ahmed Fakak al-Badrani handed Syria's interim president Ahmed al-Sharaa his "
          "invitation to the Arab League summit in Damascus on Sunday.\n")
    happened = [m for m in _contacts(en, "u.txt") if m.status == "happened"]
    assert [(sorted(_names(m)), m.date) for m in happened] == [(["Ahmed Fakak al-Badrani", "Ahmed al-Sharaa"], None)], \
        [(m.date, m.date_basis, m.place) for m in happened]
    en = ("Culture minister carries summit invitation\n\nDAMASCUS, April 27, 2025 (Test)\n\n"
          "Iraq's Culture Minister Ahmed Fakak al-Badrani handed Syria's interim president Ahmed al-Sharaa an "
          "invitation to the Baghdad meeting on May 17.\n")
    got = [(m.status, m.date) for m in _contacts(en, "e.txt", "2025-04-27") if "Ahmed al-Sharaa" in _names(m)]
    assert got and all(not (d or "").endswith("05-17") for _, d in got), got
    ar = ("دمشق – الأحد 27 نيسان 2025\n\n"
          "سلّم وزير الثقافة العراقي أحمد فكاك البدراني اليوم الأحد الرئيس السوري أحمد الشرع دعوة رسمية لحضور القمة "
          "العربية التي تستضيفها بغداد في السابع عشر من الشهر المقبل.\n")
    got = [(m.status, m.date) for m in _contacts(ar, "a.txt", "2025-04-27") if "Ahmed al-Sharaa" in _names(m)]
    assert got == [("happened", "2025-04-27")], got
    # carrying an invitation there is a visit done, not a plan
    ar = ("دمشق – الإثنين 28 نيسان 2025\n\n"
          "حمل وزير الثقافة العراقي أحمد فكاك البدراني إلى دمشق يوم السبت دعوة للرئيس السوري أحمد الشرع لحضور القمة.\n")
    got = [(m.status, m.date) for m in _contacts(ar, "a.txt", "2025-04-28") if "Ahmed al-Sharaa" in _names(m)]
    assert got == [("happened", "2025-04-26")], got


def test_a_stand_in_in_a_dated_lists_entry_has_the_entrys_day():
    text = ("عام من الاتصالات\n\n"
            "- 14 آذار 2025: وزير الخارجية السوري أسعد الشيباني يزور بغداد ويلتقي فؤاد حسين.\n"
            "- 17 أيار: الشرع يغيب عن قمة بغداد، والشيباني يترأس وفد بلاده.\n")
    got = sorted((m.status, m.date, sorted(_names(m))) for m in _contacts(text, "l.txt"))
    assert ("happened", "2025-05-17", ["Asaad al-Shaibani"]) in got, got


def test_a_claim_neither_government_has_confirmed_is_rumoured():
    text = ("ERBIL, 12-09-2025 — Test\n\n"
            "\"Negotiations have begun between the Iraqi and Syrian intelligence agencies to open the Rabia crossing,\" "
            "a Nineveh official said. Neither government has confirmed that such talks are under way.\n")
    (m,) = _contacts(text, "r.txt", "2025-09-12")
    assert m.status == "rumoured", (m.status, m.status_basis)


def test_the_governor_of_a_province_unnamed_is_that_sides_official():
    text = ("Test\n\nJune 16, 2025 | Test\n\nThe governor of Anbar met Deir ez-Zor's governor at the al-Qaim crossing "
            "on Monday.\n")
    (m,) = _contacts(text, "g.txt", "2025-06-16")
    assert sorted((p["name_en"], p["country"]) for p in m.participants) == [
        ("the governor of Anbar", "Iraq"), ("the governor of Deir ez-Zor", "Syria")], m.participants
    assert m.date == "2025-06-16"


def test_an_arabic_provincial_title_with_no_name_reads_in_english():
    for text in ("الأنبار\n\nالتقى محافظ الأنبار محافظ دير الزور عند منفذ القائم.\n",
                 "الأنبار\n\nاجتمع محافظا الأنبار ودير الزور عند منفذ القائم.\n",
                 "الأنبار\n\nعقد اجتماع ضم محافظي الأنبار ودير الزور عند منفذ القائم.\n"):
        (m,) = _contacts(text, "a.txt")
        assert sorted(p["name_en"] for p in m.participants) == ["the governor of Anbar", "the governor of Deir ez-Zor"], \
            (text, m.participants)


def test_where_a_visit_went_is_its_place_not_where_it_was_watched_from():
    for text in ("الأنبار – السبت 15 آذار 2025\n\nتابعت الأوساط التجارية في الأنبار باهتمام زيارة وزير الخارجية السوري "
                 "أسعد الشيباني إلى بغداد أمس الجمعة.\n",
                 "Traders watch the visit\n\nAnbar, March 15, 2025\n\nTraders in Anbar followed closely the visit of "
                 "Syrian Foreign Minister Asaad al-Shaibani to Baghdad on Friday.\n"):
        (m,) = _contacts(text, "a.txt", "2025-03-15")
        assert (m.place["name_en"], m.date) == ("Baghdad", "2025-03-14"), (text, m.place, m.date)


def test_an_undated_report_of_a_contact_called_off_may_be_of_one_after_its_article():
    # reported on 27 April (the article's date) that al-Sharaa will not attend; the summit of 17 May he did not attend
    a = _extract("دمشق – الأحد 27 نيسان 2025\n\nقال قيادي في ائتلاف دولة القانون اليوم إن الرئيس السوري أحمد الشرع لن "
                 "يحضر القمة بسبب مخاطر أمنية، في ظل اعتراض قوى سياسية عراقية على دعوته.\n", "a.txt", "2025-04-27")
    b = _extract("Al-Sharaa stays away\n\nBAGHDAD, May 17, 2025 (Test)\n\nSyria's interim President Ahmed al-Sharaa did "
                 "not attend the Arab League summit that opened in Baghdad on Saturday.\n", "b.txt", "2025-05-17")
    ms = [m for m in [*a.mentions, *b.mentions] if m.kind != "statement"]
    assert [m.status for m in ms] == ["cancelled", "cancelled"], [(m.status, m.date) for m in ms]
    events = merge_mentions(ms, {"a.txt": a.article, "b.txt": b.article})
    assert [(e.date, sorted(e.sources)) for e in events] == [("2025-05-17", ["a.txt", "b.txt"])], \
        [(e.date, e.sources) for e in events]


def test_an_official_right_after_said_following_its_subject_is_what_was_said_not_the_speaker():
    text = ("Test\n\nJune 12, 2025 | Test\n\nA local official said the governor of Anbar and the governor of Deir ez-Zor "
            "were expected to meet at the crossing once traffic resumed.\n")
    ms = [m for m in _extract(text, "g.txt", "2025-06-12").mentions]
    assert [(m.kind, m.status) for m in ms] == [("meeting", "planned")], [(m.kind, m.status, _names(m)) for m in ms]
    assert _names(ms[0]) == {"the governor of Anbar", "the governor of Deir ez-Zor"}


def test_a_day_written_as_an_arabic_ordinal_is_that_day():
    from rag.text.arabic import normalize
    from rag.text.dates import ArticleDate, explicit_dates, resolve_dates
    got = resolve_dates(normalize("جرى الاتصال يوم الثلاثاء الأول من نيسان").lower(), ArticleDate(value="2025-04-12"))
    assert [d.value for d in got] == ["2025-04-01"], [(d.value, d.basis) for d in got]
    assert [d.value for d in explicit_dates(normalize("في الحادي والعشرين من أيار 2025").lower())] == ["2025-05-21"]
    text = ("بغداد – السبت 12 نيسان 2025\n\nجرى أول اتصال هاتفي بين رئيس الوزراء العراقي محمد شياع السوداني والرئيس "
            "السوري أحمد الشرع يوم الثلاثاء الأول من نيسان.\n")
    (m,) = _contacts(text, "o.txt", "2025-04-12")
    assert (m.kind, m.date) == ("call", "2025-04-01"), (m.kind, m.date, m.date_basis)
    # a day written as an ordinal is written out: of a visit put off, the day it was due, not the next such day
    text = ("بغداد – الجمعة 14 آذار 2025\n\nوكانت زيارة وزير الخارجية السوري أسعد الشيباني إلى بغداد مقررة في الثاني "
            "والعشرين من شباط الماضي، غير أنها أُرجئت.\n")
    (m,) = _contacts(text, "p.txt", "2025-03-14")
    assert (m.status, m.date) == ("postponed", "2025-02-22"), (m.status, m.date, m.date_basis)


def test_followed_by_opens_a_contact_of_its_own():
    text = ("بغداد – الثلاثاء 7 كانون الثاني 2025\n\n"
            "وكان أول تواصل رسمي قد جرى في السادس والعشرين من كانون الأول الماضي، حين زار وفد برئاسة رئيس جهاز "
            "المخابرات حميد الشطري دمشق والتقى أحمد الشرع، تبعه اتصال هاتفي أجراه وزير الخارجية فؤاد حسين بالشيباني.\n")
    got = sorted((m.kind, m.date, sorted(_names(m))) for m in _contacts(text, "f.txt", "2025-01-07"))
    assert got == [("call", None, ["Asaad al-Shaibani", "Fuad Hussein"]),
                   ("visit", "2024-12-26", ["Ahmed al-Sharaa", "Hamid al-Shatri"])], got


def test_a_year_inside_a_sentence_or_on_a_heading_line():
    # a year written inside a sentence is no heading: this year's days keep the latest such day before the page
    text = ("Notes\n\nDecember 28, 2025 | Test\n\nSince the fall of Assad on December 8, 2024, ties have warmed. "
            "Foreign Minister Fuad Hussein met Asaad al-Shaibani in Amman on December 20.\n")
    (m,) = _contacts(text, "r.txt", "2025-12-28")
    assert m.date == "2025-12-20", (m.date, m.date_basis)
    # a heading on its own line heads the paragraph after it
    text = ("A year on the border\n\nDecember 28, 2025 | Test\n\nDecember 2024\n\n"
            "Intelligence chief Hamid al-Shatri met Ahmed al-Sharaa in Damascus on December 26.\n")
    (m,) = _contacts(text, "r.txt", "2025-12-28")
    assert m.date == "2024-12-26", (m.date, m.date_basis)


def test_an_unnamed_provincial_official_is_one_participant_in_both_languages():
    ar = _contacts("الأنبار\n\nالتقى محافظ الأنبار محافظ دير الزور عند منفذ القائم.\n", "a.txt")
    en = _contacts("Test\n\nThe governor of Anbar met the governor of Deir ez-Zor at the al-Qaim crossing.\n", "e.txt")
    assert {p["id"] for p in ar[0].participants} == {p["id"] for p in en[0].participants}, \
        (ar[0].participants, en[0].participants)

