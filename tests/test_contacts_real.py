"""Contacts on reporting as it really comes: English articles, officials the data lacks, several outlets telling
one contact, pages dated the day after, contacts that did not happen, who directed a contact, and the domain
extended by data alone. The texts are written here for the tests (real people, invented wording)."""

import json

from rag.contacts.events import extract
from rag.documents import RawDocument
from rag.domain.people import load_officials
from rag.ingestion.chunking import chunk_document
from rag.ingestion.clean import clean


def _extract(text, source="x.txt", date="", home=None):
    doc = clean(RawDocument(source=source, text=text, date=date))
    return extract(doc, chunk_document(doc, 1200, 1), load_officials(home))


def _mentions(text, source="x.txt", date="", home=None):
    return _extract(text, source, date, home).mentions


def _contacts(text, source="x.txt", date="", home=None):
    """The contacts a text reports (its mentions other than statements)."""
    return [m for m in _mentions(text, source, date, home) if m.kind != "statement"]


def _ids(m):
    """The ids of a contact's participants."""
    return {p["id"] for p in m.participants}


def _names(m):
    """The English names of a contact's participants."""
    return {p["name_en"] for p in m.participants}


def _write(folder, files):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _timeline(settings, folder):
    from rag import contact_timeline, ingest, open_library
    lib = open_library(settings)
    ingest(lib, [folder], progress=False)
    return lib, contact_timeline(lib)


# ---- English, and officials the data lacks ----------------------------------------------------------

def test_an_english_article_yields_its_contact_with_the_same_people_as_arabic():
    ms = _mentions("Syrian FM in Baghdad\nMarch 14, 2025\n\nBAGHDAD (Reuters) - Syrian Foreign Minister Asaad "
                   "al-Shaibani arrived in Baghdad on Friday and met Iraqi Prime Minister Mohammed Shia al-Sudani, "
                   "the Iraqi government said.\n")
    visit = [m for m in ms if m.kind == "visit"]
    assert len(visit) == 1 and visit[0].status == "happened" and visit[0].date == "2025-03-14"
    assert {p["id"] for p in visit[0].participants} >= {"asaad-al-shaibani", "mohammed-shia-al-sudani"}
    assert visit[0].place["name_en"] == "Baghdad"  # the place visited, not the wire dateline


def test_an_official_not_in_the_data_is_a_participant_by_his_title_in_both_languages():
    ar = _mentions("وصل وزير الموارد المائية العراقي عون ذياب إلى دمشق، اليوم الاثنين، والتقى الرئيس السوري أحمد "
                   "الشرع.\n", date="2025-06-02")
    en = _mentions("Iraq's water resources minister Aoun Diab arrived in Damascus on Monday and met Syrian President "
                   "Ahmed al-Sharaa.\n", date="2025-06-02")
    for ms in (ar, en):
        visit = [m for m in ms if m.kind == "visit"]
        assert len(visit) == 1, ms
        iraqi = [p for p in visit[0].participants if p["country"] == "Iraq"]
        assert len(iraqi) == 1 and iraqi[0]["named"] and "ahmed-al-sharaa" in {p["id"] for p in visit[0].participants}
    # the Arabic and the English spelling are one person (the family name's consonants)
    assert [p["id"] for p in ar[0].participants if p["country"] == "Iraq"] == \
           [p["id"] for p in en[0].participants if p["country"] == "Iraq"]


def test_who_directed_a_delegation_is_kept_apart_from_who_travelled():
    ms = _mentions("بتوجيه من رئيس الوزراء محمد شياع السوداني، وصل إلى دمشق اليوم الجمعة وفد عراقي برئاسة رئيس "
                   "جهاز المخابرات حميد الشطري، والتقى الرئيس السوري أحمد الشرع.\n", date="2025-04-25")
    (m,) = [m for m in ms if m.kind in ("visit", "delegation")]
    assert "mohammed-shia-al-sudani" in {p["id"] for p in m.directed_by}
    assert "mohammed-shia-al-sudani" not in {p["id"] for p in m.participants}
    assert "hamid-al-shatri" in {p["id"] for p in m.participants}


# ---- contacts that did not happen --------------------------------------------------------------------

def test_denied_rumoured_hypothetical_postponed_and_cancelled_contacts_are_never_happened():
    cases = {
        "denied": "نفت وزارة الخارجية العراقية أن يكون وزير الخارجية السوري أسعد الشيباني قد زار بغداد سرا.",
        "rumoured": "زعمت صفحات مجهولة على مواقع التواصل أن الرئيس السوري أحمد الشرع اتصل برئيس الوزراء العراقي محمد "
                    "شياع السوداني.",
        "hypothetical": "ويرى مراقبون أنه من المستبعد أن يزور رئيس الوزراء العراقي محمد شياع السوداني دمشق قريبا.",
        "postponed": "The visit of Syrian Foreign Minister Asaad al-Shaibani to Baghdad was postponed, Iraqi officials "
                     "said.",
        "cancelled": "Syrian President Ahmed al-Sharaa's trip to Baghdad was cancelled, the Iraqi government said.",
    }
    for status, text in cases.items():
        ms = _mentions(text + "\n", date="2025-02-20")
        assert ms and {m.status for m in ms if m.kind != "statement"} == {status}, (status, ms)
        assert all(m.status_basis for m in ms if m.kind != "statement")


def test_a_contact_dated_after_today_is_kept_as_future_and_never_counted_as_happened(fresh_settings, tmp_path):
    folder = _write(tmp_path / "docs", {
        "ahead.txt": "زيارة\n12-كانون الثاني-2031\n\nزار وزير الخارجية السوري أسعد الشيباني بغداد أمس السبت.\n",
        "real.txt": "زيارة\n15-آذار-2025\n\nزار وزير الخارجية السوري أسعد الشيباني بغداد أمس الجمعة.\n"})
    _, events = _timeline(fresh_settings, folder)
    by_src = {e.sources[0]: e for e in events}
    assert by_src["ahead.txt"].status == "future" and "after today" in by_src["ahead.txt"].status_basis
    assert by_src["real.txt"].status == "happened" and by_src["real.txt"].date == "2025-03-14"


# ---- dates -----------------------------------------------------------------------------------------

def test_a_page_dated_the_day_after_its_report_still_dates_the_contact():
    # a wire report of Sunday republished on a page dated Monday still says "today, Sunday"
    (m,) = _contacts("سلّم وزير الثقافة العراقي أحمد فكاك البدراني، اليوم الأحد، الرئيس السوري أحمد الشرع "
                     "في دمشق دعوة لحضور القمة.\n", date="2025-04-28")
    assert m.date == "2025-04-27" and "dated a day after" in m.date_basis


def test_three_outlets_in_two_languages_are_one_contact_and_disagreeing_days_are_kept(fresh_settings, tmp_path):
    folder = _write(tmp_path / "docs", {
        "a.txt": "اتصال\n2025/04/01\n\nتلقى الرئيس السوري أحمد الشرع اليوم الثلاثاء اتصالا هاتفيا من رئيس الوزراء "
                 "العراقي محمد شياع السوداني.\n",
        "b.txt": "Call\nMarch 31, 2025\n\nIraqi Prime Minister Mohammed Shia al-Sudani spoke by phone on Monday with "
                 "Syrian President Ahmed al-Sharaa, his office said.\n",
        "c.txt": "اتصال السوداني والشرع\n\nوكان السوداني قد أجرى اتصالا هاتفيا بالرئيس السوري أحمد الشرع هنأه فيه "
                 "بعيد الفطر.\n",
        "d.txt": "زيارة\n12-آب-2025\n\nوصل وزير الطاقة السوري محمد البشير إلى بغداد أمس الاثنين، والتقى اليوم الثلاثاء "
                 "رئيس الوزراء محمد شياع السوداني.\n"})
    _, events = _timeline(fresh_settings, folder)
    calls = [e for e in events if e.kind == "call"]
    assert len(calls) == 1, [e.to_dict() for e in calls]
    assert set(calls[0].sources) == {"a.txt", "b.txt", "c.txt"}
    assert {calls[0].date, *calls[0].date_alternatives} == {"2025-03-31", "2025-04-01"}
    assert "differ" in calls[0].when("en")
    (visit,) = [e for e in events if e.sources == ["d.txt"]]
    assert (visit.date, visit.date_end) == ("2025-08-11", "2025-08-12")


def test_a_report_looking_back_joins_the_latest_such_contact_before_it(fresh_settings, tmp_path):
    folder = _write(tmp_path / "docs", {
        "dec.txt": "زيارة\n26-كانون الأول-2024\n\nزار رئيس جهاز المخابرات العراقي حميد الشطري دمشق اليوم الخميس "
                   "والتقى أحمد الشرع.\n",
        "apr.txt": "زيارة\n25-نيسان-2025\n\nزار رئيس جهاز المخابرات العراقي حميد الشطري دمشق اليوم الجمعة والتقى "
                   "الرئيس أحمد الشرع.\n",
        "may.txt": "تحليل\n10-أيار-2025\n\nوكان الشطري قد زار دمشق مؤخرا والتقى الرئيس السوري أحمد الشرع.\n"})
    _, events = _timeline(fresh_settings, folder)
    visits = [e for e in events if e.kind == "visit"]
    assert len(visits) == 2, [e.to_dict() for e in visits]
    assert {e.date: set(e.sources) for e in visits}["2025-04-25"] == {"apr.txt", "may.txt"}


# ---- the domain as data ----------------------------------------------------------------------------

def test_an_official_a_country_and_a_trigger_word_added_by_data_alone_change_the_timeline(fresh_settings, tmp_path):
    home = fresh_settings.home_path
    folder = _write(tmp_path / "docs", {
        "official.txt": "زيارة\n2025/06/02\n\nزار سالم الحديثي دمشق اليوم الاثنين والتقى الرئيس السوري أحمد الشرع في "
                        "قصر الشعب بحضور وزير الخارجية العراقي فؤاد حسين.\n",
        "country.txt": "اتصال\n2025/06/03\n\nأجرى وزير الخارجية الكازاخستاني اتصالا هاتفيا بنظيره السوري أسعد الشيباني "
                       "تناول الأوضاع في العراق.\n",
        "trigger.txt": "جولة\n2025/06/04\n\nبدأ وزير الخارجية السوري أسعد الشيباني اليوم الأربعاء جولة في بغداد مع "
                       "نظيره العراقي فؤاد حسين.\n"})
    lib, before = _timeline(fresh_settings, folder)
    srcs = {s for e in before for s in e.sources}
    assert "country.txt" in srcs and "trigger.txt" not in srcs
    (off,) = [e for e in before if "official.txt" in e.sources]
    assert "salem-al-hadithi" not in {p["id"] for p in off.participants}

    (home / "officials.json").write_text(json.dumps({
        "people": [{"id": "salem-al-hadithi", "name": "سالم الحديثي", "en": "Salem al-Hadithi", "country": "Iraq",
                    "roles": [{"ar": "مستشار رئيس الوزراء العراقي", "en": "adviser to the Iraqi Prime Minister",
                               "rank": "official"}]}],
        "countries": {"Kazakhstan": ["كازاخستان", "الكازاخستاني", "الكازاخستانية"]}}), encoding="utf-8")
    (home / "contacts.json").write_text(json.dumps({"kinds": {"visit": {"ar": ["جولة"]}}}), encoding="utf-8")
    from rag import contact_timeline, ingest
    rep = ingest(lib, [folder], progress=False)
    assert sorted(rep.extracted) == ["country.txt", "official.txt", "trigger.txt"]  # re-extracted, not re-embedded
    after = contact_timeline(lib)
    srcs = {s for e in after for s in e.sources}
    assert "country.txt" not in srcs  # a Kazakh minister's call is not an Iraq–Syria contact
    (trip,) = [e for e in after if "trigger.txt" in e.sources]
    assert trip.kind == "visit" and trip.date == "2025-06-04"
    (off,) = [e for e in after if "official.txt" in e.sources]
    hadithi = [p for p in off.participants if p["id"] == "salem-al-hadithi"]
    assert hadithi and hadithi[0]["country"] == "Iraq" and hadithi[0]["name_en"] == "Salem al-Hadithi"


def test_a_broken_contact_words_file_is_a_clear_error(tmp_path):
    import pytest

    from rag.errors import ConfigError
    (tmp_path / "contacts.json").write_text("[1, 2", encoding="utf-8")
    with pytest.raises(ConfigError, match="contacts.json"):
        load_officials(tmp_path)


def test_a_leader_out_of_office_by_a_known_date_only():
    """Assad's government fell on 8 December 2024: a call of his reported in an undated article that speaks of his
    government as in office is his; a visit dated 2025 that names him (the regime's fall) is not."""
    before = _mentions("وجاء ذلك خلال اتصال هاتفي أجراه رئيس الوزراء العراقي محمد شياع السوداني بالرئيس السوري بشار "
                       "الأسد.\n")
    assert {"bashar-al-assad", "mohammed-shia-al-sudani"} <= {p["id"] for m in before for p in m.participants}
    after = _mentions("زار رئيس جهاز المخابرات العراقي حميد الشطري دمشق اليوم الخميس والتقى أحمد الشرع وبشار الأسد.\n",
                      date="2024-12-26")
    assert "bashar-al-assad" not in {p["id"] for m in after for p in m.participants}


# ---- statements: what officials said, apart from the contacts they spoke of ---------------------------

def _statements(ms):
    return [m for m in ms if m.kind == "statement"]


def test_an_announced_visit_is_also_a_statement_that_happened_by_whoever_announced_it():
    ms = _mentions("وزير الخارجية العراقي يتحدث عن دعوة\n\nأعلن وزير الخارجية العراقي فؤاد حسين، اليوم الاثنين، أنه "
                   "تلقى دعوة رسمية لزيارة دمشق وسيلبيها قريباً.\n", date="2025-03-03")
    visit = [m for m in ms if m.kind == "visit"]
    st = _statements(ms)
    assert visit and visit[0].status == "planned"  # the visit itself has not happened
    assert len(st) == 1 and st[0].status == "happened" and st[0].date == "2025-03-03"
    assert [p["id"] for p in st[0].participants] == ["fuad-hussein"]


def test_a_statement_dates_by_the_day_it_was_said_not_by_the_contact_it_speaks_of():
    said = "Speaking at a forum in Doha{}, Syrian Foreign Minister Asaad al-Shaibani said his 14 March 2025 visit " \
           "to Baghdad had opened a new page with Iraq.\n"
    for when, day in ((" on Monday", "2025-06-02"), ("", None)):
        st = _statements(_mentions("Shaibani recalls his visit\n\n" + said.format(when), date="2025-06-02"))
        assert len(st) == 1 and st[0].date == day, [(m.kind, m.date) for m in st]
        assert [p["id"] for p in st[0].participants] == ["asaad-al-shaibani"]


