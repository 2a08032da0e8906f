"""Questions as asked: validated text, and the ones to decline before any search or model runs.

`validate_question` turns what a user typed into question text or a one-line `QuestionError` (empty,
too long, not text, undecodable bytes). `screen_question` names the questions that get an honest
abstention without retrieval or a model: *content-free* ones (nothing left once punctuation, citation
markers and format placeholders are removed) and *instruction-like* ones (addressed to the assistant:
"ignore previous instructions", "print your system prompt", تجاهل التعليمات …).
"""

from __future__ import annotations

import json
import re
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from ..text.arabic import clean_control, language, normalize, tokens
from ..config import Settings, check_k
from ..errors import QuestionError

CONTENT_FREE = "content_free"
INSTRUCTION_LIKE = "instruction_like"

# Markdown that only formats: emphasis, code ticks, heading marks, quote marks, links and images.
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"(\*{1,3}|_{2,3}|`{1,3}|~~)")
_MD_LINE = re.compile(r"^\s{0,3}(#{1,6}|>+)\s*", re.M)

# What carries no content: citation markers ([1], [1, 2], [١]), format placeholders ({question}, {0}, {{}},
# %s, %(x)s, $1, ${x}), and everything that is not a letter or a digit.
_MARKERS = re.compile(r"\[\s*[\d\u0660-\u0669\u06f0-\u06f9]+(\s*[,،]\s*[\d\u0660-\u0669\u06f0-\u06f9]+)*\s*\]")
_PLACEHOLDERS = re.compile(r"\{\{|\}\}|\{[^{}\s]{0,40}\}|%\([^)]{0,40}\)[a-zA-Z]|%[-+ #0-9.]*[sdifrxXeEgGcoa%]|"
                           r"\$\{[^}]{0,40}\}|\$\d")

# Requests addressed to the assistant rather than questions about the articles. Written in normalised form
# (rag.text.arabic.normalize: أ إ آ → ا, ى → ي, ة → ه, lower case).
# An imperative starts a clause: after the start, a stop, "and/then/now/please", ثم, الآن, رجاء, و.
_START = r"(?:^|[.,;:!?\n،؛؟]\s*|\b(?:and|then|now|please|just|ثم|الان|رجاء|فضلا)\s+|\bو)"
_INSTRUCTION = [
    _START + r"(ignore|disregard|forget|override|bypass)\b[^.?!\n]{0,40}\b(instructions?|prompts?|rules|"
    r"system message|guidelines)\b",
    r"\b(system|developer|hidden|initial)\s+(prompt|instructions)\b|\bsystem message\b",
    r"\b(print|reveal|show|repeat|output|display|tell me|leak|dump)\b[^.?!\n]{0,30}\b(your|the)\s+(prompt|"
    r"instructions|rules|api key|key|password|secret)",
    r"\b(api[ _-]?key|openai_api_key)\b",
    r"\byou are now\b|\bpretend (to be|you are)\b|\bjailbreak|\bdeveloper mode\b",
    _START + r"(تجاهل|تناس|انس|انسي|اهمل|تخط)\s+[^.؟?!\n]{0,30}(التعليمات|تعليمات|الاوامر|اوامر|التوجيهات|"
    r"توجيهات|القواعد|ما سبق)",
    r"(موجه|برومبت)\s+(ال)?(نظام|مطور)|\b(تعليماتك|موجهك|اوامرك)\b",
    _START + r"(اطبع|اكشف|اعرض|اظهر|كرر|اكتب)\s+[^.؟?!\n]{0,20}(التعليمات|تعليماتك|الموجه|موجهك|البرومبت|مفتاح|"
    r"كلمه (السر|المرور))",
    r"مفتاح\s+(ال)?(api|واجهه)|\bانت الان\b|\bتظاهر بانك",
]
_INSTRUCTION_RE = re.compile("|".join(f"(?:{p})" for p in _INSTRUCTION), re.I)

