"""The fourth session's browser fixes, in real Gradio and Debian's headless Chromium through Playwright: the tab
bar on one line on a phone, the timeline's dots never covering one another at a phone's width, the timeline using
the page's width on a desktop, the empty chat saying what to ask (in the interface's language, with example
questions that fill the box), and what the new user's review found (Arabic accordions, blank bands, table frames)."""

import pytest

from conftest import ROOT
from ui_support import Server, ask, latin_ui_text, open_page, shot, tab, unobstructed, warm_home

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TAB_NAMES = {"en": "Timeline", "ar": "الخط الزمني"}

OVERLAPS_JS = """() => { const ds = Array.from(document.querySelectorAll('#timeline .tl-dot')).map(d => d.getBoundingClientRect());
  const out = [];
  for (let i = 0; i < ds.length; i++) for (let j = i + 1; j < ds.length; j++) { const a = ds[i], b = ds[j];
    if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
      out.push([i, j]); }
  return out; }"""


# ---------------------------------------------------------------- the tab bar on a phone

@pytest.mark.parametrize("lang,width", [("en", 390), ("ar", 390), ("ar", 360)])
def test_the_tab_bar_is_one_line_on_a_phone(browser, server, lang, width):
    ctx, page = open_page(browser, server, width=width, height=844, query=f"?lang={lang}")
    page.wait_for_function("document.querySelector('#ask').innerText.includes('%s')" % ("Ask" if lang == "en" else "اسأل"))
    boxes = page.evaluate("""() => Array.from(document.querySelectorAll('#tabs button[role=tab]')).map(b => {
        const r = b.getBoundingClientRect(); return {text: b.innerText, top: r.top, left: r.left, right: r.right,
        cut: b.scrollWidth > b.clientWidth + 1}; })""")
    assert len(boxes) == 4
    tops = {round(b["top"]) for b in boxes}
    assert max(tops) - min(tops) <= 2, f"the tabs wrap onto {len(tops)} lines at {width} px ({lang}): {boxes}"
    for b in boxes:  # each tab whole and in the window, no scrolling needed
        assert 0 <= b["left"] and b["right"] <= width, f"tab {b['text']!r} is outside the window: {b}"
        assert not b["cut"], f"tab {b['text']!r} is cut: {b}"
    shot(page, f"ui4-tabs-{lang}-{width}", full=False)
    ctx.close()


# ---------------------------------------------------------------- the timeline on a desktop

@pytest.mark.parametrize("size", [(1366, 900), (1920, 1080)])
def test_the_timeline_uses_the_page_width_on_a_desktop(browser, server, size):
    ctx, page = open_page(browser, server, width=size[0], height=size[1], query="?lang=en")
    tab(page, "Timeline")
    page.wait_for_selector("#timeline .tl-event", timeout=30_000)
    page.wait_for_timeout(300)
    g = page.evaluate("""() => { const c = document.querySelector('.gradio-container').getBoundingClientRect();
        const t = document.querySelector('#tabs').getBoundingClientRect();
        const b = document.querySelector('#timeline').getBoundingClientRect();
        return {page: innerWidth, left: c.left, right: innerWidth - c.right, tabs: t.width, board: b.width}; }""")
    # the contacts take the page's width (not a column beside an empty one), and the page is centred
    assert g["board"] >= 0.95 * g["tabs"], f"the timeline uses {g['board']:.0f} of {g['tabs']:.0f} px: {g}"
    assert g["board"] >= 0.65 * g["page"], g
    assert abs(g["left"] - g["right"]) <= 2, f"the page is not centred: {g}"
    shot(page, f"ui4-timeline-en-{size[0]}", full=False)
    # a citation opens its article beside the contacts, in view
    page.locator("#timeline .tl-event .tl-cite").first.click()
    page.wait_for_selector("#tl-article mark.passage", timeout=15_000)
    side = page.evaluate("""() => { const a = document.querySelector('#tl-article').getBoundingClientRect();
        const b = document.querySelector('#timeline').getBoundingClientRect();
        const m = document.querySelector('#tl-article mark.passage').getBoundingClientRect();
        return {article: a.width, board: b.width, beside: a.left >= b.right - 1 || a.right <= b.left + 1,
                mark_in_view: m.top >= 0 && m.top < innerHeight}; }""")
    assert side["beside"] and side["article"] >= 280 and side["mark_in_view"], side
    shot(page, f"ui4-timeline-article-en-{size[0]}", full=False)
    ctx.close()


# ---------------------------------------------------------------- the timeline's dots on a phone

