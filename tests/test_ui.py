"""The browser chat in real headless Chromium (Debian's), driven by Playwright; and its API via gradio_client."""

import threading

import pytest

from conftest import SHAIBANI
from ui_support import Server, launch_browser, shot, warm_home

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory, seeded_settings):
    home = warm_home(tmp_path_factory.mktemp("ui") / "home", seeded_settings.home_path)
    srv = Server(home)
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = launch_browser(p)
        yield b
        b.close()


def open_page(browser, server, outside: list | None = None):
    ctx = browser.new_context(viewport={"width": 1300, "height": 950})
    page = ctx.new_page()
    if outside is not None:
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("http://127.0.0.1", "data:",
                                                                                      "blob:")) else None)
    page.goto(server.url, wait_until="load")
    page.wait_for_selector("#question textarea", timeout=60_000)
    return ctx, page


def ask(page, question: str, n_answers: int = 1):
    page.fill("#question textarea", question)
    page.press("#question textarea", "Enter")
    page.wait_for_function(f"document.querySelectorAll('#chat .answer').length >= {n_answers}", timeout=60_000)
    return page.locator("#chat .answer").nth(n_answers - 1)


def test_arabic_answer_with_citation_then_click_shows_passage(browser, server):
    outside = []
    ctx, page = open_page(browser, server, outside)
    answer = ask(page, "متى زار الشيباني بغداد؟")
    assert "14 من آذار 2025" in answer.inner_text()
    assert answer.locator(".cite").count() >= 1
    assert answer.evaluate("e => getComputedStyle(e).direction") == "rtl"
    shot(page, "01-arabic-answer")
    answer.locator(".cite").first.click()
    page.wait_for_selector("#sources .source-card.selected mark", timeout=30_000)
    card = page.locator("#sources .source-card.selected")
    assert SHAIBANI in card.inner_text()
    assert "14 من آذار 2025" in card.locator(".passage-text mark").first.inner_text()
    assert card.locator("details.article[open] mark.passage").count() == 1  # the article, passage in place
    shot(page, "02-citation-clicked")
    assert "model extractive" in page.locator("#answer-meta").inner_text()
    assert outside == [], f"the page made outside requests: {outside}"
    ctx.close()


def test_english_gets_ltr_and_out_of_corpus_abstains(browser, server):
    ctx, page = open_page(browser, server)
    answer = ask(page, "What is the recipe for making falafel?")
    assert "abstained" in answer.get_attribute("class")
    assert answer.evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert "Not in the sources" in answer.inner_text()
    user = page.locator("#chat .msg").first
    assert user.evaluate("e => getComputedStyle(e).direction") == "ltr"
    shot(page, "03-english-abstention")
    answer = ask(page, "كم كيلومتراً أضيفت إلى الجدار الخرساني على الحدود السورية؟", 2)
    assert "abstained" in answer.get_attribute("class")
    assert answer.evaluate("e => getComputedStyle(e).direction") == "rtl"
    ctx.close()


def test_two_users_at_once_without_cross_talk(browser, server):
    (c1, p1), (c2, p2) = open_page(browser, server), open_page(browser, server)
    questions = {p1: "من هو رئيس جهاز الاستخبارات السورية الجديد؟", p2: "تطورات أي مدينة سورية بحثها فؤاد حسين؟"}
    for page, q in questions.items():
        page.fill("#question textarea", q)
    for page in questions:
        page.press("#question textarea", "Enter")
    for page in questions:
        page.wait_for_selector("#chat .answer", timeout=60_000)
    t1, t2 = p1.locator("#chat").inner_text(), p2.locator("#chat").inner_text()
    assert "أنس خطاب" in t1 and "حلب" not in t1
    assert "حلب" in t2 and "أنس خطاب" not in t2
    assert p1.locator("#chat .answer").count() == 1 and p2.locator("#chat .answer").count() == 1
    shot(p2, "04-second-user")
    c1.close()
    c2.close()


def test_bad_upload_shows_error_and_new_chat_clears(browser, server, tmp_path):
    ctx, page = open_page(browser, server)
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\x00\x01\x02binary\x00" * 50)
    page.get_by_role("tab", name="Library").click()
    page.set_input_files("#upload input[type=file]", str(bad))
    page.wait_for_timeout(1500)
    page.click("#ingest")
    page.wait_for_function("document.querySelector('#ingest-status').innerText.includes('broken.txt')",
                           timeout=30_000)
    status = page.locator("#ingest-status").inner_text()
    assert "rejected broken.txt: binary file" in status
    assert page.locator("#library").inner_text().count(".txt") >= 5  # the library is still listed
    shot(page, "05-bad-upload")
    ctx.close()


