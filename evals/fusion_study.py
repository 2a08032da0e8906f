"""Fusion study: dense and BM25 candidates of a set's questions, captured once, then fusion variants scored.

    python -m evals.fusion_study SET OUT            # OUT is a `rag eval SET --retrieval-only --out OUT` folder

It reuses OUT/data (ingested corpus and embedding cache), so only question embeddings are computed (and
cached). Prints R@1 / R@5 / MRR@10 per variant; the variants are the fusion functions of rag.retrieve.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import numpy as np

from rag import load_settings, open_library
from rag.retrieve import FUSIONS

from .metrics import recall_at, reciprocal_rank
from .sets import load_set


def capture(set_path: Path, out: Path, n: int = 50) -> list[dict]:
    cache = out / "fusion_capture.pkl"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    questions, _ = load_set(set_path)
    s = load_settings().with_(home=str(out / "data"), chroma_url="", collection="eval")
    lib = open_library(s)
    chunks = {c.id: c for c in lib.store.get_chunks(vectors=True)}
    vecs = lib.embedder.embed_queries([q["question"] for q in questions])
    rows = []
    for q, v in zip(questions, vecs):
        if not q["answerable"]:
            continue
        dense = lib.store.dense_search(v, n)
        lexical = lib.lexical.search(q["question"], n)
        ids = dict.fromkeys([c for c, _ in dense] + [c for c, _ in lexical])
        sent = {c: float(np.max(chunks[c].sentence_vectors @ v)) for c in ids
                if c in chunks and chunks[c].sentence_vectors is not None and len(chunks[c].sentence_vectors)}
        rows.append({"q": q["question"], "gold": q["sources"], "dense": dense, "lexical": lexical, "sent": sent,
                     "source": {c: chunks[c].source for c in ids if c in chunks},
                     "terms_idf": lib.lexical_query_stats(q["question"]) if hasattr(lib, "lexical_query_stats")
                     else None})
    cache.write_bytes(pickle.dumps(rows))
    return rows


def score(rows: list[dict], fuse) -> dict:
    r1 = r5 = mrr = 0.0
    for r in rows:
        fused = fuse(r)
        ranked = [r["source"].get(c, c) for c, _ in sorted(fused.items(), key=lambda kv: -kv[1])[:10]]
        r1 += recall_at(ranked, r["gold"], 1)
        r5 += recall_at(ranked, r["gold"], 5)
        mrr += reciprocal_rank(ranked, r["gold"])
    n = max(len(rows), 1)
    return {"R@1": round(r1 / n, 3), "R@5": round(r5 / n, 3), "MRR@10": round(mrr / n, 3)}


def main(argv: list[str]) -> int:
    rows = capture(Path(argv[0]), Path(argv[1]))
    print(f"{argv[0]}: {len(rows)} answerable questions")
    for name, fuse in FUSIONS.items():
        print(f"{name:40s} {score(rows, fuse)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
