"""The eighth session's browser and API fixes, in real Gradio (`rag serve` on the seeds, loopback) and Debian's
headless Chromium through Playwright, and the /v1 API over real HTTP:
1. the page opens in the language the browser asks for (its Accept-Language), unless the user chose one (?lang=,
   the switch);
2. an ISO date inside an Arabic answer reads 2025-08-28 left to right (an isolated left-to-right run), while the
   text itself (innerText, the /v1 JSON) carries no added marks;
3. /v1/ask with an empty question names the field the caller sent (`question`);
4. the title says the news is in Arabic and English."""

import json
import re
import urllib.error
import urllib.request

import pytest

from ui_support import CHROMIUM, CHROMIUM_ARGS, ask, shot

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ASK = {"en": "Ask", "ar": "اسأل"}
TIMELINE_Q = "ما الاتصالات بين العراق وسوريا قبل 2025-02-01؟"  # a timeline answer over the seeds: ISO dates
ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")  # bidi controls: none may reach text or JSON


@pytest.fixture(scope="module")
def browsers():
    """Two headless Chromiums: Debian's as the other browser tests start it, and one started with `--lang=ar`
    (headless Chromium takes its languages from `--accept-lang`, so it is given both, as a user's Arabic browser
    asks: Accept-Language and navigator.language "ar")."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        plain = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        arabic = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS + ["--lang=ar", "--accept-lang=ar"])
        yield {"plain": plain, "arabic": arabic}
        plain.close()
        arabic.close()


def _page(browser, server, query: str = "", **context):
    """A fresh context (no saved choice) on the app, drawn: the Ask button has its label in one of the languages."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, **context)
    page = ctx.new_page()
    page.goto(server.url + query, wait_until="load")
    page.wait_for_selector("#question textarea", timeout=60_000)
    page.wait_for_function("document.querySelector('#holds .holds') && "
                           "['Ask', 'اسأل'].includes(document.querySelector('#ask').innerText.trim())", timeout=30_000)
    page.wait_for_timeout(300)  # the drawing's follow-up (direction) has run
    return ctx, page


def _language(page) -> dict:
    return page.evaluate("""() => ({ui: document.documentElement.dataset.uiLang, dir: document.documentElement.dir,
        direction: getComputedStyle(document.querySelector('.gradio-container')).direction,
        ask: document.querySelector('#ask').innerText.trim(),
        title: document.querySelector('#app-title .app-title').innerText.trim(),
        checked: (document.querySelector('#lang input:checked') || {}).value})""")


def _is(state: dict, lang: str) -> bool:
    rtl = lang == "ar"
    return (state["ui"] == lang and state["dir"] == ("rtl" if rtl else "ltr")
            and state["direction"] == ("rtl" if rtl else "ltr") and state["ask"] == ASK[lang]
            and state["checked"] == lang)


# ---------------------------------------------------------------- 1. the browser's language

def test_the_page_opens_in_the_language_the_browser_asks_for(browsers, server):
    # Chromium started with --lang=ar: Arabic, right to left, the switch on العربية
    ctx, page = _page(browsers["arabic"], server)
    state = _language(page)
    assert _is(state, "ar"), state
    assert page.evaluate("navigator.languages") == ["ar"]
    shot(page, "ui8-lang-ar-browser", full=False)
    ctx.close()

    # the review's browser: its requests ask for Arabic (Accept-Language: ar) while its script reports en-US; the
    # server reads the request's header
    ctx, page = _page(browsers["plain"], server, locale="en-US", extra_http_headers={"Accept-Language": "ar"})
    state = _language(page)
    assert page.evaluate("navigator.language") == "en-US"
    assert _is(state, "ar"), f"Accept-Language: ar opened {state}"
    ctx.close()

    # a browser asking for English, or for a language the page does not have before English, gets English
    for headers in ({"locale": "en-US"}, {"locale": "fr-FR", "extra_http_headers": {"Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5"}}):
        ctx, page = _page(browsers["plain"], server, **headers)
        state = _language(page)
        assert _is(state, "en"), (headers, state)
        ctx.close()

    # the user's own choice wins over the browser's: ?lang=en, and the switch (kept for the next visit)
    ctx, page = _page(browsers["arabic"], server, query="?lang=en")
    assert _is(_language(page), "en"), _language(page)
    ctx.close()
    ctx, page = _page(browsers["arabic"], server)
    assert _is(_language(page), "ar")
    page.locator("#lang label", has_text="English").click()
    english = "(document.querySelector('#ask') || {innerText: ''}).innerText.trim() === 'Ask'"
    page.wait_for_function(english, timeout=15_000)
    page.reload(wait_until="load")
    page.wait_for_selector("#holds .holds", timeout=60_000)
    page.wait_for_function(english, timeout=30_000)
    page.wait_for_timeout(500)
    assert _is(_language(page), "en"), f"the switch's English was not kept over the browser's Arabic: {_language(page)}"
    ctx.close()


# ---------------------------------------------------------------- 4. the title

