"""One spelling-blind key for a family name in Arabic or Latin script, so that reports in two languages can be
told to name the same person ("al-Shammari", "Shammari" and "الشمري" all give "Smr").

The key keeps the consonants of the name's last word, each mapped to a coarse class (ش and "sh" -> S, ق and
"q" -> k, ث and "th" -> t ...), drops the article, vowels, long-vowel letters and ع (which Latin spellings
mostly leave out), and folds doubled letters. It is a matching aid, not a transliteration."""

from __future__ import annotations

import re

_AR = str.maketrans({"ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d", "ذ": "d", "ر": "r",
                     "ز": "z", "س": "s", "ش": "S", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "g", "ف": "f",
                     "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "", "ع": "", "ء": "", "ا": "",
                     "أ": "", "إ": "", "آ": "", "و": "", "ي": "", "ى": "", "ئ": "", "ؤ": ""})
_LATIN = (("sh", "S"), ("ch", "S"), ("th", "t"), ("kh", "k"), ("gh", "g"), ("dh", "d"), ("ph", "f"), ("q", "k"),
          ("c", "k"), ("'", ""), ("’", ""), ("‘", ""), ("-", ""))
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_ARTICLE_LATIN = re.compile(r"^(al|el|ad|as|ash|an|ar|at|az)-")


def has_arabic(text: str) -> bool:
    """Whether a text holds a letter of the Arabic block (a name or a phrase written in Arabic script)."""
    return bool(_ARABIC.search(text))


def name_key(name: str) -> str:
    """The family name's consonant key ("" for an empty name)."""
    words = name.split()
    if not words:
        return ""
    w = words[-1]
    if _ARABIC.search(w):
        # ("عبدالله" written as one word is "عبد الله", whose family name is its second word)
        key = re.sub(r"^(ال|لل)", "", re.sub(r"^عبد(?=ال)", "", w)).translate(_AR)
    else:
        # ("Abdullah", "Abdul-Ghani": the Arabic writes "عبد الله", "عبد الغني", two words; the second is the key)
        w = re.sub(r"^abd(?:ul|el|al|u|e|-)?-?(?=[a-z]{3})", "", w.lower())
        w = _ARTICLE_LATIN.sub("", w)
        for a, b in _LATIN:
            w = w.replace(a, b)
        key = re.sub(r"[^a-zS]|[aeiouyw]", "", w)
    return re.sub(r"(.)\1+", r"\1", key)
