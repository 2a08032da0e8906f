"""Contact extraction cost: its share of ingest time on the seeds and on the real-reporting corpus
(evals/real/dev + heldout, Arabic and English; target < 10%), and linear scaling of extraction (and of building
the merged timeline) up to 10k synthetic articles made from both corpora; no embedding needed for those.
`--baseline REF` measures the extraction of a git ref (a scratch worktree, same packages) in the same run.

    .venv/bin/python bench/events.py [--max 10000] [--baseline REF]
"""

from __future__ import annotations

import argparse
import random
import re
import tempfile
import time
from pathlib import Path

from _util import ROOT, save, table


CORPORA = {"seeds": [ROOT / "seeds"],
           "real reporting": [ROOT / "evals" / "real" / "dev" / "articles", ROOT / "evals" / "real" / "heldout" / "articles"]}


def seed_share(work: Path) -> list[dict]:
    rows = []
    for corpus, folders in CORPORA.items():
        rows += _share(work / corpus.replace(" ", "-"), corpus, folders)
    return rows


def _share(work: Path, corpus: str, folders: list[Path]) -> list[dict]:
    from rag import ingest, load_settings
    from rag.index.library import Library

    import sqlite3

    rows = []
    # cold: nothing cached; warm: a new library with the same embedding cache (ingest without model time), the
    # rules run; warm, contacts cached too: the extracted contacts read back (RAG_HOME/contacts.sqlite)
    for tag, caches in (("cold cache", ()), ("warm cache", ("embeddings",)),
                        ("warm, contacts cached", ("embeddings", "contacts"))):
        home = work / tag.replace(" ", "-").replace(",", "")
        home.mkdir(parents=True)
        for name in caches:
            src, dst = sqlite3.connect(work / "cold-cache" / f"{name}.sqlite"), sqlite3.connect(home / f"{name}.sqlite")
            src.backup(dst)
            src.close()
            dst.close()
        lib = Library(load_settings(env={}, home=str(home)))
        t = time.perf_counter()
        rep = ingest(lib, folders, progress=False)
        total = time.perf_counter() - t
        rows.append({"corpus": corpus, "articles": len(rep.added), "run": tag, "ingest_s": round(total, 3),
                     "events_s": round(rep.timings["events"], 4),
                     "share": round(rep.timings["events"] / total, 4), "target_met": rep.timings["events"] / total < 0.10})
    return rows


def synthetic(n: int) -> list:
    """n articles made from the seeds and the real-reporting corpus with other dates, days and ids (so no two are
    the same text)."""
    from rag.ingestion.clean import clean
    from rag.documents import read_file

    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "evals" / "real").glob("*/articles/*.txt"))
    base = [clean(next(read_file(p, 10 ** 8))) for p in paths]
    rnd = random.Random(7)
    out = []
    for i in range(n):
        d = base[i % len(base)]
        text = re.sub(r"\b(20\d\d)\b", lambda m: str(rnd.randint(2020, 2025)), d.text)
        text = re.sub(r"\b([1-9]|1\d|2[0-8])\b(?= من)", lambda m: str(rnd.randint(1, 28)), text)
        out.append(type(d)(source=f"syn{i:05d}.txt", text=text, title=d.title, date=d.date, outlet=d.outlet))
    return out


