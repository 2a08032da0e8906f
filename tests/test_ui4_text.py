"""The interface's counts read as the language says them (no browser needed: the HTML the page shows)."""

import pytest

from ui import render
from ui.i18n import counted


@pytest.mark.parametrize("n,ar,en", [
    (1, "مقال واحد", "1 article"), (2, "مقالان", "2 articles"), (5, "5 مقالات", "5 articles"),
    (10, "10 مقالات", "10 articles"), (11, "11 مقالاً", "11 articles"), (64, "64 مقالاً", "64 articles"),
    (100, "100 مقال", "100 articles"), (103, "103 مقالات", "103 articles"), (164, "164 مقالاً", "164 articles"),
])
def test_a_count_takes_the_form_its_number_asks_for(n, ar, en):
    assert counted("ar", n, "articles") == ar and counted("en", n, "articles") == en


def test_the_header_and_the_timeline_count_in_both_languages():
    docs = [{"source": f"{i}.txt", "date": "2025-01-0%d" % (1 + i % 9), "outlet": ""} for i in range(64)]
    assert "تضم المكتبة 64 مقالاً" in render.library_summary(docs, "ar")
    assert "The library holds 1 article," in render.library_summary(docs[:1], "en")
    assert "تضم المكتبة مقال واحد،" in render.library_summary(docs[:1], "ar")
    events = [{"id": str(i), "kind": "visit", "date": "2025-01-02", "summary": "s", "participants": [], "citations": []}
              for i in range(43)]
    assert '">43 اتصالاً</div>' in render.timeline(events, "ar")
    assert '">1 contact</div>' in render.timeline(events[:1], "en")


def test_a_long_list_of_outlets_says_how_many_more():
    docs = [{"source": f"{i}.txt", "date": "2025-01-02", "outlet": f"Outlet {i:02d}"} for i in range(10)]
    en, ar = render.library_summary(docs, "en"), render.library_summary(docs, "ar")
    assert en.endswith("<bdi>Outlet 05</bdi> and 4 more.</div>") and "…" not in en, en
    assert ar.endswith("<bdi>Outlet 05</bdi> و4 غيرها.</div>") and "…" not in ar, ar


@pytest.mark.parametrize("n", [1, 2, 5, 11])
def test_the_arabic_left_out_line_reads_right_for_any_number(n):
    """'لا تظهر 1 اتصالات غير مؤرخة' was wrong for 1, 2 and 11 and up: the count stands after a noun phrase."""
    events = [{"id": "1", "kind": "visit", "date": "2025-01-02", "summary": "s", "participants": [], "citations": []}]
    html = render.timeline(events, "ar", left_out=n)
    assert f"عدد الاتصالات غير المؤرخة التي لا تظهر: {n}؛" in html
