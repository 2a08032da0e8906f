"""Contacts, fourteenth pass: Arabic present-tense verbs in either third person (a list naming "يؤجل" finds "تؤجل");
the present tense of talk verbs ("يبحث … مع", "يناقش") in headlines and chronologies; a headline telling a call in
words of talk is that call; a dated list's entry is a day gone by, also for a contact put off. Texts written here
(real people, invented wording)."""

from tests.test_contacts_real import _contacts, _names


def test_a_status_cue_in_the_other_persons_present_tense():
    from rag.domain.lexicon import persons
    from rag.text.arabic import normalize
    assert set(persons(["يؤجل", "تحل ضيفة", "أجل", "يزور"])) == {normalize(w) for w in ("تؤجل", "يحل ضيفة", "تزور")}
    # "تؤجل" is not in the data, "يؤجل" is: a ministry (feminine) puts it off
    (m,) = _contacts("- 3 آذار: موعد أول لزيارة وزير الخارجية السوري أسعد الشيباني إلى بغداد يمر، والخارجية السورية "
                     "تؤجل الزيارة إلى موعد لاحق.\n", date="2025-12-20")
    assert m.status == "postponed", (m.kind, m.status, m.date)


def test_a_chronology_line_in_the_present_tense_of_talk():
    ms = _contacts("أبرز محطات العام:\n\n- 5 آب: القائم بالأعمال العراقي ياسين الحجيمي يبحث ملف المياه مع وزير الطاقة "
                   "السوري محمد البشير.\n", date="2025-12-30")
    assert [(m.kind, m.status, m.date) for m in ms] == [("meeting", "happened", "2025-08-05")]
    assert {"Yassin Sharif al-Hujaimi", "Mohammed al-Bashir"} <= _names(ms[0])


def test_a_headline_in_words_of_talk_over_a_call_is_that_call():
    text = ("السوداني يناقش مع الشرع ملف الحدود\n2025/04/01\n\nتلقى الرئيس السوري أحمد الشرع اليوم الثلاثاء اتصالاً "
            "هاتفياً من رئيس الوزراء العراقي محمد شياع السوداني تناول أمن الحدود.\n")
    ms = _contacts(text)
    assert [(m.kind, m.date) for m in ms] == [("call", "2025-04-01")], [(m.kind, m.date) for m in ms]
    assert len(ms[0].citations) == 2  # the headline cites the call
    # with no call in the article, the headline's talk is a meeting of its own
    ms = _contacts("السوداني يناقش مع الشرع ملف الحدود\n\nولم تذكر المصادر تفاصيل إضافية.\n")
    assert [m.kind for m in ms] == ["meeting"]


def test_a_dated_lists_entry_of_a_contact_put_off_is_a_day_gone_by():
    (m,) = _contacts("محطات العام\n\n- 21 شباط: الخارجية السورية تعلن تلقي الشيباني دعوة لزيارة العراق وتؤجل تحديد "
                     "موعدها.\n", date="2025-12-28")
    assert (m.status, m.date) == ("postponed", "2025-02-21"), (m.status, m.date, m.date_basis)


def test_an_envoy_named_in_the_other_capital_and_its_landmark():
    # a name after the envoy word: the envoy is that person, and the city his place ("envoy_for" drops a country
    # or city only right after the word: "the UN envoy for Syria"); the People's Palace is in Damascus
    for text in ("محطات\n\n- 9 حزيران: المبعوث عزت الشابندر في قصر الشعب.\n",
                 "Timeline\n\n- June 9: Envoy Izzat al-Shabandar in the People's Palace.\n"):
        (m,) = _contacts(text, date="2025-12-20")
        assert (m.kind, m.date, m.place["name_en"], _names(m)) == ("visit", "2025-06-09", "Damascus",
                                                                 {"Izzat al-Shabandar"}), (m.kind, m.date, m.place)
    # (the UN's envoy for Syria meeting Iraq's minister is no Iraq–Syria contact, as before)
    assert _contacts("The UN envoy for Syria, Geir Pedersen, met Iraq's foreign minister Fuad Hussein in Baghdad on "
                     "Monday.\n", date="2025-02-12") == []


def test_a_claim_left_unconfirmed_is_rumoured():
    text = ("قال عضو في مجلس محافظة نينوى، أمس الجمعة، إن مفاوضات بدأت بين جهازي المخابرات في العراق وسوريا لفتح منفذ "
            "ربيعة.\nولم يصدر عن الحكومتين في بغداد ودمشق أي تأكيد لهذه المفاوضات.\n")
    (m,) = _contacts(text, date="2025-09-13")
    assert m.status == "rumoured", (m.kind, m.status)
    # each side's body named as a body, without the "في" before the sides
    assert _names(m) == {"Iraq's intelligence service", "Syria's intelligence service"}, _names(m)
    assert {p["name"] for p in m.participants} == {"جهاز المخابرات العراقي", "جهاز المخابرات السوري"}
    (m,) = _contacts(text.split("\n")[0] + "\n", date="2025-09-13")
    assert m.status == "happened"
    # English; and a list's next entry speaks of its own item
    (m,) = _contacts("Iraq's intelligence chief Hamid al-Shatri met Anas Khattab in Damascus on Monday, a local "
                     "official said. Neither government confirmed the meeting.\n", date="2025-08-27")
    assert m.status == "rumoured"
    ms = _contacts("محطات\n\n- 5 آب: القائم بالأعمال العراقي ياسين الحجيمي يبحث المياه مع وزير الطاقة السوري محمد "
                   "البشير.\n- أيلول: حديث عن مفاوضات لفتح منفذ ربيعة من دون تأكيد حكومي.\n", date="2025-12-20")
    assert [m.status for m in ms] == ["happened"]