def test_feedback_is_stored_and_new_chat_clears(browser, server):
    import json
    from pathlib import Path
    ctx, page = open_page(browser, server)
    ask(page, "من هو المتحدث باسم الحكومة العراقية؟")
    feedback = Path(server.log.name).parent / "feedback.jsonl"
    before = len(feedback.read_text(encoding="utf-8").splitlines()) if feedback.exists() else 0
    page.locator("#chat button[aria-label='Like']").last.click()
    for _ in range(60):
        if feedback.exists() and len(feedback.read_text(encoding="utf-8").splitlines()) > before:
            break
        page.wait_for_timeout(250)
    row = json.loads(feedback.read_text(encoding="utf-8").splitlines()[-1])
    assert row["liked"] is True and row["question"] == "من هو المتحدث باسم الحكومة العراقية؟"
    assert "العوادي" in row["answer"] and row["citations"] and row["model"] == "extractive"
    page.click("#new-chat")
    page.wait_for_function("document.querySelectorAll('#chat .answer').length == 0", timeout=30_000)
    assert "Sources appear here" in page.locator("#sources").inner_text()
    ctx.close()


def test_empty_question_is_a_short_error_in_the_page(browser, server):
    ctx, page = open_page(browser, server)
    page.fill("#question textarea", "   ")
    page.click("#ask")
    page.get_by_text("the question is empty", exact=False).first.wait_for(timeout=30_000)
    assert "Traceback" not in page.content()
    assert page.locator("#chat .answer").count() == 0
    ctx.close()


def test_hostile_question_is_shown_as_text(browser, server):
    ctx, page = open_page(browser, server)
    page.evaluate("window.__pwned = 0")
    answer = ask(page, '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> ![x](http://1.2.3.4/a.png)')
    assert page.evaluate("window.__pwned") == 0
    assert page.locator("#chat img[src='x']").count() == 0
    assert "<img" in page.locator("#chat .msg").first.inner_text()
    assert answer.count() == 1
    ctx.close()


def test_gradio_client_api(server):
    from gradio_client import Client
    client = Client(server.url, verbose=False, download_files=False)
    result = client.predict("متى زار الشيباني بغداد؟", "extractive", 5, api_name="/answer")
    assert "14 من آذار 2025" in result["answer"] and not result["abstained"]
    assert result["citations"][0]["source"] == SHAIBANI
    results = {}

    def worker(i, q):
        results[i] = Client(server.url, verbose=False).predict(q, "extractive", 3, api_name="/answer")

    qs = ["من هو المتحدث باسم الحكومة العراقية؟", "ما هي عاصمة اليابان؟", "عبر أي مدينة أعيد الجنود السوريون؟"]
    threads = [threading.Thread(target=worker, args=(i, q)) for i, q in enumerate(qs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert "العوادي" in results[0]["answer"] and results[1]["abstained"] and "البوكمال" in results[2]["answer"]


def test_generative_english_answer_is_ltr_and_streams(browser, tmp_path_factory, seeded_settings):
    from fake_openai import FakeOpenAI
    fake = FakeOpenAI()
    home = warm_home(tmp_path_factory.mktemp("ui-gen") / "home", seeded_settings.home_path)
    srv = Server(home, {"RAG_LLM": "openai:english", "RAG_LLM_BASE_URL": fake.base_url})
    try:
        ctx, page = open_page(browser, srv)
        answer = ask(page, "When did Shaibani visit Baghdad?")
        assert "14 March 2025" in answer.inner_text() and answer.locator(".cite").count() == 1
        assert answer.evaluate("e => getComputedStyle(e).direction") == "ltr"
        assert "openai:english" in page.locator("#answer-meta").inner_text()
        assert "prompt" in page.locator("#answer-meta").inner_text()
        page.wait_for_selector("#sources .source-card.selected .passage-text mark", timeout=30_000)
        assert "14 من آذار 2025" in page.locator("#sources .source-card.selected .passage-text mark").first.inner_text()
        shot(page, "06-generative-english")
        ctx.close()
    finally:
        srv.stop()
        fake.stop()
