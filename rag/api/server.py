"""The bot as an OpenAI-compatible API under /v1 (mounted beside the browser chat by `rag serve`).

  GET  /v1/models             the bot's answer models
  POST /v1/chat/completions   the last user message is the question, earlier turns the history;
                              `stream` true (server-sent events) or false. The answer keeps its [n] markers
                              and the sources follow as a numbered list; structured citations ride in
                              `citations`, the rest of the checked answer in `rag`.
  POST /v1/ask                {"question", "model"?, "k"?, "history"?} -> exactly the `rag ask --json` object

Request and response bodies are pydantic models (as llama-cpp-python's server has them); their limits come
from the one settings table (rag/config.py: `k`'s bounds, the history's turns and characters, the body's
bytes), checked here, at the edge, before anything reaches the rewriter, retrieval or a model. A bearer token
(`RAG_SERVER_TOKEN`, distinct from the outgoing model key) is required when set; without one the API is only
mounted when the server listens on loopback. Errors use OpenAI's error shape and codes, a wrong method
included (405). Answers are verified before they are sent: a stream carries the checked answer, never model
text that the citation check might still withdraw. The chat content is Markdown that clients render, so
nothing from an article (title, url, sentence) can become a link, an image or HTML there. An answer whose
client has gone is stopped at once: a model call still waiting for its first token has its request closed.
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import json
import re
import sys
import threading
import time
import uuid
from typing import Any, Iterator, Literal

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import (BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr, ValidationError,
                      field_validator)

from ..config import BOUNDS, Settings, check_number
from ..errors import ConfigError, ModelError, QuestionError, RagError
from ..models.base import Cancel, Cancelled, cancellable
from .sources import inert_markdown, source_lines

OWNER = "iraq-syria-rag"


class ApiError(Exception):
    """An error answered in OpenAI's shape: {"error": {"message", "type", "param", "code"}}."""

    def __init__(self, status: int, message: str, code: str | None = None, param: str | None = None,
                 kind: str = "invalid_request_error", headers: dict | None = None):
        super().__init__(message)
        self.status, self.message, self.code, self.param, self.kind = status, message, code, param, kind
        self.headers = headers

    def body(self) -> dict:
        return ErrorResponse(error=ErrorDetail(message=self.message, type=self.kind, param=self.param,
                                               code=self.code)).model_dump()