def test_an_envoy_of_someone_is_not_that_someone():
    # "مبعوث السوداني" (an envoy of, no "ال") is al-Sudani's envoy: al-Sudani did not go; "المبعوث X" is X himself
    ms = _contacts("الشرع يستقبل مبعوث السوداني في قصر الشعب\n\nاستقبل الرئيس السوري أحمد الشرع أمس في دمشق الموفد "
                   "العراقي عزت الشابندر.\n", date="2025-06-10")
    assert all("Mohammed Shia al-Sudani" not in _names(m) for m in ms), [_names(m) for m in ms]
    assert any("Izzat al-Shabandar" in _names(m) for m in ms)


def test_a_contact_about_a_time_apart_keeps_its_own_people():
    # "… two months after al-Sudani and al-Sharaa met in Doha": that earlier meeting has both men, though al-Sharaa
    # is in the contact the sentence goes on about too
    for text in ("استقبل الرئيس السوري أحمد الشرع أمس في دمشق الموفد العراقي عزت الشابندر.\nويأتي اللقاء بعد نحو شهرين من "
                 "اجتماع السوداني والشرع في الدوحة.\n",
                 "Syrian President Ahmed al-Sharaa received Iraqi envoy Izzat al-Shabandar in Damascus on Monday.\nThe "
                 "meeting came about two months after al-Sudani and al-Sharaa met in Doha.\n"):
        ms = _contacts(text, date="2025-06-10")
        doha = [m for m in ms if m.place and m.place["name_en"] == "Doha"]
        assert doha and {"Mohammed Shia al-Sudani", "Ahmed al-Sharaa"} <= _names(doha[0]), [(_names(m), m.place) for m in ms]


def test_two_clauses_in_two_cities_are_two_contacts_and_a_government_in_its_capital_is_no_venue():
    for text in ("في نيسان، التقى السوداني والشرع للمرة الأولى في الدوحة، وصافح نيجيرفان بارزاني الشرع في أنطاليا.\n",
                 "In April al-Sudani met al-Sharaa in Doha, and Nechirvan Barzani shook hands with al-Sharaa in "
                 "Antalya.\n"):
        ms = _contacts(text, date="2025-12-16")
        got = sorted((m.place["name_en"], tuple(sorted(_names(m)))) for m in ms)
        assert got == [("Antalya", ("Ahmed al-Sharaa", "Nechirvan Barzani")),
                       ("Doha", ("Ahmed al-Sharaa", "Mohammed Shia al-Sudani"))], got
    (m,) = _contacts("ولم يُعلن عن مشاركة وفد من الحكومة الاتحادية في بغداد في لقاء الشيباني، الذي كان قد التقى "
                     "الشهر الماضي في دافوس رئيس حكومة الإقليم مسرور بارزاني.\n", date="2025-02-16")
    assert m.place["name_en"] == "Davos", m.place


def test_present_together_with_no_meeting_between_them_is_no_meeting():
    for text in ("وفي أيلول، جلس السوداني والشرع في قاعة واحدة في الدوحة، ولم يُعلن عن لقاء بينهما.\n",
                 "Al-Sudani and al-Sharaa sat in the same hall in Doha in September, but no meeting between them was "
                 "announced.\n"):
        assert _contacts(text, date="2025-12-16") == []
    # the clause alone is a meeting
    assert [m.kind for m in _contacts("وفي أيلول، جلس السوداني إلى الشرع في الدوحة.\n", date="2025-12-16")] == \
        ["meeting"]


def test_an_arrival_with_no_place_is_to_the_datelines_city():
    text = ("Summit preparations\n\nBAGHDAD, March 15, 2025 (Reuters) — Iraq has begun refitting hotels for the summit.\n\n"
            "Syria's foreign minister, Asaad al-Shaibani, arrived on Friday for his first visit since the fall of "
            "Assad.\n")
    ms = _contacts(text)
    assert [(m.kind, m.date, m.place["name_en"]) for m in ms] == [("visit", "2025-03-14", "Baghdad")], \
        [(m.kind, m.date, m.place) for m in ms]
    # a report filed from his own side's city, or none: no place to give
    assert _contacts(text.replace("BAGHDAD", "DAMASCUS")) == []
    assert _contacts("Syria's foreign minister, Asaad al-Shaibani, arrived on Friday for his first visit.\n",
                     date="2025-03-15") == []
