"""The bot as an OpenAI-compatible API (rag/api/server.py) on a real uvicorn port, asked by the official `openai`
client, LangChain's ChatOpenAI and plain HTTP."""

import json
import re
import statistics
import threading
import time

import pytest

from conftest import SHAIBANI
from fake_openai import FakeOpenAI
from test_cli import run

TOKEN = "rag-server-token-5c1d"
Q = "متى زار الشيباني بغداد؟"
pytestmark = pytest.mark.server


class Served:
    """A FastAPI app with the /v1 API on a free loopback port, served by uvicorn in a thread."""

    def __init__(self, pipeline, settings):
        import uvicorn
        from fastapi import FastAPI

        from rag import mount_api
        from ui_support import free_port

        app = FastAPI()
        assert mount_api(app, pipeline, settings)
        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.time() + 20
        while not self.server.started and time.time() < deadline:
            time.sleep(0.05)
        assert self.server.started
        self.base_url = f"http://127.0.0.1:{self.port}/v1"

    def stop(self):
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="module")
def served(tmp_path_factory, seeded_settings):
    """A real `rag serve` (browser chat and API on one port) in its own process, with a token."""
    from ui_support import Server, warm_home
    home = warm_home(tmp_path_factory.mktemp("serve") / "home", seeded_settings.home_path)
    srv = Server(home, {"RAG_SERVER_TOKEN": TOKEN})
    srv.base_url = srv.url + "v1"
    yield srv
    srv.stop()
    assert TOKEN not in (home / "serve.log").read_text(), "the token is never logged"


@pytest.fixture(scope="module")
def client(served):
    from openai import OpenAI
    return OpenAI(base_url=served.base_url, api_key=TOKEN, max_retries=0, timeout=60)


def _post(served, path, body, token=TOKEN, raw=None):
    import httpx
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.post(served.base_url + path, content=raw if raw is not None else json.dumps(body),
                      headers={**headers, "Content-Type": "application/json"}, timeout=60)


def _cited_source_lines(content):
    answer, sources = content.split("\n\nالمصادر:\n")
    nums = [int(n) for n in re.findall(r"\[(\d+)\]", answer)]
    listed = dict((int(m.group(1)), m.group(2)) for m in re.finditer(r"^\[(\d+)\] (.*)$", sources, re.M))
    return answer, nums, listed


def test_browser_chat_and_api_share_the_port(served):
    import httpx
    page = httpx.get(served.url, timeout=30)
    assert page.status_code == 200 and "gradio" in page.text.lower()
    assert httpx.get(served.base_url + "/models", timeout=30).status_code == 401


def test_models_list_and_cited_answer(client):
    ids = [m.id for m in client.models.list()]
    assert ids[0] == "extractive" and "extractive" in ids
    r = client.chat.completions.create(model="extractive", messages=[{"role": "user", "content": Q}])
    content = r.choices[0].message.content
    answer, nums, listed = _cited_source_lines(content)
    assert "14 من آذار 2025" in answer and nums
    assert set(nums) == set(listed), "every [n] in the answer is a numbered source, and only those"
    assert SHAIBANI in listed[nums[0]]
    cites = {c["n"]: c for c in r.model_extra["citations"]}
    assert cites[nums[0]]["source"] == SHAIBANI and "14 من آذار 2025" in cites[nums[0]]["text"]
    assert r.model_extra["rag"]["cited"] == nums and r.model_extra["rag"]["fallback"] is False


def test_streamed_answer_equals_the_plain_one(client):
    msgs = [{"role": "user", "content": Q}]
    plain = client.chat.completions.create(model="extractive", messages=msgs).choices[0].message.content
    chunks = list(client.chat.completions.create(model="extractive", messages=msgs, stream=True))
    assert len(chunks) > 5, "the answer arrives in pieces"
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert text == plain
    assert chunks[-1].choices[0].finish_reason == "stop"
    assert chunks[-1].model_extra["citations"][0]["n"] == 1


