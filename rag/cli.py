"""The `rag` command: ingest, retrieve, ask, chat, models, library, delete, check, serve, eval."""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
from pathlib import Path

from . import cli_messages as msg
from .errors import RagError


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--home", help="data folder (RAG_HOME)")
    p.add_argument("--chroma-url", dest="chroma_url", help="Chroma server URL (RAG_CHROMA_URL)")
    p.add_argument("--debug", action="store_true", default=None, help="show tracebacks")
    p.add_argument("--lang", choices=msg.LANGS, help="language of errors and notices: ar or en (RAG_LANG; "
                   "default: the question's, else English)")


class _Parser(argparse.ArgumentParser):
    """argparse with the project's one-line errors: 'error: …' and the help to read, no usage block, in the
    language `lang` (found in the command line before it is parsed: `_argv_lang`)."""

    def __init__(self, *args, lang: str = "en", **kwargs):
        super().__init__(*args, **kwargs)
        self.lang = lang

    def error(self, message: str):  # type: ignore[override]
        self.exit(2, msg.label(self.lang, "error") + msg.say_parse(self.lang, message)
                  + msg.label(self.lang, "see_help", prog=self.prog) + "\n")


def _question_lang(text: str | None) -> str:
    """'ar' for a question in Arabic script, else 'en' (its script only: the question's language is detected once,
    by the Question it becomes)."""
    from .text.script import has_arabic
    return "ar" if text and has_arabic(text) else "en"


def _env_lang() -> str:
    """RAG_LANG when it is a language (it is validated, once, by load_settings), else ''."""
    value = os.environ.get("RAG_LANG", "")
    return value if value in msg.LANGS else ""


def _argv_lang(argv: list[str]) -> str:
    """The language of a command line argparse may refuse: --lang, else RAG_LANG, else the question's of `ask` and
    `retrieve` (their free text), else English."""
    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else arg.removeprefix("--lang=")
        if arg.startswith("--lang") and value in msg.LANGS:
            return value
    if _env_lang():
        return _env_lang()
    if argv and argv[0] in ("ask", "retrieve"):
        return _question_lang(" ".join(a for a in argv[1:] if not a.startswith("-")))
    return "en"


def _lang(args: argparse.Namespace, settings=None, question: str | None = None) -> str:
    """The language of a command's messages: --lang > RAG_LANG (settings.lang, or the variable when the settings
    could not be read) > the question's script (`ask`, `retrieve`, a `chat` turn) > English."""
    chosen = settings.lang if settings is not None else (getattr(args, "lang", None) or _env_lang())
    if chosen:
        return chosen
    return _question_lang(question if question is not None else getattr(args, "question", None))


def _kind(value: str) -> str:
    """A contact kind in English or Arabic ('visit', 'زيارة', 'اتصال هاتفي' …), as the timeline names it."""
    from .contacts.timeline import KIND_AR
    from .text.arabic import normalize
    arabic = {normalize(ar): en for en, ar in KIND_AR.items()} | {normalize("اتصال"): "call"}
    word = value.strip()
    got = word.lower() if word.lower() in KIND_AR else arabic.get(normalize(word))
    if not got:
        raise argparse.ArgumentTypeError(
            f"'{value}' is not a contact kind: use one of {', '.join(KIND_AR)} (or {'، '.join(KIND_AR.values())})")
    return got


