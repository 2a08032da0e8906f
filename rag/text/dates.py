"""Dates in Arabic news: explicit ones (Levantine, Egyptian, English month names, numbers), dates
relative to an article's date ("أمس السبت", "يوم الاثنين", "الثلاثاء الماضي", "1 من نيسان" without a
year), and an article's own date inferred from what it reports. Every resolved date says how
(`basis`); what cannot be resolved stays None rather than guessed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from .arabic import normalize

_DATA = Path(__file__).resolve().parent / "data"
_WORDS = json.loads((_DATA / "dates.json").read_text(encoding="utf-8"))
ENGLISH = {normalize(k).lower(): v for k, v in _WORDS["months"]["en"].items()}
ENGLISH_SHORT = {normalize(k).lower(): v for k, v in _WORDS["months"]["en_short"].items()}
MONTHS = {normalize(k).lower(): v for table in _WORDS["months"].values() for k, v in table.items()}
MONTH_ALT = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))  # a month's names, longest first
_HIJRI_WORDS = _WORDS.get("hijri", {})
# words for the month named last before them ("من الشهر نفسه", "the same month"), normalised, longest first
SAME_MONTH = tuple(sorted({normalize(w).lower() for ws in _WORDS.get("same_month", {}).values() if isinstance(ws, list)
                           for w in ws}, key=len, reverse=True))


def _alt(words) -> str:
    return "|".join(sorted({re.escape(normalize(w).lower()) for w in words}, key=len, reverse=True))


# "5 ربيع الأول 1447 هـ - الموافق": a Hijri date before the Gregorian one (blanked, so offsets hold)
_HIJRI = re.compile(rf"(?<!\d)\d{{1,2}}\s+(?:{_alt(_HIJRI_WORDS.get('months', []))})\s+\d{{3,4}}\s*"
                    rf"(?:(?:{_alt(_HIJRI_WORDS.get('marks', []))})(?!\w))?\.?\s*[-–—،,/]?\s*"
                    rf"(?:(?:{_alt(_HIJRI_WORDS.get('corresponds', []))})(?!\w))?") if _HIJRI_WORDS else None
# (a range of days gives its first: "5–6 كانون الأول 2024", "5 و6 كانون الأول 2024", "Dec. 5–6, 2024")
_DAY_RANGE = r"(?:\s*[–—-]\s*\d{1,2}(?!\d)|\s+و\s*\d{1,2}(?!\d))?"
DMY_NAMED = re.compile(rf"\b(\d{{1,2}}){_DAY_RANGE}(?:\s*-\s*|\s+(?:من\s+)?)({MONTH_ALT})\.?(?:\s*-\s*|\s+|\s*،\s*)(\d{{4}})\b")
MDY_EN = re.compile(rf"\b({MONTH_ALT})\.?\s+(\d{{1,2}}){_DAY_RANGE},?\s+(\d{{4}})\b")
DM_NOYEAR = re.compile(rf"\b(\d{{1,2}}){_DAY_RANGE}\s+(?:من\s+)?({MONTH_ALT})\b")  # ("11 و12 آب": its first day)
# a day written as an Arabic ordinal, then "من" and a month ("الأول من نيسان", "الرابع عشر من حزيران 2025")
ORDINAL_DAYS = {normalize(k).lower(): v for k, v in _WORDS.get("ordinal_days", {}).get("ar", {}).items()}
_ORD_ALT = "|".join(sorted((re.escape(k) for k in ORDINAL_DAYS), key=len, reverse=True)) or "(?!)"
ORD_DMY = re.compile(rf"(?<!\w)(?:في\s+|يوم\s+)?({_ORD_ALT})\s+من\s+({MONTH_ALT})\s+(?:عام\s+|سنه\s+)?(\d{{4}})\b")
ORD_DM = re.compile(rf"(?<!\w)(?:في\s+|يوم\s+)?({_ORD_ALT})\s+من\s+({MONTH_ALT})(?!\s+(?:عام\s+|سنه\s+)?\d)\b")
_EN_ALT = "|".join(sorted([*ENGLISH, *ENGLISH_SHORT], key=len, reverse=True))
_LONG_MONTHS = "|".join(sorted((re.escape(m) for m in MONTHS if len(m) > 3), key=len, reverse=True))
# A month named alone after "in / في / خلال / أواخر …" (no day, no year): "his December talks", "في كانون الأول"
MONTH_YEAR = re.compile(rf"(?<![\d\w])(?<!\d\s)({_LONG_MONTHS})\s+(?:من\s+)?(?:عام\s+)?(\d{{4}})\b")
# (after an Arabic "في / خلال …" a short Arabic month is one too: "في آب")
_AR_SHORT = "|".join(re.escape(m) for m in MONTHS if len(m) <= 3 and re.fullmatch(r"[\u0600-\u06ff]+", m))
MONTH_ONLY = re.compile(rf"(?:(?:\b(?:(?:in|during|since|early|late|mid)\s+|mid-)|\b(?:his|her|their|the|last)\s+)(?P<m>{_LONG_MONTHS})|"
                        rf"(?<!\w)و?(?:في|خلال|منذ|اواخر|اوائل|منتصف|مطلع)\s+(?:شهر\s+)?(?P<a>{_LONG_MONTHS}|{_AR_SHORT}))"
                        rf"(?!\s*(?:\d|من\s+\d|/))(?:\s+(?:الماضي|المنصرم))?\b")
MD_NOYEAR = re.compile(rf"\b({_EN_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!(?:\s*[–—-]\s*\d{{1,2}})?,?\s*\d{{4}})"
                       r"(?:\s*[–—-]\s*\d{1,2}(?!\d))?")  # ("August 11–12": its first day)
NUMERIC = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b|\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b")
YEAR = re.compile(r"\b(20[0-3]\d)\b")

# Weekdays as Python numbers them (Monday 0), normalised spelling, Arabic and English.
WEEKDAY_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS = {normalize(k).lower(): v for table in _WORDS["weekdays"].values() for k, v in table.items()}
_WD_ALT = "|".join(WEEKDAYS)
_REL = re.compile(
    rf"(?P<yest>(?:مساء|صباح|ليله)?\s*(?:يوم\s+)?(?<!\w)امس(?:\s+الاول)?(?:[،,]?\s+(?P<wd1>{_WD_ALT}))?|"
    rf"\b(?:the\s+day\s+before\s+)?yesterday(?:[,(]?\s*\(?(?P<wd5>{_WD_ALT}))?)|"
    rf"(?P<today>\b(?:اليوم|today)[،,]?\s+\(?(?P<wd2>{_WD_ALT}))|"
    # "اليوم", "مساء اليوم" with no weekday: the article's day (not "حتى اليوم / منذ اليوم …", until or since today)
    rf"(?P<todayonly>(?<!حتي )(?<!حتى )(?<!الي )(?<!منذ )(?<!لغايه )(?<!\w)(?:(?:مساء|صباح|ظهر|عصر)\s+)?اليوم(?!\w)(?![،,]?\s+\(?(?:{_WD_ALT}))|"
    rf"(?<!until )(?<!since )(?<!of )(?<!as )(?<!to )\b(?:earlier\s+|late\s+)?today\b(?!['’]s)(?![،,]?\s+\(?(?:{_WD_ALT})))|"
    rf"(?P<past>\b(?:يوم\s+)?(?P<wd3>{_WD_ALT})\s+(?:الماضي|المنصرم|الفائت)|\blast\s+(?P<wd6>{_WD_ALT}))|"
    rf"(?P<next>\b(?:يوم\s+)?(?P<wd9>{_WD_ALT})\s+(?:المقبل|القادم)|\bnext\s+(?P<wd10>{_WD_ALT}))|"
    rf"(?P<tomorrow>(?<!\w)(?:(?:مساء|صباح)\s+)?(?:يوم\s+)?غدا(?:[،,]?\s+\(?(?P<wd11>{_WD_ALT}))?(?!\w)|"
    rf"\btomorrow(?:[,(]?\s*\(?(?P<wd12>{_WD_ALT}))?)|"
    rf"(?P<day>\b(?:يوم|(?:مساء|صباح|ليله|ظهر|عصر)(?:\s+يوم)?|on|late on|early on|on the evening of|for)\s+(?P<wd4>{_WD_ALT})|"
    rf"(?<=[،,])\s*(?P<wd8>(?:{_WD_ALT}))(?=\s*[،,])|\b(?P<wd7>{_WD_ALT})\s+(?:morning|evening|night|afternoon)\b)|"
    rf"(?P<recent>\bمؤخرا\b|\bمؤخرًا\b|\brecently\b)|"
    rf"(?P<lastmonth>\b(?:(?:نهايه|اواخر|مطلع|اوائل|منتصف|خلال|في)\s+)?الشهر\s+(?:الماضي|المنصرم|الفائت)|"
    rf"\b(?:(?:at\s+)?the\s+(?:end|start|beginning|middle)\s+of\s+|late\s+|early\s+|mid-?)?last\s+month\b)|"
    # a week: its month when the whole week lies in one ("الأسبوع الماضي", "earlier this week", "مطلع الأسبوع الجاري")
    rf"(?P<lastweek>\b(?:(?:مطلع|اوائل|منتصف|نهايه|اواخر|خلال|في)\s+)?الاسبوع\s+(?:الماضي|المنصرم|الفائت)|\blast\s+week\b)|"
    rf"(?P<thisweek>\b(?:(?:مطلع|اوائل|منتصف|خلال|في)\s+)?(?:الاسبوع\s+الجاري|هذا\s+الاسبوع)|"
    rf"\b(?:earlier|early)\s+this\s+week\b)|"
    rf"(?P<thismonth>\b(?:(?:مطلع|اوائل|منتصف)\s+)?(?:الشهر\s+الجاري|هذا\s+الشهر)|\b(?:earlier|early|late)\s+this\s+month\b)")

# Facts that date an article by what it says, as data (rag/text/data/anchors.json): (pattern over normalised text,
# bound, date, what it is).
def _anchors() -> list[tuple[re.Pattern, str, str, str]]:
    raw = json.loads((_DATA / "anchors.json").read_text(encoding="utf-8"))
    out = []
    for a in raw["anchors"]:
        phrases = sorted({re.sub(r"\s+", " ", normalize(p).lower().strip()) for k, v in a.items()
                          if k not in ("bound", "date", "what") and isinstance(v, list) for p in v}, key=len, reverse=True)
        rx = re.compile(r"(?<!\w)(?:[وفبلك](?=[\u0600-\u06ff]))?(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) + r")(?!\w)")
        out.append((rx, a["bound"], a["date"], a["what"]))
    return out


ANCHORS = _anchors()


@dataclass(frozen=True)
class DateMention:
    """A date expression in a text: its span (in the text given), value ('YYYY-MM-DD'/'YYYY-MM' or None),
    whether it is relative to the article's date, and how it was read."""

    start: int
    end: int
    value: str | None
    basis: str
    relative: bool = False
    future: bool = False
    weekday: int | None = None  # the weekday a relative phrase names (Monday 0), kept when it cannot be resolved
    month: int | None = None  # the month a phrase names without a year, kept when the year cannot be known
    monthday: str | None = None  # 'MM-DD' of a day and month whose year could not be known (an undated page)
    ahead: str | None = None  # for a bare weekday ("on Saturday"): that weekday after the article's date, the day
    # it names when what it dates is still to come (a planned contact)


