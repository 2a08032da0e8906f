"""The Evaluations tab: runs kept under RAG_HOME/evals/<run-id>/ (summary table, charts), start a run of a
shipped set with chosen models and watch it, compare two runs."""

from __future__ import annotations

import base64
import json
import threading
import time
import traceback
from pathlib import Path

import gradio as gr

from rag import PROJECT_ROOT

from .chat_tab import user_error
from .i18n import METRICS_AR, t
from .render import esc

_lock = threading.Lock()
_jobs: dict[str, dict] = {}  # run id -> {"total", "error", "done"}


def runs_dir(settings) -> Path:
    return settings.home_path / "evals"


def list_runs(settings) -> list[str]:
    root = runs_dir(settings)
    if not root.is_dir():
        return []
    found = [p for p in root.iterdir() if (p / "summary.json").exists() or p.name in _jobs]
    return [p.name for p in sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)]


def shipped_sets() -> list[str]:
    return sorted(p.name for p in (Path(PROJECT_ROOT) / "evals").glob("*.jsonl"))


def _summary(settings, run: str) -> dict | None:
    path = runs_dir(settings) / run / "summary.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _fmt(v) -> str:
    return "–" if v is None or v != v else f"{v:.3f}" if isinstance(v, float) and v < 10 else \
        f"{v:.0f}" if isinstance(v, float) else str(v)


def _name(key: str, lang: str) -> str:
    """A metric, language or split code in the interface language."""
    return METRICS_AR.get(key, key) if lang == "ar" else key


def _col(model: str, lang: str, part: str = "") -> str:
    """A column head: the model's name (a name, isolated left to right), and the language or split it covers."""
    extra = f" · {esc(_name(part, lang))}" if part else ""
    return f'<bdi dir="ltr" class="model-name">{esc(model)}</bdi>{extra}'


def _table(heads: list[str], rows: list[list[str]], lang: str) -> str:
    th = "".join(f"<th>{h}</th>" for h in heads)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return (f'<table class="ev-table" dir="{"rtl" if lang == "ar" else "ltr"}"><thead><tr>{th}</tr></thead>'
            f"<tbody>{body}</tbody></table>")


def summary_html(s: dict, run: str, lang: str) -> str:
    """One run's summary (evals/summary.py's table: metrics as rows; a column per model, then per model and
    language or split), its words in the interface language."""
    cols = [(_col(m, lang), got) for m, got in s["models"].items()]
    for group in ("languages", "splits"):
        for part, per_model in s.get(group, {}).items():
            cols += [(_col(m, lang, str(part)), got) for m, got in per_model.items()]
    metrics = list(dict.fromkeys(k for _, got in cols for k in got))
    rows = [[esc(_name(k, lang))] + [_fmt(got.get(k)) for _, got in cols] for k in metrics]
    head = (f'<p class="ev-head" dir="auto"><bdi dir="ltr">{esc(run)}</bdi> · <bdi>{esc(Path(s["set"]).name)}</bdi> · '
            f'<bdi dir="ltr">k={esc(str(s.get("k")))}</bdi></p>')
    return head + _table([esc(t(lang, "ev_metric"))] + [h for h, _ in cols], rows, lang)


def compare_table(a: dict, b: dict, name_a: str, name_b: str, lang: str) -> str:
    """Metric by metric, each model of run A beside the same model in run B."""
    rows = []
    for model in dict.fromkeys(list(a["models"]) + list(b["models"])):
        ma, mb = a["models"].get(model, {}), b["models"].get(model, {})
        rows += [[esc(_name(key, lang)), _col(model, lang), _fmt(ma.get(key)), _fmt(mb.get(key))]
                 for key in dict.fromkeys(list(ma) + list(mb))]
    heads = [esc(t(lang, "ev_metric")), esc(t(lang, "ev_model")), f'<bdi dir="ltr">{esc(name_a)}</bdi>',
             f'<bdi dir="ltr">{esc(name_b)}</bdi>']
    return _table(heads, rows, lang)


CHARTS = {"metrics.png": "ev_chart_metrics", "abstention.png": "ev_chart_abstention", "latency.png": "ev_chart_latency",
          "answerability.png": "ev_chart_answerability"}


def charts_html(pngs: list[Path], lang: str) -> str:
    """A run's charts, each captioned with what it shows in the interface language: `rag eval` labels the
    images themselves in English, which the Arabic interface says once above them."""
    figs = []
    for p in pngs[:8]:
        try:
            data = base64.b64encode(p.read_bytes()).decode("ascii")
        except OSError:
            continue
        caption = t(lang, CHARTS[p.name]) if p.name in CHARTS else p.stem
        figs.append(f'<figure class="ev-chart"><img src="data:image/png;base64,{data}" alt="{esc(caption)}">'
                    f'<figcaption dir="auto">{esc(caption)}</figcaption></figure>')
    if not figs:
        return ""
    note = t(lang, "ev_charts_note")
    head = f'<p class="ev-charts-note" dir="auto">{esc(note)}</p>' if note else ""
    return f'{head}<div class="ev-charts">{"".join(figs)}</div>'