class ClientGone(Exception):
    """The client closed its connection (or the server is stopping): its answer is not finished."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_exposure(settings: Settings) -> None:
    """`rag serve` beyond loopback needs a login for the page (RAG_UI_AUTH), or `--insecure` said out loud:
    RAG_SERVER_TOKEN guards /v1 only, the page (delete included) would be open to anyone who reaches it."""
    if is_loopback(settings.ui_host) or settings.ui_auth:
        return
    if not settings.insecure:
        raise ConfigError(f"refusing to serve on {settings.ui_host} without a login: set RAG_UI_AUTH=user:password "
                          f"(RAG_SERVER_TOKEN guards only /v1), or pass --insecure to open the page, delete "
                          f"included, to anyone who can reach {settings.ui_host}")
    print(f"warning: --insecure: the page on {settings.ui_host} has no login; anyone who reaches it can read "
          f"and delete the library", file=sys.stderr, flush=True)


# ------------------------------------------------------------------------------------------- request bodies

class _Body(BaseModel):
    # OpenAI's other fields (temperature, max_tokens, user, ...) are accepted and not used.
    model_config = ConfigDict(extra="ignore")


class TextPart(_Body):
    type: StrictStr
    text: StrictStr = ""


class Message(_Body):
    role: Literal["system", "developer", "user", "assistant", "tool"]
    content: StrictStr | list[TextPart] | None = None

    def text(self) -> str:
        if isinstance(self.content, str):
            return self.content
        return "\n".join(p.text for p in self.content or [] if p.type == "text")


def _k(value: int | None) -> int | None:
    """`k` within its bounds in the one settings table (rag/config.py BOUNDS)."""
    return None if value is None else check_number("k", value, ValueError)


class ChatRequest(_Body):
    model: StrictStr | None = None
    messages: list[Message] = Field(min_length=1)
    stream: StrictBool = False
    k: StrictInt | None = None

    _check_k = field_validator("k")(_k)


class AskRequest(_Body):
    question: StrictStr
    model: StrictStr | None = None
    k: StrictInt | None = None
    history: list[tuple[StrictStr, StrictStr]] = []

    _check_k = field_validator("k")(_k)


# ------------------------------------------------------------------------------------------ response bodies

class ErrorDetail(BaseModel):
    message: str
    type: str
    param: str | None = None
    code: str | None = None


class ErrorResponse(BaseModel):
    error: ErrorDetail


class ModelCard(BaseModel):
    id: str
    object: Literal["model"] = "model"
    created: int = 0
    owned_by: str = OWNER


class ModelList(BaseModel):
    object: Literal["list"] = "list"
    data: list[ModelCard]


class AssistantMessage(BaseModel):
    role: Literal["assistant"] = "assistant"
    content: str


class Choice(BaseModel):
    index: int = 0
    message: AssistantMessage
    finish_reason: Literal["stop"] = "stop"


class Usage(BaseModel):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0


class ChatCompletion(BaseModel):
    id: str
    object: Literal["chat.completion"] = "chat.completion"
    created: int
    model: str
    choices: list[Choice]
    usage: Usage = Usage()
    citations: list[dict]  # the answer's numbered passages (`rag ask --json`'s "citations")
    rag: dict  # the rest of the checked answer


class Delta(BaseModel):
    role: Literal["assistant"] | None = None
    content: str | None = None


class ChunkChoice(BaseModel):
    index: int = 0
    delta: Delta
    finish_reason: Literal["stop"] | None = None


class ChatCompletionChunk(BaseModel):
    id: str
    object: Literal["chat.completion.chunk"] = "chat.completion.chunk"
    created: int
    model: str
    choices: list[ChunkChoice]
    citations: list[dict] | None = None  # on the last chunk
    rag: dict | None = None

    def sse(self) -> bytes:
        obj = self.model_dump(exclude={"citations", "rag"} if self.rag is None else set())
        obj["choices"] = [{**c, "delta": {k: v for k, v in c["delta"].items() if v is not None}}
                          for c in obj["choices"]]
        return f"data: {json.dumps(obj, ensure_ascii=False)}\n\n".encode("utf-8")


# Which field a validation error is about -> (code, message when the value has the wrong type or shape).
_FIELD_ERRORS = {
    "messages": ("invalid_messages", "messages must be a non-empty list of {role, content}: role system, user or "
                                     "assistant; content a string or a list of text parts"),
    "stream": ("invalid_stream", "stream must be true or false"),
    "k": ("invalid_k", "k must be a whole number from {0:g} to {1:g}".format(*BOUNDS["k"])),
    "question": ("invalid_question", 'send a JSON object with a "question" string'),
    "history": ("invalid_history", "history must be a list of [question, answer] pairs of strings"),
    "model": ("invalid_model", "model must be a string: GET /v1/models lists the bot's models"),
}


def parse(cls: type[BaseModel], body: Any) -> Any:
    """The request body as `cls`, or an ApiError naming the field and what it must be."""
    try:
        return cls.model_validate(body)
    except ValidationError as exc:
        err = exc.errors(include_url=False, include_input=False)[0]
        loc = err["loc"]
        if not loc or loc[0] not in _FIELD_ERRORS:
            what = '"question" string' if cls is AskRequest else "model and messages"
            raise ApiError(400, f"send a JSON object with a {what}", "invalid_body") from None
        code, message = _FIELD_ERRORS[loc[0]]
        if err["type"] == "value_error":
            message = str(err["ctx"]["error"])
        if loc[0] == "messages" and len(loc) > 1 and isinstance(loc[1], int):
            message = f"messages[{loc[1]}]: {message}"
        raise ApiError(400, message, code, loc[0]) from None


_SOURCES = re.compile(r"\n\n(?:Sources|المصادر):\n.*\Z", re.S)


def conversation(messages: list[Message]) -> tuple[str, list[tuple[str, str]]]:
    """The question (the last user message) and the history (earlier user/assistant pairs)."""
    if messages[-1].role != "user":
        raise ApiError(400, "the last message must be the user's question", "invalid_messages", "messages")
    history, pending = [], None
    for m in messages[:-1]:
        if m.role == "user":
            pending = m.text()
        elif m.role == "assistant" and pending is not None:
            history.append((pending, _SOURCES.sub("", m.text())))  # our own sources list is not part of the answer
            pending = None
    return messages[-1].text(), history


def check_history(history: list[tuple[str, str]], settings: Settings, param: str) -> list[tuple[str, str]]:
    """The history within its bounds (turns, characters of each question and answer, of the whole), or a 400
    naming the bound and its setting: nothing unbounded reaches the rewriter, retrieval or a model."""
    def refuse(what: str) -> ApiError:
        return ApiError(400, f"{what}: start a new conversation or send fewer earlier turns", "invalid_history",
                        param)
    if len(history) > settings.max_history_turns:
        raise refuse(f"the history has {len(history):,} turns, over the {settings.max_history_turns:,}-turn "
                     f"limit (RAG_MAX_HISTORY_TURNS)")
    total = sum(len(q) + len(a) for q, a in history)
    if total > settings.max_history_chars:
        raise refuse(f"the history has {total:,} characters, over the {settings.max_history_chars:,}-character "
                     f"limit (RAG_MAX_HISTORY_CHARS)")
    for i, (q, a) in enumerate(history, 1):
        if len(q) > settings.max_question_chars:
            raise refuse(f"turn {i} of the history asks {len(q):,} characters, over the "
                         f"{settings.max_question_chars:,}-character limit of a question (RAG_MAX_QUESTION_CHARS)")
        if len(a) > settings.max_turn_chars:
            raise refuse(f"turn {i} of the history answers in {len(a):,} characters, over the "
                         f"{settings.max_turn_chars:,}-character limit of a turn (RAG_MAX_TURN_CHARS)")
    return history


def render(answer) -> str:
    """The answer as chat text (Markdown, inert): [n] markers kept, unsupported sentences marked, a notice,
    the numbered sources."""
    ar = answer.question and re.search(r"[\u0600-\u06FF]", answer.question) is not None
    lines = [inert_markdown(answer.answer)]
    for u in answer.unsupported:
        lines.append(f"⚠ {'غير مدعومة بالمقطع' if ar else 'not supported by'} [{u['n']}]: "
                     f"{inert_markdown(u['sentence'])}")
    if answer.notice:
        lines += ["", f"({inert_markdown(answer.notice)})"]
    return "\n".join(lines + [""] + source_lines(answer, markdown=True, cited_only=True))


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


def discover_models(settings: Settings) -> list[str]:
    """The configured model and every model its endpoint serves (asked quickly: 3 s, no retries); the one
    model discovery of the API and the app."""
    from ..answer.resolve import list_providers

    names = [settings.llm]
    try:
        for p in list_providers(settings.with_(llm_timeout=3.0, llm_retries=0)):
            names.extend(p["models"])
    except RagError:
        pass
    return list(dict.fromkeys(names))


class Api:
    """The request handling, independent of the web framework's routing."""

    def __init__(self, pipeline, settings: Settings, models: list[str]):
        self.pipe = pipeline
        self.settings = settings
        self.models = list(dict.fromkeys(models))
        self.token = settings.server_token.encode("utf-8")
        self.stopped = 0  # answers stopped because their client had gone

    def authorize(self, header: str | None) -> None:
        if not self.token:
            return
        given = (header or "").strip()
        given = given[7:].strip() if given[:7].lower() == "bearer " else ""
        if not hmac.compare_digest(given.encode("utf-8"), self.token):
            raise ApiError(401, "missing or wrong bearer token: send Authorization: Bearer <RAG_SERVER_TOKEN>",
                           "invalid_api_key")

    def model_list(self) -> dict:
        return ModelList(data=[ModelCard(id=m) for m in self.models]).model_dump()

    def _model(self, name: str | None) -> str:
        if name in (None, ""):
            return self.models[0]
        if name not in self.models:
            raise ApiError(404, f"the model {name!r} does not exist; GET /v1/models lists the bot's models",
                           "model_not_found", "model")
        return name

    def prepare_ask(self, body: Any) -> tuple[str, str, list, int | None]:
        req = parse(AskRequest, body)
        history = check_history([tuple(t) for t in req.history], self.settings, "history")
        return req.question, self._model(req.model), history, req.k

    def prepare_chat(self, body: Any) -> tuple[str, str, list, int | None, bool]:
        req = parse(ChatRequest, body)
        question, history = conversation(req.messages)
        check_history(history, self.settings, "messages")
        return question, self._model(req.model), history, req.k, req.stream

    def answer(self, question: str, model: str, history, k, cancel: Cancel, asked_in: str = "messages"):
        """The checked answer, step by step. Once `cancel` is set (the client left) it stops: a model call in
        flight is cut (its HTTP request closed, even before its first token), and no further step runs.
        `asked_in` is the request's field that held the question (an error about the question names it)."""
        events = self.pipe.stream(question, model=model, history=history, k=k)
        try:
            for ev in cancellable(events, cancel):
                if ev.kind == "answer":
                    return ev.answer
        except Cancelled:
            raise ClientGone() from None
        except RagError as exc:
            status, code, kind, param = next(row for cls, row in _ERRORS if isinstance(exc, cls))
            if isinstance(exc, QuestionError):
                param = asked_in
            raise ApiError(status, str(exc), code, param, kind) from None
        finally:
            events.close()  # a model's stream still open is closed with it
        raise ApiError(500, "the answer ended without a result; see the server log", "server_error",
                       kind="server_error")

    def completion(self, a, model: str) -> dict:
        return ChatCompletion(id=_completion_id(), created=int(time.time()), model=model,
                              choices=[Choice(message=AssistantMessage(content=render(a)))], **_extras(a)).model_dump()

    def completion_stream(self, a, model: str) -> Iterator[bytes]:
        cid, created = _completion_id(), int(time.time())

        def chunk(delta: Delta, finish: str | None = None, **extra) -> bytes:
            return ChatCompletionChunk(id=cid, created=created, model=model,
                                       choices=[ChunkChoice(delta=delta, finish_reason=finish)], **extra).sse()

        yield chunk(Delta(role="assistant", content=""))
        for piece in re.findall(r"\S+\s*|\s+", render(a)):
            yield chunk(Delta(content=piece))
        yield chunk(Delta(), "stop", **_extras(a))
        yield b"data: [DONE]\n\n"


