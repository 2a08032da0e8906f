"""The contacts in date order: per-article mentions merged into events (one event, every source cited),
filters, and answers to questions about sets, order, firsts and lasts, and periods of contacts."""

from __future__ import annotations

import functools
import hashlib
import re
import threading
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Callable

from ..domain.bodies import RANK as BODY_RANK
from ..domain.people import IRAQ, SYRIA, load_officials
from ..text.arabic import normalize
from ..text.dates import ArticleDate, iso
from ..text.script import has_arabic
from .mention import GROUP, PRIORITY, Mention

KIND_EN = {"visit": "visit", "call": "phone call", "meeting": "meeting", "delegation": "delegation",
           "statement": "statement"}
AHEAD = 45  # days: an undated report of a contact not done (planned, called off, put off) may be of one this far after
# its article's date
NEAR = 3  # sentences: one article's two reports this close, one undated, that place neither may be one visit
AMBIGUOUS = 50  # an undated report is not merged across articles among more contacts of one person than this
STATUS_AR = {"planned": "مرتقبة", "postponed": "مؤجلة", "cancelled": "ملغاة", "denied": "منفية", "rumoured": "غير مؤكدة",
             "hypothetical": "افتراضية", "future": "مؤرخة في المستقبل"}
KIND_AR = {"visit": "زيارة", "call": "اتصال هاتفي", "meeting": "لقاء", "delegation": "وفد", "statement": "تصريح"}


@dataclass
class ContactEvent:
    """One Iraq–Syria contact, merged across the articles that report it; `to_dict` is its JSON form."""

    id: str
    kind: str
    date: str | None
    date_basis: str
    status: str
    participants: list[dict]
    place: dict | None
    summary: str
    citations: list[dict]
    sources: list[str] = field(default_factory=list)
    article_date: ArticleDate = field(default_factory=ArticleDate)
    mentions: int = 1
    date_source: str = ""
    date_end: str | None = None  # last day of a contact over several days (one report gives both days)
    date_alternatives: list[str] = field(default_factory=list)  # other days other reports give
    directed_by: list[dict] = field(default_factory=list)
    status_basis: str = ""

    @property
    def undated(self) -> bool:
        return self.date is None

    @property
    def sort_key(self) -> tuple:
        return ((self.date or self.article_date.estimate or "9999")[:10], self.date is None, self.citations[0]["source"]
                if self.citations else "", self.citations[0]["start"] if self.citations else 0)

    def names(self, lang: str = "ar") -> list[str]:
        return [p["name_en"] if lang == "en" else p["name"] for p in self.participants]

    def to_dict(self) -> dict:
        return {
            "id": self.id, "kind": self.kind, "date": self.date, "date_basis": self.date_basis, "status": self.status,
            "participants": [{"name": p["name"], "role": p["role"], "country": p["country"], "name_en": p["name_en"],
                              "role_en": p["role_en"]} for p in self.participants],
            "place": self.place["name"] if self.place else None,
            "place_en": self.place["name_en"] if self.place else None,
            "summary": self.summary, "citations": [dict(c) for c in self.citations],
            "undated": self.undated, "article_date": self.article_date.label(),
            "article_date_basis": self.article_date.basis, "date_end": self.date_end,
            "date_alternatives": list(self.date_alternatives),
            "directed_by": [{"name": p["name"], "name_en": p["name_en"], "country": p["country"]}
                            for p in self.directed_by],
            "status_basis": self.status_basis,
        }

    def line(self, lang: str) -> str:
        """One line built from the fields (English names for English readers), without markers."""
        who = self._who(lang)
        if lang == "en":
            place = f" to {self.place['name_en']}" if self.place and self.kind in ("visit", "delegation") else (
                f" in {self.place['name_en']}" if self.place else "")
            plan = f" ({self.status})" if self.status != "happened" else ""
            return f"{KIND_EN[self.kind].capitalize()}{plan}{place}: {who}"
        place = f" إلى {self.place['name']}" if self.place and self.kind in ("visit", "delegation") else (
            f" في {self.place['name']}" if self.place else "")
        plan = f" ({STATUS_AR.get(self.status, self.status)})" if self.status != "happened" else ""
        return f"{KIND_AR[self.kind]}{plan}{place}: {who}"

    def _who(self, lang: str) -> str:
        sides = []
        for country, ar in ((IRAQ, "العراق"), (SYRIA, "سوريا")):
            people = []
            for p in self.participants:
                if p["country"] != country:
                    continue
                if lang == "en":
                    people.append(f"{p['name_en']} ({p['role_en']})" if p.get("named", True) else p["name_en"])
                else:
                    people.append(f"{p['name']} ({p['role']})" if p.get("named", True) else p["name"])
            if people:
                sides.append(f"{country if lang == 'en' else ar}: " + (", " if lang == "en" else "، ").join(people))
        return ("; " if lang == "en" else "؛ ").join(sides)

    def when(self, lang: str) -> str:
        if self.date and self.date_end:
            return f"{self.date} – {self.date_end}"
        if self.date and self.date_alternatives:
            others = ", ".join(self.date_alternatives)
            return (f"{self.date} (or {others}: the sources differ)" if lang == "en" else
                    f"{self.date} (أو {others}: تختلف المصادر)")
        if self.date:
            return self.date
        if lang == "en":
            return f"undated (article {self.article_date.label()})"
        return f"غير مؤرخ (المقال: {self.article_date.label('ar')})"


# ---- merging -------------------------------------------------------------------------------------

WINDOW = 3  # days: reports of one contact that differ by up to this many days are one contact (sources differ)


def _day(d: str | None):
    return date.fromisoformat(d[:10]) if d and len(d) >= 10 else None


