"""Contacts, nineteenth pass: names as outlets write them ("Al Sudani", "Ahmad Al Shara"), a verb after a title is
no name, a gathering referred to is no venue, a list of contacts in joined clauses, a sentence opening with a time
from another contact. Texts written here (real people, invented wording)."""

from tests.test_contacts_real import _contacts, _names

HEAD = "Notes\n\nDecember 29, 2025 | Test\n\n"
HEAD_AR = "ملاحظات\n\n14 آذار 2025\n\n"


def test_a_verb_joined_to_the_conjunction_after_a_title_is_no_name():
    got = _contacts("السوداني يستقبل وزير الخارجية السوري ويؤكد احترام إرادة الشعب السوري\n\nبغداد – 14/3/2025\n\n"
                    "استقبل رئيس مجلس الوزراء محمد شياع السوداني اليوم الجمعة الوزير الضيف.\n", "a.txt", "2025-03-14")
    assert got
    assert not any(any(p["name"].startswith("ويؤكد") or p["name_en"].startswith("ويؤكد") for p in m.participants)
                   for m in got), [(m.kind, _names(m)) for m in got]
    # a name opening with "و" of its own ("وليد") is still read
    (m,) = _contacts(HEAD_AR + "استقبل وزير الخارجية السوري أسعد الشيباني اليوم في دمشق وزير الزراعة العراقي وليد "
                               "الحمداني.\n", "a.txt", "2025-03-14")
    assert any("الحمداني" in p["name"] for p in m.participants), [p["name"] for p in m.participants]


def test_a_gathering_referred_to_gives_the_contact_neither_its_day_nor_its_city():
    text = ("وفي وزارة الخارجية، عقد وزير الخارجية فؤاد حسين جلسة مباحثات مع الشيباني، طرح خلالها إنشاء غرفة عمليات "
            "مشتركة، استكمالاً لما اتُّفق عليه في اجتماع عمّان الأخير.\n")
    (m,) = _contacts(HEAD_AR + text, "a.txt", "2025-03-14")
    assert m.date != "2025-03-09" and (m.place is None or m.place["name_en"] != "Amman"), (m.date, m.place)
    assert {"Fuad Hussein", "Asaad al-Shaibani"} <= _names(m)
    # held at the gathering: its day and its city
    (m,) = _contacts(HEAD_AR + "وعلى هامش اجتماع عمّان، عقد وزير الخارجية فؤاد حسين جلسة مباحثات مع الشيباني.\n",
                     "a.txt", "2025-03-14")
    assert m.date == "2025-03-09" and m.place["name_en"] == "Amman", (m.date, m.place)
    # English: "the talks built on what was agreed at the Amman meeting"
    (m,) = _contacts("Notes\n\nMarch 14, 2025 | Test\n\nFuad Hussein held talks with Asaad al-Shaibani in Baghdad "
                     "today, building on what was agreed at the Amman meeting.\n", "a.txt", "2025-03-14")
    assert m.date == "2025-03-14" and m.place["name_en"] == "Baghdad", (m.date, m.place)


def test_names_written_with_the_article_apart_and_other_vowels_are_the_listed_people():
    for text in ("The leaders' channel opened with a phone call between Mohammed Shia Al Sudani and Ahmad Al Shara on "
                 "March 31.\n",
                 "Mr Al Sudani held a phone call with Ahmed Al Sharaa on March 31.\n"):
        (m,) = _contacts(HEAD + text, "a.txt", "2025-12-29")
        assert m.kind == "call" and m.date == "2025-03-31", (text, m.kind, m.date)
        assert _names(m) == {"Mohammed Shia al-Sudani", "Ahmed al-Sharaa"}, (text, _names(m))
    # another first name before a listed family name is somebody else
    got = _contacts(HEAD + "Mr Al Sudani held a phone call with Ali Al Sharaa on March 31.\n", "a.txt", "2025-12-29")
    assert not any("Ahmed al-Sharaa" in _names(m) for m in got), [_names(m) for m in got]


def test_a_list_of_contacts_in_joined_clauses_of_their_own_days_are_apart():
    for text in ("Syria's Energy Minister Mohammad Al Bashir arrived in Baghdad on August 11 for pipeline talks, and "
                 "Mr Al Shatri made his third trip on August 28.\n",
                 "Mohammad Al Bashir arrived in Baghdad on August 11, and Hamid al-Shatri made his third trip on "
                 "August 28.\n"):
        got = _contacts(HEAD + text, "a.txt", "2025-12-29")
        bashir = [m for m in got if "Mohammed al-Bashir" in _names(m)]
        assert bashir and all("Hamid al-Shatri" not in _names(m) for m in bashir), [(m.date, _names(m)) for m in got]
        assert bashir[0].date == "2025-08-11"
    # one day: the same contact told in two clauses keeps its people
    (m,) = _contacts(HEAD + "Mohammad Al Bashir arrived in Baghdad on August 11, and Hayan Abdul Ghani received him "
                            "on August 11.\n", "a.txt", "2025-12-29")
    assert {"Mohammed al-Bashir", "Hayan Abdul Ghani"} <= _names(m), _names(m)


