"""`rag eval evals/seeds_timeline.json`: the extracted timeline against a gold one written by reading the
corpus. Events match by kind, status, a shared source, participants (at least half of the gold ones) and dates
that do not contradict (equal, or one of them missing); then date accuracy (equal, null = null), sources and merge errors (one contact split in two, or two contacts merged in one)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rag import contact_timeline, ingest, open_library

THIRD = ("Egypt", "Turkey", "Iran", "Jordan", "Lebanon", "Saudi Arabia", "Qatar", "UAE", "Russia", "United States",
         "Israel", "European Union", "Oman")


def is_timeline_set(path: Path) -> bool:
    if path.suffix != ".json" or not path.is_file():
        return False
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return False
    return isinstance(obj, dict) and isinstance(obj.get("events"), list) and "data" not in obj


def _names(ev: dict) -> set[str]:
    return {p["name_en"] for p in ev["participants"]}


def _sources(ev: dict) -> set[str]:
    return {c["source"] for c in ev["citations"]}


def _matches(g: dict, e: dict) -> bool:
    if g["kind"] != e["kind"] or g.get("status", "happened") != e["status"] or not set(g["sources"]) & _sources(e):
        return False
    if g["date"] and e["date"] and not (g["date"].startswith(e["date"]) or e["date"].startswith(g["date"])):
        return False
    need = set(g["participants"])
    return len(need & _names(e)) * 2 >= len(need)


def score_timeline(gold: list[dict], events: list[dict]) -> dict:
    """Precision, recall, date accuracy, source recall and merge errors of extracted events vs gold."""
    pairs = {(i, j) for i, g in enumerate(gold) for j, e in enumerate(events) if _matches(g, e)}
    rows, dates_ok, src_ok = [], 0, 0
    for i, g in enumerate(gold):
        js = sorted((j for gi, j in pairs if gi == i),
                    key=lambda j: -len(set(g["participants"]) & _names(events[j])))
        e = events[js[0]] if js else None
        date_ok = e is not None and e["date"] == g["date"]
        sources_ok = e is not None and _sources(e) == set(g["sources"])
        dates_ok += date_ok
        src_ok += sources_ok
        rows.append({"gold": g["id"], "kind": g["kind"], "gold_date": g["date"],
                     "got_date": e["date"] if e else None, "event": e["id"] if e else None, "matches": len(js),
                     "date_ok": date_ok, "sources_ok": sources_ok,
                     "missing_sources": sorted(set(g["sources"]) - (_sources(e) if e else set()))})
    matched_gold = {i for i, _ in pairs}
    matched_events = {j for _, j in pairs}
    split = sum(1 for r in rows if r["matches"] > 1)
    merged = sum(1 for j in range(len(events)) if sum(1 for _, jj in pairs if jj == j) > 1)
    foreign = [e["id"] for e in events if any(p["country"] in THIRD for p in e["participants"])]
    n_g, n_e = len(gold), len(events)
    return {
        "gold_events": n_g, "extracted_events": n_e,
        "precision": len(matched_events) / n_e if n_e else float("nan"),
        "recall": len(matched_gold) / n_g if n_g else float("nan"),
        "date_accuracy": dates_ok / len(matched_gold) if matched_gold else float("nan"),
        "date_accuracy_all": dates_ok / n_g if n_g else float("nan"),
        "source_recall": src_ok / n_g if n_g else float("nan"),
        "merge_errors": split + merged + sum(1 for r in rows if r["event"] and r["missing_sources"]),
        "split": split, "over_merged": merged, "third_country_events": len(foreign),
        "unmatched_events": [events[j]["id"] for j in range(n_e) if j not in matched_events],
        "rows": rows,
    }


def run(set_path: Path, out: Path, settings, *, corpus: str | None = None, progress: bool | None = None) -> dict:
    """Ingest the corpus into OUT/data, build the timeline, score it, write summary.json and report.md."""
    gold = json.loads(set_path.read_text(encoding="utf-8"))
    out.mkdir(parents=True, exist_ok=True)
    es = settings.with_(home=str(out / "data"), chroma_url="", collection="eval")
    lib = open_library(es)
    paths = [Path(corpus or settings.seeds)]
    print(ingest(lib, paths, progress=progress).summary(), file=sys.stderr)
    events = [e.to_dict() for e in contact_timeline(lib)]
    score = score_timeline(gold["events"], events)
    summary = {"set": str(set_path), **{k: v for k, v in score.items() if k != "rows"}}
    (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "timeline.json").write_text(json.dumps({"events": events}, ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "report.md").write_text(report(summary, score["rows"]), encoding="utf-8")
    return summary


def report(summary: dict, rows: list[dict]) -> str:
    lines = [f"# Timeline evaluation: {summary['set']}", "",
             "| metric | value |", "|---|---|"]
    for k in ("gold_events", "extracted_events", "precision", "recall", "date_accuracy", "source_recall",
              "merge_errors", "split", "over_merged", "third_country_events"):
        v = summary[k]
        lines.append(f"| {k} | {v:.3f} |" if isinstance(v, float) else f"| {k} | {v} |")
    lines += ["", "| gold event | kind | gold date | extracted date | matched | date | sources |", "|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['gold']} | {r['kind']} | {r['gold_date'] or '–'} | {r['got_date'] or '–'} | "
                     f"{r['event'] or 'MISSING'} | {'ok' if r['date_ok'] else 'WRONG'} | "
                     f"{'ok' if r['sources_ok'] else 'missing ' + ', '.join(r['missing_sources'])} |")
    if summary["unmatched_events"]:
        lines += ["", "Extracted events with no gold match: " + ", ".join(summary["unmatched_events"])]
    return "\n".join(lines) + "\n"


def run_cli(args, settings) -> int:
    summary = run(Path(args.set), Path(args.out), settings, corpus=args.corpus)
    for k in ("gold_events", "extracted_events", "precision", "recall", "date_accuracy", "source_recall",
              "merge_errors", "third_country_events"):
        v = summary[k]
        print(f"{k:22} {v:.3f}" if isinstance(v, float) else f"{k:22} {v}")
    print(f"\nreport: {Path(args.out) / 'report.md'}")
    return 0
