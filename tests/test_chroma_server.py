"""RAG_CHROMA_URL: the same library through a Chroma server (`chroma run`) started by the test."""

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import SEEDS, SHAIBANI
from ui_support import free_port

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    port = free_port()
    chroma = Path(sys.executable).parent / "chroma"
    proc = subprocess.Popen([str(chroma), "run", "--path", str(tmp_path_factory.mktemp("chroma-srv")), "--host",
                             "127.0.0.1", "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(url + "/api/v2/heartbeat", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    else:
        proc.kill()
        pytest.fail("chroma run did not come up")
    yield url
    proc.terminate()
    proc.wait(10)


def test_ingest_and_ask_through_a_chroma_server(chroma_url, fresh_settings):
    from rag import Pipeline, ingest, open_library
    s = fresh_settings.with_(chroma_url=chroma_url)
    lib = open_library(s)
    assert type(lib.store.client).__name__ != "PersistentClient" and not (s.home_path / "chroma").exists()
    report = ingest(lib, [SEEDS], progress=False)
    assert len(report.added) == 5
    assert lib.store.collection.count() == lib.store.count_chunks()
    a = Pipeline(s, lib).ask("متى زار الشيباني بغداد؟")
    assert "14 من آذار 2025" in a.answer and a.citations[a.cited[0] - 1]["source"] == SHAIBANI


def test_unreachable_chroma_server_is_one_clear_error(fresh_settings):
    from rag import StoreError
    from rag.store import chroma_client
    with pytest.raises(StoreError, match="not reachable"):
        chroma_client(fresh_settings.with_(chroma_url=f"http://127.0.0.1:{free_port()}"))
