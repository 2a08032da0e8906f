"""The login wall of `rag serve` over plain HTTP: every app route needs the login, wrong passwords are throttled
per client with a growing wait, and a right password still gets in afterwards."""

import json
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest


pytestmark = [pytest.mark.slow]

USER, PASSWORD = "analyst", "s3cret-pass"
SERVER_ENV = {"RAG_UI_AUTH": f"{USER}:{PASSWORD}"}  # for the `server` fixture (conftest.py)


def call(url: str, method: str = "GET", data: bytes | None = None, headers: dict | None = None):
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def login(server, password: str):
    body = urllib.parse.urlencode({"username": USER, "password": password}).encode()
    return call(server.url + "login", "POST", body, {"Content-Type": "application/x-www-form-urlencoded"})


@pytest.mark.parametrize("method,path,body", [
    ("POST", "gradio_api/reset", b'{"event_id": "x"}'),
    ("POST", "gradio_api/call/answer", b'{"data": ["?", "extractive", 5]}'),
    ("POST", "gradio_api/queue/join", b'{"data": [], "fn_index": 0, "session_hash": "x"}'),
    ("GET", "gradio_api/queue/data?session_hash=x", None),
    ("POST", "gradio_api/upload", b"x"),
    ("GET", "gradio_api/file=/etc/hostname", None),
    ("POST", "gradio_api/cancel", b'{"event_id": "x", "session_hash": "x", "fn_index": 0}'),
    ("GET", "gradio_api/startup-events", None),
])
def test_every_app_route_needs_the_login(server, method, path, body):
    status, _, text = call(server.url + path, method, body, {"Content-Type": "application/json"})
    assert status == 401, (status, text[:200])


def test_wrong_passwords_are_throttled_with_backoff_and_the_right_one_gets_in(server):
    status, headers, _ = login(server, PASSWORD)
    assert status == 200
    cookies = [v.split(";", 1)[0] for k, v in headers.items() if k.lower() == "set-cookie"]
    # logged in, the same route answers
    status, _, _ = call(server.url + "gradio_api/reset", "POST", b'{"event_id": "x"}',
                        {"Content-Type": "application/json", "Cookie": "; ".join(cookies)})
    assert status != 401
    statuses, t0 = [], time.perf_counter()
    for _ in range(30):
        statuses.append(login(server, "wrong")[0])
    # 3 free tries answered "wrong", the rest refused without checking, in well under the 30 tries' time
    assert statuses[:3] == [400, 400, 400] and set(statuses[3:]) == {429}, statuses
    status, headers, body = login(server, PASSWORD)
    assert status == 429 and int(headers.get("retry-after", headers.get("Retry-After"))) >= 1  # even the right one waits
    assert "try again in" in json.loads(body)["detail"]
    wait = int(headers.get("retry-after", headers.get("Retry-After")))
    time.sleep(wait + 0.2)
    assert login(server, PASSWORD)[0] == 200  # after the wait the right password gets in
    assert time.perf_counter() - t0 < 30
    log = (server.log.name and open(server.log.name, encoding="utf-8").read())
    assert "user error [login]" in log and "Traceback" not in log and PASSWORD not in log


@pytest.mark.browser
def test_the_page_works_behind_the_login(browser, server):
    """With every route but the login's own closed (startup-events too), a user logs in and gets an answer."""
    from ui_support import ask

    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = ctx.new_page()
    page.goto(server.url, wait_until="load")
    page.locator("input[type=password]").wait_for(timeout=60_000)
    assert page.locator("#question textarea").count() == 0  # nothing of the app before the login
    page.locator("input[type=text]").first.fill(USER)
    page.locator("input[type=password]").fill(PASSWORD)
    page.locator("button", has_text="Login").first.click()
    page.wait_for_selector("#question textarea", timeout=60_000)
    answer = ask(page, "متى زار الشيباني بغداد؟")
    assert "14 من آذار 2025" in answer.inner_text()
    ctx.close()