def test_wrong_or_missing_token_is_refused(served, client):
    import openai
    from openai import OpenAI
    bad = OpenAI(base_url=served.base_url, api_key="wrong-token", max_retries=0)
    with pytest.raises(openai.AuthenticationError) as err:
        bad.chat.completions.create(model="extractive", messages=[{"role": "user", "content": Q}])
    assert err.value.status_code == 401
    with pytest.raises(openai.AuthenticationError):
        bad.models.list()
    r = _post(served, "/ask", {"question": Q}, token=None)
    assert r.status_code == 401 and r.json()["error"]["code"] == "invalid_api_key"
    assert TOKEN not in r.text


def test_langchain_chat_openai_asks_the_bot(served):
    from langchain_openai import ChatOpenAI
    chat = ChatOpenAI(base_url=served.base_url, api_key=TOKEN, model="extractive", max_retries=0)
    whole = chat.invoke(Q).content
    streamed = "".join(c.content for c in chat.stream(Q))
    assert streamed == whole
    answer, nums, listed = _cited_source_lines(whole)
    assert "14 من آذار 2025" in answer and SHAIBANI in listed[nums[0]]


def test_history_is_the_earlier_turns(client):
    first = client.chat.completions.create(model="extractive", messages=[
        {"role": "user", "content": "من زار بغداد من وزراء الخارجية السوريين؟"}]).choices[0].message.content
    r = client.chat.completions.create(model="extractive", messages=[
        {"role": "system", "content": "be brief"},
        {"role": "user", "content": "من زار بغداد من وزراء الخارجية السوريين؟"},
        {"role": "assistant", "content": first},
        {"role": "user", "content": "ومتى حدث ذلك؟"}])
    rag = r.model_extra["rag"]
    assert rag["standalone_question"] and "بغداد" in rag["standalone_question"]
    assert "المصادر" not in rag["standalone_question"], "our own sources list is not carried as history"
    assert "14 من آذار 2025" in r.choices[0].message.content


def test_ask_returns_exactly_the_cli_json(served, seeded_settings):
    r = _post(served, "/ask", {"question": Q})
    assert r.status_code == 200
    api = r.json()
    p = run(["ask", Q, "--json"], seeded_settings.home_path)
    assert p.returncode == 0, p.stderr
    cli = json.loads(p.stdout)
    assert set(api) == set(cli)
    api.pop("timings_ms"), cli.pop("timings_ms")
    assert api == cli


@pytest.mark.parametrize("body,status,code", [
    ({"model": "extractive", "messages": [{"role": "user", "content": "   "}]}, 400, "invalid_question"),
    ({"model": "extractive", "messages": [{"role": "user", "content": "س" * 5000}]}, 400, "invalid_question"),
    ({"model": "gpt-nonexistent", "messages": [{"role": "user", "content": Q}]}, 404, "model_not_found"),
    ({"model": "extractive", "messages": []}, 400, "invalid_messages"),
    ({"model": "extractive", "messages": [{"role": "assistant", "content": Q}]}, 400, "invalid_messages"),
    ({"model": "extractive", "messages": [{"role": "user", "content": Q}], "k": 0}, 400, "invalid_k"),
    ({"model": "extractive", "messages": [{"role": "user", "content": Q}], "stream": "yes"}, 400, "invalid_stream"),
])
def test_bad_requests_get_openai_errors(served, body, status, code):
    r = _post(served, "/chat/completions", body)
    assert r.status_code == status
    err = r.json()["error"]
    assert err["code"] == code and err["message"] and "Traceback" not in r.text
    assert set(err) == {"message", "type", "param", "code"}


def test_not_json_is_a_400(served):
    r = _post(served, "/chat/completions", None, raw=b"{not json")
    assert r.status_code == 400 and r.json()["error"]["code"] == "invalid_json"


def test_openai_client_sees_a_404_for_an_unknown_model(client):
    import openai
    with pytest.raises(openai.NotFoundError, match="GET /v1/models"):
        client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": Q}])