def test_the_title_says_the_news_is_in_arabic_and_english():
    from ui.i18n import t
    en, ar = t("en", "title"), t("ar", "title")
    assert "Arabic" in en and "English" in en, en
    assert "العربية" in ar and "الإنجليزية" in ar, ar
    assert "from Arabic news" not in en and "الأخبار العربية" not in ar


# ---------------------------------------------------------------- 2. ISO dates in Arabic lines

DATES_JS = r"""(root) => {  // every ISO date in the Arabic question and answer lines: how it is drawn, what holds it
  const out = [];
  for (const line of root.querySelectorAll('.msg.user, .ans-line[lang=ar]')) {
    const nodes = [], w = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    let text = '';
    for (let n = w.nextNode(); n; n = w.nextNode()) { if (n.parentElement.closest('button')) continue;
      nodes.push([n, text.length]); text += n.textContent; }
    const at = i => { let k = nodes.length - 1; while (k > 0 && nodes[k][1] > i) k--; return [nodes[k][0], i - nodes[k][1]]; };
    const range = (i, j) => { const r = document.createRange(), a = at(i), b = at(j - 1);
      r.setStart(a[0], a[1]); r.setEnd(b[0], b[1] + 1); return r; };
    for (const m of text.matchAll(/\d{4}-\d{2}-\d{2}/g)) {
      const i = m.index, year = range(i, i + 4).getBoundingClientRect(), day = range(i + 8, i + 10).getBoundingClientRect();
      let holder = range(i, i + 10).commonAncestorContainer;
      if (holder.nodeType !== 1) holder = holder.parentElement;
      const cs = getComputedStyle(holder), before = text.slice(0, i).match(/[A-Za-z\u0600-\u06FF](?=[^A-Za-z\u0600-\u06FF]*$)/);
      out.push({date: m[0], where: line.classList.contains('user') ? 'question' : 'answer',
                afterArabic: !!before && /[\u0600-\u06FF]/.test(before[0]),
                yearLeft: year.left, dayLeft: day.left, sameRow: Math.abs(year.top - day.top) < 4,
                holderText: holder.textContent, isolate: cs.unicodeBidi, direction: cs.direction,
                lineDirection: getComputedStyle(line).direction});
    }
  }
  return out;
}"""


def test_an_iso_date_in_an_arabic_answer_reads_left_to_right(browsers, server):
    """A date after Arabic words is where a right-to-left line reorders it ("قبل 2024-12-08" drawn as 08-12-2024):
    the question asks with one, and the timeline answer holds some (and some at a line's start, after "- ")."""
    ctx, page = _page(browsers["plain"], server, query="?lang=ar", locale="en-US")
    ask(page, TIMELINE_Q)
    dates = page.locator("#chat").evaluate(DATES_JS)
    assert any(d["where"] == "answer" for d in dates), f"no ISO date in an Arabic line of the answer: {dates}"
    assert any(d["afterArabic"] and d["where"] == "question" for d in dates), dates
    for d in dates:
        assert d["lineDirection"] == "rtl", d
        # the date on its own, in a left-to-right isolate ...
        assert d["holderText"] == d["date"] and d["isolate"] == "isolate" and d["direction"] == "ltr", d
        # ... so it is drawn as written: the year on the left of the day
        if d["sameRow"]:
            assert d["yearLeft"] < d["dayLeft"], f"{d['date']} is drawn reordered (day left of year): {d}"
    assert sum(d["sameRow"] and d["afterArabic"] for d in dates) >= 1, dates
    # what is read and copied is the text itself: the dates as written, no direction marks added
    text = page.locator("#chat").inner_text()
    assert all(d["date"] in text for d in dates) and not MARKS.search(text), text
    shot(page, "ui8-ar-iso-date", full=False)
    ctx.close()


# ---------------------------------------------------------------- 3. the /v1 API

def _post(server, path: str, body: dict) -> tuple[int, dict]:
    req = urllib.request.Request(server.url + "v1" + path, data=json.dumps(body).encode("utf-8"),
                                 headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as exc:
        return exc.code, json.load(exc)


@pytest.mark.parametrize("question", ["", "   "])
def test_v1_ask_with_an_empty_question_names_the_question_field(server, question):
    status, body = _post(server, "/ask", {"question": question})
    err = body["error"]
    assert status == 400 and err["code"] == "invalid_question", body
    assert err["param"] == "question", f"/v1/ask names {err['param']!r}, not the field it was sent: {body}"
    assert "empty" in err["message"] and len(err["message"]) <= 80 and "\n" not in err["message"], err
    # the chat endpoint, which takes the question in messages, names messages
    status, body = _post(server, "/chat/completions", {"messages": [{"role": "user", "content": question}]})
    assert status == 400 and body["error"]["param"] == "messages", body
    assert body["error"]["message"] == err["message"]


def test_v1_answers_carry_the_dates_as_written_without_marks(server):
    status, body = _post(server, "/ask", {"question": TIMELINE_Q})
    assert status == 200, body
    assert ISO.search(body["answer"]) and not MARKS.search(json.dumps(body, ensure_ascii=False)), body["answer"][:300]
