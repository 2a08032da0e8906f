"""20 concurrent users through the app's API (Gradio queue) and 20 through the library: every answer arrives
and equals the sequential one; a slow model server does not hold up answers on the default.

What is promised and what is asserted, said apart:
- the TARGET (issue 17): p95 ≤ 0.8 s for 20 users on two cores. It is a figure of a quiet machine, measured and
  CHECKED by `bench/load.py` (which exits 1 when it is missed); here it is only printed, met or MISSED, since a
  CI machine shared with other jobs cannot hold a latency promise.
- REGRESSION GUARDS, asserted here, each above the worst figure measured on a loaded machine and below what a
  real slowdown gives (a 0.6 s sleep added to every answer fails both the one-user and the burst guard).
"""

import os
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from fake_openai import FakeOpenAI
from ui_support import Server, warm_home

pytestmark = pytest.mark.slow
USERS = 20
APP_P95_TARGET_MS = 800  # the promise for 20 concurrent users through the app API: checked by bench/load.py
# Regression guard: one user alone through the app API, median of the 20 sequential answers. Measured 40-60 ms
# quiet and 90-200 ms at load average 6-11 on this 2-core machine; an added 0.6 s per answer gives >= 640 ms.
ONE_USER_P50_GUARD_MS = 450
# Regression guard: users already in their Gradio session (as a browser is once the page has loaded). Measured
# 553-655 ms quiet (bench/load.py, six runs) and 0.79-1.41 s at load average 3.8-6.4. An added 0.6 s per
# answer gives >= 1.2 s quiet (16 answered at once, the other 4 queued behind them: 2 x 0.6 s) and ~2 s loaded.
APP_P95_GUARD_MS = 1800
# A user's first question also makes their session: Gradio copies the config of every one of the app's
# ~100 components for it on its event loop (unless ui/tuning.py's lazy sessions apply), so that burst gets a
# guard of its own (measured 616-685 ms quiet, 1.9-2.5 s at load average 3.8-6.4, 3.4 s at 10.7).
FIRST_P95_GUARD_MS = 4000


def _p95(values):
    v = sorted(values)
    return v[max(0, int(round(0.95 * len(v) + 0.5)) - 1)]


def _key(a: dict) -> tuple:
    return a["answer"], a["abstained"], tuple(c["chunk_id"] for c in a["citations"])


def _concurrently(ask, qs: list[str]) -> tuple[dict, dict]:
    """Every question at once, one thread each: answers by question, and latencies in ms."""
    lat = {}

    def one(q):
        t = time.perf_counter()
        a = ask(q)
        lat[q] = (time.perf_counter() - t) * 1000
        return q, _key(a)

    with ThreadPoolExecutor(len(qs)) as ex:
        return dict(ex.map(one, qs)), lat


def test_twenty_library_users(pipeline, seeds_qa):
    qs = [q["question"] for q in seeds_qa[:USERS]]
    sequential = {q: _key(pipeline.ask(q).to_dict()) for q in qs}
    got, lat = _concurrently(lambda q: pipeline.ask(q).to_dict(), qs)
    assert got == sequential
    print(f"\nlibrary: {USERS} concurrent users, p50 {statistics.median(lat.values()):.0f} ms, "
          f"p95 {_p95(list(lat.values())):.0f} ms (no promise for the library path; the app's is checked below)")


@pytest.fixture(scope="module")
def app(tmp_path_factory, seeded_settings):
    fake = FakeOpenAI()
    home = warm_home(tmp_path_factory.mktemp("load") / "home", seeded_settings.home_path)
    srv = Server(home, {"RAG_LLM_BASE_URL": fake.base_url, "RAG_LLM_RETRIES": "0", "RAG_LLM_TIMEOUT": "30"})
    yield srv
    srv.stop()
    fake.stop()


def _client(url: str):
    """A gradio_client `Client` for a loopback http server, without certificate checks.

    gradio_client opens a new httpx client for every request; with verification on (its default) each one
    loads the CA bundle: ~80 ms of CPU per answer in this process, on the same two cores as the server
    (1.6-2.0 s of client CPU for a burst of 20, more than the server's ~1 s). The server is plain http on
    127.0.0.1, so there is nothing to verify; the requests, the API and the server are the same."""
    from gradio_client import Client
    return Client(url, verbose=False, ssl_verify=False)