def test_unverified_model_reply_reaches_api_clients_as_the_extractive_answer(seeded_settings, seeded_library):
    """The API shows what the product verified: a bare-marker reply is replaced, with the notice."""
    from openai import OpenAI

    from rag import Pipeline
    fake = FakeOpenAI()
    s = seeded_settings.with_(llm="openai:markers", llm_base_url=fake.base_url, llm_retries=0, llm_timeout=5.0)
    srv = Served(Pipeline(s, seeded_library), s)
    try:
        client = OpenAI(base_url=srv.base_url, api_key="unused", max_retries=0)
        assert [m.id for m in client.models.list()][:2] == ["openai:markers", "extractive"]
        for stream in (False, True):
            if stream:
                chunks = list(client.chat.completions.create(model="openai:markers", stream=True,
                                                             messages=[{"role": "user", "content": Q}]))
                content = "".join(c.choices[0].delta.content or "" for c in chunks)
                rag = chunks[-1].model_extra["rag"]
            else:
                r = client.chat.completions.create(model="openai:markers", messages=[{"role": "user", "content": Q}])
                content, rag = r.choices[0].message.content, r.model_extra["rag"]
            assert "14 من آذار 2025" in content and "not verified" in content
            assert rag["fallback"] and re.fullmatch(r"\[\d\]", rag["model_text"])
    finally:
        srv.stop()
        fake.stop()


def test_api_refuses_to_listen_beyond_loopback_without_a_token(seeded_settings, seeded_library, capsys):
    from fastapi import FastAPI

    from rag import Pipeline, mount_api
    s = seeded_settings.with_(ui_host="0.0.0.0", server_token="")
    app = FastAPI()
    assert mount_api(app, Pipeline(s, seeded_library), s) is False
    assert not [r for r in app.routes if getattr(r, "path", "").startswith("/v1")]
    assert "RAG_SERVER_TOKEN" in capsys.readouterr().err
    s2 = s.with_(server_token=TOKEN)
    assert mount_api(FastAPI(), Pipeline(s2, seeded_library), s2) is True
    assert TOKEN not in repr(s2)


def test_api_overhead_on_the_seeds_is_within_20ms(served, seeds_qa, capsys):
    """The API's time over the answer's own time, per seeds question (best of 3: the machine is shared)."""
    import httpx
    overhead, api_ms, ask_ms = [], [], []
    with httpx.Client(headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60) as http:
        for q in seeds_qa:
            best = None
            for _ in range(3):
                t = time.perf_counter()
                r = http.post(served.base_url + "/ask", json={"question": q["question"]})
                wall = (time.perf_counter() - t) * 1000
                assert r.status_code == 200
                total = r.json()["timings_ms"]["total"]
                if best is None or wall - total < best[0] - best[1]:
                    best = (wall, total)
            api_ms.append(best[0])
            ask_ms.append(best[1])
            overhead.append(best[0] - best[1])
    p95 = statistics.quantiles(overhead, n=20)[-1]
    with capsys.disabled():
        print(f"\n/v1/ask p50/p95 {statistics.median(api_ms):.1f}/{statistics.quantiles(api_ms, n=20)[-1]:.1f} ms; "
              f"answer p50/p95 {statistics.median(ask_ms):.1f}/{statistics.quantiles(ask_ms, n=20)[-1]:.1f} ms; "
              f"overhead p50/p95 {statistics.median(overhead):.1f}/{p95:.1f} ms over {len(overhead)} questions")
    # the criterion: the API's p95 within 20 ms of the answer's own p95
    assert statistics.quantiles(api_ms, n=20)[-1] - statistics.quantiles(ask_ms, n=20)[-1] <= 20.0
    assert statistics.median(overhead) <= 20.0


# ---- hardening (issue 26, server side): each against a real server, asserting the outcome -------------------

