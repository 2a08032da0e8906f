"""Contacts, eighteenth pass: whose envoy a traveller is ("المبعوث الخاص لرئيس الوزراء العراقي") is no party to the
contact. Texts written here (real people, invented wording)."""

from rag.contacts.events import extract
from rag.contacts.timeline import merge_mentions
from rag.documents import RawDocument
from rag.domain.people import load_officials
from rag.ingestion.chunking import chunk_document
from rag.ingestion.clean import clean
from tests.test_contacts_real import _contacts, _names

HEAD = "Notes\n\nJuly 30, 2025 | Test\n\n"
HEAD_AR = "ملاحظات\n\n30 تموز 2025\n\n"


def test_whose_envoy_a_traveller_is_takes_no_part_in_the_contact():
    for text in ("استقبل الرئيس أحمد الشرع أمس في دمشق عزت الشابندر، المبعوث الخاص لرئيس الوزراء العراقي.\n",
                 "استقبل الرئيس أحمد الشرع أمس في دمشق عزت الشابندر المبعوث الخاص لرئيس الوزراء العراقي محمد شياع "
                 "السوداني.\n",
                 "استقبل الشرع أمس في دمشق عزت الشابندر مبعوثاً خاصاً للسوداني.\n"):
        (m,) = _contacts(HEAD_AR + text, "a.txt", "2025-07-30")
        assert sorted(_names(m)) == ["Ahmed al-Sharaa", "Izzat al-Shabandar"], (text, _names(m))
    # the envoy named right after the words is the envoy himself, not whose envoy he is
    (m,) = _contacts(HEAD_AR + "استقبل الرئيس أحمد الشرع أمس في دمشق المبعوث الخاص عزت الشابندر ورئيس الوزراء "
                               "العراقي محمد شياع السوداني.\n", "a.txt", "2025-07-30")
    assert sorted(_names(m)) == ["Ahmed al-Sharaa", "Izzat al-Shabandar", "Mohammed Shia al-Sudani"], _names(m)
    # the name after the principal's title is the role's holder when the principal's holder is not he
    for text, who in (("التقى مستشار رئيس الوزراء العراقي فرهاد علاء الدين في دمشق أمس وزير الخارجية السوري أسعد "
                       "الشيباني.\n", ["Asaad al-Shaibani", "Farhad Alaaldin"]),
                      ("استقبل الشيباني في دمشق أمس المبعوث الخاص لرئيس الوزراء العراقي عزت الشابندر.\n",
                       ["Asaad al-Shaibani", "Izzat al-Shabandar"])):
        (m,) = _contacts(HEAD_AR + text, "a.txt", "2025-07-30")
        assert sorted(_names(m)) == who, (text, _names(m))


def _events(*docs):
    """The contacts (no statements) merged from (text, source, date) articles."""
    got = [extract(d, chunk_document(d, 1200, 1), load_officials(None))
           for d in (clean(RawDocument(source=src, text=text, date=date)) for text, src, date in docs)]
    return [e for e in merge_mentions([m for g in got for m in g.mentions], {d[1]: g.article for d, g in zip(docs, got)})
            if e.kind != "statement"]


def test_one_articles_visitor_met_by_two_hosts_in_reports_that_place_neither_is_one_visit():
    text = ("Pipeline talks\n\nBAGHDAD, Aug. 12, 2025 (Wire) –\n\nIraq and Syria agreed to study the pipeline, the "
            "oil ministry said. The agreement came as Iraqi Oil Minister Hayan Abdul Ghani held talks with visiting "
            "Syrian Energy Minister Mohammad al-Bashir.\n\nPrime Minister Mohammed Shia al-Sudani received al-Bashir "
            "on Tuesday, his office said.\n")
    (e,) = _events((text, "w.txt", ""))
    assert {"Hayan Abdul Ghani", "Mohammed Shia al-Sudani", "Mohammed al-Bashir"} <= set(e.names("en")), e.names("en")
    # reports of other days (each dated, days apart): two contacts
    two = ("Talks\n\nBAGHDAD, Aug. 12, 2025 (Wire) –\n\nIraqi Oil Minister Hayan Abdul Ghani held talks on Tuesday "
           "with Syrian Energy Minister Mohammad al-Bashir.\n\nPrime Minister Mohammed Shia al-Sudani had received "
           "al-Bashir on August 10, his office said.\n")
    assert len(_events((two, "w.txt", ""))) == 2, [(e.date, e.names("en")) for e in _events((two, "w.txt", ""))]
    # far apart in the article (another part of a review), one of them undated: not joined by this rule
    filler = " ".join(f"Trade between the two countries grew in sector {n}." for n in range(5))
    far = ("Review\n\nBAGHDAD, Aug. 12, 2025 (Wire) –\n\nIraqi Oil Minister Hayan Abdul Ghani held talks with Syrian "
           f"Energy Minister Mohammad al-Bashir.\n\n{filler}\n\nPrime Minister Mohammed Shia al-Sudani received "
           "al-Bashir on Tuesday, his office said.\n")
    assert len(_events((far, "w.txt", ""))) == 2, [(e.date, e.names("en")) for e in _events((far, "w.txt", ""))]


