"""Contacts, tenth pass: whose adviser or spokesman an official is (the principal is no party); ranks before an
English name; a person "of" a side's body; the Arabic future ("سـ") of a contact verb; a contact told with the
inverted "if" ("Had he …"). Texts written here (real bodies and people, invented wording)."""

from tests.test_contacts_real import _contacts, _ids, _names


def test_the_official_an_adviser_serves_is_no_party_in_both_languages():
    ar = _contacts("استقبل وزير الخارجية السوري أسعد الشيباني في دمشق اليوم الأحد وفداً عراقياً يرأسه اللواء "
                   "خالد جاسم الدليمي، مستشار رئيس الوزراء العراقي للشؤون الأمنية.\n", date="2025-10-12")
    en = _contacts("Syrian Foreign Minister Asaad al-Shaibani on Sunday received in Damascus an Iraqi delegation headed "
                   "by Khalid al-Dulaimi, an adviser to Iraq's prime minister.\n", date="2025-10-12")
    for ms in (ar, en):
        assert len(ms) == 1 and ms[0].kind in ("visit", "meeting") and ms[0].date == "2025-10-12"
        # the prime minister is whose adviser the visitor is: not a participant
        assert "Mohammed Shia al-Sudani" not in _names(ms[0]) and "iraq-pm" not in _ids(ms[0])
        assert "Asaad al-Shaibani" in _names(ms[0])
    # with the preposition: "مستشار لرئيس الحكومة العراقية"
    ms = _contacts("التقى وزير الخارجية السوري أسعد الشيباني في دمشق أمس الاثنين وفداً عراقياً ترأسه مستشار لرئيس "
                   "الحكومة العراقية.\n", date="2025-10-14")
    assert len(ms) == 1 and "Mohammed Shia al-Sudani" not in _names(ms[0]) and "iraq-pm" not in _ids(ms[0])


def test_a_rank_before_an_english_name_is_read_past():
    ms = _contacts("Syria's interior minister, Maj. Gen. Anas Khattab, received Iraq's deputy interior minister, "
                   "Lt. Gen. Hussein Jabbar al-Tamimi, in Damascus on Sunday.\n", date="2025-10-12")
    assert len(ms) == 1
    names = _names(ms[0])
    assert {"Anas Khattab", "Hussein Jabbar al-Tamimi"} <= names
    assert not {"Maj", "Lt", "Gen"} & names


def test_a_person_of_a_sides_body_is_of_that_side():
    ms = _contacts("Iraqi Interior Minister Abdul Amir al-Shammari met Bassam Haddad of Syria's General Authority "
                   "for Ports and Customs in Baghdad on Sunday.\n", date="2025-10-12")
    assert len(ms) == 1
    got = {p["name_en"]: p["country"] for p in ms[0].participants}
    assert got.get("Bassam Haddad") == "Syria"


def test_the_arabic_future_of_a_contact_verb_is_a_planned_contact():
    ms = _contacts("قال مصدر حكومي اليوم الأحد إن وزير الطاقة السوري محمد البشير سيحلّ ضيفاً على بغداد، في زيارة "
                   "يبحث فيها ملف الكهرباء.\n", date="2025-10-12")
    assert [(m.kind, m.status) for m in ms] == [("visit", "planned")]
    ms = _contacts("قال مصدر إن وزير الخارجية العراقي فؤاد حسين سيتوجه إلى دمشق خلال أيام.\n", date="2025-10-12")
    assert [(m.kind, m.status) for m in ms] == [("visit", "planned")]


def test_a_contact_told_with_the_inverted_if_is_hypothetical():
    ms = _contacts("Had Ahmed al-Sharaa landed in Baghdad, he would have been received by Mohammed Shia "
                   "al-Sudani.\n", date="2025-05-20")
    assert ms and all(m.status == "hypothetical" for m in ms)
    ms = _contacts("Ahmed al-Sharaa travelled to Baghdad on Monday and was received by Mohammed Shia al-Sudani.\n",
                   date="2025-05-20")
    assert [m.status for m in ms] == ["happened"]


def test_a_body_without_its_side_at_a_city_of_one_side_with_guests_of_the_other_is_the_hosts():
    ms = _contacts("استقبل رئيس الهيئة العامة للجمارك رامي حداد الساعدي اليوم الأحد في مقر الهيئة ببغداد وفداً سورياً "
                   "لبحث حركة الشاحنات.\n", date="2025-10-12")
    assert len(ms) == 1
    got = {p["name_en"]: p["country"] for p in ms[0].participants}
    # the head of the body, named after it, is of the host's side
    assert got.get("رامي حداد الساعدي") == "Iraq", got
    # with no guest of the other side, a body without its side stays nobody's
    assert _contacts("عقد رئيس الهيئة العامة للجمارك رامي حداد الساعدي اليوم الأحد اجتماعاً في بغداد.\n",
                     date="2025-10-12") == []