@pytest.mark.parametrize("raw", [
    b'{"model": "extractive", "messages": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",  # past the parser's depth
    b'{"model": "extractive", "messages": [{"role": "user", "content": "x"}], "x": ' + b'{"a": ' * 50_000
    + b"1" + b"}" * 50_000 + b"}",
])
def test_deeply_nested_json_is_a_400(served, raw):
    r = _post(served, "/chat/completions", None, raw=raw)
    assert r.status_code == 400, r.text[:300]
    err = r.json()["error"]
    assert err["code"] == "invalid_json" and "nests too deeply" in err["message"]
    assert _post(served, "/ask", {"question": Q}).status_code == 200  # the server goes on


def test_moderately_nested_messages_are_a_400_naming_the_field(served):
    raw = b'{"model": "extractive", "messages": ' + b"[" * 500 + b"]" * 500 + b"}"
    r = _post(served, "/chat/completions", None, raw=raw)
    assert r.status_code == 400 and r.json()["error"]["code"] == "invalid_messages"


@pytest.mark.parametrize("method,path,allowed", [("GET", "/chat/completions", "POST"), ("GET", "/ask", "POST"),
                                                 ("PUT", "/ask", "POST"), ("POST", "/models", "GET"),
                                                 ("DELETE", "/chat/completions", "POST")])
def test_a_wrong_method_is_a_405_in_openais_shape(served, method, path, allowed):
    import httpx
    r = httpx.request(method, served.base_url + path, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30)
    assert r.status_code == 405 and r.headers["allow"] == allowed
    err = r.json()["error"]
    assert set(err) == {"message", "type", "param", "code"} and err["code"] == "method_not_allowed"
    assert allowed in err["message"]
    assert httpx.get(served.base_url + "/ask", timeout=30).status_code == 401  # the token is asked first


def test_an_unknown_v1_route_is_a_404_in_openais_shape(served):
    import httpx
    r = httpx.post(served.base_url + "/completions", headers={"Authorization": f"Bearer {TOKEN}"}, json={},
                   timeout=30)
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found" and "/v1/ask" in r.text


def test_oversized_body_is_a_413_before_parsing(served):
    r = _post(served, "/ask", None, raw=b'{"question": "' + b"a" * 4_100_000 + b'"}')
    assert r.status_code == 413 and r.json()["error"]["code"] == "request_too_large"


@pytest.fixture(scope="module")
def hostile_markdown(tmp_path_factory, seeded_settings):
    """A library of one article whose title, url and text carry Markdown images, javascript: links and HTML,
    served by a real uvicorn with the /v1 API."""
    from rag import Pipeline, ingest, load_settings, open_library
    from ui_support import warm_home
    home = warm_home(tmp_path_factory.mktemp("markdown") / "home", seeded_settings.home_path)
    doc = home.parent / "hostile.jsonl"
    doc.write_text(json.dumps({
        "id": "hostile-md", "title": "![pixel](http://tracker.example/p.png) [click](javascript:alert(1)) <b>x</b>",
        "url": "javascript:alert(document.cookie)", "outlet": "[o](javascript:alert(2))", "date": "2025-03-14",
        "text": "زار وزير الخارجية السوري أسعد الشيباني بغداد في 14 من آذار 2025 ![img](http://tracker.example/i.png) "
                "وبحث [ملف الحدود](javascript:alert(3)) مع نظيره العراقي <img src=x onerror=alert(4)>.\n"
                "[ref]: javascript:alert(5)\n"}, ensure_ascii=False) + "\n", encoding="utf-8")
    s = load_settings(env={}, home=str(home))
    report = ingest(open_library(s), [doc], progress=False)
    assert report.added == ["hostile-md"], report.summary()
    srv = Served(Pipeline(s), s)
    yield srv
    srv.stop()


