"""Contacts, ninth pass: contacts told through the bodies of each side (ministries, directorates, authorities,
commands) and joint acts; dated lists whose entries are contacts of their own; day ranges without a year. Texts
written here (real bodies and people, invented wording)."""

import json

from evals.timeline import _keys
from rag.domain.people import load_officials
from rag.text.dates import ArticleDate, resolve_dates
from rag.text.arabic import normalize
from tests.test_contacts_real import _contacts, _ids, _timeline, _write


def test_bodies_of_each_side_are_the_participants_of_a_joint_operation_in_both_languages():
    ar = _contacts("الداخلية السورية تعلن ضبط شحنة\n\nأعلنت وزارة الداخلية السورية، اليوم الأربعاء، أن وحداتها نفذت "
                   "مداهمة في ريف حمص بالتنسيق مع المديرية العامة لشؤون المخدرات في العراق.\n", date="2025-09-10")
    en = _contacts("Syria's Interior Ministry said on Wednesday that its units had raided a depot near Homs in "
                   "coordination with Iraq's General Directorate of Narcotics Affairs.\n", date="2025-09-10")
    for ms in (ar, en):
        assert len(ms) == 1 and ms[0].kind == "meeting" and ms[0].date == "2025-09-10"
        # one participant per side and function group: the anti-narcotics directorate is the interior ministry's
        assert _ids(ms[0]) == {"x-syria-body-interior", "x-iraq-body-interior"}
        # the country inside the body's name ("في العراق") is its side, not where the contact was
        assert ms[0].place is None or ms[0].place["name_en"] != "Iraq"
    names = {p["country"]: p["name_en"] for p in en[0].participants}
    assert names == {"Syria": "Syria's interior ministry", "Iraq": "Iraq's anti-narcotics directorate"}
    # a body with no side named is nobody's participant
    assert _contacts("أعلنت وزارة الداخلية اليوم الأربعاء تنفيذ مداهمة بالتنسيق مع مديرية شؤون المخدرات.\n",
                     date="2025-09-10") == []


def test_a_body_named_inside_a_delegation_is_the_delegations():
    ms = _contacts("وصل وفد من وزارة الداخلية السورية إلى بغداد اليوم الأحد في زيارة رسمية.\n", date="2025-01-12")
    assert len(ms) == 1 and _ids(ms[0]) == {"syria-delegation"}


def test_a_joint_act_told_with_words_between_is_a_contact():
    for text in ("A joint Iraqi–Syrian security operation dismantled a trafficking ring on Monday, Iraq's "
                 "anti-narcotics directorate and the Syrian Interior Ministry said.",
                 "أسفرت عملية أمنية مشتركة بين مديرية شؤون المخدرات العراقية ووزارة الداخلية السورية اليوم الاثنين عن "
                 "توقيف أربعة مطلوبين."):
        ms = _contacts(text + "\n", date="2025-12-22")
        assert [(m.kind, m.date) for m in ms] == [("meeting", "2025-12-22")], text
        assert _ids(ms[0]) == {"x-syria-body-interior", "x-iraq-body-interior"}
    # a joint statement is no joint act
    assert _contacts("Iraq's Interior Ministry and the Syrian Interior Ministry issued a joint statement on drugs.\n",
                     date="2025-12-22") == []


def test_a_contact_of_bodies_is_not_the_next_sentences_contact_of_people():
    ms = _contacts("How the two sides talked\n\nIraq's Joint Operations Command handed 1,905 Syrian soldiers back to a "
                   "Syrian protection force at al-Qaim on December 19, 2024. Syria's energy minister, Mohammad al-Bashir, "
                   "spent August 11–12, 2025 in Baghdad, meeting Oil Minister Hayan Abdul Ghani.\n", date="2025-12-28")
    by_date = {m.date: m for m in ms}
    assert set(by_date) == {"2024-12-19", "2025-08-11"}
    assert _ids(by_date["2024-12-19"]) == {"x-iraq-body-joint-operations", "x-syria-body-forces"}
    assert "mohammed-al-bashir" in _ids(by_date["2025-08-11"])


def test_each_entry_of_a_dated_list_is_a_contact_of_its_own():
    ms = _contacts("محطات العام\n\n- شباط: إرجاء زيارة وزير الخارجية السوري أسعد الشيباني إلى بغداد.\n"
                   "- 14 آذار: الشيباني في بغداد.\n- 11 و12 آب: وزير الطاقة السوري محمد البشير في بغداد.\n",
                   date="2025-12-30")
    got = sorted((m.status, m.date, tuple(sorted(_ids(m)))) for m in ms)
    assert ("postponed", None, ("asaad-al-shaibani",)) in got
    assert ("happened", "2025-03-14", ("asaad-al-shaibani",)) in got  # (not more of the postponed visit)
    assert any(s == "happened" and d == "2025-08-11" for s, d, _ in got)  # (a range of days: its first)