def test_an_arabic_function_after_the_preposition_is_read():
    from rag.domain.people import load_officials
    from rag.text.arabic import normalize
    bodies = load_officials()._bodies
    for text, group in (("الهيئة العامة للمنافذ", "border"), ("الهيئة العامة للجمارك", "customs")):
        got = bodies.find(normalize(text), "Syria")
        assert [(b.country, b.function.group) for b in got] == [("Syria", group)], text
    # two functions joined by "و" are one body's name: the name after it starts after both
    n = normalize("الهيئة العامة للمنافذ والجمارك قتيبة بدوي")
    got = bodies.find(n, "Syria")
    assert len(got) == 1 and n[got[0].start:got[0].end].endswith("والجمارك")


def test_a_dated_lists_entry_with_two_dashes_is_no_dateline_and_its_contacts_are_read():
    from rag.text.dates import is_date_line
    from rag.text.arabic import normalize
    assert not is_date_line(normalize("14 حزيران 2025 – إعادة فتح منفذ ربيعة – اليعربية."))
    assert is_date_line(normalize("28 آب 2025 – دمشق")) and is_date_line(normalize("December 31, 2024 | Erbil Daily"))
    ms = _contacts("محطات العام\n\nفي ما يلي أبرز المحطات:\n\n"
                   "2 شباط 2025 – فؤاد حسين وأسعد الشيباني وجهاً لوجه في الرياض.\n"
                   "14 حزيران 2025 – إعادة فتح منفذ ربيعة – اليعربية.\n", date="2025-12-28")
    got = {(m.kind, m.date) for m in ms}
    assert ("meeting", "2025-02-02") in got  # "face to face" is a meeting word
    assert ("meeting", "2025-06-14") in got  # the reopened crossing, its entry kept


def test_the_name_after_a_title_held_then_is_read_past_when_it_was_held():
    ms = _contacts("والتقى وزير التجارة العراقي أثير داود الغريري في بغداد وزير الاقتصاد السوري آنذاك محمد سامر "
                   "الخليل في 20 شباط 2024.\n", date="2025-12-28")
    assert len(ms) == 1 and ms[0].date == "2024-02-20"
    syrian = [p["name_en"] for p in ms[0].participants if p["country"] == "Syria"]
    assert syrian == ["محمد سامر الخليل"]


def test_a_sentence_opening_with_a_time_from_the_contact_before_it_takes_that_day_moved():
    ms = _contacts("Hamid al-Shatri met Ahmed al-Sharaa in Damascus on Friday. Ten days earlier Mohammed Shia al-Sudani "
                   "had met al-Sharaa in Doha.\n", date="2025-04-27")
    assert {(m.kind, m.date, m.place and m.place["name_en"]) for m in ms} >= {("meeting", "2025-04-15", "Doha")}
    # counted from something named after it ("بعد يومين من القمة"), it is no such time
    from rag.domain.lexicon import load_lexicon
    from rag.text.arabic import normalize
    lex = load_lexicon()[0]
    assert lex.offset_at(normalize("بعد يومين من القمة التقى")) is None
    assert lex.offset_at(normalize("وقبل ذلك بثلاثة أيام التقى")) == (-3, 0, len(normalize("وقبل ذلك بثلاثة أيام")), True)


def test_officials_of_a_sides_function_are_its_body_in_both_languages():
    en = _contacts("Iraqi border and customs chiefs were in Damascus on Tuesday for talks with Syria's ports and "
                   "customs authority.\n", date="2025-12-17")
    assert len(en) == 1 and en[0].date == "2025-12-16"
    assert {p["country"] for p in en[0].participants} == {"Iraq", "Syria"}
    assert all("-body-" in p["id"] for p in en[0].participants)
    ar = _contacts("وصل مسؤولو الجمارك العراقية إلى دمشق اليوم الثلاثاء للقاء الهيئة العامة للمنافذ والجمارك السورية.\n",
                   date="2025-12-16")
    assert len(ar) == 1 and {p["country"] for p in ar[0].participants} == {"Iraq", "Syria"}


def test_a_country_the_invitation_is_to_is_no_venue():
    for text in ("Syrian President Ahmed al-Sharaa on Friday received Hamid al-Shatri, Iraq's intelligence chief, and was "
                 "handed a letter inviting him to the Arab League summit that Iraq is to host in May.\n",):
        ms = _contacts(text, date="2025-04-26")
        assert len(ms) == 1 and ms[0].date == "2025-04-25", text
        assert not ms[0].place or ms[0].place["name_en"] != "Iraq", text


def test_a_country_for_a_place_does_not_keep_one_days_reports_of_the_same_people_apart():
    from rag.contacts.mention import Mention
    from rag.contacts.timeline import merge_mentions

    def mention(source, place, country, names):
        people = [{"id": i, "name": n, "name_en": n, "country": c, "named": True} for i, n, c in names]
        return Mention.from_dict({"source": source, "kind": "visit", "status": "happened", "participants": people,
                                  "place": {"name": place, "name_en": place, "country": country, "towards": False},
                                  "date": "2025-04-25", "citations": [{"source": source, "start": 0, "end": 1,
                                                                       "text": "x", "chunk_id": ""}]})
    shatri = ("hamid-al-shatri", "Hamid al-Shatri", "Iraq")
    sharaa = ("ahmed-al-sharaa", "Ahmed al-Sharaa", "Syria")
    a = mention("a.txt", "Damascus", "Syria", [shatri])  # one report names only the visitor, in Damascus
    b = mention("b.txt", "Iraq", "Iraq", [shatri, sharaa])  # another, the same day, a country for its place
    events = merge_mentions([a, b], {})
    assert len(events) == 1 and events[0].place["name_en"] == "Damascus"
    # two cities of two countries on one day are still two contacts when one report names one side only
    c = mention("c.txt", "Baghdad", "Iraq", [shatri, sharaa])
    assert len(merge_mentions([a, c], {})) == 2


