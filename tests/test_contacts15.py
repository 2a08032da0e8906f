"""Contacts, fifteenth pass: officials of a list of countries or provinces, resolved to the day's holders; a
contact's city refines a country when reports are merged; a list of guests is one clause; contacts told with a word back
to a gathering; times apart after frame words; invitations handed over, stand-ins, third countries' subjects; denied
agreements; joint bodies agreed; provincial officials and delegations from places; Syria's Kurdish groups as a party of
their own. Texts written here (real people, invented wording)."""

from rag.contacts.events import extract
from rag.contacts.timeline import merge_mentions
from rag.documents import RawDocument
from rag.domain.people import load_officials
from rag.ingestion.chunking import chunk_document
from rag.ingestion.clean import clean
from tests.test_contacts_real import _contacts, _names


def test_officials_of_a_list_of_countries_are_each_sides_holders():
    en = ("AMMAN, March 9, 2025 – Jordan hosted on Sunday a meeting that brought together the foreign and defence "
          "ministers of Iraq, Jordan, Lebanon, Syria and Turkey.\n")
    ar = "عمّان – الأحد 9 آذار 2025\n\nاجتمع وزراء خارجية العراق وسوريا والأردن ولبنان اليوم في عمّان.\n"
    ar2 = ("عمّان – الأحد 9 آذار 2025\n\nاستضافت عمّان اليوم اجتماعاً ضمّ وزراء الخارجية والدفاع في الأردن والعراق "
           "وتركيا ولبنان وسوريا.\n")
    (m,) = _contacts(en)
    assert (m.kind, m.date) == ("meeting", "2025-03-09")
    assert {"Fuad Hussein", "Asaad al-Shaibani"} <= _names(m), _names(m)
    assert len(_names(m)) == 4  # and each side's defence minister
    (m,) = _contacts(ar)
    assert _names(m) == {"Fuad Hussein", "Asaad al-Shaibani"}, _names(m)
    (m,) = _contacts(ar2)
    assert {"Fuad Hussein", "Asaad al-Shaibani"} <= _names(m), _names(m)
    # a list without one of the sides names no contact of the two
    assert _contacts("AMMAN, March 9, 2025 – Jordan hosted the foreign ministers of Iraq, Jordan, Lebanon and Turkey "
                     "on Sunday.\n") == []


def test_a_built_title_that_the_data_lists_is_that_title():
    o = load_officials(None)
    t = o._title_for("Iraqi foreign minister", "Iraq", "minister")
    assert t.id == "iraq-fm" and o.holder(t.id, "2025-03-09").en == "Fuad Hussein"
    assert o._title_for("Iraqi oil minister", "Iraq", "minister").id.startswith("x-iraq-")


def _mentions(text: str, source: str, date: str = ""):
    o = load_officials(None)
    doc = clean(RawDocument(source=source, text=text, date=date))
    return extract(doc, chunk_document(doc, 1200, 1), o)


def test_a_contacts_city_refines_its_country_when_reports_merge():
    # one report dates a meeting of the two ministers and places it only "in Iraq" (a word of the sentence); an undated
    # one places it in
    # Riyadh, another undated one tells a meeting of the same two in Istanbul: two contacts, not one
    a = _mentions("Iraq's Foreign Minister Fuad Hussein met Syria's Asaad al-Shaibani on Sunday, in a meeting Iraq had "
                  "sought.\n", "a.txt", "2025-01-12")
    b = _mentions("Iraq's Foreign Minister Fuad Hussein met Syrian Foreign Minister Asaad al-Shaibani in Riyadh.\n", "b.txt")
    c = _mentions("Iraq's Foreign Minister Fuad Hussein met Syrian Foreign Minister Asaad al-Shaibani in Istanbul.\n", "c.txt")
    ms = [*a.mentions, *b.mentions, *c.mentions]
    assert len(ms) == 3, [(m.kind, m.place and m.place["name_en"]) for m in ms]
    assert [m.place["name_en"] for m in ms] == ["Iraq", "Riyadh", "Istanbul"], [m.place for m in ms]
    events = merge_mentions(ms, {"a.txt": a.article})
    assert sorted((e.place["name_en"], len(e.sources)) for e in events) == [("Istanbul", 1), ("Riyadh", 2)], \
        [(e.place, e.sources) for e in events]


