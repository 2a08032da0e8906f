"""Ingest speed: passages per second and where the time goes, on the seeds and on the XQuAD-ar + MLQA-ar
paragraphs; one embedder worker against two (the two-core rate), and a re-ingest on a warm cache.

    .venv/bin/python bench/ingest.py [--paragraphs 200]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from _util import ROOT, load_squad_corpus, save, table


def corpus_file(work: Path, limit: int) -> Path:
    docs = []
    for name in ("xquad", "mlqa"):
        docs += load_squad_corpus(name)[1]
    path = work / "bench_corpus.jsonl"
    path.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs[:limit]) + "\n", encoding="utf-8")
    return path


def run(work: Path, tag: str, paths: list[Path], workers: int, home: str | None = None) -> dict:
    from rag import ingest, load_settings
    from rag.library import Library

    s = load_settings(env={}, home=home or str(work / tag), workers=workers)
    lib = Library(s)
    t = time.perf_counter()
    rep = ingest(lib, paths, progress=False)
    total = time.perf_counter() - t
    texts = rep.chunks + sum(len(c.sentences) for c in lib.store.get_chunks())
    return {"seconds": round(total, 2), "chunks": rep.chunks, "texts_embedded": texts,
            "passages_per_s": round(rep.chunks / total, 2) if total else None,
            "timings_s": {k: round(v, 2) for k, v in rep.timings.items()},
            "non_embedding_share": round(1 - rep.timings["embed"] / total, 3) if total else None}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--paragraphs", type=int, default=200, help="benchmark paragraphs to ingest")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    bench = corpus_file(work, args.paragraphs)
    res = {
        "seeds_1_worker": run(work, "s1", [ROOT / "seeds"], 1),
        "seeds_2_workers": run(work, "s2", [ROOT / "seeds"], 2),
        "bench_1_worker": run(work, "b1", [bench], 1),
        "bench_2_workers": run(work, "b2", [bench], 2),
    }
    # Same files into a new library that shares the warm cache: nothing is embedded again.
    (work / "b2-again").mkdir()
    import sqlite3
    src, dst = sqlite3.connect(work / "b2" / "embeddings.sqlite"), sqlite3.connect(work / "b2-again" / "embeddings.sqlite")
    src.backup(dst)
    src.close()
    dst.close()
    res["bench_cached"] = run(work, "b2-again", [bench], 2)
    res["two_core_speedup_seeds"] = round(res["seeds_1_worker"]["seconds"] / res["seeds_2_workers"]["seconds"], 2)
    res["two_core_speedup_bench"] = round(res["bench_1_worker"]["seconds"] / res["bench_2_workers"]["seconds"], 2)
    rows = []
    for k in ("seeds_1_worker", "seeds_2_workers", "bench_1_worker", "bench_2_workers", "bench_cached"):
        r = res[k]
        t = r["timings_s"]
        rows.append([k, r["chunks"], r["texts_embedded"], r["seconds"], r["passages_per_s"], t["embed"],
                     t["read_clean"] + t["chunk"], t["store"], t["lexical"], f"{100 * r['non_embedding_share']:.1f}%"])
    print(table(f"Ingest (bench = first {args.paragraphs} XQuAD-ar + MLQA-ar paragraphs; chunk and sentence "
                "vectors both embedded)",
                ["run", "chunks", "texts embedded", "total s", "passages/s", "embed s", "clean+chunk s",
                 "store s", "BM25 s", "not embedding"], rows))
    print(f"\ntwo workers vs one: {res['two_core_speedup_seeds']}x on the seeds, "
          f"{res['two_core_speedup_bench']}x on the benchmark paragraphs (target ≥ 1.8x)")
    print(f"saved {save('ingest', res)}")


if __name__ == "__main__":
    sys.exit(main())
