import json
import math

import pytest

from conftest import ROOT
from evals.metrics import dedupe, is_correct, percentile, recall_at, reciprocal_rank, summarize
from evals.sets import load_set, load_squad, paragraph_id
from ui_support import warm_home


def test_retrieval_metrics():
    ret = ["a", "a", "b", "c", "d"]
    assert dedupe(ret) == ["a", "b", "c", "d"]
    assert recall_at(ret, ["b"], 1) == 0 and recall_at(ret, ["b"], 2) == 1
    assert reciprocal_rank(ret, ["c"]) == pytest.approx(1 / 3)
    assert reciprocal_rank(ret, ["z"]) == 0


def test_answer_correctness_needs_every_group_after_normalisation():
    groups = [["14 من آذار", "March 14"], ["الشيباني"]]
    assert is_correct("زار الشّيباني بغداد في 14 من اذار 2025 [1]", groups)
    assert not is_correct("زار الشيباني بغداد [1]", groups)
    assert not is_correct("anything", [])


def test_percentile_and_summary():
    assert percentile([5, 1, 3, 2, 4], 50) == 3 and percentile([1, 2, 3, 4, 100], 95) == 100
    assert math.isnan(percentile([], 50))
    rows = [
        {"answerable": True, "sources": ["s1"], "retrieved": ["s1"], "answer": "x [1]", "abstained": False,
         "correct": True, "citations": ["s1", "s2"], "cited_sentences": 2, "unsupported": 1, "latency_ms": 10},
        {"answerable": True, "sources": ["s2"], "retrieved": ["s1", "s2"], "answer": "-", "abstained": True,
         "correct": False, "citations": [], "cited_sentences": 0, "unsupported": 0, "latency_ms": 30},
        {"answerable": False, "sources": [], "retrieved": ["s1"], "answer": "-", "abstained": True,
         "correct": False, "citations": [], "cited_sentences": 0, "unsupported": 0, "latency_ms": 20},
        {"answerable": False, "sources": [], "retrieved": ["s3"], "answer": "y [1]", "abstained": False,
         "correct": False, "citations": ["s3"], "cited_sentences": 1, "unsupported": 0, "latency_ms": 40},
        {"answerable": True, "sources": ["s1"], "error": "boom", "latency_ms": 1},
    ]
    s = summarize(rows)
    assert s["errors"] == 1 and s["questions"] == 5
    assert s["recall@1"] == 0.5 and s["recall@5"] == 1.0 and s["mrr@10"] == 0.75
    assert s["answer_correct"] == 0.5 and s["answered_rate"] == 0.5
    assert s["citation_precision"] == pytest.approx(1 / 3)  # s1 gold; s2 and s3 not
    assert s["citation_supported"] == pytest.approx(2 / 3)
    assert s["abstention_precision"] == 0.5 and s["abstention_recall"] == 0.5
    assert s["latency_p50_ms"] == 20 and s["latency_p95_ms"] == 40


def test_squad_loader(tmp_path):
    f = tmp_path / "s.json"
    f.write_text(json.dumps({"data": [{"title": "t", "paragraphs": [
        {"context": "فقرة أولى عن بغداد.", "qas": [{"id": "q1", "question": "ما؟", "answers": [
            {"text": "بغداد", "answer_start": 10}, {"text": "بغداد", "answer_start": 10}]}]},
        {"context": "فقرة أولى عن بغداد.", "qas": [{"id": "q2", "question": "أين؟", "answers": [{"text": "فقرة"}]}]},
        {"context": "فقرة ثانية.", "qas": [{"id": "q3", "question": "لا؟", "answers": [], "is_impossible": True}]}]}]},
        ensure_ascii=False), encoding="utf-8")
    qs, corpus = load_squad(f)
    assert len(corpus) == 2 and corpus[0]["id"] == paragraph_id("فقرة أولى عن بغداد.")
    assert qs[0]["answers"] == [["بغداد"]] and qs[0]["sources"] == [corpus[0]["id"]]
    assert qs[1]["sources"] == [corpus[0]["id"]]
    assert not qs[2]["answerable"] and qs[2]["sources"] == []