def test_a_question_about_a_contact_reports_none_in_both_languages():
    for text in ("هل يزور رئيس وزراء عراقي دمشق في العام الجديد؟ لا مؤشرات على ذلك.\n",
                 "Will Ahmed al-Sharaa visit Baghdad before the summit?\n"):
        ms = _contacts(text, date="2025-12-28")
        assert ms and all(m.status == "hypothetical" for m in ms), text


def test_a_contact_named_after_a_time_from_the_one_reported_is_that_long_before_it_in_both_languages():
    en = _contacts("x\n\nHamid al-Shatri met Ahmed al-Sharaa in Damascus on Friday. The visit came ten days after a "
                   "meeting of Mohammed Shia al-Sudani and al-Sharaa in Doha.\n", date="2025-04-27")
    ar = _contacts("x\n\nوصل إلى دمشق اليوم الجمعة رئيس جهاز المخابرات العراقي حميد الشطري والتقى الرئيس السوري أحمد الشرع. "
                   "ولم يسافر محمد شياع السوداني مع الوفد، الذي يأتي بعد عشرة أيام من لقائه الشرع في الدوحة.\n",
                   date="2025-04-25")
    for ms in (en, ar):
        doha = [m for m in ms if m.place and m.place["name_en"] == "Doha"]
        assert [m.date for m in doha] == ["2025-04-15"]


def test_a_name_set_off_before_what_he_heads_or_whom_he_serves_is_of_that_side():
    ms = _contacts("Syrian and Iraqi officials sat down in Damascus on Monday. Bassam Haddad, who heads Syria's General "
                   "Authority for Ports and Customs, hosted an Iraqi delegation led by Khalid Jasim, an adviser to Iraq's "
                   "prime minister.\n", date="2025-12-15")
    assert len(ms) == 1 and ms[0].date == "2025-12-15"
    got = {p["name_en"]: p["country"] for p in ms[0].participants}
    assert got.get("Bassam Haddad") == "Syria" and got.get("Khalid Jasim") == "Iraq", got
    assert "Mohammed Shia al-Sudani" not in got


def test_a_sentence_naming_no_one_on_a_day_far_from_the_contact_before_is_a_contact_of_its_own():
    ms = _contacts("x\n\nHamid al-Shatri met Ahmed al-Sharaa in Damascus on Monday.\n\nThe crossing at al-Bukamal and "
                   "Iraq's al-Qaim reopened in June after years of closure.\n", date="2025-12-15")
    assert sorted(m.date for m in ms) == ["2025-06", "2025-12-15"]
    # a sentence of the same days goes on about the contact before it
    ms = _contacts("x\n\nHamid al-Shatri met Ahmed al-Sharaa in Damascus on Monday.\n\nThe talks in Damascus went on "
                   "on Tuesday.\n", date="2025-12-17")
    assert len(ms) == 1


def test_a_report_of_the_next_day_without_a_place_naming_another_host_joins_the_trip(fresh_settings, tmp_path):
    from tests.test_contacts_real import _timeline, _write
    folder = _write(tmp_path / "a", {
        "a.txt": "Syrian minister in Baghdad\n\nAugust 13, 2025\n\nSyria's Energy Minister Mohammad al-Bashir wrapped up "
                 "a two-day visit to Baghdad, where he arrived on Monday and met Iraqi Interior Minister Abdul Amir "
                 "al-Shammari. On Tuesday he held talks with Iraqi Oil Minister Hayan Abdul Ghani, and the Syrian and Iraqi "
                 "sides agreed to form a joint committee.\n"})
    _, ev = _timeline(fresh_settings, folder)
    trips = [e for e in ev if e.status == "happened"]
    assert len(trips) == 1, [(e.date, [p["name_en"] for p in e.participants]) for e in trips]
    assert {"Mohammed al-Bashir", "Hayan Abdul Ghani"} <= {p["name_en"] for p in trips[0].participants}


def test_a_time_counted_in_weeks_from_the_contact_before_gives_its_month():
    ms = _contacts("x\n\nأجرى الرئيس السوري أحمد الشرع اتصالاً هاتفياً اليوم الثلاثاء برئيس الوزراء العراقي محمد شياع السوداني. "
                   "ويأتي الاتصال بعد أسبوعين من زيارة وزير الخارجية السوري أسعد الشيباني إلى بغداد.\n", date="2025-04-01")
    visit = [m for m in ms if m.kind == "visit"]
    assert [m.date for m in visit] == ["2025-03"]
