"""The Library tab: the articles (per-cell direction), search, open, delete with confirmation, upload that
asks before replacing an article that is already there."""

from __future__ import annotations

import contextvars
import queue
import re
import shutil
import tempfile
import threading
import traceback
from pathlib import Path
from typing import Callable, Iterator

import gradio as gr

from rag import RagError, StoreError, article_dates, contact_timeline, ingest, normalize, safe_source

from . import render
from .chat_tab import user_error
from .i18n import t

UPLOAD_TYPES = [".txt", ".md", ".html", ".htm", ".jsonl"]


def named(lang: str, key: str, names: list[str], **values) -> str:
    """An interface sentence (HTML) naming files or articles ({names}), each name isolated in its own direction."""
    return with_items(lang, key, [f"<bdi>{render.esc(n)}</bdi>" for n in names], **values)


def with_items(lang: str, key: str, items_html: list[str], **values) -> str:
    sep = "، " if lang == "ar" else ", "
    return render.esc(t(lang, key, names="\ufffc", **values)).replace("\ufffc", sep.join(items_html))


def titled(lang: str, key: str, title: str) -> str:
    """An interface sentence (HTML) naming an article by its title, the title isolated in its own direction."""
    return render.esc(t(lang, key, title="\ufffc")).replace("\ufffc", f"<bdi>{render.esc(title)}</bdi>")


def article_named(lang: str, title: str, source: str) -> str:
    """An article by its title, its file name after it: “title” (file), each in its own direction."""
    q = ("«", "»") if lang == "ar" else ("“", "”")
    return f'{q[0]}<bdi>{render.esc(title)}</bdi>{q[1]} (<bdi dir="ltr">{render.esc(source)}</bdi>)'


# The writer lock's line (rag/index/writer.py) and its holder, as the CLI prints them
WAITING = re.compile(r"waiting for the library's other writer to finish: (?P<holder>.*) "
                     r"\(at most (?P<wait>[\d.]+) s, RAG_WRITER_WAIT\)$")
HOLDER = re.compile(r"pid (?P<pid>\d+) on .*\((?P<what>[^()]*), since (?P<since>\d\d:\d\d:\d\d) UTC\)$")
BUSY = re.compile(r"is being written by .* and stayed busy for (?P<wait>[\d.]+) s")


def writer_waiting(lang: str, key: str, message: str, **values) -> str:
    """The page's line (HTML, in its language) for the writer lock's "waiting for the library's other writer"
    message; '' for any other message."""
    m = WAITING.match(message or "")
    if not m:
        return ""
    h = HOLDER.match(m["holder"])
    if h is None:
        holder = m["holder"] if lang == "en" else t(lang, "writer_what_other")
    elif lang == "en":
        holder = t(lang, "writer_holder", pid=h["pid"], what=h["what"], since=h["since"] + " UTC")
    else:
        what = next((k for k in ("ingest", "delete", "check") if k in h["what"]), "other")
        holder = t(lang, "writer_holder", pid=h["pid"], what=t(lang, f"writer_what_{what}"), since=h["since"])
    title = values.pop("title", "")  # an article's title keeps its own direction inside the sentence
    text = render.esc(t(lang, key, holder=holder, wait=m["wait"], title="\ufffc", **values))
    text = text.replace("\ufffc", f"<bdi>{render.esc(title)}</bdi>")
    return f'<div class="waiting-line" role="status" dir="auto">{text}</div>'


def while_writing(write: Callable[[Callable[[str], None]], object], lang: str, key: str,
                  **values) -> Iterator[str | tuple]:
    """Run `write(say)` (a library write, which takes the writer lock) in a thread of its own: yields the
    page's waiting line when the lock makes it wait, then ("done", result) or ("error", exception)."""
    said: queue.Queue = queue.Queue()
    out: list = []

    def work() -> None:
        try:
            out.append(("done", write(said.put)))
        except Exception as exc:  # handed to the page
            out.append(("error", exc))
        finally:
            said.put(None)
    # the copied context carries Gradio's progress bar into the thread
    threading.Thread(target=contextvars.copy_context().run, args=(work,), name="rag-ui-write", daemon=True).start()
    while (msg := said.get()) is not None:
        if line := writer_waiting(lang, key, msg, **values):
            yield line
    yield out[0]


def write_failed(exc: Exception, lang: str, where: str) -> str:
    """An inline line for a library write that failed: the writer lock's refusal in the page's language."""
    if not isinstance(exc, RagError):  # a bug: its traceback in the log, a short line in the page
        traceback.print_exception(exc)
        return render.error_line(t(lang, "write_failed"), lang)
    user_error(where, str(exc))
    if isinstance(exc, StoreError) and (m := BUSY.search(str(exc))):
        return render.error_line(t(lang, "writer_busy", wait=m["wait"]), lang)
    return render.error_line(str(exc) if lang == "en" else t(lang, "write_failed"), lang)


def reported_dates(library) -> dict[str, str]:
    """For each article, the latest date of a dated contact it reports (an undated article was written after it)."""
    out: dict[str, str] = {}
    for ev in contact_timeline(library):
        if ev.date:
            for c in ev.citations:
                out[c["source"]] = max(out.get(c["source"], ""), ev.date[:10])
    return out


