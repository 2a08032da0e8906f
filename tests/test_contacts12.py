"""Contacts, twelfth pass: a denial that takes a contact as what it denies ("denied that …"), an invitation to visit or
attend as a plan (not a visit), a name set off by commas that does not cut a clause off its status, "a call for" as
no phone call, and a dated list's entry as the day a plan was reported (not a day still to come). Texts written here
(real people, invented wording)."""

from tests.test_contacts_real import _contacts, _names


def test_a_denial_before_that_takes_the_contact_as_denied_in_both_languages():
    # (the clause of the contact word holds a plan's cue, "is due to"; the denial before it is what it reports)
    ms = _contacts("A senior Iraqi official on Monday denied that Baghdad had extended an invitation to Ahmed "
                   "al-Sharaa, whose past in Iraq remains contested, to attend the Arab summit Iraq is due to host in "
                   "May.\n", date="2025-02-10")
    assert [m.status for m in ms] == ["denied"] and "Ahmed al-Sharaa" in _names(ms[0])
    ms = _contacts("نفى مصدر حكومي عراقي أن يكون وزير الخارجية فؤاد حسين قد التقى نظيره السوري أسعد الشيباني في "
                   "عمّان الأسبوع الماضي.\n", date="2025-03-20")
    assert [m.status for m in ms] == ["denied"]
    # a denial of something else, joined by "and" to a contact of its own, leaves that contact as it was
    ms = _contacts("The ministry denied reports of a rift, and Asaad al-Shaibani met Fuad Hussein in Baghdad on "
                   "Monday.\n", date="2025-03-20")
    assert [(m.status, m.date) for m in ms] == [("happened", "2025-03-17")]


def test_an_invitation_to_visit_or_attend_is_a_plan_not_a_visit():
    for text, date in (
            ("أعلنت وزارة الخارجية السورية، اليوم الجمعة، أن الوزير أسعد الشيباني تلقى دعوة رسمية لزيارة العراق "
             "لبحث الملفات المشتركة.\n", "2025-02-21"),
            ("Syria's foreign ministry said on Friday that Asaad al-Shaibani had received an invitation to visit "
             "Iraq, with the date to be set later.\n", "2025-02-21"),
            ("An official invitation has been extended to Syria's president, Ahmed al-Sharaa, to attend the Arab "
             "summit in Baghdad, an Iraqi lawmaker said on Sunday.\n", "2025-03-09")):
        ms = _contacts(text, date=date)
        assert [m.status for m in ms] == ["planned"], text
    # an invitation handed over on a trip is carried on it: the trip took place
    for text in ("Culture Minister Ahmed Fakak al-Badrani handed Ahmed al-Sharaa an invitation to visit Baghdad in "
                 "Damascus on Sunday.\n",
                 "سلّم وزير الثقافة العراقي أحمد فكاك البدراني الرئيس السوري أحمد الشرع في دمشق يوم الأحد دعوة لزيارة "
                 "بغداد.\n"):
        ms = _contacts(text, date="2025-04-28")
        # (and the invited's visit is planned, a contact of its own: tests/test_contacts15.py)
        assert sorted((m.status, m.date) for m in ms) == [("happened", "2025-04-27"), ("planned", None)], text
    # (the handing verb right before the invitation, no other verb of a done contact: `carried` alone says so)
    ms = _contacts("وفي دمشق أمس الأحد سلّم البدراني الشرع دعوة لزيارة بغداد.\n", date="2025-04-28")
    assert sorted((m.status, m.date) for m in ms) == [("happened", "2025-04-27"), ("planned", None)]
    # … and so is one the trip followed ("arrived after receiving an invitation to visit")
    for text in ("وصل وزير الخارجية السوري أسعد الشيباني إلى بغداد اليوم بعد تلقيه دعوة رسمية لزيارة العراق.\n",
                 "Asaad al-Shaibani arrived in Baghdad on Friday after receiving an invitation to visit Iraq from Fuad "
                 "Hussein.\n"):
        ms = _contacts(text, date="2025-03-14")
        assert [(m.status, m.date) for m in ms] == [("happened", "2025-03-14")], text
    # the visit made at an invitation is a visit
    ms = _contacts("وصل وزير الخارجية السوري أسعد الشيباني إلى بغداد اليوم تلبية لدعوة من نظيره فؤاد حسين.\n",
                   date="2025-03-14")
    assert [(m.status, m.date) for m in ms] == [("happened", "2025-03-14")]


