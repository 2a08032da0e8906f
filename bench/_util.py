"""Helpers shared by the benchmark scripts: timing, percentiles, tables, JSON output."""

from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "results"


def pct(values: list[float], p: float) -> float:
    v = sorted(values)
    return v[min(len(v) - 1, max(0, int(round(p / 100 * len(v) + 0.5)) - 1))] if v else float("nan")


def timed(fn, *args, **kw) -> tuple[float, object]:
    t = time.perf_counter()
    out = fn(*args, **kw)
    return (time.perf_counter() - t) * 1000, out


def summarize_ms(ms: list[float]) -> dict:
    return {"n": len(ms), "p50_ms": round(statistics.median(ms), 1), "p95_ms": round(pct(ms, 95), 1),
            "mean_ms": round(statistics.fmean(ms), 1)}


def latencies(fn, items, warmup: int = 3) -> dict:
    for x in items[:warmup]:
        fn(x)
    return summarize_ms([timed(fn, x)[0] for x in items])


def alternating(fns: dict[str, object], items: list, rounds: int = 2, warmup: int = 3) -> dict[str, dict]:
    """Latencies of several systems over the same items, in rounds whose order alternates (A B, B A, ...), so
    that none is always measured first or last; every system is warmed up before the first round."""
    names = list(fns)
    for name in names:
        for x in items[:warmup]:
            fns[name](x)
    ms: dict[str, list[float]] = {n: [] for n in names}
    for r in range(max(1, rounds)):
        for name in (names if r % 2 == 0 else names[::-1]):
            ms[name] += [timed(fns[name], x)[0] for x in items]
    return {n: summarize_ms(v) for n, v in ms.items()}


class Targets:
    """Product promises checked by a benchmark: each becomes a table cell saying met or MISSED with the
    figure, and the script exits 1 when any is missed."""

    def __init__(self):
        self.checks: list[dict] = []

    def check(self, measure: str, value: float, op: str, target: float, unit: str = "") -> str:
        met = value == value and (value <= target if op == "≤" else value >= target if op == "≥"
                                  else value < target if op == "<" else value > target)
        self.checks.append({"measure": measure, "value": value, "target": f"{op} {target}{unit}", "met": met})
        return f"{op} {target}{unit}: {'met' if met else 'MISSED'} ({value:g}{unit})"

    def report(self) -> int:
        if not self.checks:
            return 0
        missed = [c for c in self.checks if not c["met"]]
        print(f"\ntargets: {len(self.checks) - len(missed)} met, {len(missed)} missed"
              + "".join(f"\n  MISSED {c['measure']}: {c['value']:g} (target {c['target']})" for c in missed))
        return 1 if missed else 0


def rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def table(title: str, header: list[str], rows: list[list]) -> str:
    cells = [header] + [[("%.3f" % c if isinstance(c, float) and abs(c) < 10 else
                          "%.1f" % c if isinstance(c, float) else str(c)) for c in r] for r in rows]
    widths = [max(len(str(r[i])) for r in cells) for i in range(len(header))]
    line = lambda r: "| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |"  # noqa: E731
    out = [f"\n## {title}\n", line(cells[0]), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [line(r) for r in cells[1:]]
    return "\n".join(out)


def save(name: str, data: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    data = {"machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]}, **data}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def env_offline() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RAG_", "OPENAI_"))}
    env.update({"GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"})
    return env


SETS = {"xquad": ROOT / "evals" / "xquad-ar" / "xquad.ar.json",
        "mlqa": ROOT / "evals" / "mlqa-ar" / "MLQA-dev-context-ar-question-ar.json",
        "arcd": ROOT / "evals" / "arcd" / "arcd.json"}


def load_squad_corpus(name: str, paragraphs: int | None = None) -> tuple[list[dict], list[dict]]:
    """(questions, corpus) of a SQuAD set kept in evals/; with `paragraphs`, only the first N paragraphs and
    their questions (a short run: its figures are not the set's)."""
    from evals.sets import load_squad
    questions, corpus = load_squad(SETS[name])
    if paragraphs:
        corpus = corpus[:paragraphs]
        keep = {d["id"] for d in corpus}
        questions = [q for q in questions if set(q["sources"]) & keep]
    return questions, corpus
