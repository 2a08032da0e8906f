"""Answer composition without a model: lines of cited sentences (one line per article), and for English
questions an English lead line built from what is structured in the evidence (names in their English forms,
dates as "14 March 2025", the kind of contact)."""

from __future__ import annotations

import re

from .arabic import normalize
from .dates import MONTHS
from .names import CONTEXT, arabic_names

_MONTH_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
_MONTH_ALT = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_DATE = re.compile(rf"(?<!\d)(\d{{1,2}})\s*(?:-\s*|من\s+)?({_MONTH_ALT})(?:\s*-?\s*(\d{{4}}))?")
_WEEKDAYS = {"الاثنين": "Monday", "الثلاثاء": "Tuesday", "الاربعاء": "Wednesday", "الخميس": "Thursday",
             "الجمعه": "Friday", "السبت": "Saturday", "الاحد": "Sunday"}
_WEEKDAY = re.compile(r"(?<!\w)(" + "|".join(_WEEKDAYS) + r")(?!\w)")
_KINDS = (("phone call", re.compile(r"اتصال|اتصل|هاتفي|المحادثه الهاتفيه")),
          ("visit", re.compile(r"(?<!\w)(زار|زياره|زيارته|بزياره|لزياره)(?!\w)")),
          ("meeting", re.compile(r"لقاء|لقائه|اجتماع|التقي|اجتمع")),
          ("statement", re.compile(r"(?<!\w)(بيان|تصريح|قال|اكد|صرح)(?!\w)")))


def english_date(text: str) -> str:
    """The first date of an Arabic sentence in English ("14 March 2025", or "Monday"), or ""."""
    t = normalize(text)
    m = _DATE.search(t)
    if m and m.group(2) in MONTHS:
        day, month = int(m.group(1)), MONTHS[m.group(2)]
        if 1 <= day <= 31 and 1 <= month <= 12:
            return f"{day} {_MONTH_EN[month - 1]}" + (f" {m.group(3)}" if m.group(3) else "")
    w = _WEEKDAY.search(t)
    return _WEEKDAYS[w.group(1)] if w else ""


def contact_kind(text: str) -> str:
    t = normalize(text)
    for kind, rx in _KINDS:
        if rx.search(t):
            return kind
    return ""


def english_lead(sentences: list[tuple[str, int]]) -> str:
    """An English summary of the cited sentences: kind of contact, names (English forms), date.

    It is built from the sentences that follow it, which carry the [n] markers; the line itself carries
    none (the citation check compares words and sentence vectors, which a structured English line cannot
    match), and says where it comes from. An item that another extends (the same contact, dated) is dropped."""
    items: list[str] = []
    for text, _n in sentences:
        names = [x for x in arabic_names(text) if x not in CONTEXT]
        if not names:
            continue
        item = " — ".join(p for p in (contact_kind(text).capitalize(), ", ".join(names), english_date(text)) if p)
        if any(x.startswith(item) for x in items):
            continue
        items = [x for x in items if not item.startswith(x)] + [item]
    if not items:
        return ""
    return "From the Arabic sentences cited below: " + "; ".join(items) + "."


def compose(groups: list[list[tuple[str, int]]], language: str) -> str:
    """Lines of `sentence [n]`, one line per article (in the order given); an English lead line first for
    English questions, followed by the Arabic sentences as its evidence."""
    lines = [" ".join(f"{t} [{n}]" for t, n in g) for g in groups if g]
    if language == "en":
        lead = english_lead([s for g in groups for s in g])
        if lead:
            lines.insert(0, lead)
    return "\n".join(lines)