def test_a_speaker_of_any_rank_at_an_occasion_of_his_own_is_named_by_the_verb_of_saying():
    ms = _mentions("Intelligence chief on his Damascus talks\n\nIraq's intelligence chief Hamid al-Shatri visited "
                   "Damascus last year and met Ahmed al-Sharaa.\n\nSpeaking at a Baghdad forum, Shatri said his meeting "
                   "with Ahmed al-Sharaa had been about the border.\n")
    st = _statements(ms)
    assert len(st) == 1 and [p["id"] for p in st[0].participants] == ["hamid-al-shatri"]


def test_a_participant_s_words_on_an_earlier_occasion_are_a_statement_of_their_own():
    text = ("الشطري في دمشق\n\nالتقى الرئيس السوري أحمد الشرع رئيس جهاز المخابرات العراقي حميد الشطري في دمشق، "
            "اليوم الخميس.\n\n{}أثنى الشرع على موقف رئيس الوزراء العراقي محمد شياع السوداني من الأزمة.\n")
    earlier = _statements(_mentions(text.format("وكان الشرع قد ").replace("قد أثنى الشرع", "قد أثنى"),
                                    date="2025-08-28"))
    same = _statements(_mentions(text.format("و"), date="2025-08-28"))
    assert len(earlier) == 1 and [p["id"] for p in earlier[0].participants] == ["ahmed-al-sharaa"]
    assert same == []  # said during the meeting the article reports: part of that meeting


def test_one_statement_told_by_two_outlets_on_the_same_day_is_one_event(fresh_settings, tmp_path):
    folder = _write(tmp_path / "st", {
        "a.txt": "السوداني: الشرع مدعو\n16 نيسان 2025\n\nأعلن رئيس الوزراء العراقي محمد شياع السوداني، اليوم "
                 "الأربعاء، أن دعوة رسمية وجهت إلى الرئيس السوري أحمد الشرع لحضور القمة في بغداد.\n",
        "b.txt": "Sudani says Sharaa invited\nApril 16, 2025\n\nIraqi Prime Minister Mohammed Shia al-Sudani said on "
                 "Wednesday that Syrian President Ahmed al-Sharaa had been invited to the summit in Baghdad.\n"})
    _, events = _timeline(fresh_settings, folder)
    st = [e for e in events if e.kind == "statement"]
    assert len(st) == 1 and st[0].date == "2025-04-16" and set(st[0].sources) == {"a.txt", "b.txt"}, \
        [(e.kind, e.date, e.sources) for e in events]


def test_a_place_inside_a_name_is_not_where_the_contact_was():
    ms = _mentions("Shatri at the forum\n\nAt the Baghdad International Forum, Iraq's intelligence chief Hamid al-Shatri "
                   "recounted his visit and his meeting with Syria's Ahmed al-Sharaa.\n")
    visits = [m for m in ms if m.kind == "visit"]
    assert visits and all(m.place is None for m in visits), [(m.kind, m.place) for m in ms]


def test_the_day_a_cancellation_was_reported_is_not_the_day_of_the_contact():
    ms = _mentions("Sharaa calls off trip\nMay 10, 2025\n\nSyrian President Ahmed al-Sharaa has cancelled his visit to "
                   "Baghdad for the Arab summit hosted by Iraqi Prime Minister Mohammed Shia al-Sudani, his office said on "
                   "Saturday.\n")
    cancelled = [m for m in ms if m.status == "cancelled"]
    # (not Saturday 10 May, when it was reported: the day of the summit it was for, from officials.json `gatherings`)
    assert len(cancelled) == 1 and cancelled[0].date == "2025-05-17", [(m.kind, m.status, m.date) for m in ms]


def test_any_trip_and_whether_he_can_attend_are_not_visits_that_happened():
    for text in ("Any trip by Syria's Ahmed al-Sharaa to Baghdad would be sensitive for Iraqi Prime Minister Mohammed "
                 "Shia al-Sudani.\n",
                 "The test is whether Syria's Ahmed al-Sharaa can attend the summit in Baghdad hosted by Iraqi Prime "
                 "Minister Mohammed Shia al-Sudani.\n"):
        ms = _mentions("Analysis\n\n" + text, date="2025-02-06")
        assert ms and all(m.status != "happened" for m in ms if m.kind != "statement"), \
            [(m.kind, m.status) for m in ms]


def test_two_outlets_that_disagree_on_the_place_of_one_day_s_meeting_are_one_contact(fresh_settings, tmp_path):
    folder = _write(tmp_path / "pl", {
        "a.txt": "وزير الثقافة العراقي في دمشق\n27 نيسان 2025\n\nالتقى الرئيس السوري أحمد الشرع وزير الثقافة العراقي "
                 "أحمد فكاك البدراني في دمشق، اليوم الأحد.\n",
        "b.txt": "دعوة إلى القمة\n27 نيسان 2025\n\nسلّم وزير الثقافة العراقي أحمد فكاك البدراني الرئيس السوري أحمد الشرع "
                 "اليوم الأحد دعوة لحضور القمة العربية في بغداد.\n"})
    _, events = _timeline(fresh_settings, folder)
    # (the invitation handed over is a planned visit of its own: tests/test_contacts15.py)
    travel = [e for e in events if e.kind in ("visit", "meeting", "delegation") and e.status == "happened"]
    assert len(travel) == 1 and set(travel[0].sources) == {"a.txt", "b.txt"}, \
        [(e.kind, e.date, e.place, e.sources) for e in events]


def test_a_visitor_s_hosts_may_differ_between_reports_of_one_day_but_not_of_another(fresh_settings, tmp_path):
    folder = _write(tmp_path / "hosts", {
        "a.txt": "Syrian energy minister in Baghdad\nAugust 12, 2025\n\nIraqi Prime Minister Mohammed Shia al-Sudani "
                 "received Syrian Energy Minister Mohammed al-Bashir in Baghdad on Tuesday.\n",
        "b.txt": "وزير الطاقة السوري في بغداد\n\nبحث وزير النفط العراقي حيان عبد الغني مع وزير الطاقة السوري محمد البشير "
                 "في بغداد، أمس الاثنين، التعاون في قطاع النفط.\n",
        "c.txt": "Syrian minister back in Baghdad\nSeptember 20, 2025\n\nIraqi Oil Minister Hayan Abdul Ghani met Syrian "
                 "Energy Minister Mohammed al-Bashir in Baghdad on Saturday.\n"})
    _, events = _timeline(fresh_settings, folder)
    visits = sorted((e for e in events if e.kind in ("visit", "meeting")), key=lambda e: e.date or "")
    assert [sorted(e.sources) for e in visits] == [["a.txt", "b.txt"], ["c.txt"]], \
        [(e.kind, e.date, e.sources) for e in events]


def _undated_report_joins(settings, folder, day):
    """undated.txt's contact is one event, dated `day` by the contact it joined."""
    _, events = _timeline(settings, folder)
    ev = [e for e in events if "undated.txt" in e.sources and e.kind != "statement"]
    assert len(ev) == 1 and ev[0].date == day, [(e.kind, e.date, e.sources) for e in events]


def _three_shatri_visits(folder, undated):
    return _write(folder, {
        "dec.txt": "Iraqi spy chief in Damascus\nDecember 26, 2024\n\nIraq's intelligence chief Hamid al-Shatri met "
                   "Ahmed al-Sharaa in Damascus on Thursday.\n",
        "apr.txt": "الشطري مجدداً في دمشق\n25 نيسان 2025\n\nاستقبل الرئيس السوري أحمد الشرع رئيس جهاز المخابرات العراقي "
                   "حميد الشطري في دمشق اليوم الجمعة.\n",
        "aug.txt": "Shatri back in Damascus\nAugust 28, 2025\n\nSyrian President Ahmed al-Sharaa received Iraq's "
                   "intelligence chief Hamid al-Shatri in Damascus on Thursday.\n",
        "undated.txt": undated})


def test_an_undated_report_naming_someone_by_a_role_held_for_a_time_joins_the_contact_of_that_time(
        fresh_settings, tmp_path):
    folder = _three_shatri_visits(tmp_path / "role", "تفاصيل زيارة الشطري\n\nكشفت مصادر عن تفاهمات لقاء رئيس جهاز "
                                  "المخابرات العراقي حميد الشطري مع قائد الإدارة السورية الجديدة أحمد الشرع في دمشق.\n")
    _undated_report_joins(fresh_settings, folder, "2024-12-26")


def test_an_undated_report_naming_a_month_joins_the_contact_of_that_month(fresh_settings, tmp_path):
    folder = _three_shatri_visits(tmp_path / "month", "Shatri speaks\n\nIraq's intelligence chief Hamid al-Shatri "
                                  "described his December talks in Damascus with Ahmed al-Sharaa.\n\nHe said his meeting "
                                  "with Ahmed al-Sharaa had covered the border.\n")
    _undated_report_joins(fresh_settings, folder, "2024-12-26")


def test_a_weekday_of_a_contact_still_to_come_is_the_next_such_day():
    for text, status in (("Syrian Foreign Minister Asaad al-Shaibani will visit Baghdad on Saturday to meet Iraqi Prime "
                          "Minister Mohammed Shia al-Sudani, officials said.", "planned"),
                         ("Syrian President Ahmed al-Sharaa will not attend the summit in Baghdad on Saturday hosted by "
                          "Iraqi Prime Minister Mohammed Shia al-Sudani.", "cancelled")):
        ms = _mentions("News\nMay 12, 2025\n\n" + text + "\n")  # a Monday
        got = [m for m in ms if m.status == status]
        assert len(got) == 1 and got[0].date == "2025-05-17", [(m.kind, m.status, m.date) for m in ms]


def test_an_official_named_by_an_indefinite_title_is_a_participant():
    ms = _mentions("تحليل\n\nيرى دبلوماسيون أنه من غير المرجح أن يزور أي رئيس وزراء عراقي دمشق قريباً.\n",
                   date="2025-12-08")
    visit = [m for m in ms if m.kind == "visit"]
    assert visit and visit[0].status == "hypothetical" and \
        [p["id"] for p in visit[0].participants] == ["iraq-pm"], [(m.kind, m.status, m.participants) for m in ms]


def test_officials_of_two_agencies_named_only_by_their_agency_meet_as_the_two_sides():
    ms = _mentions("المعبر\n\nشهد معبر القائم لقاءً بين مسؤولين في هيئة المنافذ الحدودية العراقية ونظرائهم في الهيئة "
                   "العامة للمنافذ البرية والبحرية السورية.\n", date="2025-06-15")
    meet = [m for m in ms if m.kind in ("meeting", "visit")]
    assert len(meet) == 1 and {p["id"] for p in meet[0].participants} == {"iraq-ports", "syria-ports"}


def test_words_said_during_a_contact_are_part_of_it_not_a_statement():
    base = ("وصل وزير الخارجية السوري أسعد الشيباني إلى بغداد اليوم الجمعة.\n\nأكد رئيس الوزراء العراقي محمد شياع "
            "السوداني، {}، دعم العراق لوحدة سوريا.\n")
    inside = _statements(_mentions("الشيباني في بغداد\n\n" + base.format("خلال استقباله الشيباني"), date="2025-03-14"))
    alone = _statements(_mentions("الشيباني في بغداد\n\n" + base.format("في كلمة متلفزة"), date="2025-03-14"))
    assert inside == [] and len(alone) == 1 and [p["id"] for p in alone[0].participants] == ["mohammed-shia-al-sudani"]


def test_a_planned_contact_and_what_became_of_it_are_one_contact(fresh_settings, tmp_path):
    folder = _write(tmp_path / "plans", {
        "plan.txt": "Shaibani to visit Baghdad\nMarch 10, 2025\n\nSyrian Foreign Minister Asaad al-Shaibani will visit "
                    "Baghdad next week to meet Iraqi Foreign Minister Fuad Hussein, officials said.\n",
        "visit.txt": "الشيباني في بغداد\n14 آذار 2025\n\nوصل وزير الخارجية السوري أسعد الشيباني إلى بغداد اليوم الجمعة "
                     "والتقى وزير الخارجية العراقي فؤاد حسين.\n",
        "late.txt": "Shaibani plans Baghdad trip\nJanuary 5, 2025\n\nSyrian Foreign Minister Asaad al-Shaibani will visit "
                    "Baghdad soon to meet Iraqi Foreign Minister Fuad Hussein, a source said.\n",
        "summit.txt": "Sharaa invited\nApril 20, 2025\n\nIraq invited Syrian President Ahmed al-Sharaa to attend the Arab "
                      "summit in Baghdad scheduled for May 17, Iraqi Prime Minister Mohammed Shia al-Sudani's office said.\n",
        "skip.txt": "Sharaa to skip summit\nMay 14, 2025\n\nSyrian President Ahmed al-Sharaa will not attend the Arab summit "
                    "in Baghdad hosted by Iraqi Prime Minister Mohammed Shia al-Sudani on Saturday.\n"})
    _, events = _timeline(fresh_settings, folder)
    by = {tuple(sorted(e.sources)): e for e in events if e.kind != "statement"}
    visit = by.get(("plan.txt", "visit.txt"))
    assert visit is not None and visit.status == "happened" and visit.date == "2025-03-14", \
        [(e.kind, e.status, e.date, e.sources) for e in events]
    assert by.get(("late.txt",)) is not None and by[("late.txt",)].status == "planned"  # two months before: a plan
    skipped = by.get(("skip.txt", "summit.txt"))
    assert skipped is not None and skipped.status == "cancelled" and skipped.date == "2025-05-17", \
        [(e.kind, e.status, e.date, e.sources) for e in events]


def test_a_plan_due_on_a_day_and_an_undated_postponement_of_that_weekday_are_one_contact(fresh_settings, tmp_path):
    folder = _write(tmp_path / "postponed", {
        "due.txt": "Shaibani due in Baghdad\nFebruary 21, 2025\n\nSyrian Foreign Minister Asaad al-Shaibani is due to "
                   "land in Baghdad on Saturday to meet Iraqi Prime Minister Mohammed Shia al-Sudani, a source said.\n",
        "off.txt": "تأجيل زيارة الشيباني\n\nأعلنت مصادر حكومية عراقية تأجيل زيارة وزير الخارجية السوري أسعد الشيباني "
                   "إلى بغداد التي كانت مقررة أمس السبت.\n"})
    lib, events = _timeline(fresh_settings, folder)
    visits = [e for e in events if e.kind == "visit"]
    assert len(visits) == 1 and visits[0].status == "postponed" and visits[0].date == "2025-02-22", \
        [(e.kind, e.status, e.date, e.sources) for e in events]