def _days_fit(a: str, b: str) -> bool:
    """Whether two reports' dates (a day or a month each) may be of one contact (`_dates_fit` of two dated ones)."""
    da, db = _day(a), _day(b)
    if da and db:
        return abs((da - db).days) <= WINDOW
    return a.startswith(b[:7]) or b.startswith(a[:7])


def _dates_fit(a: Mention, b: Mention, arts: dict[str, ArticleDate]) -> bool:
    if a.date and b.date:
        return _days_fit(a.date, b.date)
    dated, other = (a, b) if a.date else (b, a)
    if not dated.date:
        return True
    art = arts.get(other.source, ArticleDate())
    d = dated.date[:10]
    bound = art.value or art.before
    if bound and d > bound:  # a report cannot look back at a later contact (but sources differ by a day or two)
        late = _day(d)
        # (one not done may look ahead: "al-Sharaa will not attend the summit", reported three weeks before it)
        ahead = AHEAD if other.status in ("planned", "cancelled", "postponed") else WINDOW
        return bool(late and len(bound) >= 10 and (late - date.fromisoformat(bound[:10])).days <= ahead)
    return True


def _same(a: Mention, b: Mention, arts: dict[str, ArticleDate]) -> bool:
    """Whether two mentions report the same contact."""
    if GROUP[a.kind] != GROUP[b.kind] or a.status != b.status or not _dates_fit(a, b, arts):
        return False
    if a.kind == "statement":  # one speaker's words: one article, or reports of the same day by several outlets
        an, bn = a.named, b.named
        if a.source == b.source:
            return an == bn
        da, db = _day(a.date), _day(b.date)
        if da and db:
            return bool(an & bn) and abs((da - db).days) <= 1
        # an undated "said on Tuesday" or "on February 25" and a dated report of the same speaker on that day (or a
        # day beside it)
        x, y = (a, db) if a.date is None else (b, da)
        if not (an & bn) or y is None:
            return False
        if x.monthday:
            mm, dd = int(x.monthday[:2]), int(x.monthday[3:])
            return any(abs((y - date.fromisoformat(d)).days) <= 1
                       for yr in (y.year - 1, y.year, y.year + 1) if (d := iso(yr, mm, dd)))
        return x.weekday is not None and min((y.weekday() - x.weekday) % 7, (x.weekday - y.weekday()) % 7) <= 1
    da, db = _day(a.date), _day(b.date)
    # the same day by the reports themselves (sources differ by a day): both dated within a day, or an undated
    # "on Monday" and a day within a day of a Monday
    same_day = bool(da and db and abs((da - db).days) <= 1) or any(
        x.date is None and x.weekday is not None and y and min((y.weekday() - x.weekday) % 7,
                                                               (x.weekday - y.weekday()) % 7) <= 1
        for x, y in ((a, db), (b, da)))
    if same_day and a.place and b.place and a.place["name_en"] == b.place["name_en"] and \
            a.place["country"] not in (IRAQ, SYRIA):
        # one day, one city abroad: one gathering (a neighbours' meeting in Amman), whoever each report names of it
        return True
    sides = {c: ({p["id"] for p in a.participants if p["named"] and p["country"] == c},
                 {p["id"] for p in b.participants if p["named"] and p["country"] == c}) for c in (IRAQ, SYRIA)}
    # (a country for a place, "Iraq", is often a word of the sentence that is not where the contact was, "the summit
    # Iraq is to host": it does not hold against a city of the other side)
    # (the two towns of one crossing, "al-Qaim" and "Albu Kamal", are one place: officials.json places `across`)
    facing = bool(a.place and b.place and (a.place.get("across") == b.place["name_en"]))
    if a.place and b.place and a.place["country"] != b.place["country"] and not facing and \
            not (a.place["name_en"] == a.place["country"]) != (b.place["name_en"] == b.place["country"]):
        # the same two people on the same day cannot meet in two countries: one report's place is wrong (the same
        # day by both reports' dates; an undated "on Friday" fits too many days to overrule a place)
        if not (da and db and abs((da - db).days) <= 1 and all(na & nb for na, nb in sides.values())):
            return False
    # on one day in one country the visitor may meet different hosts in different reports, and one article may name
    # different hosts in different sentences: the visitors must agree
    # (so may an undated report and a dated one of the same city: "Rashid received the Syrian minister in Baghdad"
    # in a live blog, "Hussein received al-Shaibani in Baghdad on Friday" in a wire report)
    same_city = bool(a.place and b.place and a.place["name_en"] == b.place["name_en"] and (a.date is None) != (b.date is None))
    host = a.place["country"] if (same_day or a.source == b.source or same_city) and a.place and b.place and \
        a.place["country"] == b.place["country"] and GROUP[a.kind] == "travel" else None
    if host is None and (same_day or a.source == b.source) and GROUP[a.kind] == "travel" and \
            bool(a.place) != bool(b.place):  # (one report of the day places it: "On Tuesday he held talks with
        host = (a.place or b.place)["country"]  # Iraqi Oil Minister …" in a report of the minister's Baghdad trip)
    if host is None and a.source == b.source and GROUP[a.kind] == "travel" and not a.place and not b.place and \
            (same_day or (a.date is None or b.date is None) and abs(a.order - b.order) <= NEAR):
        # one article's two reports that place neither, the same visitor met by other hosts ("Iraqi Oil Minister
        # … held talks with visiting Syrian Energy Minister al-Bashir. … al-Sudani received al-Bashir on Tuesday"):
        # the hosts' side is the one they do not share
        shared = [c for c in (IRAQ, SYRIA) if sides[c][0] & sides[c][1]]
        if len(shared) == 1:
            host = IRAQ if shared[0] == SYRIA else SYRIA
    for country in (IRAQ, SYRIA):
        if country == host:
            continue
        na, nb = sides[country]
        if na and nb and not na & nb:
            return False
    an, bn = a.named, b.named  # (each read once: a merge of a large library judges many pairs)
    if a.source == b.source:
        # (not two different cities that one article names, one of its reports naming no one and no one named in
        # both: "the al-Qaim crossing reopened" beside "al-Shaibani's visit to Baghdad three months ago": two contacts)
        return bool(an & bn) or not (a.place and b.place and not facing and
                                               a.place["name_en"] != b.place["name_en"] and
                                               a.place["name_en"] != a.place["country"] and
                                               b.place["name_en"] != b.place["country"] and
                                               not (an and bn))
    if an & bn:
        return True
    # reports naming the same body of a side and no one ("the Syrian interior ministry … in coordination with
    # Iraq's anti-narcotics directorate"), of one day or one of them undated: one contact (an undated one is placed
    # among several by its weekday, month or words, `merge_mentions`)
    if _bodies(a) & _bodies(b) and not an and not bn and (same_day or a.date is None or b.date is None):
        return True
    # … or of one place, a month and a day in it ("reopened in June", "June 14: the al-Qaim – al-Bukamal crossing
    # reopens")
    if _bodies(a) & _bodies(b) and not an and not bn and a.place and b.place and \
            (facing or a.place["name_en"] == b.place["name_en"]) and a.date and b.date and \
            len(a.date) != len(b.date) and (a.date.startswith(b.date) or b.date.startswith(a.date)):
        return True
    # … or two naming only bodies of both sides, one of a day and the other of that day's month, in one place or
    # one of them placing it nowhere ("an Iraqi unit working with Syrian counterparts raided a site in Damascus in
    # July", "Iraq's interior ministry … with Syria's narcotics directorate" of 30 July): one joint act, however
    # each outlet names the bodies
    if _joint_bodies(a) and _joint_bodies(b) and a.date and b.date and len(a.date) != len(b.date) and \
            (a.date.startswith(b.date) or b.date.startswith(a.date)) and \
            (not a.place or not b.place or facing or a.place["name_en"] == b.place["name_en"]):
        return True
    # a report naming no one (only "an Iraqi delegation", unnamed officials) and another of the same day and city:
    # one contact
    if not (a.place and b.place and a.place["name_en"] == b.place["name_en"] and (not an or not bn)):
        return False
    # … or, undated, the same city and the same unnamed party ("a Syrian delegation arrived in Baghdad" on an undated
    # page, and "وفد من وزارة الطوارئ السورية يصل بغداد" of 23 August)
    return same_day or ((a.date is None or b.date is None) and bool(_unnamed(a) & _unnamed(b)))


