"""The fifth new user's review of the browser, in real Gradio and Debian's headless Chromium through Playwright: the
header's outlets each isolated in reading order, the answer's status line in the page's language, one list of
example questions in the page's language, no link to Gradio's own API page, and one page width for every tab."""

import re

import pytest

from ui_support import ask, latin_ui_text, open_page, shot, tab

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TABS = {"en": ["Chat", "Library", "Timeline", "Evaluations"], "ar": ["المحادثة", "المكتبة", "الخط الزمني", "التقييمات"]}
ASK = {"en": "Ask", "ar": "اسأل"}
LATIN = re.compile(r"[A-Za-z]")
ARABIC = re.compile(r"[\u0600-\u06FF]")


def _ready(page, lang):
    page.wait_for_function("document.querySelector('#ask').innerText.includes('%s')" % ASK[lang])
    page.wait_for_selector("#holds .holds", timeout=30_000)


# ---------------------------------------------------------------- 1. the header's outlets

NAME_BOXES_JS = """(names) => {  // where each name is drawn in the header line, found in its text whatever the markup
  const h = document.querySelector('#holds .holds'), nodes = [], w = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let n = w.nextNode(); n; n = w.nextNode()) { nodes.push([n, text.length]); text += n.textContent; }
  const at = i => { let k = nodes.length - 1; while (k > 0 && nodes[k][1] > i) k--; return [nodes[k][0], i - nodes[k][1]]; };
  return names.map(name => { const i = text.indexOf(name); if (i < 0) return {name, missing: true};
    const r = document.createRange(), a = at(i), b = at(i + name.length - 1);
    r.setStart(a[0], a[1]); r.setEnd(b[0], b[1] + 1);
    const x = r.getBoundingClientRect(); return {name, left: x.left, right: x.right, top: x.top}; }); }"""


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_headers_outlets_read_in_order_each_isolated(browser, server, seeded_library, lang):
    """Each outlet is its own isolate, so Arabic names in an English sentence keep the list's order (left to right
    in English, right to left in Arabic) and no name runs into the next."""
    outlets = sorted({d["outlet"] for d in seeded_library.store.list_documents() if d.get("outlet")})[:6]
    assert len(outlets) >= 3, outlets  # the seeds' three outlets
    ctx, page = open_page(browser, server, query=f"?lang={lang}")
    _ready(page, lang)
    boxes = page.evaluate(NAME_BOXES_JS, outlets)
    assert not [b for b in boxes if b.get("missing")], boxes
    one_line = [b for b in boxes if abs(b["top"] - boxes[0]["top"]) < 2]
    assert len(one_line) >= 3, boxes
    for a, b in zip(one_line, one_line[1:]):  # the order the list gives them, none overlapping the next
        if lang == "en":
            assert a["right"] <= b["left"] + 1, f"{b['name']!r} is drawn left of {a['name']!r} in English: {boxes}"
        else:
            assert b["right"] <= a["left"] + 1, f"{b['name']!r} is drawn right of {a['name']!r} in Arabic: {boxes}"
    ctx.close()


# ---------------------------------------------------------------- 2. the status line under the box

@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_answer_status_line_is_in_the_pages_language(browser, server, lang):
    ctx, page = open_page(browser, server, query=f"?lang={lang}")
    _ready(page, lang)
    ask(page, "متى زار الشيباني بغداد؟")
    page.wait_for_function("document.querySelector('#answer-meta').innerText.length > 0", timeout=10_000)
    meta = page.locator("#answer-meta").inner_text().strip()
    if lang == "ar":  # the embedded answerer named in Arabic, seconds as ث: no Latin script at all
        assert not LATIN.search(meta), meta
        assert "الاستخراجي" in meta and re.search(r"\d+\.\d+\s*ث$", meta), meta
        assert not [x for x in latin_ui_text(page) if "#answer-meta" in x], latin_ui_text(page)
        # the model to choose in the settings is named so too (its value stays the model's own name)
        page.locator("#settings").click()
        box = page.locator("#model input")
        box.wait_for(state="visible", timeout=5_000)
        assert box.input_value() == "الاستخراجي", box.input_value()
        shot(page, "ui5-ar-status-line", full=False)
    else:
        assert meta.startswith("model extractive") and re.search(r"\d+\.\d+ s$", meta), meta
    # asking again with the model chosen in the (localised) list still answers
    ask(page, "من هو المتحدث باسم الحكومة العراقية؟", 2)
    assert "abstained" not in (page.locator("#chat .answer").nth(1).get_attribute("class") or "")
    ctx.close()


