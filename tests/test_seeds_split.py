"""Quality on the seeds questions that abstention was NOT calibrated on ("split": "test"), reported by language.

The abstention bars in rag/answer/extractive.py are set on the calibration part of evals/seeds_qa.jsonl; the
held-out part (lists, statements, multi-article, chronology, English, traps) must stay above its own floors.
"""

import json

from conftest import ROOT
from evals.metrics import summarize
from rag import language
from ui_support import warm_home


def test_held_out_questions_stay_above_their_floors(tmp_path, seeded_settings):
    from evals.runner import run
    out = tmp_path / "run"
    warm_home(out / "data", seeded_settings.home_path)
    run(ROOT / "evals" / "seeds_qa.jsonl", out, seeded_settings, ["extractive"], progress=False)
    split = {}
    for line in (ROOT / "evals" / "seeds_qa.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            q = json.loads(line)
            split[q["id"]] = q.get("split", "calib")
    rows = [json.loads(x) for x in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    held = [r for r in rows if split[r["id"]] == "test"]
    assert len(held) >= 25 and {r["answerable"] for r in held} == {True, False}
    got = summarize(held)
    spec = json.loads((ROOT / "evals" / "floors.json").read_text())["seeds"]
    assert spec.get("split") == "test", "the seeds floors must be measured on the held-out questions"
    for key, floor in spec["floors"].items():
        assert got[key] >= floor, f"held-out {key} {got[key]:.3f} fell below its floor {floor}"
    # Both languages are answered and abstained on: neither is carried by the other.
    for lang in ("ar", "en"):
        part = summarize([r for r in held if language(r["question"]) == lang])
        assert part["answer_correct"] >= 0.8, (lang, part)
        assert part["abstention_recall"] >= 0.9, (lang, part)
