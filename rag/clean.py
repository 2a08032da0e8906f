"""Cleaning scraped articles: boilerplate lines out, metadata (title, date, outlet) extracted."""

from __future__ import annotations

import re

from .arabic import clean_control, normalize
from .documents import Document, RawDocument

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
_END_PUNCT = (".", "!", "؟", "?", "…", ":", "\"", "”", "»")

LEVANTINE = {
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7,
    "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
}
EGYPTIAN = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يوليو": 7,
    "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
}
ENGLISH = {m: i for i, m in enumerate((
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december"), 1)}
MONTHS = {normalize(k): v for k, v in {**LEVANTINE, **EGYPTIAN, **ENGLISH}.items()}
_MONTH_ALT = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_DMY_NAMED = re.compile(rf"\b(\d{{1,2}})(?:\s*-\s*|\s+(?:من\s+)?)({_MONTH_ALT})(?:\s*-\s*|\s+|\s*،\s*)(\d{{4}})\b")
_MDY_EN = re.compile(rf"\b({_MONTH_ALT})\s+(\d{{1,2}}),?\s+(\d{{4}})\b")
_DM_NOYEAR = re.compile(rf"\b(\d{{1,2}})\s+(?:من\s+)?({_MONTH_ALT})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b|\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_YEAR = re.compile(r"\b(20[0-3]\d)\b")


def _iso(y: int, m: int, d: int) -> str:
    if 1 <= m <= 12 and 1 <= d <= 31 and 1990 <= y <= 2100:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return ""


def find_dates(text: str) -> list[str]:
    """ISO dates written out in the text (month names in three traditions, or numbers)."""
    norm = normalize(text)
    found = []
    for m in _DMY_NAMED.finditer(norm):
        found.append((m.start(), _iso(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1)))))
    for m in _MDY_EN.finditer(norm):
        found.append((m.start(), _iso(int(m.group(3)), MONTHS[m.group(1)], int(m.group(2)))))
    for m in _NUMERIC.finditer(norm):
        if m.group(1):
            found.append((m.start(), _iso(int(m.group(3)), int(m.group(2)), int(m.group(1)))))
        else:
            found.append((m.start(), _iso(int(m.group(4)), int(m.group(5)), int(m.group(6)))))
    return [d for _, d in sorted(found) if d]


def _is_date_line(norm_line: str) -> bool:
    rest = _DMY_NAMED.sub("", norm_line)
    rest = _NUMERIC.sub("", rest)
    return len(norm_line) < 40 and len(re.sub(r"[\W_]", "", rest)) <= 6 and rest != norm_line


def _headline_like(line: str) -> bool:
    return len(line) < 110 and not line.rstrip().endswith(_END_PUNCT)


def _publication_date(lines: list[str], body: str) -> str:
    for line in lines[:6]:
        n = normalize(line)
        if _is_date_line(n):
            dates = find_dates(line)
            if dates:
                return dates[0]
    # "اليوم، الثلاثاء 1 من نيسان": a dateline without a year takes the latest year the text names.
    norm = normalize(body)
    m = re.search(r"اليوم[،,]?\s+(?:\w+\s+)?" + _DM_NOYEAR.pattern, norm)
    years = [int(y) for y in _YEAR.findall(norm)]
    if m and years:
        return _iso(max(years), MONTHS[m.group(2)], int(m.group(1)))
    return ""


def clean(raw: RawDocument) -> Document:
    """Drop boilerplate lines, cut related-article blocks, and extract the metadata."""
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
            outlet = outlet or re.split(r"[:：]", line, maxsplit=1)[1].strip()
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
            dropped.append(line)
            continue
        by = _BYLINE.match(line)
        if by and len(kept) <= 2 and not line.endswith(_END_PUNCT):
            outlet = outlet or by.group(2).strip()
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
    if not title and kept and _headline_like(kept[0]) and len(kept[0].split()) >= 3:
        title = kept[0]
    body = "\n".join(kept)
    if not date:
        date = _publication_date(lines, body)
    if not title and body:
        first = body.split("\n", 1)[0]
        title = first if len(first) <= 90 else first[:87].rsplit(" ", 1)[0] + "…"
    return Document(source=raw.source, text=body, title=title, date=date, outlet=outlet,
                    url=raw.url, dropped=dropped)


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
