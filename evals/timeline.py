"""`rag eval evals/seeds_timeline.json` (or `evals/real/dev/timeline.json`): the extracted timeline against a
gold one written by reading the corpus. Events match by kind group (visit, delegation and meeting are all travel;
the exact kind is scored apart), status, a shared source, participants (at least half of the gold ones, names
compared by their family name's consonants so "al-Shammari" and "الشمري" agree) and dates that do not contradict;
then date accuracy (the gold date, one of its `date_alternatives` when sources differ, or inside `date`..`date_end`
for a multi-day contact; null = null), sources and merge errors (one contact split in two, or two contacts merged
in one). The corpus is the `articles/` folder beside the set when there is one, else the seeds."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from rag import contact_timeline, ingest, name_key, open_library

THIRD = ("Egypt", "Turkey", "Iran", "Jordan", "Lebanon", "Saudi Arabia", "Qatar", "UAE", "Russia", "United States",
         "Israel", "European Union", "Oman", "Kuwait", "France", "United Kingdom", "Germany", "China")
TRAVEL = {"visit": "travel", "delegation": "travel", "meeting": "travel", "call": "call", "statement": "statement"}
def is_timeline_set(path: Path) -> bool:
    if path.suffix != ".json" or not path.is_file():
        return False
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return False
    return isinstance(obj, dict) and isinstance(obj.get("events"), list) and "data" not in obj


def _names(ev: dict) -> set[str]:
    return {p["name_en"] for p in ev["participants"]}


# A participant that is a body of one side, not a person ("Iraq's General Directorate of Narcotics Affairs", "the
# Syrian side", "an Iraqi delegation"): outlets name the same body in many ways, so it matches any body of its side
# (the event's kind, status, source and day tell the contact apart). A body of both sides ("joint Iraqi–Syrian
# technical teams") matches a joint body.
_BODY = re.compile(r"(?i)\b(?:ministry|ministries|directorate|department|administration|authority|authorities|agency|"
                   r"command|services?|forces?|police|guards?|committee|teams?|government|side|office|council|"
                   r"delegation|staff|unit)\b")


def _side_key(name: str) -> str | None:
    """'body:Iraq', 'body:Syria' or 'body:joint' for a body of one side or both (`_BODY`), else None."""
    if not _BODY.search(name):
        return None
    low = name.lower()
    sides = {s for s, words in (("Iraq", ("iraq", "iraqi")), ("Syria", ("syria", "syrian")))
             if any(re.search(rf"\b{w}(?:'s|’s)?\b", low) for w in words)}
    return None if not sides else f"body:{sides.pop()}" if len(sides) == 1 else "body:joint"


def _keys(names) -> set[str]:
    keys = {k for n in names
            if (k := (_side_key(n) or (name_key(n) if not n.lower().startswith("the ") else n.lower())))}
    # (a side's part of a joint body, "Iraq's side of the joint committee", is of the joint body too: the extractor
    # gives a joint body as each side's part, the gold as one body, "joint Iraqi–Syrian technical teams")
    if any(_side_key(n) and re.search(r"(?i)\bjoint\b", n) for n in names):
        keys.add("body:joint")
    return keys


def _sources(ev: dict) -> set[str]:
    return {c["source"] for c in ev["citations"]}


def _gold_dates(g: dict) -> set[str]:
    return {d for d in [g.get("date"), *g.get("date_alternatives", [])] if d}


def date_right(g: dict, got: str | None) -> bool:
    """The extracted date agrees with the gold one: equal, one of the sources' alternatives, or inside a range."""
    if not g.get("date"):
        return got is None
    if not got:
        return False
    if got[:10] in _gold_dates(g):
        return True
    return bool(g.get("date_end")) and len(got) >= 10 and g["date"] <= got[:10] <= g["date_end"]


def _squash(text: str) -> str:
    return re.sub(r"^al", "", re.sub(r"[^a-z]", "", text.lower()))


def _countries_of_places() -> dict[str, str]:
    """Each known place's English name (and each country's) -> its country (officials.json)."""
    if not _PLACE_COUNTRY:
        from rag.domain.people import load_officials
        for pl in load_officials(None).places:
            _PLACE_COUNTRY[pl.en] = pl.country
            _PLACE_COUNTRY.setdefault(pl.country, pl.country)
        for c in THIRD:
            _PLACE_COUNTRY.setdefault(c, c)
    return _PLACE_COUNTRY


_PLACE_COUNTRY: dict[str, str] = {}
# the two sides' towns of one border crossing: a contact at the crossing is at either
TWINS = {"al-Qaim": ("Albu Kamal", "Albukamal", "Bukamal"), "Albu Kamal": ("al-Qaim", "Qaim"),
         "Rabia": ("al-Yarubiyah", "Yarubiyah"), "al-Yarubiyah": ("Rabia",)}