def test_rag_timeline_prints_every_status_and_its_cue(fresh_settings, tmp_path, capsys):
    from rag.cli import main
    folder = _write(tmp_path / "cli", {
        "off.txt": "Visit cancelled\nFebruary 21, 2025\n\nSyrian Foreign Minister Asaad al-Shaibani has cancelled his "
                   "visit to Baghdad, Iraqi Prime Minister Mohammed Shia al-Sudani's office said.\n"})
    _timeline(fresh_settings, folder)
    assert main(["timeline", "--home", fresh_settings.home]) == 0
    out = capsys.readouterr().out
    assert "visit (cancelled)" in out and "cancelled: cancelled" in out, out


def test_an_undated_report_giving_a_day_and_month_without_a_year_joins_the_contact_of_that_day(fresh_settings, tmp_path):
    folder = _write(tmp_path / "daymonth", {
        "mar.txt": "Shaibani in Baghdad\nMarch 14, 2025\n\nSyrian Foreign Minister Asaad al-Shaibani arrived in Baghdad "
                   "on Friday and met Iraqi Foreign Minister Fuad Hussein.\n",
        "may.txt": "Shaibani back in Baghdad\nMarch 7, 2025\n\nSyrian Foreign Minister Asaad al-Shaibani arrived in Baghdad "
                   "on Friday and met Iraqi Foreign Minister Fuad Hussein on trade.\n",
        "undated.txt": "قراءة في زيارة الشيباني\n\nزار وزير الخارجية السوري أسعد الشيباني بغداد في 14 آذار والتقى "
                       "نظيره العراقي فؤاد حسين.\n"})
    _undated_report_joins(fresh_settings, folder, "2025-03-14")


def test_an_envoy_named_after_where_he_serves_is_a_participant_in_both_languages():
    ar = _mentions("لقاء في دمشق\n\nالتقى القائم بالأعمال العراقي في دمشق ياسين الحجيمي وزير الطاقة السوري محمد البشير "
                   "اليوم الثلاثاء.\n", date="2025-08-05")
    en = _mentions("Meeting in Damascus\n\nIraq's charge d'affaires in Damascus, Yassin al-Hujaimi, met Syrian Energy "
                   "Minister Mohammed al-Bashir on Tuesday.\n", date="2025-08-05")
    for ms in (ar, en):
        meet = [m for m in ms if m.kind in ("meeting", "visit")]
        assert len(meet) == 1, [(m.kind, m.participants) for m in ms]
        iraqi = [p for p in meet[0].participants if p["country"] == "Iraq"]
        assert len(iraqi) == 1 and iraqi[0]["named"] and "al-Qaim" not in str(meet[0].place), meet[0]
    assert [p["id"] for p in ar[0].participants if p["country"] == "Iraq"] == \
           [p["id"] for p in en[0].participants if p["country"] == "Iraq"]


def test_a_counterpart_is_not_taken_for_a_foreign_minister():
    ms = _mentions("Defence talks\n\nIraqi Defence Minister Thabet al-Abbasi met his Syrian counterpart on Monday.\n",
                   date="2025-03-10")
    meet = [m for m in ms if m.kind in ("meeting", "visit")]
    assert meet and {p["id"] for p in meet[0].participants} == {"thabet-al-abbasi", "syria-counterpart"}, meet


def test_an_undated_report_joins_the_contact_that_shares_more_of_its_people(fresh_settings, tmp_path):
    folder = _write(tmp_path / "people", {
        "mar.txt": "Shaibani in Baghdad\nMarch 14, 2025\n\nSyrian Foreign Minister Asaad al-Shaibani arrived in Baghdad "
                   "on Friday and met Iraqi President Abdul Latif Rashid.\n",
        "may.txt": "Shaibani at the summit\nMay 16, 2025\n\nSyrian Foreign Minister Asaad al-Shaibani arrived in Baghdad "
                   "on Friday, his second trip this year.\n",
        "undated.txt": "الشيباني في بغداد\n\nاستقبل رئيس الجمهورية العراقي عبد اللطيف جمال رشيد وزير الخارجية السوري "
                       "أسعد الشيباني في بغداد.\n\nوالتقى الشيباني في بغداد رئيس مجلس النواب محمود المشهداني.\n"})
    _undated_report_joins(fresh_settings, folder, "2025-03-14")


def test_a_delegation_sent_on_someone_s_instructions_keeps_its_own_side():
    ms = _mentions("Delegation\n\nA high-level Iraqi delegation, sent on the instructions of Prime Minister Mohammed Shia "
                   "al-Sudani, arrived in Damascus on Wednesday and met Syrian Foreign Minister Asaad al-Shaibani.\n",
                   date="2025-03-06")
    visit = [m for m in ms if m.kind in ("visit", "delegation")]
    assert len(visit) == 1, ms
    assert {p["id"] for p in visit[0].participants} == {"iraq-delegation", "asaad-al-shaibani"}, visit[0].participants
    assert [p["id"] for p in visit[0].directed_by] == ["mohammed-shia-al-sudani"]


def test_an_ambassador_received_where_he_serves_is_a_meeting_not_a_visit():
    ms = _mentions("لقاء\n\nاستقبل وزير الداخلية العراقي عبد الأمير الشمري في مكتبه ببغداد، الأحد، السفير السوري لدى "
                   "العراق.\n", date="2025-03-10")
    contact = [m for m in ms if m.kind != "statement"]
    assert len(contact) == 1 and contact[0].kind == "meeting" and contact[0].date == "2025-03-09", \
        [(m.kind, m.date, m.participants) for m in ms]
    assert {p["id"] for p in contact[0].participants} == {"abdul-amir-al-shammari", "syria-ambassador"}


def test_an_official_named_only_by_title_and_country_is_an_unnamed_participant_in_both_languages():
    for text in ("Syrian President Ahmed al-Sharaa received the Iraqi health minister in Damascus on Sunday.",
                 "استقبل الرئيس السوري أحمد الشرع وزير الصحة العراقي في دمشق اليوم الأحد."):
        ms = _mentions("News\n\n" + text + "\n", date="2025-03-10")
        visit = [m for m in ms if m.kind == "visit"]
        assert len(visit) == 1, [(m.kind, m.participants) for m in ms]
        iraqi = [p for p in visit[0].participants if p["country"] == "Iraq"]
        assert len(iraqi) == 1 and not iraqi[0]["named"] and visit[0].date == "2025-03-09", visit[0]


def test_both_sides_named_in_one_phrase_are_two_participants():
    for text in ("The Iraqi and Syrian foreign ministers discussed border security in a phone call on Thursday.",
                 "The foreign ministers of Iraq and Syria discussed border security in a phone call on Thursday.",
                 "وبحث وزيرا خارجية العراق وسوريا في اتصال هاتفي مساء الخميس أمن الحدود."):
        ms = _mentions("News\n\n" + text + "\n", date="2025-03-10")
        call = [m for m in ms if m.kind == "call"]
        assert len(call) == 1 and call[0].date == "2025-03-06", [(m.kind, m.date, m.participants) for m in ms]
        assert sorted(p["country"] for p in call[0].participants) == ["Iraq", "Syria"], call[0].participants


def test_the_subject_of_a_third_country_s_clause_goes_on_into_the_next_clause():
    ms = _mentions("Shaibani in Ankara\n\nSyrian Foreign Minister Asaad al-Shaibani met Turkish Foreign Minister Hakan "
                   "Fidan in Ankara on Sunday, a day after talking by phone with Iraqi Foreign Minister Fuad Hussein.\n",
                   date="2025-03-10")
    assert [(m.kind, sorted(p["id"] for p in m.participants)) for m in ms if m.kind != "statement"] == \
        [("call", ["asaad-al-shaibani", "fuad-hussein"])], ms
    other = _mentions("Shaibani in Ankara\n\nSyrian Foreign Minister Asaad al-Shaibani met Turkish Foreign Minister "
                      "Hakan Fidan in Ankara on Sunday, and discussed the situation in Iraq.\n", date="2025-03-10")
    assert [m for m in other if m.kind != "statement"] == []  # the Ankara meeting is not an Iraq–Syria contact


def test_a_new_user_s_eight_articles_give_the_six_contacts_they_report(fresh_settings):
    """A new user's trial (tests/data/new_user): six contacts, each once, with its people, place, day and status;
    no Syria–Turkey contact; no headline or 'the pipeline' sentence as a contact of its own."""
    from pathlib import Path
    _, events = _timeline(fresh_settings, Path(__file__).parent / "data" / "new_user")
    got = sorted(((e.date or "", e.kind, e.status, e.place["name_en"] if e.place else None,
                   tuple(sorted(p["country"] + ("" if p.get("named", True) else "?") for p in e.participants)),
                   tuple(sorted(e.sources))) for e in events if e.kind != "statement"), key=str)
    assert got == sorted([
        ("2025-04-15", "visit", "happened", "Baghdad", ("Iraq", "Syria"), ("ar-interior-baghdad.txt", "en-interior-baghdad.txt")),
        ("2025-05-19", "visit", "happened", "al-Qaim", ("Iraq", "Syria"), ("en-border-qaim.txt",)),
        ("2025-06-08", "visit", "postponed", "Damascus", ("Iraq", "Syria"), ("ar-trade-planned.txt", "en-trade-postponed.txt")),
        ("2025-07-12", "visit", "happened", "Damascus", ("Iraq", "Syria"), ("ar-water-damascus.txt",)),
        ("", "call", "happened", None, ("Iraq", "Syria"), ("ar-oil-call.txt",)),
        ("", "visit", "happened", "Baghdad", ("Iraq?", "Syria?"), ("en-alhol-delegation.txt",)),
        # (the ministers agreeing to form a joint security committee: its meeting is planned, a contact of its own, as
        # the real-reporting parts' writers count it; tests/test_contacts15.py)
        ("", "meeting", "planned", None, ("Iraq?", "Syria?"), ("ar-interior-baghdad.txt", "en-interior-baghdad.txt")),
    ], key=str), got
    assert all(p["country"] in ("Iraq", "Syria") for e in events for p in e.participants)  # no Turkish minister


def test_next_and_for_a_weekday_are_the_weekday_still_to_come():
    from rag.text.dates import ArticleDate, resolve_dates
    from rag.text.arabic import normalize
    for text in ("يزور الوزير دمشق الأحد المقبل.", "He will visit Damascus next Sunday."):
        got = resolve_dates(normalize(text), ArticleDate(value="2025-06-05"), [])
        assert [d.value for d in got] == ["2025-06-08"], (text, got)
    got = resolve_dates(normalize("The visit, scheduled for Sunday, was postponed."), ArticleDate(value="2025-06-07"), [])
    assert [d.ahead for d in got] == ["2025-06-08"], got


def test_a_person_inside_what_was_said_is_not_its_speaker():
    for text in ('وقال وكيل الوزارة هشام العلوي إن "هناك دعوة من وزير الخارجية العراقي فؤاد حسين لنظيره السوري".',
                 "Iraqi lawmakers said that Syrian President Ahmed al-Sharaa should not come to Baghdad before the "
                 "elections, in a statement on Iraq's Prime Minister Mohammed Shia al-Sudani's plans."):
        ms = _mentions("News\n\n" + text + "\n", date="2025-03-10")
        assert _statements(ms) == [], [(m.kind, m.participants) for m in ms]


# ---- one sentence, two contacts; undated pages' days; contacts called off -----------------------------

def test_two_contacts_joined_in_one_sentence_are_two_contacts():
    en = _mentions("Prime Minister Mohammed Shia al-Sudani met President Ahmed al-Sharaa in Doha on April 15, and "
                   "intelligence chief Hamid al-Shatri led a delegation to Damascus on April 25.\n", date="2025-05-01")
    ar = _mentions("التقى رئيس الوزراء محمد شياع السوداني الرئيس السوري أحمد الشرع في الدوحة يوم 15 نيسان، فيما زار "
                   "رئيس جهاز المخابرات حميد الشطري دمشق يوم 25 نيسان.\n", date="2025-05-01")
    for ms in (en, ar):
        got = sorted((m.date, m.place["name_en"], sorted(m.named)) for m in ms)
        assert got == [("2025-04-15", "Doha", ["ahmed-al-sharaa", "mohammed-shia-al-sudani"]),
                       ("2025-04-25", "Damascus", ["hamid-al-shatri"])], got
    # each contact cites its own clause, exact text of the article
    assert [m.citations[0]["text"].split()[0] for m in en] == ["Prime", "and"]


def test_one_visit_told_in_joined_clauses_stays_one_contact():
    ms = _mentions("Syrian Foreign Minister Asaad al-Shaibani arrived in Baghdad on Friday, and met Prime Minister "
                   "Mohammed Shia al-Sudani on Saturday.\n", date="2025-03-16")
    assert len(ms) == 1 and ms[0].date == "2025-03-14" and ms[0].date_end == "2025-03-15"
    assert ms[0].named == {"asaad-al-shaibani", "mohammed-shia-al-sudani"}


def test_an_undated_page_s_day_and_month_take_the_one_year_its_clues_leave():
    ms = _mentions("A year of contacts\n\nSince the fall of Assad in December 2024, the two sides have met often. On "
                   "March 9 in Amman, Iraqi intelligence chief Hamid al-Shatri met Syrian Foreign Minister Asaad "
                   "al-Shaibani.\n")
    assert [(m.date, m.place["name_en"]) for m in ms] == [("2025-03-09", "Amman")]
    assert "only year" in ms[0].date_basis


def test_a_contact_put_off_from_a_day_already_past_keeps_that_day():
    ms = _mentions("Syrian Foreign Minister Asaad al-Shaibani's visit to Baghdad, once scheduled for February 22, was "
                   "postponed, officials said.\n", date="2025-03-10")
    assert [(m.status, m.date) for m in ms if m.kind == "visit"] == [("postponed", "2025-02-22")]


def test_a_visit_that_never_came_is_called_off_and_the_clause_after_it_happened():
    ms = _mentions("President Ahmed al-Sharaa never attended the Arab summit in Baghdad on May 17; Foreign Minister "
                   "Asaad al-Shaibani led Syria's delegation to Baghdad instead.\n", date="2025-05-20")
    got = sorted((m.status, sorted(m.named)) for m in ms if m.kind != "statement")
    assert got == [("cancelled", ["ahmed-al-sharaa"]), ("happened", ["asaad-al-shaibani"])], got


def _merged(docs):
    """The timeline of several articles ({source: (text, date)}), merged as the library merges them."""
    from rag.contacts.timeline import merge_mentions
    mentions, arts = [], {}
    for src, (text, day) in docs.items():
        ex = _extract(text, src, day)
        mentions += ex.mentions
        arts[src] = ex.article
    return merge_mentions(mentions, arts)


