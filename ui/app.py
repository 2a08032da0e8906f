"""The browser app (Gradio): composes the Chat, Library, Timeline and Evaluations tabs; serves them behind an
optional login (every route checked, wrong passwords throttled per client)."""

from __future__ import annotations

import os
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from rag import (BOUNDS, Pipeline, RagError, Settings, discover_models, ensure_seeded, mount_api, open_library,
                 validate_question)

# No analytics, no hub telemetry, no version check: the app makes no outbound connection.
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
# Gradio's queue rebuilds its monitoring summary (a pandas table of up to 10,000 past events) after every
# event, holding the GIL 1.5 ms per answer at first and 9 ms once the table is full; nothing here reads it.
os.environ.setdefault("GRADIO_ANALYTICS_CACHE_FREQUENCY", str(10**9))

import gradio as gr  # noqa: E402  (after the environment above)

from . import assets, chat_tab, evals_tab, library_tab, render, timeline_tab  # noqa: E402
from .chat_tab import user_error  # noqa: E402
from .tuning import calm_queue, lazy_sessions  # noqa: E402
from .i18n import LANGS, from_accept_language, t  # noqa: E402

MAX_K = int(BOUNDS["k"][1])  # the most passages a question may read (rag/config.py's one settings table)


@dataclass
class AppContext:
    settings: Settings
    pipe: Pipeline
    choices: list[str]
    feedback_path: Path
    max_k: int = 15
    session_box: object = None  # the chat's hidden "browser:conversation" box, filled by the page on load
    holds: object = None  # the header line saying what the library holds (redrawn when the library changes)
    library_changed: list = field(default_factory=list)  # events after which the library may differ
    stop_answer: object = None  # stops the answer a page is computing (the chat's Stop; the page going away)


def model_choices(settings: Settings) -> list[str]:
    """The embedded default plus every model the configured endpoint reports (quick, never blocking)."""
    return list(dict.fromkeys(["extractive", *discover_models(settings)]))


def check_api_input(question, model, k, choices: list[str], settings: Settings) -> tuple[str, str, int]:
    """The /answer endpoint's inputs, validated; a ValueError with a one-line reason otherwise."""
    if not isinstance(question, str):
        raise ValueError(f"question must be text, got {type(question).__name__}")
    try:
        question.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("question is not valid text (it holds a lone surrogate); send UTF-8") from None
    try:
        q = validate_question(question, settings)
    except RagError as exc:
        raise ValueError(str(exc)) from None
    model = model or "extractive"
    if not isinstance(model, str) or model not in choices:
        raise ValueError(f"unknown model {model!r}; available: {', '.join(choices)}")
    bad = f"k must be a whole number from 1 to {MAX_K}, got {k!r}"
    if isinstance(k, str):
        try:
            k = int(k.strip())
        except ValueError:
            raise ValueError(bad) from None
    elif isinstance(k, float) and k.is_integer():
        k = int(k)
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= MAX_K:
        raise ValueError(bad)
    return q, model, k


