"""The browser chat (Gradio): streaming cited answers, inspectable sources, library, feedback."""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

from rag import (Pipeline, QuestionError, RagError, Settings, ingest, list_providers, open_library,
                 safe_source, validate_question)

from . import render

# No analytics, no hub telemetry, no version check: the app makes no outbound connection.
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

import gradio as gr  # noqa: E402  (after the environment above)

EXAMPLES = [
    "متى زار الشيباني بغداد؟",
    "من هو رئيس جهاز الاستخبارات السورية الجديد؟",
    "ما الذي تتبادل بغداد ودمشق المعلومات بشأنه على الحدود؟",
    "Who met in Damascus for the Iraqi-Syrian security talks?",
]
UPLOAD_TYPES = [".txt", ".md", ".html", ".htm", ".jsonl"]
_feedback_lock = threading.Lock()


def model_choices(settings: Settings) -> list[str]:
    """The embedded default plus every model the configured endpoint reports (quick, never blocking)."""
    choices = ["extractive"]
    if settings.llm != "extractive":
        choices.append(settings.llm)
    try:
        for p in list_providers(settings.with_(llm_timeout=3.0, llm_retries=0)):
            choices.extend(m for m in p["models"] if m not in choices)
    except RagError:
        pass
    return choices


def _articles(pipe: Pipeline, answer: dict) -> dict[str, dict]:
    out = {}
    for c in answer["citations"]:
        if c["source"] not in out:
            doc = pipe.library.store.get_document(c["source"])
            if doc:
                out[c["source"]] = doc
    return out