def _clue_fits(m: Mention, day: str | None) -> bool:
    """Whether an undated report's clue to its day (a day and month, a month) agrees with a contact's date."""
    if not day or len(day) < 7:
        return True
    if m.weekday is not None and not m.monthday and len(day) >= 10:  # ("on Monday": a contact of a Monday, or a
        # day beside one, as sources differ by a day)
        wd = date.fromisoformat(day[:10]).weekday()
        return min((wd - m.weekday) % 7, (m.weekday - wd) % 7) <= 1
    if m.monthday and len(day) >= 10:
        # (a day beside it is the same contact: sources differ by a day)
        got = iso(int(day[:4]), int(m.monthday[:2]), int(m.monthday[3:]))
        return bool(got) and abs((date.fromisoformat(got) - date.fromisoformat(day[:10])).days) <= 1
    return not (m.month and int(day[5:7]) != m.month)


def _unnamed(m: Mention) -> set[str]:
    return {p["id"] for p in m.participants if not p["named"] and p.get("rank") in ("delegation", BODY_RANK)}


def _bodies(m: Mention) -> set[str]:
    """The bodies of a side a report names ("Iraq's anti-narcotics directorate", one id however it is worded)."""
    return {p["id"] for p in m.participants if not p["named"] and p.get("rank") == BODY_RANK}


def _joint_bodies(m: Mention) -> bool:
    """A report naming no one but bodies of both sides (a joint operation told through institutions)."""
    return bool(m.participants) and all(not p["named"] and p.get("rank") == BODY_RANK for p in m.participants) and \
        {IRAQ, SYRIA} <= {p["country"] for p in m.participants}


def _settle_dates(group: list[Mention]) -> tuple[str | None, str | None, list[str], Mention | None]:
    """(date, last day, other days, the report the date comes from) of one contact's reports: one report giving
    two days is a contact over several days; reports that disagree keep the day most reports give (the earliest
    on a tie) and the others as alternatives."""
    days: dict[str, set[str]] = {}
    by_source: dict[str, set[str]] = {}
    for m in group:
        for d in (m.date, m.date_end):
            if d and len(d) >= 10:
                days.setdefault(d[:10], set()).add(m.source)
                by_source.setdefault(m.source, set()).add(d[:10])
    if not days:
        months = sorted({m.date for m in group if m.date})
        best = next((m for m in group if m.date), None)
        return (months[0] if months else None), None, months[1:], best
    spans = [sorted(v) for v in by_source.values() if len(v) > 1]
    if spans:
        span = max(spans, key=lambda v: (len(v), v))
        first, last = span[0], span[-1]
        alts = sorted(d for d in days if not first <= d <= last)
        best = next(m for m in group if m.date and m.date[:10] == first)
        return first, last, alts, best
    first = sorted(days, key=lambda d: (-len(days[d]), d))[0]
    best = next(m for m in group if m.date and m.date[:10] == first)
    return first, None, sorted(d for d in days if d != first), best