def test_a_contact_told_with_a_word_back_to_a_gathering_named_before_was_held_there():
    # an undated page: the gathering named in its first sentence (officials.json `gatherings`), then "the meeting"
    # and "the Iraqi delegation" with no day or place of their own: the gathering's city and day
    text = ("خرج اجتماع دول جوار سوريا بقرار إنشاء غرفة عمليات مشتركة ضد داعش.\n"
            "وضم الاجتماع وزراء الدفاع في الأردن وتركيا والعراق ولبنان وسوريا.\n"
            "وترأس الوفد العراقي وزير الخارجية فؤاد حسين، فيما ترأس الوفد السوري وزير الخارجية أسعد الشيباني.\n")
    ms = _contacts(text)
    assert ms and all((m.date, m.place["name_en"]) == ("2025-03-09", "Amman") for m in ms), \
        [(m.kind, m.date, m.place) for m in ms]
    assert {"Fuad Hussein", "Asaad al-Shaibani"} <= set().union(*(_names(m) for m in ms))
    # with no word back to it, a contact of no day or place is not placed at the gathering named before
    text2 = ("خرج اجتماع دول جوار سوريا بقرار إنشاء غرفة عمليات مشتركة ضد داعش.\n"
             "وفي سياق آخر، التقى وزير الخارجية فؤاد حسين نظيره السوري أسعد الشيباني.\n")
    (m,) = [m for m in _contacts(text2) if "Fuad Hussein" in _names(m)]
    assert (m.date, m.place) == (None, None), (m.date, m.place)


def test_a_time_apart_after_frame_words_opens_a_contact_of_its_own():
    # "، ويأتي اللقاء بعد أقل من شهر على لقاء …" (contacts.json joins `frames`; durations `singulars`, `of`, `about`):
    # the earlier meeting in Davos is its own contact, not more of the one in Munich
    for text in ("التقى رئيس إقليم كوردستان نيجيرفان بارزاني وزير الخارجية السوري أسعد الشيباني في ميونخ، ويأتي اللقاء "
                 "بعد أقل من شهر على لقاء الشيباني رئيسَ حكومة الإقليم مسرور بارزاني في دافوس.\n",
                 "التقى رئيس إقليم كوردستان نيجيرفان بارزاني وزير الخارجية السوري أسعد الشيباني في ميونخ، بعد شهر من "
                 "لقاء الشيباني رئيسَ حكومة الإقليم مسرور بارزاني في دافوس.\n",
                 "Nechirvan Barzani met Syrian Foreign Minister Asaad al-Shaibani in Munich, which came three weeks "
                 "after Shaibani met Kurdistan Region Prime Minister Masrour Barzani in Davos.\n"):
        ms = _contacts(text, date="2025-02-16")
        got = sorted((m.place["name_en"], tuple(sorted(_names(m)))) for m in ms)
        assert got == [("Davos", ("Asaad al-Shaibani", "Masrour Barzani")),
                       ("Munich", ("Asaad al-Shaibani", "Nechirvan Barzani"))], got


def test_an_invitation_handed_at_a_meeting_is_a_planned_visit_of_the_invited():
    for text in ("التقى وزير الخارجية السوري أسعد الشيباني رئيسَ حكومة إقليم كوردستان مسرور بارزاني في دافوس، حيث نقل "
                 "إليه دعوة لزيارة دمشق.\n",
                 "Syrian Foreign Minister Asaad al-Shaibani met Kurdistan Region Prime Minister Masrour Barzani in "
                 "Davos and invited him to Damascus.\n"):
        ms = _contacts(text, date="2025-01-23")
        got = sorted((m.status, m.place["name_en"], tuple(sorted(_names(m)))) for m in ms)
        assert got == [("happened", "Davos", ("Asaad al-Shaibani", "Masrour Barzani")),
                       ("planned", "Damascus", ("Masrour Barzani",))], got
    # a meeting with no invitation is one contact
    assert len(_contacts("Syrian Foreign Minister Asaad al-Shaibani met Kurdistan Region Prime Minister Masrour "
                         "Barzani in Davos.\n", date="2025-01-23")) == 1