def _cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _app_burst(app, clients: dict, qs: list[str]) -> tuple[dict, dict, str]:
    c0, p0 = _cpu_s(app.proc.pid), time.process_time()
    got, lat = _concurrently(lambda q: clients[q].predict(q, "extractive", 5, api_name="/answer"), qs)
    cpu = f"server CPU {_cpu_s(app.proc.pid) - c0:.2f} s, client CPU {time.process_time() - p0:.2f} s"
    return got, lat, cpu


def test_twenty_app_users(app, seeds_qa):
    qs = [q["question"] for q in seeds_qa[:USERS]]
    seq_client = _client(app.url)
    seq_client.predict(qs[0], "extractive", 5, api_name="/answer")  # warm
    sequential, alone = {}, []
    for q in qs:
        t = time.perf_counter()
        sequential[q] = _key(seq_client.predict(q, "extractive", 5, api_name="/answer"))
        alone.append((time.perf_counter() - t) * 1000)
    one_user = statistics.median(alone)
    print(f"\napp API, one user: p50 {one_user:.0f} ms over {USERS} questions "
          f"(guard ≤ {ONE_USER_P50_GUARD_MS} ms; load average {os.getloadavg()[0]:.1f})")
    assert one_user <= ONE_USER_P50_GUARD_MS, (f"one user's answer p50 {one_user:.0f} ms: above the "
                                               f"{ONE_USER_P50_GUARD_MS} ms regression guard")
    clients = {q: _client(app.url) for q in qs}  # every user connected before the burst
    time.sleep(1)  # and their heartbeat streams open (each client opens one in a thread of its own)
    got, lat, cpu = _app_burst(app, clients, qs)  # each user's first question (and new session)
    assert got == sequential
    first = _p95(list(lat.values()))
    print(f"\napp API, first questions: {USERS} concurrent users, p50 {statistics.median(lat.values()):.0f} ms, "
          f"p95 {first:.0f} ms ({cpu}; load average {os.getloadavg()[0]:.1f})")
    got, lat, cpu = _app_burst(app, clients, qs[::-1])  # the same users again, each in their session
    assert got == sequential
    p95 = _p95(list(lat.values()))
    verdict = "met" if p95 <= APP_P95_TARGET_MS else "MISSED (bench/load.py checks it on a quiet machine)"
    print(f"app API: {USERS} concurrent users, p50 {statistics.median(lat.values()):.0f} ms, "
          f"p95 {p95:.0f} ms (target ≤ {APP_P95_TARGET_MS} ms: {verdict}; {cpu}; "
          f"load average {os.getloadavg()[0]:.1f})")
    assert first <= FIRST_P95_GUARD_MS, (f"p95 {first:.0f} ms for {USERS} users' first questions: above the "
                                         f"{FIRST_P95_GUARD_MS} ms guard")
    assert p95 <= APP_P95_GUARD_MS, (f"p95 {p95:.0f} ms for {USERS} concurrent app users: above the "
                                     f"{APP_P95_GUARD_MS} ms regression guard (the target, ≤ {APP_P95_TARGET_MS} ms "
                                     f"on a quiet machine, is bench/load.py's to check)")


def test_slow_model_does_not_block_the_default(app):
    slow_done = threading.Event()
    slow_result = {}

    def slow():
        slow_result["a"] = _client(app.url).predict("متى زار الشيباني بغداد؟", "openai:slow", 5,
                                                    api_name="/answer")
        slow_done.set()

    t = threading.Thread(target=slow)
    t.start()
    time.sleep(0.5)
    start = time.perf_counter()
    fast = _client(app.url).predict("من هو المتحدث باسم الحكومة العراقية؟", "extractive", 5,
                                    api_name="/answer")
    fast_s = time.perf_counter() - start
    assert "العوادي" in fast["answer"]
    assert not slow_done.is_set(), "the extractive answer came back while the slow model was still thinking"
    t.join(60)
    assert slow_result["a"]["model"] == "openai:slow" and not slow_result["a"]["fallback"]
    print(f"\nextractive answer in {fast_s:.2f}s while a slow model request was pending")