def build_parser(lang: str = "en") -> argparse.ArgumentParser:
    """The parser; `lang` is the language of its one-line errors."""
    from functools import partial

    parser = _Parser(prog="rag", description="Cited answers over news in Arabic and English on Iraq-Syria contacts.", lang=lang)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=partial(_Parser, lang=lang))

    p = sub.add_parser("ingest", help="add or update articles (.txt .md .html .jsonl, or folders)")
    p.add_argument("paths", nargs="*", help="files or folders (default: seeds/)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None)
    p.add_argument("--replace", action="store_true",
                   help="replace articles of the same name that came from another file (listed by name)")
    _common(p)

    p = sub.add_parser("retrieve", help="show the passages hybrid retrieval finds")
    p.add_argument("question")
    p.add_argument("-k", type=int, help="number of passages (RAG_K)")
    p.add_argument("--lexical-weight", type=float, dest="lexical_weight", help="0 dense only .. 1 BM25 only")
    p.add_argument("--json", action="store_true")
    _common(p)

    for name, helptext in (("ask", "answer one question with cited passages"), ("chat", "a conversation in the terminal")):
        p = sub.add_parser(name, help=helptext)
        if name == "ask":
            p.add_argument("question")
            p.add_argument("--json", action="store_true", help="one JSON object on stdout")
        p.add_argument("--model", help="extractive or openai:MODEL (RAG_LLM)")
        p.add_argument("-k", type=int, help="number of passages (RAG_K)")
        _common(p)

    p = sub.add_parser("models", help="list answer providers and the models an endpoint serves")
    p.add_argument("--json", action="store_true")
    _common(p)

    p = sub.add_parser("delete", help="delete articles by source id (as `rag library` lists them)")
    p.add_argument("sources", nargs="+", metavar="SOURCE")
    _common(p)

    p = sub.add_parser("check", help="verify articles, chunks, vectors, lexical rows and contacts agree (exit 1 if not)")
    p.add_argument("--json", action="store_true", help='{"ok", "problems", "repaired", "counts"} on stdout')
    p.add_argument("--repair", action="store_true",
                   help="fix what is wrong (re-embed, re-chunk, remove remains), saying what was done")
    _common(p)

    p = sub.add_parser("library", help="list the ingested articles")
    p.add_argument("--json", action="store_true")
    _common(p)

    p = sub.add_parser("timeline", help="the Iraq-Syria contacts in date order, each cited")
    p.add_argument("--from", dest="since", help="from this date: a year, a month or a day (2025, 2025-03, 'March 2025', "
                   "'آذار 2025', 2025-03-14)")
    p.add_argument("--to", dest="until", help="up to this date: a year, a month or a day")
    p.add_argument("--who", help="a participant (any spelling, Arabic or English)")
    p.add_argument("--kind", type=_kind, metavar="KIND", help="visit, call, meeting, delegation or statement "
                   "(Arabic too: زيارة، اتصال هاتفي، لقاء، وفد، تصريح)")
    p.add_argument("--json", action="store_true", help='{"events": [...]} on stdout')
    _common(p)

    p = sub.add_parser("serve", help="start the browser chat (ingests seeds/ first if needed)")
    p.add_argument("--host", dest="ui_host", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", dest="ui_port", type=int, help="port (default 7860)")
    p.add_argument("--insecure", action="store_true", default=None,
                   help="serve beyond loopback without RAG_UI_AUTH (the page, delete included, open to all)")
    _common(p)

    p = sub.add_parser("eval", help="run a question set and write a report")
    p.add_argument("set", help="question-set .jsonl or SQuAD-format .json")
    p.add_argument("--corpus", help="folder or .jsonl corpus to evaluate against (own data folder)")
    p.add_argument("--model", action="append", dest="models", help="model to evaluate (repeatable)")
    p.add_argument("-k", type=int)
    p.add_argument("--limit", type=int, help="only the first N questions")
    p.add_argument("--retrieval-only", action="store_true", help="measure retrieval, skip answers")
    p.add_argument("--unanswerable", action="store_true",
                   help="SQuAD sets: withhold every second article (with its copies) from the corpus, its questions unanswerable")
    p.add_argument("--split", choices=["dev", "test"],
                   help="only that part's questions: a SQuAD set's article pairs (evals/sets.py), a JSONL set's \"split\"")
    p.add_argument("--judge", help="openai:MODEL that scores faithfulness to the cited passages (prompts/judge.md)")
    p.add_argument("--out", default="reports/latest", help="output folder")
    _common(p)
    return parser


def _settings(args: argparse.Namespace):
    from .config import check_k, check_lexical_weight, load_settings

    keys = ("home", "chroma_url", "debug", "ui_host", "ui_port", "insecure", "lang")
    settings = load_settings(**{k: getattr(args, k) for k in keys if getattr(args, k, None) is not None})
    if getattr(args, "k", None) is not None:  # numeric flags go through the one check (rag/config.py)
        check_k(args.k)
    if getattr(args, "lexical_weight", None) is not None:
        check_lexical_weight(args.lexical_weight)
    if getattr(args, "limit", None) is not None and args.limit < 1:
        from .errors import ConfigError
        raise ConfigError(f"--limit must be at least 1, got {args.limit}")
    return settings


def cmd_ingest(args, settings) -> int:
    from .ingestion.pipeline import ingest
    from .index.library import open_library

    paths = [Path(p) for p in args.paths] or [Path(settings.seeds)]
    report = ingest(open_library(settings), paths, progress=args.progress, replace=args.replace)
    print(report.summary())
    if report.conflicts:
        return 1
    return 0 if not report.skipped or (report.added or report.updated or report.unchanged) else 1


def cmd_retrieve(args, settings) -> int:
    from .ingestion.pipeline import ensure_seeded
    from .index.library import open_library
    from .index.retrieve import hybrid_search

    from .answer.questions import validate_question

    q = validate_question(args.question, settings)
    lib = open_library(settings)
    ensure_seeded(lib)
    hits = hybrid_search(lib, q, args.k or settings.k, args.lexical_weight)
    if args.json:
        print(json.dumps([{"rank": i, "chunk_id": h.chunk.id, "source": h.chunk.source, "score": h.score,
                           "dense": h.dense, "lexical": h.lexical, "title": h.chunk.title, "text": h.chunk.text}
                          for i, h in enumerate(hits, 1)], ensure_ascii=False, indent=1))
        return 0
    for i, h in enumerate(hits, 1):
        print(f"{i}. {h.chunk.source} [{h.chunk.id}] score={h.score:.4f} "
              f"dense={h.dense if h.dense is None else round(h.dense, 3)} bm25={h.lexical if h.lexical is None else round(h.lexical, 2)}")
        print(textwrap.indent(textwrap.fill(h.chunk.text, 100), "   "))
    return 0


def print_sources(answer, out=None) -> None:
    """Every passage under its source line; each line of a passage (a headline, then the body) wrapped on its own,
    so a headline never runs into the first sentence."""
    from .api.sources import source_lines

    out = out or sys.stdout  # the stdout of the call (not of the import)
    head, *lines = source_lines(answer, heading="Sources:")  # one line per citation, in answer.citations' order
    print("", head, sep="\n", file=out)
    for line, c in zip(lines, answer.citations):
        print(line, file=out)
        for part in (c.text or "").splitlines():
            if part.strip():
                print(textwrap.indent(textwrap.fill(part.strip(), 100), "     > "), file=out)


def _answer_once(pipe, question, args, history, as_json: bool, lang: str = "en"):
    answer = None
    streamed = False
    for ev in pipe.stream(question, k=args.k, history=history):  # the pipeline's model, resolved once
        if ev.kind == "token" and not as_json:
            print(ev.text, end="", flush=True)
            streamed = True
        elif ev.kind == "reset" and not as_json:
            print("\n" + msg.label(lang, "withdrawn"), flush=True)
        elif ev.kind == "notice" and not as_json:
            print("\n" + msg.label(lang, "notice") + msg.say_notice(lang, ev.text), file=sys.stderr, flush=True)
        elif ev.kind == "answer":
            answer = ev.answer
    if as_json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False))
    else:
        if streamed:
            print()
        if answer.standalone_question:
            print(f"(understood as: {answer.standalone_question})")
        for u in answer.unsupported:  # a partly supported answer: its unsupported sentences are marked
            print(f"  ⚠ not supported by [{u['n']}]: {u['sentence']}")
        print_sources(answer)
        print(f"\n[{answer.model}{' · ' + answer.prompt if answer.prompt else ''} · {answer.timings_ms['total']:.0f} ms]")
    return answer


