"""Contacts, seventh pass: a listed person's official named through him ("Assad's ambassador"), and a city abroad
whose country follows a few words later ("the Munich Security Conference in Germany"). Texts written here (real
people, invented wording)."""

from tests.test_contacts_real import _contacts, _ids


def test_a_persons_official_is_the_participant_not_the_person_he_serves():
    ms = _contacts("Iraq's president meets envoy\nDec. 2, 2024\n\nPresident Abdul Latif Rashid on Monday received "
                   "Assad's ambassador, Sattam Jadaan al-Dandah, at the presidential palace in Baghdad.\n")
    assert len(ms) == 1
    m = ms[0]
    assert "abdul-latif-rashid" in _ids(m) and "bashar-al-assad" not in _ids(m)
    syrian = [p for p in m.participants if p["country"] == "Syria"]
    assert [p["name_en"] for p in syrian] == ["Sattam Jadaan al-Dandah"]
    # unnamed: the envoy stands for his side; the prime minister who sent him is not at the table
    ms = _contacts("Al-Sharaa received al-Sudani's envoy at the People's Palace in Damascus on Monday, June 9, 2025.\n")
    assert len(ms) == 1
    m = ms[0]
    assert "ahmed-al-sharaa" in _ids(m) and "mohammed-shia-al-sudani" not in _ids(m)
    assert any(p["country"] == "Iraq" and not p["named"] for p in m.participants)


def test_a_persons_delegation_is_still_his():
    ms = _contacts("Asaad al-Shaibani's delegation arrived in Baghdad on March 14, 2025 and met Fuad Hussein.\n")
    assert ms and {"asaad-al-shaibani", "fuad-hussein"} <= _ids(ms[0])


def test_a_city_abroad_followed_by_its_country_is_where_they_met_in_both_languages():
    ar = _contacts("بحث وزير الخارجية السوري أسعد الشيباني مع رئيس إقليم كردستان نيجيرفان بارزاني، على هامش مؤتمر "
                   "ميونخ للأمن في ألمانيا، أوضاع المنطقة.\n", date="2025-02-15")
    en = _contacts("Kurdistan Region President Nechirvan Barzani met Syrian Foreign Minister Asaad al-Shaibani on the "
                   "sidelines of the Munich Security Conference in Germany on Saturday.\n", date="2025-02-15")
    for ms in (ar, en):
        assert len(ms) == 1
        assert {"asaad-al-shaibani", "nechirvan-barzani"} <= _ids(ms[0])
        assert ms[0].place and ms[0].place["country"] == "Germany"  # (not a third country's contact)
    assert ar[0].place["name_en"] == "Munich"


def test_the_sender_of_a_message_carried_by_another_directed_the_contact_and_took_no_part():
    ar = _contacts("دمشق، 28 آب 2025 - استقبل الرئيس السوري أحمد الشرع اليوم رئيس جهاز المخابرات العراقي حميد الشطري "
                   "الذي نقل إليه رسالة من رئيس الوزراء محمد شياع السوداني.\n")
    en = _contacts("DAMASCUS, Aug. 28, 2025 - Syrian President Ahmed al-Sharaa on Thursday received Iraqi intelligence "
                   "chief Hamid al-Shatri, who carried a message from Prime Minister Mohammed Shia al-Sudani.\n")
    for ms in (ar, en):
        assert len(ms) == 1
        assert {"ahmed-al-sharaa", "hamid-al-shatri"} <= _ids(ms[0])
        assert "mohammed-shia-al-sudani" not in _ids(ms[0])
        assert [p["id"] for p in ms[0].directed_by] == ["mohammed-shia-al-sudani"]


def test_a_side_saying_there_is_no_channel_with_the_other_is_a_denied_contact_in_both_languages():
    ar = _contacts("قال وزير الدفاع العراقي ثابت العباسي، اليوم الثلاثاء، إنه لا توجد حتى الآن أي قناة تواصل رسمية "
                   "مع وزارة الدفاع السورية.\n", date="2025-02-25")
    en = _contacts("Iraqi Defence Minister Thabet al-Abbasi said on Tuesday there was still no channel with the Syrian "
                   "defence ministry.\n", date="2025-02-25")
    denied = _contacts("Iraqi Interior Minister Abdul Amir al-Shammari on Tuesday denied any coordination with "
                       "Damascus over the summit.\n", date="2025-05-06")
    for ms in (ar, en, denied):
        assert [(m.kind, m.status) for m in ms] == [("meeting", "denied")]
        assert ms[0].date is None and ms[0].place is None  # a contact that did not take place has no day, no venue


def test_no_channel_reported_by_nobody_is_no_contact_and_a_quoted_no_delegation_is_a_denied_one():
    assert _contacts("Neither side reported any contact between al-Sudani and al-Sharaa.\n", date="2025-05-06") == []
    ms = _contacts("وأضاف الشمري أنه \"لا وفود سورية تواصلت معنا\" بشأن زيارة الرئيس السوري أحمد الشرع إلى بغداد.\n",
                   date="2025-05-06")
    assert [m.status for m in ms] == ["denied"] and "abdul-amir-al-shammari" in _ids(ms[0])


def test_the_words_saying_there_is_no_channel_were_said_they_are_no_denied_statement():
    from tests.test_contacts_real import _mentions
    ms = _mentions("قال وزير الدفاع العراقي ثابت العباسي، اليوم الثلاثاء، إنه لا توجد أي قناة تواصل مع وزارة الدفاع "
                   "السورية.\n", date="2025-02-25")
    said = [m for m in ms if m.kind == "statement"]
    assert [(m.status, m.date) for m in said] == [("happened", "2025-02-25")]


