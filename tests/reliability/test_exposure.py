"""Secrets and exposure: a canary key appears nowhere; loopback by default; login enforced; uploads limited;
hostile text in questions and documents never runs in the page."""

import json
import urllib.error
import urllib.request

import pytest

from fake_openai import FakeOpenAI
from ui_support import Server, launch_browser, shot, warm_home

pytestmark = pytest.mark.slow  # the one browser test is marked on its own
CANARY = "sk-canary-exposure-93be17d04c"


def _listening_addresses(port: int) -> set[str]:
    out = set()
    for path in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = open(path).read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            addr, p = local.rsplit(":", 1)
            if int(p, 16) == port and state == "0A":
                out.add(addr)
    return out


@pytest.fixture(scope="module")
def fake():
    srv = FakeOpenAI()
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory, seeded_settings, fake):
    home = warm_home(tmp_path_factory.mktemp("exposure") / "home", seeded_settings.home_path)
    from rag import ingest, load_settings, open_library
    from conftest import SEEDS
    doc = home.parent / "hostile.txt"
    doc.write_text("أعلن معبر القائم الحدودي إعادة فتحه أمام الشاحنات <img src=x onerror=\"window.__pwned=1\"> "
                   "<script>window.__pwned=2</script> بعد اجتماع أمني مشترك.\n", encoding="utf-8")
    lib = open_library(load_settings(env={}, home=str(home)))
    ingest(lib, [SEEDS, doc], progress=False)
    srv = Server(home, {"OPENAI_API_KEY": CANARY, "RAG_LLM_BASE_URL": fake.base_url, "RAG_LLM_RETRIES": "0"})
    yield srv
    srv.stop()


def test_binds_loopback_only(hostile_server):
    addrs = _listening_addresses(hostile_server.port)
    assert addrs and all(a in ("0100007F", "00000000000000000000000001000000") for a in addrs), addrs


@pytest.mark.browser
def test_no_canary_anywhere_and_nothing_runs(hostile_server, tmp_path):
    from playwright.sync_api import sync_playwright
    from gradio_client import Client
    api = Client(hostile_server.url, verbose=False)
    bad = api.predict("متى زار الشيباني بغداد؟", "openai:unauthorized", 5, api_name="/answer")
    assert bad["fallback"] and "401" in bad["notice"]
    assert CANARY not in json.dumps(bad, ensure_ascii=False)
    with sync_playwright() as p:
        b = launch_browser(p)
        page = b.new_page(viewport={"width": 1300, "height": 950})
        page.goto(hostile_server.url, wait_until="load")
        page.wait_for_selector("#question textarea", timeout=60_000)
        page.evaluate("window.__pwned = 0")
        page.fill("#question textarea", "متى أعيد فتح معبر القائم الحدودي أمام الشاحنات؟")
        page.press("#question textarea", "Enter")
        page.wait_for_selector("#chat .answer", timeout=60_000)
        page.wait_for_selector("#sources .source-card", timeout=30_000)
        page.locator("#sources .source-card summary.source-head").first.click()  # cards start folded: open one
        page.wait_for_selector("#sources details.source-card[open]", timeout=30_000)
        sources = page.locator("#sources").inner_text()
        assert "onerror" in sources, "the document's markup is shown as text"
        assert page.locator("#sources img, #chat img[src='x']").count() == 0
        assert page.evaluate("window.__pwned") == 0
        page.fill("#question textarea", "<img src=x onerror=\"window.__pwned=3\">")
        page.press("#question textarea", "Enter")
        page.wait_for_function("document.querySelectorAll('#chat .answer').length >= 2", timeout=60_000)
        assert page.evaluate("window.__pwned") == 0
        shot(page, "07-hostile-text")
        html = page.content()
        b.close()
    assert CANARY not in html
    log = (hostile_server.url and open(hostile_server.log.name).read())
    assert CANARY not in log


