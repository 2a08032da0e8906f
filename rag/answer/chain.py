"""The answer path: validate -> standalone question -> retrieve -> answer -> check (-> verified or fallback)."""

from __future__ import annotations

import re
import threading
import time
from dataclasses import asdict, dataclass, field
from typing import Any, Iterator

from langchain_core.runnables import RunnableLambda

from ..text.arabic import language
from .citations import MARKER, CitationCheck, check
from ..config import Settings
from ..errors import ModelError, QuestionError
from .followup import is_follow_up, rewrite
from ..index.library import Library, open_library
from ..models.base import ChatModel, Context, Reply
from .expected import expected_type
from .extractive import Extractive, score_sentences
from .resolve import resolve_model
from .spans import with_joined_sentences
from ..models.prompts import load_prompt
from .questions import Question, abstention, as_question, make_question, screen_question, validate_question

__all__ = ["Answer", "Citation", "Event", "Pipeline", "validate_question"]  # validate_question: its old import path
from ..index.lexical import LexicalIndex
from ..index.retrieve import Hit, hybrid_search
from .from_timeline import answer_from_timeline


@dataclass(frozen=True)
class Citation:
    """Passage `n` of an answer: where it comes from and its text."""

    n: int
    source: str
    chunk_id: str
    title: str
    date: str
    outlet: str
    url: str
    text: str
    start: int
    end: int
    score: float

    @classmethod
    def from_hit(cls, n: int, hit: Hit) -> "Citation":
        c = hit.chunk
        return cls(n, c.source, c.id, c.title, c.date, c.outlet, c.url, c.text, c.start, c.end, round(hit.score, 5))

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Answer:
    """An answer with its numbered passages, provenance and checks; `to_dict` is the JSON form.

    `model_text` holds a generative model's reply when it was not shown as the answer (not verified:
    empty, only markers, no citation, no supported sentence, wrong language) and the extractive answer
    was given instead (`fallback`); `unsupported` lists the sentences of a shown answer that their
    cited passage does not support."""

    question: str
    answer: str
    abstained: bool
    citations: list[Citation]
    model: str
    prompt: str | None = None
    standalone_question: str | None = None
    cited: list[int] = field(default_factory=list)
    unsupported: list[dict] = field(default_factory=list)
    support: list[dict] = field(default_factory=list)
    invalid_citations: list[int] = field(default_factory=list)
    uncited: bool = False
    fallback: bool = False
    notice: str = ""
    model_text: str | None = None
    timings_ms: dict = field(default_factory=dict)
    abstain_reason: str = ""  # why it abstained: 'content_free'/'instruction_like' (rag/answer/questions.py) or the answerer's
    answerability: float | None = None  # the answerer's calibrated score (>= 0 answers), when it gives one

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Event:
    """A streaming event: 'token' (text), 'reset' (discard streamed text), 'notice', 'answer'."""

    kind: str
    text: str = ""
    answer: Answer | None = None


@dataclass
class _Outcome:
    """What the answer step settled on: the shown reply, its check, and why another one was not shown."""

    reply: Reply
    checked: CitationCheck
    model: str
    fallback: bool = False
    notice: str = ""
    model_text: str | None = None
    prompt: str | None = None  # the prompt behind model_text


def unverified(reply: Reply, checked: CitationCheck, question: str) -> str:
    """Why a generative reply may not be shown as the answer; '' when it may."""
    if reply.abstained:
        return ""
    if not re.search(r"\w", MARKER.sub("", checked.text)):
        return "the reply was empty or only citation markers"
    if checked.uncited:
        return "the reply cites no passage"
    if not checked.support:
        return "no sentence of the reply is supported by the passage it cites"
    if as_question(question).language == "ar" and language(checked.text) != "ar":
        return "the reply is not in Arabic, the question's language"
    return ""