def test_a_date_standing_alone_heads_the_contact_of_its_entry():
    ms = _contacts("A timeline\n\nMarch 14, 2025. Syria's foreign minister Asaad al-Shaibani arrives in Baghdad.\n\n"
                   "April 25, 2025. Intelligence chief Hamid al-Shatri is received in Damascus.\n", date="2025-12-28")
    assert sorted((m.date, tuple(sorted(_ids(m)))) for m in ms) == [
        ("2025-03-14", ("asaad-al-shaibani",)), ("2025-04-25", ("hamid-al-shatri",))]
    # a page's own date line is no list: one date alone does not date a contact whose report gives none
    ms = _contacts("Talks\n\nMarch 14, 2025. Syria's foreign minister Asaad al-Shaibani arrives in Baghdad.\n",
                   date="")
    assert [m.date for m in ms] == [None]


def test_day_ranges_without_a_year_give_their_first_day():
    art = ArticleDate(value="2025-12-30")
    for text in ("11 و12 آب", "August 11–12"):
        assert [d.value for d in resolve_dates(normalize(text).lower(), art)] == ["2025-08-11"], text


def test_reports_of_the_same_bodies_join_one_contact_by_day_or_weekday(fresh_settings, tmp_path):
    folder = _write(tmp_path / "docs", {
        "a.txt": "عملية مشتركة\n2025-10-21\n\nأعلنت وزارة الداخلية السورية، اليوم الثلاثاء، تنفيذ عملية بالتنسيق مع "
                 "المديرية العامة لمكافحة المخدرات في العراق.\n",
        "b.txt": "Joint sting\n\nOn Tuesday, Syria's Interior Ministry announced an operation carried out in coordination "
                 "with Iraq's anti-narcotics directorate.\n",
        "c.txt": "Another raid\n2025-12-22\n\nSyria's Interior Ministry said on Monday that a raid was carried out in "
                 "coordination with Iraq's General Directorate of Narcotics Affairs.\n"})
    _lib, events = _timeline(fresh_settings, folder)
    ops = [e for e in events if e.kind == "meeting"]
    assert sorted((e.date, tuple(sorted(e.sources))) for e in ops) == [
        ("2025-10-21", ("a.txt", "b.txt")), ("2025-12-22", ("c.txt",))]


def test_a_body_added_by_data_alone_changes_the_timeline(fresh_settings, tmp_path):
    home = fresh_settings.home_path
    folder = _write(tmp_path / "docs", {
        "rail.txt": "سكك\n2025/06/02\n\nبحثت المؤسسة العامة للسكك الحديدية السورية اليوم الاثنين بالتنسيق مع الشركة "
                    "العامة لسكك حديد العراق ربط الشبكتين.\n"})
    lib, before = _timeline(fresh_settings, folder)
    assert not [e for e in before if "rail.txt" in e.sources]
    (home / "officials.json").write_text(json.dumps({"bodies": {
        "heads": [{"ar": ["المؤسسة العامة", "الشركة العامة"], "en": ["railways"], "name_en": "company"}],
        "functions": [{"id": "rail", "ar": ["السكك الحديدية", "سكك حديد", "للسكك الحديدية"], "en": ["railway"],
                       "name_en": "rail"}]}}), encoding="utf-8")
    from rag import contact_timeline, ingest
    ingest(lib, [folder], progress=False)
    (ev,) = [e for e in contact_timeline(lib) if "rail.txt" in e.sources]
    assert {p["id"] for p in ev.participants} == {"x-syria-body-rail", "x-iraq-body-rail"}


def test_the_evaluator_matches_a_body_by_its_side():
    assert _keys(["Iraq's General Directorate of Narcotics Affairs"]) == _keys(["Iraq's anti-narcotics directorate"]) \
        == {"body:Iraq"}
    assert _keys(["Syria's Anti-Narcotics Department"]) == {"body:Syria"}
    assert _keys(["joint Iraqi–Syrian technical teams"]) == {"body:joint"}
    # the extractor's joint body, each side's part of it, is the joint body too
    assert "body:joint" in _keys(["Iraq's side of the joint committee", "Syria's side of the joint committee"])
    assert _keys(["an Iraqi delegation"]) != _keys(["a Syrian delegation"])
    assert _keys(["Asaad al-Shaibani"]) == _keys(["أسعد الشيباني"])  # (people as before)
    assert load_officials().bodies("the iraqi prime minister", "the Iraqi prime minister") == []


