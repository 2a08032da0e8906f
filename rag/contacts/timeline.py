"""The contacts in date order: per-article mentions merged into events (one event, every source cited),
filters, and answers to questions about sets, order, firsts and lasts, and periods of contacts."""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field

from ..domain.people import IRAQ, SYRIA, load_officials
from ..text.arabic import normalize
from ..text.dates import ArticleDate
from .events import GROUP, PRIORITY, Mention

KIND_EN = {"visit": "visit", "call": "phone call", "meeting": "meeting", "delegation": "delegation",
           "statement": "statement"}
AMBIGUOUS = 50  # an undated report is not merged across articles among more contacts of one person than this
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
            "article_date_basis": self.article_date.basis,
        }

    def line(self, lang: str) -> str:
        """One line built from the fields (English names for English readers), without markers."""
        who = self._who(lang)
        if lang == "en":
            place = f" to {self.place['name_en']}" if self.place and self.kind in ("visit", "delegation") else (
                f" in {self.place['name_en']}" if self.place else "")
            plan = " (planned)" if self.status == "planned" else ""
            return f"{KIND_EN[self.kind].capitalize()}{plan}{place}: {who}"
        place = f" إلى {self.place['name']}" if self.place and self.kind in ("visit", "delegation") else (
            f" في {self.place['name']}" if self.place else "")
        plan = " (مرتقبة)" if self.status == "planned" else ""
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
        if self.date:
            return self.date
        if lang == "en":
            return f"undated (article {self.article_date.label()})"
        return f"غير مؤرخ (المقال: {self.article_date.label('ar')})"


# ---- merging -------------------------------------------------------------------------------------

def _dates_fit(a: Mention, b: Mention, arts: dict[str, ArticleDate]) -> bool:
    if a.date and b.date:
        return a.date.startswith(b.date) or b.date.startswith(a.date)
    dated, other = (a, b) if a.date else (b, a)
    if not dated.date:
        return True
    art = arts.get(other.source, ArticleDate())
    d = dated.date[:10]
    if art.value and d > art.value:
        return False
    if art.before and d > art.before:
        return False
    return True


def _same(a: Mention, b: Mention, arts: dict[str, ArticleDate]) -> bool:
    """Whether two mentions report the same contact."""
    if GROUP[a.kind] != GROUP[b.kind] or a.status != b.status or not _dates_fit(a, b, arts):
        return False
    if a.kind == "statement":
        return a.source == b.source and a.named == b.named
    if a.place and b.place and a.place["country"] != b.place["country"]:
        return False
    for country in (IRAQ, SYRIA):
        na = {p["id"] for p in a.participants if p["named"] and p["country"] == country}
        nb = {p["id"] for p in b.participants if p["named"] and p["country"] == country}
        if na and nb and not na & nb:
            return False
    if a.source == b.source:
        return True
    return bool(a.named & b.named)


def _merge(group: list[Mention], arts: dict[str, ArticleDate]) -> ContactEvent:
    kind = min((m.kind for m in group), key=lambda k: PRIORITY[k])
    dated = [m for m in group if m.date]
    best = max(dated, key=lambda m: (len(m.date or ""), not m.date_basis.startswith("'"))) if dated else group[0]
    participants: list[dict] = []
    for m in group:
        for p in m.participants:
            if p["id"] not in {q["id"] for q in participants}:
                participants.append(p)
    named_countries = {p["country"] for p in participants if p["named"]}
    participants = [p for p in participants if p["named"] or p["country"] not in named_countries]
    places = [m.place for m in group if m.place]
    place = next((p for p in places if p["name_en"] not in (IRAQ, SYRIA)), places[0] if places else None)
    citations = sorted((c for m in group for c in m.citations), key=lambda c: (c["source"], c["start"]))
    sources = sorted({m.source for m in group})
    basis = best.date_basis
    if len(sources) > 1:
        basis += f" (reported by {len(sources)} articles: {', '.join(sources)})"
    first = min(m.id for m in group)
    return ContactEvent(
        id="ev-" + hashlib.sha1(first.encode()).hexdigest()[:10], kind=kind, date=best.date, date_basis=basis,
        status=group[0].status, participants=participants, place=place, summary=best.summary, citations=citations,
        sources=sources, article_date=arts.get(best.source, ArticleDate()), mentions=len(group),
        date_source=best.source if best.date else "")


def merge_mentions(mentions: list[Mention], arts: dict[str, ArticleDate]) -> list[ContactEvent]:
    """Mentions of the same contact, across articles, become one event citing them all."""
    groups: list[list[Mention]] = []
    index: dict[tuple, list[int]] = {}  # (kind group, status, person or source, date) -> groups: no n² scan

    def keys(m: Mention, date: str | None) -> list[tuple]:
        base = (GROUP[m.kind], m.status)
        out = [(*base, "src", m.source, date)]
        out += [(*base, "who", pid, date) for pid in m.named]
        return out

    reps: list[Mention] = []  # each group's summary (first report, people and date filled in): O(1) checks

    def fits(m: Mention, gi: int) -> bool:
        return _same(m, reps[gi], arts)

    # dated, named reports first, so that undated ones join the contact they can only be
    for m in sorted(mentions, key=lambda m: (m.date is None, -len(m.named), m.source, m.order)):
        target = None
        if m.date:
            cands = [gi for d in {m.date, m.date[:7]} for k in keys(m, d) for gi in index.get(k, [])]
            target = next((gi for gi in dict.fromkeys(cands) if fits(m, gi)), None)
        else:
            same_source = [gi for gi in index.get((GROUP[m.kind], m.status, "src", m.source, "*"), [])]
            target = next((gi for gi in same_source if fits(m, gi)), None)
            if target is None:  # another article's report: only when exactly one contact fits
                found = []
                for pid in m.named:
                    known = index.get((GROUP[m.kind], m.status, "who", pid, "*"), [])
                    if len(known) > AMBIGUOUS:  # too many contacts of this person to place an undated report
                        continue
                    for gi in known:
                        if gi not in found and fits(m, gi):
                            found.append(gi)
                        if len(found) > 1:
                            break
                    if len(found) > 1:
                        break
                target = found[0] if len(found) == 1 else None
        if target is None:
            groups.append([m])
            reps.append(Mention.from_dict(m.to_dict()))
            target = len(groups) - 1
        else:
            groups[target].append(m)
            rep = reps[target]
            have = {p["id"] for p in rep.participants}
            rep.participants = rep.participants + [p for p in m.participants if p["id"] not in have]
            rep.date = rep.date or m.date
            rep.place = rep.place or m.place
        for d in {m.date, (m.date or "")[:7], "*"} - {None, ""}:
            for k in keys(m, d):
                if target not in index.setdefault(k, []):
                    index[k].append(target)
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