class Pipeline:
    """Answers questions over a library with a model object (a name is resolved once, here)."""

    def __init__(self, settings: Settings, library: Library | None = None, model: ChatModel | str | Any = None):
        self.settings = settings
        self.library = library or open_library(settings)
        self.threshold = settings.abstain_threshold
        # A model object made at the edge (`rag ask`, the app) is used as it is: a name is resolved once, here.
        self.model = model if isinstance(model, ChatModel) else resolve_model(
            model if model is not None else settings.llm, settings)
        self.fallback_model = Extractive()
        self._named: dict[str, ChatModel] = {self.model.name: self.model, "extractive": self.fallback_model}
        self._lock = threading.Lock()
        self._condense = None

    def model_for(self, model: ChatModel | str | Any = None) -> ChatModel:
        """The pipeline's model, or another one by object or name (each name resolved once)."""
        if model is None:
            return self.model
        if not isinstance(model, str):
            return resolve_model(model, self.settings)
        with self._lock:
            if model not in self._named:
                self._named[model] = resolve_model(model, self.settings)
            return self._named[model]

    def standalone(self, question: Question, model: ChatModel) -> Question:
        """Rewrite a follow-up into a standalone question (by the model, or by carrying entities); a question
        that is not a follow-up is itself (nothing of it made again)."""
        text = self._standalone_text(question, list(question.history), model)
        return question if text == question else Question(text, k=question.k, history=question.history)

    def _standalone_text(self, question: Question, history: list[tuple[str, str]], model: ChatModel) -> str:
        if not history or not is_follow_up(question):
            return question
        # whatever the caller (the API bounds its history at the edge; a library caller or the browser may not),
        # the rewriter reads at most the last three turns, each question within the question limit
        history = [(q[:self.settings.max_question_chars], a[:500]) for q, a in history[-3:]]
        if self._condense is None:
            self._condense = load_prompt(self.settings.prompts_dir, "condense")
        convo = "\n".join(f"Q: {q}\nA: {a[:500]}" for q, a in history[-3:])
        try:
            out = model.complete(self._condense.format(history=convo, question=question)).strip()
            if out and len(out) < 4 * len(question) + 400:
                return out.splitlines()[0].strip()
        except ModelError:  # the extractive model does not write; a failing endpoint is retried by the answer
            pass
        return rewrite(question, history)

    def retrieve(self, question: str, k: int | None = None, lexical_weight: float | None = None,
                 lexical_index: LexicalIndex | None = None):
        """The numbered passages for a (standalone) question, and the question's vector. An empty library is
        an error naming the fix (asked only when nothing was found, not before every question)."""
        lib = self.library
        qvec = lib.embedder.embed_query_vector(question)
        searched = question.searched() if isinstance(question, Question) else question
        hits = hybrid_search(lib, searched, k or getattr(question, "k", None) or self.settings.k, lexical_weight,
                             vector=qvec, lexical_index=lexical_index)
        if not hits and lib.is_empty():
            raise QuestionError("the library is empty: run `rag ingest` first")
        return hits, qvec

    def check(self, reply: Reply, hits: list[Hit]) -> CitationCheck:
        """Markers normalised, invalid ones dropped, each cited sentence checked against its passage."""
        emb = self.library.embedder
        return check(reply.text, [h.chunk.text for h in hits],
                     sentence_vectors=[h.chunk.sentence_vectors for h in hits],
                     embed=lambda s: emb.embed_passages([s])[0], abstained=reply.abstained,
                     passage_sentences=[[h.chunk.text[a:b] for a, b in h.chunk.sentences] for h in hits],
                     passage_dates=[h.chunk.date or "" for h in hits])

    def _run(self, model: ChatModel, ctx: Context) -> Iterator[Event]:
        """Stream one model's tokens; its `Reply` is the generator's return value."""
        reply = None
        for item in model.stream(ctx):
            if isinstance(item, Reply):
                reply = item
            else:
                yield Event("token", item)
        if reply is None:
            raise ModelError(f"{model.name} ended without a reply")
        return reply

    def answer(self, model: ChatModel, ctx: Context) -> Iterator[Event]:
        """Answer with `model`; fall back to the extractive answer when it fails or is not verified."""
        failed, model_text, prompt, reply = "", None, None, None
        try:
            reply = yield from self._run(model, ctx)
        except ModelError as exc:
            failed = f"{model.name} failed: {exc}"
        if reply is not None:
            checked = self.check(reply, ctx.hits)
            # the extractive answerer's own reply is the one a fallback would show: it is never "not verified"
            # (a model made at the edge, `rag ask`, is another Extractive object than the fallback)
            why = "" if isinstance(model, Extractive) else unverified(reply, checked, ctx.question)
            if not why:
                return _Outcome(reply, checked, model.name, notice=reply.notice)
            failed, model_text = f"{model.name}'s reply was not verified ({why})", checked.text
            prompt = reply.prompt
        notice = f"{failed} — showing the extractive answer instead."
        yield Event("reset")
        yield Event("notice", notice)
        reply = yield from self._run(self.fallback_model, ctx)
        return _Outcome(reply, self.check(reply, ctx.hits), f"extractive (fallback from {model.name})",
                        fallback=True, notice=notice, model_text=model_text, prompt=prompt)

    def stream(self, question: str | Question, *, model: ChatModel | str | Any = None,
               history: list[tuple[str, str]] | None = None, k: int | None = None,
               lexical_weight: float | None = None) -> Iterator[Event]:
        """Events while answering; the last one carries the full `Answer`. A `Question` made at the edge is
        used as it is; text (with `k` and `history`) is made into one here, once."""
        t0 = time.perf_counter()
        q = make_question(question, self.settings, k=k, history=history)
        if reason := screen_question(q, bool(q.history)):  # honest abstention, no retrieval and no model
            text = abstention(q, reason)
            yield Event("token", text)
            yield Event("answer", answer=Answer(q, text, True, [], "none", abstain_reason=reason, timings_ms={
                "retrieve": 0.0, "answer": 0.0, "total": round((time.perf_counter() - t0) * 1000, 1)}))
            return
        chat = self.model_for(model)
        sq = self.standalone(q, chat)
        t1 = time.perf_counter()
        lex = self.library.lexical  # the index's generation read once for this question's retrieval and answer
        ta = answer_from_timeline(sq, self.library, q.language)  # contacts as a whole: from the events
        # No matching event: the passages may still answer (issue 25), unless the question bounds a period the
        # timeline has no contact in (the passages are not dated event by event) or asks for contacts of a status
        # (postponed, cancelled) the timeline has none of (a passage would answer with one that happened).
        # A question for people ("which officials attended the March meeting") is not one for contacts: with no
        # event, the passages name them.
        if ta is not None and (not ta.abstained or ({"since", "until", "status"} & set(ta.filters)
                                                    and expected_type(sq) != "person")):
            hits, qvec, chat = ta.hits(self.library), self.library.embedder.embed_query_vector(sq), ta.provider()
        else:
            hits, qvec = self.retrieve(sq, q.k, lexical_weight, lex)
        hits = with_joined_sentences(hits)  # "…; al-Shaibani led the delegation." read as one sentence
        t2 = time.perf_counter()
        ctx = Context(sq, hits, qvec, lex.words, self.threshold,
                      rank=lambda: ((c.n, c.text) for c in score_sentences(sq, hits, qvec, lex.words)))
        out: _Outcome = yield from self.answer(chat, ctx)
        t3 = time.perf_counter()
        checked, reply = out.checked, out.reply
        answer = Answer(
            question=q, answer=checked.text, abstained=reply.abstained,
            citations=[Citation.from_hit(n, h) for n, h in enumerate(hits, 1)],
            model=out.model, prompt=out.prompt or reply.prompt, standalone_question=sq if sq != q else None,
            cited=checked.cited, unsupported=checked.unsupported, support=checked.support,
            invalid_citations=checked.invalid, uncited=checked.uncited and not reply.abstained,
            fallback=out.fallback, notice=_notice(out.notice, checked), model_text=out.model_text,
            abstain_reason=reply.abstain_reason if reply.abstained else "",
            answerability=reply.score,
            timings_ms={"retrieve": round((t2 - t1) * 1000, 1), "answer": round((t3 - t2) * 1000, 1),
                        "total": round((t3 - t0) * 1000, 1)})
        yield Event("answer", answer=answer)

    def ask(self, question: str, **kw) -> Answer:
        """The whole answer at once."""
        for ev in self.stream(question, **kw):
            if ev.kind == "answer":
                return ev.answer  # type: ignore[return-value]
        raise AssertionError("stream ended without an answer")

    def as_runnable(self):
        """The answer path as a LangChain runnable: {"question", ...} -> Answer."""
        return RunnableLambda(lambda x: x if isinstance(x, dict) else {"question": x}) | RunnableLambda(
            lambda x: self.ask(x["question"], model=x.get("model"), history=x.get("history"), k=x.get("k")))


def _notice(notice: str, checked: CitationCheck) -> str:
    notes = [notice.strip()] if notice.strip() else []
    if checked.invalid:
        notes.append(f"removed citation(s) to passages that were not given: {checked.invalid}")
    if checked.unsupported:
        notes.append(f"{len(checked.unsupported)} cited sentence(s) not supported by the cited passage")
    return "; ".join(notes)