def test_an_undated_page_s_day_and_month_join_the_same_speaker_s_words_of_that_day():
    said = ("Minister\n\n2025-02-25\n\nIraq's Defence Minister Thabet al-Abbasi said on Tuesday that his ministry has no "
            "contact with the defence ministry of Syria's interim government.\n", "2025-02-25")
    back = ("Looking back\n\nOn February 25, Iraqi Defence Minister Thabet al-Abbasi told a broadcaster that his "
            "ministry had no contact with the Syrian defence ministry.\n", "")
    ev = _merged({"a.txt": said, "b.txt": back})
    words = [e for e in ev if e.kind == "statement"]
    assert len(words) == 1 and set(words[0].sources) == {"a.txt", "b.txt"} and words[0].date == "2025-02-25"
    # a lone day and month no dated report gives stays without a year: the page may be newer than every dated one
    ev = _merged({"a.txt": said, "c.txt": ("Looking back\n\nOn March 14, Syrian Foreign Minister Asaad al-Shaibani "
                                           "visited Baghdad and met Prime Minister Mohammed Shia al-Sudani.\n", "")})
    assert [e.date for e in ev if e.kind == "visit"] == [None]


def test_an_undated_said_on_a_weekday_joins_the_same_speaker_s_statement_of_that_weekday():
    ev = _merged({
        "a.txt": ("Minister\n\n2025-02-25\n\nIraq's Defence Minister Thabet al-Abbasi said on Tuesday that his ministry "
                  "has no contact with the defence ministry of Syria's interim government.\n", "2025-02-25"),
        "b.txt": ("No channel\n\nERBIL - Iraqi Defence Minister Thabet al-Abbasi said on Tuesday there is no official "
                  "line to Syria's defence ministry, nearly three months after the fall of Assad.\n", "")})
    said = [e for e in ev if e.kind == "statement"]
    assert len(said) == 1 and said[0].date == "2025-02-25" and set(said[0].sources) == {"a.txt", "b.txt"}


def test_a_contact_spoken_of_as_only_possible_takes_no_day_its_sentence_names():
    ev = _merged({"a.txt": ("Oil talks\n\nBAGHDAD, 20 April 2025 - Iraqi Oil Minister Hayan Abdul Ghani received Syrian "
                            "Energy Minister Mohammed al-Bashir in Baghdad.\n", "2025-04-20"),
                  "b.txt": ("Outlook\n\nIt is unlikely that Ahmed al-Sharaa will visit Baghdad before "
                            "the Iraqi elections in November.\n", "")})
    maybe = [e for e in ev if e.status == "hypothetical"]
    assert len(maybe) == 1 and maybe[0].date is None


def test_the_same_visitor_going_on_in_a_joined_clause_is_one_contact():
    ms = _mentions("استقبل رئيس الوزراء محمد شياع السوداني وزير الخارجية السوري أسعد الشيباني في بغداد، والتقى "
                   "الشيباني رئيس الجمهورية عبد اللطيف رشيد.\n", date="2025-03-14")
    assert len(ms) == 1 and ms[0].named == {"mohammed-shia-al-sudani", "asaad-al-shaibani", "abdul-latif-rashid"}


def test_a_delegation_described_by_its_file_is_still_its_country_s_delegation():
    for text in ("An Iraqi technical delegation arrived in Damascus on Monday to inspect the pipeline.\n",
                 "وصل وفد فني عراقي إلى دمشق يوم الاثنين لمعاينة خط النفط.\n"):
        ms = _mentions(text, date="2025-06-04")
        assert [(m.kind, m.date, m.place["name_en"], [p["country"] for p in m.participants]) for m in ms] == \
            [("visit", "2025-06-02", "Damascus", ["Iraq"])], ms


def test_negotiations_between_both_sides_agencies_are_a_meeting_not_a_visit_to_what_they_discuss():
    for text in ("Negotiations have begun between Iraqi and Syrian intelligence agencies on reopening the Rabia "
                 "crossing.\n", "بدأت مفاوضات بين جهازي المخابرات العراقي والسوري لفتح منفذ ربيعة الحدودي.\n"):
        ms = _mentions(text, date="2025-06-04")
        assert [(m.kind, sorted(p["country"] for p in m.participants)) for m in ms] == \
            [("meeting", ["Iraq", "Syria"])], ms


def test_received_at_a_palace_or_airport_of_a_city_is_a_visit_to_that_city():
    ms = _mentions("استقبل رئيس الجمهورية عبد اللطيف جمال رشيد، في قصر بغداد، وزير الخارجية السوري أسعد حسن الشيباني "
                   "والوفد المرافق له.\n", date="2025-03-14")
    assert [(m.kind, m.place["name_en"]) for m in ms] == [("visit", "Baghdad")]


def test_a_delegation_due_somewhere_next_week_is_planned_though_someone_led_it():
    ms = _mentions("An Iraqi ministerial delegation led by Oil Minister Hayan Abdul Ghani is due in Damascus next "
                   "week.\n", date="2025-06-04")
    assert [(m.kind, m.status) for m in ms] == [("visit", "planned")]


def test_a_spokesman_who_reports_a_contact_is_not_one_of_its_participants():
    for text in ("BAGHDAD - An Iraqi delegation met Syria's new rulers in Damascus on Thursday, an Iraqi government "
                 "spokesman said.\n",):
        ms = _mentions(text, date="2024-12-27")
        assert [[p["name_en"] for p in m.participants] for m in ms] == [["an Iraqi delegation"]], ms


def test_a_high_level_delegation_is_nobody_s_name_and_its_leader_is_the_participant():
    ms = _mentions("وصل وفد عراقي رفيع المستوى برئاسة رئيس جهاز المخابرات حميد الشطري إلى دمشق للقاء أحمد الشرع.\n",
                   date="2024-12-26")
    assert [sorted(m.named) for m in ms] == [["ahmed-al-sharaa", "hamid-al-shatri"]], ms
    assert not any("رفيع" in p["name"] or "رفيع" in p.get("name_en", "") for m in ms for p in m.participants)


def test_accusative_and_plural_forms_name_each_side():
    said = _mentions("وقال مصدر حكومي إن وفداً عراقياً زار دمشق والتقى الرئيس السوري أحمد الشرع.\n", date="2025-04-26")
    assert [sorted(p["country"] for p in m.participants) for m in said] == [["Iraq", "Syria"]], said
    for text in ("التقى مسؤولون عراقيون وسوريون في معبر القائم يوم الخميس.\n",
                 "وزيرا خارجية العراق وسوريا التقيا في عمّان يوم الخميس.\n"):
        ms = _mentions(text, date="2025-04-26")
        assert [(m.kind, sorted(p["country"] for p in m.participants)) for m in ms] == \
            [("meeting", ["Iraq", "Syria"])], (text, ms)


def test_the_one_spoken_to_after_told_is_not_the_speaker():
    ms = _mentions("Syrian Foreign Minister Asaad al-Shaibani told Iraqi Foreign Minister Fuad Hussein that Damascus "
                   "wanted closer ties.\n", date="2025-03-14")
    said = [m for m in ms if m.kind == "statement"]
    assert [sorted(m.named) for m in said] == [["asaad-al-shaibani"]], ms
    ms = _mentions("The Syrian diplomat told the Iraqi foreign minister that Damascus wanted closer ties.\n",
                   date="2025-03-14")
    assert not [m for m in ms if m.kind == "statement" and "fuad-hussein" in m.named], ms


def test_an_official_named_by_title_is_its_holder_on_the_day_but_not_any_holder():
    ms = _mentions("Iraq's intelligence chief arrived in Damascus on Thursday and met Syria's foreign minister.\n",
                   date="2024-12-27")
    assert [sorted(m.named) for m in ms] == [["asaad-al-shaibani", "hamid-al-shatri"]], ms
    # before the Syrian foreign minister of the data took office, and with no date at all: the titles stay
    ms = _mentions("Iraq's prime minister phoned Syria's foreign minister on Monday.\n", date="2024-06-05")
    assert [sorted(m.named) for m in ms] == [["mohammed-shia-al-sudani"]], ms
    ms = _mentions("Iraq's prime minister phoned Syria's foreign minister.\n")
    assert [sorted(m.named) for m in ms] == [[]], ms
    ms = _mentions("من غير المرجح أن يزور أي رئيس وزراء عراقي دمشق قريبا.\n", date="2025-10-01")
    assert all(not m.named for m in ms), ms
    ms = _mentions("The next Iraqi prime minister will visit Damascus.\n", date="2025-10-01")
    assert [(m.status, [p["name_en"] for p in m.participants]) for m in ms] == \
        [("planned", ["the Iraqi Prime Minister"])], ms


def test_one_day_in_one_city_abroad_is_one_gathering_whoever_each_report_names():
    ev = _merged({
        "a.txt": ("Amman meeting\n\n9 March 2025\n\nIraqi Foreign Minister Fuad Hussein met Syrian Foreign Minister Asaad "
                  "al-Shaibani in Amman on Sunday at the neighbours' meeting.\n", "2025-03-09"),
        "b.txt": ("Security chiefs\n\n10 March 2025\n\nIraqi intelligence chief Hamid al-Shatri met Syrian "
                  "intelligence head Hussein al-Salama in Amman on Sunday during the meeting.\n", "2025-03-10")})
    amman = [e for e in ev if e.place and e.place["name_en"] == "Amman"]
    assert len(amman) == 1 and set(amman[0].sources) == {"a.txt", "b.txt"}, ev


def test_a_meeting_planned_later_the_same_day_of_a_visit_going_on_is_that_visit():
    ev = _merged({
        "a.txt": ("Shaibani in Baghdad\n\n14 March 2025\n\nوصل وزير الخارجية السوري أسعد الشيباني إلى بغداد اليوم "
                  "الجمعة والتقى نظيره العراقي فؤاد حسين.\n\nومن المقرر أن يلتقي الشيباني رئيس الوزراء محمد شياع "
                  "السوداني قبل مغادرته بغداد مساءً.\n", "2025-03-14")})
    assert [(e.status, e.date) for e in ev if e.kind != "statement"] == [("happened", "2025-03-14")], ev


def test_a_spokesman_of_the_data_who_denies_a_call_is_not_a_party_to_it():
    ms = _mentions("نفى المتحدث باسم الحكومة العراقية باسم العوادي ما تداولته صفحات عن اتصال هاتفي بين رئيس الوزراء "
                   "محمد شياع السوداني والرئيس السوري أحمد الشرع.\n", date="2025-02-22")
    calls = [m for m in ms if m.kind == "call"]
    assert [(m.status, sorted(m.named)) for m in calls] == \
        [("denied", ["ahmed-al-sharaa", "mohammed-shia-al-sudani"])], ms


def test_the_earlier_contacts_a_sentence_counts_are_contacts_of_their_own_days():
    for text in ("وصل رئيس جهاز المخابرات حميد الشطري إلى دمشق اليوم والتقى الرئيس أحمد الشرع، في ثالث زيارة له، إذ "
                 "كانت الأولى في 26 كانون الأول 2024 والثانية في 25 نيسان الماضي.\n",
                 "Iraqi intelligence chief Hamid al-Shatri met President Ahmed al-Sharaa in Damascus on Thursday, his third "
                 "visit: the first was on December 26, 2024 and the second on April 25.\n"):
        ms = _mentions(text, date="2025-08-28")
        assert sorted(m.date for m in ms if m.kind == "visit") == ["2024-12-26", "2025-04-25", "2025-08-28"], ms


def test_an_agency_s_acronym_is_nobody_s_name_and_pm_is_the_prime_minister():
    ms = _mentions("The Syrian president received a phone call from the Iraqi prime minister, SANA reported on "
                   "Wednesday.\n", date="2025-03-06")
    assert [sorted(m.named) for m in ms] == [["ahmed-al-sharaa", "mohammed-shia-al-sudani"]], ms
    ms = _mentions("Iraqi PM receives Syrian foreign minister in Baghdad.\n", date="2025-03-14")
    assert [sorted(m.named) for m in ms] == [["asaad-al-shaibani", "mohammed-shia-al-sudani"]], ms


def test_the_day_a_visit_was_supposed_to_take_place_is_not_the_day_it_did():
    ms = _mentions("وصل وزير الخارجية السوري أسعد الشيباني إلى بغداد في زيارة رسمية. وتعد هذه الزيارة الأولى "
                   "للشيباني إلى العراق بعد أن كان من المفترض أن يقوم بزيارة في الشهر الماضي، إلا أن هذه الزيارة "
                   "تأجلت لتتم اليوم.\n", date="2025-03-14")
    assert [(m.status, m.date) for m in ms if m.status == "happened"] == [("happened", "2025-03-14")], ms


def test_a_title_standing_before_a_name_is_that_person_s_not_its_holder_of_the_day():
    ms = _mentions("Syrian President Bashar al-Assad held a phone conversation with Iraqi Prime Minister Mohammed Shia "
                   "al-Sudani on Wednesday.\n", date="2025-03-14")
    assert all("ahmed-al-sharaa" not in m.named for m in ms), ms
    ms = _mentions("Syrian President Bashar al-Assad held a phone conversation with Iraqi Prime Minister Mohammed Shia "
                   "al-Sudani on Wednesday.\n", date="2024-06-06")
    assert [sorted(m.named) for m in ms] == [["bashar-al-assad", "mohammed-shia-al-sudani"]], ms


def test_what_the_two_discussed_after_their_call_is_that_call():
    ev = _merged({"a.txt": ("Call\n\n2025-04-01\n\nOn Monday, Iraqi Prime Minister Mohammed Shia al-Sudani and Syrian "
                            "President Ahmed al-Sharaa held a phone call.\n\nFor its part, the Syrian presidency announced "
                            "that al-Sharaa and al-Sudani discussed border security.\n", "2025-04-01")})
    assert [(e.kind, e.date) for e in ev] == [("call", "2025-03-31")], ev


def test_an_undated_page_s_plan_to_meet_during_the_visit_it_reports_is_that_visit():
    ev = _merged({"a.txt": ("Visit\n\nوصل وزير الخارجية السوري أسعد الشيباني اليوم الجمعة إلى بغداد في زيارة رسمية. "
                            "ومن المقرر أن يلتقي الشيباني نظيره العراقي فؤاد حسين.\n", "")})
    assert [(e.kind, e.status) for e in ev if e.kind != "statement"] == [("visit", "happened")], ev


def test_a_report_naming_no_one_joins_the_contact_of_its_day_and_city_and_the_head_of_a_delegation_is_in_it():
    ev = _merged({
        "a.txt": ("Visit\n\nDecember 26, 2024\n\nAn Iraqi delegation met Ahmed al-Sharaa in Damascus on Thursday. The "
                  "delegation, headed by intelligence chief Hamid al-Shatri, includes border officials.\n", "2024-12-26"),
        "b.txt": ("Delegation\n\nDec. 26, 2024 • 3 min read\n\nA top Iraqi government delegation arrived in Damascus on "
                  "Thursday.\n", "")})
    visits = [e for e in ev if e.kind == "visit"]
    assert len(visits) == 1 and set(visits[0].sources) == {"a.txt", "b.txt"}, ev
    assert "hamid-al-shatri" in {p["id"] for p in visits[0].participants}