def cmd_ask(args, settings) -> int:
    from .ingestion.pipeline import ensure_seeded
    from .answer.chain import Pipeline
    from .answer.resolve import resolve_model
    from .answer.questions import validate_question

    question = validate_question(args.question, settings)  # once, and before any first-run ingest
    model = resolve_model(args.model or settings.llm, settings)  # resolved once, here
    pipe = Pipeline(settings, model=model)
    if settings.debug:  # which engine embeds the question, once, at start
        from .index.engine import status
        print(status(settings.query_engine), file=sys.stderr)
    ensure_seeded(pipe.library)
    _answer_once(pipe, question, args, None, args.json, _lang(args, settings))
    return 0


def cmd_chat(args, settings) -> int:
    from .ingestion.pipeline import ensure_seeded
    from .answer.chain import Pipeline

    pipe = Pipeline(settings, model=args.model or settings.llm)  # the model's name resolved once, here
    ensure_seeded(pipe.library)
    history: list[tuple[str, str]] = []
    print(msg.label(_lang(args, settings), "chat_intro"))
    while True:
        try:
            q = input("\n? ").strip()
        except EOFError:
            print()
            return 0
        except UnicodeDecodeError:
            lang = _lang(args, settings)
            print(msg.label(lang, "error") + msg.label(lang, "bad_line"), file=sys.stderr)
            continue
        if not q:
            return 0
        if q == "/new":
            history = []
            continue
        try:
            answer = _answer_once(pipe, q, args, history, False, _lang(args, settings, q))
        except RagError as exc:  # the turn's question decides the language (unless --lang or RAG_LANG does)
            lang = _lang(args, settings, q)
            print(msg.label(lang, "error") + msg.say(lang, exc), file=sys.stderr)
            continue
        history.append((answer.standalone_question or q, answer.answer))


