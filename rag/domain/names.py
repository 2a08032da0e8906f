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
from functools import lru_cache
from pathlib import Path

from ..text.arabic import normalize, tokens
from ..text.script import has_arabic
from .people import FAMILY_EN, spelling_key

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
SPELLED: dict[str, str] = {}  # a listed person's family-name consonants -> canonical name (`people.spelling_key`)
# English domain words -> Arabic words the articles use for them (retrieval and the relation check).
WORDS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _DATA["words"].items()}



def _arabic(text: str) -> bool:
    return has_arabic(text)


def _fold_officials() -> None:
    """The people and places of the domain data (rag/domain/data/officials.json, as `load_officials` reads it)
    join these tables: a question naming any official or place the contacts layer knows gets its names checked
    in the evidence. An entry here with the same English spelling is the same name (its canonical form kept)."""
    from .people import load_officials
    o = load_officials()
    alias_of = {a: n for n, al in NAMES.items() for a in al}
    canon: dict[str, str] = {}
    for x in (*o.people, *o.places):
        person = hasattr(x, "variants")
        forms = (x.name, *x.variants, *x.short) if person else x.forms
        en = [f.lower() for f in (*forms, x.en) if not _arabic(f)]
        en = [e[4:] if e.startswith("the ") and person else e for e in en]
        name = next((alias_of[a] for a in en if a in alias_of), None) or \
            next((alias_of[a.removeprefix("al-")] for a in en if a.removeprefix("al-") in alias_of), None) or x.en
        NAMES[name] = tuple(dict.fromkeys((*NAMES.get(name, ()), *en)))
        # In Arabic a lone word names the person only as a family name with ال (الشمري), not as a word that is
        # also a common one (خطاب "speech", رشيد); whole names and variants always do.
        ar = [f for f in forms if _arabic(f) and (" " in f.strip() or normalize(f).startswith("ال") or not person)]
        ARABIC[name] = tuple(dict.fromkeys((*ARABIC.get(name, ()), *ar)))
        if person:
            PEOPLE.add(name)
            canon[x.id] = name
        for a in en:
            alias_of.setdefault(a, name)
    SPELLED.update({k: canon[p.id] for k, p in o.spelled.items() if p.id in canon})


_fold_officials()

_ALIASES = sorted(((alias, name) for name, aliases in NAMES.items() for alias in aliases), key=lambda x: -len(x[0]))
_ALIAS_RE = re.compile(r"(?<![a-z])(?:al-)?(" + "|".join(re.escape(a) for a, _ in _ALIASES) + r")(?![a-z])")
_ALIAS_OF = dict(_ALIASES)
_WORD_RE = re.compile(r"[a-z]+")
_AR_OF = {normalize(ar): name for name, forms in ARABIC.items() for ar in forms}
_AR_ALT = "|".join(re.escape(a) for a in sorted(_AR_OF, key=len, reverse=True) if a)
_AR_LL = "|".join(re.escape(a[2:]) for a in sorted(_AR_OF, key=len, reverse=True) if a.startswith("ال"))
# A name as whole words, with a proclitic (و ف ب ل ك, وب …); ل + ال… is written لل….
_AR_RE = re.compile(r"(?<!\w)(?:[وف]?[بلك]?)(" + _AR_ALT + r")(?!\w)" +
                    (r"|(?<!\w)[وف]?لل(" + _AR_LL + r")(?!\w)" if _AR_LL else ""))


def english_names(text: str) -> list[str]:
    """Canonical names mentioned in English text, in order, without repeats."""
    return list(dict.fromkeys(name for name, _ in english_name_spans(text)))


