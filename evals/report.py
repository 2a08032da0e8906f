"""report.md and PNG charts for an evaluation run."""

from __future__ import annotations

from pathlib import Path

from .metrics import abstention_curve, answer_score, dedupe
from .summary import summary_table

CHART_METRICS = ["recall@1", "recall@5", "mrr@10", "answer_correct", "citation_precision", "citation_supported",
                 "abstention_precision", "abstention_recall", "judge_faithfulness"]


def _finish(plt, fig, ax, title: str, path: Path) -> str:
    """Title, legend and layout; save the chart and return its file name."""
    ax.set_title(title)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path.name


def _charts(out: Path, summary: dict, rows: list[dict], models: list[str]) -> list[str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    made = []
    metrics = [m for m in CHART_METRICS if any(m in summary["models"][x] for x in models)]
    if metrics:
        fig, ax = plt.subplots(figsize=(max(6, 1.3 * len(metrics)), 4))
        width = 0.8 / len(models)
        for i, model in enumerate(models):
            vals = [summary["models"][model].get(m, float("nan")) for m in metrics]
            bars = ax.bar([j + i * width for j in range(len(metrics))], vals, width, label=model)
            ax.bar_label(bars, fmt="%.2f", fontsize=7)
        ax.set_xticks([j + width * (len(models) - 1) / 2 for j in range(len(metrics))], metrics, rotation=30,
                      ha="right", fontsize=8)
        ax.set_ylim(0, 1.08)
        made.append(_finish(plt, fig, ax, "Metrics per model", out / "metrics.png"))
    curves = {m: abstention_curve([r for r in rows if r["model"] == m]) for m in models}
    if any(curves.values()):  # SQuAD 2.0 style: how abstention trades precision for recall as the bar moves
        fig, ax = plt.subplots(figsize=(6, 4))
        for m, curve in curves.items():
            if curve:
                ax.plot([p["recall"] for p in curve], [p["precision"] for p in curve], marker=".", label=m)
                now = [r for r in rows if r["model"] == m and answer_score(r) is not None]
                unans = [r for r in now if not r["answerable"]]
                abst = [r for r in now if r.get("abstained")]
                if unans and abst:  # the product's own bar
                    ax.plot([sum(not r["answerable"] for r in abst) / len(unans)],
                            [sum(not r["answerable"] for r in abst) / len(abst)], "k*", markersize=12,
                            label=f"{m}: the calibrated bar")
        ax.set_xlabel("abstention recall (unanswerable questions abstained)")
        ax.set_ylabel("abstention precision")
        ax.set_xlim(0, 1.02)
        ax.set_ylim(0, 1.02)
        made.append(_finish(plt, fig, ax, "Abstention precision-recall (moving the answerability bar)",
                            out / "abstention.png"))
        # SQuAD 2.0's two figures as the bar on the answerability score moves (0: the calibrated bar).
        fig, ax = plt.subplots(figsize=(6, 4))
        for m, curve in curves.items():
            if curve:
                xs = [p["shift"] for p in curve]
                ax.plot(xs, [p["HasAns"] for p in curve], label=f"{m}: HasAns (answerable, right answer)")
                ax.plot(xs, [p["NoAns"] for p in curve], linestyle="--", label=f"{m}: NoAns (unanswerable, abstained)")
        ax.axvline(0.0, color="k", linewidth=0.8)
        ax.set_xlabel("bar on the answerability score (0 = calibrated; answered when score >= bar)")
        ax.set_ylabel("share of questions")
        ax.set_ylim(0, 1.02)
        made.append(_finish(plt, fig, ax, "HasAns and NoAns against the bar", out / "answerability.png"))
    lat = {m: [r["latency_ms"] for r in rows if r["model"] == m and r.get("latency_ms") is not None] for m in models}
    if any(lat.values()):
        fig, ax = plt.subplots(figsize=(6, 3.5))
        for m, vals in lat.items():
            if vals:
                ax.hist(vals, bins=30, alpha=0.6, label=m)
        ax.set_xlabel("latency per question (ms)")
        ax.set_ylabel("questions")
        made.append(_finish(plt, fig, ax, "Latency distribution", out / "latency.png"))
    return made


def _short(text: str, n: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[:n] + "…"


def _cell(text: str) -> str:
    return _short(text).replace("|", "\\|")


def write_report(out: Path, summary: dict, rows: list[dict], models: list[str]) -> None:
    charts = _charts(out, summary, rows, models)
    lines = [f"# Evaluation: {Path(summary['set']).name}", "",
             f"{summary['questions']} questions · k={summary['k']} · fusion={summary['fusion']} · "
             f"models: {', '.join(models)}", "", "## Summary", "", summary_table(summary), ""]
    lines += [f"![{c}]({c})" for c in charts] + [""]
    by_q: dict[str, dict[str, dict]] = {}
    for r in rows:
        by_q.setdefault(r["id"], {})[r["model"]] = r
    if len(models) > 1:
        diff = [(qid, rs) for qid, rs in by_q.items()
                if len({bool(rs.get(m, {}).get("correct")) for m in models}) > 1
                or len({bool(rs.get(m, {}).get("abstained")) for m in models}) > 1]
        lines += ["## Where the models differ", "", f"{len(diff)} questions.", "",
                  "| id | question | " + " | ".join(models) + " |", "|---|---|" + "---|" * len(models)]
        for qid, rs in diff[:40]:
            cells = []
            for m in models:
                r = rs.get(m, {})
                tag = "error" if r.get("error") else "abstained" if r.get("abstained") else \
                    "✓" if r.get("correct") else "✗"
                cells.append(f"{tag}: {_cell(r.get('answer', r.get('error', '')))}")
            lines.append(f"| {qid} | {_cell(rs[models[0]]['question'] if models[0] in rs else '')} | "
                         + " | ".join(cells) + " |")
        lines.append("")
    lines += ["## Worst failures", ""]
    for m in models:
        fails = [r for r in rows if r["model"] == m and (r.get("error") or (r["answerable"] and not r.get("correct"))
                                                         or (not r["answerable"] and not r.get("abstained")))]

        def gold_rank(r):
            ret = dedupe(r.get("retrieved") or [])
            ranks = [ret.index(s) for s in r["sources"] if s in ret]
            return -(min(ranks) if ranks else 99)

        fails.sort(key=gold_rank)
        lines += [f"### {m}: {len(fails)} failures (showing up to 10, gold passage ranked lowest first)", ""]
        for r in fails[:10]:
            kind = "error" if r.get("error") else "answered an unanswerable question" if not r["answerable"] \
                else "abstained" if r.get("abstained") else "incorrect" if "answer" in r else "retrieval"
            lines += [f"- **{r['id']}** ({kind}): {_cell(r['question'])}",
                      f"  - gold: {', '.join(r['sources']) or '—'} · retrieved: {', '.join(dedupe(r.get('retrieved') or [])[:5])}"]
            if r.get("answer") or r.get("error"):
                lines.append(f"  - answer: {_cell(r.get('answer') or r.get('error'))}")
            for p in r.get("top_passages", [])[:3]:
                lines.append(f"  - passage {p['source']}: {_cell(p['text'], )}")
        lines.append("")
    (out / "report.md").write_text("\n".join(lines), encoding="utf-8")
