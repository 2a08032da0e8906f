"""Arabic text handling: normalisation for matching, tokens, sentences, language."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from functools import lru_cache

# Harakat, tanween, shadda, sukun, dagger alef, Quranic marks; tatweel separately.
_DIACRITICS = set(chr(c) for c in range(0x064B, 0x0660)) | {"\u0670", "\u06E1"}
_DIACRITICS |= set(chr(c) for c in range(0x0610, 0x061B)) | set(chr(c) for c in range(0x06D6, 0x06ED))
_TATWEEL = "\u0640"
_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي",
    "ة": "ه", "ۀ": "ه",
    "ک": "ك", "ڪ": "ك",
    # Arabic-Indic and Eastern Arabic-Indic digits read as ASCII digits.
    **{chr(0x0660 + i): str(i) for i in range(10)},
    **{chr(0x06F0 + i): str(i) for i in range(10)},
}
_DROP = _DIACRITICS | {_TATWEEL, "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff"}

ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
LATIN_LETTER = re.compile(r"[A-Za-z]")
_TOKEN = re.compile(r"\w+", re.UNICODE)
# Longest first; a prefix is stripped only when at least three letters remain.
_PREFIXES = ("وبال", "وكال", "فبال", "وال", "بال", "كال", "فال", "ولل", "ال", "لل", "و", "ف", "ب", "ل")
_STOP = {
    "في", "من", "الي", "علي", "عن", "مع", "ان", "او", "ما", "ماذا", "متي", "من", "هل", "كيف",
    "اين", "لماذا", "كم", "اي", "التي", "الذي", "الذين", "هذا", "هذه", "ذلك", "تلك", "هو", "هي",
    "كان", "كانت", "قد", "لا", "لم", "لن", "ثم", "بين", "عند", "بعد", "قبل", "خلال", "حول", "كل",
    "وقد", "كما", "وفي", "ومن", "او", "بها", "به", "لها", "له", "منه", "عليه", "فيه", "ذات",
    "the", "a", "an", "of", "in", "on", "at", "to", "and", "or", "is", "was", "were", "are", "be",
    "did", "does", "do", "what", "when", "who", "whom", "which", "where", "why", "how", "with",
    "for", "by", "from", "about", "that", "this", "it", "its", "as", "into", "has", "have", "had",
}


_TABLE = {**{ord(ch): None for ch in _DROP}, **{ord(k): v for k, v in _FOLD.items()}}
# Where str.lower() differs from lowering only `isupper()` letters to one letter: titlecase digraphs and İ.
_CASE_EXCEPTIONS = {chr(c) for c in (0x1C5, 0x1C8, 0x1CB, 0x1F2, 0x130, 0x1FBC, 0x1FCC, 0x1FFC,
                                     *range(0x1F88, 0x1F90), *range(0x1F98, 0x1FA0), *range(0x1FA8, 0x1FB0))}


def normalize(text: str) -> str:
    """Fold Arabic spelling variants for matching; the original text is kept for display."""
    out = text.translate(_TABLE)
    # The same as normalize_with_map's character loop, in C (a hot path for concurrent questions).
    return out.lower() if _CASE_EXCEPTIONS.isdisjoint(out) else normalize_with_map(text)[0]


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Normalise and return, for each output character, the index of its source character."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch in _DROP:
            continue
        if ch.isupper():
            lowered = ch.lower()
            if len(lowered) == 1:
                ch = lowered
        ch = _FOLD.get(ch, ch)
        out.append(ch)
        where.append(i)
    return "".join(out), where


def strip_prefix(token: str) -> str:
    """Light prefix stripping (و ف ب ل ال لل …) that keeps at least three letters."""
    for p in _PREFIXES:
        if token.startswith(p) and len(token) - len(p) >= 3:
            return token[len(p):]
    return token


_PREFIX = re.compile("^(?:" + "|".join(_PREFIXES) + r")(?=\w{3})")  # strip_prefix on a \w+ token


def tokens(text: str, *, stop: bool = True) -> list[str]:
    """Normalised, prefix-stripped word tokens for lexical matching."""
    return list(_tokens(text, stop))


@lru_cache(maxsize=4096)  # passages' sentences are tokenised again for every question that retrieves them
def _tokens(text: str, stop: bool) -> tuple[str, ...]:
    out = []
    for raw in _TOKEN.findall(normalize(text)):
        if raw.isdigit():
            out.append(raw)
            continue
        if stop and raw in _STOP:
            continue
        tok = _PREFIX.sub("", raw, count=1)
        if stop and (tok in _STOP or len(tok) < 2):
            continue
        out.append(tok)
    return tuple(out)


# Light suffix stripping for matching word forms (ناقدا ~ ناقد, الحروب ~ حرب is not attempted): plural and
# dual endings, attached pronouns, the accusative alef; longest first, at least three letters kept.
_SUFFIXES = ("يات", "يين", "يون", "هما", "كما", "تها", "ات", "ون", "ين", "ان", "ها", "هم", "هن", "كم", "نا", "يه", "ه", "ي", "ا")


@lru_cache(maxsize=65536)
def stem(token: str) -> str:
    """A token without its commonest suffix (one), for matching inflected forms; Latin and digits unchanged."""
    if not ARABIC_LETTER.match(token):
        return token
    for suf in _SUFFIXES:
        if token.endswith(suf) and len(token) - len(suf) >= 3:
            return token[:-len(suf)]
    return token


def language(text: str) -> str:
    """'ar' when Arabic letters dominate the Latin ones, else 'en'."""
    ar = len(ARABIC_LETTER.findall(text))
    la = len(LATIN_LETTER.findall(text))
    return "ar" if ar >= la and ar > 0 else "en"


_SENT_END = re.compile(r"[.!؟?؛;]+[\"'”»)\]]*(?=\s)|\n+")


# A period that ends an initial, not a sentence: one letter (Arabic or Latin: "و. هايدون", "J. R.", "د."),
# or an Arabic spelling of a Latin letter's name ("جون سي. ميسنجر", "رايموند إس. برادلي"), as a word of
# its own (after a space or an opening bracket or quote, so "صيفًا." is a word) and not after a number
# ("عام 1990 م." ends a sentence).
_LETTER_NAMES = ("سي", "إس", "اس", "أو", "جي", "دي", "إف", "إل", "إم", "إن", "بي", "تي", "كيه", "آر", "إتش",
                 "إي", "يو", "واي", "زد", "إكس", "كيو", "في", "إيه", "جيه", "ڤي")
_INITIAL = re.compile(r"(?:^|(?<=[\s(«\"“]))(?<!\d )(?:[^\W\d_]|" + "|".join(_LETTER_NAMES) + r")\.$")
_NEXT_WORD = re.compile(r"[^\W\d_]")


_ABBREVIATIONS = frozenset(json.loads((Path(__file__).resolve().parent / "data" / "abbreviations.json")
                                      .read_text(encoding="utf-8"))["en"])
_ABBREVIATED = re.compile(r"(?:^|(?<=[\s(«\"“]))([A-Za-z]{2,6})\.$")


def _abbreviated(span: str) -> bool:
    """The span ends with an abbreviation's period ("Jan.", "Gen."; abbreviations.json), not a sentence's."""
    m = _ABBREVIATED.search(span)
    return bool(m and m.group(1).lower() in _ABBREVIATIONS)


def _join_initials(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans with the breaks after initials and abbreviations undone: a span ending in an initial and
    followed, on the same line, by a span starting with a letter is one sentence with it ("رئيس البلدية و. هايدون
    بيرنز"); so is one ending in an abbreviation followed by anything on the same line ("Jan. 23, 2025")."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out:
            ps, pe = out[-1]
            if "\n" not in text[pe:s] and _abbreviated(text[ps:pe]):
                out[-1] = (ps, e)
                continue
            if (_INITIAL.search(text[ps:pe]) and "\n" not in text[pe:s] and _NEXT_WORD.match(text, s)):
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets, split on . ! ? ؟ ؛ and line breaks; whitespace trimmed; a
    period after an initial ("و. هايدون", "J. R.") does not end a sentence."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return _join_initials(text, out)


def clean_control(text: str) -> str:
    """Remove control and bidi-override characters that only hide or reorder text."""
    return "".join(
        ch for ch in text
        if ch in "\n\t" or (unicodedata.category(ch) not in ("Cc", "Cf") or ch in "\u200c\u200d")
    )
