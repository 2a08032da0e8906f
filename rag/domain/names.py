"""English <-> Arabic names and domain words, as data (rag/domain/data/names.json): for English questions over
Arabic text.

An English question shares no words with Arabic passages; these tables give BM25 and the abstention
check the Arabic forms of the names and key words it uses, and give English answers the English forms of
the names in the evidence. `rag/domain/people.py` keeps officials (titles, offices); this module keeps only
spellings, so the two can be folded together.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..text.arabic import normalize

DATA = Path(__file__).resolve().parent / "data" / "names.json"
_DATA = json.loads(DATA.read_text(encoding="utf-8"))
# English spellings (lower case, without "al-") -> canonical name; canonical name -> Arabic forms as written.
NAMES: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _DATA["names"].items()}
ARABIC: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _DATA["arabic"].items()}
# Country names are context, not the entity a question is about: they do not gate abstention.
# Outlets are metadata, not what a question is about.
CONTEXT = set(_DATA["context"])
# People, whose family name alone also names them in a sentence ("وأشار حسين …").
PEOPLE = set(_DATA["people"])
# English domain words -> Arabic words the articles use for them (retrieval and the relation check).
WORDS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _DATA["words"].items()}

_ALIASES = sorted(((alias, name) for name, aliases in NAMES.items() for alias in aliases), key=lambda x: -len(x[0]))
_ALIAS_RE = re.compile(r"(?<![a-z])(?:al-)?(" + "|".join(re.escape(a) for a, _ in _ALIASES) + r")(?![a-z])")
_ALIAS_OF = dict(_ALIASES)
_WORD_RE = re.compile(r"[a-z]+")
_AR_OF = {normalize(ar): name for name, forms in ARABIC.items() for ar in forms}


def english_names(text: str) -> list[str]:
    """Canonical names mentioned in English text, in order, without repeats."""
    out: list[str] = []
    for m in _ALIAS_RE.finditer(text.lower()):
        name = _ALIAS_OF[m.group(1)]
        if name not in out:
            out.append(name)
    return out


def english_name_spans(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Canonical names mentioned in English text with their (start, end) offsets, in order."""
    return [(_ALIAS_OF[m.group(1)], m.span()) for m in _ALIAS_RE.finditer(text.lower())]


def arabic_names(text: str) -> list[str]:
    """Canonical names whose Arabic form appears in Arabic text (normalised), in order of appearance."""
    t = normalize(text)
    found = sorted((t.find(ar), name) for ar, name in _AR_OF.items() if ar and ar in t)
    out: list[str] = []
    for _, name in found:
        if name not in out:
            out.append(name)
    return out


def arabic_forms(name: str) -> tuple[str, ...]:
    """The Arabic forms of a name; for a person also the family name alone."""
    forms = ARABIC.get(name, ())
    if name in PEOPLE:
        forms = forms + tuple(f.split()[-1] for f in forms if " " in f)
    return forms


def arabic_terms(question: str) -> str:
    """The Arabic forms of the names and domain words of an English question, as extra query text."""
    parts = [form for name in english_names(question) for form in ARABIC.get(name, ())[:1]]
    for w in _WORD_RE.findall(question.lower()):
        parts.extend(WORDS.get(w, ())[:1])
    return " ".join(dict.fromkeys(parts))


_GENERIC = set(_DATA["generic"])


def unmapped_words(question: str) -> list[str]:
    """Content words of an English question with no Arabic form here: what the Arabic text cannot show."""
    rest = _ALIAS_RE.sub(" ", question.lower())
    return [w for w in dict.fromkeys(_WORD_RE.findall(rest))
            if len(w) > 2 and w not in WORDS and w not in _GENERIC and w not in _EN_STOP]


_EN_STOP = set(_DATA["stop"])


def key_entities(question: str) -> list[str]:
    """Names a question is about (not the two countries themselves), in either language."""
    names = english_names(question) + arabic_names(question)
    return [n for n in dict.fromkeys(names) if n not in CONTEXT]
