"""Question shapes: what kind of answer a question asks for (a date, a person, a list, what was said, …).

The shape decides how an answer is composed (how many sentences and articles) and what the evidence must
hold before the question is answered (a date for "when", a number for "how many").
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from dataclasses import dataclass

from ..text.arabic import normalize
from ..text.dates import MONTHS

SHAPES = ("date", "number", "person", "list", "statement", "reason", "comparison", "yesno", "fact")

_P = r"^\s*[وف]?"
# "Roughly how many …", "approximately how much …": a hedge before the question word (answer_types.json `hedges`)
_HEDGE = "(?:(?:" + "|".join(re.escape(normalize(w)) for w in json.loads((Path(__file__).with_name("data") / "answer_types.json")
                                                                          .read_text(encoding="utf-8")).get("hedges", [])) + r")\s*,?\s+)?"
_RULES: list[tuple[str, re.Pattern]] = [
    ("comparison", re.compile(r"(^|\s)(ايهما|ايهم|ايها اسبق|which (came|happened|was) first|which came earlier|"
                              r"before or after|compare|الفرق بين|اسبق)(\s|$|[؟?])", re.I)),
    ("date", re.compile(r"(^|\s)[وف]?متي(\s|$|[؟?])|" + _P + r"(متي|في اي (يوم|تاريخ|شهر|عام|سنه)|ما تاريخ|ما (هو )?(ال)?موعد|في اي وقت|when|what (date|day|year|month)|"
                        r"on what (date|day)|which (day|date))\b", re.I)),
    ("number", re.compile(_P + _HEDGE + r"(ب?كم|ما عدد|how (many|much)|what (number|share|percentage))\b", re.I)),
    ("reason", re.compile(_P + r"(لماذا|لم|ما سبب|ما الذي دفع|why|for what reason|what (led|caused))\b", re.I)),
    # (how someone described something, "كيف وصف …", as "how did X describe …")
    ("statement", re.compile(_P + r"(ماذا|بماذا|ما الذي|ما)\s+(قال|قالت|اكد|اكدت|اعلن|اعلنت|كتب|كتبت|صرح|شدد|"
                             r"طلب|ذكر|اوضح|وصف|اعتبر|رد|دعا|اشار|تعهد)|" + _P + r"كيف\s+(وصف|قيم)(?!\w)"
                             r"|^\s*(what|how) did .{0,60}\b(say|said|tell|told|write|wrote|state|stress|announce|"
                             r"call for|describe|reply|respond|answer|ask|urge)\b", re.I)),
    ("list", re.compile(_P + r"(ما (هي )?ال\w+ات\b|ما ال\w+ التي|اذكر|عدد|من هم|ما هي|مع من|من حضر|"
                        r"مع اي|اي \w+ين\b|في اي مناطق|what are|which (\w+ ){0,2}(?!news\b)\w+s\b|list|name the|who (were|are|attended))",
                        re.I)),
    ("person", re.compile(_P + r"(من|مع من|who|whom|with whom)\b", re.I)),
    ("yesno", re.compile(r"^\s*[وف]?(هل|is|are|was|were|did|does|do|has|have|can)\b", re.I)),
]
_REPLY = re.compile(r"(^|\s)[وف]?(رد|ردت|ردا|بماذا رد|reply|replied|respond|responded|answer(ed)?)(\s|$)", re.I)
_ALL = re.compile(r"(كلها|جميع|كل ال|\ball\b|\bevery\b)", re.I)


@dataclass(frozen=True)
class Shape:
    kind: str
    wants_all: bool  # asks for every item ("all", "each") or several (a plural)

    @property
    def many(self) -> bool:
        return self.kind in ("list", "comparison") or self.wants_all


def shape_of(question: str) -> Shape:
    """The question's shape; the first matching rule wins (comparison and date before list and person)."""
    q = question.strip()
    nq = getattr(question, "normalized", None) or normalize(q)  # a Question's own normalised form
    for kind, rx in _RULES:
        if rx.search(nq) or rx.search(q.lower()):
            return Shape(kind, bool(_ALL.search(nq)))
    return Shape("fact", bool(_ALL.search(nq)))


_DATE_WORDS = re.compile(r"\b1\d{3}\b|\b20\d\d\b|\w*(ينيات|ينات)\b|\bالقرن\b|\b(" +
                         "|".join(sorted(MONTHS, key=len, reverse=True)) +
                         r"|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|الاحد|امس|اليوم)\b")
# Digits and number words (normalised; with the prefixes و ب ل and the forms of two: جامعتان, مرتين).
_NUMBER = re.compile(r"\d|\b[وبل]?(مئات|الاف|عشرات|ملايين|مليون|مليار|الف|الفا|مئه|مائه|مئتي|مئتان|"
                     r"واحد|اثنان|اثنين|اثنتين|اثنتان|ثلاث|ثلاثه|اربع|اربعه|خمس|خمسه|ست|سته|سبع|سبعه|ثمان|"
                     r"ثماني|ثمانيه|تسع|تسعه|عشر|عشره|(عشر|ثلاث|اربع|خمس|ست|سبع|ثمان|تسع)(ون|ين)|نصف|ثلث|ربع|ضعف|مرتين|مرات|مره)\b"
                     r"|\b\w{2,}(تان|تين)\b")
_SPEECH = re.compile(r"\b(قال|قالت|اكد|اكدت|مؤكدا|اشار|مشيرا|شدد|مشددا|اوضح|اعلن|كتب|صرح|دعا|داعيا|"
                     r"اعرب|ان|بان)\b|[\"«“]")


def has_date(normalized_text: str) -> bool:
    return bool(_DATE_WORDS.search(normalized_text))


def has_number(normalized_text: str) -> bool:
    return bool(_NUMBER.search(normalized_text))


def is_speech(normalized_text: str) -> bool:
    return bool(_SPEECH.search(normalized_text))


_REPLY_OPENING = re.compile(r"^\s*[وف]?(من جانبه|من جانبها|من جهته|من جهتها|بدوره|بدورها|في المقابل|بالمقابل|ردا)")


def asks_reply(question: str) -> bool:
    """The question asks how someone answered another ("بماذا رد …", "how did X respond")."""
    return bool(_REPLY.search(normalize(question)) or _REPLY.search(question.lower()))


def is_reply(normalized_text: str) -> bool:
    """The sentence reports the other side's answer ("من جانبه، أكد …")."""
    return bool(_REPLY_OPENING.search(normalized_text))