_ABSTAIN = {
    CONTENT_FREE: {
        "ar": "لا يحتوي السؤال على كلمات يمكن البحث عنها في المقالات؛ اكتب سؤالا عن محتواها.",
        "en": "The question has no words to search the articles for; ask a question about their content.",
    },
    INSTRUCTION_LIKE: {
        "ar": "هذا طلب موجه إلى المساعد وليس سؤالا عن المقالات، فلا أجيب عنه. اسأل عن محتوى المقالات.",
        "en": "This is an instruction to the assistant, not a question about the articles, so it is not "
              "answered. Ask about what the articles report.",
    },
}


class Question(str):
    """A question handled once: its text (cleaned, within the length limit; the object is that text, so it
    goes wherever a string does), its normalised form, its language, the number of passages `k` and the
    conversation `history`, each made and checked once at the edge (`make_question`, `validate_question`)
    and read by every step after it. What the answer side derives from it (its shape, its named people and
    places, its terms) is derived once too, on first use.

    Built directly (`Question(text)`), as library callers that pass plain text to an answerer do through
    `as_question`, it is not validated; the edges validate."""

    normalized: str
    language: str
    k: int | None
    history: tuple[tuple[str, str], ...]

    def __new__(cls, text: str, *, normalized: str | None = None, lang: str | None = None, k: int | None = None,
                history: tuple[tuple[str, str], ...] = ()) -> "Question":
        q = super().__new__(cls, text)
        q.normalized = normalize(text) if normalized is None else normalized
        q.language = _language(text) if lang is None else lang
        q.k, q.history = k, history
        return q

    def __getnewargs_ex__(self):  # a copy (dataclasses.asdict deep-copies) keeps what was made, not made again
        return (str(self),), {"normalized": self.normalized, "lang": self.language, "k": self.k,
                              "history": self.history}

    def __deepcopy__(self, memo) -> "Question":
        return self  # immutable

    def searched(self) -> "Question":
        """The form retrieval searches with: the normalised text, carrying the language (the question's
        vector is made from the text as asked; the lexical index tokenises this form)."""
        return Question(self.normalized, normalized=self.normalized, lang=self.language, k=self.k,
                        history=self.history)

    def with_(self, *, k: int | None = None, history: tuple[tuple[str, str], ...] | None = None) -> "Question":
        """The same question (nothing normalised or detected again) with another k or history."""
        return Question(str(self), normalized=self.normalized, lang=self.language,
                        k=self.k if k is None else k, history=self.history if history is None else history)

    @cached_property
    def shape(self):
        from .shapes import shape_of
        return shape_of(self)

    @cached_property
    def entities(self) -> list[str]:
        from ..domain.names import key_entities
        # the same names (the tables match lower case, normalised); a period named by a person's fall in the
        # possessive ("since Assad's fall") dates the question, as "after the fall of Assad" does
        # A name joined by a hyphen to a participle ("Iran-aligned factions", "US-led coalition", "Turkish-backed")
        # describes something else: the question is not about that country or person.
        found = key_entities(_DESCRIBED_BY_NAME.sub(" ", _possessive_periods().sub(" ", self.normalized)))
        if self.language == "en":  # a listed family name alone in another spelling ('Shibani', answers22)
            from .expected import bare_spellings
            found += [n for n, _ in bare_spellings(str(self)) if n not in found]
        return found

    @cached_property
    def terms(self) -> list[str]:
        return tokens(self.normalized)


# ("al-" and "el-" open names: "al-Ahmed" is a name, not a description)
_DESCRIBED_BY_NAME = re.compile(r"(?<![\w-])(?!(?:al|el)-)[a-z]+-[a-z]+ed(?![\w-])")
_ANSWER_TYPES = Path(__file__).resolve().parent / "data" / "answer_types.json"  # (read here: expected imports us)


