"""Contacts, eighth pass: a third country's contact is no more of the one before; another first name before a listed
family name is somebody else; "اتصال" after a visit's words names the contact, not a call; an owner of a thing is no
participant; "He" opening a sentence is the subject of the one before; "went back on …" is another trip. Texts
written here (real people, invented wording)."""

from tests.test_contacts_real import _contacts, _ids, _mentions


def test_a_third_countrys_contact_after_ours_does_not_give_ours_its_day():
    text = ("Crossings and talks\nNov. 5, 2025\n\nThe southern crossing, near the al-Tanf base, has come up in talks, "
            "including during Hamid al-Shatri's spring visit, without result.\n\nOn Monday, US envoy Tom Barrack was "
            "received in Baghdad by Prime Minister Mohammed Shia al-Sudani, whose office said they discussed ways for "
            "Iraq to keep backing Syria's recovery.\n")
    ms = _contacts(text)
    shatri = [m for m in ms if "hamid-al-shatri" in _ids(m)]
    assert len(shatri) == 1
    assert shatri[0].date is None  # (not the Monday of the US envoy's visit to Baghdad)
    assert "mohammed-shia-al-sudani" not in _ids(shatri[0])


def test_another_first_name_before_a_listed_family_name_is_somebody_else_in_both_languages():
    en = _contacts("Iraqi MP Khalid al-Shammari met Syrian Foreign Minister Asaad al-Shaibani in Damascus on "
                   "Tuesday.\n", date="2025-04-29")
    ar = _contacts("التقى النائب العراقي خالد الشمري وزير الخارجية السوري أسعد الشيباني في دمشق اليوم الثلاثاء.\n",
                   date="2025-04-29")
    for ms in (en, ar):
        assert len(ms) == 1
        assert "abdul-amir-al-shammari" not in _ids(ms[0]) and "asaad-al-shaibani" in _ids(ms[0])
        iraqi = [p for p in ms[0].participants if p["country"] == "Iraq"]
        assert len(iraqi) == 1 and iraqi[0]["name"].endswith(("al-Shammari", "الشمري"))
    # (with no country beside his title, the listed minister is still not the one meant)
    ms = _mentions("MP Khalid al-Shammari met Syrian Foreign Minister Asaad al-Shaibani in Damascus on Tuesday.\n",
                   date="2025-04-29")
    assert all("abdul-amir-al-shammari" not in _ids(m) for m in ms)
    # the listed minister himself, by his family name after his title, is still him
    ms = _contacts("Interior Minister al-Shammari received his Syrian counterpart Anas Khattab in Baghdad on "
                   "Tuesday.\n", date="2025-04-29")
    assert ms and {"abdul-amir-al-shammari", "anas-khattab"} <= _ids(ms[0])


def test_a_general_word_for_contact_after_a_visits_words_is_no_call():
    ms = _contacts("- 26 كانون الأول 2024: رئيس جهاز المخابرات حميد الشطري يصل إلى دمشق ويلتقي أحمد الشرع، في أول "
                   "اتصال رسمي بين البلدين.\n", date="2025-12-31")
    assert [m.kind for m in ms] == ["visit"]
    # a call that discusses a visit is a call
    ms = _contacts("وبحث وزير الخارجية فؤاد حسين مع نظيره السوري أسعد الشيباني خلال اتصال جرى بينهما الزيارة "
                   "المرتقبة.\n", date="2025-03-01")
    assert [m.kind for m in ms] == ["call"]
    # nor is one that names its own people after it: a contact of its own
    ms = _contacts("بدأ المسار بزيارة رئيس جهاز المخابرات حميد الشطري إلى دمشق، وتلاها اتصال بين وزيري الخارجية فؤاد "
                   "حسين وأسعد الشيباني.\n", date="2025-12-31")
    assert "call" in [m.kind for m in ms]