def english_name_spans(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Canonical names mentioned in English text with their (start, end) offsets, in order; a listed person's family
    name in another transliteration ("al-Shibani") too, as the contacts layer reads it (`people.spelling_key`)."""
    low = text.lower()
    out = [(_ALIAS_OF[m.group(1)], m.span()) for m in _ALIAS_RE.finditer(low)]
    for m in FAMILY_EN.finditer(low) if SPELLED else ():
        if not any(a < m.end() and m.start() < b for _, (a, b) in out) and \
                (name := SPELLED.get(spelling_key(m.group(1)))):
            out.append((name, m.span()))
    return sorted(out, key=lambda x: x[1])


@lru_cache(maxsize=20_000)
def spelled_forms(text: str) -> frozenset[str]:
    """The tokens of the listed spellings of the people an English text names in another transliteration of their
    family name ("al-Shibani" -> those of "Asaad al-Shaibani"), so that a sentence's terms hold the forms the
    answerer looks for; empty when there is none."""
    out: set[str] = set()
    low = text.lower()
    for m in FAMILY_EN.finditer(low) if SPELLED else ():
        word = m.group(0)
        if word in _ALIAS_OF or word.removeprefix("al-").removeprefix("el-") in _ALIAS_OF:
            continue
        name = SPELLED.get(spelling_key(m.group(1)))
        if name:
            out.update(t for alias in NAMES.get(name, ()) for t in tokens(alias))
    return frozenset(out)


def arabic_names(text: str) -> list[str]:
    """Canonical names whose Arabic form appears in Arabic text (normalised) as whole words (a proclitic و ف ب ل
    ك may stick to it: "وبغداد", "للشرع"), in order of appearance."""
    t = normalize(text)
    found = sorted((m.start(), _AR_OF[m.group(1)] if m.group(1) else _AR_OF["ال" + m.group(2)])
                   for m in _AR_RE.finditer(t))
    out: list[str] = []
    for _, name in found:
        if name not in out:
            out.append(name)
    return out


def arabic_forms(name: str) -> tuple[str, ...]:
    """The Arabic forms of a name; for a person also the family name alone, unless another person of the tables
    has it too (Masrour and Nechirvan Barzani: "بارزاني" alone names neither)."""
    forms = ARABIC.get(name, ())
    if name in PEOPLE:
        forms = tuple(f for f in forms if " " in f or len(_FAMILY.get(f, ())) < 2) + \
            tuple(w for f in forms if " " in f and len(_FAMILY.get(w := f.split()[-1], ())) < 2)
    return forms


def _families() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for person in PEOPLE:
        for f in ARABIC.get(person, ()):
            if " " in f:
                out.setdefault(f.split()[-1], set()).add(person)
    return out


_FAMILY = _families()  # a family name's people (several: the family name alone names none of them)


def word_forms(word: str) -> tuple[str, ...]:
    """The Arabic forms of an English word (lower case): its own entry, else its base form's (visits, visited,
    visiting -> visit; cities -> city; stopped -> stop)."""
    if word in WORDS:
        return WORDS[word]
    for suffix, base in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""),
                         ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[:-len(suffix)] + base
            if stem in WORDS:
                return WORDS[stem]
            if suffix in ("ed", "ing") and len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in WORDS:
                return WORDS[stem[:-1]]  # stopped -> stop
    return ()


def arabic_terms(question: str) -> str:
    """The Arabic forms of the names and domain words of an English question, as extra query text."""
    parts = [form for name in english_names(question) for form in ARABIC.get(name, ())[:1]]
    for w in _WORD_RE.findall(question.lower()):
        parts.extend(word_forms(w)[:1])
    return " ".join(dict.fromkeys(parts))


def arabic_word_forms(question: str) -> list[tuple[str, ...]]:
    """For each content word of an English question that has Arabic forms here, all of them (the first is the
    one `arabic_terms` searches with; a sentence holding any of them holds the word)."""
    rest = _ALIAS_RE.sub(" ", question.lower())
    return [forms for w in dict.fromkeys(_WORD_RE.findall(rest)) if (forms := word_forms(w))]


_GENERIC = set(_DATA["generic"])


def unmapped_words(question: str) -> list[str]:
    """Content words of an English question with no Arabic form here: what the Arabic text cannot show."""
    rest = _ALIAS_RE.sub(" ", question.lower())
    return [w for w in dict.fromkeys(_WORD_RE.findall(rest))
            if len(w) > 2 and not word_forms(w) and w not in _GENERIC and w not in _EN_STOP]


_EN_STOP = set(_DATA["stop"])


def is_stop_word(word: str) -> bool:
    """An English word that carries no content (the stop and generic words here)."""
    return word.lower() in _EN_STOP or word.lower() in _GENERIC


_PERIOD = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(normalize(p)) for p in _DATA["periods"]["phrases"]) + r")"
                     r"(?:\s*(?:" + "|".join(re.escape(normalize(f)) for f in _DATA["periods"]["fillers"]) + r")(?!\w))*"
                     r"\s*[\w'-]+(?:\s+[\w'-]+)?")


def without_periods(text: str) -> str:
    """The text without the periods named by a person's fall ("after the fall of Assad", "بعد سقوط نظام بشار
    الأسد"): the person there dates the question, it is not about him."""
    return _PERIOD.sub(" ", normalize(text))