def test_a_third_countrys_subject_going_on_to_the_other_side_is_no_contact_of_the_two():
    # Fidan met al-Shaibani, then Fidan met Fuad Hussein separately: no meeting of al-Shaibani and Hussein
    for text in ("وعلى هامش المنتدى أمس الأحد، التقى وزير الخارجية التركي هاكان فيدان نظيره السوري أسعد الشيباني، وبحثا "
                 "العلاقات الثنائية، كما التقى في لقاء منفصل نائب رئيس الوزراء وزير الخارجية العراقي فؤاد حسين، وتناول معه "
                 "الأمن الإقليمي.\n",
                 "Turkish Foreign Minister Hakan Fidan met Syrian Foreign Minister Asaad al-Shaibani in Doha, and later "
                 "held separate talks with Iraqi Foreign Minister Fuad Hussein.\n"):
        assert _contacts(text, date="2025-12-08") == []


def test_a_list_of_guests_set_off_by_commas_is_one_clause():
    # the host of a third country and a list of guests, each with his country: Iraq's and Syria's ministers met there
    # (not "Fuad Hussein, Lebanon's foreign minister": a list, not his title)
    text = ("AMMAN, March 9, 2025 – Jordan's Ayman Safadi hosted Turkey's Hakan Fidan, Iraq's Fuad Hussein, Lebanon's "
            "foreign minister and Syria's Asaad al-Shaibani on Sunday.\n")
    (m,) = _contacts(text)
    assert {"Fuad Hussein", "Asaad al-Shaibani"} <= _names(m) and m.date == "2025-03-09", (_names(m), m.date)
    # a name and its title after a comma is still that person's title
    o = load_officials(None)
    from rag.text.arabic import normalize
    t = "The talks were led by Nayef al-Ahmad, Lebanon's foreign minister."
    (p,) = [x for x in o.titled(normalize(t), t) if x.kind == "person"]
    assert p.item.country == "Lebanon"


def test_a_denied_agreement_with_a_side_named_as_a_whole_is_a_denied_contact():
    # contacts.json denied_contact: agreements and contracts; `with`: the side right after "with" is the other party
    for text in ("نفت وزارة النفط العراقية، اليوم الأحد، وجود أي عقود مع الجانب السوري لتزويده بالنفط الخام.\n",
                 "Iraq's oil ministry on Sunday denied any agreement with the new Syrian administration.\n",
                 "The Iraqi government denied any agreement with the new Syrian administration.\n"):
        (m,) = _contacts(text, date="2025-01-05")
        assert (m.kind, m.status) == ("meeting", "denied")
        assert sorted(p["country"] for p in m.participants) == ["Iraq", "Syria"], m.participants
    # a minister's title followed by "وجود أي …" names no one called "وجود أي عقود"
    (m,) = _contacts("نفى وزير النفط العراقي وجود أي عقود مع الجانب السوري.\n", date="2025-01-05")
    assert not any("عقود" in p["name_en"] for p in m.participants), m.participants
    # a denial after what it denies (contacts.json status denied `after`: "… غير صحيح", "… was untrue")
    for text in ("وقال مصدر في الوزارة أمس السبت إن الحديث عن اتفاق بين الحكومة العراقية والإدارة السورية الجديدة "
                 "لاستئناف تصدير النفط غير صحيح.\n",
                 "A ministry source said talk of an agreement between the Iraqi government and the new Syrian "
                 "administration to resume oil exports was untrue.\n"):
        (m,) = _contacts(text, date="2025-01-05")
        assert m.status == "denied" and {p["country"] for p in m.participants} == {"Iraq", "Syria"}, m.participants
    # a deal denied with a country or city alone names no contact (contacts.json denied_contact `deals`)
    assert _contacts("An Iraqi lawmaker, Nayef al-Shammari, dismissed talk of an early reopening, saying no agreement "
                     "existed with Damascus.\n", date="2025-05-06") == []
    # sides named as a whole with no denial of a contact between them: no contact
    assert _contacts("The Iraqi side said the Syrian side had asked for help.\n", date="2025-01-05") == []


def test_who_came_in_the_place_of_one_who_did_not_has_a_contact_of_his_own():
    # contacts.json stand_ins: the one sent instead attended, the same day and place; the absent one's is cancelled
    for text in ("BAGHDAD, May 17, 2025 (Reuters) - Syria's interim President Ahmed al-Sharaa did not attend the Arab "
                 "League summit in Baghdad on Saturday, sending Foreign Minister Asaad al-Shaibani.\n",
                 "لم يحضر الرئيس السوري أحمد الشرع القمة العربية في بغداد اليوم السبت، وأوفد بدلاً منه وزير الخارجية "
                 "أسعد الشيباني.\n"):
        got = sorted((m.status, m.date, m.place["name_en"], tuple(sorted(_names(m))))
                     for m in _contacts(text, date="2025-05-17"))
        assert got == [("cancelled", "2025-05-17", "Baghdad", ("Ahmed al-Sharaa",)),
                       ("happened", "2025-05-17", "Baghdad", ("Asaad al-Shaibani",))], got


