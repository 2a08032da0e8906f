"""A stop reaches a model call still waiting for its first token: the /v1 client that leaves has the model's
HTTP request closed at once (not at the token or the timeout), against a real slow OpenAI-protocol server."""

import time

import pytest

from fake_openai import FakeOpenAI
from test_server import Q, Served

pytestmark = pytest.mark.server
BOUND_S = 2.0  # from the client giving up to the model's request closed (it stayed open 20 s, the hold)


@pytest.mark.parametrize("provider, model", [("openai", "hold"), ("openai", "hold-open"), ("langchain", "hold")])
def test_a_client_that_leaves_closes_the_model_request_waiting_for_its_first_token(seeded_settings, seeded_library,
                                                                                      provider, model):
    """`hold`: no reply yet; `hold-open`: the reply's headers sent, no token yet; `langchain`: LangChain's
    ChatOpenAI object as the model."""
    import httpx

    from rag import Pipeline
    fake = FakeOpenAI()
    # retries on: a cut request must not be sent again
    s = seeded_settings.with_(llm=f"openai:{model}", llm_base_url=fake.base_url, llm_retries=2, llm_timeout=60.0)
    if provider == "langchain":
        from langchain_openai import ChatOpenAI
        chat = ChatOpenAI(model=model, base_url=fake.base_url, api_key="not-needed", max_retries=2, timeout=60)
        pipe = Pipeline(s, seeded_library, model=chat)
    else:
        pipe = Pipeline(s, seeded_library)
    srv = Served(pipe, s)
    api = srv.server.config.app.state.rag_api
    try:
        with pytest.raises(httpx.ReadTimeout):
            httpx.post(srv.base_url + "/ask", json={"question": Q}, timeout=1.5)
        gone = time.monotonic()
        assert fake.held, "the model was never asked"
        took = fake.closed_after(gone)
        assert took is not None, "the model's request stayed open after the client left"
        print(f"\n{model}: the model's request closed {took:.2f} s after the client left")
        assert took < BOUND_S, f"the model's request closed {took:.2f} s after the client left"
        deadline = time.monotonic() + 5
        while api.stopped < 1 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert api.stopped == 1
        time.sleep(0.5)
        posts = [r for r in fake.requests if r[0] == "POST"]
        assert len(posts) == 1, f"the cut request was sent again: {len(posts)} requests"
        r = httpx.post(srv.base_url + "/ask", json={"question": Q, "model": "extractive"}, timeout=30)
        assert r.status_code == 200 and "14 من آذار 2025" in r.json()["answer"]
    finally:
        srv.stop()
        fake.stop()