async def _until_gone(request: Request, work, limit: asyncio.Semaphore):
    """Runs `work(cancel)` in a thread of its own while watching the connection: when the client goes (or the
    server stops this request), `cancel` is set: a model call in flight is cut and the work stops. The thread is
    a daemon, so a stopping server never waits for it."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future = loop.create_future()
    cancel = Cancel()

    def run() -> None:
        try:
            result, error = work(cancel), None
        except BaseException as exc:  # noqa: BLE001 - handed to the request's task
            result, error = None, exc
        def settle() -> None:
            if not done.done():
                done.set_exception(error) if error else done.set_result(result)
        try:
            loop.call_soon_threadsafe(settle)
        except RuntimeError:  # the server's loop has closed: nobody waits for this answer
            pass

    async def watch() -> None:
        while (await request.receive())["type"] != "http.disconnect":
            pass
        cancel.set()

    async with limit:
        watcher = asyncio.ensure_future(watch())
        threading.Thread(target=run, name="rag-api-answer", daemon=True).start()
        try:
            await asyncio.wait({done, watcher}, return_when=asyncio.FIRST_COMPLETED)
            if not done.done():
                raise ClientGone()
            return done.result()
        finally:
            cancel.set()
            watcher.cancel()


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
    api = Api(pipeline, settings, [pipeline.model.name, "extractive", *discover_models(settings)])
    app.state.rag_api = api
    router = APIRouter(prefix="/v1")
    limit = asyncio.Semaphore(max(1, settings.ui_concurrency))

    def fail(exc: Exception) -> JSONResponse:
        if not isinstance(exc, ApiError):
            print(f"error: /v1: {exc.__class__.__name__}: {exc}", file=sys.stderr)
            exc = ApiError(500, f"unexpected {exc.__class__.__name__}; see the server log", "server_error",
                           kind="server_error")
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else exc.headers
        return JSONResponse(exc.body(), status_code=exc.status, headers=headers)

    async def body_of(request: Request) -> Any:
        cap = settings.max_request_bytes
        too_big = ApiError(413, f"the request body is over {cap:,} bytes (RAG_MAX_REQUEST_BYTES)",
                           "request_too_large")
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > cap:
            raise too_big
        raw = bytearray()
        async for part in request.stream():
            raw += part
            if len(raw) > cap:
                raise too_big
        try:
            return json.loads(bytes(raw) or b"null")
        except RecursionError:
            raise ApiError(400, "the request body nests too deeply: send a JSON object of the documented shape",
                           "invalid_json") from None
        except (ValueError, UnicodeDecodeError):
            raise ApiError(400, "the request body is not valid JSON", "invalid_json") from None

    def route(handler):
        """One frame for every route: the bearer check, then the handler; any failure in OpenAI's shape."""
        async def endpoint(request: Request):
            try:
                api.authorize(request.headers.get("authorization"))
                return await handler(request)
            except ClientGone:
                api.stopped += 1
                print("note: /v1: the client left before its answer; the answer was stopped", file=sys.stderr)
                return JSONResponse(ApiError(499, "the client closed the request", "client_closed").body(),
                                    status_code=499)
            except Exception as exc:
                return fail(exc)
        return endpoint

    def wrong_method(allowed: str):
        async def handler(request: Request):
            raise ApiError(405, f"{request.method} is not allowed on {request.url.path}: use {allowed}",
                           "method_not_allowed", headers={"Allow": allowed})
        return handler

    async def models(request: Request):
        return JSONResponse(api.model_list())

    async def chat_completions(request: Request):
        question, model, history, k, stream = api.prepare_chat(await body_of(request))
        a = await _until_gone(request, lambda cancel: api.answer(question, model, history, k, cancel), limit)
        if stream:
            return StreamingResponse(api.completion_stream(a, model), media_type="text/event-stream",
                                     headers={"Cache-Control": "no-cache"})
        return JSONResponse(api.completion(a, model))

    async def ask(request: Request):
        question, model, history, k = api.prepare_ask(await body_of(request))
        a = await _until_gone(request, lambda cancel: api.answer(question, model, history, k, cancel, "question"),
                              limit)
        return JSONResponse(a.to_dict())

    others = ["PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]
    for path, handler, method in (("/models", models, "GET"), ("/chat/completions", chat_completions, "POST"),
                                  ("/ask", ask, "POST")):
        router.add_api_route(path, route(handler), methods=[method])
        router.add_api_route(path, route(wrong_method(method)),
                             methods=[m for m in ["GET", "POST", *others] if m != method and m != "HEAD"])

    async def unknown(request: Request):
        raise ApiError(404, f"no route {request.url.path}: the API serves /v1/models, /v1/chat/completions and "
                            f"/v1/ask", "not_found")
    router.add_api_route("/{rest:path}", route(unknown), methods=["GET", "POST", *others])  # after the routes
    app.include_router(router)
    return True
