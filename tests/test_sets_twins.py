"""Copies of an article in a SQuAD set (evals/sets.py `first_copies`): ARCD repeats nine titles and shares two
paragraphs between differently titled articles. All copies are kept or withheld together by the unanswerable
variant and go to one split, decided by the first copy, so no "unanswerable" question has its paragraph (or
its article's twin) in the corpus and no title straddles dev and test."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from conftest import ROOT
from evals.sets import first_copies, load_set, paragraph_id


def _article(title: str, n: int, context: str | None = None) -> dict:
    return {"title": title, "paragraphs": [{"context": context or f"نص المقال {n} عن موضوع {n}.", "qas": [
        {"id": f"q{n}", "question": f"سؤال {n}؟", "answers": [{"text": f"موضوع {n}"}]}]}]}


def _write(tmp_path, articles):
    p = tmp_path / "squad.json"
    p.write_text(json.dumps({"data": articles}, ensure_ascii=False), encoding="utf-8")
    return p


def _by_id(questions):
    return {q["id"]: q for q in questions}


def test_same_title_copies_at_an_odd_and_an_even_index_go_together(tmp_path):
    """"twin" at 1 (odd: withheld; pair 0 → dev) and again at 6 (even: kept by its own index; pair 3 →
    test): the second copy follows the first, withheld and dev."""
    titles = ["a", "twin", "b", "c", "d", "e", "twin", "f"]
    p = _write(tmp_path, [_article(t, i) for i, t in enumerate(titles)])
    questions, corpus = load_set(p, unanswerable=True)
    q = _by_id(questions)
    assert q["q1"]["withheld"] is True and q["q6"].get("withheld") is True
    assert q["q1"]["answerable"] is False and q["q6"]["answerable"] is False and q["q6"]["sources"] == []
    assert q["q1"]["split"] == q["q6"]["split"] == "dev"
    ids = {d["id"] for d in corpus}
    assert paragraph_id("نص المقال 6 عن موضوع 6.") not in ids  # the twin's paragraph left the corpus too
    # the other articles keep their own index's rule
    assert [q[f"q{i}"]["answerable"] for i in (0, 2, 3, 4, 5, 7)] == [True, True, False, True, False, False]
    assert [q[f"q{i}"]["split"] for i in (0, 2, 3, 4, 5, 7)] == ["dev", "test", "test", "dev", "dev", "test"]
    # and the split alone (no --unanswerable) follows the first copy as well
    assert _by_id(load_set(p, split="test")[0]).keys() == {"q2", "q3", "q7"}


def test_a_kept_first_copy_keeps_its_later_twin(tmp_path):
    """"twin" at 0 (kept, dev) and at 3 (odd: withheld by its own index; test): both kept, both dev."""
    titles = ["twin", "a", "b", "twin"]
    q = _by_id(load_set(_write(tmp_path, [_article(t, i) for i, t in enumerate(titles)]), unanswerable=True)[0])
    assert q["q0"]["answerable"] and q["q3"]["answerable"] and "withheld" not in q["q3"]
    assert q["q0"]["split"] == q["q3"]["split"] == "dev"


def test_a_shared_paragraph_makes_copies_under_different_titles(tmp_path):
    """ARCD's سليمان القانوني (kept) and سليمان (withheld) share a paragraph: a copy, transitively with its own
    twins."""
    shared = "سليمان خان الأول بن سليم خان الأول."
    arts = [_article("سليمان القانوني", 0, shared), _article("a", 1), _article("b", 2), _article("سليمان", 3, shared),
            _article("c", 4), _article("سليمان", 5)]
    assert first_copies(arts) == [0, 1, 2, 0, 4, 0]
    q = _by_id(load_set(_write(tmp_path, arts), unanswerable=True)[0])
    assert all(q[f"q{i}"]["answerable"] and q[f"q{i}"]["split"] == "dev" for i in (0, 3, 5))


def test_untitled_articles_are_not_copies_of_each_other():
    assert first_copies([{"paragraphs": []}, {"title": "", "paragraphs": []}, {"title": " "}]) == [0, 1, 2]


@pytest.mark.parametrize("path", ["evals/arcd/arcd.json", "evals/xquad-ar/xquad.ar.json"])
def test_no_withheld_question_is_answerable_from_the_corpus_of_the_whole_sets(path):
    """On the real sets: no withheld question's paragraph is in the corpus, every title is wholly kept or
    wholly withheld and lies in one split."""
    data = json.loads((ROOT / path).read_text(encoding="utf-8"))["data"]
    context = {qa["id"]: para["context"] for a in data for para in a["paragraphs"] for qa in para["qas"]}
    title = {qa["id"]: a["title"] for a in data for para in a["paragraphs"] for qa in para["qas"]}
    questions, corpus = load_set(ROOT / path, unanswerable=True)
    ids = {d["id"] for d in corpus}
    placed = defaultdict(set)
    for q in questions:
        if q.get("withheld"):
            assert paragraph_id(context[q["id"]]) not in ids, q["id"]
        placed[title[q["id"]]].add((bool(q.get("withheld")), q["split"]))
    assert all(len(v) == 1 for v in placed.values()), {t: v for t, v in placed.items() if len(v) > 1}