@dataclass(frozen=True)
class ArticleDate:
    """An article's date: exact (`value`), or a range (`after`/`before`, either may be empty), and why."""

    value: str = ""
    after: str = ""
    before: str = ""
    basis: str = "undated"

    @property
    def estimate(self) -> str:
        """One date to place the article by (exact, else the upper bound, else the lower bound)."""
        return self.value or self.before or self.after

    def label(self, lang: str = "en") -> str:
        ar = lang == "ar"
        if self.value:
            return self.value
        if self.after and self.before:
            return f"بين {self.after} و{self.before}" if ar else f"between {self.after} and {self.before}"
        if self.after:
            return f"بعد {self.after}" if ar else f"after {self.after}"
        if self.before:
            return f"قبل {self.before}" if ar else f"before {self.before}"
        return "غير مؤرخ" if ar else "undated"

    def to_dict(self) -> dict:
        return {"value": self.value or None, "after": self.after or None, "before": self.before or None,
                "basis": self.basis}

    @classmethod
    def from_dict(cls, d: dict | None) -> "ArticleDate":
        d = d or {}
        return cls(d.get("value") or "", d.get("after") or "", d.get("before") or "", d.get("basis") or "undated")


def iso(y: int, m: int, d: int) -> str:
    if 1 <= m <= 12 and 1 <= d <= 31 and 1990 <= y <= 2100:
        try:
            return date(y, m, d).isoformat()
        except ValueError:
            return ""
    return ""