def test_seeds_set_is_well_formed():
    qs, corpus = load_set(ROOT / "evals" / "seeds_qa.jsonl")
    assert corpus is None and len(qs) >= 40
    assert sum(not q["answerable"] for q in qs) >= 10
    assert any(len(q["sources"]) > 1 for q in qs)
    assert any(q["question"].isascii() for q in qs) and any(not q["question"].isascii() for q in qs)
    seeds = {p.name for p in (ROOT / "seeds").iterdir()}
    for q in qs:
        assert set(q["sources"]) <= seeds
        assert bool(q["answers"]) == q["answerable"]


def test_regression_guard_on_seeds(tmp_path, seeded_settings):
    """A run writes its files and resumes without asking again (its floors: tests/test_quality_floors.py)."""
    from evals.runner import run
    out = tmp_path / "run"
    warm_home(out / "data", seeded_settings.home_path)
    summary = run(ROOT / "evals" / "seeds_qa.jsonl", out, seeded_settings, ["extractive"], progress=False)
    assert summary["models"]["extractive"]["errors"] == 0
    # Arabic and English questions are reported apart, and together they are the whole set
    langs = summary["languages"]
    assert set(langs) == {"ar", "en"}
    assert sum(langs[x]["extractive"]["questions"] for x in langs) == summary["questions"]
    assert langs["en"]["extractive"]["questions"] == sum(q["question"].isascii() for q in load_set(
        ROOT / "evals" / "seeds_qa.jsonl")[0])
    assert "| metric | extractive | extractive · ar | extractive · en |" in (out / "report.md").read_text("utf-8")
    for name in ("results.jsonl", "summary.json", "report.md", "metrics.png", "latency.png"):
        assert (out / name).stat().st_size > 0
    assert len((out / "results.jsonl").read_text().splitlines()) == summary["questions"]
    # resuming asks nothing again
    again = run(ROOT / "evals" / "seeds_qa.jsonl", out, seeded_settings, ["extractive"], progress=False)
    assert len((out / "results.jsonl").read_text().splitlines()) == summary["questions"]
    assert again["models"] == summary["models"]


def test_two_models_side_by_side_with_a_judge(tmp_path, seeded_settings):
    from evals.runner import run
    from fake_openai import FakeOpenAI
    fake = FakeOpenAI()
    try:
        out = tmp_path / "two"
        warm_home(out / "data", seeded_settings.home_path)
        s = seeded_settings.with_(llm_base_url=fake.base_url, llm_retries=0)
        summary = run(ROOT / "evals" / "seeds_qa.jsonl", out, s, ["extractive", "openai:good"], limit=6,
                      progress=False, judge="openai:judge")
    finally:
        fake.stop()
    assert set(summary["models"]) == {"extractive", "openai:good"}
    good = summary["models"]["openai:good"]
    assert good["questions"] == 6 and good["errors"] == 0 and "judge_faithfulness" in good
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "| metric | extractive | openai:good |" in report and "## Where the models differ" in report
    rows = [json.loads(x) for x in (out / "results.jsonl").read_text().splitlines()]
    assert {r["model"] for r in rows} == {"extractive", "openai:good"} and len(rows) == 12
    assert all(r["prompt"].startswith("answer@") for r in rows if r["model"] == "openai:good")