def test_acting_together_needs_a_party_of_each_side():
    # a side named only as a side ("in coordination with Damascus") is no party: the minister's words, no meeting
    assert _contacts("أعلن وزير الداخلية العراقي عبد الأمير الشمري اليوم تفكيك شبكة للمخدرات داخل سوريا بالتنسيق مع "
                     "دمشق.\n", date="2025-07-30") == []
    assert _contacts("Iraqi forces worked in coordination with Syria to seal the border on Monday.\n",
                     date="2025-07-30") == []


def test_a_body_a_report_comes_from_is_no_party():
    for text in ("A source at Iraq's Ministry of Oil said on Saturday that no deal had been signed with Syria's new "
                 "administration in Damascus.",
                 "وقال مصدر في وزارة النفط العراقية اليوم السبت إن أي اتفاق مع الإدارة السورية الجديدة لم يوقع."):
        assert _contacts(text + "\n", date="2025-01-04") == [], text


def test_a_body_named_without_its_side_is_of_the_city_the_page_is_filed_from():
    text = ("القبض على تاجرين\n\nبغداد – وكالة أنباء محلية\n\nأعلنت وزارة الداخلية اليوم الأحد تنفيذ عملية أمنية "
            "بالتعاون مع إدارة مكافحة المخدرات السورية.\n")
    ms = _contacts(text, date="2025-11-30")
    assert len(ms) == 1 and _ids(ms[0]) == {"x-iraq-body-interior", "x-syria-body-interior"}
    # with no city filed from, the body has no side, and the contact no party of Iraq
    assert _contacts(text.replace("بغداد – وكالة أنباء محلية", "وكالة أنباء محلية"), date="2025-11-30") == []


def test_an_undated_lists_entries_stay_apart_in_the_timeline(fresh_settings, tmp_path):
    folder = _write(tmp_path / "docs", {
        "review.txt": "عام من الزيارات\n\nوفي ما يلي أبرز المحطات:\n\n"
                      "- 26 كانون الأول 2024: رئيس جهاز المخابرات حميد الشطري يلتقي أحمد الشرع في دمشق.\n"
                      "- 14 آذار: وزير الخارجية السوري أسعد الشيباني في بغداد.\n"
                      "- 28 آب: الشطري في دمشق مجدداً.\n"})
    _lib, events = _timeline(fresh_settings, folder)
    shatri = [e for e in events if "hamid-al-shatri" in {p["id"] for p in e.participants}]
    # (the undated page's "28 آب" is not its "26 كانون الأول 2024" entry of the same man)
    assert len(shatri) == 2 and "2024-12-26" in {e.date for e in shatri}


def test_a_dated_lists_entries_without_a_year_take_the_year_of_the_entries_before():
    ms = _contacts("عام من الاتصالات\n\n- 26 كانون الأول 2024: رئيس جهاز المخابرات حميد الشطري يلتقي أحمد الشرع في دمشق.\n"
                   "- 14 آذار: وزير الخارجية السوري أسعد الشيباني في بغداد.\n- 28 آب: الشطري في دمشق مجدداً.\n", date="")
    assert sorted(m.date for m in ms) == ["2024-12-26", "2025-03-14", "2025-08-28"]  # (after December: the next year)
    # a page whose list gives no year leaves the day unresolved
    ms = _contacts("محطات\n\n- 14 آذار: وزير الخارجية السوري أسعد الشيباني في بغداد.\n- 28 آب: رئيس جهاز المخابرات "
                   "حميد الشطري في دمشق.\n", date="")
    assert [m.date for m in ms] == [None, None]


def test_a_leader_stays_away_and_a_minister_represents_his_country_in_both_languages():
    ar = _contacts("محطات\n\n- 17 أيار 2025: الشرع يغيب عن قمة بغداد، والشيباني يمثل بلاده.\n- 14 حزيران 2025: "
                   "إعادة فتح منفذ القائم.\n", date="2025-12-30")
    en = _contacts("Summit\n\nSyrian President Ahmed al-Sharaa did not attend the Arab summit in Baghdad on May 17, 2025, "
                   "and Foreign Minister Asaad al-Shaibani represented his country.\n", date="2025-05-18")
    for ms in (ar, en):
        got = sorted((m.status, m.date, tuple(sorted(_ids(m)))) for m in ms)
        assert got == [("cancelled", "2025-05-17", ("ahmed-al-sharaa",)),
                       ("happened", "2025-05-17", ("asaad-al-shaibani",))], got


