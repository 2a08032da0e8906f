"""Follow-up questions: recognised by cues (pronouns, demonstratives, elliptic "and …?" openings), never by
length, and rewritten into a standalone question that carries the previous question's subject."""

from __future__ import annotations

import re

from ..text.arabic import language, normalize, tokens
from ..domain.names import arabic_forms, arabic_names, english_names

# Demonstratives, place/time deictics and free pronouns that point back to something already said.
_DEICTIC = re.compile(
    r"(?<!\w)(ذلك|ذالك|هذا|هذه|تلك|هناك|هنالك|حينها|حينذاك|عندها|وقتها|نفسه|نفسها|هو|هي|هم|هما|"
    r"he|she|it|they|him|her|them|his|their|its|those|these)(?!\w)"
    r"|(?<!\w)(that|this|there|then)\s*[?؟.!]*\s*$"
    r"|(?<!\w)(that|this|the same) (visit|call|meeting|trip|day|time|talks?)(?!\w)", re.I)
# "من هو …", "ما هي …": the pronoun is a copula there, not a reference back.
_COPULA = re.compile(r"(?<!\w)(من|ما|ماذا|اين|كيف) (هو|هي|هم|هما)(?!\w)")
# Prepositions with an attached pronoun ("about him", "with her", "between them").
_ATTACHED = re.compile(r"(?<!\w)[وف]?(عن|مع|ل|من|في|ب|الي|علي|بين|لدي|عند)(ه|ها|هم|هما|هن)(?!\w)")
# Elliptic openings: "and when?", "what about …", "و + question word".
_OPENING = re.compile(r"^\s*(and|also|what about|how about|and what about|ماذا عن|وماذا عن|وماذا|ومتي|ومن|واين|"
                      r"وكيف|وهل|وكم|ولماذا|وما|وبماذا|ومع من|وفي اي|فماذا|فمتي|فمن|وايضا)(?!\w)", re.I)
_QWORDS = {"ما", "ماذا", "من", "متي", "اين", "كيف", "هل", "كم", "لماذا", "اي", "ايهما", "بماذا", "what", "who",
           "when", "where", "how", "which", "why", "did", "does", "do", "is", "are", "was", "were", "the", "a", "an",
           "of", "to", "in", "on", "and", "with", "about", "for", "هي", "هو", "تم", "كان", "الذي", "التي"}


def is_follow_up(question: str) -> bool:
    """True when the question leans on an earlier turn: a pronoun, demonstrative or elliptic opening."""
    nq = _COPULA.sub(r"\1", normalize(question))
    return bool(_DEICTIC.search(nq) or _ATTACHED.search(nq) or _OPENING.search(nq) or
                _OPENING.search(question.strip().lower()))


def _subject(previous: str) -> list[str]:
    """The content words of a previous question (its question words and fillers left out), in order."""
    words = re.findall(r"\w+", previous)
    out = []
    for w in words:
        n = normalize(w)
        if n in _QWORDS or w.lower() in _QWORDS or not tokens(w):
            continue
        out.append(w)
    return out


def rewrite(question: str, history: list[tuple[str, str]]) -> str:
    """A standalone form of a follow-up by rule: the new question, then the words of the previous
    question it leaves out (its subject); a question without cues, or without history, stays itself."""
    if not history or not is_follow_up(question):
        return question
    previous = history[-1][0]
    have = set(tokens(question))
    carry = [w for w in _subject(previous) if not set(tokens(w)) <= have]
    if language(previous) != language(question):
        # Carry the names in the follow-up's own language, so that the answer keeps the user's language.
        if language(question) == "en":
            names = [n for n in arabic_names(previous)]
        else:
            names = [f for n in english_names(previous) for f in arabic_forms(n)[:1]]
        carry = names or carry
    if not carry:
        return question
    q = question.strip()
    stem = re.sub(r"^\s*(and\s+|what about\s+|how about\s+)", "", q, flags=re.I)
    stem = re.sub(r"^\s*[وف](?=(متى|من|أين|اين|كيف|هل|كم|لماذا|ما|ماذا|بماذا|مع|في)\b)", "", stem)
    stem = stem.rstrip("؟?").strip()
    mark = "?" if language(question) == "en" else "؟"
    return f"{stem} ({' '.join(carry)}){mark}"