def build(ctx, lang: gr.Radio, on_change: list) -> list:
    store = ctx.pipe.library.store

    def table_html(docs: list[dict], lang_v: str) -> str:
        """The table, with the date the timeline infers for an article that states none."""
        return render.library_table(docs, lang_v, article_dates(ctx.pipe.library), reported_dates(ctx.pipe.library))

    def holds(lang_v: str) -> str:
        return render.library_summary(store.list_documents(), lang_v)

    search = gr.Textbox(label=t("en", "lib_search"), elem_id="lib-search", max_lines=1)
    table = gr.HTML("", elem_id="library")  # drawn on page load, in the page's language (app.py)
    with gr.Row():
        delete = gr.Button(t("en", "lib_delete"), elem_id="lib-delete", variant="secondary", visible=False, size="sm")
        confirm = gr.Button("", elem_id="lib-confirm", variant="stop", visible=False, size="sm")
        cancel = gr.Button(t("en", "cancel"), elem_id="lib-cancel", visible=False, size="sm")
    lib_msg = gr.HTML("", elem_id="lib-msg")
    doc_view = gr.HTML("", elem_id="doc-view")
    # no file_types: the browser's own refusal of another type is an English pop-up; ours is in the page's language
    files = gr.File(file_count="multiple", label=t("en", "upload"), elem_id="upload")
    add = gr.Button(t("en", "ingest"), elem_id="ingest")
    with gr.Row():
        replace = gr.Button(t("en", "replace"), elem_id="replace", variant="stop", visible=False, size="sm")
        keep = gr.Button(t("en", "keep"), elem_id="keep", visible=False, size="sm")
    status = gr.HTML("", elem_id="ingest-status")
    act = gr.Textbox(visible="hidden", elem_id="lib-act", elem_classes=["hidden-act"])
    go = gr.Button("go", visible="hidden", elem_id="lib-go", elem_classes=["hidden-act"])
    chosen = gr.State("")
    staged = gr.State(None)  # (staging folder, conflicting names) while a replacement waits for an answer

    def rows(query: str) -> list[dict]:
        docs = store.list_documents()
        q = normalize(query or "").strip()
        if not q:
            return docs
        return [d for d in docs if q in normalize(" ".join(str(d.get(k) or "") for k in ("title", "outlet", "date",
                                                                                         "source")))]

    def filter_(query, lang_v):
        return table_html(rows(query), lang_v)

    def on_action(payload, lang_v):
        kind, _, src = (payload or "").rpartition("#")[0].partition(":")
        doc = store.get_document(src) if kind == "open" else None
        if not doc:
            return {doc_view: "", delete: gr.update(visible=False), chosen: ""}
        return {doc_view: render.document_view(doc, lang_v), delete: gr.update(visible=True), chosen: src,
                confirm: gr.update(visible=False), cancel: gr.update(visible=False), lib_msg: ""}

    def ask_delete(src, lang_v):
        doc = store.get_document(src) if src else None
        if not doc:
            return {lib_msg: render.error_line(t(lang_v, "lib_pick_first"), lang_v)}
        title = doc["title"] or src
        return {lib_msg: f'<div class="confirm" dir="auto">{render.esc(t(lang_v, "lib_ask_delete", title=title))}</div>',
                confirm: gr.update(visible=True, value=t(lang_v, "lib_confirm_delete", title=title[:40])),
                cancel: gr.update(visible=True)}

    def do_delete(src, query, lang_v):
        """Delete through the library, as `rag delete` does: the article's chunks, vectors, contacts and index
        rows in one transaction under the writer lock (the page says so while another writer holds it)."""
        doc = store.get_document(src) if src else None
        title = (doc or {}).get("title") or src
        done = {confirm: gr.update(visible=False), cancel: gr.update(visible=False), delete: gr.update(visible=False),
                doc_view: "", chosen: ""}
        kind, result = "done", None
        if doc:
            for item in while_writing(lambda say: ctx.pipe.library.delete([src], say=say), lang_v,
                                      "writer_wait_delete", title=title):
                if isinstance(item, str):
                    yield {lib_msg: item}
                    continue
                kind, result = item
        if not doc or kind == "error" and isinstance(result, StoreError) and "no such article" in str(result):
            line = f'<div class="inline-error" role="alert" dir="auto">⚠ {titled(lang_v, "lib_gone", title)}</div>'
        elif kind == "error":
            yield {lib_msg: write_failed(result, lang_v, "delete"), confirm: gr.update(visible=False),
                   cancel: gr.update(visible=False)}  # the article stays open: nothing was deleted
            return
        else:
            line = f'<div dir="auto">{titled(lang_v, "lib_deleted", title)}</div>'
        yield {lib_msg: line, **done, table: table_html(rows(query), lang_v), ctx.holds: holds(lang_v)}

    def cancel_delete():
        return {lib_msg: "", confirm: gr.update(visible=False), cancel: gr.update(visible=False)}

    def run_ingest(staging: Path, replace_existing: bool, lang_v, rejected: list[str], query: str,
                   progress) -> Iterator[dict]:
        """Add the staged files; while another writer holds the library, the page says so (as the CLI does)."""
        def write(say):  # an upload never counts as the same origin: replacing an article takes "Replace"
            return ingest(ctx.pipe.library, [staging], progress=False, warn=say,
                          on_progress=lambda frac, msg: progress(frac, desc=msg if lang_v == "en" else None),
                          replace=replace_existing, origin_prefix="upload:")
        try:
            for item in while_writing(write, lang_v, "writer_wait_upload"):
                if isinstance(item, str):
                    yield {status: item}
                    continue
                kind, report = item
            if kind == "error":
                yield {status: write_failed(report, lang_v, "upload"), staged: None,
                       replace: gr.update(visible=False), keep: gr.update(visible=False)}
                return
            msg = render.esc(t(lang_v, "ingest_done", added=len(report.added), updated=len(report.updated),
                               unchanged=len(report.unchanged)))
            if report.replaced:
                msg += " " + named(lang_v, "ingest_replaced", report.replaced)
            for n, why in report.skipped + report.conflicts:  # rag's reason in English; the page's own in Arabic
                user_error("upload", f"{n}: {why}")
                rejected.append(named(lang_v, "rejected", [n], why=why.split(": ", 1)[-1] if lang_v == "en"
                                      else t(lang_v, "bad_file")))
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        html = f'<div dir="auto">{msg}</div>' + "".join(
            f'<div class="inline-error" dir="auto">⚠ {r}</div>' for r in rejected)
        yield {status: html, table: table_html(rows(query), lang_v), staged: None, files: None,
                replace: gr.update(visible=False), keep: gr.update(visible=False), ctx.holds: holds(lang_v)}

    def upload(files_v, query, lang_v, progress=gr.Progress()):
        if not files_v:
            yield {status: render.error_line(t(lang_v, "upload_none"), lang_v)}
            return
        staging = Path(tempfile.mkdtemp(prefix="upload-", dir=ctx.settings.home_path))
        rejected, names = [], []
        for f in files_v:
            src = Path(getattr(f, "name", f))
            name = safe_source(src.name)
            if Path(name).suffix.lower() not in UPLOAD_TYPES:
                user_error("upload", f"{name}: not an accepted type")
                rejected.append(named(lang_v, "rejected", [name], why=t(lang_v, "bad_type")))
                continue
            shutil.copy(src, staging / name)
            names.append(name)
        existing = {d["source"]: d for d in store.list_documents()}
        conflicts = [n for n in names if n in existing]
        if conflicts:  # the articles that would be replaced, by their titles (and file names)
            shown = [article_named(lang_v, existing[n]["title"] or n, n) for n in conflicts]
            yield {staged: (str(staging), conflicts, rejected),
                   status: f'<div class="inline-error" dir="auto">{with_items(lang_v, "conflict", shown)}</div>',
                   replace: gr.update(visible=True), keep: gr.update(visible=True)}
            return
        yield from run_ingest(staging, False, lang_v, rejected, query, progress)

    def decide(replace_existing: bool):
        def fn(staged_v, query, lang_v, progress=gr.Progress()):
            if not staged_v:
                yield {replace: gr.update(visible=False), keep: gr.update(visible=False)}
                return
            staging, conflicts, rejected = Path(staged_v[0]), staged_v[1], list(staged_v[2])
            if not replace_existing:
                for n in conflicts:
                    (staging / n).unlink(missing_ok=True)
                rejected.append(named(lang_v, "kept", conflicts))
            yield from run_ingest(staging, replace_existing, lang_v, rejected, query, progress)
        return fn

    search.change(filter_, [search, lang], table, api_name=False)
    # an opened article comes into view (it opens below the table, often below the fold)
    go.click(on_action, [act, lang], [doc_view, delete, chosen, confirm, cancel, lib_msg], api_name=False).then(
        None, None, None, js="() => { const v = document.querySelector('#doc-view .doc-view'); "
                             "if (v) { v.scrollIntoView({block: 'start'}); v.focus({preventScroll: true}); } }")
    delete.click(ask_delete, [chosen, lang], [lib_msg, confirm, cancel], api_name=False)
    ctx.library_changed += [confirm.click(do_delete, [chosen, search, lang],
                  [lib_msg, confirm, cancel, delete, doc_view, chosen, table, ctx.holds], api_name=False)]
    cancel.click(cancel_delete, None, [lib_msg, confirm, cancel], api_name=False)
    up_outs = [status, table, staged, replace, keep, files, ctx.holds]
    ctx.library_changed += [add.click(upload, [files, search, lang], up_outs, api_name=False),
                            replace.click(decide(True), [staged, search, lang], up_outs, api_name=False),
                            keep.click(decide(False), [staged, search, lang], up_outs, api_name=False)]
    on_change.append((filter_, [search, lang], table))
    return [(search, "lib_search", "label"), (delete, "lib_delete", "value"), (cancel, "cancel", "value"),
            (files, "upload", "label"), (add, "ingest", "value"), (replace, "replace", "value"),
            (keep, "keep", "value")]