def test_a_call_for_something_is_no_phone_call():
    ms = _contacts("He was received by President Abdul Latif Rashid and held talks with Prime Minister Mohammed Shia "
                   "al-Sudani, who restated Iraq's call for an inclusive political process in Syria.\n",
                   date="2025-03-14")
    assert all(m.kind != "call" for m in ms)
    ms = _contacts("Fuad Hussein and Asaad al-Shaibani held a phone call on Monday.\n", date="2025-03-14")
    assert [(m.kind, m.date) for m in ms] == [("call", "2025-03-10")]


def test_a_plan_in_a_dated_list_is_reported_on_its_entry_day_not_dated_ahead():
    text = ("أبرز المحطات:\n"
            "- 19 كانون الأول 2024: السوداني يعلن أن البعثة العراقية في دمشق استأنفت عملها.\n"
            "- 21 شباط: الخارجية السورية تعلن تلقي الشيباني دعوة لزيارة العراق على أن يحدد موعدها لاحقاً.\n"
            "- 14 آذار: الشيباني في بغداد؛ يلتقي رشيد والسوداني وحسين.\n")
    # (a ministry that "تؤجل" — puts off — the date makes it a visit put off: tests/test_contacts14.py)
    ms = _contacts(text, date="2025-12-28")
    planned = [m for m in ms if m.status == "planned"]
    assert len(planned) == 1 and planned[0].date is None
    assert any("2025-02-21" in r for r in planned[0].reported)
    assert [(m.status, m.date) for m in ms if m.status == "happened"] == [("happened", "2025-03-14")]
    # an entry whose day is written out with its year keeps it, as before (no day still to come is read into it)
    ms = _contacts("Jan. 23, 2025 – Masrour Barzani meets al-Shaibani at Davos and is invited to Damascus.\n\n"
                   "March 14, 2025 – Al-Shaibani visits Baghdad.\n", date="2025-12-20")
    assert [m.date for m in ms if m.status == "planned"] == ["2025-01-23"]
    # a visit put off, in a dated list, keeps its entry's day (the day it was due)
    ms = _contacts("أبرز المحطات:\n- 19 كانون الأول 2024: السوداني يعلن أن البعثة العراقية في دمشق استأنفت عملها.\n"
                   "- 22 شباط 2025: الموعد الأول لزيارة الشيباني إلى بغداد، وقد أُرجئت.\n"
                   "- 14 آذار: الشيباني في بغداد؛ يلتقي رشيد والسوداني وحسين.\n", date="2025-12-28")
    assert [(m.status, m.date) for m in ms if m.status == "postponed"] == [("postponed", "2025-02-22")]


def test_common_words_of_a_plan_a_contact_not_yet_held_and_a_media_claim():
    for text, status in (
            ("A delegation of Iraqi businessmen intends to travel to Damascus for the fair, a chamber member said on "
             "Sunday.\n", "planned"),
            ("Iraq's oil minister Hayan Abdul Ghani is preparing to travel to Damascus, his office said.\n", "planned"),
            ("ينوي وزير النفط العراقي حيان عبد الغني زيارة دمشق لبحث خط الأنابيب، بحسب مكتبه.\n", "planned"),
            ("أكد مصدر أن وزير الداخلية العراقي عبد الأمير الشمري يستعد لزيارة دمشق.\n", "planned"),
            ("What has not happened is the obvious next step: a visit to Damascus by Iraq's interior minister Abdul "
             "Amir al-Shammari.\n", "hypothetical"),
            ("Mohammed Shia al-Sudani has yet to travel to Damascus.\n", "hypothetical"),
            ("وتناقلت وسائل إعلام إيرانية أن نيجيرفان بارزاني التقى الرئيس السوري أحمد الشرع في دمشق.\n", "rumoured")):
        ms = _contacts(text, date="2025-08-17")
        assert ms and {m.status for m in ms} == {status}, text


def test_a_city_naming_an_outlet_is_no_venue():
    ms = _contacts("A Baghdad news agency later described the trip of intelligence chief Hamid al-Shatri, who met "
                   "Ahmed al-Sharaa on April 25, as the visit that carried the summit invitation.\n", date="2025-12-15")
    assert len(ms) == 1 and ms[0].place is None
    ms = _contacts("Hamid al-Shatri met Ahmed al-Sharaa in Damascus on Thursday, the Damascus-based daily al-Watan "
                   "reported.\n", date="2025-08-29")
    assert len(ms) == 1 and ms[0].place["name_en"] == "Damascus"
    ms = _contacts("Hamid al-Shatri met Ahmed al-Sharaa on Thursday, the Baghdad-based daily al-Sabah reported.\n",
                   date="2025-08-29")
    assert len(ms) == 1 and ms[0].place is None
