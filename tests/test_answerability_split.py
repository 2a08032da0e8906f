"""The development / held-out split of the SQuAD sets (evals/sets.py, issue 28): the answerability score's
weights and bar are chosen on "dev" and only measured on "test"."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT
from evals.sets import load_set, squad_split


def _squad(tmp_path, n=8):
    data = {"data": [{"title": f"a{i}", "paragraphs": [{"context": f"نص المقال {i} عن موضوع {i}.", "qas": [
        {"id": f"q{i}", "question": f"سؤال {i}؟", "answers": [{"text": f"موضوع {i}"}]}]}]} for i in range(n)]}
    p = tmp_path / "squad.json"
    p.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return p


def test_articles_split_in_alternating_pairs():
    """Pairs of articles (one kept, one withheld by the unanswerable variant) alternate dev, test."""
    assert [squad_split(i) for i in range(8)] == ["dev", "dev", "test", "test"] * 2


def test_each_part_holds_answerable_and_unanswerable_questions_over_the_whole_corpus(tmp_path):
    p = _squad(tmp_path)
    everything, whole = load_set(p, unanswerable=True)
    dev, corpus_dev = load_set(p, unanswerable=True, split="dev")
    test, corpus_test = load_set(p, unanswerable=True, split="test")
    assert [q["id"] for q in dev] == ["q0", "q1", "q4", "q5"] and [q["id"] for q in test] == ["q2", "q3", "q6", "q7"]
    assert corpus_dev == corpus_test == whole  # the corpus never depends on the split
    for part in (dev, test):
        assert {q["answerable"] for q in part} == {True, False}
    assert {q["split"] for q in everything} == {"dev", "test"}


def test_a_jsonl_set_splits_on_its_field(tmp_path):
    p = tmp_path / "qa.jsonl"
    p.write_text('{"id": "1", "question": "a?"}\n{"id": "2", "question": "b?", "split": "test"}\n', encoding="utf-8")
    assert [q["id"] for q in load_set(p, split="dev")[0]] == ["1"]
    assert [q["id"] for q in load_set(p, split="test")[0]] == ["2"]
    with pytest.raises(Exception, match="split"):
        load_set(p, split="train")


def test_the_whole_sets_split_about_evenly():
    for path in ("evals/xquad-ar/xquad.ar.json", "evals/arcd/arcd.json"):
        dev = load_set(ROOT / path, unanswerable=True, split="dev")[0]
        test = load_set(ROOT / path, unanswerable=True, split="test")[0]
        assert 0.4 < len(dev) / (len(dev) + len(test)) < 0.6
        for part in (dev, test):
            share = sum(not q["answerable"] for q in part) / len(part)
            assert 0.35 < share < 0.65