def test_one_undated_contact_left_out_is_said_in_the_singular(seeded_library):
    """The timeline's 'left out by the period' line (the page's own drawing of real contacts of the seeds)."""
    from rag import contact_timeline
    from ui import render
    events = [e.to_dict() for e in contact_timeline(seeded_library, since="2025-03", until="2025-03")]
    docs = {d["source"]: d for d in seeded_library.store.list_documents()}
    one = {lang: render.timeline(events, lang, docs, left_out=1) for lang in ("en", "ar")}
    assert "1 undated contact is not shown" in one["en"] and "1 undated contacts" not in one["en"], one["en"]
    assert "عدد الاتصالات غير المؤرخة التي لا تظهر: 1؛" in one["ar"], one["ar"]  # test_ui4_text: right for any number
    many = render.timeline(events, "en", docs, left_out=3)
    assert "3 undated contacts are not shown" in many


# ---------------------------------------------------------------- 3. the example questions

@pytest.mark.parametrize("lang", ["en", "ar"])
def test_one_list_of_example_questions_in_the_pages_language(browser, server, lang):
    ctx, page = open_page(browser, server, query=f"?lang={lang}")
    _ready(page, lang)
    page.locator("#chat .chat-empty").wait_for(state="visible", timeout=10_000)
    questions = page.evaluate("""() => Array.from(document.querySelectorAll('#tab-chat button, #tab-chat [role=button]'))
        .filter(b => { const r = b.getBoundingClientRect(); return r.width > 1 && r.height > 1 &&
                       getComputedStyle(b).visibility !== 'hidden' && /[?؟]\\s*$/.test(b.innerText); })
        .map(b => b.innerText.trim())""")
    assert len(questions) == 3, f"{len(questions)} example questions on the empty chat (one list of 3): {questions}"
    assert len(set(questions)) == 3, questions
    for q in questions:  # every one in the page's language
        if lang == "ar":
            assert ARABIC.search(q) and not LATIN.search(q), questions
        else:
            assert q.isascii(), questions
    assert page.locator("#examples-row").count() == 0 or not page.locator("#examples-row").is_visible()
    shot(page, f"ui5-{lang}-empty-chat", full=False)
    ctx.close()


# ---------------------------------------------------------------- 4. no link to Gradio's API page

@pytest.mark.parametrize("lang", ["en", "ar"])
def test_no_link_to_gradios_own_api_page(browser, server, lang):
    ctx, page = open_page(browser, server, query=f"?lang={lang}")
    _ready(page, lang)
    page.wait_for_timeout(500)
    found = page.evaluate("""() => Array.from(document.querySelectorAll('footer, a, button, [role=button]'))
        .filter(e => e.tagName === 'FOOTER' || /view=api|Use via API|API/i.test((e.getAttribute('href') || '') + ' ' + e.innerText))
        .filter(e => { const r = e.getBoundingClientRect(); return r.width > 1 && r.height > 1; })
        .map(e => e.tagName + ': ' + e.innerText.slice(0, 60))""")
    assert not found, found
    ctx.close()


# ---------------------------------------------------------------- 5. one page width

@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_tab_has_the_same_width_and_the_title_one_line(browser, server, lang):
    ctx, page = open_page(browser, server, width=1280, height=900, query=f"?lang={lang}")
    _ready(page, lang)
    width_js = "document.querySelector('#tabs').getBoundingClientRect().width"
    lines_js = """() => { const h = document.querySelector('#app-title .app-title'); const r = document.createRange();
        r.selectNodeContents(h); return new Set(Array.from(r.getClientRects()).map(x => Math.round(x.top))).size; }"""
    widths = {"chat (empty)": page.evaluate(width_js)}
    lines = {"chat (empty)": page.evaluate(lines_js)}
    for name in TABS[lang][1:]:
        tab(page, name)
        page.wait_for_timeout(800)
        widths[name] = page.evaluate(width_js)
        lines[name] = page.evaluate(lines_js)
    tab(page, TABS[lang][0])
    ask(page, "متى زار الشيباني بغداد؟")
    widths["chat (answered)"] = page.evaluate(width_js)
    assert max(widths.values()) - min(widths.values()) <= 1, widths
    assert min(widths.values()) >= 0.9 * 1280, widths  # the page's width, not the content's
    assert set(lines.values()) == {1}, f"the title wraps: {lines}"
    shot(page, f"ui5-{lang}-answered-1280", full=False)
    ctx.close()