def place_agrees(gold_place: str | None, got: str | None) -> bool:
    """The extracted place does not put the contact elsewhere than the gold one: either is missing; one names the
    other ("Damascus" in "Damascus (People's Palace)", "Albu Kamal" in "al-Qaim / Albukamal"); or one is a country
    the other lies in ("Turkey" and "Antalya"). Two different cities are two contacts ("Doha" is not "Antalya")."""
    if not gold_place or not got:
        return True
    g, e = _squash(gold_place), _squash(got)
    if not g or not e or e in g or g in e or any(_squash(b) in g for b in TWINS.get(got, ())):
        return True
    where = _countries_of_places()
    got_country = where.get(got)
    named = [n for n in where if _squash(n) and _squash(n) in g]  # the known places and countries the gold names
    if not named or got_country is None:
        return True  # (a place the tables do not know: no judgement)
    if got == got_country:  # a country: the gold's place lies in it
        return any(where[n] == got for n in named)
    return any(n == where[n] and n == got_country for n in named)  # the gold names only the country it lies in


def _matches(g: dict, e: dict) -> bool:
    if TRAVEL.get(g["kind"]) != TRAVEL.get(e["kind"]) or g.get("status", "happened") != e["status"] or \
            not set(g["sources"]) & _sources(e) or not place_agrees(g.get("place"), e.get("place_en")):
        return False
    if g.get("date") and e["date"]:
        lo, hi = g["date"], g.get("date_end") or g["date"]
        ok = any(d.startswith(e["date"]) or e["date"].startswith(d) for d in _gold_dates(g))
        if not ok and not (lo[:len(e["date"])] <= e["date"] <= hi[:len(e["date"])]):
            return False
    need = _keys(g["participants"])
    return len(need & _keys(_names(e))) * 2 >= len(need)


def score_timeline(gold: list[dict], events: list[dict], *, strict: bool = False) -> dict:
    """Precision, recall, date accuracy, source recall and merge errors of extracted events vs gold. `strict`: an
    event that matches a dated gold contact on its day is that contact's and matches no gold contact without a day
    (which otherwise any event of its people in its sources matches: a split that is none, or a find that is none);
    the summary gives these figures too, under "strict"."""
    pairs = {(i, j) for i, g in enumerate(gold) for j, e in enumerate(events) if _matches(g, e)}
    if strict:
        own = {j for i, j in pairs if gold[i].get("date") and date_right(gold[i], events[j]["date"])}
        pairs = {(i, j) for i, j in pairs if gold[i].get("date") or j not in own}
    rows, dates_ok, src_ok = [], 0, 0
    for i, g in enumerate(gold):
        # the event sharing most of its people, then most of its sources (of two reports of one contact left apart,
        # the one most outlets tell)
        js = sorted((j for gi, j in pairs if gi == i),
                    key=lambda j: (-len(set(g["participants"]) & _names(events[j])),
                                   -len(set(g["sources"]) & _sources(events[j]))))
        e = events[js[0]] if js else None
        date_ok = e is not None and date_right(g, e["date"])
        sources_ok = e is not None and _sources(e) == set(g["sources"])
        dates_ok += date_ok
        src_ok += sources_ok
        rows.append({"gold": g["id"], "kind": g["kind"], "got_kind": e["kind"] if e else None, "gold_date": g["date"],
                     "got_date": e["date"] if e else None, "event": e["id"] if e else None, "matches": len(js),
                     "date_ok": date_ok, "sources_ok": sources_ok,
                     "missing_sources": sorted(set(g["sources"]) - (_sources(e) if e else set()))})
    matched_gold = {i for i, _ in pairs}
    matched_events = {j for _, j in pairs}
    split = sum(1 for r in rows if r["matches"] > 1)
    merged = sum(1 for j in range(len(events)) if sum(1 for _, jj in pairs if jj == j) > 1)
    # a third country's contact: a third country's official without an Iraqi and a Syrian one beside him (a meeting
    # of Iraqi and Syrian leaders hosted by Qatar's emir is an Iraq–Syria contact)
    foreign = [e["id"] for e in events if any(p["country"] in THIRD for p in e["participants"]) and
               not {"Iraq", "Syria"} <= {p["country"] for p in e["participants"]}]
    dated = [r for r in rows if r["gold_date"] and r["event"]]
    matched_rows = [r for r in rows if r["event"]]
    n_g, n_e = len(gold), len(events)
    return {
        "gold_events": n_g, "extracted_events": n_e,
        "precision": len(matched_events) / n_e if n_e else float("nan"),
        "recall": len(matched_gold) / n_g if n_g else float("nan"),
        "date_accuracy": dates_ok / len(matched_gold) if matched_gold else float("nan"),
        "date_accuracy_all": dates_ok / n_g if n_g else float("nan"),
        "source_recall": src_ok / n_g if n_g else float("nan"),
        "dated_date_accuracy": sum(r["date_ok"] for r in dated) / len(dated) if dated else float("nan"),
        "wrong_dates": sum(1 for r in dated if not r["date_ok"]),
        "kind_accuracy": sum(r["kind"] == r["got_kind"] for r in matched_rows) / len(matched_rows) if matched_rows
        else float("nan"),
        "duplicates": sum(r["matches"] - 1 for r in rows if r["matches"] > 1),
        "merge_errors": split + merged + sum(1 for r in rows if r["event"] and r["missing_sources"]),
        "split": split, "over_merged": merged, "third_country_events": len(foreign),
        "unmatched_events": [events[j]["id"] for j in range(n_e) if j not in matched_events],
        "rows": rows,
        **({} if strict else {"strict": {k: v for k, v in score_timeline(gold, events, strict=True).items()
                                         if k in ("recall", "precision", "duplicates", "dated_date_accuracy")}}),
    }