def key_entities(question: str) -> list[str]:
    """Names a question is about (not the two countries themselves, not a person whose fall names a period),
    in either language."""
    question = without_periods(question)
    names = english_names(question) + arabic_names(question)
    return [n for n in dict.fromkeys(names) if n not in CONTEXT]


_ENGLISH_OF: dict[str, set[str]] = {}
_PARTICLES = {"al", "el", "abu", "abd", "abdul", "bin", "the"}


def english_of(token: str) -> set[str]:
    """The English words (lower case) for an Arabic token: the spellings of the names whose Arabic forms hold
    it (هول -> al-hol, hol) and the vocabulary words it translates (مخيم -> camp)."""
    if not _ENGLISH_OF:
        from ..text.arabic import tokens
        for name, forms in ARABIC.items():
            for f in forms:
                for t in tokens(f):
                    _ENGLISH_OF.setdefault(t, set()).update(w for a in NAMES.get(name, ()) for w in _WORD_RE.findall(a)
                                                            if len(w) > 2 and w not in _PARTICLES)
        for en, forms in WORDS.items():
            for f in forms:
                for t in tokens(f):
                    _ENGLISH_OF.setdefault(t, set()).add(en)
    return _ENGLISH_OF.get(token, set())


_SKELETONS = _DATA["skeletons"]
SKELETON_MIN = _SKELETONS["min_consonants"]  # shorter skeletons match common words ("through" ~ تراجع)
_DOUBLE = re.compile(r"(.)\1+")


class _ArabicConsonants(dict):
    """str.translate's table: an Arabic consonant to its skeleton letter, any other character to nothing."""

    def __missing__(self, code: int) -> None:
        return None


_AR_SKELETON = _ArabicConsonants({ord(ch): c for ch, c in _SKELETONS["ar"].items()})


def english_skeleton(word: str) -> str:
    """The consonants of an English spelling, as `arabic_skeleton` writes an Arabic word's ('Badrani' -> 'bdrn',
    'Captagon' -> 'kbtgn'): doubled letters once (Arabic writes a doubled consonant once)."""
    w, out, i = _DOUBLE.sub(r"\1", word.lower()), [], 0
    pairs, single = _SKELETONS["en_pairs"], _SKELETONS["en"]
    while i < len(w):
        if w[i:i + 2] in pairs:
            out.append(pairs[w[i:i + 2]])
            i += 2
            continue
        out.append(single.get(w[i], ""))
        i += 1
    return _DOUBLE.sub(r"\1", "".join(out))


def arabic_skeleton(token: str) -> str:
    """The consonants of a normalised Arabic token ('بدراني' -> 'bdrn', 'كبتاغون' -> 'kbtgn')."""
    return _DOUBLE.sub(r"\1", token.translate(_AR_SKELETON))


def unmapped_english_words(text: str) -> list[str]:
    """The words of English text that neither name tables nor word tables know (nor count as generic or stop
    words), with a long enough skeleton to be compared with Arabic words: a name the tables lack
    ('Badrani', 'Captagon')."""
    skip = set(_DATA["generic"]) | set(_DATA["stop"])
    return list(dict.fromkeys(w for w in _WORD_RE.findall(text.lower()) if w not in _known_english() and
                              w not in skip and not word_forms(w) and len(english_skeleton(w)) >= SKELETON_MIN))


@lru_cache(maxsize=1)
def _known_english() -> frozenset:
    """The words of the name tables' English spellings."""
    return frozenset(w for aliases in NAMES.values() for alias in aliases for w in _WORD_RE.findall(alias))
