"""CI guards for the quality figures: every set in evals/floors.json is run through `rag eval`'s own runner
(retrieval-only for the SQuAD sets, the full answer path for the seeds' held-out part) and each metric must
stay at or above its floor. Each run prints measured-at-release vs floor vs now, so a lead re-measuring after
a change sees at once what to write into the one JSON file.

To update after a deliberate change: run `.venv/bin/python -m pytest -m slow -s tests/test_quality_floors.py`,
copy the "now" figures into "measured", and set retrieval floors to measured - 0.01 (the rule below checks it).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from conftest import ROOT

FLOORS_FILE = ROOT / "evals" / "floors.json"
RETRIEVAL_MARGIN = 0.01  # CI fails if R@1 or MRR@10 drops more than this below the measured figure


def _floors() -> dict:
    return {k: v for k, v in json.loads(FLOORS_FILE.read_text(encoding="utf-8")).items() if not k.startswith("_")}


RETRIEVAL = sorted(k for k, v in _floors().items() if v.get("retrieval_only"))
ANSWERS = sorted(k for k, v in _floors().items() if not v.get("retrieval_only"))


def test_floors_file_is_coherent():
    """Every set named exists; retrieval floors sit exactly the margin below the measured figure (so nobody
    lowers a floor without writing down a lower measurement); every floor is at most its measurement."""
    floors = _floors()
    assert {"xquad-ar", "mlqa-ar", "arcd", "seeds"} <= set(floors)
    for name, spec in floors.items():
        assert (ROOT / spec["set"]).exists(), f"{name}: {spec['set']} is missing"
        assert spec["floors"], f"{name} has no floors"
        for metric, floor in spec["floors"].items():
            measured = spec["measured"][metric]
            assert floor <= measured, f"{name} {metric}: floor {floor} above its measurement {measured}"
            if spec.get("retrieval_only"):
                assert math.isclose(floor, round(measured - RETRIEVAL_MARGIN, 3), abs_tol=1e-9), \
                    f"{name} {metric}: floor {floor} is not measured {measured} - {RETRIEVAL_MARGIN}"
        for part, lspec in {**spec.get("languages", {}), **spec.get("splits", {})}.items():
            assert all(f <= lspec["measured"][m] for m, f in lspec["floors"].items()), f"{name} {part}"
        if spec.get("retrieval_only"):
            assert {"recall@1", "mrr@10"} <= set(spec["floors"]), f"{name}: R@1 and MRR@10 floors are required"
    assert {"answer_correct", "citation_precision", "citation_supported", "abstention_precision",
            "abstention_recall", "answered_rate"} <= set(floors["seeds"]["floors"])


def _check(name: str, spec: dict, got: dict) -> None:
    lines, failed = [], []
    for metric, floor in spec["floors"].items():
        now = got.get(metric, float("nan"))
        ok = now == now and now >= floor - 1e-9
        lines.append(f"  {metric:22s} measured {spec['measured'][metric]:.3f}  floor {floor:.3f}  now {now:.3f}"
                     f"  {'ok' if ok else 'BELOW FLOOR'}")
        if not ok:
            failed.append(f"{metric} {now:.3f} < floor {floor:.3f}")
    part = f", first {spec['paragraphs']} paragraphs" if spec.get("paragraphs") else ""
    print(f"\n{name} ({spec['set']}{part}, {got.get('questions')} questions):\n" + "\n".join(lines))
    assert not failed, f"{name}: " + "; ".join(failed)


def _subset(path: Path, paragraphs: int | None, out: Path) -> Path:
    """The set itself, or (sized for CI) its first `paragraphs` paragraphs in file order with their questions:
    a fixed, deterministic subset whose own figure is what floors.json records."""
    if not paragraphs:
        return path
    data = json.loads(path.read_text(encoding="utf-8"))
    kept, articles = 0, []
    for article in data["data"]:
        paras = article["paragraphs"][:paragraphs - kept]
        if paras:
            articles.append({**article, "paragraphs": paras})
            kept += len(paras)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"data": articles, "version": data.get("version", "")}, ensure_ascii=False),
                   encoding="utf-8")
    return out


@pytest.mark.slow
@pytest.mark.parametrize("name", RETRIEVAL)
def test_retrieval_floors(name, tmp_path):
    from evals.runner import run
    from rag import load_settings
    spec = _floors()[name]
    path = _subset(ROOT / spec["set"], spec.get("paragraphs"), tmp_path / "subset" / f"{name}.json")
    summary = run(path, tmp_path / name, load_settings(env={}), ["extractive"], retrieval_only=True, progress=False)
    got = summary["models"]["extractive"]
    assert got["errors"] == 0 and got["questions"] >= spec.get("min_questions", 1)
    _check(name, spec, got)


@pytest.mark.slow
@pytest.mark.parametrize("name", ANSWERS)
def test_answer_floors(name, tmp_path, seeded_settings):
    from evals.runner import run
    from ui_support import warm_home
    spec = _floors()[name]
    out = tmp_path / name
    warm_home(out / "data", seeded_settings.home_path)
    path = ROOT / spec["set"]
    from evals.sets import set_corpus
    corpus = set_corpus(path)  # a set with its own articles/ folder (evals/real/*) is asked over them
    if spec.get("unanswerable"):  # SQuAD 2.0-style variant of a SQuAD set, on its CI subset (evals/sets.py)
        path = _subset(path, spec.get("paragraphs"), tmp_path / "subset" / f"{name}.json")
    if spec.get("split"):  # only the questions marked with this split (e.g. "test": held out from calibration)
        lines = [x for x in path.read_text(encoding="utf-8").splitlines()
                 if x.strip() and json.loads(x).get("split") == spec["split"]]
        assert lines, f"{name}: no question has split {spec['split']!r}"
        path = tmp_path / f"{name}-{spec['split']}.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = run(path, out, seeded_settings, [spec.get("model", "extractive")], progress=False,
                  corpus=str(corpus) if corpus else None, unanswerable=bool(spec.get("unanswerable")))
    got = summary["models"][spec.get("model", "extractive")]
    assert got["errors"] == 0 and got["questions"] >= spec.get("min_questions", 1)
    _check(name, spec, got)
    for lang, lspec in spec.get("languages", {}).items():  # Arabic and English questions apart
        _check(f"{name} ({lang})", {"set": spec["set"], **lspec}, summary["languages"][lang][spec.get("model", "extractive")])
    for part, pspec in spec.get("splits", {}).items():  # a SQuAD set's dev and held-out parts (evals/sets.py)
        _check(f"{name} ({part})", {"set": spec["set"], **pspec}, summary["splits"][part][spec.get("model", "extractive")])