def build_app(settings: Settings) -> gr.Blocks:
    """The Gradio app for these settings (the library must exist; `serve` ingests seeds first)."""
    pipe = Pipeline(settings)
    choices = model_choices(settings)
    ctx = AppContext(settings, pipe, choices, settings.home_path / "feedback.jsonl")
    with gr.Blocks(title="Iraq–Syria news: cited answers", analytics_enabled=False) as demo:
        with gr.Row(elem_id="top-bar"):
            title = gr.HTML(f'<h2 class="app-title" dir="auto">{t("en", "title")}</h2>', elem_id="app-title")
            lang = gr.Radio([("English", "en"), ("العربية", "ar")], value="en", show_label=False, elem_id="lang",
                            container=False, scale=0, min_width=200)
            theme = gr.Button(t("en", "theme"), elem_id="theme", size="sm", scale=0, min_width=100)
        holds = gr.HTML("", elem_id="holds")
        ctx.holds = holds
        on_change: list = []  # (fn, inputs, outputs): what a page in another language needs redrawn
        with gr.Tabs(elem_id="tabs", overflow_behavior="wrap"):  # every tab in sight on a phone, no menu
            with gr.Tab(t("en", "tab_chat"), id="chat", elem_id="tab-chat") as tab_chat:
                items = chat_tab.build(ctx, lang, on_change)
            with gr.Tab(t("en", "tab_library"), id="library", elem_id="tab-library") as tab_lib:
                items += library_tab.build(ctx, lang, on_change)
            with gr.Tab(t("en", "tab_timeline"), id="timeline", elem_id="tab-timeline") as tab_tl:
                tl_items, tl_refresh = timeline_tab.build(ctx, lang, on_change)
                items += tl_items
            with gr.Tab(t("en", "tab_evals"), id="evals", elem_id="tab-evals") as tab_ev:
                ev_items, ev_reload = evals_tab.build(ctx, lang, on_change)
                items += ev_items
        items += [(tab_chat, "tab_chat", "label"), (tab_lib, "tab_library", "label"),
                  (tab_tl, "tab_timeline", "label"), (tab_ev, "tab_evals", "label"), (theme, "theme", "value")]

        def relabel(lang_v):
            ups = [gr.update(**{attr: t(lang_v, key)}) for _, key, attr in items]
            return ups + [f'<h2 class="app-title" dir="auto">{t(lang_v, "title")}</h2>',
                          render.library_summary(pipe.library.store.list_documents(), lang_v)]

        # The page in a language, drawn by ONE event (not one per tab, and not one per load-time value): on load,
        # in the browser's or the URL's language, and when the user switches.
        handlers = [(relabel, [lang], [c for c, _, _ in items] + [title, holds])] + [
            (fn, list(ins), outs if isinstance(outs, list) else [outs]) for fn, ins, outs in on_change]
        all_ins, all_outs = [lang], []
        for _, ins, outs in handlers:
            all_ins += [c for c in ins if not any(c is x for x in all_ins)]
            all_outs += [c for c in outs if not any(c is x for x in all_outs)]

        at = {id(c): i for i, c in enumerate(all_ins)}  # each input's place in the event's values
        picks = [[at[id(c)] for c in ins] for _, ins, _ in handlers]

        def put(out: dict, comp, val) -> None:
            """Two handlers updating one component (a label, and its choices) both take effect."""
            prev = out.get(comp)
            if isinstance(prev, dict) and isinstance(val, dict) and prev.get("__type__") == val.get("__type__") == "update":
                out[comp] = {**prev, **val}
            else:
                out[comp] = val

        def in_language(*vals):
            out = {lang: vals[0]}
            for (fn, _, outs), pick in zip(handlers, picks):
                res = fn(*[vals[i] for i in pick])
                pairs = res.items() if isinstance(res, dict) else [(outs[0], res)] if len(outs) == 1 else zip(outs, res)
                for comp, val in pairs:
                    put(out, comp, val)
            return out

        quiet = {"api_name": False, "show_progress": "hidden"}
        lang.input(in_language, all_ins, [lang] + all_outs,
                   js="(...a) => { a[0] = ragApplyLang(a[0], true); return a; }", **quiet)
        sess_at = at[id(ctx.session_box)]  # the page's saved-conversation key goes in with the first drawing

        def first_drawing(request: gr.Request, *vals):
            """The page's first drawing: in the language chosen in the URL or with the switch (the page's script
            sends it), else in the one the browser asks for (the request's Accept-Language)."""
            if vals[0] not in LANGS:
                asked = request.headers.get("accept-language") if request is not None else None
                vals = (from_accept_language(asked), *vals[1:])
            return {**in_language(*vals), ctx.session_box: vals[sess_at]}

        demo.load(first_drawing, all_ins, [lang] + all_outs + [ctx.session_box],
                  js="(...a) => { ragTheme(false); a[0] = ragLang(); if (a[0]) ragApplyLang(a[0]); "
                     "a[%d] = ragSession(); return a; }" % sess_at, **quiet
                  ).then(None, [lang], None, js="(l) => { ragApplyLang(l); }", api_name=False)
        tab_ev.select(*ev_reload, api_name=False)
        for changed in ctx.library_changed:  # a deleted or added article leaves the timeline, or joins it, at once
            changed.then(*tl_refresh, api_name=False, show_progress="hidden")
        theme.click(None, None, None, js="() => ragTheme(true)")
        demo.unload(ctx.stop_answer)  # a page closed or reloaded mid-answer: its model request is closed

        def answer(question: str, model: str = "extractive", k: int = 5) -> dict:
            """One question through the same pipeline as the chat; the answer as `rag ask --json` prints it."""
            try:
                q, m, kk = check_api_input(question, model, k, choices, settings)
                return pipe.ask(q, model=m, k=kk).to_dict()
            except (ValueError, RagError) as exc:
                user_error("api /answer", str(exc))
                raise gr.Error(str(exc), print_exception=False) from None

        gr.api(answer, api_name="answer")
    demo.rag_context = ctx  # for the API hook in serve()
    return demo


# ---------------------------------------------------------------- serving: login wall and throttling

OPEN_GET = ("/", "/config", "/config/", "/login_check", "/login_check/", "/theme.css", "/favicon.ico",
            "/manifest.json", "/robots.txt")