def build_app(settings: Settings) -> gr.Blocks:
    """The Gradio app for these settings (the library must exist; `serve` ingests seeds first)."""
    pipe = Pipeline(settings)
    choices = model_choices(settings)
    feedback_path = settings.home_path / "feedback.jsonl"

    def respond(question, chat, history, answers, model, k, lexical_weight):
        try:
            q = validate_question(question, settings)
        except QuestionError as exc:
            raise gr.Error(str(exc), duration=8) from None
        chat = list(chat or []) + [{"role": "user", "content": render.user_message(q)},
                                   {"role": "assistant", "content": render.streaming_message("…", q)}]
        yield chat, history, answers, "", gr.update(), ""
        text, answer = "", None
        try:
            for ev in pipe.stream(q, model=model, history=history, k=int(k), lexical_weight=float(lexical_weight)):
                if ev.kind == "token":
                    text += ev.text
                    chat[-1] = {"role": "assistant", "content": render.streaming_message(text, q)}
                    yield chat, history, answers, "", gr.update(), ""
                elif ev.kind == "reset":
                    text = ""
                elif ev.kind == "notice":
                    gr.Warning(ev.text)
                elif ev.kind == "answer":
                    answer = ev.answer.to_dict()
        except RagError as exc:
            raise gr.Error(str(exc), duration=8) from None
        except Exception as exc:  # never a traceback in the page
            print(f"error: {exc.__class__.__name__}: {exc}", file=sys.stderr)
            raise gr.Error(f"unexpected {exc.__class__.__name__}; see the server log", duration=8) from None
        index = len(answers)
        answers = answers + [answer]
        history = history + [(answer["standalone_question"] or q, answer["answer"])]
        chat[-1] = {"role": "assistant", "content": render.answer_message(answer, index)}
        first = answer["cited"][0] if answer["cited"] else None
        yield (chat, history, answers, "", render.sources_panel(answer, index, first, _articles(pipe, answer)),
               render.meta_line(answer))

    def show_citation(ref, answers):
        try:
            a, n = (int(x) for x in str(ref).split(":"))
            answer = answers[a]
        except (ValueError, IndexError):
            return gr.update()
        return render.sources_panel(answer, a, n, _articles(pipe, answer))

    def new_chat():
        return [], [], [], render.sources_panel(None, 0, None, {}), ""

    def on_like(data: gr.LikeData, answers):
        index = data.index[0] if isinstance(data.index, (list, tuple)) else data.index
        a = answers[index // 2] if 0 <= index // 2 < len(answers) else None
        if a is None:
            return
        row = {"time": time.time(), "liked": bool(data.liked), "question": a["question"], "answer": a["answer"],
               "citations": [a["citations"][n - 1]["source"] for n in a["cited"]], "model": a["model"],
               "prompt": a["prompt"]}
        with _feedback_lock, open(feedback_path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        gr.Info("Thanks — feedback saved.")

    def library_rows():
        return [[d["source"], d["title"], d["date"], d["outlet"], d["chunks"]]
                for d in pipe.library.store.list_documents()]

    def upload(files, progress=gr.Progress()):
        if not files:
            raise gr.Error("choose one or more .txt, .md, .html or .jsonl files first")
        staging = Path(tempfile.mkdtemp(prefix="upload-", dir=settings.home_path))
        rejected = []
        try:
            paths = []
            for f in files:
                src = Path(getattr(f, "name", f))
                name = safe_source(src.name)
                if Path(name).suffix.lower() not in UPLOAD_TYPES:
                    rejected.append(f"{name}: not a .txt, .md, .html or .jsonl file")
                    continue
                dst = staging / name
                shutil.copy(src, dst)
                paths.append(dst)
            report = None
            if paths:
                report = ingest(pipe.library, [staging], progress=False, warn=lambda m: None,
                                on_progress=lambda frac, msg: progress(frac, desc=msg))
                rejected += [f"{n}: {why.split(': ', 1)[-1]}" for n, why in report.skipped]
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        msg = report.summary() if report else "nothing ingested"
        if rejected:
            gr.Warning("Rejected — " + "; ".join(rejected), duration=10)
            msg += "\n\n" + "\n".join(f"- ⚠ rejected {r}" for r in rejected)
        return library_rows(), msg

    with gr.Blocks(title="Iraq–Syria news: cited answers", analytics_enabled=False) as demo:
        gr.Markdown("## Iraq–Syria contacts · cited answers from Arabic news\n"
                    "Ask in Arabic or English. Every sentence cites its passage — click a **[n]** to see it.")
        history = gr.State([])
        answers = gr.State([])
        with gr.Tab("Chat"):
            with gr.Row():
                with gr.Column(scale=3):
                    chat = gr.Chatbot(elem_id="chat", height=480, sanitize_html=True, group_consecutive_messages=False,
                                      feedback_options=("Like", "Dislike"), label="Conversation")
                    with gr.Row():
                        question = gr.Textbox(elem_id="question", placeholder="اكتب سؤالك… / Type a question…",
                                              show_label=False, scale=6, max_lines=4, lines=1)
                        ask = gr.Button("Ask", variant="primary", elem_id="ask", scale=1)
                        new = gr.Button("New chat", elem_id="new-chat", scale=1)
                    gr.Examples(EXAMPLES, inputs=question, label="Examples")
                    meta = gr.Markdown(elem_id="answer-meta")
                    with gr.Accordion("Settings", open=False, elem_id="settings"):
                        model = gr.Dropdown(choices, value=settings.llm if settings.llm in choices else "extractive",
                                            label="Model", elem_id="model", allow_custom_value=True)
                        k = gr.Slider(1, 15, value=settings.k, step=1, label="Passages (k)", elem_id="k")
                        lexw = gr.Slider(0.0, 1.0, value=settings.lexical_weight, step=0.1,
                                         label="Lexical ↔ dense balance (1 = BM25 only)", elem_id="lexw")
                with gr.Column(scale=2):
                    gr.Markdown("### Sources")
                    sources = gr.HTML(render.sources_panel(None, 0, None, {}), elem_id="sources")
            cite_ref = gr.Textbox(visible="hidden", elem_id="cite-ref")
            cite_go = gr.Button("show", visible="hidden", elem_id="cite-go")
        with gr.Tab("Library"):
            table = gr.Dataframe(library_rows, headers=["source", "title", "date", "outlet", "chunks"],
                                 interactive=False, elem_id="library", wrap=True)
            files = gr.File(file_count="multiple", file_types=UPLOAD_TYPES, label="Add articles", elem_id="upload")
            add = gr.Button("Ingest files", elem_id="ingest")
            status = gr.Markdown(elem_id="ingest-status")

        outs = [chat, history, answers, question, sources, meta]
        ins = [question, chat, history, answers, model, k, lexw]
        question.submit(respond, ins, outs, api_name=False)
        ask.click(respond, ins, outs, api_name=False)
        new.click(new_chat, None, [chat, history, answers, sources, meta], api_name=False)
        cite_go.click(show_citation, [cite_ref, answers], sources, api_name=False)
        chat.like(on_like, [answers], None, api_name=False)
        add.click(upload, files, [table, status], api_name="ingest")

        def answer(question: str, model: str = "extractive", k: int = 5) -> dict:
            """One question through the same pipeline as the chat; the answer as `rag ask --json` prints it."""
            try:
                return pipe.ask(question, model=model or None, k=int(k)).to_dict()
            except RagError as exc:
                raise gr.Error(str(exc)) from None

        gr.api(answer, api_name="answer")
    return demo


def serve(settings: Settings) -> int:
    """`rag serve`: ingest seeds/ if the library is empty, then serve on 127.0.0.1 (share tunnel off)."""
    lib = open_library(settings)
    if lib.is_empty():
        print(f"No index yet: ingesting {settings.seeds} ...", file=sys.stderr)
        print(ingest(lib, [Path(settings.seeds)]).summary(), file=sys.stderr)
    demo = build_app(settings)
    demo.queue(default_concurrency_limit=settings.ui_concurrency, max_size=64)
    auth = None
    if settings.ui_auth:
        if ":" not in settings.ui_auth:
            raise RagError("RAG_UI_AUTH must be user:password")
        auth = tuple(settings.ui_auth.split(":", 1))
    print(f"Serving on http://{settings.ui_host}:{settings.ui_port}", file=sys.stderr, flush=True)
    demo.launch(server_name=settings.ui_host, server_port=settings.ui_port, share=False, auth=auth,
                show_error=False, quiet=True, footer_links=["api"], css=render.CSS, head=render.HEAD,
                theme=gr.themes.Default(font=["system-ui", "Segoe UI", "Noto Naskh Arabic", "sans-serif"],
                                        font_mono=["ui-monospace", "monospace"]),
                max_file_size=settings.max_file_bytes, ssr_mode=False, mcp_server=False,
                prevent_thread_lock=True)
    from rag import mount_api  # the OpenAI-compatible API under /v1 on the same port

    mount_api(demo.app, Pipeline(settings), settings)
    demo.block_thread()
    return 0