def test_the_owner_of_a_thing_carried_to_a_contact_is_no_participant():
    ms = _contacts("DAMASCUS, April 26, 2025 - Syrian President Ahmed al-Sharaa on Friday hosted Iraqi intelligence chief "
                   "Hamid al-Shatri, carrying al-Sudani's invitation to the Arab summit.\n")
    assert len(ms) == 1
    assert {"ahmed-al-sharaa", "hamid-al-shatri"} <= _ids(ms[0])
    assert "mohammed-shia-al-sudani" not in _ids(ms[0])
    # his visit keeps him a party
    ms = _contacts("Asaad al-Shaibani's visit to Baghdad on March 14, 2025 began with talks with Fuad Hussein.\n")
    assert ms and {"fuad-hussein", "asaad-al-shaibani"} <= _ids(ms[0])


def test_he_opening_a_sentence_is_the_person_the_sentence_before_opened_with():
    ms = _contacts("Who talked\nDec. 30, 2025\n\nHamid al-Shatri, head of Iraq's intelligence service, was Baghdad's "
                   "main channel. He first met Ahmed al-Sharaa in Damascus on December 26, 2024.\n")
    assert len(ms) == 1
    assert {"hamid-al-shatri", "ahmed-al-sharaa"} <= _ids(ms[0])
    assert ms[0].date == "2024-12-26"


def test_going_back_on_another_day_is_another_trip():
    ms = _contacts("Who talked\nDec. 30, 2025\n\nHamid al-Shatri, head of Iraq's intelligence service, was Baghdad's "
                   "main channel. He first met Ahmed al-Sharaa in Damascus on December 26, 2024, went back on April 25 "
                   "with a delegation of the oil and trade ministries, and returned on August 28 for talks on the "
                   "border.\n")
    assert sorted(m.date for m in ms) == ["2024-12-26", "2025-04-25", "2025-08-28"]
    assert all({"hamid-al-shatri", "ahmed-al-sharaa"} <= _ids(m) for m in ms)


def test_the_city_a_delegation_comes_from_is_no_venue_in_both_languages():
    en = _contacts("Syrian President Ahmed al-Sharaa on Friday hosted a delegation from Baghdad headed by Hamid "
                   "al-Shatri, the chief of Iraq's intelligence service.\n", date="2025-04-26")
    ar = _contacts("استقبل الرئيس السوري أحمد الشرع اليوم وفداً قادماً من بغداد برئاسة رئيس جهاز المخابرات حميد "
                   "الشطري.\n", date="2025-04-26")
    for ms in (en, ar):
        assert len(ms) == 1 and {"ahmed-al-sharaa", "hamid-al-shatri"} <= _ids(ms[0])
        assert ms[0].place is None or ms[0].place["name_en"] != "Baghdad"
    # where they met, named besides, is the venue
    ms = _contacts("Syrian President Ahmed al-Sharaa on Friday hosted in Damascus a delegation from Baghdad headed by "
                   "Hamid al-Shatri.\n", date="2025-04-26")
    assert ms and ms[0].place and ms[0].place["name_en"] == "Damascus"


def test_a_titled_name_is_the_listed_person_whose_first_name_fits_among_those_of_one_family_name():
    # (al-Sharaa and al-Shaar share their family name's consonants; "Mohamed" is the economy minister's first name)
    ms = _contacts("Syria's economy minister Mohamed Nidal al-Sha'ar met Iraq's trade minister Athir al-Ghurairi in "
                   "Baghdad on Sunday.\n", date="2025-06-09")
    assert len(ms) == 1
    assert "mohammed-nidal-al-shaar" in _ids(ms[0]) and "ahmed-al-sharaa" not in _ids(ms[0])


