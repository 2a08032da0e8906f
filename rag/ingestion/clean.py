"""Cleaning scraped articles: boilerplate lines out, metadata (title, date, outlet) extracted."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..text.arabic import clean_control, normalize
from ..text.dates import (DM_NOYEAR, MONTHS, WEEKDAYS, YEAR, dateline_outlet, explicit_dates, find_dates,
                          is_date_line, iso, lead_dateline)
from ..documents import Document, RawDocument
from ..domain.people import Officials, load_officials

# Lines that are site furniture wherever they appear (matched on normalised text).
_JUNK = [re.compile(p, re.I) for p in (
    r"^powered by", r"^design by", r"wordpress", r"^copyright|جميع الحقوق محفوظه|©",
    r"^اترك تعليقا", r"لن يتم نشر عنوان بريدك", r"الحقول الالزاميه", r"^زر الذهاب الي الاعلي",
    r"^(اذا|إذا) كنت تعتقد", r"^ارسل/?ارسلي تصحيحا", r"^قدم/قدمي شكوي", r"^شارك(وا)?( المقال| الخبر)?:?$",
    r"^(تابعنا|تابعونا)( علي)?", r"^(كلمات دلاليه|الوسوم|وسوم|tags)\s*:", r"^اضف تعليق", r"^التعليقات$",
    r"^(facebook|twitter|whatsapp|telegram|email|print|طباعه)$", r"^(الرئيسيه|home)( [|»>/].*)?$",
    r"^(اقرا|إقرا) ايضا:?$", r"^(share|read more|related)\b", r"^[•·▪►]\s*", r"^—\s*\S.*\(@\w+\)",
    r"^(المزيد|اقرا المزيد)$", r"^\W*$",
)]
# A line that starts a block of links to other articles: it and everything after it go.
_RELATED = re.compile(
    r"^((مقالات|اخبار|مواضيع) (ذات صله|مشابهه|متعلقه)|(اقرا|إقرا) ايضا:?|مرتبط|related (articles|posts|news)|"
    r"you may also like|الاكثر قراءه)$", re.I)
# Lines that address a language model rather than a reader: dropped, so no model ever sees them.
_INJECTION = re.compile(
    r"(ignore|disregard|forget)\s+(all\s+|any\s+)?(your|the|previous|prior|above|earlier)\s+(\w+\s+)?"
    r"(instructions|prompts?|rules)|system prompt|you are now (a|an|in)\b|new instructions\s*:|"
    r"(تجاهل|انس|اهمل)\s*(جميع|كل)?\s*(التعليمات|تعليماتك|الاوامر|اوامرك)|"
    r"(ايها|يا)\s+(النموذج|المساعد|الذكاء الاصطناعي)", re.I)
_SOURCE = re.compile(r"^(المصدر|مصدر الخبر|source)\s*[:：]\s*(.{2,60})$", re.I)
_BYLINE = re.compile(r"^([^\s–—-][^–—\-:]{2,40})\s+[–—-]\s+([^–—\-:]{2,40})$")
# a byline with no space before its dash ("شفق نيوز- بغداد/ دمشق"): only when what follows it is places
_TIGHT_BYLINE = re.compile(r"^([^\s–—-][^–—\-:]{2,40}?)[–—-]\s+([^–—\-:]{2,40})$")
_END_PUNCT = (".", "!", "؟", "?", "…", ":", "\"", "”", "»")
# A headline may end with a quotation ('… move "from words to implementation"', '… والشيباني «الأسبوع المقبل»'):
# such a line is still the title, whole. (A body line ending with a quote stays body: this is the title's rule only.)
_CLOSING_QUOTES = ("\"", "”", "»", "'", "’", "″")
_QUESTION = ("؟", "?")
# Citation-like markers in an article's own text ("[3] [4]", "[n]", "[١]", "【2】", "［3］"): only the answerer's
# markers may cite, so these become plain parenthesised text, "(3) (4)", "(n)", "(١)", "(2)", character for
# character (every offset into the text stays valid).
_BRACKETS = {"[": "]", "【": "】", "［": "］", "〔": "〕", "〖": "〗", "⟦": "⟧", "〘": "〙"}
_DIGITS = r"[0-9٠-٩۰-۹]+"
_MARKER_LIKE = re.compile(
    "(" + "|".join(re.escape(o) for o in _BRACKETS) + r")(\s*(?:" + _DIGITS + r"(?:\s*[,،;؛\-–]\s*" + _DIGITS
    + r")*|[A-Za-z#*?^]{1,3}|[\u0621-\u064a]|\^?" + _DIGITS + r")\s*)(" + "|".join(re.escape(c) for c in _BRACKETS.values())
    + ")")


# What a byline or dateline holds beside its outlet that is no outlet: the domain's places (officials.json) and the
# sections and labels of rag/ingestion/data/bylines.json ("سياسة", "خاص", "Politics").
_BYLINE_WORDS = json.loads((Path(__file__).resolve().parent / "data" / "bylines.json").read_text(encoding="utf-8"))
_NOT_OUTLET: dict[str, tuple[frozenset[str], frozenset[str]]] = {}  # officials' digest -> (places, sections)


def _key(part: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", normalize(part).lower())).strip()


def _not_outlet_words(officials: Officials) -> tuple[frozenset[str], frozenset[str]]:
    """The domain's places and bylines.json's sections, normalised."""
    got = _NOT_OUTLET.get(officials.digest)
    if got is None:
        places = frozenset(_key(f) for p in officials.places for f in p.forms)
        sections = frozenset(_key(w) for ws in _BYLINE_WORDS["sections"].values() for w in ws)
        got = _NOT_OUTLET[officials.digest] = (places, sections)
    return got


def _pieces(part: str) -> list[str]:
    """The keys of a byline part's pieces ("Baghdad / Damascus", "بغداد و دمشق"), empty ones left out."""
    return [k for p in re.split(r"\s*[/،,&]\s*|\s+(?:and|و)\s+", part) if (k := _key(p))]


