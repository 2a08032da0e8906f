"""Answer composition without a model: lines of cited sentences (one line per article), and for English
questions an English lead line built from what is structured in the evidence (names in their English forms,
dates as "14 March 2025", the kind of contact)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..text.arabic import normalize
from ..text.dates import MONTH_ALT, MONTHS, WEEKDAY_EN
from ..domain.lexicon import load_lexicon
from ..domain.names import ARABIC, CONTEXT, PEOPLE, arabic_forms, arabic_names, english_name_spans, key_entities
from .expected import status_of, vocabulary

_MONTH_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
_DATE = re.compile(rf"(?<!\d)(\d{{1,2}})\s*(?:-\s*|من\s+)?({MONTH_ALT})(?:\s*-?\s*(\d{{4}}))?")
_WEEKDAYS = {"الاثنين": "Monday", "الثلاثاء": "Tuesday", "الاربعاء": "Wednesday", "الخميس": "Thursday",
             "الجمعه": "Friday", "السبت": "Saturday", "الاحد": "Sunday"}
_WEEKDAY = re.compile(r"(?<!\w)(" + "|".join(_WEEKDAYS) + r")(?!\w)")
_KINDS = (("phone call", re.compile(r"اتصال|اتصل|هاتفي|المحادثه الهاتفيه")),
          ("visit", re.compile(r"(?<!\w)(زار|زياره|زيارته|بزياره|لزياره|يزور|تزور|سيزور)(?!\w)")),
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


NEGATION_REACH = 6  # words before a contact word within which a negation word denies it


@lru_cache(maxsize=1)
def _negations() -> frozenset:
    from .expected import answer_data
    return frozenset(normalize(w) for w in answer_data().get("negations", []))


def negated(text: str) -> bool:
    """An Arabic sentence whose contact word has a negation word (answer_types.json `negations`) up to
    NEGATION_REACH words before it: it reports a contact that did not happen or was not announced."""
    words = normalize(text).split()
    for i, w in enumerate(words):
        before = {x[1:] if x[:1] in "وف" else x for x in words[max(0, i - NEGATION_REACH):i]} | \
            set(words[max(0, i - NEGATION_REACH):i])  # ("ولم")
        if any(rx.search(w) for _, rx in _KINDS[:3]) and _negations() & before:
            return True
    return False


NOT_PARTIES = {"Islamic State"}  # named in the evidence, never a party to a contact


@lru_cache(maxsize=1)
def _bystanders():
    """The contact words' phrases that name someone without a contact with them ("the fall of Bashar al-Assad", a
    spokesman): rag/domain/data/contacts.json `not_people`."""
    return load_lexicon()[0].not_people


def without_bystanders(text: str) -> str:
    """The sentence with those phrases blanked (same length), so a lead line never names their people."""
    norm = normalize(text).lower()
    if len(norm) != len(text):
        return text
    for a, b in _bystanders().spans(norm):
        text = text[:a] + " " * (b - a) + text[b:]
    return text
LEAD = "From the Arabic sources:"  # opens the English lead line; the checker reads what follows it


def english_lead(sentences: list[tuple[str, int]], kinds: bool = True) -> str:
    """An English summary of the cited sentences, one item per contact: kind, names (English forms), date,
    each followed by the [n] of the passage(s) whose sentence it was built from, so the citation check
    verifies it fact by fact (`english_support`). An item that another extends (the same contact, dated) is
    dropped; the same item from two passages cites both."""
    items: dict[str, list[int]] = {}
    for text, n in sentences:
        names = [x for x in arabic_names(without_bystanders(text)) if x not in CONTEXT and x not in NOT_PARTIES]
        if not names:
            continue
        if negated(text):  # "لم يُعلن أي من الجانبين عن لقاء": not a contact to list
            continue
        kind = contact_kind(text).capitalize() if kinds else ""  # (a question about no contact: names and dates)
        status = status_of(normalize(text)) if kind else ""  # a planned or postponed contact says so
        kind = f"{kind} ({status})" if status else kind
        item = " — ".join(p for p in (kind, ", ".join(names), english_date(text)) if p)
        if item in items:
            items[item] += [n] if n not in items[item] else []
            continue
        if any(x.startswith(item) for x in items):
            continue
        for x in [x for x in items if item.startswith(x)]:
            del items[x]
        items[item] = [n]
    if not items:
        return ""
    return LEAD + " " + " ".join(f"{item} {''.join(f'[{n}]' for n in ns)}." for item, ns in items.items())


_MONTH_EN_NUM = {m.lower(): i for i, m in enumerate(_MONTH_EN, 1)}
_EN_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(_MONTH_EN) + r")(?:\s+(\d{4}))?\b", re.I)
_EN_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS.values()) + r")\b", re.I)
_EN_KIND = {"phone call": "phone call", "phone": "phone call", "call": "phone call", "called": "phone call",
            "calls": "phone call", "visit": "visit", "visited": "visit", "visits": "visit", "meeting": "meeting",
            "met": "meeting", "meet": "meeting", "statement": "statement", "said": "statement"}
_EN_KIND_RE = re.compile(r"\b(" + "|".join(sorted(_EN_KIND, key=len, reverse=True)) + r")\b", re.I)
_EN_STATUS = re.compile(r"\((postponed|cancelled|planned|denied|rumoured)\)", re.I)
_FILLER = {"the", "a", "an", "on", "in", "at", "of", "to", "with", "and", "by", "from", "was", "were", "had",
           "has", "his", "her", "their", "its", "paid", "made", "held", "received", "phone", "between"}


def english_facts(sentence: str) -> list[tuple[str, object]] | None:
    """The facts of an English sentence made only of names, dates, kinds of contact and filler words
    (what `english_lead` writes), or None when it says anything more (then it is checked another way)."""
    text = sentence.strip()
    if text.startswith(LEAD):
        text = text[len(LEAD):]
    facts: list[tuple[str, object]] = []
    rest = text
    for name, (a, b) in english_name_spans(text):
        facts.append(("name", name))
        rest = rest[:a] + " " * (b - a) + rest[b:]
    for m in _EN_DATE.finditer(rest):
        facts.append(("date", (int(m.group(1)), _MONTH_EN_NUM[m.group(2).lower()],
                               int(m.group(3)) if m.group(3) else None)))
    rest = _EN_DATE.sub(" ", rest)
    for m in _EN_WEEKDAY.finditer(rest):
        facts.append(("weekday", m.group(1).capitalize()))
    rest = _EN_WEEKDAY.sub(" ", rest)
    for m in _EN_KIND_RE.finditer(rest):
        facts.append(("kind", _EN_KIND[m.group(1).lower()]))
    rest = _EN_KIND_RE.sub(" ", rest)
    for m in _EN_STATUS.finditer(rest):
        facts.append(("status", m.group(1).lower()))
    rest = _EN_STATUS.sub(" ", rest)
    words = [w for w in re.findall(r"[^\W\d_]+|\d+", rest) if w.lower() not in _FILLER]
    if words or not facts:
        return None
    return facts


def english_support(sentence: str, passage: str) -> bool | None:
    """Whether every fact of a structured English sentence is in the (Arabic) passage: each name in one of
    its Arabic forms, each date as that day and month (and year, when given), each kind of contact as the
    words that report it. None when the sentence is not made only of such facts."""
    facts = english_facts(sentence)
    if facts is None:
        return None
    t = normalize(passage)
    dates = {(int(m.group(1)), MONTHS[m.group(2)], int(m.group(3)) if m.group(3) else None)
             for m in _DATE.finditer(t) if m.group(2) in MONTHS}
    weekdays = {_WEEKDAYS[m.group(1)] for m in _WEEKDAY.finditer(t)}
    kinds = {kind for kind, rx in _KINDS if rx.search(t)}
    for kind, value in facts:
        if kind == "name":
            ok = any(normalize(f) in t for f in arabic_forms(value))  # type: ignore[arg-type]
        elif kind == "date":
            d, mth, y = value  # type: ignore[misc]
            ok = any(d == d2 and mth == m2 and (y is None or y2 in (None, y)) for d2, m2, y2 in dates)
        elif kind == "weekday":
            ok = value in weekdays
        elif kind == "status":
            ok = bool(vocabulary().statuses[value].search(t))  # type: ignore[index]
        else:
            ok = value in kinds
        if not ok:
            return False
    return True


def compose(groups: list[list[tuple[str, int]]], language: str, kinds: bool = True) -> str:
    """Lines of `sentence [n]`, one line per article (in the order given); an English lead line first for
    English questions, followed by the Arabic sentences as its evidence (the kinds of contact in it only for a
    question about a contact: `kinds`)."""
    lines = [" ".join(f"{t} [{n}]" for t, n in g) for g in groups if g]
    if language == "en":
        lead = english_lead([s for g in groups for s in g], kinds)
        if lead:
            lines.insert(0, lead)
    return "\n".join(lines)


# ---- a "when" answer's relative day, resolved against its article's date ------------------------------------

_AR_MONTHS = ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
              "تشرين الثاني", "كانون الأول")
_DATE_LINE = {
    "en": "{day} ('{phrase}' in a report dated {dated})",
    "ar": "{day} («{phrase}» في تقرير مؤرخ {dated})",
}
_DATE_LINE_RE = re.compile(r"^\s*(?P<day>.+?) \((?:'(?P<en>[^']+)' in a report dated|«(?P<ar>[^»]+)» في تقرير مؤرخ) "
                           r"(?P<dated>[^()]+)\)\s*\.?\s*$")
# A day question's answer whose sentence writes the day out with its year and names no weekday: the weekday of
# that day, with the sentence's date as written ("Monday, December 15, 2025 ('15 Dec 2025')").
_DAY_LINE = {"en": "{day} ('{phrase}')", "ar": "{day} («{phrase}»)"}
_DAY_LINE_RE = re.compile(r"^\s*(?P<day>.+?) \((?:'(?P<en>[^']+)'|«(?P<ar>[^»]+)»)\)\s*\.?\s*$")
_WEEKDAY_NAMES = {"en": WEEKDAY_EN,
                  "ar": ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")}


def spelled_date(iso_date: str, language: str, weekday: bool = False) -> str:
    """'2025-03-11' as 'March 11, 2025' or '11 آذار 2025' (the timeline's spelling); `weekday`: with the day of the
    week before it ('Tuesday, March 11, 2025', 'الثلاثاء 11 آذار 2025')."""
    y, m, d = int(iso_date[:4]), int(iso_date[5:7]), int(iso_date[8:10])
    out = f"{_MONTH_EN[m - 1]} {d}, {y}" if language == "en" else f"{d} {_AR_MONTHS[m - 1]} {y}"
    if weekday:
        from datetime import date
        name = _WEEKDAY_NAMES[language][date(y, m, d).weekday()]
        out = f"{name}, {out}" if language == "en" else f"{name} {out}"
    return out


def names_weekday(text: str) -> bool:
    """The text names a day of the week (in either language)."""
    from ..text.dates import WEEKDAYS
    return any(w in WEEKDAYS or w[1:] in WEEKDAYS for w in re.findall(r"\w+", normalize(text).lower()))


def day_line(text: str, n: int, language: str) -> str:
    """For a question asking on which day: when the sentence writes one day out with its year ('15 Dec 2025') and
    names no weekday, the weekday of that day with the date as written, cited like the sentence; else ''."""
    from ..text.arabic import normalize_with_map
    from ..text.dates import explicit_dates
    if names_weekday(text):
        return ""
    norm, where = normalize_with_map(text)
    days = [m for m in explicit_dates(norm) if m.value and len(m.value) == 10]
    if len({m.value for m in days}) != 1:
        return ""
    phrase = text[where[days[0].start]:where[days[0].end - 1] + 1].strip(" ،,")
    if not phrase or "'" in phrase or "»" in phrase:
        return ""
    return _DAY_LINE[language].format(day=spelled_date(days[0].value, language, weekday=True), phrase=phrase) + f" [{n}]"


def resolved_date(text: str, article_date: str) -> tuple[str, str] | None:
    """The day a sentence's relative date phrase ("أمس الثلاثاء", "on Monday", "14 حزيران الماضي") resolves to
    from its article's date, with the phrase as the sentence writes it: (ISO day, phrase); None when the sentence
    writes its date out with a year, names none, or its article is undated."""
    from ..text.arabic import normalize_with_map
    from ..text.dates import ArticleDate, resolve_dates
    if len(article_date or "") != 10:
        return None
    norm, where = normalize_with_map(text)
    mentions = resolve_dates(norm, ArticleDate(value=article_date))
    if any(not m.relative and m.value and len(m.value) == 10 for m in mentions):
        return None  # the sentence gives the day itself
    planned = status_of(norm) == "planned"  # what is still to come falls on the next such day ("due on 17 May")
    for m in mentions:
        value = m.ahead if planned and m.ahead else m.value
        if m.relative and value and len(value) == 10 and m.end > m.start:
            phrase = text[where[m.start]:where[m.end - 1] + 1].strip(" ،,")
            if phrase and "'" not in phrase and "»" not in phrase:
                return value, phrase
    return None


def date_line(text: str, article_date: str, n: int, language: str, weekday: bool = False) -> str:
    """For a "when" answer whose sentence dates the act relative to its article: the day it resolves to, with
    its basis (the phrase and the report's date), cited like the sentence; "" when there is nothing to resolve.
    `weekday` (a question asking on which day): the day with its day of the week."""
    found = resolved_date(text, article_date)
    if not found:
        return ""
    day, phrase = found
    return _DATE_LINE[language].format(day=spelled_date(day, language, weekday), phrase=phrase,
                                       dated=spelled_date(article_date, language)) + f" [{n}]"


def date_line_support(sentence: str, passage: str, article_date: str) -> bool | None:
    """Whether a date line (`date_line`) holds for the passage and its article's date: the phrase is the
    passage's, and it resolves, from that date, to the day the line gives. None when the sentence is not one."""
    m = _DATE_LINE_RE.match(sentence)
    if not m:
        return day_line_support(sentence, passage)
    language = "en" if m.group("en") else "ar"
    phrase = m.group("en") or m.group("ar")
    if not article_date or m.group("dated").strip() != spelled_date(article_date, language):
        return False
    for s in re.split(r"(?<=[.!?؟؛])\s+|\n", passage):
        if phrase in s:
            found = resolved_date(s, article_date)
            if found and found[1] == phrase and m.group("day").strip() in (
                    spelled_date(found[0], language), spelled_date(found[0], language, weekday=True)):
                return True
    return False


def day_line_support(sentence: str, passage: str) -> bool | None:
    """Whether a weekday line (`day_line`) holds: its date as written is the passage's, and the weekday and day it
    gives are that date's. None when the sentence is not one."""
    from ..text.dates import explicit_dates
    m = _DAY_LINE_RE.match(sentence)
    if not m:
        return None
    language = "en" if m.group("en") else "ar"
    phrase = m.group("en") or m.group("ar")
    days = {d.value for d in explicit_dates(normalize(phrase)) if d.value and len(d.value) == 10}
    if len(days) != 1 or phrase not in passage:
        return None if not days else False
    return m.group("day").strip() == spelled_date(days.pop(), language, weekday=True)


# ---- a "who" answer's person, by the tables' names in both languages ----------------------------------------------

_PERSON_LINE_RE = re.compile(r"^\s*(?P<a>[^()\[\]\n]+?) \((?P<b>[^()\[\]\n'«»]+)\)\s*\.?\s*$")


def person_line(person: str, n: int, language: str) -> str:
    """The lead line of a person question's answer: the person its sentence names, by the tables' English name and
    Arabic form ("Asaad al-Shaibani (أسعد الشيباني) [2]" for a sentence saying "al-Shibani"; Arabic first for an
    Arabic question)."""
    ar = (ARABIC.get(person) or ("",))
    ar = max(ar, key=lambda f: (len(f.split()) == 2, -len(f)))  # a given name and a family name, as a reader knows him
    if not ar:
        return ""
    return (f"{ar} ({person})" if language == "ar" else f"{person} ({ar})") + f" [{n}]"


def person_line_support(sentence: str, passage: str) -> bool | None:
    """Whether a person line (`person_line`) holds: the passage names that person (in any spelling the tables know).
    None when the sentence is not one."""
    m = _PERSON_LINE_RE.match(sentence)
    if not m:
        return None
    person = next((x.strip() for x in (m.group("a"), m.group("b")) if x.strip() in PEOPLE), None)
    if person is None or not {m.group("a").strip(), m.group("b").strip()} - {person} <= set(ARABIC.get(person, ())):
        return None
    return person in key_entities(passage)

