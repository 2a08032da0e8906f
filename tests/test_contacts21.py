"""Contacts, twenty-first pass: a crossing opened in plainer words, a bare family name in another spelling, the same
people moving on to another country on a day of their own, "He met …" on a trip, a reopening never more of a trip,
"expected at" a gathering, "the fifth" is not "yesterday", "the same month", "brought together". Texts written here
(real people, invented wording)."""

from rag.text.dates import same_month_text
from tests.test_contacts_real import _contacts, _names

HEAD = "Notes\n\nNovember 16, 2025 | Test\n\n"


def _sides(m) -> set[str]:
    return {p["country"] for p in m.participants}


def test_a_crossing_opened_in_plainer_words_by_a_border_body_is_the_two_border_authorities_meeting():
    # "أعادت … فتح معبر": the body acting, and "فتح" right before a crossing's word
    (m,) = _contacts("تقرير\n\nأعادت الهيئة العامة للمنافذ البرية والبحرية، صباح اليوم السبت، فتح معبر البوكمال "
                     "الحدودي مع العراق أمام حركة الشاحنات.\n", "a.txt", "2025-06-14")
    assert (m.kind, m.status, m.date) == ("meeting", "happened", "2025-06-14") and _sides(m) == {"Iraq", "Syria"}
    # announced for a day ahead: a plan
    (m,) = _contacts("تقرير\n\nأعلنت الهيئة العامة للمنافذ البرية والبحرية أن معبر البوكمال الحدودي مع العراق "
                     "سيفتح أمام المسافرين يوم السبت المقبل.\n", "a.txt", "2025-06-12")
    assert (m.kind, m.status, m.date) == ("meeting", "planned", "2025-06-14"), (m.kind, m.status, m.date)
    # "لفتح", "بفتح": a purpose or a demand, no opening; nor the opening of crossings in general
    for text in ("طالب نواب عن الأنبار بفتح معبر القائم مع سوريا أمام التجارة.",
                 "بدأت مفاوضات بين الجانبين العراقي والسوري لفتح معبر القائم – البوكمال.",
                 "أكد الجانبان أن المرحلة المقبلة ستشهد دعم مشاريع الإعمار وفتح المعابر التجارية بين بغداد ودمشق."):
        assert not [m for m in _contacts(f"تقرير\n\n{text}\n", "a.txt", "2025-06-10") if m.kind == "meeting"], text


def test_a_bare_family_name_in_another_spelling_is_the_listed_person_but_not_a_first_name():
    text = (HEAD + "Syrian Foreign Minister Asaad al-Shaibani was in Amman on March 9. On Friday, March 14, "
            "Shibani landed in Baghdad on an unannounced visit.\n")
    got = [m for m in _contacts(text, "a.txt", "2025-11-16") if m.date == "2025-03-14"]
    assert got and "Asaad al-Shaibani" in _names(got[0]) and got[0].place["name_en"] == "Baghdad", got
    # a first name before a family name is no listed person's family name
    (m,) = _contacts(HEAD + "An Iraqi parliamentary delegation led by lawmaker Mustafa Sanad arrived in Damascus on "
                            "Monday and met Syrian Foreign Minister Asaad al-Shaibani.\n", "a.txt", "2025-06-03")
    assert "Hamza al-Mustafa" not in _names(m), _names(m)


def test_the_same_people_on_a_day_of_their_own_in_another_country_are_another_contact():
    text = (HEAD + "On Sunday, March 9, Iraq's Foreign Minister Fuad Hussein sat down in Amman with his Syrian "
            "counterpart Asaad al-Shaibani. Five days later, on Friday, March 14, al-Shaibani landed in Baghdad on an "
            "unannounced visit. He met President Abdul Latif Rashid and Prime Minister Mohammed Shia al-Sudani.\n")
    got = {m.date: m for m in _contacts(text, "a.txt", "2025-11-16")}
    assert set(got) == {"2025-03-09", "2025-03-14"}, [(m.kind, m.date, _names(m)) for m in got.values()]
    assert got["2025-03-09"].date_end is None and got["2025-03-09"].place["name_en"] == "Amman"
    # "He met …" with no day or place of its own: more of the trip
    assert got["2025-03-14"].kind == "visit" and \
        {"Abdul Latif Rashid", "Mohammed Shia al-Sudani"} <= _names(got["2025-03-14"]), _names(got["2025-03-14"])


def test_a_crossing_reopened_days_after_a_trip_is_no_more_of_that_trip():
    text = (HEAD + "On June 9, Iraqi envoy Izzat al-Shabandar was received by Syrian President Ahmed al-Sharaa in "
            "Damascus. Five days after that, on June 14, the al-Qaim–Albu Kamal crossing reopened to trucks.\n")
    got = sorted(_contacts(text, "a.txt", "2025-11-16"), key=lambda m: m.date)
    assert [(m.kind, m.date, m.date_end) for m in got] == [("visit", "2025-06-09", None),
                                                          ("meeting", "2025-06-14", None)], \
        [(m.kind, m.date, m.date_end) for m in got]


