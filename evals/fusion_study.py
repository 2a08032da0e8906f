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
from rag.retrieve import lexical_query

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
    vecs = [lib.embedder.embed_query_vector(q["question"]) for q in questions]
    rows = []
    for q, v in zip(questions, vecs):
        if not q["answerable"]:
            continue
        dense = lib.store.dense_search(v, n)
        lexical = lib.lexical.search(lexical_query(q["question"]), n)
        ids = dict.fromkeys([c for c, _ in dense] + [c for c, _ in lexical])
        sent = {c: float(np.max(chunks[c].sentence_vectors @ v)) for c in ids
                if c in chunks and chunks[c].sentence_vectors is not None and len(chunks[c].sentence_vectors)}
        rows.append({"q": q["question"], "gold": q["sources"], "dense": dense, "lexical": lexical, "sent": sent,
                     "source": {c: chunks[c].source for c in ids if c in chunks}})
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


def _minmax(pairs):
    if not pairs:
        return {}
    top, floor = max(s for _, s in pairs), min(s for _, s in pairs)
    return {c: (s - floor) / (top - floor + 1e-9) for c, s in pairs}


def _maxnorm(pairs):
    if not pairs:
        return {}
    best = max(s for _, s in pairs) or 1.0
    return {c: s / best for c, s in pairs}


def fuse_score(r, w, dense_key="dense", sent_mix=0.0, adaptive=None):
    dense = r["dense"]
    if sent_mix:
        dense = [(c, (1 - sent_mix) * s + sent_mix * r["sent"].get(c, s)) for c, s in dense]
        dense.sort(key=lambda x: -x[1])
    lex = r["lexical"]
    if adaptive and lex:
        w = adaptive(r, w)
    d, b = _minmax(dense), _maxnorm(lex)
    return {c: (1 - w) * d.get(c, 0.0) + w * b.get(c, 0.0) for c in set(d) | set(b)}


def fuse_rrf(r, w, k=60):
    out = {}
    for weight, ranking in ((1 - w, r["dense"]), (w, r["lexical"])):
        for rank, (c, _) in enumerate(ranking):
            out[c] = out.get(c, 0.0) + 2 * weight / (k + rank + 1)
    return out


def gap_weight(r, w):
    """More BM25 weight when its top match stands out from the next ones (a discriminative match)."""
    s = [x for _, x in r["lexical"][:5]]
    if len(s) < 2 or s[0] <= 0:
        return w
    gap = (s[0] - s[1]) / s[0]
    return min(0.9, w * (0.5 + 2.0 * gap))


VARIANTS = {
    "dense only": lambda r: dict(r["dense"]),
    "BM25 only": lambda r: dict(r["lexical"]),
    "score w=0.5 (old default)": lambda r: fuse_score(r, 0.5),
    "rrf w=0.5": lambda r: fuse_score(r, 0.5) if False else fuse_rrf(r, 0.5),
    "score w=0.3": lambda r: fuse_score(r, 0.3),
    "score w=0.4": lambda r: fuse_score(r, 0.4),
    "score w=0.6": lambda r: fuse_score(r, 0.6),
    "score w=0.5 + sentence max-sim 0.5": lambda r: fuse_score(r, 0.5, sent_mix=0.5),
    "score w=0.4 + sentence max-sim 0.5": lambda r: fuse_score(r, 0.4, sent_mix=0.5),
    "score w=0.5 + sentence max-sim 1.0": lambda r: fuse_score(r, 0.5, sent_mix=1.0),
    "score w=0.4 gap-adaptive": lambda r: fuse_score(r, 0.4, adaptive=gap_weight),
    "score w=0.4 gap-adaptive + sent 0.5": lambda r: fuse_score(r, 0.4, sent_mix=0.5, adaptive=gap_weight),
    "score w=0.3 gap-adaptive + sent 0.5": lambda r: fuse_score(r, 0.3, sent_mix=0.5, adaptive=gap_weight),
    "score w=0.5 gap-adaptive + sent 0.5": lambda r: fuse_score(r, 0.5, sent_mix=0.5, adaptive=gap_weight),
    "rrf w=0.5 + sent 0.5": lambda r: fuse_rrf({**r, "dense": sorted(
        [(c, 0.5 * s + 0.5 * r["sent"].get(c, s)) for c, s in r["dense"]], key=lambda x: -x[1])}, 0.5),
}


def main(argv: list[str]) -> int:
    rows = capture(Path(argv[0]), Path(argv[1]))
    print(f"{argv[0]}: {len(rows)} answerable questions")
    for name, fuse in VARIANTS.items():
        print(f"{name:42s} {score(rows, fuse)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