def test_a_contact_phrase_is_read_in_every_tense_of_its_verb():
    # the data has "sat down with" and "held talks"; a headline's present tense and a preview's gerund are the same
    for text in ("Kurdistan Region Prime Minister Masrour Barzani sits down with Asaad al-Shaibani in Davos.",
                 "Iraqi Prime Minister Mohammed Shia al-Sudani holds talks with Asaad al-Shaibani in Baghdad.",
                 "Fuad Hussein, sitting down with Asaad al-Shaibani in Amman, urged closer border work."):
        ms = _contacts(text + "\n", date="2025-01-23")
        assert len(ms) == 1 and ms[0].status == "happened", text
    # a single word is left as it is: "talk" of a visit is no meeting
    assert _contacts("In Baghdad there is talk of Asaad al-Shaibani and Fuad Hussein as rivals.\n") == []


def test_a_clause_opened_by_a_time_between_two_contacts_is_its_own_contact_dated_from_the_first():
    from tests.test_contacts_real import _mentions
    text = ("A year of contacts\nDec. 28, 2025\n\n- Mar. 14 — Asaad al-Shaibani visits Baghdad, three weeks after a "
            "trip planned for Feb. 22 was put off.\n")
    got = sorted((m.status, m.date) for m in _mentions(text) if m.kind != "statement")
    assert got == [("happened", "2025-03-14"), ("postponed", "2025-02-22")]
    ar = _contacts("وصل وزير الخارجية السوري أسعد الشيباني إلى بغداد في 14 آذار 2025، بعد ثلاثة أسابيع من زيارة كانت "
                   "مقررة في 22 شباط وأُرجئت.\n", date="2025-12-28")
    assert sorted((m.status, m.date) for m in ar) == [("happened", "2025-03-14"), ("postponed", "2025-02-22")]


def test_a_contact_spoken_of_with_may_before_its_verb_is_hypothetical_in_both_languages():
    ar = _contacts("وقال المصدر إن زيارة الشيباني قد تمهّد لزيارة يقوم بها الرئيس السوري أحمد الشرع إلى بغداد.\n",
                   date="2025-02-14")
    en = _contacts("Officials said the minister's trip could pave the way for a visit to Baghdad by President Ahmed "
                   "al-Sharaa.\n", date="2025-02-14")
    for ms in (ar, en):
        assert [m.status for m in ms] == ["hypothetical"] and "ahmed-al-sharaa" in _ids(ms[0])


def test_the_month_may_and_a_past_perfect_are_no_modal():
    for text in ("Asaad al-Shaibani met Fuad Hussein in Baghdad in May.",
                 "The May meeting of Asaad al-Shaibani and Fuad Hussein in Baghdad was cordial.",
                 "وكان وزير الخارجية السوري أسعد الشيباني قد تلقى اتصالاً هاتفياً من فؤاد حسين."):
        ms = _contacts(text + "\n", date="2025-06-01")
        assert [m.status for m in ms] == ["happened"], text


def test_a_claimed_contact_the_sentence_goes_on_to_deny_is_denied_in_both_languages():
    ar = _contacts("أما المنشورات التي زعمت أن الرئيس السوري أحمد الشرع وصل سراً إلى بغداد ليلة الجمعة فقد نفتها مصادر "
                   "حكومية.\n", date="2025-05-18")
    en = _contacts("Posts claimed that Syrian President Ahmed al-Sharaa had arrived secretly in Baghdad on Friday night, "
                   "but government sources denied it.\n", date="2025-05-18")
    for ms in (ar, en):
        assert [(m.kind, m.status) for m in ms] == [("visit", "denied")]
    for text in ("Kurdistan Region President Nechirvan Barzani said he longed to visit Damascus.",
                 "Kurdistan Region President Nechirvan Barzani said he was keen to travel to Damascus one day."):
        assert [m.status for m in _contacts(text + "\n", date="2025-02-16")] == ["hypothetical"], text


def test_a_listed_persons_family_name_in_another_english_spelling_is_that_person():
    ms = _contacts("Hamid al-Shatry met Asaad al-Shibani in Damascus on Thursday.\n", date="2025-08-28")
    assert len(ms) == 1 and {"hamid-al-shatri", "asaad-al-shaibani"} <= _ids(ms[0])
    # a name two listed people share the consonants of is nobody's ("Al Shara": Ahmed or Farouk al-Sharaa), and a
    # family name of nobody listed stays unknown
    from rag.domain.people import load_officials
    got = [(m.kind, m.item.id) for m in load_officials(None).scan("al shara met al-zubaidi of saraya al-salam in baghdad")
           if m.kind == "person"]
    assert got == []  # (and three consonants are too few: "al-Salam" is no al-Salama)


def test_the_person_filter_finds_another_spelling_of_a_family_name():
    """`rag timeline --who al-Shibani` (and the browser's Person box): the person the contacts layer reads so."""
    from rag.domain.people import load_officials
    o = load_officials(None)
    assert [p.id for p in o.resolve("al-Shibani")] == ["asaad-al-shaibani"]
    assert [p.id for p in o.resolve("Asaad al-Shibani")] == ["asaad-al-shaibani"]
    assert o.resolve("al-Zubaidi") == []