# What a dateline may hold besides its date: weekday, time, zone, "published", separators.
_DATELINE_REST = re.compile(
    r"\b(" + "|".join(WEEKDAYS) + r")\b|\b\d{1,2}:\d{2}(?::\d{2})?\b|\b(gmt|utc|am|pm|ast|بتوقيت\s+\S+|ص|م)\b|"
    r"(نشر|تاريخ النشر|اخر تحديث|تحديث|published|updated|posted|last updated)\s*(في|on|at)?\s*:?|[|:،,\-–—/()•·]|"
    r"\b\d{1,2}\s*(min|mins|minute|minutes)\s+read\b|دقائق\s+قراءه|دقيقه\s+قراءه")


# (one city, or two with a slash: "ERBIL / BAGHDAD, Oct. 23, 2025 —")
_CITY = r"[^\W\d_][^\W\d_'’.]*(?:[ \t]+[^\W\d_][^\W\d_'’.]*){0,2}"
_CITY_FIRST = re.compile(rf"^\s*{_CITY}(?:\s*/\s*{_CITY})?\s*(?:\([^)]{{1,20}}\)\s*)?[-–—,،:|]\s*")


# an outlet after the date: "December 31, 2024 | Erbil Daily Monitor", "22 شباط 2025 – موقع المشرق نيوز",
# "دمشق – 28 آب 2025 (شبكة الشام الإخبارية)", "BAGHDAD, March 14, 2025 (Gulf Wire) -" (no digit in it)
OUTLET_TAIL = re.compile(r"(?:\s*[|–—‒―-]\s*(?P<a>[^|–—‒―\-\d()]{2,45}?)|\s*\((?P<b>[^()\d]{2,45})\)\s*[-–—]?)\s*$")