def _merge(group: list[Mention], arts: dict[str, ArticleDate]) -> ContactEvent:
    kind = min((m.kind for m in group), key=lambda k: PRIORITY[k])
    first_day, last_day, alts, best = _settle_dates(group)
    best = best or group[0]
    participants: list[dict] = []
    for m in group:
        for p in m.participants:
            if p["id"] not in {q["id"] for q in participants}:
                participants.append(p)
    # a person the data lacks, named in Arabic by one report and in English by another (one consonant key): the
    # English spelling for `name_en`, the Arabic one for `name`
    latin = {p["id"]: p["name_en"] for m in group for p in m.participants
             if p["named"] and p["name_en"] and not has_arabic(p["name_en"])}
    arabic = {p["id"]: p["name"] for m in group for p in m.participants
              if p["named"] and p["name"] and has_arabic(p["name"])}
    participants = [{**p, "name_en": latin.get(p["id"], p["name_en"]), "name": arabic.get(p["id"], p["name"])}
                    if p["named"] else p for p in participants]
    directed: list[dict] = []
    for m in group:
        for p in m.directed_by:
            if p["id"] not in {q["id"] for q in directed}:
                directed.append(p)
    participants = [p for p in participants if p["id"] not in {d["id"] for d in directed}]
    named_countries = {p["country"] for p in participants if p["named"]}
    participants = [p for p in participants if p["named"] or p["country"] not in named_countries]
    places = [m.place for m in group if m.place]
    cities = [p for p in places if p["name_en"] not in (IRAQ, SYRIA)] or places
    strong = [p for p in cities if p.get("towards")] or cities  # "to / in X" over an adjective
    names = [p["name_en"] for p in strong]
    place = max(strong, key=lambda p: names.count(p["name_en"])) if strong else None
    citations = sorted((c for m in group for c in m.citations), key=lambda c: (c["source"], c["start"]))
    sources = sorted({m.source for m in group})
    basis = best.date_basis
    if last_day:
        basis += f"; a contact over several days, to {last_day}"
    if alts:
        basis += f"; other reports give {', '.join(alts)}"
    if len(sources) > 1:
        basis += f" (reported by {len(sources)} articles: {', '.join(sources)})"
    first = min(m.id for m in group)
    status, status_basis = group[0].status, next((m.status_basis for m in group if m.status_basis), "")
    today = date.today().isoformat()
    if status == "happened" and first_day and first_day[:10] > today[:len(first_day[:10])]:
        # a report of a contact that "happened" after today: kept, never counted as happened
        status, status_basis = "future", f"dated {first_day}, after today ({today})"
    return ContactEvent(
        id="ev-" + hashlib.sha1(first.encode()).hexdigest()[:10], kind=kind, date=first_day, date_basis=basis,
        status=status, participants=participants, place=place, summary=best.summary, citations=citations,
        sources=sources, article_date=arts.get(best.source, ArticleDate()), mentions=len(group),
        date_source=best.source if first_day else "", date_end=last_day, date_alternatives=alts,
        directed_by=directed, status_basis=status_basis)


@functools.lru_cache(maxsize=None)
def _canonical_day(d: str | None) -> bool:
    """'YYYY-MM-DD' exactly (the form `date.isoformat` gives, so a day's neighbours can be looked up by name)."""
    return bool(d and len(d) == 10 and _day(d) and _day(d).isoformat() == d)


@functools.lru_cache(maxsize=None)
def _days_around(day: str, before: int, after: int) -> tuple[str, ...] | None:
    """The canonical days from `before` days before `day` to `after` days after it (None: `day` is no day)."""
    d = _day(day)
    return tuple((d + timedelta(days=n)).isoformat() for n in range(-before, after + 1)) if d else None


class _Index:
    """Contacts (group numbers) by key: (kind group, status, "src", source) / (…, "who", person) / (…, "who", person,
    month) / (…, "bodies", month) / (…, "at", city, day), each key's contacts in the order they joined it.

    Beside each key's list, the same contacts by their date (a contact's date, once set, never changes; an undated
    one is kept by the weekday its first report names, and moved to its date when it gets one). A report's
    candidates are then the contacts of its people and month whose date can fit its own (`_days_fit`), and a plan's
    those of the days it can reach, found without reading every contact of that person and month: a large library
    has many of them, and scanning them all made the merge quadratic."""

    SHORT = 8  # a key's list this short is read whole

    def __init__(self):
        self._lists: dict[tuple, list[int]] = {}
        self._members: dict[tuple, set[int]] = {}
        # key -> canonical day -> [(place in the key's list, group)]; key -> any other date, or (None, weekday) for
        # the undated -> the same
        self._days: dict[tuple, dict[str, list[tuple[int, int]]]] = {}
        self._other: dict[tuple, dict[str | tuple, list[tuple[int, int]]]] = {}
        self._undated: dict[int, list[tuple]] = {}  # group -> the keys that hold it as undated

    def _bucket(self, key: tuple, rep: Mention) -> list[tuple[int, int]]:
        if rep.date is None:
            return self._other.setdefault(key, {}).setdefault((None, rep.weekday), [])
        where = self._days if _canonical_day(rep.date) else self._other
        return where.setdefault(key, {}).setdefault(rep.date, [])

    def add(self, key: tuple, gi: int, rep: Mention) -> None:
        """`gi` (its summary `rep`) joins `key`'s contacts, unless it is one of them."""
        members = self._members.setdefault(key, set())
        if gi in members:
            return
        members.add(gi)
        got = self._lists.setdefault(key, [])
        self._bucket(key, rep).append((len(got), gi))
        if rep.date is None:
            self._undated.setdefault(gi, []).append(key)
        got.append(gi)

    def dated_now(self, gi: int, rep: Mention) -> None:
        """`gi`, undated so far, got its date (`rep.date`): it moves there in every key that holds it."""
        for key in self._undated.pop(gi, ()):
            old = self._other[key][(None, rep.weekday)]
            entry = next(e for e in old if e[1] == gi)
            old.remove(entry)
            self._bucket(key, rep).append(entry)

    def get(self, key: tuple) -> list[int]:
        return self._lists.get(key, [])

    def holds(self, key: tuple, gi: int) -> bool:
        return gi in self._members.get(key, ())

    def dated(self, key: tuple, days: tuple[str, ...] | None, fits: Callable[[str], bool],
              weekdays: tuple[int, ...] | None = None) -> list[int]:
        """The contacts of `key`, in their order, dated on one of `days` (canonical days; None: any canonical day for
        which `fits`) or on another date for which `fits`, and the undated ones whose first report names one of
        `weekdays` (None: all)."""
        by_day, other = self._days.get(key, {}), self._other.get(key, {})
        hits: list[tuple[int, int]] = []
        for d in (days if days is not None else [d for d in by_day if fits(d)]):
            hits += by_day.get(d, ())
        for d, got in other.items():
            if (weekdays is None or d[1] in weekdays) if isinstance(d, tuple) else fits(d):
                hits += got
        return [gi for _, gi in sorted(hits)]

    def fitting(self, key: tuple, day: str) -> list[int]:
        """The contacts of `key`, in their order, whose date may fit a report of `day` (all the others fail
        `_dates_fit`, so `_same`); a short list whole (`_same` rejects the others as fast)."""
        got = self.get(key)
        if len(got) <= self.SHORT:
            return got
        return self.dated(key, _days_around(day, WINDOW, WINDOW), lambda other: _days_fit(day, other))


