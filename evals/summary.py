"""The summary of an evaluation run as a Markdown table (used by the runner and the report)."""

from __future__ import annotations


def summary_table(summary: dict) -> str:
    """The summary as a Markdown table, metrics as rows and models as columns; when the set mixes
    languages, one column per model and language follows the whole-set column ("extractive · en")."""
    cols = {m: summary["models"][m] for m in summary["models"]}
    for lang, per_model in summary.get("languages", {}).items():
        for m, got in per_model.items():
            cols[f"{m} · {lang}"] = got
    for split, per_model in summary.get("splits", {}).items():
        for m, got in per_model.items():
            cols[f"{m} · {split}"] = got
    models = list(cols)
    metrics = list(dict.fromkeys(k for m in models for k in cols[m]))
    lines = ["| metric | " + " | ".join(models) + " |", "|---|" + "---|" * len(models)]
    for key in metrics:
        vals = []
        for m in models:
            v = cols[m].get(key)
            vals.append("–" if v is None or v != v else (f"{v:.3f}" if isinstance(v, float) and v < 10 else
                                                           f"{v:.0f}" if isinstance(v, float) else str(v)))
        lines.append(f"| {key} | " + " | ".join(vals) + " |")
    return "\n".join(lines)