@lru_cache(maxsize=1)
def _possessive_periods() -> re.Pattern:
    """'after Assad's fall', 'since the regime's collapse', 'after Assad fell' (answer_types.json
    `possessive_periods`: the words before the name, the nouns of a fall after its 's, the verbs of a fall after one
    of its `rulers`)."""
    data = json.loads(_ANSWER_TYPES.read_text(encoding="utf-8")).get("possessive_periods", {})
    before, nouns, verbs = data.get("before", []), data.get("nouns", []), data.get("verbs", [])
    rulers = data.get("rulers", [])
    if not before or not nouns:
        return re.compile(r"(?!)")
    when = r"(?<!\w)(?:" + "|".join(map(re.escape, before)) + r")\s+(?:the\s+)?"
    fall = when + r"[\w-]+(?:\s+[\w-]+)?['’]s\s+(?:" + "|".join(map(re.escape, nouns)) + r")(?!\w)"
    # (a verb of a fall only after a ruler the data names: "after Assad fell", not "after Sudani fled the meeting")
    fell = when + r"(?:" + "|".join(map(re.escape, rulers)) + r")\s+(?:" + "|".join(map(re.escape, verbs)) + r")(?!\w)" \
        if verbs and rulers else ""
    return re.compile(fall + (f"|{fell}" if fell else ""))


def as_question(question: str) -> Question:
    """The question object for text a library caller passed (not validated: the edges do that)."""
    return question if isinstance(question, Question) else Question(question)


def make_question(question: object, settings: Settings, *, k: Any = None,
                  history: Any = None) -> Question:
    """The one `Question` for what a user sent: text validated (`validate_question`), k checked (the
    settings' own when none is given; those were checked when the settings were made), history as pairs.
    A `Question` already made keeps its text, normalised form and language; only a new k is checked."""
    q = validate_question(question, settings)
    checked = settings.k if k is None and q.k is None else q.k if k is None else check_k(k)
    pairs = q.history if history is None else tuple((str(a), str(b)) for a, b in history)
    return q if (checked, pairs) == (q.k, q.history) else q.with_(k=checked, history=pairs)


def validate_question(question: object, settings: Settings) -> Question:
    """The question as text to search with, or a one-line `QuestionError`."""
    if isinstance(question, Question) and len(question) <= settings.max_question_chars:
        return question
    if not isinstance(question, str):
        raise QuestionError(f"the question must be text, not {type(question).__name__}")
    try:
        question.encode("utf-8")
    except UnicodeEncodeError:
        raise QuestionError("the question holds bytes that are not valid text (not UTF-8); "
                            "type or paste it again") from None
    q = plain_question(clean_control(question)).strip()
    if not q:
        raise QuestionError("the question is empty: type a question about the articles")
    if len(q) > settings.max_question_chars:
        raise QuestionError(f"the question is {len(q):,} characters; the limit is "
                            f"{settings.max_question_chars:,} (RAG_MAX_QUESTION_CHARS)")
    return Question(q, k=settings.k)


def plain_question(text: str) -> str:
    """The words of a question without Markdown formatting (a link or image keeps its words)."""
    text = _MD_IMAGE.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_LINE.sub("", text)
    text = _MD_MARKS.sub("", text)
    return re.sub(r"[ \t]+", " ", text)


def content_words(question: str, *, stop: bool = True) -> list[str]:
    """The searchable words left once citation markers and format placeholders are removed."""
    bare = _PLACEHOLDERS.sub(" ", _MARKERS.sub(" ", question))
    return tokens(bare, stop=stop)


def screen_question(question: str, has_history: bool = False) -> str:
    """'instruction_like', 'content_free' or '' (a question to answer).

    Without a conversation a question of only stop words ("what is it?") is content-free too; with one it
    is a follow-up, which the history completes.
    """
    q = as_question(question)
    if _INSTRUCTION_RE.search(q.normalized):
        return INSTRUCTION_LIKE
    if not content_words(q.normalized, stop=not has_history):
        return CONTENT_FREE
    return ""


def _language(question: str) -> str:
    if not re.search(r"[^\W\d_]", question) and re.search(r"[؟،؛\u0660-\u0669]", question):
        return "ar"
    return language(question)


def question_language(question: str) -> str:
    """'ar' or 'en'; a question with no letters is Arabic when it has Arabic punctuation or digits."""
    return question.language if isinstance(question, Question) else _language(question)


def abstention(question: str, reason: str) -> str:
    """The abstention for a screened question, in the question's language."""
    return _ABSTAIN[reason][question_language(question)]
