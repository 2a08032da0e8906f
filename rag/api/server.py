"""The bot as an OpenAI-compatible API under /v1 (mounted beside the browser chat by `rag serve`).

  GET  /v1/models             the bot's answer models
  POST /v1/chat/completions   the last user message is the question, earlier turns the history;
                              `stream` true (server-sent events) or false. The answer keeps its [n] markers
                              and the sources follow as a numbered list; structured citations ride in
                              `citations`, the rest of the checked answer in `rag`.
  POST /v1/ask                {"question", "model"?, "k"?, "history"?} -> exactly the `rag ask --json` object

A bearer token (`RAG_SERVER_TOKEN`, distinct from the outgoing model key) is required when set; without one
the API is only mounted when the server listens on loopback. Errors use OpenAI's error shape and codes.
Answers are verified before they are sent: a stream carries the checked answer, never model text that
the citation check might still withdraw.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import re
import sys
import time
import uuid
from typing import Any, Iterator

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, StreamingResponse
from starlette.concurrency import run_in_threadpool

from ..config import Settings
from ..errors import ConfigError, ModelError, QuestionError, RagError

OWNER = "iraq-syria-rag"


class ApiError(Exception):
    """An error answered in OpenAI's shape: {"error": {"message", "type", "param", "code"}}."""

    def __init__(self, status: int, message: str, code: str | None = None, param: str | None = None,
                 kind: str = "invalid_request_error"):
        super().__init__(message)
        self.status, self.message, self.code, self.param, self.kind = status, message, code, param, kind

    def body(self) -> dict:
        return {"error": {"message": self.message, "type": self.kind, "param": self.param, "code": self.code}}


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _text(content: Any, where: str) -> str:
    """A message's text: a string, or the text parts of a list of content parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = [p.get("text", "") for p in content if isinstance(p, dict) and p.get("type") == "text"]
        if parts or not content:
            return "\n".join(parts)
    raise ApiError(400, f"{where}: content must be a string or a list of text parts", "invalid_content", "messages")


_SOURCES = re.compile(r"\n\n(?:Sources|المصادر):\n.*\Z", re.S)


def conversation(messages: Any) -> tuple[str, list[tuple[str, str]]]:
    """The question (the last user message) and the history (earlier user/assistant pairs)."""
    if not isinstance(messages, list) or not messages:
        raise ApiError(400, "messages must be a non-empty list of {role, content}", "invalid_messages", "messages")
    turns = []
    for i, m in enumerate(messages):
        if not isinstance(m, dict) or m.get("role") not in ("system", "developer", "user", "assistant", "tool"):
            raise ApiError(400, f"messages[{i}] needs a role (system, user or assistant) and content",
                           "invalid_messages", "messages")
        turns.append((m["role"], _text(m.get("content"), f"messages[{i}]")))
    if turns[-1][0] != "user":
        raise ApiError(400, "the last message must be the user's question", "invalid_messages", "messages")
    history, pending = [], None
    for role, text in turns[:-1]:
        if role == "user":
            pending = text
        elif role == "assistant" and pending is not None:
            history.append((pending, _SOURCES.sub("", text)))  # our own sources list is not part of the answer
            pending = None
    return turns[-1][1], history


def render(answer) -> str:
    """The answer as chat text: [n] markers kept, unsupported sentences marked, a notice, numbered sources."""
    ar = answer.question and re.search(r"[\u0600-\u06FF]", answer.question) is not None
    lines = [answer.answer]
    for u in answer.unsupported:
        lines.append(f"⚠ {'غير مدعومة بالمقطع' if ar else 'not supported by'} [{u['n']}]: {u['sentence']}")
    if answer.notice:
        lines += ["", f"({answer.notice})"]
    cited = set(answer.cited)
    shown = [c for c in answer.citations if c.n in cited] or answer.citations
    lines += ["", "المصادر:" if ar else "Sources:"]
    for c in shown:
        meta = " · ".join(x for x in (c.outlet, c.date, c.title) if x)
        lines.append(f"[{c.n}] {meta} ({c.source})" + (f" {c.url}" if c.url else ""))
    return "\n".join(lines)


def _completion_id() -> str:
    return f"chatcmpl-{uuid.uuid4().hex[:24]}"


def _extras(answer) -> dict:
    rag = answer.to_dict()
    return {"citations": rag.pop("citations"), "rag": rag}


# The library's exceptions as API errors, first match wins: (class, (status, code, type, param)).
_ERRORS: list[tuple[type, tuple[int, str, str, str | None]]] = [
    (QuestionError, (400, "invalid_question", "invalid_request_error", "messages")),
    (ConfigError, (400, "invalid_model", "invalid_request_error", "model")),
    (ModelError, (502, "model_error", "api_error", None)),
    (RagError, (500, "server_error", "server_error", None)),
]


class Api:
    """The request handling, independent of the web framework's routing."""

    def __init__(self, pipeline, settings: Settings, models: list[str]):
        self.pipe = pipeline
        self.settings = settings
        self.models = list(dict.fromkeys(models))
        self.token = settings.server_token.encode("utf-8")

    def authorize(self, header: str | None) -> None:
        if not self.token:
            return
        given = (header or "").strip()
        given = given[7:].strip() if given[:7].lower() == "bearer " else ""
        if not hmac.compare_digest(given.encode("utf-8"), self.token):
            raise ApiError(401, "missing or wrong bearer token: send Authorization: Bearer <RAG_SERVER_TOKEN>",
                           "invalid_api_key")

    def model_list(self) -> dict:
        return {"object": "list", "data": [{"id": m, "object": "model", "created": 0, "owned_by": OWNER}
                                           for m in self.models]}

    def _model(self, name: Any) -> str:
        if name in (None, ""):
            return self.models[0]
        if not isinstance(name, str) or name not in self.models:
            raise ApiError(404, f"the model {name!r} does not exist; GET /v1/models lists the bot's models",
                           "model_not_found", "model")
        return name

    @staticmethod
    def _k(value: Any) -> int | None:
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 50:
            raise ApiError(400, "k must be an integer from 1 to 50", "invalid_k", "k")
        return value

    def _ask(self, question: str, model: str, history, k):
        try:
            return self.pipe.ask(question, model=model, history=history, k=k)
        except RagError as exc:
            status, code, kind, param = next(row for cls, row in _ERRORS if isinstance(exc, cls))
            raise ApiError(status, str(exc), code, param, kind) from None

    def ask(self, body: Any) -> dict:
        if not isinstance(body, dict) or not isinstance(body.get("question"), str):
            raise ApiError(400, 'send a JSON object with a "question" string', "invalid_question", "question")
        history = body.get("history") or []
        if not isinstance(history, list) or not all(
                isinstance(t, (list, tuple)) and len(t) == 2 and all(isinstance(x, str) for x in t) for t in history):
            raise ApiError(400, "history must be a list of [question, answer] pairs", "invalid_history", "history")
        a = self._ask(body["question"], self._model(body.get("model")), [tuple(t) for t in history],
                      self._k(body.get("k")))
        return a.to_dict()

    def prepare(self, body: Any) -> tuple[str, str, list, int | None, bool]:
        if not isinstance(body, dict):
            raise ApiError(400, "send a JSON object with model and messages", "invalid_body")
        question, history = conversation(body.get("messages"))
        stream = body.get("stream", False)
        if not isinstance(stream, bool):
            raise ApiError(400, "stream must be true or false", "invalid_stream", "stream")
        return question, self._model(body.get("model")), history, self._k(body.get("k")), stream

    def completion(self, question: str, model: str, history, k) -> dict:
        a = self._ask(question, model, history, k)
        return {"id": _completion_id(), "object": "chat.completion", "created": int(time.time()), "model": model,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": render(a)},
                             "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}, **_extras(a)}

    def completion_stream(self, question: str, model: str, history, k) -> Iterator[bytes]:
        cid, created = _completion_id(), int(time.time())

        def chunk(delta: dict, finish: str | None = None, **extra) -> bytes:
            obj = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": model,
                   "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **extra}
            return f"data: {json.dumps(obj, ensure_ascii=False)}\n\n".encode("utf-8")

        yield chunk({"role": "assistant", "content": ""})
        try:
            a = self._ask(question, model, history, k)
        except ApiError as exc:
            yield f"data: {json.dumps(exc.body(), ensure_ascii=False)}\n\n".encode("utf-8")
            return
        for piece in re.findall(r"\S+\s*|\s+", render(a)):
            yield chunk({"content": piece})
        yield chunk({}, "stop", **_extras(a))
        yield b"data: [DONE]\n\n"


def api_models(pipeline, settings: Settings) -> list[str]:
    """The bot's answer models: its default, the extractive one, and what its endpoint serves."""
    from ..answer.resolve import list_providers

    names = [pipeline.model.name, "extractive"]
    if settings.llm != "extractive" or settings.llm_base_url:
        try:
            for p in list_providers(settings.with_(llm_timeout=3.0, llm_retries=0)):
                names.extend(p["models"])
        except RagError:
            pass
    return names


def mount_api(app, pipeline=None, settings: Settings | None = None) -> bool:
    """Add the /v1 routes to a FastAPI app (Gradio's `demo.app` included). Returns False, with a one-line
    warning, when the server listens beyond loopback and no RAG_SERVER_TOKEN is set."""
    settings = settings or pipeline.settings
    if pipeline is None:
        from ..answer.chain import Pipeline

        pipeline = Pipeline(settings)
    if not settings.server_token and not is_loopback(settings.ui_host):
        print(f"warning: the /v1 API is off: set RAG_SERVER_TOKEN to serve it on {settings.ui_host}",
              file=sys.stderr)
        return False
    api = Api(pipeline, settings, api_models(pipeline, settings))
    router = APIRouter(prefix="/v1")

    def fail(exc: Exception) -> JSONResponse:
        if not isinstance(exc, ApiError):
            print(f"error: /v1: {exc.__class__.__name__}: {exc}", file=sys.stderr)
            exc = ApiError(500, f"unexpected {exc.__class__.__name__}; see the server log", "server_error",
                           kind="server_error")
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return JSONResponse(exc.body(), status_code=exc.status, headers=headers)

    async def body_of(request: Request) -> Any:
        try:
            return json.loads(await request.body() or b"null")
        except (ValueError, UnicodeDecodeError):
            raise ApiError(400, "the request body is not valid JSON", "invalid_json") from None

    def route(handler):
        """One frame for every route: the bearer check, then the handler; any failure in OpenAI's shape."""
        async def endpoint(request: Request):
            try:
                api.authorize(request.headers.get("authorization"))
                return await handler(request)
            except Exception as exc:
                return fail(exc)
        return endpoint

    async def models(request: Request):
        return JSONResponse(api.model_list())

    async def chat_completions(request: Request):
        question, model, history, k, stream = api.prepare(await body_of(request))
        if stream:
            return StreamingResponse(api.completion_stream(question, model, history, k),
                                     media_type="text/event-stream", headers={"Cache-Control": "no-cache"})
        return JSONResponse(await run_in_threadpool(api.completion, question, model, history, k))

    async def ask(request: Request):
        return JSONResponse(await run_in_threadpool(api.ask, await body_of(request)))

    router.add_api_route("/models", route(models), methods=["GET"])
    router.add_api_route("/chat/completions", route(chat_completions), methods=["POST"])
    router.add_api_route("/ask", route(ask), methods=["POST"])
    app.include_router(router)
    return True
