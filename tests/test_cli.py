import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SHAIBANI

TESTS = Path(__file__).resolve().parent


def run(args, home, extra_env=None, guard_log=None, timeout=600):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RAG_", "OPENAI_"))}
    env.update({"RAG_HOME": str(home), "PYTHONPATH": str(ROOT)})
    env.update(extra_env or {})
    code = "import sys; from rag.cli import main; sys.exit(main(sys.argv[1:]))"
    if guard_log:
        env["NETGUARD_LOG"] = str(guard_log)
        code = f"import sys; sys.path.insert(0, {str(TESTS)!r}); import netguard; " + code
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                          timeout=timeout, cwd=ROOT)


@pytest.fixture
def warm_home(fresh_settings):
    return fresh_settings.home_path


def test_first_ask_ingests_and_json_schema(warm_home, tmp_path):
    guard = tmp_path / "net.log"
    p = run(["ask", "متى زار الشيباني بغداد؟", "--json"], warm_home, guard_log=guard)
    assert p.returncode == 0, p.stderr
    assert "ingesting" in p.stderr
    lines = [line for line in p.stdout.splitlines() if line.strip()]
    assert len(lines) == 1, "exactly one JSON object on stdout"
    obj = json.loads(lines[0])
    assert {"question", "answer", "abstained", "citations", "model", "timings_ms"} <= set(obj)
    assert {"retrieve", "answer", "total"} <= set(obj["timings_ms"])
    assert obj["model"] == "extractive" and obj["abstained"] is False
    assert "14 من آذار 2025" in obj["answer"]
    for c in obj["citations"]:
        assert {"n", "source", "chunk_id", "title", "date", "outlet", "text"} <= set(c)
    import re
    for n in re.findall(r"\[(\d+)\]", obj["answer"]):
        assert obj["citations"][int(n) - 1]["n"] == int(n)
    assert obj["citations"][int(re.findall(r"\[(\d+)\]", obj["answer"])[0]) - 1]["source"] == SHAIBANI
    assert not guard.exists() or guard.read_text() == "", "no connection beyond loopback"


def test_ingest_and_ask_open_no_outside_connection(warm_home, tmp_path):
    guard = tmp_path / "net.log"
    p = run(["ingest"], warm_home, guard_log=guard)
    assert p.returncode == 0, p.stderr
    assert "5 added" in p.stdout
    p = run(["ask", "Who is the new head of Syrian intelligence?"], warm_home, guard_log=guard)
    assert p.returncode == 0, p.stderr
    assert "Sources:" in p.stdout and "[1]" in p.stdout
    assert not guard.exists() or guard.read_text() == "", guard.read_text()


def test_errors_are_one_line_without_traceback(warm_home):
    p = run(["ask", "   "], warm_home)
    assert p.returncode == 1
    assert p.stderr.strip().splitlines() == ["error: the question is empty: type a question about the articles"]
    p = run(["ingest", "/nonexistent/folder"], warm_home)
    assert p.returncode == 1 and "Traceback" not in p.stderr and "no such file or folder" in p.stderr
    p = run(["ask", "x", "--model", "nonsense"], warm_home)
    assert p.returncode == 1 and "unknown model 'nonsense'" in p.stderr
    p = run(["ask", "x"], warm_home, extra_env={"RAG_K": "many"})
    assert p.returncode == 1 and "RAG_K='many' is not a valid int" in p.stderr


def test_debug_shows_the_traceback(warm_home):
    p = run(["ask", "   ", "--debug"], warm_home)
    assert p.returncode != 0 and "Traceback" in p.stderr


def test_retrieve_json_and_library(warm_home):
    assert run(["ingest"], warm_home).returncode == 0
    p = run(["retrieve", "متى زار الشيباني بغداد؟", "-k", "3", "--json"], warm_home)
    hits = json.loads(p.stdout)
    assert len(hits) == 3 and hits[0]["source"] == SHAIBANI
    p = run(["library", "--json"], warm_home)
    docs = {d["source"]: d for d in json.loads(p.stdout)}
    assert len(docs) == 5
    # an article that states no date carries where the timeline places it; a dated one carries none
    assert docs[SHAIBANI]["date"] == "2025-04-01" and docs[SHAIBANI]["inferred_date"] is None
    undated = [d for d in docs.values() if not d["date"]]
    assert undated and all(d["inferred_date"] and d["inferred_date"]["basis"] for d in undated)
    p = run(["library"], warm_home)
    assert p.returncode == 0 and p.stdout.count("≈ ") == len(undated), p.stdout