def test_the_prime_minister_s_office_that_reports_a_visit_is_not_the_prime_minister_in_it():
    ms = _mentions("A high-level Iraqi delegation arrived in Damascus on Friday. According to the Iraqi Prime "
                   "Minister's Media Office, the delegation, headed by intelligence chief Hamid al-Shatri, includes "
                   "oil officials.\n", date="2025-04-25")
    assert [sorted(m.named) for m in ms] == [["hamid-al-shatri"]], ms


def test_a_weak_cue_of_a_plan_counts_only_in_a_clause_with_a_contact_word():
    ms = _mentions("أكد رئيس الحكومة محمد شياع السوداني دعم بغداد لاستقرار سوريا، مع رفض أي عدوان عليها، خلال لقائه "
                   "اليوم الثلاثاء وزير الطاقة السوري محمد البشير في بغداد.\n", date="2025-08-12")
    assert [(m.kind, m.status) for m in ms if m.kind != "statement"] == [("visit", "happened")], ms
    ms = _mentions("أعلن رئيس الوزراء محمد شياع السوداني أنه وجّه دعوة رسمية للرئيس السوري أحمد الشرع لحضور القمة العربية "
                   "في بغداد.\n", date="2025-04-16")
    assert [(m.kind, m.status) for m in ms if m.kind != "statement"] == [("visit", "planned")], ms



def test_a_headline_joining_two_contacts_with_wa_is_two_contacts():
    ms = _mentions("إرجاء زيارة وزير الخارجية السوري إلى بغداد ونفي عراقي لاتصال بين رئيس الوزراء محمد شياع السوداني "
                   "والرئيس السوري أحمد الشرع.\n", date="2025-02-22")
    assert sorted((m.kind, m.status, sorted(m.named)) for m in ms) == [
        ("call", "denied", ["ahmed-al-sharaa", "mohammed-shia-al-sudani"]),
        ("visit", "postponed", ["asaad-al-shaibani"])], ms


def test_the_earlier_contacts_a_sentence_counts_carry_only_their_travellers():
    ms = _mentions("استقبل الرئيس السوري أحمد الشرع في دمشق اليوم رئيس جهاز المخابرات حميد الشطري بحضور حسين السلامة. "
                   "وهذه ثالث زيارة يجريها الشطري إلى دمشق، إذ كانت الأولى في 26 كانون الأول 2024 والثانية في 25 نيسان "
                   "الماضي.\n", date="2025-08-28")
    earlier = [m for m in ms if m.kind == "visit" and m.date != "2025-08-28"]
    assert [sorted(m.named) for m in earlier] == [["hamid-al-shatri"], ["hamid-al-shatri"]], ms
    assert all("الأولى" in m.summary for m in earlier)  # each shows the sentence that counts it


def test_a_second_new_user_s_ten_articles_give_their_ten_contacts(fresh_settings):
    """A second new user's trial (tests/data/new_user3, gold written before the product ran): each of their ten
    contacts once, with its day, kind, status, place and traveller; no Syria–Turkey or Iraq–Iran contact. Left
    undone: an undated title-only report ("last week's trip by Iraq's intelligence chief") stays a fragment of its
    own, and a message's sender (the prime minister) is listed among the 28 August visit's people."""
    from pathlib import Path
    _, events = _timeline(fresh_settings, Path(__file__).parent / "data" / "new_user3")
    got = {(e.date or "", e.kind, e.status, e.place["name_en"] if e.place else None): {p["id"] for p in e.participants}
           for e in events if e.kind != "statement"}
    want = {("2024-05-12", "visit", "happened", "Baghdad"): "abdul-amir-al-shammari",
            ("2024-12-26", "visit", "happened", "Damascus"): "hamid-al-shatri",
            ("2024-12-30", "call", "happened", None): "asaad-al-shaibani",
            ("", "visit", "postponed", "Baghdad"): "asaad-al-shaibani",
            ("", "call", "denied", None): "ahmed-al-sharaa",
            ("2025-03-14", "visit", "happened", "Baghdad"): "asaad-al-shaibani",
            ("", "meeting", "happened", "Doha"): "mohammed-shia-al-sudani",
            ("2025-04-25", "visit", "happened", "Damascus"): "hamid-al-shatri",
            ("2025-08-12", "visit", "happened", "Baghdad"): "mohammed-al-bashir",
            ("2025-08-28", "visit", "happened", "Damascus"): "hamid-al-shatri"}
    for key, person in want.items():
        assert person in got.get(key, set()), (key, sorted(got))
    # the one known fragment, and the planned meeting of the joint committee the two ministers agreed to form (a
    # contact of its own, as the real-reporting parts' writers count it; this user's gold does not), no more
    assert len(got) <= len(want) + 2, sorted(got)
    assert ("", "meeting", "planned", None) in got
    assert all(p["country"] in ("Iraq", "Syria") for e in events for p in e.participants)


# ---- fourth session: negated reports, venues abroad, regional officials, missions ------------------------

def test_a_sentence_saying_no_meeting_was_reported_or_held_is_no_contact():
    said = [
        "لم تعلن بغداد ولا دمشق عن أي اجتماع بين وزير الخارجية العراقي فؤاد حسين ونظيره السوري أسعد الشيباني.\n",
        "ولم تذكر وكالة الأنباء الرسمية إلى اليوم أي لقاء جمع فؤاد حسين بأسعد الشيباني في القاهرة.\n",
        "Neither government announced any meeting between Fuad Hussein and Asaad al-Shaibani in Cairo.\n",
        "Fuad Hussein did not meet Asaad al-Shaibani during the summit in Cairo, officials said.\n",
        "At the forum, Fuad Hussein had no announced meeting with his counterpart Asaad al-Shaibani.\n",
    ]
    for text in said:
        assert _contacts(text, date="2025-03-05") == [], text
    # a negation elsewhere in the sentence, or a meeting's details not given, keep the meeting
    kept = [
        "The Iraqi foreign ministry did not give details of the meeting between Fuad Hussein and Asaad al-Shaibani "
        "in Baghdad.\n",
        "التقى فؤاد حسين نظيره السوري أسعد الشيباني في بغداد، ولم يعلن عن أي اتفاق.\n",
    ]
    for text in kept:
        ms = _contacts(text, date="2025-03-05")
        assert len(ms) == 1 and ms[0].status == "happened", text


def test_a_meeting_in_a_third_country_city_is_placed_there_not_in_iraq_or_syria():
    for text in ("Fuad Hussein met Asaad al-Shaibani in Istanbul on Saturday on the sidelines of the OIC meeting.\n",
                 "التقى فؤاد حسين أسعد الشيباني في إسطنبول يوم السبت على هامش اجتماع منظمة التعاون الإسلامي.\n"):
        ms = _contacts(text, date="2025-06-22")
        assert len(ms) == 1 and ms[0].place["name_en"] == "Istanbul" and ms[0].place["country"] == "Turkey", ms


def test_a_regional_president_named_by_title_or_apposition_is_an_iraqi_participant():
    ar = _mentions("التقى رئيس إقليم كوردستان نيجيرفان بارزاني الرئيس السوري أحمد الشرع في أنطاليا يوم الجمعة.\n",
                   date="2025-04-12")
    en = _mentions("Nechirvan Barzani, president of Iraq's Kurdistan Region, met Syrian President Ahmed al-Sharaa in "
                   "Antalya on Friday.\n", date="2025-04-12")
    ids = []
    for ms in (ar, en):
        meet = [m for m in ms if m.kind == "meeting"]
        assert len(meet) == 1, ms
        iraqi = [p for p in meet[0].participants if p["country"] == "Iraq"]
        assert len(iraqi) == 1 and iraqi[0]["named"], meet[0].participants
        assert meet[0].place["name_en"] == "Antalya" and meet[0].date == "2025-04-11"
        ids.append(iraqi[0]["id"])
    assert ids[0] == ids[1]  # one person in both languages


def test_a_ministry_s_delegation_is_its_side_s_delegation_across_outlets():
    ar = _mentions("وصل وفد من وزارة الزراعة السورية إلى بغداد اليوم السبت لبحث ملف المياه.\n", date="2025-08-23")
    en = _mentions("A Syrian delegation arrived in Baghdad on Saturday to discuss water sharing.\n", date="2025-08-23")
    got = [{p["id"] for m in ms if m.kind in ("visit", "delegation") for p in m.participants} for ms in (ar, en)]
    assert got[0] == got[1] == {"syria-delegation"}, got


def test_the_city_of_the_embassy_that_reports_a_visit_is_not_where_the_visit_was():
    ms = _mentions("أفاد مصدر في السفارة العراقية بدمشق، اليوم السبت، بأن وفداً من وزارة الطوارئ السورية وصل إلى "
                   "العاصمة بغداد في زيارة لبحث التعاون.\n", date="2025-08-23")
    visit = [m for m in ms if m.kind in ("visit", "delegation")]
    assert len(visit) == 1 and visit[0].place["name_en"] == "Baghdad", [(m.kind, m.place) for m in ms]
    # the chargé d'affaires ("القائم بأعمال …") is no town of al-Qaim; where he serves is where he met
    ms = _mentions("بحث وزير الطاقة السوري محمد البشير مع القائم بأعمال سفارة جمهورية العراق في دمشق ياسين الحجيمي "
                   "أمس الثلاثاء التعاون في قطاع الطاقة.\n", date="2025-05-14")
    meet = [m for m in ms if m.kind != "statement"]
    assert len(meet) == 1 and meet[0].place and meet[0].place["name_en"] == "Damascus", [(m.kind, m.place) for m in ms]


def test_two_contacts_told_days_apart_in_one_sentence_are_two_even_with_one_person_in_both():
    for text in ("وفي نيسان، التقى وزير الخارجية العراقي فؤاد حسين الرئيس السوري أحمد الشرع في أنطاليا، قبل أيام من "
                 "لقاء رئيس الوزراء محمد شياع السوداني والشرع في الدوحة.\n",
                 "In April, Fuad Hussein met Ahmed al-Sharaa in Antalya, days before Mohammed Shia al-Sudani met "
                 "al-Sharaa in Doha.\n"):
        ms = _contacts(text, date="2025-05-01")
        got = sorted((m.place["name_en"], tuple(sorted(m.named))) for m in ms)
        assert got == [("Antalya", ("ahmed-al-sharaa", "fuad-hussein")),
                       ("Doha", ("ahmed-al-sharaa", "mohammed-shia-al-sudani"))], got


def test_a_headline_s_title_and_the_body_s_name_are_one_contact_but_not_in_another_city():
    ms = _mentions("Kurdistan Region president and Syria's al-Sharaa hold first meeting in Antalya\n\nANTALYA, April 11 - "
                   "Nechirvan Barzani, president of Iraq's Kurdistan Region, sat down with Syria's transitional "
                   "president Ahmed al-Sharaa on Friday on the sidelines of the forum.\n\nIraqi Prime Minister Mohammed "
                   "Shia al-Sudani met al-Sharaa in Doha on Tuesday.\n", date="2025-04-16")
    got = sorted((m.place and m.place["name_en"], len([p for p in m.participants if p["country"] == "Iraq"]))
                 for m in ms if m.kind != "statement")
    assert got == [("Antalya", 1), ("Doha", 1)], [(m.place, m.participants) for m in ms]
    # the title alone, then a named official of that side and rank in another city: another contact
    ms = _mentions("Kurdistan Region president and Syria's al-Sharaa hold first meeting in Antalya\n\nIraqi Prime "
                   "Minister Mohammed Shia al-Sudani met al-Sharaa in Doha on Tuesday.\n", date="2025-04-16")
    assert sorted(m.place["name_en"] for m in ms if m.kind != "statement") == ["Antalya", "Doha"]


def test_a_summit_trip_that_never_happened_months_ago_keeps_the_past_day():
    ms = _mentions("A year of contacts\nDecember 8, 2025\n\nAl-Sharaa's trip to Baghdad for the May 17 Arab summit, "
                   "however, never happened.\n")
    trip = [m for m in ms if m.kind == "visit"]
    assert len(trip) == 1 and trip[0].status == "cancelled" and trip[0].date == "2025-05-17", \
        [(m.kind, m.status, m.date) for m in ms]


def test_an_official_the_data_lacks_is_one_person_across_languages_shown_in_each_script(fresh_settings, tmp_path):
    folder = _write(tmp_path / "arts", {
        "ar.txt": "لقاء في أنطاليا\nأنطاليا، 12/04/2025\n\nالتقى وزير النقل العراقي رزاق محيبس السعداوي الرئيس السوري "
                  "أحمد الشرع في أنطاليا اليوم السبت على هامش المنتدى.\n",
        "en.txt": "Antalya meeting\nApril 12, 2025\n\nIraq's transport minister Razzaq Muhaibis al-Saadawi met Syrian "
                  "President Ahmed al-Sharaa in Antalya on Saturday on the sidelines of the forum.\n",
        # an undated report of the same two people joins the same contact
        "late.txt": "Transit road\n\nThe meeting between Iraq's transport minister Razzaq al-Saadawi and Syria's "
                    "president Ahmed al-Sharaa covered the transit road.\n",
    })
    _, events = _timeline(fresh_settings, folder)
    met = [e for e in events if e.kind != "statement"]
    assert len(met) == 1, [(e.kind, e.date, e.place, e.sources) for e in met]
    iraqi = [p for p in met[0].participants if p["country"] == "Iraq"]
    assert len(iraqi) == 1 and iraqi[0]["name_en"].endswith("al-Saadawi") and "السعداوي" in iraqi[0]["name"], iraqi
    assert met[0].place["name_en"] == "Antalya" and met[0].date == "2025-04-12" and len(met[0].sources) == 3


def test_no_official_has_visited_is_a_contact_that_never_was_but_no_date_for_a_meeting_is_not():
    ms = _contacts("No Iraqi prime minister has visited Damascus since the change of power.\n",
                   date="2025-12-08")
    assert [(m.kind, m.status) for m in ms] == [("visit", "hypothetical")], ms
    assert "mohammed-shia-al-sudani" not in ms[0].named  # no holder of the title: nobody's visit
    ms = _contacts("No date was given for the meeting between Fuad Hussein and Asaad al-Shaibani in "
                   "Baghdad.\n", date="2025-03-10")
    assert [m.status for m in ms] == ["happened"], ms


def test_an_arabic_name_before_its_title_in_apposition_is_a_named_participant():
    ms = _mentions("استقبل الرئيس السوري أحمد الشرع في دمشق رزاق محيبس السعداوي، وزير النقل العراقي، والوفد "
                   "المرافق له.\n", date="2025-05-12")
    iraqi = [p for m in ms for p in m.participants if p["country"] == "Iraq"]
    assert len(iraqi) == 1 and iraqi[0]["named"] and iraqi[0]["name"] == "رزاق محيبس السعداوي", iraqi
    # a place after "في" before the comma is no name
    ms = _mentions("التقى الرئيس السوري أحمد الشرع في قصر الشعب، وزير النقل العراقي.\n", date="2025-05-12")
    iraqi = [p for m in ms for p in m.participants if p["country"] == "Iraq"]
    assert len(iraqi) == 1 and not iraqi[0]["named"], iraqi


