"""The Chat tab: one conversation state, inline errors, chips with previews, stop / regenerate / edit, feedback."""

from __future__ import annotations

import json
import sys
import threading
import time
import traceback
import uuid

import gradio as gr

from rag import Cancel, Cancelled, QuestionError, RagError, cancellable, validate_question

from . import render
from .history import ConversationStore
from .i18n import model_label, pick, t
from .state import Conversation

TOKEN_REPAINT_S = 0.12
_feedback_lock = threading.Lock()


def user_error(where: str, message: str) -> None:
    """One line in the server log for an expected user error (no traceback)."""
    print(f"user error [{where}]: {message}", file=sys.stderr, flush=True)


def model_names(choices: list[str], lang: str) -> list[tuple[str, str]]:
    """The models to choose from, the app's own named in the page's language."""
    return [(model_label(lang, c), c) for c in choices]


def split_session(sess: str) -> tuple[str, str]:
    """("browser id", "conversation id") from the page's "browser:conversation" (empty parts when malformed)."""
    client, _, conv_id = (sess if isinstance(sess, str) else "").partition(":")
    return client, conv_id


def build(ctx, lang: gr.Radio, on_change: list) -> list:
    """The tab's components and events; returns the (component, string key, attribute) list to relabel."""
    settings, pipe = ctx.settings, ctx.pipe
    saved = ConversationStore(settings.home_path / "conversations.sqlite")
    default_model = settings.llm if settings.llm in ctx.choices else "extractive"
    conv = gr.State(Conversation())
    inflight = gr.State("")
    shown = gr.State(-1)
    # the example questions are one list, in the page's language: the empty chat's (render.chat_hint)
    with gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=340):
            chat = gr.HTML(render.conversation(Conversation(), "en"), elem_id="chat")
            # an error or "stopped" line sits between the conversation and the question box, in sight of both
            err = gr.HTML("", elem_id="chat-error")
            with gr.Row(elem_id="ask-row"):
                question = gr.Textbox(elem_id="question", placeholder=t("en", "placeholder"), show_label=False,
                                      scale=6, max_lines=4, lines=1, min_width=180)
                ask = gr.Button(t("en", "ask"), variant="primary", elem_id="ask", scale=1, min_width=70)
                stop = gr.Button(t("en", "stop"), variant="stop", elem_id="stop", scale=1, visible=False, min_width=70)
                new = gr.Button(t("en", "new_chat"), elem_id="new-chat", scale=1, min_width=110)
            meta = gr.HTML("", elem_id="answer-meta")
            with gr.Accordion(t("en", "history"), open=False, elem_id="history-box") as hist_acc:
                history = gr.HTML(render.history_list([], "", "en"), elem_id="history")
            with gr.Accordion(t("en", "settings"), open=False, elem_id="settings") as acc:
                model = gr.Dropdown(model_names(ctx.choices, "en"), value=default_model, label=t("en", "model"), elem_id="model",
                                    allow_custom_value=False)
                k = gr.Slider(1, ctx.max_k, value=settings.k, step=1, label=t("en", "k"), elem_id="k")
                lexw = gr.Slider(0.0, 1.0, value=settings.lexical_weight, step=0.1, label=t("en", "lexw"),
                                 elem_id="lexw")
        with gr.Column(scale=2, min_width=300):
            src_title = gr.HTML(f'<h3 class="sources-title">{t("en", "sources_title")}</h3>', elem_id="sources-title")
            sources = gr.HTML(render.sources_empty("en"), elem_id="sources")
    act = gr.Textbox(visible="hidden", elem_id="chat-act", elem_classes=["hidden-act"])
    go = gr.Button("go", visible="hidden", elem_id="chat-go", elem_classes=["hidden-act"])
    article_box = gr.HTML("", visible="hidden", elem_id="article-box", elem_classes=["hidden-act"])
    # "browser id:conversation id", from the page's local storage (app.py fills it on load): the key under
    # which this conversation is saved
    sess = gr.Textbox(visible="hidden", elem_id="chat-sess", elem_classes=["hidden-act"])
    ctx.session_box = sess

    def persist(sess_v, conv_v: Conversation, lang_v) -> dict:
        """Save the conversation under this page's key; the saved list, redrawn."""
        client, conv_id = split_session(sess_v)
        saved.save(client, conv_id, conv_v)
        return {history: render.history_list(saved.list(client), conv_id, lang_v)}

    # The answer each page (Gradio session) is computing, so that Stop, or the page going away, reaches it: a
    # model call still waiting for its first token has its request closed (Gradio's cancel alone stops only
    # the event; the thread computing the answer would wait for the token or the timeout).
    running: dict[str, Cancel] = {}
    running_lock = threading.Lock()

    def stop_answer(request: gr.Request | None = None) -> None:
        key = getattr(request, "session_hash", None)
        with running_lock:
            cancel = running.pop(key, None) if key else None
        if cancel is not None:
            cancel.set()

    ctx.stop_answer = stop_answer

    def idle(extra: dict) -> dict:
        return {ask: gr.update(interactive=True), stop: gr.update(visible=False), inflight: "", **extra}

    def run(raw, conv_v: Conversation, lang_v, model_v, k_v, lexw_v, sess_v="", request: gr.Request = None):
        raw = raw if isinstance(raw, str) else ""
        try:
            q = validate_question(raw, settings)
        except QuestionError as exc:
            user_error("chat", str(exc))
            msg = (t(lang_v, "err_empty") if not raw.strip() else
                   t(lang_v, "err_long", n=len(raw.strip()), limit=settings.max_question_chars)
                   if len(raw.strip()) > settings.max_question_chars else str(exc))
            yield idle({err: render.error_line(msg, lang_v), question: raw})
            return
        if model_v not in ctx.choices:
            user_error("chat", f"unknown model {model_v!r}")
            yield idle({err: render.error_line(t(lang_v, "err_model", model=str(model_v), default=default_model),
                                               lang_v), model: gr.update(value=default_model), question: raw})
            return
        yield {chat: render.conversation(conv_v, lang_v, pending=(q, "")), question: "", err: "",
               ask: gr.update(interactive=False), stop: gr.update(visible=True), inflight: q}
        text, answer, shown_at = "", None, time.monotonic()
        cancel, key = Cancel(), getattr(request, "session_hash", None)
        if key:
            with running_lock:
                running[key] = cancel
        events = pipe.stream(q, model=model_v, history=conv_v.history(), k=int(k_v), lexical_weight=float(lexw_v))
        try:
            for ev in cancellable(events, cancel):
                if ev.kind == "token":
                    text += ev.text
                    # at most ~8 repaints a second: each one resends the whole conversation, and a fast
                    # answer (the extractive one comes in one piece) goes straight to its final form
                    if time.monotonic() - shown_at >= TOKEN_REPAINT_S:
                        shown_at = time.monotonic()
                        yield {chat: render.conversation(conv_v, lang_v, pending=(q, text))}
                elif ev.kind == "reset":
                    text = ""
                elif ev.kind == "answer":
                    answer = ev.answer
        except Cancelled:  # Stop was pressed (it has redrawn the page) or the page went away
            return
        except QuestionError as exc:
            user_error("chat", str(exc))
            yield idle({chat: render.conversation(conv_v, lang_v), question: raw,
                       err: render.error_line(t(lang_v, "err_library_empty") if "empty" in str(exc) else str(exc), lang_v)})
            return
        except RagError as exc:
            user_error("chat", str(exc))
            yield idle({chat: render.conversation(conv_v, lang_v), question: raw,
                       err: render.error_line(t(lang_v, "err_other"), lang_v)})
            return
        except Exception:  # a real bug: traceback in the log, a short line in the page
            traceback.print_exc()
            yield idle({chat: render.conversation(conv_v, lang_v), question: raw,
                       err: render.error_line(t(lang_v, "err_other"), lang_v)})
            return
        finally:
            if key:
                with running_lock:
                    if running.get(key) is cancel:
                        del running[key]
        new_conv = conv_v.add(q, answer)
        idx = len(new_conv.turns) - 1
        yield idle({chat: render.conversation(new_conv, lang_v), conv: new_conv, shown: idx,
                   sources: render.sources_panel(answer, idx, lang_v), meta: render.meta_line(answer, lang_v),
                   **persist(sess_v, new_conv, lang_v)})

    def show(conv_v: Conversation, lang_v) -> dict:
        """The chat, the last answer's sources and meta line for a conversation."""
        idx = len(conv_v.turns) - 1
        last = conv_v.turn(idx)
        return {chat: render.conversation(conv_v, lang_v), conv: conv_v, shown: idx,
                sources: render.sources_panel(last.answer, idx, lang_v) if last else render.sources_empty(lang_v),
                meta: render.meta_line(last.answer, lang_v) if last else "", err: ""}

    def on_action(payload, conv_v: Conversation, lang_v, model_v, k_v, lexw_v, sess_v, request: gr.Request = None):
        """A click in the page (chips, article, feedback, regenerate, edit, saved conversations). Every path
        yields: a handler that yields nothing would blank every output (the chat, the Ask button, the model)."""
        kind, _, rest = (payload or "").partition("#")[0].partition(":")
        client, conv_id = split_session(sess_v)
        if kind == "open" and rest:
            loaded = saved.load(client, rest)
            if loaded is None:
                yield gr.skip()
                return
            yield {**show(loaded, lang_v), sess: f"{client}:{rest}",
                   history: render.history_list(saved.list(client), rest, lang_v)}
            return
        if kind == "clear":
            saved.clear(client)
            fresh = uuid.uuid4().hex
            yield {**show(Conversation(), lang_v), sess: f"{client}:{fresh}",
                   history: render.history_list([], fresh, lang_v),
                   err: f'<div class="done-line" role="status" dir="auto">{render.esc(t(lang_v, "history_cleared"))}</div>'}
            return
        try:
            nums = [int(p) for p in rest.split(":") if p != ""]
        except ValueError:
            nums = []
        turn = conv_v.turn(nums[0]) if nums else None
        if kind == "cite" and len(nums) == 2 and turn:
            yield {sources: render.sources_panel(turn.answer, nums[0], lang_v, selected=nums[1]), shown: nums[0]}
        elif kind == "article" and len(nums) == 2 and turn:
            a = turn.answer
            c = next((c for c in a.citations if c.n == nums[1]), None)
            doc = pipe.library.store.get_document(c.source) if c else None
            yield {article_box: render.article_for(a, nums[0], nums[1], doc) if doc
                   else render.article_gone(nums[0], nums[1], lang_v)}
        elif kind in ("like", "dislike") and turn:
            row = conv_v.feedback_row(nums[0], kind == "like", time.time())
            with _feedback_lock, open(ctx.feedback_path, "a", encoding="utf-8") as fh:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            conv_v.turns[nums[0]].feedback = kind == "like"
            yield {chat: render.conversation(conv_v, lang_v), conv: conv_v, **persist(sess_v, conv_v, lang_v)}
        elif kind in ("regen", "edit") and nums and nums[0] == len(conv_v.turns) - 1:
            base, last = conv_v.without_last()
            if kind == "edit":
                yield {chat: render.conversation(base, lang_v), conv: base, question: last.question, shown: -1,
                       sources: render.sources_empty(lang_v), meta: "", err: "", **persist(sess_v, base, lang_v)}
            else:
                yield {conv: base}
                yield from run(last.question, base, lang_v, model_v, k_v, lexw_v, sess_v, request)
        else:
            yield gr.skip()

    def on_stop(conv_v, pending_q, lang_v, request: gr.Request = None):
        stop_answer(request)
        return idle({chat: render.conversation(conv_v, lang_v), question: pending_q or gr.update(),
                    err: render.error_line(t(lang_v, "stopped"), lang_v) if pending_q else ""})

    def new_chat(lang_v, sess_v):
        client, _ = split_session(sess_v)
        fresh = uuid.uuid4().hex
        return {chat: render.conversation(Conversation(), lang_v), conv: Conversation(), shown: -1,
                sources: render.sources_empty(lang_v), meta: "", err: "", question: "", sess: f"{client}:{fresh}",
                history: render.history_list(saved.list(client), fresh, lang_v)}

    def rerender(lang_v, conv_v, shown_v, sess_v):
        """The tab in a language; on the page's first load, the conversation saved under its key comes back."""
        client, conv_id = split_session(sess_v)
        restored = {}
        if not conv_v.turns and (loaded := saved.load(client, conv_id)) is not None:
            conv_v, restored = loaded, {conv: loaded}
            shown_v = len(loaded.turns) - 1
            restored[shown] = shown_v
        restored[history] = render.history_list(saved.list(client), conv_id, pick(lang_v))
        turn = conv_v.turn(shown_v)
        panel = (render.sources_panel(turn.answer, shown_v, lang_v) if turn
                 else render.sources_empty(lang_v))
        last = conv_v.turn(len(conv_v.turns) - 1)
        return {chat: render.conversation(conv_v, lang_v), sources: panel,
                meta: render.meta_line(last.answer, lang_v) if last else "",
                src_title: f'<h3 class="sources-title">{t(lang_v, "sources_title")}</h3>',
                model: gr.update(choices=model_names(ctx.choices, lang_v)), **restored}

    outs = [chat, conv, question, sources, meta, err, ask, stop, inflight, model, shown, history, sess]
    ins = [question, conv, lang, model, k, lexw, sess]
    # The page shows its own pending message, so Gradio's progress overlay (on every output) is left out.
    quiet = {"api_name": False, "show_progress": "hidden"}
    events = [question.submit(run, ins, outs, **quiet), ask.click(run, ins, outs, **quiet),
              go.click(on_action, [act, conv, lang, model, k, lexw, sess], outs + [article_box], **quiet)]
    stop.click(on_stop, [conv, inflight, lang], outs, cancels=events, **quiet)
    new.click(new_chat, [lang, sess], outs, **quiet)
    on_change.append((rerender, [lang, conv, shown, sess],
                      [chat, sources, meta, src_title, model, conv, shown, history]))
    return [(question, "placeholder", "placeholder"), (ask, "ask", "value"), (stop, "stop", "value"),
            (new, "new_chat", "value"), (acc, "settings", "label"), (hist_acc, "history", "label"),
            (model, "model", "label"),
            (k, "k", "label"), (lexw, "lexw", "label")]