def test_a_sentence_opening_with_a_time_from_another_contact():
    text = ("When Hamid al-Shatri flew into Damascus on December 26, 2024, he met Ahmed al-Sharaa.\n\n"
            "Four days after Mr Al Shatri's visit, Foreign Minister Fuad Hussein spoke by phone with his new Syrian "
            "counterpart, Asaad Al Shaibani.\n")
    got = _contacts(HEAD + text, "a.txt", "2025-12-29")
    (call,) = [m for m in got if m.kind == "call"]
    assert _names(call) == {"Fuad Hussein", "Asaad al-Shaibani"} and call.date == "2024-12-30", \
        (_names(call), call.date)
    ar = ("ملاحظات\n\n29 كانون الأول 2025\n\nزار رئيس جهاز المخابرات العراقي حميد الشطري دمشق في 26 كانون الأول 2024 "
          "والتقى الشرع.\n\nبعد أسبوعين من زيارة الشطري، اتصل وزير الخارجية فؤاد حسين بنظيره السوري أسعد الشيباني.\n")
    got = _contacts(ar, "a.txt", "2025-12-29")
    (call,) = [m for m in got if m.kind == "call"]
    assert _names(call) == {"Fuad Hussein", "Asaad al-Shaibani"} and call.date == "2025-01", (_names(call), call.date)
    # a time followed by no comma-closed opening ("Four days later, …") is read as before: from the last day written
    got = _contacts(HEAD + "Hamid al-Shatri met Ahmed al-Sharaa in Damascus on December 26, 2024.\n\nFour days later, "
                           "Fuad Hussein spoke by phone with Asaad al-Shaibani.\n", "a.txt", "2025-12-29")
    (call,) = [m for m in got if m.kind == "call"]
    assert call.date == "2024-12-30", call.date


def test_a_day_before_the_verb_that_made_a_plan_known_is_the_reports():
    (m,) = _contacts("Notes\n\nAugust 11, 2025 | Test\n\nOn Friday, Mohammad al-Bashir announced he intended to visit "
                     "Iraq soon.\n", "a.txt", "2025-08-11")
    assert m.status == "planned" and m.date is None, (m.status, m.date)
    assert any("2025-08-08" in r for r in m.reported), m.reported
    # a day after the plan's word is the plan's own
    (m,) = _contacts("Notes\n\nAugust 11, 2025 | Test\n\nMohammad al-Bashir announced he will visit Iraq on Friday.\n",
                     "a.txt", "2025-08-11")
    assert m.status == "planned" and m.date == "2025-08-15", (m.status, m.date)


def test_would_after_a_verb_of_saying_is_a_plan_and_alone_a_hypothesis():
    for text in ("Mohammad al-Bashir said he would visit Iraq.\n",
                 "Iraqi officials said al-Sharaa would attend the summit in Baghdad.\n"):
        (m,) = _contacts(HEAD + text, "a.txt", "2025-12-29")
        assert m.status == "planned", (text, m.status)
    (m,) = _contacts(HEAD + "Al-Sharaa would visit Baghdad if invited.\n", "a.txt", "2025-12-29")
    assert m.status == "hypothetical", m.status
    (m,) = _contacts(HEAD + "Iraqi officials said al-Sharaa would not attend the summit in Baghdad.\n", "a.txt",
                     "2025-12-29")
    assert m.status == "cancelled", m.status


def test_one_day_ahead_of_a_schedule_is_a_span_of_time_not_a_hypothesis():
    (m,) = _contacts("Notes\n\nAugust 11, 2025 | Test\n\nMohammad al-Bashir, Syria's energy minister, reached the "
                     "Iraqi capital on Monday evening for energy talks, one day ahead of the schedule some media had "
                     "circulated.\n", "a.txt", "2025-08-11")
    assert m.status == "happened" and m.date == "2025-08-11", (m.status, m.date)
    (m,) = _contacts(HEAD + "Ahmed al-Sharaa hopes to visit Baghdad one day.\n", "a.txt", "2025-12-29")
    assert m.status == "hypothetical", m.status