def test_login_required_when_configured(tmp_path, seeded_settings):
    home = warm_home(tmp_path / "home", seeded_settings.home_path)
    srv = Server(home, {"RAG_UI_AUTH": "analyst:s3cret-pass"})
    try:
        for path, body in (("config", None), ("gradio_api/info", None),
                           ("gradio_api/call/answer", b'{"data": ["x", "extractive", 5]}')):
            req = urllib.request.Request(srv.url + path, data=body, headers={"Content-Type": "application/json"})
            with pytest.raises(urllib.error.HTTPError) as err:
                urllib.request.urlopen(req, timeout=10)
            assert err.value.code in (401, 403), path
        from gradio_client import Client
        from gradio_client.exceptions import AuthenticationError
        with pytest.raises(AuthenticationError, match="credentials were not provided"):
            Client(srv.url, verbose=False)
        client = Client(srv.url, auth=("analyst", "s3cret-pass"), verbose=False)
        assert "14 من آذار 2025" in client.predict("متى زار الشيباني بغداد؟", "extractive", 5,
                                                   api_name="/answer")["answer"]
    finally:
        srv.stop()


def test_upload_size_is_limited(tmp_path, seeded_settings):
    home = warm_home(tmp_path / "home", seeded_settings.home_path)
    srv = Server(home, {"RAG_MAX_FILE_BYTES": "50000"})
    try:
        big = tmp_path / "big.txt"
        big.write_text("ا" * 60_000, encoding="utf-8")
        import httpx
        r = httpx.post(srv.url + "gradio_api/upload", files={"files": ("big.txt", big.read_bytes(), "text/plain")},
                       timeout=30)
        assert r.status_code == 413
    finally:
        srv.stop()


def test_serving_beyond_loopback_without_a_login_refuses_to_start(tmp_path):
    """RAG_SERVER_TOKEN guards /v1 only: `rag serve --host 0.0.0.0` with a token and no RAG_UI_AUTH would
    open the page, delete included, to the network. It refuses at once, saying how to go on, and binds nothing
    (nothing is ingested either)."""
    import os
    import subprocess
    import sys
    import time

    from ui_support import ROOT, free_port
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RAG_", "OPENAI_"))}
    env.update({"RAG_HOME": str(tmp_path / "home"), "RAG_UI_PORT": str(port), "RAG_SERVER_TOKEN": "tok-3c9e",
                "PYTHONPATH": str(ROOT)})
    t = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "rag.cli", "serve", "--host", "0.0.0.0"], env=env, cwd=ROOT,
                       capture_output=True, text=True, timeout=120)
    took = time.perf_counter() - t
    assert p.returncode == 1, p.stderr
    assert p.stderr.startswith("error: refusing to serve on 0.0.0.0 without a login") and p.stderr.count("\n") == 1
    assert "RAG_UI_AUTH=user:password" in p.stderr and "--insecure" in p.stderr and "tok-3c9e" not in p.stderr
    assert not _listening_addresses(port) and not (tmp_path / "home" / "library.sqlite").exists()
    assert took < 30, f"refused after {took:.1f} s"


def test_exposure_rules(capsys):
    from rag import ConfigError, load_settings
    from rag.api.server import check_exposure
    from rag.cli import _settings, build_parser
    check_exposure(load_settings(env={}))  # loopback: no login needed
    check_exposure(load_settings(env={"RAG_UI_HOST": "::1"}))
    check_exposure(load_settings(env={"RAG_UI_HOST": "0.0.0.0", "RAG_UI_AUTH": "a:b"}))
    assert capsys.readouterr().err == ""
    with pytest.raises(ConfigError, match="refusing to serve on 192.168.1.5"):
        check_exposure(load_settings(env={"RAG_UI_HOST": "192.168.1.5", "RAG_SERVER_TOKEN": "t"}))
    insecure = _settings(build_parser().parse_args(["serve", "--host", "0.0.0.0", "--insecure"]))
    assert insecure.insecure and insecure.ui_host == "0.0.0.0"
    check_exposure(insecure)
    assert "warning: --insecure: the page on 0.0.0.0 has no login" in capsys.readouterr().err
