"""Retrieval at scale: latency and memory at 1k, 10k and 100k passages through the product's own store
(Chroma + SQLite) and BM25 index, with the plain LangChain recipe's dense search beside it.

Embedding 100k passages would take hours here, so the collections are built from the real XQuAD-ar and
MLQA-ar paragraphs, split into passages by the product's chunker and embedded once (cached); beyond the
unique passages, copies are made whose text gets a distinct marker token and whose vector is the
original's plus small Gaussian noise, renormalised. Queries are the real benchmark questions.

    .venv/bin/python bench/scale.py [--sizes 1000,10000,100000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from _util import current_rss_mb, latencies, load_squad_corpus, save, table


def passages():
    from rag.chunking import chunk_document
    from rag.documents import Document

    out, questions = [], []
    for name in ("xquad", "mlqa"):
        qs, corpus = load_squad_corpus(name)
        questions += [q["question"] for q in qs]
        for d in corpus:
            for c in chunk_document(Document(source=d["id"], text=d["text"]), max_chars=400, overlap=0):
                out.append(c.text)
    return list(dict.fromkeys(out)), questions


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--queries", type=int, default=200)
    args = ap.parse_args()
    from rag import hybrid_search, load_settings, open_library
    from rag.documents import Chunk, Document
    from rag.embeddings import get_embedder

    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    texts, questions = passages()
    base_settings = load_settings(env={}, home=str(work / "cache"))
    emb = get_embedder(base_settings)
    t = time.perf_counter()
    vecs = emb.embed_passages(texts)
    print(f"{len(texts)} unique passages embedded in {time.perf_counter() - t:.0f}s", file=sys.stderr)
    rng = np.random.default_rng(0)
    qs = questions[:args.queries]
    qvecs = {q: emb.embed_query_vector(q) for q in qs}
    results = {}
    rows = []
    for size in [int(x) for x in args.sizes.split(",")]:
        s = load_settings(env={}, home=str(work / f"n{size}"), collection=f"scale{size}")
        lib = open_library(s)
        t = time.perf_counter()
        per_doc = 100
        for d0 in range(0, size, per_doc):
            idx = list(range(d0, min(size, d0 + per_doc)))
            ptexts, pvecs = [], []
            for i in idx:
                j = i % len(texts)
                copy = i // len(texts)
                ptexts.append(texts[j] if copy == 0 else f"{texts[j]} نسخة{copy}")
                v = vecs[j] if copy == 0 else vecs[j] + rng.normal(0, 0.02, vecs.shape[1]).astype(np.float32)
                pvecs.append(v / np.linalg.norm(v))
            body, chunks, pos = "", [], 0
            for n, pt in enumerate(ptexts):
                chunks.append(Chunk(f"doc{d0}#x-{n}", f"doc{d0}", n, pt, pos, pos + len(pt), [(0, len(pt))]))
                body += pt + "\n"
                pos += len(pt) + 1
            doc = Document(source=f"doc{d0}", text=body)
            lib.store.put_document(doc, chunks, np.vstack(pvecs), [np.zeros((0, 384), np.float32)] * len(chunks),
                                   f"scale:{doc.digest}")
        build_store = time.perf_counter() - t
        t = time.perf_counter()
        _ = lib.lexical
        build_lex = time.perf_counter() - t
        rss_before = current_rss_mb()
        with_embed = latencies(lambda q: hybrid_search(lib, q, 5), qs)
        no_embed = latencies(lambda q: hybrid_search(lib, q, 5, vector=qvecs[q]), qs)
        lex_only = latencies(lambda q: lib.lexical.search(q, 50), qs)
        dense_only = latencies(lambda q: lib.store.dense_search(qvecs[q], 50), qs)
        results[size] = {"store_build_s": round(build_store, 1), "lexical_build_s": round(build_lex, 1),
                         "retrieve": with_embed, "retrieve_precomputed_query": no_embed, "bm25": lex_only,
                         "chroma_dense": dense_only, "rss_mb": round(max(rss_before, current_rss_mb()), 1)}
        rows.append([size, f"{with_embed['p50_ms']} / {with_embed['p95_ms']}",
                     f"{no_embed['p50_ms']} / {no_embed['p95_ms']}", f"{lex_only['p50_ms']} / {lex_only['p95_ms']}",
                     f"{dense_only['p50_ms']} / {dense_only['p95_ms']}", results[size]["rss_mb"],
                     f"{build_store:.0f} + {build_lex:.0f}"])
        print(table("so far", ["passages", "retrieve p50/p95 ms", "without query embedding", "BM25 only",
                               "Chroma dense only", "RSS MB", "build s (store + BM25)"], rows), file=sys.stderr)
    print(table("Retrieval at scale (target: retrieve p95 ≤ 100 ms at 100k, sub-linear growth)",
                ["passages", "retrieve p50/p95 ms", "without query embedding", "BM25 only", "Chroma dense only",
                 "RSS MB", "build s (store + BM25)"], rows))
    print(f"\nsaved {save('scale', {'results': results, 'unique_passages': len(texts)})}")


if __name__ == "__main__":
    sys.exit(main())