def test_undated_reports_of_a_side_s_delegation_join_its_dated_visit_to_that_city(fresh_settings, tmp_path):
    folder = _write(tmp_path / "arts", {
        "dated.txt": "وفد سوري في بغداد\nبغداد، 23/08/2025\n\nوصل وفد من وزارة الطوارئ السورية إلى بغداد اليوم السبت "
                     "لبحث التعاون في مكافحة الحرائق.\n",
        "undated_en.txt": "Syrian delegation in Baghdad\n\nA Syrian delegation arrived in Baghdad on Saturday to thank "
                          "Iraq for its firefighting help.\n",
        "undated_ar.txt": "الشمري يستقبل الوفد السوري\n\nاستقبل وزير الداخلية العراقي عبد الأمير الشمري في بغداد وفداً من "
                          "وزارة الطوارئ السورية وبحث معه التعاون في الدفاع المدني.\n",
        # another city's delegation stays apart
        "other.txt": "وفد عراقي في دمشق\nدمشق، 02/09/2025\n\nوصل وفد من وزارة الزراعة العراقية إلى دمشق اليوم الثلاثاء.\n",
    })
    _, events = _timeline(fresh_settings, folder)
    got = sorted((e.date, e.place["name_en"], len(e.sources)) for e in events if e.kind != "statement")
    assert got == [("2025-08-23", "Baghdad", 3), ("2025-09-02", "Damascus", 1)], got


def test_a_third_party_s_envoy_for_syria_makes_no_iraq_syria_contact():
    for text in ("Iraqi Foreign Minister Fuad Hussein met the UN envoy for Syria Geir Pedersen in Baghdad on Sunday.\n",
                 "Iraq's national security adviser Qasim al-Araji met Claudio Cordone, of the UN mission in Syria, in "
                 "Baghdad.\n"):
        assert _contacts(text, date="2025-03-10") == [], text
    ms = _mentions("Fuad Hussein met Syrian Foreign Minister Asaad al-Shaibani and the UN envoy for Syria in Geneva.\n",
                   date="2025-03-10")
    assert [m.kind for m in ms] == ["meeting"]


def test_a_yearly_review_paragraph_gives_each_contact_its_own_city_and_day():
    ms = _mentions("Twelve months of contacts\nDecember 8, 2025\n\nIn spring, Hamid al-Shatri, Iraq's intelligence "
                   "chief, returned to Damascus on April 25 and saw Ahmed al-Sharaa again.\n\nBaghdad flew fire crews to "
                   "Latakia during July, and a Syrian civil-defence delegation under a deputy minister of the emergencies "
                   "ministry arrived in Baghdad on August 23 to thank the government.\n\nAl-Shatri was back in Damascus on August 28.\n")
    got = sorted((m.date, m.place["name_en"]) for m in ms if m.kind != "statement")
    assert got == [("2025-04-25", "Damascus"), ("2025-08-23", "Baghdad"), ("2025-08-28", "Damascus")], got


def test_going_back_home_is_no_venue_and_the_day_a_trip_was_set_for_is_not_its_day():
    ms = _contacts("Syrian Foreign Minister Asaad al-Shaibani returned to Damascus on Saturday after talks "
                   "with Fuad Hussein in Baghdad.\n", date="2025-03-16")
    assert len(ms) == 1 and ms[0].place["name_en"] == "Baghdad", [(m.kind, m.place) for m in ms]
    ms = _contacts("A year on\nDecember 8, 2025\n\nAsaad al-Shaibani's first trip to Baghdad, set for February "
                   "22, slipped to March 14.\n")
    assert [(m.status, m.date) for m in ms] == [("happened", "2025-03-14")], [(m.status, m.date) for m in ms]
    # "كان من المقرر" says when it was due: with "وصل" the visit happened, today
    ms = _contacts("زيارة\n10/05/2025\n\nوصل وزير الخارجية السوري أسعد الشيباني إلى بغداد اليوم بعد أن كان "
                   "من المقرر أن يصل الشهر الماضي.\n")
    assert [(m.status, m.date) for m in ms] == [("happened", "2025-05-10")], [(m.status, m.date) for m in ms]


def test_english_titles_with_a_portfolio_after_them_or_a_rank_before_them_name_their_holder():
    for text, want in (
            ("Syria's Minister of Transport Yarub Badr met Iraqi Transport Minister Razzaq al-Saadawi in Baghdad.\n",
             {"Yarub Badr", "Razzaq al-Saadawi"}),
            ("Iraqi Minister of Water Resources Aoun Diab Abdullah and Syrian Minister of Energy Mohammed al-Bashir "
             "met in Baghdad.\n", {"Aoun Diab Abdullah", "Mohammed al-Bashir"}),
            ("Syrian Deputy Foreign Minister Mohammed Ahmad met Iraqi Deputy Foreign Minister Mohammed Bahr al-Uloom "
             "in Damascus.\n", {"Mohammed Ahmad", "Mohammed Bahr al-Uloom"})):
        ms = _contacts(text, date="2025-08-12")
        assert len(ms) == 1 and {p["name_en"] for p in ms[0].participants} == want, \
            [(m.kind, [p["name_en"] for p in m.participants]) for m in ms]


def test_a_counterpart_or_a_governor_named_after_the_title_is_a_named_participant():
    for text, want in (
            ("بحث رئيس هيئة المنافذ الحدودية العراقية عمر الوائلي مع نظيره السوري قتيبة بدوي فتح معبر القائم.\n",
             {"عمر الوائلي", "قتيبة بدوي"}),
            ("Syrian Transport Minister Yarub Badr met his Iraqi counterpart Razzaq al-Saadawi in Baghdad.\n",
             {"Yarub Badr", "Razzaq al-Saadawi"})):
        ms = _contacts(text, date="2025-06-14")
        assert len(ms) == 1 and {p["name"] for p in ms[0].participants} == want, \
            [(m.kind, [p["name"] for p in m.participants]) for m in ms]
    ms = _mentions("استقبل محافظ الأنبار محمد نوري الكربولي وفداً سورياً في الرمادي.\n", date="2025-06-14")
    iraqi = [p for m in ms for p in m.participants if p["country"] == "Iraq"]
    assert [p["name"] for p in iraqi] == ["محمد نوري الكربولي"], iraqi


def test_an_english_governor_named_after_his_province_is_his_side_s_named_participant():
    ms = _mentions("Anbar governor Mohammed Nouri al-Karbouli received a Syrian delegation in Ramadi on Monday.\n",
                   date="2025-06-16")
    iraqi = [p for m in ms for p in m.participants if p["country"] == "Iraq"]
    assert [p["name_en"] for p in iraqi] == ["Mohammed Nouri al-Karbouli"], [(m.kind, m.participants) for m in ms]


def test_an_undated_report_of_a_december_visit_joins_the_december_contact_dated_by_month(fresh_settings, tmp_path):
    folder = _write(tmp_path / "arts", {
        "dec.txt": "A first envoy\nJanuary 5, 2025\n\nIn December 2024, Iraq's intelligence chief Hamid al-Shatri "
                   "visited Damascus and met Ahmed al-Sharaa.\n",
        "aug.txt": "Al-Shatri again in Damascus\nAugust 28, 2025\n\nHamid al-Shatri met Ahmed al-Sharaa in Damascus "
                   "today.\n",
        "apr.txt": "A second visit\nApril 25, 2025\n\nHamid al-Shatri met Ahmed al-Sharaa in Damascus today.\n",
        "undated.txt": "The security channel\n\nAfter the fall of Assad, the channel ran through Hamid al-Shatri, who "
                       "travelled to Damascus in late December.\n",
    })
    _, events = _timeline(fresh_settings, folder)
    got = sorted((e.date, tuple(e.sources)) for e in events if e.kind == "visit")
    assert got == [("2024-12", ("dec.txt", "undated.txt")), ("2025-04-25", ("apr.txt",)),
                   ("2025-08-28", ("aug.txt",))], got


def test_a_weekday_written_with_a_full_date_takes_that_date_even_on_an_undated_page():
    for text, day in (("Iraqi Prime Minister Mohammed Shia al-Sudani met Syrian President Ahmed al-Sharaa in Doha on "
                       "Thursday, 17 April 2025, in talks brokered by Qatar.\n", "2025-04-17"),
                      ("وصل وزير الطاقة السوري محمد البشير إلى بغداد يوم الاثنين 11 آب 2025 والتقى وزير النفط العراقي "
                       "حيان عبد الغني.\n", "2025-08-11")):
        ms = _contacts("Headline of the report\n\n" + text)
        assert [m.date for m in ms] == [day], [(m.date, m.date_basis) for m in ms]


def test_a_summit_skipped_a_delegation_to_lead_and_a_long_delayed_trip_have_their_statuses():
    ms = _mentions("Summit news\nMay 13, 2025 — Levant Review\n\nSyria's interim President Ahmed al-Sharaa will not "
                   "take part in the Arab League summit in Baghdad on Saturday, the Syrian presidency said on Monday.\n")
    got = [(m.kind, m.status, m.date) for m in ms if m.kind != "statement"]
    assert got == [("visit", "cancelled", "2025-05-17")], got
    ms = _mentions("Syria's top diplomat makes long-delayed first trip to Baghdad\nMarch 14, 2025\n\nSyrian Foreign "
                   "Minister Asaad al-Shaibani arrived in Baghdad on Friday.\n")
    assert {m.status for m in ms if m.kind != "statement"} == {"happened"}, [(m.kind, m.status) for m in ms]


def test_the_day_a_postponed_visit_was_due_is_its_day():
    ms = _mentions("تأجيل زيارة\n22 شباط 2025\n\nأُرجئت زيارة وزير الخارجية السوري أسعد الشيباني إلى العاصمة العراقية "
                   "بغداد، التي كان من المقرر أن تبدأ اليوم السبت، إلى إشعار آخر.\n")
    got = [(m.status, m.date) for m in ms if m.kind == "visit"]
    assert got == [("postponed", "2025-02-22")], got


def test_the_syrian_minister_is_the_one_syrian_minister_the_article_named_before():
    ms = _mentions("Syrian FM in Baghdad\nMarch 14, 2025\n\nSyrian Foreign Minister Asaad al-Shaibani arrived in Baghdad "
                   "on Friday. Later in the day the Syrian minister was received by Prime Minister Mohammed Shia "
                   "al-Sudani.\n")
    assert all("Syrian minister" not in [p["name_en"] for p in m.participants] for m in ms), \
        [[p["name_en"] for p in m.participants] for m in ms]
    assert any({"asaad-al-shaibani", "mohammed-shia-al-sudani"} <= m.named for m in ms)
    # two Syrian ministers named before: "the Syrian minister" stays unnamed
    ms = _mentions("Syrian Foreign Minister Asaad al-Shaibani and Syrian Economy Minister Mohammad Nidal al-Shaar "
                   "arrived in Baghdad on Friday. Later the Syrian minister was received by Prime Minister Mohammed "
                   "Shia al-Sudani.\n", date="2025-03-14")
    assert any("Syrian minister" in [p["name_en"] for p in m.participants] for m in ms)


def test_a_fourth_new_user_s_ten_articles_hold_against_their_own_gold(fresh_settings):
    """A fourth new user's trial (tests/data/new_user4: ten articles and their gold written before the product ran;
    fixed against since, so development data): at least 10 of their 12 contacts, none twice, every dated one on its
    day. Left undone: a meeting on the second day of a visit is merged into the visit (their gold keeps it apart), and
    'will head the Syrian delegation' (a plan naming one side only) is missed."""
    from pathlib import Path

    from evals.timeline import score_timeline

    folder = Path(__file__).parent / "data" / "new_user4"
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["contacts"]
    _, events = _timeline(fresh_settings, folder)
    got = score_timeline(gold, [e.to_dict() for e in events])
    assert got["recall"] >= 10 / 12 - 1e-9 and got["duplicates"] == 0 and got["dated_date_accuracy"] == 1.0, \
        {k: v for k, v in got.items() if k not in ("rows", "unmatched_events")}
    assert got["third_country_events"] == 0


def test_a_third_party_s_official_named_in_commas_after_his_title_makes_no_iraq_syria_contact():
    # the name set off by commas belongs to the title's clause: the contact is the third party's
    for text in ("Iraqi Prime Minister Mohammed Shia al-Sudani received the US special envoy for Syria, Tom Barrack, "
                 "in Baghdad on Sunday for talks on how Iraq can help stabilise Damascus, his office said.\n",
                 "استقبل رئيس الوزراء محمد شياع السوداني المبعوث الأمريكي، توم باراك، في بغداد يوم الأحد لبحث "
                 "الأوضاع في دمشق.\n"):
        assert _contacts(text, date="2025-03-10") == [], text
    # a counterpart named the same way is a participant of the contact
    ms = _mentions("Iraqi Foreign Minister Fuad Hussein received his Syrian counterpart, Asaad al-Shaibani, in Baghdad "
                   "on Sunday.\n", date="2025-03-10")
    assert [(m.kind, m.date, sorted(p["name_en"] for p in m.participants)) for m in ms] == \
        [("visit", "2025-03-09", ["Asaad al-Shaibani", "Fuad Hussein"])]


def test_a_possible_visit_or_one_that_only_if_or_lau_would_happen_is_hypothetical():
    for text in ("ويضيف أن زيارة محتملة لوزير النفط العراقي إلى بانياس لن تكون مطروحة قبل توصية اللجنة.\n",
                 "ويرى مراقبون أن زيارة وزير الخارجية السوري إلى بغداد، لو حصلت، ستفتح صفحة جديدة.\n",
                 "ولن تتم زيارة وزير النفط العراقي إلى بانياس إلا إذا أوصت اللجنة بذلك.\n",
                 "Officials say a potential visit by Iraq's oil minister to Baniyas is on the table.\n",
                 "A visit by Iraq's oil minister to Baniyas would come only if the committee recommends it.\n"):
        ms = _contacts(text, date="2025-08-20")
        assert [(m.kind, m.status) for m in ms] == [("visit", "hypothetical")], text


def test_a_clause_a_join_word_opens_without_a_contact_word_gives_no_status_to_the_contact_before():
    for text in ("وفي آذار جرى أول اتصال مباشر بين السوداني والشرع، في حين غاب الشرع عن قمة بغداد في أيار.\n",
                 "In March al-Sudani and al-Sharaa held their first phone call, whereas al-Sharaa stayed away from "
                 "the Baghdad summit in May.\n"):
        ms = _contacts(text, date="2025-12-01")
        assert [(m.kind, m.status, m.date) for m in ms] == [("call", "happened", "2025-03")], text
    # in the contact's own clause the cue still counts
    ms = _mentions("أُلغي الاتصال بين السوداني والشرع في أيار، في حين زار الشيباني بغداد.\n", date="2025-12-01")
    assert ("call", "cancelled") in [(m.kind, m.status) for m in ms]