def _outlet_like(name: str, cased: bool) -> bool:
    """A name, not a sentence: four words at most, and (`cased`: the line as written) in Latin script each one
    capitalised but 'of', 'the'."""
    words = name.split()
    return 0 < len(words) <= 4 and (not cased or all(not re.match(r"[a-z]", w) or w in ("of", "the", "and", "al", "el")
                                                     for w in words))


def _outlet_tail(line: str, cased: bool = False) -> re.Match | None:
    m = OUTLET_TAIL.search(line)
    return m if m and _outlet_like((m.group("a") or m.group("b") or "").strip(), cased) else None


def dateline_outlet(line: str) -> str:
    """The outlet a dateline names after its date ('' when none): 'Erbil Daily Monitor', 'شبكة الشام الإخبارية'."""
    # a hyphen inside a word belongs to the name ("Asharq Al-Awsat English", "Al-Monitor"), no separator; the
    # stand-in keeps every position, so the name is cut from the line as written
    joined = re.sub(r"(?<=[^\W\d_])-(?=[^\W\d_])", "\u2010", line)
    m = _outlet_tail(joined, cased=True)
    if not m or not explicit_dates(normalize(line[:m.start()])):
        return ""
    return line[m.start(m.lastgroup):m.end(m.lastgroup)].strip()


def is_date_line(norm_line: str, tail: bool = True) -> bool:
    """A line that is only a dateline ("الاثنين 30 كانون الاول 2024", "December 26, 2024", "2024/12/26",
    "12 March 2025 | 14:05", "نشر في: 3 حزيران 2025"), in normalised text. One outlet's name may end it (`tail`), not
    two ("14 حزيران 2025 – إعادة فتح منفذ القائم – البوكمال" is a dated list's entry)."""
    if len(norm_line) > 60:
        return False
    norm_line = _STAMP.sub(r"\1 ", norm_line)  # "2025-08-31T22:27"
    if _HIJRI is not None:  # "الخميس 5 ربيع الأول 1447 هـ - الموافق 28 آب 2025"
        norm_line = _HIJRI.sub(lambda m: " " * len(m.group(0)), norm_line)
    # a city (and an agency) before the date: "بغداد - الخميس 5 حزيران 2025", "Baghdad, 20 May 2025"
    bare = _CITY_FIRST.sub("", norm_line, count=1)
    if bare != norm_line and bare.strip() and is_date_line(bare):
        return True
    dates = explicit_dates(norm_line)
    if not dates:
        return False
    end = _outlet_tail(norm_line) if tail else None
    if end and end.start() > 0 and is_date_line(norm_line[:end.start()], tail=False):
        return True
    # a page's header of short parts set off by "·" or "|", one of them the date ("Dec 30, 2025 · The Levant Ledger ·
    # 6 min read", "By Jane Doe · Dec 30, 2025")
    parts = [p.strip() for p in re.split(r"\s[|·•]\s", norm_line)]
    if len(parts) > 1 and all(len(p.split()) <= 5 and not re.search(r"[.!?؟]$", p) for p in parts) and \
            any(is_date_line(p) for p in parts):
        return True
    rest = norm_line
    for d in sorted(dates, key=lambda d: -d.start):
        rest = rest[:d.start] + " " + rest[d.end:]
    rest = _DATELINE_REST.sub(" ", rest)
    rest = re.sub(r"(?<!\w)(يونيو|يوليو|مايو|ابريل|مارس|حزيران|تموز|ايار|نيسان|اذار)(?!\w)", " ", rest)
    return len(re.sub(r"[\W_]", "", rest)) <= 3


def lead_dateline(norm_line: str) -> str:
    """The day of a dateline that opens a paragraph (ISO, '' when none): a date, after up to two places, then an
    agency in brackets or none, then a dash or colon: "BAGHDAD, Dec 5, 2024 (AFP) - …", "DAVOS, Switzerland,
    Jan. 23, 2025 (North Press) – …", "بغداد - 14 آذار/مارس 2025: …", "March 14, 2025 - …"."""
    return lead_dateline_span(norm_line)[0]


def lead_dateline_span(norm_line: str) -> tuple[str, int]:
    """`lead_dateline`'s day and where the dateline ends (after its dash), ('', 0) when none."""
    found = explicit_dates(norm_line)[:1]
    if not found or found[0].start > 60:
        return "", 0
    head = norm_line[:found[0].start]
    for _ in range(2):  # "davos, switzerland, "
        head = _CITY_FIRST.sub("", head, count=1)
    after = _AFTER_LEAD.match(norm_line, found[0].end)
    if head.strip() or not after:
        return "", 0
    return found[0].value, after.end()