def _is_outlet(part: str, officials: Officials) -> bool:
    """A byline's part names an outlet unless it is a place or a section (each place of "Baghdad / Damascus")."""
    places, sections = _not_outlet_words(officials)
    words = places | sections
    return bool(_key(part)) and _key(part) not in words and not all(p in words for p in _pieces(part))


def _only_places(part: str, officials: Officials) -> bool:
    """Every piece of "بغداد/ دمشق" is one of the domain's places."""
    pieces = _pieces(part)
    return bool(pieces) and all(p in _not_outlet_words(officials)[0] for p in pieces)


def _byline_outlet(a: str, b: str, officials: Officials) -> str:
    """The outlet of a byline "A – B": "شفق نيوز – بغداد", "الأنبار – المدى", "أنس الشيخ أحمد – مراسلين" (an author,
    then the outlet), "السومرية نيوز - سياسة"; '' for "بغداد - خاص". B first (author, then outlet)."""
    return next((p for p in (b.strip(), a.strip()) if _is_outlet(p, officials)), "")


def _joins_places(a: str, b: str, officials: Officials) -> bool:
    """A dash between two places inside longer words is a route in a headline ("إعادة افتتاح منفذ القائم – البوكمال أمام
    المسافرين", "Talks on the Kirkuk – Baniyas pipeline resume"), not a byline: a byline's place stands alone on its
    side ("الموصل - نينوى الغد", "يلا سوريا – دمشق")."""
    places = _not_outlet_words(officials)[0]
    left, right = _key(a).split(), _key(b).split()
    ends = next((n for n in (3, 2, 1) if len(left) >= n and " ".join(left[-n:]) in places), 0)
    starts = next((n for n in (3, 2, 1) if len(right) >= n and " ".join(right[:n]) in places), 0)
    return 0 < ends < len(left) and 0 < starts < len(right)


def neutralize_markers(text: str) -> str:
    """Citation-like markers in article text as plain text: "[3]" -> "(3)", "【2】" -> "(2)"; same length."""
    return _MARKER_LIKE.sub(lambda m: f"({m.group(2)})", text)


def _is_date_line(norm_line: str) -> bool:
    return is_date_line(norm_line)


def _headline_like(line: str) -> bool:
    return len(line) < 110 and not line.rstrip().endswith(_END_PUNCT)


def _title_like(line: str) -> bool:
    """The first line can be the title: headline-like, or a short line ending with a closing quote or a question
    mark (a headline may ask: "… كيف انتقلت بغداد من الحذر إلى الانفتاح؟")."""
    line = line.rstrip()
    if len(line) >= 110:
        return False
    if line.endswith(_CLOSING_QUOTES):
        line = line.rstrip("".join(_CLOSING_QUOTES))
        return not line.endswith(_END_PUNCT) or line.endswith(_QUESTION)
    return _headline_like(line) or line.endswith(_QUESTION)


def _publication_date(lines: list[str], body: str) -> str:
    for line in lines[:6]:
        n = normalize(line)
        if _is_date_line(n):
            dates = find_dates(line)
            if dates:
                return dates[0]
    # A dateline the forms above miss: a short header line that is a place or a section and one full date, and
    # little else ("DAMASCUS (Dec 15, 2025)", "بغداد / 25 نيسان 2025", "دمشق في 27 نيسان 2025", "بغداد في
    # 22/10/2025", "المشهد السياسي | الخميس 28 آب 2025 الساعة 21:18"); not a headline that names a date.
    for line in [x for x in lines if x][:4]:
        if (date := _short_dateline(line)):
            return date
    # "اليوم، الثلاثاء 1 من نيسان": a dateline without a year takes the latest year the text names.
    norm = normalize(body)
    m = re.search(r"اليوم[،,]?\s+(?:\w+\s+)?" + DM_NOYEAR.pattern, norm)
    years = [int(y) for y in YEAR.findall(norm)]
    if m and years:
        return iso(max(years), MONTHS[m.group(2)], int(m.group(1)))
    return ""