def test_a_contact_and_another_of_another_status_joined_in_one_sentence_are_two_even_with_one_person_in_both():
    for text in ("التقى وزير الخارجية فؤاد حسين نظيره السوري أسعد الشيباني في بغداد يوم الأحد، في حين تأجلت زيارة "
                 "الشيباني إلى أربيل.\n",
                 "Fuad Hussein met Syrian Foreign Minister Asaad al-Shaibani in Baghdad on Sunday, but al-Shaibani's "
                 "visit to Erbil was postponed.\n"):
        ms = _contacts(text, date="2025-03-10")
        assert [(m.status, m.date, m.place["name_en"]) for m in ms] == \
            [("happened", "2025-03-09", "Baghdad"), ("postponed", None, "Erbil")], text


def test_a_sentence_with_vowel_marks_is_split_into_its_contacts_as_one_without_them():
    for text in ("وفي حزيران استقبل الشرع المبعوث الخاص للسوداني عزت الشابندر، قبل أن يُعاد فتح منفذ القائم في 14 "
                 "حزيران، ويزور وزير الطاقة السوري محمد البشير بغداد في آب.\n",
                 "وفي حزيران استقبل الشرع المبعوث الخاص للسوداني عزت الشابندر، قبل أن يعاد فتح منفذ القائم في 14 "
                 "حزيران، ويزور وزير الطاقة السوري محمد البشير بغداد في آب.\n"):
        ms = _contacts(text, date="2025-12-08")
        assert [(m.date, sorted(p["name_en"] for p in m.participants)) for m in ms] == [
            ("2025-06", ["Ahmed al-Sharaa", "Izzat al-Shabandar"]),  # (whose envoy he is takes no part)
            ("2025-08", ["Mohammed al-Bashir"])], text
        # each part cites its own words, vowel marks kept
        assert all(c["text"] in text for m in ms for c in m.citations)


def test_still_and_especially_after_la_are_no_negation_but_la_before_a_contact_word_is():
    ms = _mentions("لا يزال مصير زيارة محتملة للرئيس أحمد الشرع إلى بغداد معلقاً.\n", date="2025-03-10")
    assert [(m.kind, m.status) for m in ms] == [("visit", "hypothetical")]
    assert _mentions("لا زيارة للرئيس أحمد الشرع إلى بغداد هذا الشهر.\n", date="2025-03-10") == []


def test_a_title_the_data_gives_as_one_person_s_role_names_him_on_dated_and_undated_pages_and_if_definite():
    for text, date in (("Syrian President Ahmed al-Sharaa received the Iraqi oil minister in Damascus on Sunday.\n",
                        "2025-03-10"),
                       ("استقبل الرئيس السوري أحمد الشرع وزير النفط العراقي في دمشق.\n", ""),
                       ("ويضيف أن زيارة محتملة لوزير النفط العراقي إلى بانياس لن تكون مطروحة.\n", "")):
        ms = _contacts(text, date=date)
        assert "Hayan Abdul Ghani" in [p["name_en"] for m in ms for p in m.participants], text
    # a contact that would be, of no one in particular: the title stays a title
    for text in ("ويرى مراقبون أن زيارة رئيس وزراء عراقي إلى دمشق، لو حصلت، ستكون الأولى.\n",
                 "Observers say a visit by an Iraqi prime minister to Damascus, if it happened, would be the first.\n"):
        ms = _mentions(text, date="2025-03-10")
        assert [p["named"] for m in ms for p in m.participants] == [False], text
    # a definite one is its holder on the page's day
    ms = _mentions("Observers say a visit by the Iraqi prime minister to Damascus, if it happened, would be the first.\n",
                   date="2025-03-10")
    assert [p["name_en"] for m in ms for p in m.participants] == ["Mohammed Shia al-Sudani"]


def test_the_days_of_earlier_visits_counted_together_are_not_the_day_of_the_visit_reported():
    for text in ("استقبل الرئيس السوري أحمد الشرع في دمشق رئيس جهاز المخابرات العراقي حميد الشطري. وهي الزيارة الثالثة "
                 "للشطري إلى دمشق، بعد زيارتي كانون الأول 2024 ونيسان 2025.\n",
                 "Syrian President Ahmed al-Sharaa received Iraq's intelligence chief Hamid al-Shatri in Damascus. It "
                 "was al-Shatri's third trip to Damascus, after visits in December 2024 and April 2025.\n"):
        ms = _contacts(text)
        first = [m for m in ms if "Ahmed al-Sharaa" in [p["name_en"] for p in m.participants]]
        assert [m.date for m in first] == [None], text


def test_a_subject_that_goes_on_to_another_contact_on_another_day_gives_two_contacts_with_the_same_people():
    for text in ("Prime Minister Mohammed Shia al-Sudani and Ahmed al-Sharaa first spoke by phone on March 31, and met "
                 "face to face in Doha on April 15.\n",
                 "أما السوداني والشرع فقد تحادثا هاتفياً أواخر آذار، والتقيا في الدوحة منتصف نيسان.\n"):
        ms = _contacts(text, date="2025-12-01")
        assert [(m.kind, m.date[:7], (m.place or {}).get("name_en"), sorted(p["name_en"] for p in m.participants))
                for m in ms] == [("call", "2025-03", None, ["Ahmed al-Sharaa", "Mohammed Shia al-Sudani"]),
                                 ("meeting", "2025-04", "Doha", ["Ahmed al-Sharaa", "Mohammed Shia al-Sudani"])], text
    # the same kind again on another day, the place carried: two visits
    ms = _contacts("Iraq's intelligence chief Hamid al-Shatri visited Damascus on December 26, 2024, and "
                   "visited it again on April 25, 2025.\n", date="2025-12-01")
    assert [(m.date, m.place["name_en"]) for m in ms] == [("2024-12-26", "Damascus"), ("2025-04-25", "Damascus")]
    # a clause going on about the same contact, with no day of its own, stays in it
    ms = _mentions("استقبل فؤاد حسين نظيره السوري أسعد الشيباني في بغداد، وبحث معه أمن الحدود.\n", date="2025-12-01")
    assert len([m for m in ms if m.kind != "statement"]) == 1


def test_an_official_expected_or_due_in_a_city_is_a_planned_visit():
    for text in ("Syria's foreign minister Asaad al-Shaibani is expected in Baghdad early next week, sources said.\n",
                 "Iraq's intelligence chief Hamid al-Shatri is due in Damascus on Sunday.\n"):
        ms = _contacts(text, date="2025-01-08")
        assert [(m.kind, m.status) for m in ms] == [("visit", "planned")], text


def test_speculation_that_two_leaders_could_cross_paths_is_a_rumoured_meeting():
    ms = _mentions("Several Iraqi outlets have speculated that Ahmed al-Sharaa could cross paths with Iraqi President "
                   "Abdul Latif Rashid in New York.\n", date="2025-09-20")
    assert [m.status for m in ms if m.kind != "statement"] == ["rumoured"]


def test_a_visit_that_happened_and_the_day_it_had_been_due_before_it_was_put_off_are_two_contacts():
    ms = [m for m in _mentions("وصل وزير الخارجية السوري أسعد الشيباني إلى بغداد اليوم الجمعة.\nكانت الزيارة مقررة يوم "
                               "السبت 22 شباط الماضي، غير أنها أُرجئت من دون تفسير رسمي.\n", date="2025-03-14")
          if m.kind != "statement"]
    assert [(m.status, m.date) for m in ms] == [("happened", "2025-03-14"), ("postponed", "2025-02-22")]
    assert [p["name_en"] for p in ms[1].participants] == ["Asaad al-Shaibani"]
    # no day of its own that was due ("expected since January, called off in February"): no contact, and no day
    # for the visit either
    ms = _contacts("Syrian Foreign Minister Asaad al-Shaibani arrived in Baghdad.\nThe trip had been "
                   "expected since January and was called off at least once, in February.\n",
                   date="2025-03-14")
    assert [(m.status, m.date) for m in ms] == [("happened", None)]


def test_an_undated_report_of_other_hosts_in_the_same_city_joins_the_dated_visit(fresh_settings, tmp_path):
    folder = _write(tmp_path / "arts", {
        "wire.txt": "Syrian FM in Baghdad\nMarch 14, 2025\n\nIraqi Foreign Minister Fuad Hussein received Syrian Foreign "
                    "Minister Asaad al-Shaibani in Baghdad on Friday.\n",
        "blog.txt": "تغطية مباشرة\n\nرئيس الجمهورية عبد اللطيف رشيد يستقبل وزير الخارجية السوري أسعد الشيباني في قصر "
                    "بغداد.\n",
        # another visitor's stays apart
        "other.txt": "الشمري في دمشق\n\nاستقبل الرئيس السوري أحمد الشرع وزير الداخلية العراقي عبد الأمير الشمري في "
                     "دمشق.\n",
    })
    _, events = _timeline(fresh_settings, folder)
    got = sorted((e.date or "", e.place["name_en"], len(e.sources)) for e in events if e.kind != "statement")
    assert got == [("", "Damascus", 1), ("2025-03-14", "Baghdad", 2)], got


def test_the_other_side_s_plan_joined_to_a_cancelled_attendance_is_a_planned_contact_at_the_same_venue():
    for text in ("الرئيس أحمد الشرع لن يحضر قمة بغداد يوم السبت، وسيترأس وفد بلاده وزير الخارجية أسعد الشيباني.\n",
                 "Syrian President Ahmed al-Sharaa will not attend the Baghdad summit on Saturday, and Foreign Minister "
                 "Asaad al-Shaibani will lead the Syrian delegation.\n"):
        ms = _contacts(text, date="2025-05-13")
        assert [(m.status, m.place["name_en"], [p["name_en"] for p in m.participants]) for m in ms] == [
            ("cancelled", "Baghdad", ["Ahmed al-Sharaa"]), ("planned", "Baghdad", ["Asaad al-Shaibani"])], text
    # a clause that only names the other visit, reporting nothing of it, is none
    ms = _mentions("ويرى مراقبون أنه من المستبعد أن يزور الشرع بغداد قبل أن تتضح العلاقة، فيما تبقى زيارة الشيباني "
                   "الاختبار الأول لها.\n", date="2025-01-20")
    assert [m.status for m in ms if m.kind != "statement"] == ["hypothetical"]


def test_a_meeting_in_a_city_abroad_named_with_its_country_is_placed_there_not_in_the_dateline_s_city():
    ms = _mentions("أربيل (كوردستان24)- التقى رئيس حكومة إقليم كوردستان مسرور بارزاني، اليوم الخميس، وزير الخارجية "
                   "السوري أسعد الشيباني، على هامش أعمال المنتدى الاقتصادي العالمي في دافوس بسويسرا.\n",
                   date="2025-01-23")
    assert [(m.kind, m.date, m.place["name_en"]) for m in ms if m.kind != "statement"] == \
        [("meeting", "2025-01-23", "Davos")]
    # the dateline's city ("أربيل (كوردستان24)-") is where the report was filed, not where the meeting was
    ms = _mentions("أربيل (كوردستان24)- التقى رئيس حكومة إقليم كوردستان مسرور بارزاني، اليوم الخميس، وزير الخارجية "
                   "السوري أسعد الشيباني.\n", date="2025-01-23")
    assert [m.place for m in ms if m.kind != "statement"] == [None]


def test_the_two_barzanis_are_two_people_in_both_languages_and_a_place_where_it_was_heard_of_is_no_venue():
    ar = _mentions("التقى رئيس حكومة إقليم كوردستان مسرور بارزاني وزير الخارجية السوري أسعد الشيباني في دافوس.\n",
                   date="2025-01-23")
    en = _mentions("Kurdistan Region President Nechirvan Barzani met Syria's President Ahmed al-Sharaa in Antalya.\n",
                   date="2025-04-11")
    assert {p["id"] for m in ar for p in m.participants} == {"masrour-barzani", "asaad-al-shaibani"}
    assert {p["id"] for m in en for p in m.participants} == {"nechirvan-barzani", "ahmed-al-sharaa"}
    # "drew attention in Baghdad": heard of there, met elsewhere
    ms = _mentions("Nechirvan Barzani's meeting with Ahmed al-Sharaa on Friday drew attention in Baghdad.\n",
                   date="2025-04-13")
    assert [m.place for m in ms if m.kind != "statement"] == [None]


def test_a_headline_s_title_and_a_body_naming_both_sides_in_the_same_country_are_one_contact():
    ms = _mentions("Kurdistan Region president meets Syria's Sharaa in Antalya\n\nNechirvan Barzani sat down with "
                   "Syria's interim President Ahmed al-Sharaa on Friday on the sidelines of a forum in Turkey.\n",
                   date="2025-04-11")
    got = [(m.date, m.place["name_en"], sorted(p["name_en"] for p in m.participants)) for m in ms
           if m.kind != "statement"]
    assert got == [("2025-04-11", "Antalya", ["Ahmed al-Sharaa", "Nechirvan Barzani"])], got


def test_a_visitor_who_also_met_another_host_is_one_visit_but_not_with_an_envoy_where_he_serves():
    ms = _mentions("Syrian Energy Minister Mohammed al-Bashir arrived in Baghdad on Monday for talks with Iraqi Oil "
                   "Minister Hayan Abdul Ghani.\nAl-Bashir also met Iraqi Water Resources Minister Aoun Diab Abdullah.\n",
                   date="2025-08-12")
    assert [sorted(p["name_en"] for p in m.participants) for m in ms if m.kind != "statement"] == \
        [["Aoun Diab Abdullah", "Hayan Abdul Ghani", "Mohammed al-Bashir"]]
    ms = _mentions("Syrian Energy Minister Mohammed al-Bashir arrived in Baghdad on Monday for talks with Iraqi Oil "
                   "Minister Hayan Abdul Ghani.\nAl-Bashir also met Iraq's charge d'affaires, Yassin "
                   "al-Hujaimi.\n", date="2025-08-12")
    assert len([m for m in ms if m.kind != "statement"]) == 2