def test_a_contact_put_off_is_dated_by_the_day_it_was_due_not_the_day_the_delay_was_told():
    ar = (HEAD_AR + "كشفت مصادر حكومية عراقية، اليوم الأربعاء، أن زيارة وزير الخارجية السوري أسعد الشيباني إلى بغداد، "
          "التي كانت مقررة يوم السبت السادس والعشرين من تموز، أُرجئت إلى الشهر المقبل.\n")
    (m,) = _contacts(ar, "a.txt", "2025-07-30")
    assert (m.status, m.date) == ("postponed", "2025-07-26"), (m.status, m.date, m.date_basis)
    en = (HEAD + "Government sources said on Wednesday that the visit of Syrian Foreign Minister Asaad al-Shaibani to "
          "Baghdad, which had been scheduled for Saturday, July 26, was postponed to next month.\n")
    (m,) = _contacts(en, "r.txt", "2025-07-30")
    assert (m.status, m.date) == ("postponed", "2025-07-26"), (m.status, m.date, m.date_basis)


def test_an_honorific_between_a_title_and_a_name_is_no_name():
    for honorific in ("المهندس", "الدكتور"):
        text = HEAD_AR + f"التقى وزير الطاقة السوري {honorific} محمد البشير أمس في بغداد وزير النفط العراقي حيان عبد الغني.\n"
        (m,) = _contacts(text, "a.txt", "2025-07-30")
        assert sorted(_names(m)) == ["Hayan Abdul Ghani", "Mohammed al-Bashir"], (honorific, _names(m))
    # an official the data lacks, read past it by his title
    text = HEAD_AR + "التقى وزير الطاقة السوري المهندس أحمد الخليل أمس في بغداد وزير النفط العراقي حيان عبد الغني.\n"
    (m,) = _contacts(text, "a.txt", "2025-07-30")
    assert "أحمد الخليل" in _names(m), _names(m)


def test_a_proposed_meeting_is_planned_and_a_proposal_made_at_a_meeting_leaves_it_held():
    en = HEAD + ("Iraqi Water Resources Minister Aoun Diab Abdullah and Syrian Energy Minister Mohammad al-Bashir "
                 "proposed a tripartite meeting with Turkey on the river's flow.\n")
    ar = HEAD_AR + ("اقترح وزير الموارد المائية العراقي عون ذياب عبد الله ووزير الطاقة السوري محمد البشير عقد لقاء "
                    "ثلاثي يجمع سوريا والعراق وتركيا.\n")
    for text, src in ((en, "r.txt"), (ar, "a.txt")):
        (m,) = _contacts(text, src, "2025-07-30")
        assert (m.kind, m.status, m.date) == ("meeting", "planned", None), (m.kind, m.status, m.date, m.status_basis)
    # a proposal made during a contact, or by one who then held talks: the contact was held
    for text, src in ((HEAD + "Fuad Hussein met Asaad al-Shaibani in Baghdad on Tuesday and proposed a cooperation "
                              "council.\n", "r.txt"),
                      (HEAD + "Al-Sudani proposed a joint free-trade zone when he held talks with Ahmed al-Sharaa in "
                              "Doha on Tuesday.\n", "r.txt"),
                      (HEAD + "Fuad Hussein, who had proposed the visit, held talks with Asaad al-Shaibani in Baghdad "
                              "on Tuesday.\n", "r.txt"),
                      (HEAD_AR + "اقترح السوداني إنشاء منطقة تجارة حرة خلال مباحثات أجراها مع الرئيس أحمد الشرع في "
                                 "الدوحة يوم الثلاثاء.\n", "a.txt"),
                      (HEAD_AR + "وقدم الشيباني مقترحاً سورياً خلال اجتماع عقده مع فؤاد حسين في بغداد يوم الثلاثاء.\n",
                       "a.txt")):
        (m,) = _contacts(text, src, "2025-07-30")
        assert (m.status, m.date) == ("happened", "2025-07-29"), (text, m.status, m.date)