def merge_mentions(mentions: list[Mention], arts: dict[str, ArticleDate]) -> list[ContactEvent]:
    """Mentions of the same contact, across articles, become one event citing them all.

    Dated reports first: one joins a contact of the same kind group, status and people whose day is within
    WINDOW days (sources that differ by a day are one contact). Then undated ones: a report joins its own
    article's contact, else the one contact of its people that fits its article's date; a report looking back
    from a dated article ("his visit to Damascus last month") joins the latest such contact before the article."""
    groups: list[list[Mention]] = []
    # (kind group, status, "src", source) / (…, "who", person) / (…, "who", person, month) -> groups: candidates are
    # found without scanning every group (a large library merges in seconds)
    index = _Index()
    reps: list[Mention] = []  # each group's summary (first report, people and date filled in): O(1) checks

    def keys(m: Mention, month: str | None) -> list[tuple]:
        base = (GROUP[m.kind], m.status)
        out = [(*base, "src", m.source)] + [(*base, "who", pid) for pid in m.named | _unnamed(m)]
        if month:
            out += [(*base, "who", pid, month) for pid in m.named | _bodies(m)]
            if _joint_bodies(m):  # (a joint act, by its month: `_same`)
                out.append((*base, "bodies", month))
        if m.date and len(m.date) >= 10 and m.place:
            out.append((*base, "at", m.place["name_en"], m.date[:10]))  # by its city and day (a gathering abroad,
            # a delegation no report names)
        return out

    group_sources: list[set[str]] = []
    source_groups: dict[str, list[int]] = {}  # the reverse: the contacts holding a report of each article
    # each contact's reports by article, in the order they joined it (a contact of a large library may have hundreds
    # of reports: `own_article` reads only those of one article)
    group_by_source: list[dict[str, list[Mention]]] = []

    def add(m: Mention, target: int | None) -> None:
        if target is None:
            group_sources.append({m.source})
            groups.append([m])
            group_by_source.append({m.source: [m]})
            reps.append(Mention.from_dict(m.to_dict()))
            target = len(groups) - 1
            source_groups.setdefault(m.source, []).append(target)
        else:
            groups[target].append(m)
            group_by_source[target].setdefault(m.source, []).append(m)
            if m.source not in group_sources[target]:
                source_groups.setdefault(m.source, []).append(target)
            group_sources[target].add(m.source)
            rep = reps[target]
            have = {p["id"] for p in rep.participants}
            rep.participants = rep.participants + [p for p in m.participants if p["id"] not in have]
            undated = rep.date is None
            rep.date = rep.date or m.date
            if undated and rep.date:
                index.dated_now(target, rep)
            if m.place and (not rep.place or (rep.place["name_en"] == rep.place["country"] and
                                              m.place["name_en"] != m.place["country"])):
                # (a city refines a country: a contact "in Iraq" that a later report places in Riyadh is not also
                # one in Istanbul, `_same` judges the next report against the city)
                rep.place = m.place
        for k in keys(m, (m.date or "")[:7] or None):
            index.add(k, target, reps[target])

    def candidates(m: Mention) -> list[int]:
        base = (GROUP[m.kind], m.status)
        out = list(index.get((*base, "src", m.source)))
        # (a dated report: of each key, only the contacts whose date may fit its own, `_Index.fitting`)
        if m.date and len(m.date) >= 10 and m.place:
            for n in (-1, 0, 1):
                out += index.fitting((*base, "at", m.place["name_en"], _plus_days(m.date[:10], n)), m.date)
        if m.date and _joint_bodies(m):
            for month in _months_around(m.date[:7]):
                out += index.fitting((*base, "bodies", month), m.date)
        for pid in m.named | (_bodies(m) if m.date else _unnamed(m)):  # (an undated report of a side's delegation:
            # that delegation's contacts)
            if m.date:  # its month and the next and previous ones (reports a few days apart)
                for month in _months_around(m.date[:7]):
                    out += index.fitting((*base, "who", pid, month), m.date)
            else:
                known = index.get((*base, "who", pid))
                if len(known) <= AMBIGUOUS:  # too many contacts of this person to place an undated report
                    out += known
        return list(dict.fromkeys(out))

    def outcome_candidates(plan: Mention) -> list[int]:
        """The contacts of the plan's people with an outcome's status that `_outcome_of` may pick, in number order:
        those holding a report of the plan's article, those of a day the plan can reach (its own day or month, else
        up to PLAN_HORIZON days after its article), and those undated whose report names the weekday of the plan's
        day. The others (a month-only date, another day or weekday) it passes over: they are not read (a person may
        have many contacts)."""
        who = [(GROUP[plan.kind], st, "who", pid) for st in OUTCOMES for pid in plan.named]
        if sum(len(index.get(k)) for k in who) <= _Index.SHORT:  # (a few: all of them)
            return sorted({gi for k in who for gi in index.get(k)})
        out = {gi for gi in source_groups.get(plan.source, []) if any(index.holds(k, gi) for k in who)}
        art = arts.get(plan.source, ArticleDate())
        days: tuple[str, ...] | None
        if plan.date and len(plan.date) == 10:
            days = _days_around(plan.date, WINDOW, WINDOW)
        elif plan.date:
            days = None  # (a month: its days, `fits`)
        elif not art.value:
            days = ()
        else:
            days = _days_around(art.value, 0, PLAN_HORIZON)  # (None, not a day: every contact, as before)

        def fits(d: str) -> bool:
            if not _canonical_day(d) or not plan.date:
                return True  # (a date of another form, or a day when `days` is None: read, as before)
            return len(plan.date) != 10 and d.startswith(plan.date)  # (a day of the plan's month)

        pd = _day(plan.date)
        for k in who:
            out.update(index.dated(k, days, fits, (pd.weekday(),) if pd else ()))
        return sorted(out)

    def own_article(m: Mention, among) -> list[int]:
        """Of the contacts `among` that hold a report of m's own article, those m fits judged against those reports
        (the article may name other people than a contact's first report)."""
        return [gi for gi in among if any(_same(m, x, arts) for x in group_by_source[gi].get(m.source, ()))]

    bags = _Bags()
    by_source: dict[str, list[Mention]] = {}
    for m in mentions:
        by_source.setdefault(m.source, []).append(m)
    # dated reports first; of the undated, those with a clue to their contact (a weekday, a month, a role held for a
    # time) before their article's others, which then follow them to the same contact
    deferred: list[Mention] = []  # undated reports that fit several contacts equally, for a second look
    deferred_done = False
    ordered = sorted(mentions, key=lambda m: (m.status == "planned", m.date is None, len(m.date or "") < 10,
                                              m.weekday is None and not m.month and not m.span and not m.monthday,
                                              -len(m.named), m.source, m.order))
    def passes():
        yield from ordered
        yield None  # the first pass is over
        yield from list(deferred)

    for m in passes():
        if m is None:
            deferred_done = True
            continue
        if m.status == "planned" and m.kind != "statement":
            # a planned contact and what became of it are one contact (plans come last, after their outcomes)
            among = outcome_candidates(m)
            oi = _outcome_of(m, reps, arts, group_sources, among)
            if oi is not None:
                joined = Mention.from_dict(m.to_dict())
                joined.status, joined.status_basis = reps[oi].status, ""
                if reps[oi].status == "happened" and not (not reps[oi].date and _due_there(m, reps[oi], arts) and
                                                          reps[oi].weekday == _day(m.date).weekday()):
                    joined.date = joined.date_end = None  # the day it happened, not the day it was due
                elif reps[oi].status == "happened":  # (an undated report of it on the weekday it was due: that day)
                    joined.date_basis = f"{m.date}, the day it was due, the weekday an undated report of it names"
                add(joined, oi)
                continue
        fitting = [gi for gi in candidates(m) if _same(m, reps[gi], arts)]
        target = None
        if m.date:
            if not fitting:  # its own article's contact, judged against that article's reports in it (a live blog's
                # "the president received the Syrian guest" joins the visit another outlet's report opened)
                fitting = own_article(m, index.get((GROUP[m.kind], m.status, "src", m.source)))
            target = min(fitting, key=lambda gi: _distance(m.date, reps[gi].date)) if fitting else None
        else:
            mine = set(index.get((GROUP[m.kind], m.status, "src", m.source)))
            # its own article's contact: judged against that article's reports in it (the article may name other
            # hosts than the group's first report)
            own = [gi for gi in fitting if gi in mine] or own_article(m, sorted(mine))
            # (not one of another day than its own clue gives: a year review's "28 آب: الشطري في دمشق مجدداً" is not
            # its "26 كانون الأول 2024" entry of the same man, nor another contact of that man)
            wrong = {gi for gi in own if not _clue_fits(m, reps[gi].date)}
            own = [gi for gi in own if gi not in wrong]
            fitting = [gi for gi in fitting if gi not in wrong]
            if m.span and len(fitting) > 1:  # named by a role held only for a time: a contact within it
                inside = [gi for gi in fitting if _within(reps[gi].date, m.span)]
                fitting = inside or fitting
            if m.monthday and len(fitting) > 1:  # "في 14 آذار" in an undated page: the contact of 14 March
                fitting = [gi for gi in fitting if (reps[gi].date or "")[5:10] == m.monthday] or fitting
            if m.month and len(fitting) > 1:  # "his December talks" in an undated page: a December contact
                fitting = [gi for gi in fitting if len(reps[gi].date or "") >= 7 and
                           int(reps[gi].date[5:7]) == m.month] or fitting  # (a month-only date too: "2024-12")
            if m.weekday is not None and len(fitting) > 1:  # "on Thursday" in an undated page: Thursdays only
                # (else a day beside a Thursday: the contact's first report may give the next day)
                for slack in (0, 1):
                    near = [gi for gi in fitting if not _day(reps[gi].date) or
                            min((_day(reps[gi].date).weekday() - m.weekday) % 7,
                                (m.weekday - _day(reps[gi].date).weekday()) % 7) <= slack]
                    if near:
                        fitting = near
                        break
            if own:
                target = own[0]
            elif len(fitting) == 1:
                target = fitting[0]
            elif fitting:
                art = arts.get(m.source, ArticleDate())
                ref = art.value or art.before
                prior = [gi for gi in fitting if reps[gi].date and (not ref or reps[gi].date[:10] <= ref)]
                if art.value and prior:  # looking back from a dated article: the latest such contact before it
                    target = max(prior, key=lambda gi: reps[gi].date)
                else:  # an undated page: the contact that shares more of its people than any other, else the
                    # one whose reports share most of its words, when clearly so
                    # (a contact's people: all its reports', not only its first's)
                    shared = sorted(((len(m.named & reps[gi].named), gi) for gi in fitting), reverse=True)
                    if len(shared) > 1 and shared[0][0] > shared[1][0]:
                        target = shared[0][1]
                    else:
                        target = _closest(m, fitting, groups, by_source, bags)
                        if target is None and not deferred_done:
                            # (undecided now: judged again once every other report has joined its contact)
                            deferred.append(m)
                            continue
        add(m, target)
    events = [_merge(g, arts) for g in groups]
    # An undated article that reports a contact dated by another article is no older than that contact.
    later: dict[str, tuple[str, str]] = {}
    for ev, g in zip(events, groups):
        if ev.date and len(ev.date) == 10:
            for m in g:
                art = arts.get(m.source, ArticleDate())
                if not art.value and not m.date and ev.date > art.after and ev.date > later.get(m.source, ("",))[0]:
                    later[m.source] = (ev.date, ev.date_source)
    for src, (d, by) in later.items():
        art = arts.get(src, ArticleDate())
        arts[src] = ArticleDate(after=d, before=art.before,
                                basis=f"undated; it reports a contact of {d} (dated by {by})")
    for ev in events:
        if ev.date is None:
            srcs = [s for s in ev.sources if s in arts]
            if srcs:
                ev.article_date = arts[max(srcs, key=lambda s: arts[s].estimate)]
    return sorted(events, key=lambda e: e.sort_key)