def test_a_run_refuses_a_data_folder_holding_its_articles_from_elsewhere(tmp_path, seeded_settings):
    """Ingest refuses to replace an article that came from another file; a run must then stop, naming the
    fix, rather than measure the articles as the earlier ingest stored them."""
    import shutil
    from evals.runner import run
    from rag import RagError
    out = tmp_path / "run"
    warm_home(out / "data", seeded_settings.home_path)
    run(ROOT / "evals" / "seeds_qa.jsonl", out, seeded_settings, ["extractive"], progress=False, limit=1)
    other = tmp_path / "elsewhere"
    shutil.copytree(ROOT / "seeds", other)
    first = sorted(other.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nفقرة أضيفت إلى نسخة أخرى من المقال.\n", encoding="utf-8")
    before = (out / "results.jsonl").read_text()
    with pytest.raises(RagError, match="fresh --out"):
        run(ROOT / "evals" / "seeds_qa.jsonl", out, seeded_settings, ["extractive"], progress=False, limit=1,
            corpus=str(other))
    assert (out / "results.jsonl").read_text() == before


def test_unanswerable_variant_withholds_every_second_article(tmp_path):
    """`--unanswerable`: a withheld article's paragraphs leave the corpus and its questions stay, unanswerable,
    with no source; the other articles' questions stay answerable with their paragraph in the corpus."""
    data = {"data": [{"title": f"a{i}", "paragraphs": [{"context": f"نص المقال {i} عن موضوع {i}.", "qas": [
        {"id": f"q{i}", "question": f"سؤال {i}؟", "answers": [{"text": f"موضوع {i}"}]}]}]} for i in range(4)]}
    p = tmp_path / "squad.json"
    p.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    questions, corpus = load_set(p, unanswerable=True)
    ids = {d["id"] for d in corpus}
    assert len(corpus) == 2 and len(questions) == 4
    for q in questions:
        withheld = q["id"] in ("q1", "q3")
        assert q["answerable"] is not withheld and q.get("withheld", False) is withheld
        assert (q["sources"] == []) if withheld else (set(q["sources"]) <= ids and q["sources"])
    with pytest.raises(Exception, match="SQuAD"):
        load_set(ROOT / "evals" / "seeds_qa.jsonl", unanswerable=True)


def test_a_set_with_an_articles_folder_is_its_own_corpus(tmp_path):
    from evals.sets import set_corpus
    (tmp_path / "articles").mkdir()
    (tmp_path / "qa.jsonl").write_text('{"id": "1", "question": "q?", "split": "test"}\n', encoding="utf-8")
    assert set_corpus(tmp_path / "qa.jsonl") == tmp_path / "articles"
    assert set_corpus(ROOT / "evals" / "seeds_qa.jsonl") is None
    assert load_set(tmp_path / "qa.jsonl")[0][0]["split"] == "test"  # kept for the dev / held-out split


def test_hasans_noans_and_the_abstention_curve():
    """SQuAD 2.0's split of the score, false abstentions, gold cited, and the precision-recall of abstention
    as the bar moves (a rule's abstention never answers, whatever the bar)."""
    from evals.metrics import abstention_curve
    rows = [
        {"answerable": True, "abstained": False, "correct": True, "score": 0.3, "sources": ["a"], "citations": ["a"]},
        {"answerable": True, "abstained": False, "correct": False, "score": 0.1, "sources": ["a"], "citations": ["b"]},
        {"answerable": True, "abstained": True, "correct": False, "score": -0.1, "sources": ["a"], "citations": []},
        {"answerable": False, "abstained": True, "score": -0.2, "sources": [], "citations": []},
        {"answerable": False, "abstained": True, "score": 0.4, "sources": [], "citations": []},  # a rule
        {"answerable": False, "abstained": False, "score": 0.05, "sources": [], "citations": ["a"]},
    ]
    for r in rows:
        r.update(answer="x", latency_ms=1.0)
    s = summarize(rows)
    assert math.isclose(s["HasAns"], 1 / 3) and math.isclose(s["NoAns"], 2 / 3)
    assert math.isclose(s["false_abstention"], 1 / 3) and math.isclose(s["gold_cited"], 1 / 3)
    curve = abstention_curve(rows)
    assert curve[0]["recall"] == 1 / 3 and curve[-1]["recall"] == 1.0  # the rule's abstention at every bar
    assert all(0 <= p["precision"] <= 1 for p in curve)
    assert [p["NoAns"] for p in curve] == sorted(p["NoAns"] for p in curve)
