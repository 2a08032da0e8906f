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
    assert "14 من آذار 2025" in a.answer and a.citations[a.cited[0] - 1].source == SHAIBANI


def test_unreachable_chroma_server_is_one_clear_error(fresh_settings):
    from rag import StoreError
    from rag.index.store import chroma_client
    with pytest.raises(StoreError, match="not reachable"):
        chroma_client(fresh_settings.with_(chroma_url=f"http://127.0.0.1:{free_port()}"))


def test_two_data_folders_on_one_server_keep_each_others_vectors(chroma_url, tmp_path, seeded_settings):
    """Same server, same RAG_COLLECTION, same articles (so the same chunk ids): ingest, delete and sweep
    in one folder never touch the other's vectors."""
    from rag import hybrid_search, ingest, load_settings
    from rag.index.library import Library
    from ui_support import warm_home

    libs = []
    for name in ("a", "b"):
        home = warm_home(tmp_path / name, seeded_settings.home_path)
        libs.append(Library(load_settings(env={}, home=str(home), chroma_url=chroma_url)))
    a, b = libs
    assert a.store.collection_name != b.store.collection_name
    assert a.store.collection_name.startswith("articles-") and b.store.collection_name.startswith("articles-")
    for lib in libs:
        assert len(ingest(lib, [SEEDS], progress=False).added) == 5
    assert a.delete([SHAIBANI]) == [SHAIBANI]
    assert a.store.sweep(full=True) == 0 and b.store.sweep(full=True) == 0
    for lib in libs:
        ingest(lib, [SEEDS / SHAIBANI], progress=False)  # re-ingest: sweeps again
        assert lib.store.collection.count() == lib.store.count_chunks() > 0
        tags = {m["library"] for m in lib.store.collection.get(include=["metadatas"])["metadatas"]}
        assert tags == {lib.store.library_id}
        assert hybrid_search(lib, "متى زار الشيباني بغداد؟", 3)[0].chunk.source == SHAIBANI
    # reopened, each folder finds its own collection again
    again = Library(load_settings(env={}, home=str(tmp_path / "b"), chroma_url=chroma_url))
    assert again.store.collection_name == b.store.collection_name
    assert again.store.collection.count() == b.store.count_chunks()
