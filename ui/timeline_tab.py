"""The Timeline tab: contacts between Iraq and Syria in date order, filterable, with clickable citations."""

from __future__ import annotations


import gradio as gr

from rag import contact_timeline, period_of

from . import render
from .chat_tab import user_error
from .i18n import t


def period(text: str) -> str | None:
    """The period filter's reading of what was typed (rag.period_of: a year, a month or a day, both languages)."""
    return period_of(text)


def _events(library, who, kind, since, until) -> list[dict]:
    return [e.to_dict() for e in contact_timeline(library, since=since or None, until=until or None,
                                                  who=who or None, kind=kind or None)]


def build(ctx, lang: gr.Radio, on_change: list) -> list:
    library = ctx.pipe.library

    with gr.Row():
        who = gr.Textbox(label=t("en", "tl_who"), elem_id="tl-who", max_lines=1, scale=2, min_width=120)
        kind = gr.Dropdown([("all", "")], value="", label=t("en", "tl_kind"), elem_id="tl-kind", scale=1,
                           min_width=120)
        since = gr.Textbox(label=t("en", "tl_since"), elem_id="tl-since", max_lines=1, placeholder="2025-01", scale=1, min_width=120)
        until = gr.Textbox(label=t("en", "tl_until"), elem_id="tl-until", max_lines=1, placeholder="2025-03", scale=1, min_width=120)
        show = gr.Button(t("en", "tl_filter"), elem_id="tl-show", scale=1, min_width=80)
    tl_err = gr.HTML("", elem_id="tl-error")
    with gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=320):
            # drawn when the page loads (app.py), so opening the tab shows the contacts at once
            board = gr.HTML("", elem_id="timeline")
        # the article a chip opens; hidden until then (assets.CSS), so the contacts take the page's width
        with gr.Column(scale=2, min_width=280, elem_id="tl-side"):
            article = gr.HTML("", elem_id="tl-article", elem_classes=["tl-article"])
    act = gr.Textbox(visible="hidden", elem_id="tl-act", elem_classes=["hidden-act"])
    go = gr.Button("go", visible="hidden", elem_id="tl-go", elem_classes=["hidden-act"])
    listed = gr.State([])

    def refresh(who_v, kind_v, since_v, until_v, lang_v):
        bounds = []
        for d in (since_v, until_v):
            d = (d or "").strip()
            bounds.append(period(d) if d else "")
            if bounds[-1] is None:
                user_error("timeline", f"bad period {d[:80]!r}")
                return {tl_err: render.error_line(t(lang_v, "tl_bad_date"), lang_v)}
        since_v, until_v = bounds
        n = min(len(since_v), len(until_v))
        if since_v and until_v and since_v[:n] > until_v[:n]:
            user_error("timeline", f"period from {since_v} to {until_v}")
            return {tl_err: render.error_line(t(lang_v, "tl_backwards", since=since_v, until=until_v), lang_v)}
        who_v = (who_v or "").strip()
        events = _events(library, who_v, kind_v, since_v, until_v)
        # a period cannot place an undated contact: say how many the filter left out
        left_out = (sum(1 for e in _events(library, who_v, kind_v, "", "") if not e["date"]) -
                    sum(1 for e in events if not e["date"])) if since_v or until_v else 0
        docs = {d["source"]: d for d in library.store.list_documents()}
        kinds = sorted({e["kind"] for e in events}) if not kind_v else None
        out = {tl_err: "", board: render.timeline(events, lang_v, docs, left_out), listed: events}
        if kinds is not None:
            out[kind] = gr.update(choices=[(t(lang_v, "tl_all"), "")] + [(t(lang_v, f"kind_{k}"), k) for k in kinds])
        return out

    def on_action(payload, events, lang_v):
        kind_, _, rest = (payload or "").rpartition("#")[0].partition(":")
        ev_id, _, j = rest.rpartition(":")
        events = events or _events(library, "", "", "", "")
        ev = next((e for e in events if str(e["id"]) == ev_id), None)
        try:
            c = ev["citations"][int(j)] if ev else None
        except (ValueError, IndexError):
            c = None
        if kind_ != "cite" or c is None:
            return gr.update()
        doc = library.store.get_document(c["source"])
        if not doc:
            return gr.update()
        head = (f'<div class="doc-head" dir="auto"><b>{render.esc(doc["title"] or "")}</b> '
                f'<span class="src-meta">{render._meta(doc.get("outlet") or "", doc.get("date") or "")}</span></div>')
        return head + render.article_html(doc, c.get("start", 0), c.get("end", 0), [c["text"]], mark_id="tl-mark")

    ins = [who, kind, since, until, lang]
    outs = [tl_err, board, listed, kind]
    show.click(refresh, ins, outs, api_name=False)
    who.submit(refresh, ins, outs, api_name=False)
    go.click(on_action, [act, listed, lang], article, api_name=False).then(
        None, None, None, js="() => { const m = document.querySelector('#tl-mark'); "
                             "if (m) m.scrollIntoView({block: 'center'}); }")
    on_change.append((refresh, ins, outs))
    return [(who, "tl_who", "label"), (kind, "tl_kind", "label"), (since, "tl_since", "label"),
            (until, "tl_until", "label"), (show, "tl_filter", "value")], (refresh, ins, outs)
