"""The timeline of contacts: gold timeline of the seeds, filters, order, answers from events, CLI."""

import json

import pytest

from conftest import ROOT

from rag.text.arabic import normalize


@pytest.fixture(scope="module")
def events(seeded_library):
    from rag import contact_timeline as timeline
    return timeline(seeded_library)


def test_gold_timeline_of_the_seeds_is_matched_above_the_floors(events):
    from evals.timeline import score_timeline
    gold = json.loads((ROOT / "evals" / "seeds_timeline.json").read_text(encoding="utf-8"))["events"]
    floors = json.loads((ROOT / "evals" / "floors.json").read_text())["_timeline"]
    got = score_timeline(gold, [e.to_dict() for e in events])
    for key in ("precision", "recall", "date_accuracy", "source_recall"):
        assert got[key] >= floors[key], (key, got[key], got["rows"])
    assert got["merge_errors"] <= floors["merge_errors_max"], got["rows"]
    assert got["third_country_events"] <= floors["third_country_events_max"]


def test_scoring_counts_a_split_contact_and_a_wrong_date():
    from evals.timeline import score_timeline
    gold = [{"id": "g", "kind": "call", "status": "happened", "date": "2025-01-06", "participants": ["A", "B"],
             "sources": ["s1", "s2"]}]

    def ev(i, src, date):
        return {"id": i, "kind": "call", "status": "happened", "date": date,
                "participants": [{"name_en": "A", "country": "Iraq"}, {"name_en": "B", "country": "Syria"}],
                "citations": [{"source": src}]}
    split = score_timeline(gold, [ev("e1", "s1", "2025-01-06"), ev("e2", "s2", None)])
    assert split["split"] == 1 and split["merge_errors"] >= 1 and split["precision"] == 1.0
    wrong = score_timeline(gold, [ev("e1", "s1", None)])
    assert wrong["date_accuracy"] == 0.0 and wrong["source_recall"] == 0.0
    # strict: an event found on a dated gold contact's day is not also a split of a gold contact without a day
    undated = dict(gold[0], id="u", date=None)
    both = score_timeline([gold[0], undated], [ev("e1", "s1", "2025-01-06"), ev("e2", "s2", "2025-03-01")])
    assert both["duplicates"] == 1 and both["recall"] == 1.0
    assert both["strict"] == {"precision": 1.0, "recall": 1.0, "duplicates": 0, "dated_date_accuracy": 1.0}
    alone = score_timeline([gold[0], undated], [ev("e1", "s1", "2025-01-06")])
    assert alone["recall"] == 1.0 and alone["strict"]["recall"] == 0.5  # the undated one was never found


def test_events_are_in_date_order_and_undated_ones_are_marked(events):
    keys = [e.date or e.article_date.estimate for e in events]
    assert keys == sorted(keys)
    undated = [e.to_dict() for e in events if e.date is None]
    assert undated and all(d["undated"] and d["article_date"] and d["date_basis"] for d in undated)
    shatri = [e for e in events if any(p["name_en"] == "Hamid al-Shatri" for p in e.participants)]
    assert len(shatri) == 1 and len(shatri[0].sources) == 3  # one visit, reported by three articles


def test_event_json_has_the_issue_format(events):
    for e in events:
        d = json.loads(json.dumps(e.to_dict(), ensure_ascii=False))
        assert d["kind"] in ("visit", "call", "meeting", "delegation", "statement")
        assert d["status"] in ("happened", "planned")
        assert d["date"] is None or len(d["date"]) in (7, 10)
        assert all({"name", "role", "country"} <= set(p) for p in d["participants"])
        assert all({"source", "chunk_id", "text", "start", "end"} <= set(c) for c in d["citations"])
        assert {p["country"] for p in d["participants"]} <= {"Iraq", "Syria"}


def test_filters_by_period_person_and_kind(seeded_library, events):
    from rag import contact_timeline as timeline
    q1 = timeline(seeded_library, since="2025-01-01", until="2025-03-31")
    assert q1 and all(e.date and "2025-01-01" <= e.date <= "2025-03-31" for e in q1)
    assert len(q1) < len(events)
    ar = timeline(seeded_library, who="الشيباني")
    assert [e.id for e in ar] == [e.id for e in timeline(seeded_library, who="Shaibani")]
    assert ar and all(any(p["name_en"] == "Asaad al-Shaibani" for p in e.participants) for e in ar)
    calls = timeline(seeded_library, kind="call")
    assert calls and all(e.kind == "call" for e in calls)
    assert timeline(seeded_library, who="Abdelatty") == []  # Egypt's minister: not an Iraq–Syria contact


def test_aggregate_questions_are_answered_from_events_in_the_question_language(seeded_library):
    from rag import answer_from_timeline
    ar = answer_from_timeline("من اتصل بمن بعد سقوط الأسد؟", seeded_library)
    assert ar is not None and not ar.abstained
    assert all(e.kind == "call" and e.date >= "2024-12-08" for e in ar.events) and len(ar.events) == 2
    en = answer_from_timeline("Which Iraqi officials have been to Damascus?", seeded_library)
    assert en is not None and "Hamid al-Shatri" in en.text and "Damascus" in en.text
    none = answer_from_timeline("What contacts were there between Iraq and Syria in 2023?", seeded_library)
    assert none is not None and none.abstained and none.events == []
    assert answer_from_timeline("متى زار الشيباني بغداد؟", seeded_library) is None  # one fact: passage path
    assert answer_from_timeline("What was discussed in the meetings?", seeded_library) is None  # content: passages


