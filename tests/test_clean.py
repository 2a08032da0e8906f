from pathlib import Path

import pytest

from rag.ingestion.clean import clean, find_dates
from rag.documents import RawDocument, read_file

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def doc(name):
    return clean(next(read_file(SEEDS / name, 10**7)))


@pytest.mark.parametrize("name,title,date,outlet", [
    ("000_bfc544fcf7e9c4f1.txt", "وفد سوري إلى العراق قريبا والأمن والاقتصاد يتصدران جدول الأعمال", "2025-01-12", ""),
    ("001_be86418023dbb8c5.txt", "تطوير العلاقات.. محور اتصال سوري- عراقي", "2025-04-01", "عنب بلدي"),
    ("002_f57a3efcf7aa0e05.txt", "رئيس الوزراء العراقي: تعاون وتنسيق أمني متواصل بين بغداد ودمشق", "", "مراسلين"),
    ("003_13910b3792c7a8a7.txt", "العراق وسوريا: لقاء لتعزيز التعاون الأمني والسياسي بين البلدين", "", ""),
    ("004_42ccee761c1e329b.txt", None, "", "صدى البلد"),
])
def test_seed_metadata(name, title, date, outlet):
    d = doc(name)
    assert d.source == name
    if title:
        assert d.title == title
    else:
        assert d.title.startswith("تلقى وزير الخارجية السوري بسام صباغ")
    assert d.date == date
    assert d.outlet == outlet


def test_headline_list_and_site_credits_dropped_000():
    d = doc("000_bfc544fcf7e9c4f1.txt")
    for junk in ("ائتلاف المالكي يرفض الانتخابات المبكرة", "إضافة 83 كم إلى الجدار الخرساني",
                 "Powered by weebtech", "Design by webacademy", "12-كانون الثاني-2025"):
        assert junk not in d.text
        assert any(junk in line for line in d.dropped)
    assert d.text.count("وفد سوري إلى العراق قريبا") == 1  # the title once, not its repeats in the list
    assert "أشاد فؤاد حسين بالمباحثات المثمرة" in d.text


def test_correction_form_related_and_source_line_dropped_001():
    d = doc("001_be86418023dbb8c5.txt")
    for junk in ("أرسل/أرسلي تصحيحًا", "مرتبط", "قدم/قدمي شكوى", "المصدر: عنب بلدي", "“الخارجية” تدين الاعتداء"):
        assert junk not in d.text
    assert "وفي 14 من آذار 2025، زار وزير الخارجية السوري، أسعد الشيباني، العاصمة بغداد" in d.text
    assert d.text.rstrip().endswith("“تحريضًا على الطائفية”.")


def test_comment_form_and_menu_dropped_002():
    d = doc("002_f57a3efcf7aa0e05.txt")
    for junk in ("عربي و دولي", "أنس الشيخ أحمد – مراسلين", "مقالات ذات صلة", "اترك تعليقاً",
                 "لن يتم نشر عنوان بريدك", "زر الذهاب إلى الأعلى", "wordpress"):
        assert junk not in d.text
    assert "استعادة سوريا مقعدها في جامعة الدول العربية" in d.text


def test_subheadings_kept_003():
    d = doc("003_13910b3792c7a8a7.txt")
    assert d.dropped == []
    assert "أجندة اللقاء: الأمن والاستقرار على رأس الأولويات" in d.text


def test_related_article_and_tag_lines_dropped_004():
    d = doc("004_42ccee761c1e329b.txt")
    for junk in ("كلمات دلالية", "إقرأ أيضاً", "بدر عبدالعاطي", "مقالات مشابهة", "•", "@Asaad_Shaibani"):
        assert junk not in d.text
    assert "وفق ما نقله المكتب الإعلامي لرئيس الوزراء العراقي." in d.text


def test_every_kept_line_is_from_the_source():
    for f in sorted(SEEDS.iterdir()):
        raw = f.read_text(encoding="utf-8")
        for line in doc(f.name).text.splitlines():
            assert line in raw


@pytest.mark.parametrize("text,iso", [
    ("12-كانون الثاني-2025", "2025-01-12"), ("في 14 من آذار 2025، زار", "2025-03-14"),
    ("26 من كانون الأول 2024", "2024-12-26"), ("الأحد 5 يناير 2025", "2025-01-05"),
    ("3 تشرين الثاني 2024", "2024-11-03"), ("December 31, 2024", "2024-12-31"),
    ("بتاريخ 07/02/2025", "2025-02-07"), ("2025-06-30", "2025-06-30"), ("1 أيار 2025", "2025-05-01"),
])
def test_find_dates(text, iso):
    assert find_dates(text)[0] == iso


def test_boilerplate_word_inside_a_long_paragraph_is_not_dropped():
    para = "نص طويل عن التاريخ " * 15 + "يذكر المؤلف رمز © في نسخة قديمة."
    d = clean(RawDocument("p1", para))
    assert d.text == para.strip()