def test_the_two_sides_agreeing_to_form_a_joint_body_is_its_planned_meeting():
    # contacts.json forming: the body of both sides agreed on is a planned meeting of its own, after the contact
    # the sentence follows, or with only Iraq and Syria named; never a body with a third country, nor with no sides
    for text in ("Iraqi Oil Minister Hayan Abdul Ghani met Syrian Energy Minister Mohammed al-Bashir in Baghdad on "
                 "Tuesday. The two sides agreed to form a joint technical committee to study reviving the pipeline.\n",
                 "التقى وزير النفط العراقي حيان عبد الغني وزير الطاقة السوري محمد البشير في بغداد اليوم. واتفق الجانبان "
                 "على تشكيل لجنة فنية مشتركة لدراسة إعادة تأهيل خط كركوك بانياس.\n",
                 "Iraq and Syria agreed to form a joint technical committee to study reviving the pipeline.\n"):
        plans = [m for m in _contacts(text, date="2025-08-12") if m.status == "planned"]
        assert [(m.kind, sorted(p["country"] for p in m.participants)) for m in plans] == \
            [("meeting", ["Iraq", "Syria"])], [(m.kind, m.participants) for m in plans]
    assert _contacts("Syria and Turkey agreed to form a joint technical committee that will visit the dams.\n",
                     date="2025-08-12") == []
    assert _contacts("The two sides agreed to form a joint technical committee.\n", date="2025-08-12") == []


def test_provincial_officials_of_both_sides():
    # the governors of a list of provinces of both sides (contacts.json plural_roles; officials.json places), a
    # governor of a province of two words ("محافظ دير الزور"), "نظيره في دير الزور"; the province in a title is where
    # he serves, not where the contact is (the city after "in" is)
    cases = [
        ("ويرى مراقبون أن لقاءً بين محافظي الأنبار ودير الزور قد يمهد لإعادة فتح المعبر.\n",
         ("hypothetical", None, {"Iraq", "Syria"})),
        ("A meeting between the governors of Anbar and Deir ez-Zor could pave the way for reopening the crossing.\n",
         ("hypothetical", None, {"Iraq", "Syria"})),
        ("Anbar Governor Mohammed Nouri al-Karbouli received his Deir ez-Zor counterpart Ghassan al-Sayyed Ahmed in "
         "Ramadi on Tuesday.\n", ("happened", "Ramadi", {"Iraq", "Syria"})),
        ("Anbar Governor Mohammed Nouri al-Karbouli met Deir ez-Zor Governor Ghassan al-Sayyed Ahmed on Tuesday.\n",
         ("happened", None, {"Iraq", "Syria"})),
        ("استقبل محافظ الأنبار محمد نوري الكربولي اليوم محافظ دير الزور غسان السيد أحمد في الرمادي.\n",
         ("happened", "Ramadi", {"Iraq", "Syria"})),
        ("استقبل محافظ الأنبار محمد نوري الكربولي اليوم محافظ دير الزور غسان السيد أحمد.\n",
         ("happened", None, {"Iraq", "Syria"})),
        ("ومن المقرر أن يلتقي محافظ الأنبار نظيره في دير الزور الشهر المقبل.\n", ("planned", None, {"Iraq", "Syria"})),
        ("أرجئ اجتماع كان مقرراً بين محافظ الأنبار ومحافظ دير الزور إلى موعد لاحق.\n", ("postponed", None, {"Iraq", "Syria"})),
    ]
    for text, (status, place, sides) in cases:
        (m,) = _contacts(text, date="2025-08-12")
        got = (m.status, m.place and m.place["name_en"], {p["country"] for p in m.participants})
        assert got == (status, place, sides), (text, got, m.participants)
    # a name read after a title ends at the next official's role ("ومحافظ …" is no one's name)
    (m,) = _contacts("أرجئ اجتماع كان مقرراً بين محافظ الأنبار ومحافظ دير الزور إلى موعد لاحق.\n", date="2025-08-12")
    assert not any(p["name_en"].startswith("ومحافظ") for p in m.participants), m.participants
    (m,) = _contacts("استقبل محافظ الأنبار محمد نوري الكربولي اليوم محافظ دير الزور غسان السيد أحمد في الرمادي.\n",
                     date="2025-08-12")
    assert {p["country"] for p in m.participants if p["named"]} == {"Iraq", "Syria"}, m.participants


