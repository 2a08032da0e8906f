"""Contacts, twentieth pass: a crossing reopened as a side's body says, a side's authorities in a joint act, bodies
placed in a city of their side, datelines naming two cities, a put-off day in a look-back, a joined clause of its own
day with a third country's host. Texts written here (real people, invented wording)."""

from tests.test_contacts18 import _events
from tests.test_contacts_real import _contacts, _names

HEAD = "Notes\n\nNovember 25, 2025 | Test\n\n"


def test_a_crossing_reopened_as_a_sides_body_says_is_the_two_border_authorities_meeting():
    text = ("Notes\n\nJune 16, 2025 | Anbar\n\nIraq's Border Ports Authority said the al-Qaim crossing with Syria "
            "reopened on Saturday, with the first Syrian lorry cleared through inspection.\n")
    (m,) = _contacts(text, "a.txt", "2025-06-16")
    assert m.kind == "meeting" and m.date == "2025-06-14", (m.kind, m.date)
    assert {p["country"] for p in m.participants} == {"Iraq", "Syria"}, m.participants
    # announced to reopen on a day: a plan of the two border authorities' meeting (no visit)
    (m,) = _contacts("Notes\n\nJune 12, 2025 | Test\n\nSyria's border authority announced on Thursday that the main "
                     "crossing with Iraq, at al-Bukamal, will reopen on Saturday.\n", "a.txt", "2025-06-12")
    assert (m.kind, m.status, m.date) == ("meeting", "planned", "2025-06-14"), (m.kind, m.status, m.date)
    # a side's official who VISITS the crossing is no announcement of its reopening by a body
    got = _contacts("Notes\n\nJune 16, 2025 | Anbar\n\nIraq's interior minister Abdul Amir al-Shammari toured the "
                    "al-Qaim crossing with Syria on Saturday before it reopened.\n", "a.txt", "2025-06-16")
    assert not any(m.kind == "meeting" and {p["country"] for p in m.participants} == {"Iraq", "Syria"}
                   for m in got), [(m.kind, _names(m)) for m in got]


def test_a_sides_authorities_and_the_authorities_in_a_city_of_the_other_act_together():
    for other in ("the Syrian authorities", "the authorities in Damascus"):
        text = (HEAD + f"Iraqi authorities said on Wednesday they had seized 370 kilograms of narcotics in an operation "
                f"carried out inside Syria in direct coordination with {other}.\n")
        (m,) = _contacts(text, "a.txt", "2025-11-25")
        assert m.date == "2025-11-19" and {p["country"] for p in m.participants} == {"Iraq", "Syria"}, \
            (other, m.date, m.participants)
        # bodies acting together inside one side's country: a meeting of the bodies, no one travelled
        assert m.kind == "meeting", (other, m.kind)
    # a city of a third country is no side
    got = _contacts(HEAD + "Iraqi authorities said on Wednesday they had seized drugs in coordination with the "
                           "authorities in Amman.\n", "a.txt", "2025-11-25")
    assert not any("Syria" in {p["country"] for p in m.participants} for m in got)


def test_a_dateline_naming_two_cities_dates_the_page():
    for line in ("ERBIL / BAGHDAD, Oct. 23, 2025 —", "ERBIL/BAGHDAD, October 23, 2025 —"):
        text = (f"Drugs seized\n\n{line} Foreign Minister Fuad Hussein phoned Asaad al-Shaibani on Wednesday.\n")
        (m,) = _contacts(text, "a.txt")
        assert m.date == "2025-10-22", (line, m.date, m.date_basis)
    # the dateline's cities are where the report was filed, not where an act inside Syria took place
    text = ("Drugs seized\n\nERBIL / BAGHDAD, Oct. 23, 2025 — Iraqi authorities said on Wednesday they had seized "
            "drugs in an operation carried out inside Syria in coordination with the Syrian authorities.\n")
    (m,) = _contacts(text, "a.txt")
    assert m.date == "2025-10-22" and m.place["name_en"] == "Syria", (m.date, m.place)