def test_an_undated_report_that_fits_two_contacts_at_first_joins_the_one_its_people_turn_out_to_share(
        fresh_settings, tmp_path):
    folder = _write(tmp_path / "arts", {
        "mar.txt": "الشيباني في بغداد\nبغداد، 14/03/2025\n\nوصل وزير الخارجية السوري أسعد الشيباني إلى بغداد اليوم "
                   "الجمعة.\n",
        "may.txt": "الشيباني في القمة\nبغداد، 16/05/2025\n\nوصل وزير الخارجية السوري أسعد الشيباني إلى بغداد اليوم "
                   "الجمعة.\n",
        # undated, on a Friday: both fit, until the report below joins March
        "friday.txt": "الشيباني في بغداد\n\nاستقبل رئيس الوزراء محمد شياع السوداني ورئيس الجمهورية عبد اللطيف رشيد "
                      "وزير الخارجية السوري أسعد الشيباني في بغداد أمس الجمعة.\n",
        "march14.txt": "السوداني والشيباني\n\nاستقبل رئيس الوزراء محمد شياع السوداني وزير الخارجية السوري أسعد "
                       "الشيباني في بغداد في 14 آذار.\n",
    })
    _, events = _timeline(fresh_settings, folder)
    got = sorted((e.date, sorted(e.sources)) for e in events if e.kind != "statement")
    assert got == [("2025-03-14", ["friday.txt", "mar.txt", "march14.txt"]), ("2025-05-16", ["may.txt"])], got


def test_an_undated_weekday_does_not_join_the_same_people_s_contact_in_another_country(fresh_settings, tmp_path):
    folder = _write(tmp_path / "arts", {
        "damascus.txt": "الشطري في دمشق\nدمشق، 26/12/2024\n\nالتقى رئيس جهاز المخابرات العراقي حميد الشطري وزير "
                        "الخارجية السوري أسعد الشيباني في دمشق اليوم الخميس.\n",
        "baghdad.txt": "الشيباني والشطري في بغداد\n\nالتقى وزير الخارجية السوري أسعد الشيباني رئيس جهاز المخابرات "
                       "العراقي حميد الشطري في بغداد أمس الجمعة.\n",
    })
    _, events = _timeline(fresh_settings, folder)
    got = sorted(e.place["name_en"] for e in events if e.kind != "statement")
    assert got == ["Baghdad", "Damascus"], got


def test_a_fifth_new_user_s_twelve_articles_hold_against_their_own_gold(fresh_settings):
    """A fifth new user's trial (tests/data/new_user5: twelve articles in formats of their own — wire copy with a
    year-less dateline, a live blog, a TV transcript, a repost, an op-ed — and their gold, written before the product
    ran; fixed against since, so development data). Session start (a0cebad): recall 0.85, 2 duplicates, dated right
    0.55. Left undone: al-Bashir's 5 August meeting with Iraq's chargé d'affaires, told only as what 'the visit
    followed', and al-Shaibani heading his delegation to the summit (the transcript says it as a plan)."""
    from pathlib import Path

    from evals.timeline import score_timeline

    folder = Path(__file__).parent / "data" / "new_user5"
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["events"]
    _, events = _timeline(fresh_settings, folder)
    got = score_timeline(gold, [e.to_dict() for e in events])
    assert got["recall"] >= 11 / 13 - 1e-9 and got["duplicates"] <= 1 and got["dated_date_accuracy"] >= 0.8, \
        {k: v for k, v in got.items() if k not in ("rows", "unmatched_events")}
    assert got["third_country_events"] == 0


def test_a_plan_s_words_in_another_clause_without_a_contact_word_make_no_planned_contact():
    ms = _mentions("وتأتي الزيارة بعد عشرة أيام من لقاء جمع أحمد الشرع ومحمد شياع السوداني في الدوحة، وقبل أقل من شهر "
                   "على القمة العربية المقبلة.\n", date="2025-04-26")
    assert [m.status for m in ms if m.kind != "statement"] == ["happened"]
    # in another clause with a contact word of its own, they still make one
    ms = _mentions("أعلن مصدر حكومي أن أحمد الشرع ومحمد شياع السوداني سيبحثان الملفات الأمنية، خلال لقاء مرتقب في "
                   "الدوحة.\n", date="2025-04-10")
    assert [m.status for m in ms if m.kind != "statement"] == ["planned"]


def test_an_op_ed_s_came_to_spent_days_in_and_same_table_are_contacts_and_since_a_day_is_not_its_day():
    ms = _contacts("Al-Shaibani finally came to Baghdad in mid-March, after one aborted date, and a month "
                   "later the Qatari emir sat Mohammed Shia al-Sudani and Ahmed al-Sharaa at the same table "
                   "in Doha.\n", date="2025-09-03")
    assert [(m.kind, m.date, m.place["name_en"]) for m in ms] == [("visit", "2025-03", "Baghdad"),
                                                                   ("meeting", None, "Doha")]
    ms = _mentions("Syria's energy minister Mohammed al-Bashir spent two days in Baghdad in August.\n", date="2025-09-03")
    assert [(m.kind, m.date) for m in ms if m.kind != "statement"] == [("visit", "2025-08")]
    ms = _mentions("It was the first time since the fall of Bashar al-Assad in December that Iraqi Defence Minister "
                   "Thabet al-Abbasi and Syrian Defence Minister Murhaf Abu Qasra sat at the same table.\n",
                   date="2025-03-09")
    assert [m.date for m in ms if m.kind != "statement"] == [None]


def test_a_meeting_a_source_deems_likely_is_rumoured_and_one_deemed_unlikely_hypothetical():
    for text in ("وأضاف المصدر أن من المرجح أن يلتقي وزير الخارجية العراقي فؤاد حسين نظيره السوري أسعد الشيباني على "
                 "هامش المنتدى.\n",
                 "Sources said Iraqi Foreign Minister Fuad Hussein is likely to meet Syrian Foreign Minister Asaad "
                 "al-Shaibani on the sidelines of the forum.\n"):
        assert [m.status for m in _mentions(text, date="2025-04-10") if m.kind != "statement"] == ["rumoured"], text
    ms = _mentions("ويرجح دبلوماسيون أنه من غير المرجح أن يزور الرئيس السوري أحمد الشرع بغداد.\n", date="2025-04-10")
    assert [m.status for m in ms if m.kind != "statement"] == ["hypothetical"]


def test_the_water_minister_and_the_charge_d_affaires_in_damascus_are_one_person_each_in_both_languages():
    for text in ("استقبل وزير الطاقة السوري محمد البشير وزير الموارد المائية العراقي عون ذياب عبد الله في دمشق.\n",
                 "Syrian Energy Minister Mohammed al-Bashir received Iraqi Water Resources Minister Aoun Diab Abdullah "
                 "in Damascus.\n", "استقبل وزير الطاقة السوري محمد البشير وزير الموارد المائية العراقي في دمشق.\n"):
        assert "aoun-diab-abdullah" in {p["id"] for m in _mentions(text) for p in m.participants}, text
    for text in ("التقى وزير الطاقة السوري محمد البشير القائم بأعمال السفارة العراقية في دمشق ياسين شريف الحجيمي.\n",
                 "Syrian Energy Minister Mohammed al-Bashir met Iraq's charge d'affaires Yassin al-Hujaimi.\n"):
        assert "yassin-al-hujaimi" in {p["id"] for m in _mentions(text, date="2025-08-05") for p in m.participants}, text


def test_an_official_the_data_lacks_named_abd_something_is_one_person_in_both_scripts():
    from rag.text.script import name_key

    assert name_key("عون ذياب عبد الله") == name_key("عون ذياب عبدالله") == name_key("Aoun Diab Abdullah")
    assert name_key("حيان عبد الغني") == name_key("Hayan Abdul-Ghani") == name_key("Hayan Abdul Ghani")
    assert name_key("Abdo") != name_key("Ghani")  # a short name starting with the letters is left whole
    ar = _mentions("استقبل وزير الطاقة السوري محمد البشير وزير الصحة العراقي صالح مهدي عبد الله في دمشق.\n")
    en = _mentions("Syrian Energy Minister Mohammed al-Bashir received Iraqi Health Minister Saleh Mahdi Abdullah in "
                   "Damascus.\n")
    iraqi = lambda ms: {p["id"] for m in ms for p in m.participants if p["country"] == "Iraq"}  # noqa: E731
    assert iraqi(ar) == iraqi(en) and len(iraqi(ar)) == 1


def test_a_family_name_two_known_people_share_alone_names_neither_in_the_evidence_check():
    from rag.domain.names import arabic_forms

    assert "بارزاني" not in arabic_forms("Masrour Barzani") and "بارزاني" not in arabic_forms("Nechirvan Barzani")
    assert "مسرور بارزاني" in arabic_forms("Masrour Barzani")
    assert "الشمري" in arabic_forms("Abdul Amir al-Shammari")  # a family name of one person still names him


# ---- sixth session: datelines inside the first paragraph, abbreviations, look-backs -----------------

def test_a_wire_dateline_opening_the_first_paragraph_dates_the_article():
    for head, day in (("BAGHDAD, Dec 5, 2024 (AFP) - ", "2024-12-05"),
                      ("DAVOS, Switzerland, Jan. 23, 2025 (North Press) – ", "2025-01-23"),
                      ("دمشق، 9 حزيران 2025 (سانا) - ", "2025-06-09")):
        doc = clean(RawDocument(source="w.txt", text="A headline for the story\n\n" + head +
                                "The ministers held talks on Thursday about the border.\n\nMore follows."))
        assert doc.date == day, head
        assert head.strip()[:6] in doc.text  # the paragraph stays in the text
    # a date later in a sentence is no dateline
    doc = clean(RawDocument(source="w.txt", text="A headline for the story\n\nThe talks of Dec 5, 2024 - the first "
                                                 "since the war - were cut short.\n"))
    assert doc.date == ""


def test_a_timestamp_line_after_the_outlet_is_the_article_s_date():
    doc = clean(RawDocument(source="t.txt", text="Envoy carries a message\n\nShafaq News – Damascus\n2025-08-31T22:27\n\n"
                                                 "Iraq's charge d'affaires said on Sunday that he delivered a message.\n"))
    assert doc.date == "2025-08-31"


def test_a_month_abbreviation_does_not_end_the_sentence_so_a_chronology_line_keeps_its_day():
    ms = _contacts("Timeline of contacts\n\nAug. 28, 2025 – Iraqi intelligence chief Hamid al-Shatri visits Damascus "
                   "and meets President Ahmed al-Sharaa.\n", source="chrono.txt")
    assert [(m.kind, m.date) for m in ms] == [("visit", "2025-08-28")], [m.to_dict() for m in ms]


def test_a_look_back_naming_the_old_president_is_dated_after_his_fall_and_joins_the_dated_call(fresh_settings,
                                                                                                 tmp_path):
    # an undated review of the year speaks of the fall of Assad as past and names "the Syrian president Bashar
    # al-Assad" of the time: it is no older than the fall, so its "30 December" call is the dated one
    folder = _write(tmp_path / "look", {
        "call.txt": "اتصال\n30-كانون الأول-2024\n\nأجرى وزير الخارجية العراقي فؤاد حسين اليوم الاثنين اتصالا "
                    "هاتفيا بوزير الخارجية السوري أسعد الشيباني.\n",
        "review.txt": "عام على التحول\n\nبعد سقوط نظام الأسد تغيرت العلاقة. كان الرئيس السوري بشار الأسد قد تلقى "
                      "اتصالات من بغداد قبل سقوطه. ثم أجرى وزير الخارجية فؤاد حسين اتصالا هاتفيا بالشيباني في 30 "
                      "كانون الأول.\n"})
    lib, events = _timeline(fresh_settings, folder)
    calls = [e for e in events if e.kind == "call" and {"fuad-hussein", "asaad-al-shaibani"} <= {p["id"] for p in e.participants}]
    assert len(calls) == 1 and calls[0].date == "2024-12-30", [e.to_dict() for e in calls]
    assert set(calls[0].sources) == {"call.txt", "review.txt"}


def test_a_contact_nobody_confirmed_is_rumoured_not_happened():
    for text in ("Call claim unconfirmed\n\nNeither Baghdad nor Damascus has confirmed claims, circulating on social "
                 "media since Friday, that Syrian President Ahmed al-Sharaa phoned Iraqi Prime Minister Mohammed Shia "
                 "al-Sudani.\n",
                 "أنباء عن اتصال\n\nراجت أنباء عن اتصال هاتفي أجراه الرئيس السوري أحمد الشرع برئيس الوزراء العراقي "
                 "محمد شياع السوداني، لم يؤكده أي من المكتبين.\n"):
        calls = [m for m in _contacts(text, source="r.txt") if m.kind == "call"]
        assert calls and {m.status for m in calls} == {"rumoured"}, [m.to_dict() for m in calls]


def test_a_trip_that_was_put_off_before_the_one_that_happened_is_a_contact_of_its_own_on_its_own_day():
    for text, day in (("Syria's foreign minister Asaad al-Shaibani visited Baghdad on March 14, 2025, after a trip "
                       "planned for February 22 was postponed.", "2025-03-15"),
                      ("زار وزير الخارجية السوري أسعد الشيباني بغداد في 14 آذار 2025، بعد أن تأجلت زيارة كانت مقررة "
                       "في 22 شباط.", "2025-03-15"),
                      # a review of the year, written in December: the day and month take the year of the line's day
                      ("March 14, 2025 – Al-Shaibani visits Baghdad, after a trip planned for Feb. 22 was postponed.",
                       "2025-12-28")):
        got = sorted((m.status, m.date, m.place and m.place["name_en"], tuple(p["id"] for p in m.participants))
                     for m in _contacts("Headline here\n\n" + text + "\n", source="p.txt", date=day))
        assert got == [("happened", "2025-03-14", "Baghdad", ("asaad-al-shaibani",)),
                       ("postponed", "2025-02-22", "Baghdad", ("asaad-al-shaibani",))], (text, got)


def test_a_phone_in_someone_s_hand_is_no_call_and_phones_or_no_confirmation_are_read():
    seen = _contacts("Video message\n\nIn a video released on Telegram, Ahmed al-Sharaa is seen watching a speech by "
                     "Iraqi Prime Minister Mohammed Shia al-Sudani on his phone.\n", source="v.txt", date="2024-12-05")
    assert not [m for m in seen if m.kind == "call"], [m.to_dict() for m in seen]
    chrono = _contacts("Timeline\n\nNov. 30, 2024 – Prime Minister Mohammed Shia al-Sudani phones Syrian President "
                       "Bashar al-Assad.\n", source="c.txt", date="2025-12-28")
    assert [(m.kind, m.status, m.date) for m in chrono] == [("call", "happened", "2024-11-30")]
    head = _contacts("No confirmation of reported al-Sharaa call to Iraq's al-Sudani\n\nThe two offices said nothing."
                     "\n", source="h.txt", date="2025-11-15")
    assert [(m.kind, m.status) for m in head] == [("call", "rumoured")], [m.to_dict() for m in head]


def test_lands_in_a_capital_is_a_visit():
    ms = _contacts("Timeline\n\nDec. 5, 2024 – Syrian Foreign Minister Bassam Sabbagh lands in Baghdad on the Thursday "
                   "evening.\n", source="l.txt", date="2025-12-28")
    assert [(m.kind, m.date, m.place and m.place["name_en"]) for m in ms] == [("visit", "2024-12-05", "Baghdad")], ms
