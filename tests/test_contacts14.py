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