def test_an_official_of_one_side_in_a_city_of_the_other_is_a_visit_with_no_verb():
    ms = _contacts("عام من الاتصالات\n31 كانون الأول 2025\n\n- 28 آب 2025: رئيس جهاز المخابرات حميد الشطري مجدداً في "
                   "دمشق.\n")
    assert [(m.kind, m.status, m.date, m.place["name_en"]) for m in ms] == [("visit", "happened", "2025-08-28", "Damascus")]
    assert "hamid-al-shatri" in _ids(ms[0])
    en = _contacts("Iraqi Foreign Minister Fuad Hussein in Damascus\nMarch 3, 2025\n")
    assert [(m.kind, m.place["name_en"]) for m in en] == [("visit", "Damascus")]
    # in a city of his own side, or a city of the other a clause away, he is not visiting
    assert not _contacts("Prime Minister Mohammed Shia al-Sudani in Baghdad\nMarch 3, 2025\n")
    assert not _contacts("Fuad Hussein, speaking in Baghdad about Damascus, urged calm.\n", date="2025-03-03")
    # nor beside a word of a contact that did not happen (whose status would become his)
    ms = _contacts("Asaad al-Shaibani was last in Baghdad in May, after President Ahmed al-Sharaa stayed away from the "
                   "summit.\n", date="2025-06-21")
    assert not any({"asaad-al-shaibani", "ahmed-al-sharaa"} <= _ids(m) for m in ms)


def test_an_invitation_carried_on_a_trip_does_not_make_the_trip_planned():
    ms = _contacts("عام من الاتصالات\n31 كانون الأول 2025\n\n- 25 نيسان 2025: وفد الشطري الثاني في دمشق حاملاً دعوة إلى "
                   "القمة العربية.\n")
    assert [(m.kind, m.status, m.date) for m in ms] == [("visit", "happened", "2025-04-25")]


def test_a_stand_in_at_a_contact_the_other_skipped_went_there_that_day():
    ms = _contacts("Envoy in Damascus\nJune 20, 2025\n\nThe visit comes weeks after al-Sharaa stayed away from the Arab "
                   "League summit in Baghdad on May 17, where Syria was represented by Foreign Minister Asaad "
                   "al-Shaibani.\n")
    got = sorted((m.status, m.date, m.place["name_en"], tuple(sorted(_ids(m)))) for m in ms)
    assert got == [("cancelled", "2025-05-17", "Baghdad", ("ahmed-al-sharaa",)),
                   ("happened", "2025-05-17", "Baghdad", ("asaad-al-shaibani",))]


def test_a_header_of_short_parts_set_off_by_dots_gives_the_page_its_date():
    from rag.documents import RawDocument
    from rag.ingestion.clean import clean

    def day(text):
        return clean(RawDocument(source="x.txt", text=text, date="")).date

    assert day("Explainer: who talked\n\nDec 30, 2025 · The Levant Ledger · 6 min read\n\nBody text.\n") == "2025-12-30"
    assert day("Who talked\n\nBy Jane Doe · Dec 30, 2025\n\nBody text.\n") == "2025-12-30"
    assert day("Who talked\n\nIraq and Syria sign a border deal · Dec 30, 2025\n\nBody text.\n") == ""  # (a headline)


def test_a_preposition_after_a_title_ends_the_name_read_after_it():
    ms = _contacts("وزيارة الشرع إلى بغداد أكثر كلفة، كما أثبتت قمة أيار حين غاب الرئيس السوري تحت ضغط الفصائل.\n",
                   date="2025-12-31")
    assert ms and all(p["name"] != "تحت ضغط الفصائل" and not p["name"].startswith("تحت") for m in ms
                      for p in m.participants)


def test_the_city_of_a_contact_someone_is_invited_to_is_not_the_venue_of_the_one_reported():
    ms = _contacts("Al-Sharaa hosts Iraqi spy chief, receives letter inviting him to Baghdad summit\nApril 26, 2025\n\n"
                   "Syrian President Ahmed al-Sharaa on Friday hosted Hamid al-Shatri, the chief of Iraq's intelligence "
                   "service.\n")
    assert ms and all(m.place is None or m.place["name_en"] != "Baghdad" for m in ms if m.status == "happened")