def scaling(sizes: list[int]) -> list[dict]:
    from rag.ingestion.chunking import chunk_document
    from rag.text.dates import ArticleDate
    from rag.contacts.events import Mention, extract
    from rag.domain.people import load_officials
    from rag.contacts.timeline import merge_mentions

    officials = load_officials()
    rows = []
    for n in sizes:
        docs = synthetic(n)
        chunks = [chunk_document(d, 1200, 1) for d in docs]
        t = time.perf_counter()
        results = [extract(d, c, officials) for d, c in zip(docs, chunks)]
        ext = time.perf_counter() - t
        mentions = [Mention.from_dict(m.to_dict()) for r in results for m in r.mentions]
        arts = {d.source: r.article for d, r in zip(docs, results)}
        t = time.perf_counter()
        events = merge_mentions(mentions, dict(arts) or {"": ArticleDate()})
        merge = time.perf_counter() - t
        rows.append({"articles": n, "mentions": len(mentions), "events": len(events), "extract_s": round(ext, 3),
                     "ms_per_article": round(1000 * ext / n, 3), "timeline_s": round(merge, 3),
                     "timeline_ms_per_mention": round(1000 * merge / max(1, len(mentions)), 4)})
    first = rows[0]
    for r in rows:
        r["extract_vs_smallest"] = round(r["ms_per_article"] / first["ms_per_article"], 2)
        r["timeline_vs_smallest"] = round(r["timeline_ms_per_mention"] / max(1e-9, first["timeline_ms_per_mention"]), 2)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--max", type=int, default=10000)
    ap.add_argument("--skip-ingest", action="store_true", help="only the synthetic scaling (no embedding model)")
    ap.add_argument("--baseline", help="a git ref whose extraction is measured beside today's (scratch worktree)")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-events-"))
    res = {}
    if not args.skip_ingest:
        res["seeds"] = seed_share(work)
        print(table("Extraction share of ingest (target < 10%)", ["corpus", "articles", "run", "ingest s", "extraction s",
                                                                 "share", "met"],
                    [[r["corpus"], r["articles"], r["run"], r["ingest_s"], r["events_s"], r["share"], r["target_met"]]
                     for r in res["seeds"]]))
    if args.baseline:
        res["baseline"] = baseline(args.baseline)
        print(table(f"Extraction of the real-reporting corpus, today beside {args.baseline} (same run)",
                    ["code", "articles", "extract s", "ms/article", "mentions"],
                    [[r["code"], r["articles"], r["extract_s"], r["ms_per_article"], r["mentions"]] for r in res["baseline"]]))
    sizes = [s for s in (100, 1000, 10000) if s <= args.max]
    res["scaling"] = scaling(sizes)
    linear = all(r["extract_vs_smallest"] <= 1.5 for r in res["scaling"])
    res["linear"] = linear
    print(table("Extraction and timeline build on synthetic articles (linear: per-article cost flat within 1.5x)",
                ["articles", "mentions", "events", "extract s", "ms/article", "x smallest", "timeline s", "x smallest"],
                [[r["articles"], r["mentions"], r["events"], r["extract_s"], r["ms_per_article"], r["extract_vs_smallest"],
                  r["timeline_s"], r["timeline_vs_smallest"]] for r in res["scaling"]]))
    print(f"\nlinear up to {sizes[-1]} articles: {'met' if linear else 'MISSED'}")
    save("events", res)


_ONE = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from rag.contacts.events import extract
from rag.documents import read_file
from rag.domain.people import load_officials
from rag.ingestion.chunking import chunk_document
from rag.ingestion.clean import clean
paths = sorted(Path(sys.argv[2]).glob("*/articles/*.txt"))
docs = [clean(next(read_file(p, 10 ** 8))) for p in paths]
chunks = [chunk_document(d, 1200, 1) for d in docs]
o = load_officials()
extract(docs[0], chunks[0], o)
t = time.perf_counter()
n = sum(len(extract(d, c, o).mentions) for d, c in zip(docs, chunks))
dt = time.perf_counter() - t
print(json.dumps({"articles": len(docs), "extract_s": round(dt, 3), "ms_per_article": round(1000 * dt / len(docs), 2),
                  "mentions": n}))
"""


def baseline(ref: str) -> list[dict]:
    """The real corpus's extraction by today's code and by `ref`'s, each in its own process, in one run."""
    import json
    import subprocess
    import sys

    where = Path(tempfile.mkdtemp(prefix="bench-events-base-")) / "tree"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(where), ref], check=True)
    try:
        rows = []
        for code, root in ((f"{ref} (baseline)", where), ("today", ROOT)):
            out = subprocess.run([sys.executable, "-c", _ONE, str(root), str(ROOT / "evals" / "real")],
                                 capture_output=True, text=True, check=True, cwd=str(root))
            rows.append({"code": code, **json.loads(out.stdout.strip().splitlines()[-1])})
        return rows
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(where)], check=False)


if __name__ == "__main__":
    main()