PLAN_HORIZON = 21  # days: an undated plan ("soon", "next week") is the contact that follows its report this soon
OUTCOMES = ("happened", "postponed", "cancelled")


def _due_there(plan: Mention, out: Mention, arts: dict[str, ArticleDate]) -> bool:
    """An undated page's contact told as done on the weekday a plan was due, in the plan's city ("met in the Saudi
    capital on Sunday" after "is to take part in the Riyadh meetings tomorrow, Sunday"), its page no older than that
    day allows: the plan's contact, held that day."""
    if not (plan.date and len(plan.date) == 10 and plan.place and out.place and
            plan.place["name_en"] == out.place["name_en"] and plan.place["name_en"] != plan.place["country"]):
        return False
    art = arts.get(out.source, ArticleDate())
    if not (art.after or art.before):
        return False  # (a page with no bound at all may be of any year's such weekday)
    return (not art.after or art.after <= plan.date) and (not art.before or plan.date <= art.before)


def _outcome_of(plan: Mention, reps: list[Mention], arts: dict[str, ArticleDate], out_sources: list[set[str]],
                among: list[int]) -> int | None:
    """The contact a planned report became (happened, postponed or cancelled): the first of the same travellers
    and country on the plan's own day (or month) when it gives one, else within PLAN_HORIZON days after its
    report. None when there is none: the plan stays a plan."""
    art = arts.get(plan.source, ArticleDate())
    travellers = {p["id"] for p in plan.participants if p["named"] and
                  (not plan.place or p["country"] != plan.place["country"])}
    if not travellers:
        return None
    best = None
    for oi in among:
        out = reps[oi]
        if out.status not in OUTCOMES or GROUP[out.kind] != GROUP[plan.kind] or out.kind == "statement" or \
                not travellers & out.named:
            continue
        pd = _day(plan.date)
        # an undated "postponed on Saturday" is the plan due on a Saturday, when the plan names that day
        by_weekday = not out.date and out.weekday is not None and pd is not None and pd.weekday() == out.weekday \
            and (out.status != "happened" or _due_there(plan, out, arts))
        if not (out.date and len(out.date) == 10 or plan.source in out_sources[oi] or by_weekday):
            continue
        if plan.place and out.place and plan.place["country"] != out.place["country"] and not (
                plan.source in out_sources[oi] and out.status != "happened"):
            continue  # (a plan and its postponement in one article: the plan's place may be a subject's)
        od = _day(out.date) or pd
        if plan.source in out_sources[oi]:  # its article tells what became of it ("… was postponed")
            # (a visit that happened, in the same article, is an earlier one; unless it is going on that day: "he
            # arrived today … and is to meet the prime minister before he leaves")
            fits = out.status != "happened" or bool(
                out.date and len(out.date) == 10 and art.value and abs((_day(out.date) - _day(art.value)).days) <= 1) \
                or (not art.value and not out.date)  # (an undated page: both its reports are of its own day)
        elif plan.date:  # the day (or month) it was due
            fits = abs((od - _day(plan.date)).days) <= WINDOW if len(plan.date) == 10 else out.date.startswith(plan.date)
        else:
            fits = bool(art.value) and 0 <= (od - _day(art.value)).days <= PLAN_HORIZON
        if fits and (best is None or (out.date or "9999") < (reps[best].date or "9999")):
            best = oi
    return best


