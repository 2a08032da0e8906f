"""Officials as data: one person per spelling, with role, country and English form; titles that stand for
an unnamed official; places and the countries they belong to. The list ships in rag/domain/data/officials.json
and is extended by RAG_HOME/officials.json (same shape; an entry with the same id replaces the shipped one).
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from ..text.arabic import normalize
from ..errors import ConfigError

DATA = Path(__file__).resolve().parent / "data" / "officials.json"
IRAQ, SYRIA = "Iraq", "Syria"
# A proclitic (و ف ب ل ك and pairs) may stick to a name; "ل" + "ال…" is written "لل…".
_PRE = r"(?:(?<=[\s\"'“”«»(\-–—:،,.؛])|^)(?:وب|ول|وك|فب|فل|و|ف|ب|ل|ك)?"


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    en: str
    country: str
    variants: tuple[str, ...]
    short: tuple[str, ...]
    roles: tuple[dict, ...]

    def role_at(self, when: str | None) -> dict:
        """The role held on a date ('YYYY-MM-DD', 'YYYY-MM' or None: the latest role)."""
        if not self.roles:
            return {"ar": "", "en": "", "rank": "official"}
        if when:
            for r in self.roles:
                if (not r.get("from") or r["from"][:len(when)] <= when) and (not r.get("to") or when < r["to"]):
                    return r
        return self.roles[-1]


@dataclass(frozen=True)
class Title:
    id: str
    forms: tuple[str, ...]
    en: str
    role_ar: str
    country: str
    rank: str


@dataclass(frozen=True)
class Place:
    forms: tuple[str, ...]
    ar: str
    en: str
    country: str


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    kind: str  # person | title | place | country
    item: object
    short: bool = False


@dataclass
class Officials:
    people: list[Person]
    titles: list[Title]
    places: list[Place]
    countries: dict[str, list[str]]
    digest: str = ""
    _regex: dict = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.by_id = {p.id: p for p in self.people}
        table: dict[str, tuple[str, object, bool]] = {}
        for p in self.people:
            for v in (p.name, *p.variants):
                table.setdefault(normalize(v), ("person", p, False))
            for v in p.short:
                table.setdefault(normalize(v), ("person", p, True))
        for t in self.titles:
            for v in t.forms:
                table.setdefault(normalize(v), ("title", t, False))
        for pl in self.places:
            for v in pl.forms:
                table.setdefault(normalize(v), ("place", pl, False))
        for country, forms in self.countries.items():
            for v in forms:
                table.setdefault(normalize(v), ("country", country, False))
        self._table = table
        alts = []
        for form in sorted(table, key=len, reverse=True):
            esc = re.escape(form).replace(r"\ ", r"\s+")
            alts.append(esc)
            if form.startswith("ال") and len(form) > 3:
                alts.append("ل" + re.escape(form[1:]).replace(r"\ ", r"\s+"))  # لل…
        self._re = re.compile(_PRE + "(" + "|".join(alts) + r")(?!\w)")

    def scan(self, norm: str) -> list[Match]:
        """People, titles, places and country words in normalised text, longest first, not overlapping."""
        out = []
        for m in self._re.finditer(norm):
            form = re.sub(r"\s+", " ", m.group(1))
            hit = self._table.get(form) or self._table.get("ا" + form[1:] if form.startswith("لل") else form)
            if hit is None:
                continue
            kind, item, short = hit
            out.append(Match(m.start(1), m.end(1), kind, item, short))
        return out

    def country_of(self, word: str) -> str | None:
        hit = self._table.get(normalize(word))
        if hit and hit[0] == "country":
            return hit[1]  # type: ignore[return-value]
        return None

    def resolve(self, name: str) -> list[Person]:
        """People a user's name means: any spelling, Arabic or English, whole or in part."""
        n = normalize(name).strip().lower()
        if not n:
            return []
        out = []
        for p in self.people:
            forms = [normalize(x) for x in (p.name, *p.variants, *p.short)] + [p.en.lower(), p.id]
            simple = [re.sub(r"\b(al|el)[- ]", "", f) for f in forms]
            if any(n == f or n in f for f in forms) or re.sub(r"\b(al|el)[- ]", "", n) in " ".join(simple):
                out.append(p)
        return out


def _parse(obj: dict) -> tuple[list[Person], list[Title], list[Place], dict[str, list[str]]]:
    people = [Person(p["id"], p["name"], p.get("en", p["name"]), p["country"], tuple(p.get("variants", [])),
                     tuple(p.get("short", [])), tuple(p.get("roles", []))) for p in obj.get("people", [])]
    titles = [Title(t["id"], tuple(t["ar"]), t.get("en", t["ar"][0]), t.get("role_ar", t["ar"][0]), t["country"],
                    t.get("rank", "official")) for t in obj.get("titles", [])]
    places = [Place(tuple(p["ar"]), p["ar"][0], p.get("en", p["ar"][0]), p["country"]) for p in obj.get("places", [])]
    return people, titles, places, dict(obj.get("countries", {}))


_CACHE: dict[tuple, Officials] = {}
_LOCK = threading.Lock()


def load_officials(home: Path | str | None = None) -> Officials:
    """The shipped list merged with RAG_HOME/officials.json when there is one (cached per file version)."""
    extra = Path(home).expanduser() / "officials.json" if home else None
    stamp = extra.stat().st_mtime_ns if extra and extra.is_file() else None
    key = (str(extra), stamp)
    with _LOCK:
        if key in _CACHE:
            return _CACHE[key]
        raw = DATA.read_text(encoding="utf-8")
        people, titles, places, countries = _parse(json.loads(raw))
        h = hashlib.sha256(raw.encode())
        if stamp is not None:
            text = extra.read_text(encoding="utf-8")
            try:
                p2, t2, pl2, c2 = _parse(json.loads(text))
            except (ValueError, KeyError, TypeError) as exc:
                raise ConfigError(f"{extra} is not a valid officials file ({exc.__class__.__name__}: {exc}); "
                                  f"fix it or remove it (its shape is rag/domain/data/officials.json)") from None
            ids = {p.id for p in p2}
            people = [p for p in people if p.id not in ids] + p2
            tids = {t.id for t in t2}
            titles = [t for t in titles if t.id not in tids] + t2
            places = places + pl2
            for k, v in c2.items():
                countries[k] = list(dict.fromkeys(countries.get(k, []) + v))
            h.update(text.encode())
        out = Officials(people, titles, places, countries, digest=h.hexdigest()[:8])
        _CACHE[key] = out
        return out
