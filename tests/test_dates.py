"""Dates: explicit, relative to the article's date (with their basis), and articles dated by what they say."""

from rag.text.arabic import normalize
from rag.text.dates import ArticleDate, find_dates, infer_article_date, resolve_dates

SUNDAY = ArticleDate(value="2025-01-12", basis="dateline")  # 12 January 2025 was a Sunday


def _one(text, article=SUNDAY, years=None):
    found = resolve_dates(normalize(text), article, years)
    assert len(found) == 1, found
    return found[0]


def test_explicit_dates_in_three_traditions_and_numbers():
    assert find_dates("في 26 من كانون الأول 2024، ثم 14 آذار 2025") == ["2024-12-26", "2025-03-14"]
    assert find_dates("في 3 يناير 2025، December 31, 2024، 2025-02-01") == ["2025-01-03", "2024-12-31", "2025-02-01"]
    assert find_dates("31 شباط 2025") == []  # no such day


def test_yesterday_with_its_weekday_is_the_day_before_the_article():
    d = _one("كشفت مصادر سياسية، امس السبت، عن تفاصيل الزيارة")
    assert d.value == "2025-01-11" and d.relative and "2025-01-12" in d.basis


def test_yesterday_whose_weekday_does_not_fit_stays_unresolved():
    d = _one("أعلن الوزير، أمس الثلاثاء، أنه تلقى اتصالاً")
    assert d.value is None and "not resolved" in d.basis


def test_weekdays_resolve_to_the_last_such_day_before_the_article():
    assert _one("أجرى الوزير يوم الاثنين اتصالاً").value == "2025-01-06"
    assert _one("كشف مصدر حكومي الثلاثاء الماضي عن زيارة").value == "2025-01-07"
    assert _one("كشف مصدر حكومي الأحد الماضي عن زيارة").value == "2025-01-05"  # "last Sunday", not today


def test_day_and_month_without_a_year_take_the_year_their_weekday_fits():
    d = _one("اليوم، الثلاثاء 1 من نيسان، أن الشرع بحث", ArticleDate(), years=[2024, 2025])
    assert d.value == "2025-04-01" and "Tuesday" in d.basis
    assert _one("الخميس 1 من نيسان", ArticleDate(), years=[2024, 2025]).value is None  # no near year fits


def test_relative_dates_of_an_undated_article_stay_null_with_their_basis():
    d = _one("المحادثة الهاتفية التي أجريت مساء أمس السبت", ArticleDate())
    assert d.value is None and "unknown" in d.basis


def test_article_dates_are_inferred_from_what_the_text_says():
    after = infer_article_date(normalize("الجنود الذين لجأوا إلى العراق عقب انهيار نظام بشار الأسد"))
    assert after.after == "2024-12-08" and not after.value and "fall of Assad" in after.basis
    before = infer_article_date(normalize("اتصال هاتفي أجراه السوداني بالرئيس السوري بشار الأسد"))
    assert before.before == "2024-12-08" and before.label() == "before 2024-12-08"
    assert infer_article_date(normalize("تعاون أمني بين البلدين")).label() == "undated"
    assert infer_article_date("", "2025-01-12").value == "2025-01-12"


def test_a_weekday_with_its_time_of_day_is_that_weekday():
    from rag.text.dates import ArticleDate, resolve_dates
    from rag.text.arabic import normalize
    for phrase in ("مساء الأحد", "صباح يوم الأحد", "ليلة الأحد"):
        got = resolve_dates(normalize(f"تهاتف الرئيسان {phrase} في اتصال."), ArticleDate(value="2025-03-10"), [])
        assert [d.value for d in got] == ["2025-03-09"], (phrase, got)


def test_a_weekday_set_off_by_commas_is_that_weekday():
    from rag.text.dates import ArticleDate, resolve_dates
    from rag.text.arabic import normalize
    for text in ("استقبل الوزير في مكتبه ببغداد، الأحد، السفير السوري.", "The minister met, Sunday, his counterpart."):
        got = resolve_dates(normalize(text), ArticleDate(value="2025-03-10"), [])
        assert [d.value for d in got] == ["2025-03-09"], (text, got)


def test_an_english_page_speaking_of_assad_s_fall_is_no_older_than_it():
    after = infer_article_date(normalize("Eleven weeks after the fall of Bashar al-Assad, Baghdad still talks to one man."))
    assert after.after == "2024-12-08" and not after.value
    assert not infer_article_date(normalize("A quiet week on the border.")).after


def test_short_english_months_with_a_full_stop_are_read():
    ref = ArticleDate(value="2025-03-10")
    got = [(d.value) for t in ("a call on Dec. 26, his office said", "on Sept. 3, 2025 the minister", "on 3 Dec. 2025")
           for d in resolve_dates(normalize(t).lower(), ref)]
    assert got == ["2024-12-26", "2025-09-03", "2025-12-03"]


def test_today_without_a_weekday_is_the_article_s_day_but_until_today_is_not():
    ref = ArticleDate(value="2025-03-10")
    assert [d.value for d in resolve_dates(normalize("تلقى السوداني مساء اليوم اتصالا هاتفيا"), ref)] == ["2025-03-10"]
    assert [d.value for d in resolve_dates(normalize("لم يزر أي مسؤول دمشق حتى اليوم"), ref)] == []


