"""Contacts, eleventh pass: the diplomatic channel (credentials presented), a body of both sides holding a session,
a side named as a whole as the other party, a counterfactual "لو" after a conjunction, a contact said to be
"welcome", a name read past a word carrying the dual pronoun. Texts written here (real people and bodies, invented
wording)."""

from tests.test_contacts_real import _contacts, _names


def test_credentials_presented_to_a_head_of_state_are_a_meeting_in_both_languages():
    en = _contacts("The new Iraqi ambassador to Syria presented his credentials to President Ahmed al-Sharaa in "
                   "Damascus on Sunday.\n", date="2025-06-01")
    ar = _contacts("قدم السفير العراقي الجديد لدى سوريا أوراق اعتماده إلى الرئيس أحمد الشرع في دمشق يوم الأحد.\n",
                   date="2025-06-01")
    for ms in (en, ar):
        assert [(m.kind, m.status, m.date) for m in ms] == [("meeting", "happened", "2025-06-01")]
        assert "Ahmed al-Sharaa" in _names(ms[0]) and {p["country"] for p in ms[0].participants} == {"Iraq", "Syria"}
        assert ms[0].place and ms[0].place["name_en"] == "Damascus"
    # the country an envoy is accredited to ("لدى سوريا") is no venue
    ms = _contacts("قدم السفير العراقي الجديد لدى سوريا أوراق اعتماده إلى الرئيس أحمد الشرع يوم الأحد.\n",
                   date="2025-06-01")
    assert len(ms) == 1 and ms[0].place is None


def test_a_session_of_a_body_of_both_sides_is_a_meeting_of_the_two_sides():
    ms = _contacts("عقدت اللجنة العراقية السورية المشتركة اجتماعها الأول في دمشق أمس الأحد.\n", date="2025-06-02")
    assert len(ms) == 1 and ms[0].status == "happened" and ms[0].date == "2025-06-01"
    assert {p["country"] for p in ms[0].participants} == {"Iraq", "Syria"}
    ms = _contacts("On Feb. 20, 2024, the Iraqi–Syrian joint committee opened its 12th session in Baghdad, chaired by "
                   "trade minister Atheer al-Ghurairi.\n", date="2025-06-01")
    assert len(ms) == 1 and ms[0].date == "2024-02-20" and ms[0].place["name_en"] == "Baghdad"
    assert {p["country"] for p in ms[0].participants} == {"Iraq", "Syria"}
    # a body of one side, or of a side and a third country, holding a session is no contact of the two
    assert _contacts("The Iraqi parliamentary security committee opened its session in Baghdad on Sunday.\n",
                     date="2025-06-01") == []
    assert _contacts("The Iraqi–Turkish joint committee opened its session in Ankara on Sunday.\n",
                     date="2025-06-01") == []


def test_a_side_named_as_a_whole_is_the_other_party():
    for text in ("Iraqi Airways said the Iraqi transport ministry was in discussions with the Syrian side about "
                 "flights.\n", "وقال إن وزارة النقل العراقية تتباحث حالياً مع الجانب السوري بشأن استئناف الرحلات.\n"):
        ms = _contacts(text, date="2025-01-08")
        assert len(ms) == 1 and ms[0].kind == "meeting", text
        assert {p["country"] for p in ms[0].participants} == {"Iraq", "Syria"}, text


def test_a_counterfactual_after_a_conjunction_and_a_welcome_contact_are_hypothetical():
    ms = _contacts("ولو جلس وزير الكهرباء العراقي إلى وزير الطاقة السوري محمد البشير لبحث الربط الكهربائي لكان ذلك "
                   "أول اختبار.\n", date="2025-11-16")
    assert ms and all(m.status == "hypothetical" for m in ms)
    ms = _contacts("An Iraqi health ministry official said only that a meeting with the Syrian minister \"would be "
                   "welcome\" whenever the two sides find time.\n", date="2025-05-21")
    assert [m.status for m in ms] == ["hypothetical"]


def test_a_word_carrying_the_dual_pronoun_ends_a_name_read_after_a_title():
    ms = _contacts("لو انعقدت الدورة الثالثة عشرة للجنة العراقية السورية المشتركة غداً، لوجد وزير التجارة العراقي "
                   "ونظيره السوري أمامهما جدول أعمال طويلاً.\n", date="2025-11-16")
    assert ms and all(m.status == "hypothetical" for m in ms)
    assert not any("امامهما" in p["name"] or "أمامهما" in p["name"] for m in ms for p in m.participants)