_TOKEN = re.compile(r"\w{3,}")


class _Bags:
    """Words of each report and of each group of reports, each computed once (a large library places many
    undated reports)."""

    def __init__(self):
        self.one: dict[int, frozenset[str]] = {}
        self.group: dict[int, tuple[int, set[str]]] = {}

    def of(self, m: Mention) -> frozenset[str]:
        got = self.one.get(id(m))
        if got is None:
            got = self.one[id(m)] = frozenset(w for c in m.citations for w in _TOKEN.findall(normalize(c["text"])))
        return got

    def of_all(self, ms: list[Mention]) -> set[str]:
        return set().union(*(self.of(m) for m in ms)) if ms else set()

    def of_group(self, gi: int, group: list[Mention]) -> set[str]:
        size, bag = self.group.get(gi, (0, set()))
        if size < len(group):
            bag = bag | self.of_all(group[size:])
            self.group[gi] = (len(group), bag)
        return bag


def _closest(m: Mention, fitting: list[int], groups: list[list[Mention]], by_source: dict[str, list[Mention]],
             bags: _Bags) -> int | None:
    """The group whose reports share clearly more words with this report's article than any other (1.5×)."""
    mine = bags.of_all(by_source.get(m.source, [m]))
    cand = {gi: bags.of_group(gi, groups[gi]) for gi in fitting}
    df: dict[str, int] = {}
    for bag in cand.values():
        for w in bag & mine:
            df[w] = df.get(w, 0) + 1
    # words that only some of the candidate contacts' reports use tell them apart; words all of them use do not
    scored = sorted(((sum(1 / df[w] for w in cand[gi] & mine if df[w] < len(fitting)) / (1 + len(cand[gi])) ** 0.5, gi)
                     for gi in fitting), reverse=True)
    if scored and scored[0][0] > 0 and (len(scored) == 1 or scored[0][0] >= 1.5 * scored[1][0]):
        return scored[0][1]
    return None