@pytest.fixture(scope="module")
def big_server(tmp_path_factory, seeded_settings):
    """The seeds and the real development articles (close dates: dots that would cover one another on a phone)."""
    from rag import ingest, load_settings, open_library

    home = warm_home(tmp_path_factory.mktemp("ui4-big") / "home", seeded_settings.home_path)
    corpus = ROOT / "evals" / "real" / "dev" / "articles"
    if not corpus.is_dir():
        pytest.skip("evals/real/dev/articles is not in this checkout")
    ingest(open_library(load_settings(env={}, home=str(home))), [ROOT / "seeds", corpus], progress=False)
    srv = Server(home)
    yield srv
    srv.stop()


@pytest.mark.parametrize("lang,size", [("en", (390, 844)), ("ar", (390, 844)), ("en", (1366, 900))])
def test_no_timeline_dot_covers_another(browser, big_server, lang, size):
    ctx, page = open_page(browser, big_server, width=size[0], height=size[1], query=f"?lang={lang}")
    tab(page, TAB_NAMES[lang])
    page.wait_for_selector("#timeline .tl-dot", timeout=30_000)
    page.wait_for_timeout(500)
    n = page.locator("#timeline .tl-dot").count()
    assert n >= 10, f"only {n} dots: not enough close dates to test"
    overlaps = page.evaluate(OVERLAPS_JS)
    assert not overlaps, f"{len(overlaps)} pairs of dots cover one another at {size[0]} px ({lang})"
    # every dot stays inside the axis, and the axis is tall enough for its rows
    inside = page.evaluate("""() => { const a = document.querySelector('#timeline .tl-axis').getBoundingClientRect();
        return Array.from(document.querySelectorAll('#timeline .tl-dot')).every(d => { const r = d.getBoundingClientRect();
          return r.top >= a.top - 1 && r.bottom <= a.bottom + 1 && r.left >= a.left - 8 && r.right <= a.right + 8; }); }""")
    assert inside
    # a dot still brings its contact into view
    page.locator("#timeline .tl-dot").nth(n // 2).click()
    page.wait_for_timeout(500)
    assert page.locator("#timeline .tl-event.tl-current").count() == 1
    shot(page, f"ui4-dots-{lang}-{size[0]}", full=False)
    # the layout follows the window: narrower still, and back
    page.set_viewport_size({"width": 340, "height": 800})
    page.wait_for_timeout(500)
    assert not page.evaluate(OVERLAPS_JS), "dots cover one another after the window narrowed"
    ctx.close()


# ---------------------------------------------------------------- the empty chat

HINT = {"en": ("Ask about contacts between Iraq and Syria", "Every answer points at the passages"),
        "ar": ("اسأل عن الاتصالات بين العراق وسوريا", "كل إجابة تشير إلى المقاطع")}


@pytest.mark.parametrize("lang,size", [("en", (1366, 900)), ("ar", (390, 844)), ("ar", (1366, 900)), ("en", (390, 844))])
def test_the_empty_chat_says_what_to_ask_and_an_example_fills_the_box(browser, server, lang, size):
    ctx, page = open_page(browser, server, width=size[0], height=size[1], query=f"?lang={lang}")
    page.wait_for_function("document.querySelector('#ask').innerText.includes('%s')" % ("Ask" if lang == "en" else "اسأل"))
    hint = page.locator("#chat .chat-empty")
    hint.wait_for(state="visible", timeout=10_000)
    text = hint.inner_text()
    assert all(h in text for h in HINT[lang]), text
    assert hint.get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
    examples = hint.locator("button.hint-q")
    assert examples.count() == 3
    qs = examples.all_inner_texts()
    if lang == "ar":  # the Arabic interface: Arabic examples, marked as Arabic, and no interface text in Latin script
        assert all(not any("a" <= c.lower() <= "z" for c in q) for q in qs), qs
        assert all(examples.nth(i).get_attribute("lang") == "ar" for i in range(3))
        assert not [x for x in latin_ui_text(page) if "in #chat>" in x], latin_ui_text(page)
    else:
        assert all(q.isascii() for q in qs), qs
    # the hint is on screen with its examples, above the question box (nothing covers them)
    for i in range(3):
        assert examples.nth(i).is_visible()
    shot(page, f"ui4-empty-chat-{lang}-{size[0]}", full=False)
    # a click puts the question in the box (to edit or ask), and the focus there; Enter asks it
    for i, q in enumerate(qs):
        if i:
            page.click("#new-chat")
            hint.wait_for(state="visible", timeout=10_000)
        examples.nth(i).click()
        page.wait_for_function("document.querySelector('#question textarea').value === %r" % q, timeout=5_000)
        assert page.evaluate("document.activeElement === document.querySelector('#question textarea')")
        page.press("#question textarea", "Enter")  # what the click put in the box is what is asked
        page.wait_for_function("document.querySelectorAll('#chat .answer').length == 1", timeout=60_000)
        page.wait_for_function("!document.querySelector('#chat .pending')", timeout=60_000)
        answer = page.locator("#chat .answer").first
        assert page.locator("#chat .msg.user").first.inner_text().strip() == q
        assert "abstained" not in (answer.get_attribute("class") or ""), f"{q!r} is not answered: {answer.inner_text()}"
        assert answer.locator(".cite").count() >= 1
        assert page.locator("#chat .chat-empty").count() == 0  # the hint gives way to the conversation
    ctx.close()


# ---------------------------------------------------------------- the new user's review

@pytest.mark.parametrize("lang,size", [("en", (1366, 900)), ("ar", (390, 844))])
def test_an_error_line_is_in_sight_with_the_question_box_and_the_conversation_stays(browser, server, lang, size):
    ctx, page = open_page(browser, server, width=size[0], height=size[1], query=f"?lang={lang}")
    ask(page, "متى زار الشيباني بغداد؟")
    long_q = "متى " * 600
    page.fill("#question textarea", long_q)
    page.click("#ask")
    err = page.locator("#chat-error .inline-error")
    err.wait_for(timeout=10_000)
    page.wait_for_timeout(500)
    assert unobstructed(err), f"the error line is out of sight or covered ({lang}, {size})"
    assert unobstructed(page.locator("#question textarea")), "the question box is out of sight"
    assert page.locator("#question textarea").input_value() == long_q
    assert page.locator("#chat .answer").count() == 1 and page.locator("#sources .source-card").count() >= 1
    shot(page, f"ui4-error-in-sight-{lang}-{size[0]}", full=False)
    ctx.close()


DATES_LTR_JS = """(root) => {  // every ISO date on the page reads as written: its first digit left of its last
  const bad = [], re = /\\d{4}-\\d{2}-\\d{2}/g;
  const walker = document.createTreeWalker(document.querySelector(root), NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest('[hidden], .hidden-act, [aria-hidden=true], textarea, input')) continue;
    for (const m of n.textContent.matchAll(re)) {
      const first = document.createRange(), last = document.createRange();
      first.setStart(n, m.index); first.setEnd(n, m.index + 1);
      last.setStart(n, m.index + 9); last.setEnd(n, m.index + 10);
      const a = first.getBoundingClientRect(), b = last.getBoundingClientRect();
      if (a.width && b.width && Math.abs(a.top - b.top) < 4 && a.left > b.left) bad.push(m[0] + ' in ' + (el.closest('[id]') || {}).id);
    }
  }
  return bad; }"""


def test_dates_read_as_written_in_the_arabic_page(browser, server):
    """An ISO date after Arabic words (an outlet, then the date) is not reordered into '01-04-2025'."""
    ctx, page = open_page(browser, server, width=1366, height=900, query="?lang=ar")
    page.wait_for_function("document.querySelector('#ask').innerText.includes('اسأل')")
    ask(page, "متى زار الشيباني بغداد؟")
    tab(page, "الخط الزمني")
    page.wait_for_selector("#timeline .tl-event", timeout=30_000)
    page.locator("#timeline .tl-event .tl-cite").first.click()
    page.wait_for_selector("#tl-article mark.passage", timeout=15_000)
    assert page.locator("#tl-article .doc-head").inner_text().count("-") >= 2  # the article's date is shown
    bad = page.evaluate(DATES_LTR_JS, "#tl-article")
    assert not bad, f"dates shown backwards: {bad}"
    tab(page, "المكتبة")
    page.wait_for_selector("#library .lib-open", timeout=30_000)
    page.locator("#library .lib-open").first.click()
    page.wait_for_selector("#doc-view .doc-head", timeout=15_000)
    for root in ("#holds", "#library", "#doc-view", "#sources"):
        bad = page.evaluate(DATES_LTR_JS, root)
        assert not bad, f"dates shown backwards in {root}: {bad}"
    shot(page, "ui4-dates-ar", full=False)
    ctx.close()


def test_arabic_accordions_read_right_to_left_and_empty_lines_take_no_room(browser, server):
    ctx, page = open_page(browser, server, width=390, height=844, query="?lang=ar")
    page.wait_for_function("document.querySelector('#ask').innerText.includes('اسأل')")
    for acc in ("#settings", "#history-box"):
        g = page.evaluate("""(s) => { const b = document.querySelector(s + ' button.label-wrap');
            const label = b.querySelector('span:not(.icon)').getBoundingClientRect(), icon = b.querySelector('.icon').getBoundingClientRect();
            return {dir: getComputedStyle(b).direction, label_right: label.right, icon_right: icon.right, box_right: b.getBoundingClientRect().right}; }""", acc)
        assert g["dir"] == "rtl" and g["label_right"] > g["icon_right"], f"{acc} reads left to right: {g}"
    # the timeline: no empty band between the filters and the dots
    tab(page, "الخط الزمني")
    page.wait_for_selector("#timeline .tl-dot", timeout=30_000)
    gap = page.evaluate("""() => document.querySelector('#timeline .tl-axis').getBoundingClientRect().top -
        document.querySelector('#tl-show').getBoundingClientRect().bottom""")
    assert gap < 50, f"{gap:.0f} px of blank between the Show button and the dots"
    # tables carry light row lines only, not Gradio's frame in the text colour
    tab(page, "المكتبة")
    page.wait_for_selector("#library table.library tbody tr", timeout=30_000)
    frame = page.evaluate("""() => { const r = document.querySelector('#library tbody tr'), t = document.querySelector('#library table');
        return [getComputedStyle(r).borderLeftStyle, getComputedStyle(t).borderLeftStyle]; }""")
    assert frame == ["none", "none"], frame
    ctx.close()


ONE_LINE_JS = """(sel) => Array.from(document.querySelectorAll(sel)).filter(e => e.getBoundingClientRect().width > 0).map(e => {
  const r = document.createRange(); r.selectNodeContents(e);
  const tops = new Set(Array.from(r.getClientRects()).filter(x => x.width > 0).map(x => Math.round(x.top)));
  return [e.innerText.trim(), tops.size]; }).filter(([, n]) => n > 1)"""


@pytest.mark.parametrize("lang,size", [("ar", (1366, 900)), ("ar", (390, 844)), ("en", (390, 844))])
def test_button_labels_and_sort_headers_stay_on_one_line(browser, server, lang, size):
    ctx, page = open_page(browser, server, width=size[0], height=size[1], query=f"?lang={lang}")
    page.wait_for_function("document.querySelector('#ask').innerText.includes('%s')" % ("Ask" if lang == "en" else "اسأل"))
    wrapped = page.evaluate(ONE_LINE_JS, "#ask, #new-chat")
    assert not wrapped, f"button labels broken over lines: {wrapped}"
    tab(page, "Library" if lang == "en" else "المكتبة")
    page.wait_for_selector("#library .lib-sort", timeout=30_000)
    wrapped = page.evaluate(ONE_LINE_JS, "#library .lib-sort")
    assert not wrapped, f"sort headers broken over lines (the arrow alone below): {wrapped}"
    ctx.close()


@pytest.mark.parametrize("lang,width", [("en", 1366), ("ar", 390)])
def test_the_timeline_filters_boxes_line_up_whatever_their_labels(browser, server, lang, width):
    """A filter whose label takes two lines ('From (year, month or day)') keeps its box level with its neighbours'."""
    ctx, page = open_page(browser, server, width=width, height=900, query=f"?lang={lang}")
    page.wait_for_function("document.querySelector('#ask').innerText.includes('%s')" % ("Ask" if lang == "en" else "اسأل"))
    tab(page, TAB_NAMES[lang])
    page.wait_for_selector("#timeline .tl-event", timeout=30_000)
    boxes = page.evaluate("""() => ['#tl-who input', '#tl-kind .wrap-inner', '#tl-since input', '#tl-until input'].map(s => {
        const r = document.querySelector(s).getBoundingClientRect(); return [s, r.top, r.bottom]; })""")
    two_lines = page.evaluate("""() => ['#tl-since', '#tl-until'].some(s => {
        const e = document.querySelector(s + ' [data-testid=block-info]') || document.querySelector(s + ' span');
        return e.getBoundingClientRect().height > 1.6 * parseFloat(getComputedStyle(e).lineHeight || 20); })""")
    assert two_lines, "no filter label takes two lines here: nothing to check"
    for i, (a, at, ab) in enumerate(boxes):
        for b, bt, bb in boxes[i + 1:]:
            if at < bb and bt < ab:  # side by side
                assert abs(ab - bb) <= 6, f"{a} ends at {ab:.0f}, {b} at {bb:.0f} ({lang}, {width})"
    ctx.close()