def test_a_delegation_of_a_side_named_after_the_word_delegation():
    for text in ("A delegation of Iraqi lawmakers arrived in Damascus on Thursday.\n",
                 "A high-level delegation from Syria arrived in Baghdad on Thursday.\n"):
        ms = _contacts(text, date="2025-06-03")
        assert [(m.kind, m.date) for m in ms] == [("visit", "2025-05-29")], text
        assert any(p["rank"] == "delegation" for p in ms[0].participants), text


def test_a_side_named_before_the_contact_word_is_a_source_not_a_party():
    ms = _contacts("The Syrian side said Iraq's transport minister arrived in Damascus on Thursday.\n", date="2025-06-03")
    assert len(ms) == 1 and all(p["country"] == "Iraq" for p in ms[0].participants)
    # after it, the side is the party met
    ms = _contacts("Iraq's transport minister held talks with the Syrian side in Damascus on Thursday.\n",
                   date="2025-06-03")
    assert len(ms) == 1 and {p["country"] for p in ms[0].participants} == {"Iraq", "Syria"}
    # and a denial of any request from the side is no contact with it
    ms = _contacts("غير أن مصدراً في وزارة الداخلية العراقية قال إن الوزارة لم تتسلم أي طلب رسمي بهذا الشأن، مشيراً إلى "
                   "أن التعاون مع الجانب السوري يجري حالياً عبر مديريات مكافحة المخدرات.\n", date="2025-06-03")
    assert not [m for m in ms if m.kind != "statement"]


def test_a_summons_of_an_envoy_is_a_meeting_in_both_languages():
    for text in ("Iraq's Foreign Ministry summoned the Syrian chargé d'affaires on Tuesday over remarks about Iraqi "
                 "pilgrims.\n", "استدعت وزارة الخارجية العراقية القائم بالأعمال السوري يوم الثلاثاء احتجاجاً على "
                 "تصريحات بشأن الزوار العراقيين.\n"):
        ms = _contacts(text, date="2025-06-03")
        assert [(m.kind, m.date) for m in ms] == [("meeting", "2025-06-03")], text
        assert {p["country"] for p in ms[0].participants} == {"Iraq", "Syria"}, text


def test_whose_invitation_is_delivered_is_no_party_and_the_bearer_is():
    ms = _contacts("Iraq's culture minister delivered President Abdul Latif Rashid's invitation to the Baghdad summit to "
                   "Ahmed al-Sharaa in Damascus on Sunday.\n", date="2025-06-03")
    # (the invited's attendance in Baghdad is planned, a contact of its own: tests/test_contacts15.py)
    assert sorted(m.status for m in ms) == ["happened", "planned"]
    ms = [m for m in ms if m.status == "happened"]
    assert len(ms) == 1 and ms[0].date == "2025-06-01"
    names = _names(ms[0])
    assert "Abdul Latif Rashid" not in names and "Ahmed al-Sharaa" in names
    assert any(p["country"] == "Iraq" and "culture minister" in p["name_en"] for p in ms[0].participants), names
    # the Arabic sender of an invitation directed it
    ms = _contacts("سلّم وزير الثقافة العراقي الرئيس السوري أحمد الشرع في دمشق يوم الأحد دعوة رسمية من الرئيس العراقي "
                   "عبد اللطيف رشيد.\n", date="2025-06-03")
    assert len(ms) == 1 and "Abdul Latif Rashid" not in _names(ms[0])
    assert [d["name_en"] for d in ms[0].directed_by] == ["Abdul Latif Rashid"]
    # a new official named with his title, whose invitation is handed over, is no party either
    ms = _contacts("Iraqi Youth Minister Ahmed al-Mubarqaa's invitation was handed to Syria's sports minister by Iraq's "
                   "chargé d'affaires in Damascus on Sunday.\n", date="2025-06-03")
    assert len(ms) == 1 and "Ahmed al-Mubarqaa" not in _names(ms[0])