def test_reports_hinting_at_an_unconfirmed_visit_tell_a_rumour():
    for text in ("وكانت تقارير سابقة قد ألمحت إلى أن الشرع قد يصل إلى بغداد في زيارة غير معلنة.\n",
                 "وقالت مصادر إن الشرع وصل إلى بغداد أمس في زيارة غير معلنة، وهو ما لم يتأكد رسمياً.\n"):
        (m,) = _contacts(HEAD_AR + text, "a.txt", "2025-05-12")
        assert m.status == "rumoured" and m.place["name_en"] == "Baghdad", (text, m.status, m.place)


def test_a_plan_put_off_told_after_a_time_apart_is_its_own_contact():
    got = _contacts("Notes\n\nMarch 16, 2025 | Test\n\nAsaad al-Shaibani flew into Baghdad on Friday without prior "
                    "announcement, a month after an earlier plan for the trip was put off.\n", "a.txt", "2025-03-16")
    assert sorted((m.status, m.date) for m in got) == [("happened", "2025-03-14"), ("postponed", None)], \
        [(m.status, m.date) for m in got]
    assert all(m.place["name_en"] == "Baghdad" and _names(m) == {"Asaad al-Shaibani"} for m in got)
    # the same visit told again with no time apart: one contact
    (m,) = _contacts("Notes\n\nMarch 16, 2025 | Test\n\nAsaad al-Shaibani flew into Baghdad on Friday, and the trip "
                     "was his first.\n", "a.txt", "2025-03-16")
    assert m.status == "happened"
    # its place is the visit's, not a city of the visitor's own side the clause names
    got = _contacts("Notes\n\nMarch 16, 2025 | Test\n\nSyrian Foreign Minister Asaad al-Shaibani made his first visit to "
                    "Baghdad on Friday, weeks after an earlier planned trip was delayed without explanation, fuelling "
                    "doubts about Iraq's willingness to deal with the new authorities in Damascus.\n", "a.txt",
                    "2025-03-16")
    assert sorted((m.status, m.place["name_en"]) for m in got) == [("happened", "Baghdad"), ("postponed", "Baghdad")], \
        [(m.status, m.place) for m in got]


def test_the_visitors_next_contact_still_to_come_is_a_plan_of_its_own():
    for text in ("وكان الشيباني قد التقى اليوم رئيس الجمهورية عبد اللطيف جمال رشيد، ومن المنتظر أن يلتقي رئيس مجلس "
                 "النواب محمود المشهداني في وقت لاحق.\n",
                 "Asaad al-Shaibani met President Abdul Latif Rashid today, and is expected to meet Speaker Mahmoud "
                 "al-Mashhadani later.\n"):
        got = _contacts(HEAD_AR + text, "a.txt", "2025-03-14")
        assert sorted((m.status, tuple(sorted(_names(m)))) for m in got) == [
            ("happened", ("Abdul Latif Rashid", "Asaad al-Shaibani")),
            ("planned", ("Asaad al-Shaibani", "Mahmoud al-Mashhadani"))], (text, [(m.status, _names(m)) for m in got])
    # a second contact of the same status stays with the first (one visit told in two clauses)
    (m,) = _contacts(HEAD_AR + "التقى الشيباني اليوم رئيس الجمهورية عبد اللطيف جمال رشيد، ثم التقى رئيس مجلس النواب "
                               "محمود المشهداني.\n", "a.txt", "2025-03-14")
    assert {"Abdul Latif Rashid", "Mahmoud al-Mashhadani", "Asaad al-Shaibani"} <= _names(m)


def test_the_last_name_of_someone_named_in_full_before_is_he():
    head = "ميونخ\n\nميونخ – الأحد 16 شباط 2025\n\nالتقى رئيس إقليم كوردستان نيجيرفان بارزاني مسؤولين أوروبيين.\n\n"
    (m,) = _contacts(head + "واجتمع بارزاني، أمس السبت، بوزير الخارجية السوري أسعد الشيباني.\n", "a.txt", "2025-02-16")
    assert _names(m) == {"Nechirvan Barzani", "Asaad al-Shaibani"} and m.date == "2025-02-15", (_names(m), m.date)
    en = "Munich\n\nFebruary 16, 2025 | Test\n\nKurdistan Region President Nechirvan Barzani met European officials.\n\n"
    (m,) = _contacts(en + "Barzani met Syrian Foreign Minister Asaad al-Shaibani on Saturday.\n", "a.txt", "2025-02-16")
    assert _names(m) == {"Nechirvan Barzani", "Asaad al-Shaibani"}, _names(m)
    # two people of that name named before: the bare name is neither
    two = head.replace("مسؤولين أوروبيين", "رئيس حكومة الإقليم مسرور بارزاني")
    got = _contacts(two + "واجتمع بارزاني، أمس السبت، بوزير الخارجية السوري أسعد الشيباني.\n", "a.txt", "2025-02-16")
    assert not any({"Nechirvan Barzani", "Masrour Barzani"} & _names(m) for m in got if m.date == "2025-02-15"), \
        [(m.date, _names(m)) for m in got]
    # nor before he is named
    got = _contacts("ميونخ\n\nميونخ – الأحد 16 شباط 2025\n\nواجتمع بارزاني، أمس السبت، بوزير الخارجية السوري أسعد "
                    "الشيباني.\n", "a.txt", "2025-02-16")
    assert not got, [(m.date, _names(m)) for m in got]


