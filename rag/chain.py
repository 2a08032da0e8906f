"""The answer path: question -> standalone question -> hybrid retrieval -> model -> checked citations."""

from __future__ import annotations

import re
import time
from dataclasses import asdict, dataclass, field
from typing import Iterator

from langchain_core.runnables import RunnableLambda

from .arabic import clean_control, language, normalize, tokens
from .citations import check
from .config import Settings
from .errors import ModelError, QuestionError
from .extractive import ABSTAIN
from .library import Library, open_library
from .llms import Context, Extractive, get_model
from .retrieve import Hit, hybrid_search
from .timeline import answer_from_timeline

_FOLLOW_UP = re.compile(
    r"\b(ذلك|ذالك|هذا|هذه|تلك|هناك|هنالك|حينها|عندها|نفسه|نفسها|هو|هي|هم|he|she|it|they|him|her|them|that|"
    r"this|there|then|those|these)\b", re.I)


@dataclass
class Answer:
    """An answer with its numbered passages, provenance and checks; `to_dict` is the JSON form."""

    question: str
    answer: str
    abstained: bool
    citations: list[dict]
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
    timings_ms: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Event:
    """A streaming event: 'token' (text), 'reset' (discard streamed text), 'notice', 'answer'."""

    kind: str
    text: str = ""
    answer: Answer | None = None


def validate_question(question: str, settings: Settings) -> str:
    q = clean_control(question or "").strip()
    if not q:
        raise QuestionError("the question is empty: type a question about the articles")
    if len(q) > settings.max_question_chars:
        raise QuestionError(f"the question is {len(q):,} characters; the limit is "
                            f"{settings.max_question_chars:,} (RAG_MAX_QUESTION_CHARS)")
    return q


def is_follow_up(question: str) -> bool:
    return bool(_FOLLOW_UP.search(normalize(question))) or len(tokens(question)) <= 2


def citation_dict(n: int, hit: Hit) -> dict:
    c = hit.chunk
    return {"n": n, "source": c.source, "chunk_id": c.id, "title": c.title, "date": c.date,
            "outlet": c.outlet, "url": c.url, "text": c.text, "start": c.start, "end": c.end,
            "score": round(hit.score, 5)}


class Pipeline:
    """Answers questions over a library with the configured (or a named) model."""

    def __init__(self, settings: Settings, library: Library | None = None):
        self.settings = settings
        self.library = library or open_library(settings)
        self.threshold = settings.abstain_threshold

    def standalone(self, question: str, history: list[tuple[str, str]], model) -> str:
        """Rewrite a follow-up into a standalone question (by the model, or by carrying entities)."""
        if not history or not is_follow_up(question):
            return question
        if not isinstance(model, Extractive):
            from .prompts import load_prompt

            prompt = load_prompt(self.settings.prompts_dir, "condense")
            convo = "\n".join(f"Q: {q}\nA: {a[:500]}" for q, a in history[-3:])
            try:
                out = model.complete(prompt.format(history=convo, question=question)).strip()
                if out and len(out) < 4 * len(question) + 400:
                    return out.splitlines()[0].strip()
            except ModelError:
                pass
        previous = history[-1][0]
        return f"{question} ({previous})"

    def stream(self, question: str, *, model: str | None = None, history: list[tuple[str, str]] | None = None,
               k: int | None = None, lexical_weight: float | None = None) -> Iterator[Event]:
        """Events while answering; the last one carries the full `Answer`."""
        t0 = time.perf_counter()
        q = validate_question(question, self.settings)
        provider = get_model(model or self.settings.llm, self.settings)
        sq = self.standalone(q, history or [], provider)
        t1 = time.perf_counter()
        lib = self.library
        if lib.is_empty():
            raise QuestionError("the library is empty: run `rag ingest` first")
        qvec = lib.embedder.embed_query_vector(sq)
        ta = answer_from_timeline(sq, lib, language(q))  # contacts as a whole: answered from the events
        hits = ta.hits(lib) if ta else hybrid_search(lib, sq, k or self.settings.k, lexical_weight, vector=qvec)
        provider = ta.provider() if ta else provider
        t2 = time.perf_counter()
        ctx = Context(sq, hits, qvec, lib.lexical, self.threshold)
        fallback, notice, parts = False, "", []
        try:
            for piece in provider.stream(ctx):
                parts.append(piece)
                if not isinstance(provider, Extractive):
                    yield Event("token", piece)
        except ModelError as exc:
            fallback = True
            notice = f"{provider.name} failed: {exc} — showing the extractive answer instead."
            if parts:
                yield Event("reset")
            yield Event("notice", notice)
            provider = Extractive()
            parts = list(provider.stream(ctx))
        text = "".join(parts)
        if getattr(provider, "cut", False):
            text = text.rstrip() + " …"
            notice = (notice + " " if notice else "") + "the reply was too long and was cut."
        if isinstance(provider, Extractive):
            abstained = provider.last_abstained if parts else True
            yield Event("token", text)
        else:
            abstained = _looks_abstained(text, q)
        t3 = time.perf_counter()
        checked = check(text, [h.chunk.text for h in hits],
                        sentence_vectors=[h.chunk.sentence_vectors for h in hits],
                        embed=lambda s: lib.embedder.embed_passages([s])[0], abstained=abstained,
                        passage_sentences=[[h.chunk.text[a:b] for a, b in h.chunk.sentences] for h in hits])
        t4 = time.perf_counter()
        answer = Answer(
            question=q, answer=checked.text, abstained=abstained,
            citations=[citation_dict(n, h) for n, h in enumerate(hits, 1)],
            model=provider.name if not fallback else f"extractive (fallback from {model or self.settings.llm})",
            prompt=provider.prompt.ref if provider.prompt else None,
            standalone_question=sq if sq != q else None, cited=checked.cited, unsupported=checked.unsupported,
            support=checked.support,
            invalid_citations=checked.invalid, uncited=checked.uncited and not abstained, fallback=fallback,
            notice=notice + _citation_notice(checked),
            timings_ms={"retrieve": round((t2 - t1) * 1000, 1), "answer": round((t3 - t2) * 1000, 1),
                        "check": round((t4 - t3) * 1000, 1), "total": round((t4 - t0) * 1000, 1)})
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


def _looks_abstained(text: str, question: str) -> bool:
    """A generative answer that says the passages lack the answer, and cites nothing."""
    t = normalize(text)
    cues = ("لا تتضمن", "لا تحتوي", "لا يوجد في", "لا تذكر", "لم ترد", "لا تجيب", "not contain", "do not say",
            "does not say", "no information", "not mentioned", "do not mention", "cannot answer", "not in the")
    return "[" not in text and any(normalize(c) in t for c in cues) or normalize(ABSTAIN[language(question)]) == t


def _citation_notice(checked) -> str:
    notes = []
    if checked.invalid:
        notes.append(f"removed citation(s) to passages that were not given: {checked.invalid}")
    if checked.unsupported:
        notes.append(f"{len(checked.unsupported)} cited sentence(s) not supported by the cited passage")
    return (" " if notes else "") + "; ".join(notes)