def test_pipeline_answers_a_chronological_question_with_checked_citations(pipeline, seeded_library):
    a = pipeline.ask("What was the last contact reported?")
    assert a.model == "timeline" and not a.abstained and a.cited
    assert "2025-04-01" in a.answer and "Mohammed Shia al-Sudani" in a.answer
    assert a.unsupported == [] and a.invalid_citations == []
    for n in a.cited:  # each marker's passage holds the quoted sentence
        c = a.citations[n - 1]
        assert c.source == "001_be86418023dbb8c5.txt"
    quotes = [line.split("«", 1)[1].split("»", 1)[0] for line in a.answer.splitlines() if "«" in line]
    assert quotes and all(any(normalize(q) in normalize(c.text) for c in a.citations) for q in quotes)
    other = pipeline.ask("متى زار الشيباني بغداد؟")
    assert other.model != "timeline"


def test_cli_timeline_json_and_a_bad_date(seeded_settings, capsys):
    from rag.cli import main
    assert main(["timeline", "--json", "--home", seeded_settings.home, "--kind", "visit"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["events"] and all(e["kind"] == "visit" for e in out["events"])
    assert main(["timeline", "--home", seeded_settings.home, "--who", "Shatri"]) == 0
    text = capsys.readouterr().out
    assert "2024-12-26" in text and "حميد الشطري" in text
    assert main(["timeline", "--home", seeded_settings.home, "--from", "last year"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--from" in err[0]


# part -> its floors in evals/floors.json (heldout2 since the third session, heldout3 since the fourth, heldout4 since
# the fifth, heldout5 since the sixth, heldout6 since the seventh, heldout7 since the eighth, heldout8 since the ninth and
# heldout9 since the tenth, heldout10 since the eleventh, heldout11 since the twelfth, heldout12 since the thirteenth,
# heldout13 since the fourteenth, heldout15 (written in the fourteenth) and heldout14 since the fifteenth, heldout16
# since the sixteenth, heldout17 since the seventeenth, heldout18 since the eighteenth, heldout19 since the nineteenth
# are development: their floors
# guard regressions; heldout and heldout20 were never tuned on)
HELD_OUT = {"heldout": "_timeline_real", "heldout2": "_timeline_real2", "heldout3": "_timeline_real3",
            "heldout4": "_timeline_real4", "heldout5": "_timeline_real5", "heldout6": "_timeline_real6",
            "heldout7": "_timeline_real7", "heldout8": "_timeline_real8", "heldout9": "_timeline_real9",
            "heldout10": "_timeline_real10", "heldout11": "_timeline_real11", "heldout12": "_timeline_real12",
            "heldout13": "_timeline_real13", "heldout14": "_timeline_real14", "heldout15": "_timeline_real15",
            "heldout16": "_timeline_real16", "heldout17": "_timeline_real17", "heldout18": "_timeline_real18",
            "heldout19": "_timeline_real19", "heldout20": "_timeline_real20", "heldout21": "_timeline_real21",
            "heldout22": "_timeline_real22"}


@pytest.fixture(scope="module", params=sorted(HELD_OUT))
def heldout_events(request, tmp_path_factory, seeded_settings):
    """A real-reporting corpus (evals/real/heldout and heldout8: never tuned on; heldout2 to heldout7: development
    since the third to eighth sessions) ingested into its own library: (part, its events)."""
    from rag import contact_timeline, ingest, open_library
    from ui_support import warm_home
    home = tmp_path_factory.mktemp("real-" + request.param)
    warm_home(home, seeded_settings.home_path)
    lib = open_library(seeded_settings.with_(home=str(home)))
    ingest(lib, [ROOT / "evals" / "real" / request.param / "articles"], progress=False)
    return request.param, [e.to_dict() for e in contact_timeline(lib)]


def test_held_out_real_reporting_timeline_stays_above_its_floors(heldout_events):
    """The timeline's honest floor: gold written by a writer who never saw the extractor, on a corpus the rules
    were never tuned on (evals/real/README.md). Floors in evals/floors.json under _timeline_real(2 … 6)."""
    from evals.timeline import score_timeline
    part, events = heldout_events
    gold = json.loads((ROOT / "evals" / "real" / part / "timeline.json").read_text(encoding="utf-8"))["events"]
    floors = json.loads((ROOT / "evals" / "floors.json").read_text())[HELD_OUT[part]]
    got = score_timeline(gold, events)
    for key in ("recall", "dated_date_accuracy", "precision"):
        assert got[key] >= floors[key], (key, got[key], got["rows"])
    assert got["duplicates"] <= floors["duplicates_max"], got["rows"]
    assert got["third_country_events"] <= floors["third_country_events_max"], got["unmatched_events"]


def test_rag_timeline_reads_periods_as_the_browser_does_and_says_what_it_left_out(seeded_settings, capsys):
    from rag.cli import main
    assert main(["timeline", "--home", seeded_settings.home, "--from", "كانون الأول 2024", "--to", "2025"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert "2024-12-26" in "\n".join(out) and "undated contacts left out" in out[-1], out[-1]
    assert main(["timeline", "--home", seeded_settings.home, "--from", "2025-04", "--to", "March 2025"]) == 1
    assert "before --from" in capsys.readouterr().err