def test_expected_at_a_known_gathering_is_a_plan_of_its_day():
    text = (HEAD.replace("November 16", "June 9") + "Syrian President Ahmed al-Sharaa had been expected at the Arab "
            "League summit in Baghdad on May 17.\n")
    (m,) = _contacts(text, "a.txt", "2025-06-09")
    # (told after the day: the gathering's year, not the same day a year on)
    assert (m.kind, m.status, m.date) == ("visit", "planned", "2025-05-17"), (m.kind, m.status, m.date)
    (m,) = _contacts(HEAD + "Syria's foreign minister Asaad al-Shaibani is expected in Baghdad next week.\n",
                     "a.txt", "2025-11-16")
    assert (m.kind, m.status) == ("visit", "planned")


def test_the_fifth_is_no_yesterday_and_the_same_month_is_the_month_named_before():
    text = ("تقرير\n\nبدأت القصة في السادس والعشرين من كانون الأول 2024، حين وصل رئيس جهاز المخابرات حميد الشطري إلى "
            "دمشق. وفي منتصف نيسان 2025، التقى الشرع والسوداني في الدوحة. وبعد أيام قليلة، في الخامس والعشرين من الشهر "
            "نفسه، عاد الشطري إلى دمشق والتقى الشرع.\n")
    got = [(m.kind, m.date) for m in _contacts(text, "a.txt", "") if "Hamid al-Shatri" in _names(m)]
    assert ("visit", "2025-04-25") in got and ("visit", "2024-12-26") in got, got
    assert same_month_text("في الخامس والعشرين من الشهر نفسه، عاد", "2025-04") == \
        "في الخامس والعشرين من نيسان 2025، عاد"
    assert same_month_text("on the 25th of the same month", "????-04") == "on the 25th of april         "


def test_a_place_that_brought_two_together_is_their_meeting():
    (m,) = _contacts(HEAD + "Doha brought together Iraqi Prime Minister Mohammed Shia al-Sudani and Syrian President "
                            "Ahmed al-Sharaa on April 15.\n", "a.txt", "2025-11-16")
    assert m.kind == "meeting" and m.date == "2025-04-15" and m.place["name_en"] == "Doha"


def test_a_title_before_an_imperfect_verb_names_no_one():
    text = ("تقرير\n\nزار رئيس جهاز المخابرات العراقي حميد الشطري دمشق في 28 آب 2025 وحمل رسالة إلى الرئيس السوري "
            "تتعلق بتطوير العلاقات الثنائية.\n")
    (m,) = _contacts(text, "a.txt", "2025-09-01")
    assert not any("تتعلق" in (p.get("name") or "") for p in m.participants), m.participants


def test_a_crossing_stays_the_place_of_its_border_bodies_contact():
    text = ("تقرير\n\nأعلنت هيئة المنافذ الحدودية العراقية، أمس السبت، إعادة افتتاح منفذ القائم الحدودي مع سوريا رسمياً. "
            "وكانت الهيئة العامة للمنافذ البرية والبحرية السورية قد أعلنت مسبقاً أن معبر البوكمال سيُفتح أمام المسافرين "
            "اعتباراً من السبت، فيما تحدث مسؤولون محليون في الأنبار عن يوم الاثنين موعداً للافتتاح.\n")
    got = [m for m in _contacts(text, "a.txt", "2025-06-15") if m.kind == "meeting"]
    assert got and all(m.place["name_en"] in ("al-Qaim", "Albu Kamal") for m in got), [m.place for m in got]


def test_an_ordinal_day_holding_the_letters_of_yesterday_is_no_yesterday():
    # "الخامس" ends in the letters of "أمس": no "yesterday" inside a word
    (m,) = _contacts("تقرير\n\nوفي الخامس والعشرين من الشهر الجاري، التقى رئيس جهاز المخابرات حميد الشطري الرئيس "
                     "أحمد الشرع في دمشق.\n", "a.txt", "2025-06-30")
    assert m.date != "2025-06-29", (m.date, m.date_basis)


def test_an_invitation_received_is_no_visitor_received():
    got = _contacts(HEAD + "Iraqi Prime Minister Mohammed Shia al-Sudani said on Wednesday that Syrian President Ahmad "
                           "al-Sharaa has received an official invitation to the Arab League summit that Baghdad will host "
                           "on May 17.\n", "a.txt", "2025-04-16")
    assert not [m for m in got if m.status == "happened"], [(m.kind, m.status, m.date) for m in got]
    # an invitation to visit received is a plan of that visit
    (m,) = _contacts(HEAD + "Syria's foreign ministry said on Friday that Foreign Minister Asaad al-Shaibani had "
                            "received an invitation to visit Iraq to discuss several mutual issues.\n", "a.txt", "2025-02-21")
    assert m.status == "planned", (m.kind, m.status)