def _chat(home, turns):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RAG_", "OPENAI_"))}
    env.update({"RAG_HOME": str(home), "PYTHONPATH": str(ROOT)})
    p = subprocess.run([sys.executable, "-m", "rag.cli", "chat"], input="\n".join(turns) + "\n\n",
                       capture_output=True, text=True, env=env, timeout=300, cwd=ROOT)
    assert p.returncode == 0, p.stderr
    # Each turn prints its answer (and "(understood as: …)" for a follow-up), then "Sources:", then the
    # passages and a "[model · … ms]" line: the answer of turn i lies between the end of turn i-1 and its
    # own "Sources:", and never includes the previous turn's passages.
    blocks = p.stdout.split("\nSources:")
    assert len(blocks) == len(turns) + 1, p.stdout
    answers = [blocks[0]] + [b.split(" ms]", 1)[1] for b in blocks[1:-1]]
    return [a.split("? ", 1)[-1].strip() for a in answers]


def test_terminal_chat_keeps_history(warm_home):
    """A follow-up ("and when did that happen?") is answered from the first question's subject, and the
    rewritten question is shown; a self-contained question after it is not glued to the history."""
    first, follow, japan = _chat(warm_home, ["من زار بغداد من وزراء الخارجية السوريين؟", "ومتى حدث ذلك؟",
                                             "ما هي عاصمة اليابان؟"])
    assert "الشيباني" in first
    assert "(understood as:" in follow and "بغداد" in follow.split("(understood as:", 1)[1]
    answer = follow.split("(understood as:", 1)[0]
    assert "14 من آذار 2025" in answer, follow
    assert "(understood as:" not in japan
    assert japan.startswith("لا تتضمن المصادر") and "14 من آذار" not in japan, japan


def test_ask_runs_each_step_of_a_question_once(fresh_settings, monkeypatch, capsys):
    """`rag ask` in process on a library that is already there: the question is validated once, the model
    resolved once, the library checked for emptiness once, the question embedded once, retrieval, the answer
    and its citation check run once, and the lexical index's generation read once."""
    from collections import Counter
    import rag.answer.chain
    import rag.answer.citations
    import rag.cli
    import rag.index.embeddings
    import rag.answer.questions
    import rag.answer.resolve
    import rag.index.retrieve
    import rag.index.store
    from rag import ingest, open_library
    lib = open_library(fresh_settings)
    ingest(lib, [ROOT / "seeds"], progress=False)
    calls = Counter()

    def count(owner, name, label=None):
        real = getattr(owner, name)

        def wrapper(*a, **kw):
            calls[label or name] += 1
            return real(*a, **kw)
        monkeypatch.setattr(owner, name, wrapper)

    count(rag.answer.questions, "plain_question", "validate")
    count(rag.answer.resolve, "resolve_model")
    count(rag.index.store.Store, "count_documents", "is_empty")
    count(rag.index.store.Store, "generation", "lexical generation")
    count(rag.index.embeddings.E5Embeddings, "embed_query_vector", "embed question")
    count(rag.answer.chain, "hybrid_search", "retrieve")
    count(rag.answer.chain, "check", "citation check")
    monkeypatch.setenv("RAG_HOME", str(fresh_settings.home_path))
    assert rag.cli.main(["ask", "متى زار الشيباني بغداد؟", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["citations"]
    assert dict(calls) == {"validate": 1, "resolve_model": 1, "is_empty": 1, "lexical generation": 1,
                           "embed question": 1, "retrieve": 1, "citation check": 1}, dict(calls)


def test_timeline_takes_a_kind_in_arabic_and_a_bad_option_is_one_line(seeded_settings, capsys):
    """`rag timeline --kind زيارة` is `--kind visit`; a kind it does not know, or an option it does not take, is one
    line naming the kinds (or the help), exit 2, no usage block (found by this session's new-user review)."""
    import pytest
    from rag.cli import main
    assert main(["timeline", "--home", seeded_settings.home, "--kind", "زيارة", "--json"]) == 0
    arabic = json.loads(capsys.readouterr().out)["events"]
    assert main(["timeline", "--home", seeded_settings.home, "--kind", "visit", "--json"]) == 0
    assert arabic and arabic == json.loads(capsys.readouterr().out)["events"]
    for argv in (["timeline", "--kind", "xyz"], ["timeline", "--bogus"]):
        with pytest.raises(SystemExit) as stop:
            main(argv)
        err = capsys.readouterr().err.strip().splitlines()
        assert stop.value.code == 2 and len(err) == 1 and err[0].startswith("error: ") and "--help" in err[0], err
        assert "--kind" not in argv or ("visit" in err[0] and "زيارة" in err[0]), err