def test_a_body_of_one_side_with_the_other_only_a_country_is_no_contact():
    for text in ("In the days that followed, hundreds of soldiers of the former Syrian army crossed there and handed "
                 "themselves over to Iraqi forces.",
                 "Masoud Barzani spoke by phone on Wednesday with Mazloum Abdi, commander-in-chief of the Syrian "
                 "Democratic Forces."):
        assert _contacts(text + "\n", date="2025-03-12") == [], text
    # the SDF is no body of the Syrian state
    ms = _contacts("Iraqi Foreign Minister Fuad Hussein met commanders of the Syrian Democratic Forces in Erbil on "
                   "Wednesday.\n", date="2025-03-12")
    assert all("x-syria-body-forces" not in _ids(m) for m in ms)


def test_both_sides_authorities_in_one_phrase_are_a_body_of_each_side_in_both_languages():
    for text in ("Syrian and Iraqi authorities seized a million pills in a coordinated intelligence operation on "
                 "Tuesday, the ministry said.",
                 "أعلنت السلطات العراقية والسورية اليوم الثلاثاء ضبط 57 كيلوغراماً من المخدرات في عملية مشتركة."):
        ms = _contacts("x\n\n" + text + "\n", date="2025-10-21")
        assert [(m.kind, m.date) for m in ms] == [("meeting", "2025-10-21")], text
        assert _ids(ms[0]) == {"x-iraq-body-authorities", "x-syria-body-authorities"}


def test_an_undated_reports_weekday_keeps_it_from_its_articles_contact_of_another_day(fresh_settings, tmp_path):
    folder = _write(tmp_path / "docs", {
        "mar.txt": "Shaibani in Baghdad\nMarch 14, 2025\n\nSyrian Foreign Minister Asaad al-Shaibani arrived in Baghdad "
                   "on Friday and met Prime Minister Mohammed Shia al-Sudani.\n",
        "aug.txt": "Bashir in Baghdad\nAugust 11, 2025\n\nSyria's Energy Minister Mohammad al-Bashir arrived in Baghdad on "
                   "Monday and met Iraqi Oil Minister Hayan Abdul Ghani.\n",
        "undated.txt": "Two days of talks\n\nSyria's Energy Minister Mohammad al-Bashir flew in to Baghdad on Monday and "
                       "sat down with Oil Minister Hayan Abdul Ghani.\n\nBefore him, the only Syrian minister received in "
                       "Baghdad this year was Foreign Minister Asaad al-Shaibani, who met Prime Minister Mohammed Shia "
                       "al-Sudani in March.\n"})
    _lib, events = _timeline(fresh_settings, folder)
    (aug,) = [e for e in events if e.date == "2025-08-11"]
    # (the Monday report joins the Monday contact, not the article's March one)
    assert sorted(aug.sources) == ["aug.txt", "undated.txt"] and "hayan-abdul-ghani" in {p["id"] for p in aug.participants}


def test_a_crossing_between_the_two_reopened_is_a_meeting_of_their_border_authorities_in_both_languages():
    for text in ("- 14 حزيران 2025: إعادة فتح منفذ القائم – البوكمال.\n- 28 آب 2025: رئيس جهاز المخابرات حميد الشطري في دمشق.",
                 "The al-Qaim border crossing between Iraq and Syria reopened on Saturday, June 14, 2025."):
        ms = _contacts("x\n\n" + text + "\n", date="2025-12-30")
        crossing = [m for m in ms if m.date == "2025-06-14"]
        assert len(crossing) == 1 and crossing[0].kind == "meeting", text
        assert _ids(crossing[0]) == {"x-iraq-body-border", "x-syria-body-border"}
    # not an airport, nor a crossing whose reopening names its people (their own contact)
    assert _contacts("x\n\nDamascus International Airport reopened on Saturday, Iraqi Airways said.\n",
                     date="2025-06-15") == []
    # a reopening still to come is planned
    ms = _contacts("x\n\nIraq and Syria will reopen the al-Qaim–Albu Kamal border crossing, officials said on Thursday.\n",
                   date="2025-06-12")
    assert [(m.kind, m.status) for m in ms] == [("meeting", "planned")]
    # nor one that will not be, nor one shelved
    assert _contacts("x\n\nIraq will not reopen the Rabia border post with Syria any time soon, a lawmaker said on "
                     "Tuesday.\n", date="2025-04-29") == []
    assert [m.status for m in _contacts("Iraq shelves reopening of al-Qaim crossing with Syria\n\nx.\n",
                                        date="2025-02-03")] == ["postponed"]
    # a reopening that is what a visit will discuss is a topic, no act of its own
    assert _contacts("x\n\nوقال المتحدث إن الزيارة ستبحث إعادة فتح منفذ القائم - البوكمال الحدودي أمام حركة البضائع.\n",
                     date="2025-06-01") == []