def test_who_another_clause_says_will_not_come_is_no_party_to_the_contact_told_as_done():
    ar = HEAD_AR + ("ووصل وزير الخارجية والمغتربين السوري أسعد الشيباني إلى بغداد مساء أمس ليترأس وفد بلاده، بعدما "
                    "أعلنت الرئاسة السورية أن الرئيس أحمد الشرع لن يشارك.\n")
    done = [m for m in _contacts(ar, "a.txt", "2025-07-30") if m.status == "happened"]
    assert [sorted(_names(m)) for m in done] == [["Asaad al-Shaibani"]], [(m.status, _names(m)) for m in done]
    # named in the clause of the contact too: still a party
    both = HEAD_AR + ("التقى الرئيس أحمد الشرع أمس في دمشق وزير الخارجية العراقي فؤاد حسين، بعدما أعلن الشرع أنه لن "
                      "يشارك في القمة.\n")
    done = [m for m in _contacts(both, "a.txt", "2025-07-30") if m.status == "happened"]
    assert [sorted(_names(m)) for m in done] == [["Ahmed al-Sharaa", "Fuad Hussein"]], \
        [(m.status, _names(m)) for m in done]


def test_the_people_of_a_contact_referred_back_to_plan_another_of_their_own():
    text = HEAD + ("Syrian Energy Minister Mohammad al-Bashir met Iraqi Water Resources Minister Aoun Diab Abdullah in "
                   "Baghdad on Tuesday. The two ministers proposed a tripartite meeting with Turkey to address the "
                   "river's flow; no date was set.\n")
    got = sorted((m.kind, m.status, m.date, tuple(sorted(_names(m)))) for m in _contacts(text, "r.txt", "2025-07-30"))
    pair = ("Aoun Diab Abdullah", "Mohammed al-Bashir")
    assert got == [("meeting", "planned", None, pair), ("visit", "happened", "2025-07-29", pair)], got
    # the preparations for a meeting of others abroad: no plan of the two
    others = HEAD_AR + ("التقى وزير الطاقة السوري محمد البشير وزير النفط العراقي حيان عبد الغني في بغداد يوم الثلاثاء. "
                        "وبحث الجانبان التحضيرات لاجتماع وزراء الطاقة العرب المقرر في القاهرة الشهر المقبل.\n")
    assert [m.status for m in _contacts(others, "a.txt", "2025-07-30")] == ["happened"]
    # one side's official at a three-party meeting with third countries: not a contact of the two
    for text in ("Iraqi Foreign Minister Fuad Hussein attended a trilateral meeting with Turkey and Jordan in Ankara on "
                 "Monday, a day after speaking with Asaad al-Shaibani.\n",
                 "Syria's Asaad al-Shaibani held a trilateral meeting with Jordan and Turkey in Amman on Monday, Iraq's "
                 "foreign ministry said.\n"):
        assert [(m.kind, m.place) for m in _contacts(HEAD + text, "r.txt", "2025-07-30") if m.kind != "call"] == [], text


def test_a_brief_encounter_is_a_meeting_and_what_activists_circulate_is_a_rumour():
    en = HEAD + ("Iraq's Prime Minister Mohammed Shia al-Sudani and Syria's Ahmed al-Sharaa chatted briefly in a hall "
                 "in Doha on Monday.\n")
    (m,) = _contacts(en, "r.txt", "2025-07-30")
    assert (m.kind, m.status, m.date) == ("meeting", "happened", "2025-07-28"), (m.kind, m.status, m.date)
    ar = HEAD_AR + ("تداول ناشطون صوراً قالوا إنها تُظهر رئيس الوزراء محمد شياع السوداني والرئيس السوري أحمد الشرع "
                    "في حديث جانبي قصير في الدوحة.\n")
    (m,) = _contacts(ar, "a.txt", "2025-07-30")
    assert (m.kind, m.status) == ("meeting", "rumoured"), (m.kind, m.status, m.status_basis)