_AFTER_LEAD = re.compile(r"\s*(?:\([^()\d]{1,30}\)\s*)?[-–—:|]")


def same_month_text(norm: str, month: str) -> str:
    """`norm` with each word for "the same month" (`SAME_MONTH`) written as `month` ("2025-04", "????-04" of no
    known year): its name and year
    when they fit in the words' room, else its name, in the words' script and padded with spaces (positions kept):
    "في الخامس والعشرين من الشهر نفسه" after "منتصف نيسان" reads "… من نيسان 2025"."""
    if not SAME_MONTH or len(month) < 7 or not any(w in norm for w in SAME_MONTH):
        return norm
    year, number = month[:4], int(month[5:7])
    names = [m for m, n in MONTHS.items() if n == number and len(m) > 3 or n == number and re.search(r"[\u0600-\u06ff]", m)]

    def written(m: re.Match) -> str:
        room = len(m.group(0))
        arabic = bool(re.search(r"[\u0600-\u06ff]", m.group(0)))
        forms = [f for n in names if bool(re.search(r"[\u0600-\u06ff]", n)) == arabic
                 for f in ((f"{n} {year}", n) if year.isdigit() else (n,))]
        fit = [f for f in forms if len(f) <= room]
        return max(fit, key=len).ljust(room) if fit else m.group(0)

    return re.sub(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in SAME_MONTH) + r")(?!\w)", written, norm)


def find_dates(text: str) -> list[str]:
    """ISO dates written out in the text (month names in three traditions, or numbers)."""
    return [m.value for m in explicit_dates(normalize(text)) if m.value]


_TWO_NAMES = re.compile(rf"({MONTH_ALT})(\s*/\s*(?:{MONTH_ALT}))")
_STAMP = re.compile(r"(?<!\d)(\d{4}-\d{1,2}-\d{1,2})[tT](?=\d{1,2}:\d{2})")