# /gradio_api/startup-events stays behind the login: only `launch()` calls it (a mounted app runs its startup
# in the lifespan), and an anonymous call would run the startup hooks again.
OPEN_PREFIXES = ("/assets/", "/static/", "/svelte/", "/theme.css")


class LoginThrottle:
    """Per-client backoff after wrong passwords: 3 free tries, then 1, 2, 4 … (at most 60) seconds."""

    def __init__(self, free: int = 3, cap: float = 60.0):
        self.free, self.cap = free, cap
        self._fails: dict[str, tuple[int, float]] = {}
        self._lock = threading.Lock()

    def wait(self, client: str, now: float) -> float:
        with self._lock:
            n, last = self._fails.get(client, (0, 0.0))
        if n < self.free:
            return 0.0
        return max(0.0, last + min(self.cap, 2.0 ** (n - self.free)) - now)

    def failed(self, client: str, now: float) -> None:
        with self._lock:
            n, _ = self._fails.get(client, (0, 0.0))
            self._fails[client] = (n + 1, now)

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._fails.pop(client, None)


def guard(app, gradio_app, throttle: LoginThrottle, api_has_token: bool = False) -> None:
    """Every route but the login page's own needs a login; wrong passwords are throttled per client."""
    from starlette.responses import JSONResponse

    @app.middleware("http")
    async def wall(request, call_next):
        path, client = request.url.path, (request.client.host if request.client else "?")
        if path.rstrip("/") == "/login" and request.method == "POST":
            wait = throttle.wait(client, time.monotonic())
            if wait > 0:
                user_error("login", f"{client} throttled for {wait:.1f} s")
                return JSONResponse({"detail": f"Too many wrong passwords; try again in {wait:.0f} s."},
                                    status_code=429, headers={"Retry-After": str(max(1, round(wait)))})
            response = await call_next(request)
            if response.status_code == 200:
                throttle.succeeded(client)
            else:
                throttle.failed(client, time.monotonic())
                user_error("login", f"wrong password from {client}")
            return response
        if (request.method == "GET" and path in OPEN_GET) or path.startswith(OPEN_PREFIXES) or \
                (api_has_token and path.startswith("/v1/")):
            return await call_next(request)
        token = (request.cookies.get(f"access-token-{gradio_app.cookie_id}")
                 or request.cookies.get(f"access-token-unsecure-{gradio_app.cookie_id}"))
        if not token or token not in gradio_app.tokens:
            return JSONResponse({"detail": "Not authenticated: log in first."}, status_code=401)
        return await call_next(request)


def serve(settings: Settings) -> int:
    """`rag serve`: ingest seeds/ if the library is empty, then serve on 127.0.0.1 (share tunnel off)."""
    import uvicorn
    from fastapi import FastAPI
    from starlette.routing import Mount

    ensure_seeded(open_library(settings))
    demo = build_app(settings)
    demo.queue(default_concurrency_limit=settings.ui_concurrency, max_size=64)
    calm_queue(demo)
    lazy_sessions()
    auth = None
    if settings.ui_auth:
        if ":" not in settings.ui_auth:
            raise RagError("RAG_UI_AUTH must be user:password")
        auth = tuple(settings.ui_auth.split(":", 1))
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    # The OpenAI-compatible API under /v1, routed before the Gradio app mounted at "/"; with a login,
    # /v1 passes the login wall only when it has a token of its own (RAG_SERVER_TOKEN).
    mount_api(app, demo.rag_context.pipe, settings)
    app = gr.mount_gradio_app(
        app, demo, path="/", server_name=settings.ui_host, server_port=settings.ui_port, auth=auth,
        # no footer: its one link was Gradio's own API page (Python client, English), not the product's /v1 API
        show_error=False, footer_links=[], css=assets.CSS, head=assets.HEAD,
        theme=gr.themes.Default(font=["system-ui", "Segoe UI", "Noto Naskh Arabic", "sans-serif"],
                                font_mono=["ui-monospace", "monospace"]),
        max_file_size=settings.max_file_bytes, ssr_mode=False, mcp_server=False)
    if auth:
        gradio_app = next(r.app for r in app.routes if isinstance(r, Mount))
        guard(app, gradio_app, LoginThrottle(), api_has_token=bool(settings.server_token))
    print(f"Serving on http://{settings.ui_host}:{settings.ui_port}", file=sys.stderr, flush=True)
    # SIGTERM: open streams (a page's heartbeat, an answer) get 3 s, then the server stops
    uvicorn.run(app, host=settings.ui_host, port=settings.ui_port, log_level="warning", timeout_graceful_shutdown=3)
    return 0