def test_markdown_from_articles_is_inert_in_v1_content(hostile_markdown):
    """A Markdown renderer that trusts every url (as a naive chat client does) draws no image, no link and no
    HTML from the chat content; the article's words and the [n] markers are still there."""
    import markdown_it
    from openai import OpenAI
    md = markdown_it.MarkdownIt("commonmark")
    md.validateLink = lambda url: True
    client = OpenAI(base_url=hostile_markdown.base_url, api_key="unused", max_retries=0)
    msgs = [{"role": "user", "content": "متى زار الشيباني بغداد؟"}]
    plain = client.chat.completions.create(model="extractive", messages=msgs)
    streamed = "".join(c.choices[0].delta.content or "" for c in
                       client.chat.completions.create(model="extractive", messages=msgs, stream=True))
    content = plain.choices[0].message.content
    assert streamed == content and "14 من آذار 2025" in content and "[1]" in content
    html = md.render(content)
    assert "<img" not in html and "<a " not in html and "<b>" not in html, html
    assert "javascript:alert(document.cookie)" not in content  # a url that is not plain http(s) is not shown
    assert "tracker.example" in html  # the title's text is shown, as text
    assert plain.model_extra["citations"][0]["url"] == "javascript:alert(document.cookie)"  # data stays as is


def test_a_client_that_leaves_stops_its_answer(seeded_settings, seeded_library):
    """A client gives up on a slow model's answer: the server stops that answer at its next step (no
    extractive fallback, no citation check for nobody) and goes on answering others."""
    import httpx

    from rag import Pipeline
    fake = FakeOpenAI()
    s = seeded_settings.with_(llm="openai:slow", llm_base_url=fake.base_url, llm_retries=0, llm_timeout=30.0)
    srv = Served(Pipeline(s, seeded_library), s)
    api = srv.server.config.app.state.rag_api
    try:
        with pytest.raises(httpx.ReadTimeout):
            httpx.post(srv.base_url + "/ask", json={"question": Q}, timeout=1.0)
        deadline = time.time() + 15
        while api.stopped < 1 and time.time() < deadline:
            time.sleep(0.1)
        assert api.stopped == 1, "the answer of a client that had gone was finished anyway"
        r = httpx.post(srv.base_url + "/ask", json={"question": Q, "model": "extractive"}, timeout=30)
        assert r.status_code == 200 and "14 من آذار 2025" in r.json()["answer"]
        assert api.stopped == 1
    finally:
        srv.stop()
        fake.stop()


def test_sigterm_stops_rag_serve_within_seconds(tmp_path, seeded_settings):
    """With a page's heartbeat stream open and a slow model's answer in flight, SIGTERM ends `rag serve` in
    seconds (it waited for both without end)."""
    import signal

    import httpx
    from gradio_client import Client

    from ui_support import Server, warm_home
    fake = FakeOpenAI()
    srv = Server(warm_home(tmp_path / "home", seeded_settings.home_path),
                 {"RAG_LLM_BASE_URL": fake.base_url, "RAG_LLM": "openai:slow", "RAG_LLM_TIMEOUT": "60",
                  "RAG_LLM_RETRIES": "0"})
    try:
        client = Client(srv.url, verbose=False)  # its heartbeat stream stays open
        pending = threading.Thread(target=lambda: httpx.post(srv.url + "v1/ask", json={"question": Q}, timeout=90),
                                   daemon=True)
        pending.start()
        time.sleep(1.0)
        t = time.perf_counter()
        srv.proc.send_signal(signal.SIGTERM)
        rc = srv.proc.wait(30)
        took = time.perf_counter() - t
        assert took < 8, f"rag serve took {took:.1f} s to stop"
        print(f"\nrag serve stopped {took:.1f} s after SIGTERM (exit {rc})")
        client.close()
    finally:
        if srv.proc.poll() is None:
            srv.proc.kill()
        srv.log.close()
        fake.stop()


def test_start_up_line_names_the_engine_and_the_session_patch_once(served):
    log = (served.url and open(served.log.name).read())
    assert log.count("query engine: ") == 1 and log.count("Gradio session patch: on") == 1, log[:500]
