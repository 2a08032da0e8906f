"""A model endpoint that echoes the API key in its error body and headers: the key reaches only the wire."""

import json
import logging

import pytest

from fake_openai import FakeOpenAI
from test_cli import run

pytestmark = pytest.mark.server
CANARY = "sk-canary-echo-5b1e0c77aa94"


@pytest.fixture(scope="module")
def fake():
    srv = FakeOpenAI()
    yield srv
    srv.stop()


def test_echoed_key_is_not_in_notice_answer_or_log(fake, seeded_settings, seeded_library, caplog):
    from rag import Pipeline
    s = seeded_settings.with_(llm="openai:echo-key", llm_base_url=fake.base_url, api_key=CANARY, llm_retries=0)
    # INFO: the most a server log shows (nothing in rag/ or ui/ turns on DEBUG logging; at DEBUG, httpcore itself
    # logs response headers, which is outside the product)
    caplog.set_level(logging.INFO)
    events = list(Pipeline(s, seeded_library).stream("متى زار الشيباني بغداد؟"))
    a = events[-1].answer
    post = [r for r in fake.requests if r[0] == "POST"][-1]
    assert {k.lower(): v for k, v in post[2].items()}["authorization"] == f"Bearer {CANARY}"  # it was sent
    assert a.fallback and "request refused (400)" in a.notice
    assert "14 من آذار 2025" in a.answer  # the extractive answer stands in
    shown = json.dumps(a.to_dict(), ensure_ascii=False) + "".join(e.text for e in events)
    assert CANARY not in shown
    assert "400 Bad Request" in caplog.text  # the failed request is in the log ...
    assert CANARY not in caplog.text  # ... and the key it echoed is not


def test_echoed_key_is_not_printed_by_the_cli(fake, fresh_settings):
    env = {"OPENAI_API_KEY": CANARY, "RAG_LLM_BASE_URL": fake.base_url, "RAG_LLM_RETRIES": "0"}
    for args in (["ask", "متى زار الشيباني بغداد؟", "--model", "openai:echo-key"],
                 ["ask", "متى زار الشيباني بغداد؟", "--model", "openai:echo-key", "--json", "--debug"]):
        p = run(args, fresh_settings.home_path, env)
        assert p.returncode == 0, p.stderr
        assert "request refused (400)" in (p.stderr + p.stdout)
        assert CANARY not in p.stdout and CANARY not in p.stderr