def test_a_crossing_reopened_in_a_month_and_on_a_day_of_it_is_one_contact(fresh_settings, tmp_path):
    from tests.test_contacts_real import _timeline, _write
    folder = _write(tmp_path / "a", {
        "a.txt": "Trade with Syria\n\nDecember 15, 2025\n\nThe al-Qaim crossing with Syria reopened in June "
                 "after years of closure, traders said.\n",
        "b.txt": "A year in dates\n\nDecember 30, 2025\n\nJune 14: the al-Bukamal crossing between Syria and Iraq "
                 "reopens.\n"})
    _, ev = _timeline(fresh_settings, folder)
    got = [e for e in ev if e.status == "happened" and e.kind != "statement"]
    assert len(got) == 1, [(e.date, e.place) for e in got]
    assert got[0].date == "2025-06-14"


def test_a_summit_skipped_is_a_cancelled_visit_and_whom_a_minister_represented_directed_it():
    for text in ("Syrian President Ahmed al-Sharaa skipped the Arab League summit in Baghdad on May 17.\n",
                 "x\n\nغاب عن القمة العربية في بغداد يوم 17 أيار الرئيس السوري أحمد الشرع.\n"):
        ms = _contacts(text, date="2025-05-28")
        assert [(m.kind, m.status) for m in ms] == [("visit", "cancelled")], text
        assert ms[0].place["name_en"] == "Baghdad" and "Ahmed al-Sharaa" in _names(ms[0]), text
    ms = _contacts("Syrian Foreign Minister Asaad al-Shaibani represented al-Sharaa at the Baghdad summit on May 17.\n",
                   date="2025-05-28")
    assert [(m.kind, m.status, m.date) for m in ms] == [("visit", "happened", "2025-05-17")]
    assert _names(ms[0]) == {"Asaad al-Shaibani"} and [d["name_en"] for d in ms[0].directed_by] == ["Ahmed al-Sharaa"]
    # the passive: the one named after "by" took part
    ms = _contacts("Syria was represented at the Baghdad summit by Foreign Minister Asaad al-Shaibani on May 17.\n",
                   date="2025-05-28")
    assert len(ms) == 1 and _names(ms[0]) == {"Asaad al-Shaibani"} and not ms[0].directed_by


def test_the_head_of_a_sides_delegation_named_without_a_title_of_his_side_is_of_that_side():
    for text in ("وصل وفد برلماني عراقي برئاسة النائب مصطفى سند إلى دمشق يوم الاثنين والتقى وزير الخارجية السوري "
                 "أسعد الشيباني.\n",
                 "An Iraqi parliamentary delegation led by lawmaker Mustafa Sanad arrived in Damascus on Monday and met "
                 "Syrian Foreign Minister Asaad al-Shaibani.\n",
                 # (the cue with a proclitic: the name starts after the whole written word)
                 "وصل وفد برلماني عراقي وبرئاسة النائب مصطفى سند إلى دمشق يوم الاثنين والتقى وزير الخارجية السوري "
                 "أسعد الشيباني.\n"):
        ms = _contacts(text, date="2025-06-03")
        assert len(ms) == 1, text
        got = {p["name_en"]: p["country"] for p in ms[0].participants}
        assert any("سند" in n or "Sanad" in n for n in got) and \
            [c for n, c in got.items() if "سند" in n or "Sanad" in n] == ["Iraq"], got


def test_a_contact_noun_with_the_dual_pronoun_is_a_contact_word():
    ms = _contacts("نقل المبعوث العراقي رسالة شفهية من السوداني إلى الشرع خلال لقائهما في دمشق يوم الاثنين.\n",
                   date="2025-06-03")
    assert len(ms) == 1 and ms[0].date == "2025-06-02" and "Ahmed al-Sharaa" in _names(ms[0])
    assert [d["name_en"] for d in ms[0].directed_by] == ["Mohammed Shia al-Sudani"]


def test_a_consul_and_a_governor_named_by_his_province_are_officials_of_their_sides():
    ms = _contacts("التقى القنصل العراقي في حلب مع محافظ حلب يوم الاثنين.\n", date="2025-06-03")
    assert [(m.kind, m.date) for m in ms] == [("meeting", "2025-06-02")]
    assert sorted(p["country"] for p in ms[0].participants) == ["Iraq", "Syria"]
    ms = _contacts("Iraq's consul general in Erbil met the Syrian chargé d'affaires on Monday.\n", date="2025-06-03")
    assert [(m.kind, m.date) for m in ms] == [("meeting", "2025-06-02")]
    assert sorted(p["country"] for p in ms[0].participants) == ["Iraq", "Syria"]
