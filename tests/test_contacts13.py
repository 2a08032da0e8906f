"""Contacts, thirteenth pass: a contact placed at a known gathering (officials.json `gatherings`) takes its day and
city (a one-day gathering its day), extended by data alone; who a traveller stood in for is no participant; "جلس … إلى" as a meeting; one
article's meetings of a trip joining the trip another outlet's report opened. Texts written here (real people,
invented wording)."""

import json

from tests.test_contacts_real import _contacts, _names, _timeline, _write


def _one(ms, status):
    got = [m for m in ms if m.status == status]
    assert len(got) == 1, [(m.kind, m.status, m.date) for m in ms]
    return got[0]


def test_a_contact_at_a_known_gathering_takes_its_day_and_city_in_both_languages():
    # undated pages: the sentence names the summit and gives no day
    m = _one(_contacts("ترأس وزير الخارجية السوري أسعد الشيباني وفد بلاده إلى القمة العربية التي احتضنها العراق.\n"),
             "happened")
    assert (m.date, m.place["name_en"]) == ("2025-05-17", "Baghdad") and "Arab League summit" in m.date_basis
    m = _one(_contacts("Syrian President Ahmed al-Sharaa skipped the Arab League summit hosted by Iraq, officials "
                       "said.\n"), "cancelled")
    assert (m.date, m.place["name_en"]) == ("2025-05-17", "Baghdad")
    # the sentence before names it, and the contact's own sentence names no place it went to
    ms = _contacts("Baghdad hosted the Arab League summit at the weekend. Ahmed al-Sharaa, whom Prime Minister "
                   "Mohammed Shia al-Sudani had invited, did not attend.\n", date="2025-05-19")
    assert _one(ms, "cancelled").date == "2025-05-17"
    # a day of its own wins; a happened contact is not at a gathering after its article's date
    ms = _contacts("Asaad al-Shaibani met Fuad Hussein in Baghdad on Friday and discussed the Arab summit.\n",
                   date="2025-03-16")
    assert [m.date for m in ms if m.kind != "statement"] == ["2025-03-14"]
    ms = _contacts("Asaad al-Shaibani met Fuad Hussein in Baghdad, where the two discussed the Arab League summit.\n",
                   date="2025-03-16")
    assert [m.date for m in ms if m.kind != "statement"] == [None]


def test_a_gathering_added_by_data_alone_dates_a_contact(tmp_path):
    text = "Iraq's Fuad Hussein met Syria's Asaad al-Shaibani on the sidelines of the Valletta Dialogue.\n"
    (m,) = _contacts(text, date="2025-11-30")
    assert m.date is None
    (tmp_path / "officials.json").write_text(json.dumps({
        "places": [{"ar": ["فاليتا"], "en": "Valletta", "country": "Malta", "en_forms": ["valletta"]}],
        "gatherings": [{"id": "valletta-dialogue-2025", "en": "the Valletta Dialogue", "ar": ["حوار فاليتا"],
                        "en_forms": ["valletta dialogue"], "place": "Valletta", "date": "2025-11-20"}]}),
        encoding="utf-8")
    (m,) = _contacts(text, date="2025-11-30", home=tmp_path)
    assert (m.date, m.place["name_en"]) == ("2025-11-20", "Valletta") and "Valletta Dialogue" in m.date_basis
    # a gathering of several days gives its city, not a day it cannot tell
    (home := tmp_path / "two").mkdir()
    (home / "officials.json").write_text((tmp_path / "officials.json").read_text(encoding="utf-8").replace(
        '"date": "2025-11-20"', '"date": "2025-11-20", "date_end": "2025-11-21"'), encoding="utf-8")
    (m,) = _contacts(text, date="2025-11-30", home=home)
    assert (m.date, m.place["name_en"]) == (None, "Valletta")


def test_who_a_traveller_stood_in_for_is_no_participant():
    for text in ("ترأس وزير الخارجية السوري أسعد الشيباني وفد بلاده إلى القمة العربية في بغداد أمس السبت، ممثلاً الرئيس "
                 "أحمد الشرع.\n",
                 "Foreign Minister Asaad al-Shaibani led Syria's delegation to the Arab summit in Baghdad on Saturday, "
                 "standing in for President Ahmed al-Sharaa.\n"):
        m = _one(_contacts(text, date="2025-05-18"), "happened")
        assert "Asaad al-Shaibani" in _names(m) and "Ahmed al-Sharaa" not in _names(m), text
        assert [p["name_en"] for p in m.directed_by] == ["Ahmed al-Sharaa"]