def test_an_idea_floated_an_invitation_not_received_and_a_meeting_nobody_announced():
    (m,) = _contacts(HEAD + "Officials in Erbil privately float the idea of a Nechirvan Barzani trip to Damascus.\n",
                     "a.txt", "2025-12-29")
    assert m.status == "hypothetical", m.status
    (m,) = _contacts(HEAD_AR + "ويقول مسؤول كردي إن نيجيرفان بارزاني لم يتلقَّ دعوة رسمية لزيارة دمشق حتى الآن.\n",
                     "a.txt", "2025-03-14")
    assert m.status == "hypothetical", m.status
    got = _contacts(HEAD + "Iraq's health minister Saleh al-Hasnawi and Syria's health minister Musab Nazzal al-Ali were "
                           "in Geneva.\n\nThe two delegations were in the same building, but neither ministry announced "
                           "a meeting between al-Hasnawi and al-Ali.\n", "a.txt", "2025-12-29")
    assert all(m.status != "happened" for m in got), [(m.status, _names(m)) for m in got]


def test_review_a_given_name_or_a_word_is_no_last_name_and_a_pronoun_keeps_the_visitor():
    got = _contacts("Notes\n\nMarch 14, 2025 | Test\n\nIraqi Minister of Water Resources Aoun Diab Abdullah met his "
                    "Syrian counterpart in Baghdad on Thursday. On Friday, Syrian Foreign Minister Asaad al-Shaibani "
                    "met King Abdullah in Amman.\n", "a.txt", "2025-03-14")
    assert not any({"Asaad al-Shaibani", "Aoun Diab Abdullah"} <= _names(m) for m in got), [_names(m) for m in got]
    got = _contacts("ملاحظات\n\n17 آذار 2025\n\nزارت وزيرة المالية العراقية طيف سامي دمشق يوم الأربعاء. والتقى مسؤول "
                    "سامي في الحكومة السورية وزير الخارجية العراقي فؤاد حسين في بغداد يوم الخميس.\n", "a.txt",
                    "2025-03-17")
    assert not any({"Taif Sami", "Fuad Hussein"} <= _names(m) for m in got), [_names(m) for m in got]
    (m,) = _contacts("Notes\n\nMarch 17, 2025 | Test\n\nSyrian Foreign Minister Asaad al-Shaibani met Iraqi Foreign "
                     "Minister Fuad Hussein in Baghdad on Saturday, and Prime Minister Mohammed Shia al-Sudani received "
                     "him on Sunday.\n", "a.txt", "2025-03-17")
    assert {"Asaad al-Shaibani", "Mohammed Shia al-Sudani"} <= _names(m), _names(m)


def test_review_would_not_and_only_if_are_no_plans_and_a_given_name_is_no_last_name():
    (m,) = _contacts(HEAD + "Ahmed al-Sharaa said he would visit Baghdad only if the security situation allowed.\n",
                     "a.txt", "2025-12-29")
    assert m.status == "hypothetical", m.status
    (m,) = _contacts(HEAD + "Ahmed al-Sharaa said he would not visit Baghdad before the elections.\n", "a.txt",
                     "2025-12-29")
    assert m.status == "cancelled", m.status
    # a given name of listed people is no one's last name alone ("Taif Sami Mohammed", then "Mohammed bin Salman")
    got = _contacts("Notes\n\nMarch 14, 2025 | Test\n\nIraqi Finance Minister Taif Sami Mohammed held talks in Damascus on "
                    "Wednesday with Syrian officials. On Thursday, Mohammed bin Salman met Ahmed al-Sharaa in Riyadh.\n",
                    "a.txt", "2025-03-14")
    assert not any({"Taif Sami", "Ahmed al-Sharaa"} <= _names(m) for m in got), [_names(m) for m in got]