def test_a_day_a_contact_was_put_off_from_told_months_later_is_the_one_gone_by():
    text = (HEAD + "Syrian Foreign Minister Asaad al-Shaibani was named in the review. A Shaibani trip to Baghdad set "
                   "for February 22 was postponed amid an online campaign against it.\n")
    (m,) = _contacts(text, "a.txt", "2025-11-25")
    assert m.status == "postponed" and m.date == "2025-02-22", (m.status, m.date)
    # put off weeks ahead: still the one to come
    text = ("Notes\n\nJanuary 20, 2025 | Test\n\nA trip to Baghdad by Syrian Foreign Minister Asaad al-Shaibani set "
            "for February 22 was postponed, officials said.\n")
    (m,) = _contacts(text, "a.txt", "2025-01-20")
    assert m.status == "postponed" and m.date == "2025-02-22", (m.status, m.date)


def test_a_joined_clause_of_its_own_day_with_a_third_countrys_host_is_another_contact():
    text = (HEAD + "Prime Minister Mohammed Shia al-Sudani and Ahmed al-Sharaa spoke by phone on March 31, and met "
                   "face to face in Doha on April 15, with the Qatari emir, Sheikh Tamim bin Hamad Al Thani, in the "
                   "room.\n")
    got = _contacts(text, "a.txt", "2025-11-25")
    days = {(m.kind, m.date) for m in got}
    assert ("call", "2025-03-31") in days and ("meeting", "2025-04-15") in days, days
    meet = next(m for m in got if m.date == "2025-04-15")
    assert {"Mohammed Shia al-Sudani", "Ahmed al-Sharaa"} <= _names(meet) and meet.place["name_en"] == "Doha"
    # a clause naming one of the two sides' people is not the subject going on
    got = _contacts(HEAD + "Prime Minister Mohammed Shia al-Sudani and Ahmed al-Sharaa spoke by phone on March 31, "
                           "and met Fuad Hussein in Doha on April 15.\n", "a.txt", "2025-11-25")
    assert not any(m.date == "2025-04-15" and "Mohammed Shia al-Sudani" in _names(m) and
                   "Fuad Hussein" not in _names(m) for m in got), [(m.date, _names(m)) for m in got]


def test_officials_of_a_list_of_countries_set_off_by_commas_meet_in_one_clause():
    text = ("Notes\n\nMarch 9, 2025 | Test\n\nForeign and defence ministers from Iraq, Syria, Jordan, Lebanon and "
            "Turkey met in the Jordanian capital on Sunday.\n")
    (m,) = _contacts(text, "a.txt", "2025-03-09")
    assert m.kind == "meeting" and m.date == "2025-03-09" and m.place["name_en"] == "Amman", (m.kind, m.date, m.place)
    assert {p["country"] for p in m.participants} == {"Iraq", "Syria"}, m.participants
    # a list without both sides is a third countries' meeting
    got = _contacts("Notes\n\nMarch 9, 2025 | Test\n\nForeign ministers from Jordan, Lebanon, Egypt and Turkey met in "
                    "Amman on Sunday.\n", "a.txt", "2025-03-09")
    assert not got, [(m.kind, _names(m)) for m in got]


def test_a_meeting_held_that_agreed_to_set_up_something_is_held():
    text = ("Notes\n\nMarch 9, 2025 | Test\n\nDefence chiefs from Iraq, Syria, Jordan, Lebanon and Turkey met in the "
            "Jordanian capital on Sunday and agreed to set up a joint operations room against the Islamic State "
            "group.\n")
    got = _contacts(text, "a.txt", "2025-03-09")
    held = [m for m in got if m.date == "2025-03-09"]
    assert held and held[0].status == "happened", [(m.status, m.date) for m in got]
    # the body agreed on: its first meeting is still a plan of its own
    got = _contacts("Notes\n\nMarch 15, 2025 | Test\n\nFuad Hussein met Asaad al-Shaibani in Baghdad on Friday and "
                    "agreed to set up a joint security committee.\n", "a.txt", "2025-03-15")
    assert sorted((m.status, m.date) for m in got) == [("happened", "2025-03-14"), ("planned", None)], \
        [(m.status, m.date) for m in got]