def test_sat_down_with_is_a_meeting():
    for text in ("في مكتبه، جلس رئيس الوزراء محمد شياع السوداني إلى وزير الخارجية السوري أسعد الشيباني.\n",
                 "Prime Minister Mohammed Shia al-Sudani sits down with Syria's Asaad al-Shaibani in Baghdad.\n"):
        ms = _contacts(text, date="2025-03-14")
        assert len(ms) == 1 and {"Mohammed Shia al-Sudani", "Asaad al-Shaibani"} <= _names(ms[0]), text


def test_an_articles_meetings_of_a_trip_join_the_trip_another_report_opened(fresh_settings, tmp_path):
    folder = _write(tmp_path / "docs", {
        "a_wire.txt": "Syrian FM in Baghdad\nMarch 14, 2025\n\nBAGHDAD - Syrian Foreign Minister Asaad al-Shaibani "
                      "held talks with Iraqi Foreign Minister Fuad Hussein in Baghdad on Friday.\n",
        "b_blog.txt": "تغطية مباشرة\nالجمعة 14 آذار 2025\n\nوصل وزير الخارجية السوري أسعد الشيباني إلى بغداد صباح "
                      "اليوم.\n\nوفي وقت لاحق من اليوم التقى رئيس مجلس النواب محمود المشهداني الوزير السوري.\n"})
    _, events = _timeline(fresh_settings, folder)
    trips = [e for e in events if e.kind != "statement"]
    assert len(trips) == 1, [(e.kind, e.date, e.sources, e.names("en")) for e in events]
    assert {"Asaad al-Shaibani", "Fuad Hussein", "Mahmoud al-Mashhadani"} <= set(trips[0].names("en"))



def test_a_chronology_line_of_who_stood_in_for_whom():
    ms = _contacts("أبرز محطات العام\n\n17 أيار 2025: الشيباني يرأس وفد سوريا إلى قمة بغداد العربية بدل الشرع.\n",
                   date="2025-12-28")
    m = _one(ms, "happened")
    assert "Asaad al-Shaibani" in _names(m) and "Ahmed al-Sharaa" not in _names(m)
    assert (m.date, m.place["name_en"]) == ("2025-05-17", "Baghdad")


def test_a_bare_title_of_a_side_is_the_official_the_article_named():
    for text in ("وصل وزير الخارجية السوري أسعد الشيباني إلى بغداد صباح اليوم.\nواستقبل رئيس الجمهورية عبد اللطيف رشيد "
                 "الضيف السوري في قصر بغداد.\n",
                 "Syrian Foreign Minister Asaad al-Shaibani arrived in Baghdad on Friday.\nPresident Abdul Latif Rashid "
                 "received the Syrian guest at Baghdad Palace.\n"):
        ms = _contacts(text, date="2025-03-14")
        rashid = [m for m in ms if "Abdul Latif Rashid" in _names(m)]
        assert rashid and all("Asaad al-Shaibani" in _names(m) for m in rashid), [(m.kind, _names(m)) for m in ms]


def test_joint_teams_named_without_the_sides_and_agreed_to_be_formed():
    # (a short joint body: the sentence names Syria and no third country; "agreed to form": a plan)
    for text in ("واتفق الوزيران على تشكيل فرق فنية مشتركة تزور محطات القياس في جرابلس شمالي سوريا.\n",
                 "The two ministers agreed to form joint technical teams that visit the measuring stations at "
                 "Jarabulus in northern Syria.\n"):
        ms = _contacts(text, date="2025-08-12")
        assert [(m.kind, m.status) for m in ms] == [("visit", "planned")], (text, [(m.kind, m.status) for m in ms])
        assert {p["country"] for p in ms[0].participants} == {"Iraq", "Syria"}
    # a joint committee of Syria and Turkey is not theirs
    ms = _contacts("Syria and Turkey agreed to form a joint technical committee that will visit the dams.\n",
                   date="2025-08-12")
    assert not ms, [(m.kind, [p["name_en"] for p in m.participants]) for m in ms]


def test_a_contact_placed_in_another_city_is_not_at_the_gathering_its_sentence_names():
    ms = _contacts("وتأتي الزيارة بعد أيام من لقاء جمع الشرع والسوداني في الدوحة برعاية أمير قطر، وقبل أقل من شهر على "
                   "القمة العربية التي تستضيفها بغداد.\n")
    doha = [m for m in ms if m.place and m.place["name_en"] == "Doha"]
    assert doha and all(m.date != "2025-05-17" for m in doha), [(m.kind, m.date, m.place) for m in ms]