def build(ctx, lang: gr.Radio, on_change: list):
    settings = ctx.settings
    with gr.Row():
        run_pick = gr.Dropdown(list_runs(settings), label=t("en", "ev_runs"), elem_id="ev-run", scale=2)
        other = gr.Dropdown(list_runs(settings), label=t("en", "ev_compare"), elem_id="ev-compare", scale=2)
    table = gr.HTML("", elem_id="ev-summary")
    charts = gr.HTML("", elem_id="ev-charts")  # each chart with its caption in the interface language
    with gr.Accordion(t("en", "ev_start"), open=False, elem_id="ev-start-box") as acc:
        with gr.Row():
            set_pick = gr.Dropdown(shipped_sets(), value=(shipped_sets() or [None])[0], label=t("en", "ev_set"),
                                   elem_id="ev-set")
            models = gr.CheckboxGroup(ctx.choices, value=["extractive"], label=t("en", "ev_models"), elem_id="ev-models")
            limit = gr.Number(0, precision=0, minimum=0, label=t("en", "ev_limit"), elem_id="ev-limit")
        start = gr.Button(t("en", "ev_start"), elem_id="ev-go", variant="primary")
    progress = gr.HTML("", elem_id="ev-progress")
    watching = gr.State("")
    timer = gr.Timer(1.5, active=False)

    def show(run, other_run, lang_v):
        if not run:
            return {table: f'<p dir="auto">{esc(t(lang_v, "ev_none"))}</p>', charts: ""}
        s = _summary(settings, run)
        if s is None:
            return {table: "", charts: ""}
        if other_run and other_run != run and (o := _summary(settings, other_run)):
            md = compare_table(s, o, run, other_run, lang_v)
        else:
            md = summary_html(s, run, lang_v)
        return {table: md, charts: charts_html(sorted((runs_dir(settings) / run).glob("*.png")), lang_v)}

    def begin(set_v, models_v, limit_v, lang_v):
        if not models_v:
            return {progress: f'<div class="inline-error">⚠ {t(lang_v, "ev_pick_models")}</div>'}
        with _lock:
            if any(not j["done"] for j in _jobs.values()):
                user_error("evals", "a run is already in progress")
                return {progress: f'<div class="inline-error">⚠ {t(lang_v, "ev_busy")}</div>'}
            run = time.strftime("%Y%m%d-%H%M%S")
            _jobs[run] = {"done": False, "error": "", "total": 0}
        path = Path(PROJECT_ROOT) / "evals" / set_v
        out = runs_dir(settings) / run

        def work():
            from evals.runner import run as run_eval
            from evals.sets import load_set

            try:
                n = len(load_set(path)[0])
                _jobs[run]["total"] = min(n, int(limit_v)) * len(models_v) if limit_v else n * len(models_v)
                run_eval(path, out, settings, list(models_v), limit=int(limit_v) or None, progress=False)
            except Exception as exc:  # noqa: BLE001 - shown in the tab; a traceback for the log
                traceback.print_exc()
                _jobs[run]["error"] = f"{exc.__class__.__name__}: {exc}"
            finally:
                _jobs[run]["done"] = True

        out.mkdir(parents=True, exist_ok=True)
        threading.Thread(target=work, daemon=True, name=f"eval-{run}").start()
        return {watching: run, timer: gr.Timer(active=True),
                progress: f'<div>{t(lang_v, "ev_progress", run=run, done=0, total="…")}</div>'}

    def tick(run, lang_v):
        job = _jobs.get(run)
        if not job:
            return {timer: gr.Timer(active=False)}
        res = runs_dir(settings) / run / "results.jsonl"
        done = len(res.read_text(encoding="utf-8").splitlines()) if res.exists() else 0
        if job["done"]:
            msg = (t(lang_v, "ev_failed", run=run, why=job["error"]) if lang_v == "en" else
                   t(lang_v, "ev_failed_log", run=run)) if job["error"] else t(lang_v, "ev_done", run=run)
            runs = list_runs(settings)
            return {timer: gr.Timer(active=False), progress: f'<div class="ev-finished">{msg}</div>',
                    run_pick: gr.update(choices=runs, value=run), other: gr.update(choices=runs)}
        return {progress: f'<div class="ev-running">{t(lang_v, "ev_progress", run=run, done=done, total=job["total"] or "…")}'
                          f'</div>'}

    def reload_runs():
        runs = list_runs(settings)
        return gr.update(choices=runs, value=runs[0] if runs else None), gr.update(choices=runs)

    run_pick.change(show, [run_pick, other, lang], [table, charts], api_name=False)
    other.change(show, [run_pick, other, lang], [table, charts], api_name=False)
    start.click(begin, [set_pick, models, limit, lang], [progress, watching, timer], api_name=False)
    timer.tick(tick, [watching, lang], [timer, progress, run_pick, other], api_name=False)
    on_change.append((show, [run_pick, other, lang], [table, charts]))
    items = [(run_pick, "ev_runs", "label"), (other, "ev_compare", "label"), (set_pick, "ev_set", "label"),
             (models, "ev_models", "label"), (limit, "ev_limit", "label"), (start, "ev_start", "value"),
             (acc, "ev_start", "label")]
    return items, (reload_runs, None, [run_pick, other])