def test_an_undated_page_telling_a_known_gathering_as_held_today_is_of_its_day():
    ar = ("بغداد تحتضن القمة\n\nبغداد – خاص\n\nتنطلق اليوم السبت في العاصمة العراقية أعمال القمة العربية وسط إجراءات "
          "أمنية مشددة.\n\nووصل وزير الخارجية السوري أسعد الشيباني إلى بغداد مساء أمس الجمعة ليترأس وفد بلاده.\n")
    (m,) = _contacts(ar, "a.txt")
    assert (m.date, m.place["name_en"]) == ("2025-05-16", "Baghdad"), (m.date, m.date_basis)
    en = ("Leaders gather\n\nArab leaders meet in Baghdad today for the Arab League summit.\n\nSyrian Foreign Minister "
          "Asaad al-Shaibani arrived in Baghdad on Friday evening to lead his country's delegation.\n")
    (m,) = _contacts(en, "r.txt")
    assert m.date == "2025-05-16", (m.date, m.date_basis)
    # a weekday that is not the gathering's: not its day
    wrong = ar.replace("اليوم السبت", "اليوم الأحد")
    (m,) = _contacts(wrong, "a.txt")
    assert m.date is None, (m.date, m.date_basis)
    # "في اليوم التالي": the day after something else, not today
    after = ("لقاء الدوحة\n\nالدوحة – خاص\n\nالتقى رئيس الوزراء محمد شياع السوداني الرئيس أحمد الشرع في الدوحة أمس "
             "الخميس.\n\nوفي اليوم التالي للقاء دُعي الشرع إلى القمة العربية في بغداد.\n")
    assert [m.date for m in _contacts(after, "a.txt") if m.status == "happened"] == [None]
    # "today" in another clause than the gathering's: said today of a gathering to come
    other = ("تحضيرات القمة\n\nبغداد – خاص\n\nقال مسؤول عراقي اليوم، إن القمة العربية في بغداد ستناقش ملف "
             "سوريا.\n\nواستقبل وزير الخارجية فؤاد حسين أمس نظيره السوري أسعد الشيباني في بغداد.\n")
    assert [m.date for m in _contacts(other, "a.txt") if m.status == "happened"] == [None]
    # "today" in a comment on a gathering gone by: not its day
    for text in ("Analysts say Iraq today reaps little from the Arab summit it hosted in Baghdad.",
                 "ويرى مراقبون أن العراق لم يجن اليوم شيئاً من القمة العربية التي استضافها في بغداد."):
        page = (f"Comment\n\n{text}\n\nSyrian Foreign Minister Asaad al-Shaibani met Fuad Hussein in Baghdad on "
                "Monday.\n")
        assert [m.date for m in _contacts(page, "r.txt") if m.status == "happened"] == [None], text


def test_one_known_in_office_only_from_a_day_places_an_undated_report_after_it():
    chronicle = ("A year of visits\n\nDecember 29, 2025 | Test\n\n- December 26, 2024: Iraqi intelligence chief Hamid "
                 "al-Shatri meets Ahmed al-Sharaa in Damascus.\n- August 28, 2025: Hamid al-Shatri is received by "
                 "Ahmed al-Sharaa in Damascus again.\n")
    undated = ("Al-Sharaa receives Iraqi intelligence chief\n\nSyria's interim leader Ahmed al-Sharaa received Hamid "
               "al-Shatri, head of Iraq's National Intelligence Service, in Damascus on Thursday, with Syria's "
               "intelligence chief Hussein al-Salama in attendance.\n")
    # one in office since before the domain's period (al-Sudani, 2022) bounds nothing
    (m,) = _contacts(HEAD + "Iraq's al-Sudani received Ahmed al-Sharaa in Baghdad.\n", "r.txt")
    assert m.span is None, m.span
    events = _events((chronicle, "c.txt", ""), (undated, "u.txt", ""))
    got = {e.date: sorted(e.sources) for e in events if e.kind == "visit"}
    assert got == {"2024-12-26": ["c.txt"], "2025-08-28": ["c.txt", "u.txt"]}, got


def test_an_agreement_reached_between_the_two_sides_bodies_is_their_contact():
    for text, src in ((HEAD + "The Syrian Foreign Ministry reached an agreement with the Iraqi Foreign Ministry on "
                              "Tuesday to resume commercial traffic.\n", "r.txt"),
                      (HEAD_AR + "توصلت وزارة الخارجية السورية إلى اتفاق مع نظيرتها العراقية أمس لاستئناف الحركة "
                                 "التجارية.\n", "a.txt")):
        (m,) = _contacts(text, src, "2025-07-30")
        assert m.kind == "meeting" and {p["country"] for p in m.participants} == {"Iraq", "Syria"}, \
            (m.kind, m.participants)
    # with a third country: no contact of the two
    other = HEAD_AR + "قال وزير الخارجية فؤاد حسين إن العراق توصل إلى اتفاق مع تركيا بشأن المياه.\n"
    assert _contacts(other, "a.txt", "2025-07-30") == []