def cmd_models(args, settings) -> int:
    from .answer.resolve import list_providers

    providers = list_providers(settings)
    if args.json:
        print(json.dumps(providers, ensure_ascii=False, indent=1))
        return 0
    for p in providers:
        where = f" at {p['endpoint']}" if p.get("endpoint") else ""
        print(f"{p['name']} ({p['kind']}{where})")
        for m in p["models"]:
            print(f"  {m}")
        if p.get("error"):
            print(f"  error: {p['error']}")
    return 0


def _counted(n: int, noun: str) -> str:
    """'1 contact', '3 contacts'."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def cmd_library(args, settings) -> int:
    from .index.library import open_library

    from .documents import printable

    from .contacts.timeline import article_dates

    lib = open_library(settings)
    docs = lib.store.list_documents()
    inferred = article_dates(lib)  # an article that states no date: where the timeline places it, and why
    for d in docs:
        a = inferred.get(d["source"])
        d["inferred_date"] = a.to_dict() if not d["date"] and a and a.estimate else None
    if args.json:
        print(json.dumps(docs, ensure_ascii=False, indent=1))
        return 0
    for d in docs:
        date = d["date"] or ("≈ " + inferred[d["source"]].label() if d["inferred_date"] else "-")
        print(printable(f"{d['source']}  {date:18}  {d['outlet'] or '-':12}  {d['chunks']:3} chunks  "
                        f"{d['title']}"))
    print(_counted(len(docs), "article"))
    return 0


def cmd_delete(args, settings) -> int:
    from .index.library import open_library

    deleted = open_library(settings).delete(args.sources, say=lambda msg: print(msg, file=sys.stderr, flush=True))
    print(f"deleted {len(deleted)} article(s): {', '.join(deleted)}")
    return 0


def cmd_check(args, settings) -> int:
    from .index.library import open_library
    from .ingestion.check import check

    report = check(open_library(settings), repair=args.repair, say=lambda msg: print(msg, file=sys.stderr, flush=True))
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
        return 0 if report.ok else 1
    for line in report.repaired:
        print(f"repaired: {line}")
    for p in report.problems:
        print(f"problem: {p.message}")
    c = report.counts
    print(f"{c['articles']} articles, {c['chunks']} chunks, {c['vectors']} vectors ({c['pending_vectors']} pending, "
          f"swept by the next write), {c['lexical_rows']} lexical rows, {c['mentions']} contact mentions: "
          + ("no problems" if report.ok else f"{len(report.problems)} problem(s)"
             + ("" if args.repair else "; `rag check --repair` fixes them")))
    return 0 if report.ok else 1


def cmd_timeline(args, settings) -> int:
    from .ingestion.pipeline import ensure_seeded
    from .errors import QuestionError
    from .index.library import open_library
    from .contacts.timeline import contact_timeline

    from .text.dates import period_of

    bounds = {}
    for flag, value in (("--from", args.since), ("--to", args.until)):
        bounds[flag] = period_of(value) if value else None
        if value and not bounds[flag]:
            raise QuestionError(f"{flag} {value!r} is not a date: use a year (2025), a month (2025-03, "
                                f"'March 2025', 'آذار 2025') or a day (2025-03-14, '14 آذار 2025')")
    if bounds["--from"] and bounds["--to"] and bounds["--to"] < bounds["--from"][:len(bounds["--to"])]:
        raise QuestionError(f"--to {args.until!r} is before --from {args.since!r}")
    lib = open_library(settings)
    ensure_seeded(lib)
    events = contact_timeline(lib, since=bounds["--from"], until=bounds["--to"], who=args.who, kind=args.kind)
    left_out = 0
    if bounds["--from"] or bounds["--to"]:  # undated contacts a period cannot place are said, not silently dropped
        every = contact_timeline(lib, who=args.who, kind=args.kind)
        left_out = sum(1 for e in every if e.date is None) - sum(1 for e in events if e.date is None)
    if args.json:
        # undated_left_out: the undated contacts a period filter cannot place (the text output's "left out" line)
        print(json.dumps({"events": [e.to_dict() for e in events], "undated_left_out": left_out},
                         ensure_ascii=False, indent=1))
        return 0
    for e in events:
        d = e.to_dict()
        when = e.when("en") if e.date else f"undated, article ~{d['article_date']}"
        print(f"{when}  {e.kind}{f' ({e.status})' if e.status != 'happened' else ''}  "
              f"{' · '.join(p['name'] + (' (' + p['role'] + ')' if p['role'] and p['role'] != p['name'] else '') for p in d['participants'])}"
              f"{'  @ ' + d['place'] if d['place'] else ''}")
        print(f"    date: {e.date_basis}" if e.date else f"    date: {e.date_basis}; article: {e.article_date.basis}")
        if e.status != "happened" and e.status_basis:
            print(f"    {e.status}: {e.status_basis}")
        if e.directed_by:
            print(f"    directed by: {' · '.join(p['name'] for p in e.directed_by)}")
        print(textwrap.indent(textwrap.fill(e.summary, 100), "    "))
        for c in e.citations:
            print(f"    [{c['source']} {c['start']}-{c['end']}] {c['text'][:90]}{'…' if len(c['text']) > 90 else ''}")
    print(_counted(len(events), "contact") + (f"; {_counted(left_out, 'undated contact')} left out (their day is "
                                               f"unknown, so no period can place them: run without --from/--to to "
                                               f"see them)" if left_out else ""))
    return 0


def cmd_serve(args, settings) -> int:
    from .api.server import check_exposure
    from ui.app import serve
    from ui.tuning import startup_line

    check_exposure(settings)  # beyond loopback only with a login, or --insecure
    print(startup_line(settings), file=sys.stderr, flush=True)  # query engine and session patch, once
    return serve(settings)


def cmd_eval(args, settings) -> int:
    from evals.runner import run_cli

    return run_cli(args, settings)


COMMANDS = {"ingest": cmd_ingest, "retrieve": cmd_retrieve, "ask": cmd_ask, "chat": cmd_chat,
            "models": cmd_models, "library": cmd_library, "delete": cmd_delete, "check": cmd_check, "serve": cmd_serve,
            "timeline": cmd_timeline, "eval": cmd_eval}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(_argv_lang(argv)).parse_args(argv)
    debug = bool(getattr(args, "debug", False))
    settings = None
    try:
        settings = _settings(args)
        debug = settings.debug
        return COMMANDS[args.command](args, settings)
    except RagError as exc:
        if debug:
            raise
        lang = _lang(args, settings)
        print(msg.label(lang, "error") + msg.say(lang, exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(msg.label(_lang(args, settings), "interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last line of defence: one line, the traceback only with --debug
        if debug:
            raise
        lang = _lang(args, settings)
        print(msg.label(lang, "error") + msg.label(lang, "unexpected", cls=exc.__class__.__name__, text=exc),
              file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