def test_a_sides_unit_working_with_the_others_counterparts_is_a_joint_act():
    text = ("Notes\n\nDecember 22, 2025 | Test\n\nIn July, an Iraqi unit working with Syrian counterparts raided a site "
            "in Damascus and seized more than a million Captagon pills.\n")
    (m,) = _contacts(text, "a.txt", "2025-12-22")
    assert m.kind == "meeting" and m.date == "2025-07", (m.kind, m.date)
    assert {p["country"] for p in m.participants} == {"Iraq", "Syria"}, m.participants
    # one counterpart is a person: the minister named after it
    (m,) = _contacts("Notes\n\nDecember 22, 2025 | Test\n\nFuad Hussein met his Syrian counterpart Asaad al-Shaibani "
                     "in Baghdad on Friday.\n", "a.txt", "2025-12-22")
    assert _names(m) == {"Fuad Hussein", "Asaad al-Shaibani"}, _names(m)


def test_reports_of_a_joint_act_naming_bodies_differently_one_of_its_month_are_one_contact():
    month = ("Notes\n\nDecember 22, 2025 | Test\n\nIn July, an Iraqi unit working with Syrian counterparts raided a "
             "site in Damascus and seized more than a million Captagon pills.\n", "a.txt", "2025-12-22")
    day = ("Notes\n\nJuly 30, 2025 | Test\n\nIraq's interior ministry said on Wednesday that its narcotics directorate "
           "had seized drugs in Damascus in an operation carried out in close cooperation with Syria's Directorate of "
           "Narcotics Control.\n", "b.txt", "2025-07-30")
    events = _events(month, day)
    assert len(events) == 1 and events[0].date == "2025-07-30", [(e.date, e.sources) for e in events]
    # another month: two acts
    other = ("Notes\n\nDecember 22, 2025 | Test\n\nIn October, an Iraqi unit working with Syrian counterparts raided "
             "a site in Damascus.\n", "c.txt", "2025-12-22")
    assert len(_events(other, day)) == 2


def test_the_review_counter_examples_of_the_new_rules():
    def got(text, date="2025-11-25"):
        return [(m.kind, m.status, m.date, m.place and m.place["name_en"])
                for m in _contacts(f"Notes\n\n{date} | Test\n\n{text}\n", "a.txt", date)]
    # a side's forces with a third country's in a city of Syria: no Iraq–Syria act
    assert got("Iraqi forces said on Monday they had carried out a joint operation with US forces in Hasakah against "
               "Islamic State cells.") == []
    assert got("Iraqi forces said on Monday they had carried out a joint operation with the forces in Hasakah.") == []
    # a reopening hoped for or studied, or spoken of by a minister, is no reopening
    assert got("Iraq's Border Ports Authority said on Monday it was studying the reopening of the al-Qaim crossing "
               "with Syria.") == []
    assert got("Iraq's foreign ministry said on Monday it hoped the al-Qaim crossing with Syria would be reopened "
               "soon.") == []
    assert got("Iraq's trade minister said the reopening of the al-Qaim crossing with Syria had boosted exports.") == []
    # housing units are no unit of a side
    assert got("Syrian authorities said on Monday they had received 20 Iraqi housing units donated for earthquake "
               "victims.") == []
    # bodies holding talks in the other side's capital travelled there
    assert got("Syrian interior ministry officials held talks with the Iraqi interior ministry in Baghdad on Monday "
               "on border security.") == [("visit", "happened", "2025-11-24", "Baghdad")]
    # a postponement told as news ("…, officials said on Monday") of a day ten weeks ahead: the one to come
    assert got("Syrian President Ahmed al-Sharaa's visit to Baghdad, scheduled for February 10, has been postponed, "
               "Iraqi officials said on Monday.", "2025-12-01") == [("visit", "postponed", "2026-02-10", "Baghdad")]
    # a dateline's date stays the contact's when the sentence's other date is a month
    (m,) = _contacts("Talks\n\nBAGHDAD, Oct. 23, 2025 — Iraqi Prime Minister Mohammed Shia al-Sudani received Syrian "
                     "Foreign Minister Asaad al-Shaibani to discuss the border agreement signed in March.\n", "a.txt")
    assert m.date == "2025-10-23" and (m.place or {}).get("name_en") == "Baghdad", (m.date, m.place)
