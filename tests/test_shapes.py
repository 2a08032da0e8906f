from rag import normalize
from rag.answer.shapes import has_date, has_number, shape_of


def test_number_words_count_as_numbers():
    """'How many' is answered by number words too: the dual, تسع, مرتين, عشرين; a plural is not a number."""
    for text in ("في المدينة جامعتان", "فازوا بالكأس مرتين", "أراضٍ تابعة لـ تسع دول", "نحو عشرين جندياً", "مئات الجنود"):
        assert has_number(normalize(text)), text
    for text in ("التقى المسؤولين العراقيين", "زار الشيباني بغداد"):
        assert not has_number(normalize(text)), text


def test_dates_include_earlier_centuries_and_decades():
    for text in ("أصدر مرسوم فونتينبلو (1685)", "تجدد الاهتمام بتسلا منذ التسعينيات", "في القرن التاسع عشر",
                 "في 14 من آذار 2025"):
        assert has_date(normalize(text)), text
    assert not has_date(normalize("بحث الجانبان ملف الحدود"))


def test_shapes():
    assert shape_of("كم عدد الجنود؟").kind == "number" and shape_of("متى زار الشيباني بغداد؟").kind == "date"
    assert shape_of("ماذا قال الشيباني؟").kind == "statement"
