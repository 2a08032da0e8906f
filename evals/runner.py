"""`rag eval`: run a question set through the chat's own pipeline, per model, and write a report."""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

from rag import Pipeline, RagError, cited_sentences, get_model, hybrid_search, ingest, load_prompt, open_library

from .metrics import by_language, is_correct, summarize
from .report import write_report
from .sets import KEPT, load_set, set_corpus, split_of
from .summary import summary_table


def _read_rows(path: Path) -> list[dict]:
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError:
            continue  # a line cut short by an interruption is simply asked again
    return rows


def judge_faithfulness(judge, prompt, question: str, answer: dict) -> float | None:
    """Model-as-judge score (0, 0.5, 1) of how faithful an answer is to the passages it cites."""
    cited = [c for c in answer["citations"] if c["n"] in set(answer["cited"])]
    if answer["abstained"] or not cited:
        return None
    passages = "\n\n".join(f"[{c['n']}] {c['text']}" for c in cited)
    try:
        reply = judge.complete(prompt.format(question=question, answer=answer["answer"], passages=passages))
    except RagError:
        return None
    m = re.search(r"SCORE:\s*(0(?:\.5)?|1(?:\.0)?|0?\.5)", reply)
    return float(m.group(1)) if m else None


def evaluate_one(pipe: Pipeline, q: dict, model: str, retrieval_only: bool = False, judge=None) -> dict:
    """One question through retrieval (top 10) and, unless retrieval_only, the answer path."""
    lib = pipe.library
    row = {"id": q["id"], "question": q["question"], "model": model, "answerable": q["answerable"],
           "sources": q["sources"], "error": None, **{k: q[k] for k in KEPT if k in q}}
    t0 = time.perf_counter()
    try:
        hits = hybrid_search(lib, q["question"], 10)
        row["retrieved"] = [h.chunk.source for h in hits]
        row["top_passages"] = [{"source": h.chunk.source, "text": h.chunk.text[:300]} for h in hits[:3]]
        if not retrieval_only:
            t0 = time.perf_counter()
            a = pipe.ask(q["question"], model=model)
            row.update({
                "answer": a.answer, "abstained": a.abstained, "model_used": a.model, "fallback": a.fallback,
                "citations": list(dict.fromkeys(a.citations[n - 1].source for n in a.cited)),  # each passage once
                "correct": (not a.abstained) and is_correct(a.answer, q["answers"]),
                "cited_sentences": sum(1 for _, nums in cited_sentences(a.answer) if nums),
                "unsupported": len(a.unsupported), "prompt": a.prompt,
                "notice": a.notice, "model_text": a.model_text,
                "score": getattr(a, "answerability", None), "abstain_reason": a.abstain_reason,
            })
            if judge is not None:
                row["faithfulness"] = judge_faithfulness(judge[0], judge[1], q["question"], a.to_dict())
    except RagError as exc:
        row["error"] = str(exc)
    row["latency_ms"] = round((time.perf_counter() - t0) * 1000, 1)
    return row