def explicit_dates(norm: str) -> list[DateMention]:
    """Explicit dates (with a year) in normalised text, in order."""
    # "حزيران/يونيو": one month written in two traditions (blanked to the first, so offsets hold)
    norm = _TWO_NAMES.sub(lambda m: m.group(1) + " " * len(m.group(2)), norm)
    # "2025-08-31T22:27": a timestamp's day (the "t" before its time blanked, so offsets hold)
    norm = _STAMP.sub(r"\1 ", norm)
    found = []
    for m in DMY_NAMED.finditer(norm):
        found.append(DateMention(m.start(), m.end(), iso(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1))),
                                 f"written out: '{m.group(0)}'"))
    for m in MDY_EN.finditer(norm):
        found.append(DateMention(m.start(), m.end(), iso(int(m.group(3)), MONTHS[m.group(1)], int(m.group(2))),
                                 f"written out: '{m.group(0)}'"))
    for m in ORD_DMY.finditer(norm):
        found.append(DateMention(m.start(), m.end(), iso(int(m.group(3)), MONTHS[m.group(2)], ORDINAL_DAYS[m.group(1)]),
                                 f"written out: '{m.group(0)}'"))
    for m in NUMERIC.finditer(norm):
        if m.group(1):
            v = iso(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        else:
            v = iso(int(m.group(4)), int(m.group(5)), int(m.group(6)))
        found.append(DateMention(m.start(), m.end(), v, f"written out: '{m.group(0)}'"))
    return sorted((f for f in found if f.value), key=lambda f: f.start)


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def _weekday_before(ref: date, wd: int, *, strictly: bool) -> date:
    back = (ref.weekday() - wd) % 7
    if back == 0 and strictly:
        back = 7
    return ref - timedelta(days=back)


# A text with none of these holds no date expression (a superset of what the patterns above need: a digit, a
# month's or weekday's name, or a word of a relative date): most sentences are skipped at one search.
_ANY_CUE = re.compile("|".join([r"\d", *(re.escape(w) for w in sorted({*MONTHS, *WEEKDAYS}, key=len, reverse=True)),
                                "امس", "اليوم", "غدا", "الشهر", "مؤخر", "yesterday", "today", "tomorrow", "month",
                                "الاسبوع", "week",
                                "recently"]))


LATEST_NOT_AFTER = "the latest such day not after"  # (the basis of a day and month read in the article's year)


def resolve_dates(norm: str, article: ArticleDate, years: list[int] | None = None) -> list[DateMention]:
    """Every date expression in normalised text, explicit or relative to the article's date."""
    if not _ANY_CUE.search(norm):
        return []
    out = explicit_dates(norm)
    taken = []
    for m in out:  # a weekday written with a full date ("on Thursday, 17 April 2025", "يوم الاثنين 11 آب 2025") is that
        # date's, not a relative day of its own
        wd_m = re.search(rf"(?:(?:يوم|on)\s+)?({_WD_ALT})[،,]?\s*$", norm[max(0, m.start - 20):m.start])
        taken.append((m.start - (len(wd_m.group(0)) if wd_m else 0), m.end))
    ref = date.fromisoformat(article.value) if len(article.value) == 10 else None
    where = f"the article's date {article.value}" if ref else "the article's date, which is unknown"
    # Day and month without a year: the year from a weekday written with it, else the article's year.
    day_months = [(m, int(m.group(1)), MONTHS[m.group(2)]) for m in DM_NOYEAR.finditer(norm)]
    day_months += [(m, int(m.group(2)), MONTHS[m.group(1)]) for m in MD_NOYEAR.finditer(norm)]
    day_months += [(m, ORDINAL_DAYS[m.group(1)], MONTHS[m.group(2)]) for m in ORD_DM.finditer(norm)]
    for m, day, month in sorted(day_months, key=lambda x: x[0].start()):
        if _overlaps((m.start(), m.end()), taken):
            continue
        wd_m = re.search(rf"({_WD_ALT})[،,]?\s*$", norm[max(0, m.start() - 14):m.start()])
        phrase = (wd_m.group(0).strip() + " " if wd_m else "") + m.group(0)
        value, basis = None, f"'{phrase}' has no year"
        cands = sorted(set(years or []) | ({ref.year} if ref else set()))
        cands = sorted({y + d for y in cands for d in (-1, 0, 1)})
        if wd_m:
            fits = [y for y in cands if iso(y, month, day) and date(y, month, day).weekday() == WEEKDAYS[wd_m.group(1)]]
            if len(fits) == 1:
                value = iso(fits[0], month, day)
                basis += f"; {fits[0]} is the only year near the article's years in which it is a {WEEKDAY_EN[WEEKDAYS[wd_m.group(1)]]}"
        ahead = None
        if not wd_m and not ref and (article.after or article.before):
            # an undated page whose clues bound its date ("after the fall of Assad"): the one year near the years it
            # names that the bounds leave
            fits = [v for y in cands if (v := iso(y, month, day)) and (not article.after or v >= article.after)
                    and (not article.before or v <= article.before)]
            if len(fits) == 1:
                value = fits[0]
                basis += (f"; {value[:4]} is the only year near the years the article names that fits its date "
                          f"({article.label()})")
        if not wd_m and ref:
            y = ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1
            value = iso(y, month, day) or None
            basis += f"; {LATEST_NOT_AFTER} {where}"
            # what is still to come ("the summit due on 17 May") falls on the next such day
            ahead = iso(ref.year if (month, day) > (ref.month, ref.day) else ref.year + 1, month, day) or None
        if not value:
            basis += "; not resolved"
        start = m.start() - (len(wd_m.group(0)) if wd_m else 0)
        out.append(DateMention(start, m.end(), value, basis, relative=True, ahead=ahead,
                               monthday=None if value else f"{month:02d}-{day:02d}"))
        taken.append((start, m.end()))
    for m in MONTH_YEAR.finditer(norm):  # "in March 2025", "في آذار 2025": a month, not a day
        if _overlaps((m.start(), m.end()), taken) or not (1990 <= int(m.group(2)) <= 2100):
            continue
        value = f"{int(m.group(2))}-{MONTHS[m.group(1)]:02d}"
        out.append(DateMention(m.start(), m.end(), value, f"written out: '{m.group(0)}' (a month)"))
        taken.append((m.start(), m.end()))
    for m in MONTH_ONLY.finditer(norm):
        if _overlaps((m.start(), m.end()), taken):
            continue
        month = MONTHS[m.group("m") or m.group("a")]
        if ref is None:  # "his December talks" in an undated page: the month is known, its year is not
            out.append(DateMention(m.start(), m.end(), None, f"'{m.group(0).strip()}' names the month {month:02d}; "
                                   "its year is unknown (the article is undated)", relative=True, month=month))
            taken.append((m.start(), m.end()))
            continue
        y = ref.year if month <= ref.month else ref.year - 1
        nxt = ref.year if month >= ref.month else ref.year + 1  # what is still to come: this month or the next such
        out.append(DateMention(m.start(), m.end(), f"{y}-{month:02d}",
                               f"'{m.group(0).strip()}' = the month {y}-{month:02d}, the latest not after {where}",
                               relative=True, ahead=f"{nxt}-{month:02d}"))
        taken.append((m.start(), m.end()))
    for m in _REL.finditer(norm):
        if _overlaps((m.start(), m.end()), taken):
            continue
        phrase = m.group(0).strip()
        wd = next((m.group(g) for g in ("wd1", "wd2", "wd3", "wd4", "wd5", "wd6", "wd7", "wd8", "wd9", "wd10", "wd11",
                                        "wd12") if m.group(g)), None)
        value, basis, ahead = None, "", None
        if m.group("recent"):
            basis = f"'{phrase}' (recently, before {where})"
        elif ref is None:
            basis = f"'{phrase}' is relative to {where}: not resolved"
        elif m.group("lastmonth") or m.group("thismonth"):
            first = ref.replace(day=1)
            month = (first - timedelta(days=1)) if m.group("lastmonth") else first
            value = month.strftime("%Y-%m")
            basis = f"'{phrase}' = the month {value}, from {where}"
        elif m.group("lastweek") or m.group("thisweek"):
            lo, hi = (ref - timedelta(days=7), ref - timedelta(days=1)) if m.group("lastweek") else \
                (ref - timedelta(days=ref.weekday() % 7), ref)
            if lo.strftime("%Y-%m") == hi.strftime("%Y-%m"):
                value = lo.strftime("%Y-%m")
                basis = f"'{phrase}' = {lo.isoformat()} to {hi.isoformat()}, in the month {value}, from {where}"
            else:
                basis = f"'{phrase}' = {lo.isoformat()} to {hi.isoformat()}, across two months, from {where}"
        elif m.group("yest"):
            back = 2 if "الاول" in phrase or "day before" in phrase else 1
            d = ref - timedelta(days=back)
            if wd and d.weekday() != WEEKDAYS[wd]:
                late = d - timedelta(days=1)
                if late.weekday() == WEEKDAYS[wd]:  # wire copy republished the next day
                    value = late.isoformat()
                    basis = (f"'{phrase}': the {WEEKDAY_EN[WEEKDAYS[wd]]} before {where} (the page is dated a day "
                             f"after the report)")
                else:
                    basis = (f"'{phrase}' does not fit {where} (that day was not a {WEEKDAY_EN[WEEKDAYS[wd]]}): "
                             f"not resolved")
            else:
                value, basis = d.isoformat(), f"'{phrase}' = {back} day(s) before {where}"
        elif m.group("tomorrow"):  # "غداً الثلاثاء", "tomorrow": the day after the article's (its weekday must fit)
            d = ref + timedelta(days=1)
            if wd and d.weekday() != WEEKDAYS[wd]:
                basis = f"'{phrase}' does not fit {where} (the next day is not a {WEEKDAY_EN[WEEKDAYS[wd]]}): not resolved"
            else:
                value = ahead = d.isoformat()
                basis = f"'{phrase}' = the day after {where}"
        elif m.group("next"):  # "الأحد المقبل", "next Sunday": the first such day after the article's date
            d = ref + timedelta(days=(WEEKDAYS[wd] - ref.weekday() - 1) % 7 + 1)
            value = ahead = d.isoformat()
            basis = f"'{phrase}' = the {WEEKDAY_EN[WEEKDAYS[wd]]} after {where}"
        elif m.group("todayonly"):
            value, basis = ref.isoformat(), f"'{phrase}' = {where}"
        elif m.group("today"):
            if ref.weekday() == WEEKDAYS[wd]:
                value, basis = ref.isoformat(), f"'{phrase}' = {where}"
            elif (ref - timedelta(days=1)).weekday() == WEEKDAYS[wd]:  # dated the day after it was written
                value = (ref - timedelta(days=1)).isoformat()
                basis = f"'{phrase}': the {WEEKDAY_EN[WEEKDAYS[wd]]} before {where} (the page is dated a day after the report)"
            else:
                basis = f"'{phrase}' does not fit {where}: not resolved"
        else:
            strictly = bool(m.group("past"))
            d = _weekday_before(ref, WEEKDAYS[wd], strictly=strictly)
            value = d.isoformat()
            basis = f"'{phrase}' = the {WEEKDAY_EN[WEEKDAYS[wd]]} {'before' if strictly else 'on or before'} {where}"
            if not strictly:
                ahead = (ref + timedelta(days=(WEEKDAYS[wd] - ref.weekday() - 1) % 7 + 1)).isoformat()
        out.append(DateMention(m.start(), m.end(), value, basis, relative=True,
                               weekday=WEEKDAYS[wd] if wd and not value else None, ahead=ahead))
    return sorted(out, key=lambda x: x.start)


# a wire dateline with no year at the head of a line: "BAGHDAD, Aug. 12 --", "بغداد، 12 آب (أ ف ب) –"
_WIRE_HEAD = re.compile(rf"(?m)^{_CITY}(?:[ \t]*/[ \t]*{_CITY})?\s*[,،]\s*")
_WEEKDAY_WORD = re.compile(r"(?<!\w)(" + "|".join(WEEKDAYS) + r")\b")


def wire_dateline(norm: str, today: date | None = None) -> ArticleDate | None:
    """A dateline giving a day and month with no year ("BAGHDAD, Aug. 12 -- … agreed on Tuesday"): the year is the
    latest, up to `today` and of the last three, in which that day is the weekday the report names for it; None
    when none fits."""
    today = today or date.today()
    for head in _WIRE_HEAD.finditer(norm[:800]):
        rest = norm[head.end():head.end() + 24]
        m = MD_NOYEAR.match(rest)
        month, day = (MONTHS.get(m.group(1)), int(m.group(2))) if m else (None, None)
        if not m and (m := DM_NOYEAR.match(rest)):
            month, day = MONTHS.get(m.group(2)), int(m.group(1))
        if not month:
            continue
        said = {WEEKDAYS[w] for w in _WEEKDAY_WORD.findall(norm[head.end():head.end() + 600])}
        for year in range(today.year, today.year - 3, -1):  # (over more years any weekday fits)
            when = iso(year, month, day)
            if when and when <= today.isoformat() and date.fromisoformat(when).weekday() in said:
                return ArticleDate(value=when, basis=f"its dateline's day '{m.group(0).strip()}' without a year, in "
                                                     f"the latest year it was the weekday the report names")
        return None
    return None


def infer_article_date(norm: str, stored: str = "", hints: list[tuple[str, str]] | None = None,
                       today: date | None = None) -> ArticleDate:
    """The article's date: the library's (from its dateline), else a wire dateline's day whose weekday fixes its
    year, else a range from what the text says and from `hints` ((date, why) the article is no older than, e.g. a
    tweet it quotes)."""
    if stored:
        return ArticleDate(value=stored[:10], basis="the article's dateline")
    wire = wire_dateline(norm, today)
    if wire is not None:
        return wire
    after, before, why, why_before = "", "", [], []
    for when, what in hints or []:
        if when > after:
            after = when
            why.append(what)
    for pattern, bound, when, what in ANCHORS:
        if pattern.search(norm):
            if bound == "after" and when > after:
                after = when
                why.append(what)
            if bound == "after":
                # "… since the fall of Assad on the 8th of this month" ("في الثامن من الشهر الجاري"), right after a
                # phrase of it, in its clause: the article was written in that event's month
                rel = next((r for f in pattern.finditer(norm) if (r := _REL.search(
                    re.split(r"[,،;؛.؟?!\n]", norm[f.end():f.end() + 40], maxsplit=1)[0])) is not None and
                    r.start() <= 20 and r.group("thismonth")), None)
                if rel is not None:
                    y, mo = int(when[:4]), int(when[5:7])
                    end = (date(y + mo // 12, mo % 12 + 1, 1) - timedelta(days=1)).isoformat()
                    if not before or end < before:
                        before = end
                        why_before.append(f"it writes that event's day in the current month ('{rel.group(0).strip()}')")
            elif bound == "before" and (not before or when < before):
                before = when
                why_before.append(what)
    if after and before and after >= before:
        # an event it speaks of as past outweighs a title it names: a look back names the officials of the time
        # ("the Syrian president Bashar al-Assad" in a review of the year after his fall)
        return ArticleDate(after=after, basis="undated; " + "; ".join(why) + " (it also names the officials before "
                                                                            "it, looking back)")
    why += why_before
    if not (after or before):
        return ArticleDate()
    return ArticleDate(after=after, before=before, basis="undated; " + "; ".join(why))


def text_years(norm: str) -> list[int]:
    return sorted({int(y) for y in YEAR.findall(norm)})


_MONTH_NAMES = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_PERIOD_MONTH = re.compile(rf"(?:شهر\s+)?({_MONTH_NAMES})\s*[,،]?\s*(?:من\s+)?(?:عام\s+|سنه\s+)?(\d{{4}})")


def period_of(text: str) -> str | None:
    """A period as the timeline filters it: "YYYY", "YYYY-MM" or "YYYY-MM-DD" from a year ("2025"), a month
    ("2025-03", "2025/3", "آذار 2025", "مارس 2025", "March 2025") or a day ("2025-03-14", "14 آذار 2025",
    "March 14, 2025"), Arabic-Indic digits too; None for anything else."""
    norm = normalize(text or "").strip().lower()
    if m := re.fullmatch(r"(\d{4})", norm):
        return m[1]
    if m := re.fullmatch(r"(\d{4})[-/.](\d{1,2})", norm) or re.fullmatch(r"(\d{1,2})[-/.](\d{4})", norm):
        year, month = (m[1], m[2]) if len(m[1]) == 4 else (m[2], m[1])
        return f"{year}-{int(month):02d}" if 1 <= int(month) <= 12 else None
    if m := _PERIOD_MONTH.fullmatch(norm):
        return f"{m[2]}-{MONTHS[m[1]]:02d}"
    found = explicit_dates(norm)  # a day: numbers or a month's name, as the articles' dates are read
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(norm):
        try:
            return date.fromisoformat(found[0].value).isoformat()
        except (TypeError, ValueError):
            return None
    return None