def test_citation_like_markers_become_text_of_the_same_length():
    """Markers in an article's own text never reach the answerer as markers (issue 26): "[3]" -> "(3)", in the
    text and the title, character for character, so every offset into the cleaned text holds."""
    from rag.answer.citations import MARKER
    from rag.documents import RawDocument
    from rag.ingestion.clean import clean, neutralize_markers
    cases = {"[3] [4]": "(3) (4)", "[n]": "(n)", "[١]": "(١)", "【2】": "(2)", "［3］": "(3)", "[1, 2]": "(1, 2)",
             "[١،٢]": "(١،٢)", "[ 7 ]": "( 7 )", "[^4]": "(^4)"}
    for marker, text in cases.items():
        assert neutralize_markers(f"قال [{marker}]".replace(f"[{marker}]", marker)) == f"قال {text}"
        assert len(neutralize_markers(marker)) == len(marker)
    kept = "[link text] [a longer aside] arr"  # words in brackets are not markers
    assert neutralize_markers(kept) == kept
    doc = clean(RawDocument(source="m.txt", title="تقرير [2]",
                            text="قال مسؤول عراقي إن الوفد زار دمشق مرتين هذا العام [3] [4]. وأكد ذلك مصدر آخر 【5】."))
    assert not MARKER.search(doc.text) and not MARKER.search(doc.title) and "【" not in doc.text
    assert "(3) (4)" in doc.text and doc.title == "تقرير (2)"


def test_a_dateline_with_its_city_first_is_the_date_not_the_outlet():
    from rag.documents import RawDocument
    from rag.ingestion.clean import clean
    ar = clean(RawDocument(source="a.txt", text="وزير التجارة العراقي يزور دمشق\nبغداد - الخميس 5 حزيران 2025\n\n"
                           "من المقرر أن يزور وزير التجارة العراقي دمشق الأحد المقبل.\nالمصدر: وكالة الأنباء العراقية\n"))
    en = clean(RawDocument(source="b.txt", text="Border officials meet\nBaghdad, 20 May 2025\n\nThe officials met on "
                           "Monday at the crossing.\n"))
    assert (ar.date, ar.outlet) == ("2025-06-05", "وكالة الأنباء العراقية")
    assert en.date == "2025-05-20" and "20 May" not in en.text


@pytest.mark.parametrize("headline", [
    'Syria\'s foreign minister wraps up Baghdad trip, vows "decisive steps"',
    "Government spokesman: Damascus visit marks move “from words to implementation”",
    "المشهداني يفضّل ألا يأتي الشرع إلى بغداد.. والشيباني «الأسبوع المقبل»",
    "ماذا اتفق الشطري والشرع في دمشق؟ مصادر تكشف تفاصيل 'الزيارة الغامضة'",
    "عام على سقوط الأسد.. كيف انتقلت بغداد من الحذر إلى الانفتاح المحسوب على دمشق؟",
    "One year on: can Baghdad and Damascus keep the border open?",
    'What did al-Shatri carry to Damascus, "and what came back?"',
])
def test_a_headline_ending_with_a_quotation_is_the_whole_title(headline):
    """A headline whose last words are a quotation, or a question, is the title, whole: not cut at its first comma, colon or
    full stop (the first clause of the body's first line is only the fallback for an article with no headline)."""
    body = ("قال المتحدث باسم الحكومة العراقية، اليوم الجمعة، إن الزيارة نقلت العلاقات إلى مرحلة جديدة.\n"
            "The spokesman said, on Friday, that the \"visit\" was a turning point.")
    d = clean(RawDocument("q.txt", f"{headline}\n\n{body}"))
    assert d.title == headline
    assert d.text == f"{headline}\n{body}"  # the text is what it was: only the title changed
    # a line ending with a full stop inside the quote is a sentence, not a headline: still the first clause
    s = clean(RawDocument("s.txt", 'He said, on Friday, "we will go."\n\n' + body))
    assert s.title == "He said"


@pytest.mark.parametrize("line, date, outlet", [
    ("December 31, 2024 | Erbil Daily Monitor", "2024-12-31", "Erbil Daily Monitor"),
    ("22 شباط 2025 – موقع المشرق نيوز", "2025-02-22", "موقع المشرق نيوز"),
    ("دمشق – 28 آب 2025 (شبكة الشام الإخبارية)", "2025-08-28", "شبكة الشام الإخبارية"),
    ("BAGHDAD, March 14, 2025 (Gulf Wire) -", "2025-03-14", "Gulf Wire"),
    ("May 13, 2025 — Mesopotamia Business Review", "2025-05-13", "Mesopotamia Business Review"),
])
def test_a_dateline_with_its_outlet_after_it_gives_both(line, date, outlet):
    doc = clean(RawDocument(source="x.txt", text=f"Ministers meet on border security\n{line}\n\nThe body of the report.\n"))
    assert (doc.date, doc.outlet) == (date, outlet)
    assert line not in doc.text and "The body of the report." in doc.text


def test_a_date_then_a_headline_on_one_line_keeps_the_line_and_gives_the_date():
    for line in ("March 14, 2025 - Shaibani arrives in Baghdad for talks with his counterpart",
                 "14 آذار 2025 - الشيباني يصل إلى بغداد في أول زيارة لمسؤول سوري"):
        doc = clean(RawDocument(source="x.txt", text=f"A visit\n{line}\n\nThe body of the report.\n"))
        assert doc.date == "2025-03-14" and line in doc.text and doc.outlet == "", (doc.date, doc.outlet)