def test_the_trip_of_someone_the_last_contact_does_not_name_is_that_ones_contact():
    text = (HEAD + "Syrian Foreign Minister Asaad al-Shaibani is expected to visit Baghdad next month. The one exception "
            "so far was the trip of Iraqi intelligence chief Hamid al-Shatri to Damascus in late December.\n")
    got = _contacts(text, "a.txt", "2025-02-26")
    plan = [m for m in got if m.status == "planned"]
    trip = [m for m in got if "Hamid al-Shatri" in _names(m)]
    assert plan and "Hamid al-Shatri" not in _names(plan[0]), [(m.kind, m.status, _names(m)) for m in got]
    assert trip and trip[0].status == "happened" and trip[0].place["name_en"] == "Damascus", \
        [(m.kind, m.status, _names(m), m.place) for m in got]


def test_a_long_since_phrase_gives_no_day_and_the_meeting_referred_back_takes_its_place():
    text = ("Notes\n\nDOHA, 17 April 2025 —\n\nSyria's President Ahmad Al Shara and Iraq's Prime Minister Mohammed Shia "
            "Al Sudani have held their first known meeting since the Hayat Tahrir Al Sham-led offensive swept Bashar Al "
            "Assad from power in December. The meeting took place in Doha on Tuesday, an official said.\n")
    (m,) = _contacts(text, "a.txt", "2025-04-17")
    assert (m.date, m.place and m.place["name_en"]) == ("2025-04-15", "Doha"), (m.date, m.place)


def test_a_country_after_a_border_word_is_no_venue_nor_party():
    for text in ("Iraqi Defence Minister Thabet al-Abbasi arrived on Saturday at the border with Syria to inspect army units.",
                 "أعلنت وزارة الدفاع أن الوزير ثابت العباسي وصل أمس السبت إلى الشريط الحدودي مع سوريا لتفقد قطعات الجيش."):
        assert _contacts(HEAD + text + "\n", "a.txt", "2025-12-29") == [], text
    # a crossing's reopening keeps both sides its places name
    (m,) = _contacts(HEAD + "أعلنت هيئة المنافذ الحدودية العراقية، أمس السبت، إعادة افتتاح منفذ القائم الحدودي مع سوريا "
                            "رسمياً.\n", "a.txt", "2025-06-15")
    assert m.kind == "meeting" and _sides(m) == {"Iraq", "Syria"}


def test_receiving_something_is_no_contact_receiving_someone_is():
    assert _contacts(HEAD + "Ahmad al-Sharaa has still not received formal congratulations from Baghdad on becoming "
                            "interim president.\n", "a.txt", "2025-02-10") == []
    for text in ("Iraqi Prime Minister Mohammed Shia al-Sudani received Syrian Foreign Minister Asaad al-Shaibani in "
                 "Baghdad on Friday.", "Syrian Foreign Minister Asaad al-Shaibani was received by al-Sudani in Baghdad "
                 "on Friday."):
        (m,) = _contacts(HEAD + text + "\n", "a.txt", "2025-03-15")
        assert m.date == "2025-03-14" and _sides(m) == {"Iraq", "Syria"}, text


def test_received_a_few_words_before_the_host_is_received_by_him():
    text = (HEAD + "Syrian Foreign Minister Asaad al-Shaibani flew into Baghdad on Friday. He was received during the day "
            "by President Abdul Latif Rashid.\n")
    got = _contacts(text, "a.txt", "2025-03-14")
    assert any("Abdul Latif Rashid" in _names(m) for m in got), [(m.kind, _names(m)) for m in got]


def test_a_tally_of_contacts_tells_none():
    for text in ("قال وزير الخارجية فؤاد حسين في السابع من تشرين الأول إنه التقى نظيره السوري أسعد الشيباني نحو ثماني مرات.",
                 "Fuad Hussein said on Tuesday he had met Asaad al-Shaibani eight times this year."):
        assert _contacts(HEAD + text + "\n", "a.txt", "2025-10-08") == [], text
    # a city in a clause of what was said, not right after the word referring back, is no venue of it
    text = ("تقرير\n\nبغداد – 14 آذار 2025\n\nالتقى وزير الخارجية السوري أسعد الشيباني رئيس الوزراء محمد شياع السوداني "
            "اليوم. وقال حسين في المؤتمر إن المباحثات تناولت قرب تفعيل غرفة عمليات تشكّلت في عمّان.\n")
    assert not [m for m in _contacts(text, "a.txt", "2025-03-14") if m.place and m.place["name_en"] == "Amman"]