def test_a_dateline_with_the_city_and_an_arabic_comma_is_a_dateline():
    from rag.text.dates import is_date_line
    assert is_date_line(normalize("دمشق، 28/08/2025")) and is_date_line(normalize("بغداد، الخميس 5 حزيران 2025"))
    assert not is_date_line(normalize("قال السوداني، إن الزيارة مهمة 2025"))


def test_a_dateline_with_a_reading_time_is_a_dateline():
    from rag.text.dates import is_date_line
    assert is_date_line(normalize("Dec. 26, 2024 • 3 min read").lower())
    assert not is_date_line(normalize("He read 3 min about 2025").lower())


def test_tomorrow_is_the_day_after_the_article_when_its_weekday_fits():
    ref = ArticleDate(value="2025-08-11")  # a Monday
    got = [d.value for t in ("سيصل غداً الثلاثاء إلى بغداد", "will arrive tomorrow", "سيصل غداً الأربعاء")
           for d in resolve_dates(normalize(t).lower(), ref)]
    assert got == ["2025-08-12", "2025-08-12", None]


def test_a_week_gives_its_month_when_it_lies_in_one_and_the_day_before_yesterday_two_days():
    wed = ArticleDate(value="2025-06-11", basis="dateline")
    for text in ("التقى الوزيران في بغداد الأسبوع الماضي", "the two ministers met in Baghdad last week",
                 "وصل الوفد إلى دمشق مطلع الأسبوع الجاري", "the delegation reached Damascus earlier this week"):
        assert _one(text, wed).value == "2025-06", text
    # a week across two months gives no month, and says why
    d = _one("met in Baghdad last week", ArticleDate(value="2025-06-03", basis="dateline"))
    assert d.value is None and "across two months" in d.basis
    assert _one("arrived the day before yesterday", wed).value == "2025-06-09"
    # English "today" alone is the article's day (not "until today", "to this day")
    assert _one("Hamid al-Shatri met Ahmed al-Sharaa in Damascus today", wed).value == "2025-06-11"
    assert resolve_dates(normalize("until today no date was set"), wed) == []


def test_a_month_after_wa_fi_and_that_is_in_is_read():
    for text in ("وفي آذار جرى أول اتصال بين الرئيسين", "وخلال آذار جرى اتصال", "في آذار جرى اتصال"):
        assert _one(text, ArticleDate(value="2025-06-11", basis="dateline")).value == "2025-03", text


def test_a_wire_dateline_without_a_year_takes_the_latest_year_its_weekday_fits():
    from datetime import date
    text = ("Iraq, Syria agree on a pipeline committee\nBAGHDAD, Aug. 12 -- The two ministers agreed on Tuesday to form "
            "a committee. The line entered service in 1952 and was damaged in 2003.")
    got = infer_article_date(normalize(text).lower(), today=date(2026, 12, 5))
    assert got.value == "2025-08-12" and "weekday" in got.basis  # 12 August was a Tuesday in 2025, not in 2026
    ar = "بغداد، 12 آب (أ ف ب) – التقى الوزيران اليوم الثلاثاء في بغداد."
    assert infer_article_date(normalize(ar).lower(), today=date(2026, 12, 5)).value == "2025-08-12"
    # no weekday that fits: no year is guessed
    assert infer_article_date(normalize("BAGHDAD, Aug. 12 -- The ministers met on Friday.").lower(),
                              today=date(2026, 12, 5)).value == ""
    # a day still to come this year is not taken
    assert infer_article_date(normalize("BAGHDAD, Dec. 29 -- They met on Monday.").lower(),
                              today=date(2026, 12, 5)).value == "2025-12-29"


def test_a_range_of_days_with_a_year_is_its_first_day_not_a_yearless_day():
    # "Dec. 5–6, 2024" in a review written a year later is 5 December 2024, not 5 December 2025
    later = ArticleDate(value="2025-12-29", basis="dateline")
    for text in ("Dec. 5–6, 2024 – the Syrian foreign minister lands in Baghdad", "في 5-6 كانون الأول 2024 زار الوزير",
                 "في 5 و6 كانون الأول 2024 زار الوزير"):
        assert [d.value for d in resolve_dates(normalize(text).lower(), later)] == ["2024-12-05"], text


def test_a_hijri_date_printed_before_the_gregorian_one_leaves_the_gregorian_day():
    from rag.documents import RawDocument
    from rag.ingestion.clean import clean
    for line, day in (("الخميس 5 ربيع الأول 1447 هـ - الموافق 28 آب 2025", "2025-08-28"),
                      ("5 رمضان 1446هـ الموافق 5 آذار 2025", "2025-03-05")):
        doc = clean(RawDocument(source="s.txt", text=line + "\n\nاستقبال في دمشق\n\nاستقبل الرئيس أحمد الشرع اليوم "
                                                           "رئيس جهاز المخابرات العراقي حميد الشطري.\n"))
        assert doc.date == day and doc.outlet == "", (line, doc.date, doc.outlet)