def run(set_path: Path, out: Path, settings, models: list[str], *, corpus: str | None = None, k: int | None = None,
        limit: int | None = None, retrieval_only: bool = False, progress: bool | None = None,
        judge: str | None = None, unanswerable: bool = False, split: str | None = None) -> dict:
    """Run the set and write results.jsonl, summary.json, report.md and charts into `out`.

    The corpus: a SQuAD set's paragraphs (without the withheld articles' for `unanswerable`, see
    evals/sets.py), else `corpus`, else the set's own `articles/` folder, else the seeds. `split` ("dev" or
    "test") asks only that part's questions (evals/sets.py: a SQuAD set's article pairs, a JSONL set's
    "split" field); the corpus stays whole."""
    out.mkdir(parents=True, exist_ok=True)
    questions, squad_corpus = load_set(set_path, unanswerable, split)
    if limit:
        questions = questions[:limit]
    if squad_corpus is not None:
        cpath = out / "corpus.jsonl"
        cpath.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in squad_corpus) + "\n", encoding="utf-8")
        paths = [cpath]
    else:
        paths = [Path(corpus or set_corpus(set_path) or settings.seeds)]
    # Its own data folder and embedded store: an evaluation never mixes with the user's library.
    es = settings.with_(home=str(out / "data"), chroma_url="", collection="eval", k=k)
    lib = open_library(es)
    print(f"ingesting {', '.join(map(str, paths))} into {out / 'data'} ...", file=sys.stderr)
    report = ingest(lib, paths, progress=progress)
    print(report.summary(), file=sys.stderr)
    if report.conflicts:  # the run would measure the articles as an earlier ingest stored them
        raise RagError(f"{out / 'data'} holds {len(report.conflicts)} of this set's articles from another source "
                       f"(e.g. {report.conflicts[0][0]}); evaluate into a fresh --out folder")
    pipe = Pipeline(es, lib)
    judging = None
    if judge:
        judging = (get_model(judge, es), load_prompt(es.prompts_dir, "judge"))
    results = out / "results.jsonl"
    done = {(r["id"], r["model"]) for r in _read_rows(results) if "retrieved" in r or r.get("error")}
    todo = [(m, q) for m in models for q in questions if (q["id"], m) not in done]
    bar = None
    if todo and (progress if progress is not None else sys.stderr.isatty()):
        from tqdm import tqdm
        bar = tqdm(total=len(todo), unit="q", desc="questions", file=sys.stderr)
    with open(results, "a", encoding="utf-8") as fh:
        for model, q in todo:
            fh.write(json.dumps(evaluate_one(pipe, q, model, retrieval_only, judging), ensure_ascii=False) + "\n")
            fh.flush()
            if bar:
                bar.update(1)
    if bar:
        bar.close()
    wanted = {q["id"] for q in questions}
    rows = [r for r in _read_rows(results) if r["id"] in wanted and r["model"] in models]
    summary = {"set": str(set_path), "questions": len(questions), "k": es.k, "fusion": es.fusion, "judge": judge,
               "unanswerable_variant": unanswerable, "split": split, "corpus": [str(p) for p in paths],
               "models": {m: summarize([r for r in rows if r["model"] == m]) for m in models}}
    langs = by_language(rows)
    if len(langs) > 1:  # Arabic and English questions reported apart
        summary["languages"] = {lang: {m: summarize([r for r in rs if r["model"] == m]) for m in models}
                                for lang, rs in langs.items()}
    splits = {split_of(r) for r in rows}
    if len(splits) > 1:  # development and held-out ("split": "test") parts reported apart
        summary["splits"] = {sp: {m: summarize([r for r in rows if split_of(r) == sp and r["model"] == m])
                                  for m in models} for sp in sorted(splits)}
    (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    write_report(out, summary, rows, models)
    return summary


def check_optional() -> None:
    """What `rag eval` needs beyond the answer path, checked before any work starts."""
    import importlib.util

    if importlib.util.find_spec("matplotlib") is None:  # the report's charts
        raise RagError("`rag eval` draws its charts with matplotlib, which is missing: run scripts/setup "
                       "(or .venv/bin/pip install matplotlib)")


def run_cli(args, settings) -> int:
    check_optional()
    from .timeline import is_timeline_set, run_cli as run_timeline

    if is_timeline_set(Path(args.set)):  # a gold timeline (evals/seeds_timeline.json): scored by evals/timeline.py
        return run_timeline(args, settings)
    summary = run(Path(args.set), Path(args.out), settings, args.models or [settings.llm], corpus=args.corpus,
                  k=args.k, limit=args.limit, retrieval_only=args.retrieval_only, judge=args.judge,
                  unanswerable=getattr(args, "unanswerable", False), split=getattr(args, "split", None))
    print(summary_table(summary))
    print(f"\nreport: {Path(args.out) / 'report.md'}")
    return 0