def _within(day: str | None, span: list[str]) -> bool:
    """Whether a contact's date, a day or a month ("in December 2024"), falls within a role's [from, to) ('9999': open),
    with WINDOW days' slack."""
    if not day or len(day) < 7:
        return False
    d, lo, hi = day[:10], _plus_days(span[0], -WINDOW), span[1] if span[1] == "9999" else _plus_days(span[1], WINDOW)
    return lo[:len(d)] <= d and (hi == "9999" or d < hi[:len(d)] or len(d) < 10 and d == hi[:7])


def _plus_days(day: str, n: int) -> str:
    """`day` moved by n days ('' and '9999' are open ends and stay as they are)."""
    d = _day(day)
    return (d + timedelta(days=n)).isoformat() if d else day


def _months_around(month: str) -> list[str]:
    y, m = int(month[:4]), int(month[5:7])
    prev = f"{y - 1}-12" if m == 1 else f"{y}-{m - 1:02d}"
    nxt = f"{y + 1}-01" if m == 12 else f"{y}-{m + 1:02d}"
    return [prev, month, nxt]


def _distance(a: str | None, b: str | None) -> int:
    da, db = _day(a), _day(b)
    return abs((da - db).days) if da and db else 0


# ---- the timeline --------------------------------------------------------------------------------

def _in_range(ev: ContactEvent, since: str | None, until: str | None) -> bool:
    if not since and not until:
        return True
    if ev.date:
        lo, hi = ev.date, ev.date + "-99"  # a month-only date spans its month
    else:
        a = ev.article_date
        if a.value:  # undated contact: it happened no later than its article
            lo, hi = "", a.value
        else:
            lo, hi = a.after, a.before
        if not lo or not hi:
            return False
    return (not since or lo >= since) and (not until or hi[:len(until)] <= until)


def _matches_who(ev: ContactEvent, who: str, officials) -> bool:
    ids = {p.id for p in officials.resolve(who)}
    n = normalize(who).lower()
    return any(p["id"] in ids or n in normalize(p["name"]).lower() or n in p["name_en"].lower() or
               n in normalize(p["role"]) or n in p["role_en"].lower() for p in ev.participants)


_CACHE: dict[int, tuple[tuple, list[ContactEvent], dict[str, ArticleDate]]] = {}
_CACHE_LOCK = threading.Lock()


def _merged(store) -> list[ContactEvent]:
    return _merged_state(store)[0]


def article_dates(library) -> dict[str, ArticleDate]:
    """Each article's date as the timeline places it (by source): stated, or inferred, with its basis."""
    return dict(_merged_state(library.store)[1])


def _merged_state(store) -> tuple[list[ContactEvent], dict[str, ArticleDate]]:
    """All events, merged once per state of the stored mentions (a large library merges in seconds), and the
    article dates the merge settled on."""
    key = (getattr(store, "_path", ""), store.generation(), *store.db.execute("SELECT COUNT(*), COALESCE(MAX(rowid), 0) FROM events").fetchone(),
           *store.db.execute("SELECT COUNT(*), COALESCE(MAX(rowid), 0) FROM event_docs").fetchone())
    with _CACHE_LOCK:
        hit = _CACHE.get(id(store))
        if hit and hit[0] == key:
            return hit[1], hit[2]
    rows, docs = store.read_events()
    arts = {s: ArticleDate.from_dict(a) for s, a in docs.items()}
    events = merge_mentions([Mention.from_dict(r) for r in rows], arts)
    with _CACHE_LOCK:
        _CACHE[id(store)] = (key, events, arts)
    return events, arts


def contact_timeline(library, *, since: str | None = None, until: str | None = None, who: str | None = None,
             kind: str | None = None) -> list[ContactEvent]:
    """The Iraq–Syria contacts in the library, in date order (undated ones by their article's date)."""
    events = _merged(library.store)
    officials = load_officials(library.settings.home_path) if who else None
    out = []
    for ev in events:
        if kind and ev.kind != kind:
            continue
        if who and not _matches_who(ev, who, officials):
            continue
        if not _in_range(ev, since, until):
            continue
        out.append(ev)
    return out