def corpus_of(set_path: Path, gold: dict, settings) -> Path:
    """The articles a gold timeline was written from: `articles/` beside it, else the seeds."""
    here = set_path.parent / "articles"
    return here if here.is_dir() else Path(settings.seeds)


def run(set_path: Path, out: Path, settings, *, corpus: str | None = None, progress: bool | None = None) -> dict:
    """Ingest the corpus into OUT/data, build the timeline, score it, write summary.json and report.md."""
    gold = json.loads(set_path.read_text(encoding="utf-8"))
    out.mkdir(parents=True, exist_ok=True)
    es = settings.with_(home=str(out / "data"), chroma_url="", collection="eval")
    lib = open_library(es)
    paths = [Path(corpus or corpus_of(set_path, gold, settings))]
    print(ingest(lib, paths, progress=progress).summary(), file=sys.stderr)
    events = [e.to_dict() for e in contact_timeline(lib)]
    score = score_timeline(gold["events"], events)
    summary = {"set": str(set_path), **{k: v for k, v in score.items() if k != "rows"}}
    (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "timeline.json").write_text(json.dumps({"events": events}, ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "report.md").write_text(report(summary, score["rows"]), encoding="utf-8")
    return summary


def report(summary: dict, rows: list[dict]) -> str:
    lines = [f"# Timeline evaluation: {summary['set']}", "",
             "| metric | value |", "|---|---|"]
    for k in ("gold_events", "extracted_events", "precision", "recall", "date_accuracy", "dated_date_accuracy",
              "wrong_dates", "kind_accuracy", "source_recall", "duplicates", "merge_errors", "split", "over_merged",
              "third_country_events"):
        v = summary[k]
        lines.append(f"| {k} | {v:.3f} |" if isinstance(v, float) else f"| {k} | {v} |")
    for k, v in summary.get("strict", {}).items():  # (one-to-one: see score_timeline)
        lines.append(f"| {k} (strict) | {v:.3f} |" if isinstance(v, float) else f"| {k} (strict) | {v} |")
    lines += ["", "| gold event | kind | extracted kind | gold date | extracted date | matched | date | sources |",
              "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['gold']} | {r['kind']} | {r['got_kind'] or '–'} | {r['gold_date'] or '–'} | {r['got_date'] or '–'} | "
                     f"{r['event'] or 'MISSING'} | {'ok' if r['date_ok'] else 'WRONG'} | "
                     f"{'ok' if r['sources_ok'] else 'missing ' + ', '.join(r['missing_sources'])} |")
    if summary["unmatched_events"]:
        lines += ["", "Extracted events with no gold match: " + ", ".join(summary["unmatched_events"])]
    return "\n".join(lines) + "\n"


def run_cli(args, settings) -> int:
    summary = run(Path(args.set), Path(args.out), settings, corpus=args.corpus)
    for k in ("gold_events", "extracted_events", "precision", "recall", "dated_date_accuracy", "wrong_dates",
              "kind_accuracy", "source_recall", "duplicates", "merge_errors", "third_country_events"):
        v = summary[k]
        print(f"{k:22} {v:.3f}" if isinstance(v, float) else f"{k:22} {v}")
    print(f"\nreport: {Path(args.out) / 'report.md'}")
    return 0