def test_a_delegation_from_a_province_or_city_of_one_side_is_that_sides():
    # contacts.json delegation_words: words between the delegation and the place ("شيوخ عشائر", "Chamber of
    # Commerce") are read past; the place is where it comes from, the city it went to is the contact's place
    for text, place in (("وصل وفد من شيوخ عشائر الأنبار إلى البوكمال أمس للقاء وجهاء عشائر دير الزور.\n", "Albu Kamal"),
                        ("A Baghdad Chamber of Commerce delegation visited Damascus on Monday.\n", "Damascus"),
                        ("A delegation of Anbar tribal sheikhs crossed to Albu Kamal on Monday.\n", "Albu Kamal"),
                        ("زار وفد من غرفة تجارة بغداد دمشق أمس.\n", "Damascus")):
        (m,) = _contacts(text, date="2025-06-10")
        assert (m.kind, m.date, m.place["name_en"], [p["country"] for p in m.participants]) == \
            ("visit", "2025-06-09", place, ["Iraq"]), (text, m.kind, m.date, m.place, m.participants)

    # the words between name no country or other place: "a delegation of the Syrian federation in Baghdad" is Syria's
    (m,) = _contacts("The Iraqi Football Association hosted a delegation of the Syrian federation in Baghdad on Sunday.\n",
                     date="2025-06-10")
    assert (m.place["name_en"], [p["country"] for p in m.participants]) == ("Baghdad", ["Syria"]), m.participants


def test_kurdish_party_leaders_are_listed_people():
    (m,) = _contacts("Masoud Barzani received a Syrian delegation in Erbil on Sunday.\n", date="2025-06-10")
    assert "Masoud Barzani" in _names(m)


def test_an_official_put_in_the_other_sides_city_then_another_contact_are_two():
    # `present_at` counts as a contact of its own when a sentence is split at its joins
    t = ("البداية كانت بعد أسابيع من سقوط الأسد: رئيس جهاز المخابرات حميد الشطري في دمشق يوم 26 كانون الأول 2024، ثم "
         "اتصال فؤاد حسين بالشيباني قبل نهاية العام.\n")
    got = sorted((m.kind, m.date or "", tuple(sorted(_names(m)))) for m in _contacts(t, date="2025-12-20"))
    assert got == [("call", "", ("Asaad al-Shaibani", "Fuad Hussein")),
                   ("visit", "2024-12-26", ("Hamid al-Shatri",))], got


def test_syrias_kurdish_groups_are_a_party_of_their_own_not_syrias_state():
    # officials.json countries "Syrian Kurdish groups" (the SDF, KDP-Syria, ENKS; Mazloum Abdi): a contact of Iraq's
    # Kurdish leaders with them is no Iraq–Syria contact, though their names hold Syria's
    for text in ("On Wednesday, Kurdistan Democratic Party leader Masoud Barzani received a delegation of the KDP-Syria "
                 "and urged dialogue between Syrian Kurdish parties and the government in Damascus.\n",
                 "Masoud Barzani, SDF chief Mazloum Abdi discuss Damascus deal by phone\n",
                 "الرئيس بارزاني يستقبل وفداً من الديمقراطي الكوردستاني – سوريا\n",
                 "استقبل رئيس إقليم كوردستان نيجيرفان بارزاني قائد قوات سوريا الديمقراطية مظلوم عبدي في أربيل.\n"):
        assert _contacts(text, date="2025-11-28") == [], text
    # … and with Syria's state there too, the contact of the two stands
    (m,) = _contacts("Nechirvan Barzani met Syrian Foreign Minister Asaad al-Shaibani and SDF commander Mazloum Abdi in "
                     "Munich on Friday.\n", date="2025-11-28")
    assert {"Nechirvan Barzani", "Asaad al-Shaibani"} <= _names(m)