# Besides its date, a header line holds at most this many words (a place, an agency or a section, "في"): a
# headline that names a date has more.
DATELINE_WORDS = 3
_HEADER_REST = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, WEEKDAYS)) + r")(?!\w)|\d{1,2}:\d{2}(?::\d{2})?")


def _short_dateline(line: str) -> str:
    """The date of a short header line that holds one full date and at most DATELINE_WORDS other words
    (weekdays, times and separators aside); '' for any other line."""
    n = normalize(line)
    if len(n) > 60 or line.rstrip().endswith(_END_PUNCT):
        return ""
    dates = explicit_dates(n)
    if len({d.value for d in dates}) != 1:
        return ""
    rest = n
    for d in sorted(dates, key=lambda d: -d.start):
        rest = rest[:d.start] + " " + rest[d.end:]
    rest = _HEADER_REST.sub(" ", rest)
    return dates[0].value if len(re.findall(r"[^\W\d_]+", rest)) <= DATELINE_WORDS else ""


def clean(raw: RawDocument, officials: Officials | None = None) -> Document:
    """Drop boilerplate lines, cut related-article blocks, and extract the metadata. `officials` gives the places
    a byline's city may be (the shipped domain data when None)."""
    officials = officials if officials is not None else load_officials()
    lines = [clean_control(line).strip() for line in raw.text.split("\n")]
    kept: list[str] = []
    dropped: list[str] = []
    outlet = raw.outlet
    title = raw.title.strip()
    date = raw.date
    seen: set[str] = set()
    cut = False
    for i, line in enumerate(lines):
        if not line:
            continue
        n = normalize(line)
        if _SOURCE.match(n):
            # "Source: Xinhua | 2025-08-12 21:40:16 | Editor: huaxia": the outlet is the first part
            outlet = outlet or re.split(r"\s*[|•·]\s*", re.split(r"[:：]", line, maxsplit=1)[1].strip())[0]
            dropped.append(line)
            continue
        if cut:
            dropped.append(line)
            continue
        if _RELATED.match(n) and kept:
            cut = True
            dropped.append(line)
            continue
        if _INJECTION.search(n):
            dropped.append(line)
            continue
        if (len(line) < 200 and any(p.search(n) for p in _JUNK)) or n in seen:
            dropped.append(line)
            continue
        if _is_date_line(n):
            date = date or (find_dates(line) or [""])[0]
            named = dateline_outlet(line)  # "December 31, 2024 | Erbil Daily Monitor"; not "28 آب 2025 – دمشق"
            outlet = outlet or (named if named and _is_outlet(named, officials) else "")
            dropped.append(line)
            continue
        by = _BYLINE.match(line) or ((t := _TIGHT_BYLINE.match(line)) and _only_places(t.group(2), officials) and t)
        if by and _joins_places(by.group(1), by.group(2), officials):
            by = None
        lead = lead_dateline(n) if len(kept) <= 2 else ""
        if lead:
            # "March 14, 2025 - Shaibani arrives in Baghdad", "BAGHDAD, Dec 5, 2024 (AFP) - The leader …": a wire
            # dateline opening the first paragraphs; the line stays
            date = date or lead
            by = None
        if by and len(kept) <= 2 and not line.endswith(_END_PUNCT):
            outlet = outlet or _byline_outlet(by.group(1), by.group(2), officials)
            dropped.append(line)
            continue
        seen.add(n)
        kept.append(line)
    kept, menu = _drop_headline_runs(kept)
    dropped.extend(menu)
    # Headlines left dangling after the last paragraph link to other articles.
    while len(kept) > 1 and _headline_like(kept[-1]):
        dropped.append(kept.pop())
    # A short label before the real title (a section name like "عربي و دولي") is menu, not title.
    while len(kept) > 1 and len(kept[0].split()) <= 3 and _headline_like(kept[0]):
        dropped.append(kept.pop(0))
    if not title and kept and _title_like(kept[0]) and len(kept[0].split()) >= 3:
        title = kept[0]
    body = "\n".join(kept)
    if not date:
        date = _publication_date(lines, body)
    if not title and body:
        first = body.split("\n", 1)[0]
        # No headline: the first sentence's opening clause, whole (not a sentence cut mid-way).
        clause = re.split(r"[،,:؛;.!؟?]\s", first + " ", maxsplit=1)[0].strip()
        title = clause if len(clause) <= 110 else first[:87].rsplit(" ", 1)[0] + "…"
    return Document(source=raw.source, text=neutralize_markers(body), title=neutralize_markers(title), date=date,
                    outlet=outlet, url=raw.url, dropped=dropped)


def _drop_headline_runs(lines: list[str]) -> tuple[list[str], list[str]]:
    """Runs of three or more short unpunctuated lines after the body are headline lists or menus."""
    kept, dropped, run = [], [], []
    for idx, line in enumerate(lines):
        if _headline_like(line) and idx > 0:
            run.append(line)
            continue
        (dropped if len(run) >= 3 else kept).extend(run)
        run = []
        kept.append(line)
    (dropped if len(run) >= 3 else kept).extend(run)
    return kept, dropped
