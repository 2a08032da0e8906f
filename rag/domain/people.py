"""Officials as data: one person per spelling (Arabic and English), with roles over time and country; titles that
stand for an unnamed official; places and the countries they belong to, with their words in both languages. The
list ships in rag/domain/data/officials.json and is extended by RAG_HOME/officials.json (same shape; a person or
title with the same id replaces the shipped one). An official the list lacks is still found when a title with a
country names him ("وزير الداخلية العراقي عبد الأمير الشمري", "Iraq's interior minister Abdul Amir al-Shammari"):
`Officials.titled`; the role words are in the contact words (rag/domain/lexicon.py).
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ConfigError
from ..text.arabic import normalize
from ..text.script import has_arabic, name_key
from .bodies import RANK as BODY_RANK, Bodies, alternation
from .lexicon import Lexicon, load_lexicon

DATA = Path(__file__).resolve().parent / "data" / "officials.json"
IRAQ, SYRIA = "Iraq", "Syria"
# (a word carrying the dual pronoun, "امامهما", "بينهما", "لقائهما", is no word of a name)
_PRONOUN_DUAL = re.compile(r"\w\wهما$")
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


# Roles posted abroad, whose holders are named after where they serve ("السفير العراقي في دمشق فلان"); a
# minister "in Baghdad" is where he is, and the words after it are not his name.
_POSTED_AR = r"سفير|القائم|مبعوث|ممثل|ملحق|قنصل"
_TOKENS = re.compile(r"[^\s،,.؛:()\"«»“”]+|[،,.؛:()\"«»“”]")  # an Arabic sentence's words and its punctuation marks


def _shown(norm: str, text: str, a: int, b: int) -> str:
    """The words as written for a span found in the normalised text (the same span when normalising kept the
    length, as it does for undiacritised news text), else the normalised words."""
    return re.sub(r"\s+", " ", text[a:b] if text and len(text) == len(norm) else norm[a:b]).strip()


_SIDES_EN = r"(?:iraqi|iraq's|syrian|syria's)\s+and\s+(?:iraqi|iraq's|syrian|syria's)"
_SIDES_AR = (r"(?:العراقي\s+والسوري|السوري\s+والعراقي|العراقيه\s+والسوريه|السوريه\s+والعراقيه|العراق\s+وسوريا|العراق\s+وسوريه|سوريا\s+والعراق|سوريه\s+والعراق|"
             r"عراقيون\s+وسوريون|سوريون\s+وعراقيون|عراقيين\s+وسوريين|سوريين\s+وعراقيين|العراقيين\s+والسوريين|"
             r"السوريين\s+والعراقيين|العراقيون\s+والسوريون|السوريون\s+والعراقيون)")
_PORT_END = re.compile(r"\s*(?<!\w)(?:في|من|لدى|ب|in|of|at)$")  # a preposition before the sides ends no name
_PAIR_BODIES = {"authoritie", "authorities", "force", "forces", "interior ministrie", "السلطات", "سلطات", "القوات", "قوات",
                "الاجهزه الامنيه"}
_PAIR = re.compile(
    rf"\b(?:the\s+)?{_SIDES_EN}\s+(?P<port>(?:[a-z-]+\s+){{0,2}}?)(?P<role>ministers|prime ministers|presidents|"
    rf"envoys|ambassadors|delegations|officials|leaders|agencies|services|committees|teams|authorities|forces|interior ministries)\b|"
    rf"\b(?:the\s+)?(?P<port3>(?:[a-z-]+\s+){{0,2}}?)(?P<role3>ministers|prime ministers|presidents|envoys|"
    rf"ambassadors|delegations|officials|leaders|agencies|services|committees|teams|authorities|forces)\s+of\s+(?:iraq\s+and\s+syria|syria\s+and\s+iraq)\b|"
    rf"(?<!\w)(?P<role2>وزيرا|رئيسا|وفدا|مسؤولو|مسؤولي|مسؤولون|مسؤولين|المسؤولين|المسؤولون|ممثلون|ممثلين|جهازا|جهازي|وزارتا|وزارتي|السلطات|سلطات|القوات|قوات|الاجهزه\s+الامنيه)\s+(?P<port2>(?:\S+\s+){{0,2}}?){_SIDES_AR}")




@dataclass(frozen=True)
class Title:
    id: str
    forms: tuple[str, ...]
    en: str
    role_ar: str
    country: str
    rank: str


@dataclass(frozen=True)
class Gathering:
    """A multilateral gathering with its city and days (officials.json `gatherings`): a contact placed at it and
    given no day of its own took place there, on its day when it lasted one (`rag.contacts.events._at_gathering`)."""
    id: str
    forms: tuple[str, ...]  # normalised
    en: str
    place: str  # a city of `places`, by its English name
    date: str
    date_end: str = ""


def joint_sides(span: tuple[int, int], shown: str) -> list[Match]:
    """A body of both sides named at `span` ("اللجنة العراقية السورية المشتركة", "a joint technical committee"): each
    side's part of it, one participant of each."""
    return [Match(span[0], span[1], "title", Title(f"x-{c.lower()}-body-joint", (shown,),
                                                   f"{c}'s side of the joint committee", shown, c, BODY_RANK))
            for c in (IRAQ, SYRIA)]


def _title_id(role: str, country: str) -> str:
    """The id of an official named by a title the data does not list ("Iraqi oil minister")."""
    return f"x-{country.lower().replace(' ', '-')}-" + re.sub(r"\W+", "-", normalize(role)).strip("-")


@dataclass(frozen=True)
class Place:
    forms: tuple[str, ...]
    ar: str
    en: str
    country: str
    across: str = ""  # the town facing it across the border, one crossing ("al-Qaim" and "Albu Kamal")


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    kind: str  # person | title | place | country | possessor ("Assad's" in "Assad's ambassador")
    item: object
    short: bool = False


# a capitalised first name right before an English family name ("Ahmad " in "Ahmad Al Shara")
_FIRST_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]{2,})\s+$")
# an English family name with its article ("al-Shibani", "Al Shara", "el-Soudani"), in lower case
FAMILY_EN = re.compile(r"(?<![\w'’-])(?:al|el)[-\s]([a-z][a-z'’]{2,}(?:-[a-z]{3,})?)(?![\w'’])")


# a capitalised word standing alone, five letters at least ("Shibani"): a family name without its article
_BARE_EN = re.compile(r"(?<![\w'’-])([A-Z][a-z]{4,})(?![\w'’-])")
_NEXT_CAP = re.compile(r"\s+[A-Z]")


def spelling_key(name: str) -> str:
    """The consonants of an English spelling of an Arabic name, which its transliterations share: vowels, 'y', 'w',
    apostrophes and hyphens dropped, a doubled letter once ("Shaibani", "Shibani", "Shaybani" -> "shbn";
    "Sharaa", "Shar'a", "Shara" -> "shr"; "Sudani", "Soudani" -> "sdn")."""
    s = re.sub(r"[aeiouyw'’\-\s]", "", name.lower())
    return re.sub(r"(.)\1+", r"\1", s)


@dataclass
class Officials:
    people: list[Person]
    titles: list[Title]
    places: list[Place]
    countries: dict[str, list[str]]
    digest: str = ""
    lexicon: Lexicon | None = None
    bodies_data: dict = field(default_factory=dict, repr=False)  # officials.json `bodies` (`rag.domain.bodies`)
    gatherings: list[Gathering] = field(default_factory=list)
    _regex: dict = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.by_id = {p.id: p for p in self.people}
        self._holders: dict[str, list[tuple[Person, dict]]] = {}  # title id -> (person, role) of the data
        for p in self.people:
            for r in p.roles:
                if r.get("title"):
                    self._holders.setdefault(r["title"], []).append((p, r))
                # a title the data has as a person's role only ("وزير النفط العراقي", "Iraqi Oil Minister"): the text's
                # title of that wording (`_title_for`'s id) is held by him
                for said in {r.get("ar"), r.get("en")} - {None, ""}:
                    ident = _title_id(said, p.country)
                    if (p, r) not in self._holders.get(ident, []):
                        self._holders.setdefault(ident, []).append((p, r))
        table: dict[str, tuple[str, object, bool]] = {}
        self._family_only: set[str] = set()  # English family names that name one listed person alone ("al-Sudani")
        for p in self.people:
            for v in (p.name, *p.variants):
                table.setdefault(normalize(v), ("person", p, False))
            for v in p.short:
                n = normalize(v)
                # a family name with its article that one listed person alone bears ("السوداني", "al-Sudani")
                # names him without his first name; a bare name ("حسين", "Hussein") only after the full name
                own = (n.startswith("ال") or n.startswith("al-")) and len(n) >= 5 and \
                    sum(normalize(x) == n for q in self.people for x in q.short) == 1
                table.setdefault(n, ("person", p, not own))
                if own and not has_arabic(n):
                    self._family_only.add(n)
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
        # a short name several listed people share ("بارزاني": Masrour, Masoud, Nechirvan): each of them, for the
        # article that named one of them in full before (`sharing`)
        self._by_short: dict[str, list[Person]] = {}
        for p in self.people:
            for v in p.short:
                same = self._by_short.setdefault(normalize(v), [])
                if p not in same:
                    same.append(p)
        alts = []
        for form in sorted(table, key=len, reverse=True):
            esc = re.escape(form).replace(r"\ ", r"\s+")
            if not has_arabic(form):  # "Al Sudani", "el Sharaa": the article written apart, as some outlets do
                esc = re.sub(r"(?<![a-z])(al|el)\\-", r"\1[-\\s]", esc)
            alts.append(esc)
            if form.startswith("ال") and len(form) > 3:
                alts.append("ل" + re.escape(form[1:]).replace(r"\ ", r"\s+"))  # لل…
        self._re = re.compile(_PRE + "(" + "|".join(alts) + r")(?!\w)")
        self.by_key: dict[tuple[str, str], list[Person]] = {}  # (country, family name's key) -> listed people
        for p in self.people:
            for form in (p.name, p.en, *p.variants):
                same = self.by_key.setdefault((p.country, name_key(form)), [])
                if p not in same:
                    same.append(p)
        # each listed person's English family name by its consonants (`spelling_key`): another transliteration of
        # it is the same person when no other listed person's family name has those consonants, and they are four
        # at least (three match common words: "al-Salam" ~ al-Salama, "al-Soudani" is left to the tables)
        keys: dict[str, set[str]] = {}
        for p in self.people:
            for form in (p.en, *p.variants, *p.short):
                if form and not has_arabic(form) and (m := FAMILY_EN.search(form.lower())):
                    keys.setdefault(spelling_key(m.group(1)), set()).add(p.id)
        self.spelled = {k: self.by_id[next(iter(ids))] for k, ids in keys.items() if len(ids) == 1 and len(k) >= 4}
        # … and with his first name, by the consonants of both ("Ahmad Al Shara" ~ Ahmed al-Sharaa): three consonants
        # of a family name are enough when a first name of the same consonants stands before it
        full: dict[tuple[str, str], set[str]] = {}
        for p in self.people:
            for form in (p.en, *p.variants):
                if form and not has_arabic(form) and (m := FAMILY_EN.search(form.lower())) and \
                        (first := form.lower()[:m.start()].split()):
                    full.setdefault((spelling_key(first[0]), spelling_key(m.group(1))), set()).add(p.id)
        self.spelled_full = {k: self.by_id[next(iter(ids))] for k, ids in full.items()
                             if len(ids) == 1 and len(k[0]) >= 2 and len(k[1]) >= 3}
        self._titled_ar = self._titled_en = self._titled_en6 = self._of_body = None
        self._listed: list[tuple[re.Pattern, str]] = []  # (pattern, language) of officials of a list of countries
        self._plural: dict[str, str] = {}
        self._country_form: dict[str, str] = {}
        self._from_place: list[re.Pattern] = []
        self._stop: frozenset[str] | set[str] = frozenset()
        self._role_words: frozenset[str] = frozenset()
        if self.lexicon is not None:
            self._build_titled(self.lexicon)
        # (an English body placed in a city of its side: "the authorities in Damascus")
        cities = {f.lower(): pl.country for pl in self.places if pl.country in (IRAQ, SYRIA) and pl.en != pl.country
                  for f in pl.forms if re.fullmatch(r"[a-z][a-z' -]+", f.lower())}
        self._bodies = Bodies(self.bodies_data, self.countries, cities)

    @staticmethod
    def border_body(country: str) -> Title:
        """A side's border authorities (a crossing between the two reopened)."""
        ar = "سلطات الحدود العراقية" if country == IRAQ else "سلطات الحدود السورية"
        return Title(f"x-{country.lower()}-body-border", (ar,), f"{country}'s border authorities", ar, country, BODY_RANK)

    def _gatherings_rx(self) -> re.Pattern:
        rx = self._regex.get("gatherings")
        if rx is None:
            forms = sorted({f for g in self.gatherings for f in g.forms}, key=len, reverse=True)
            # (an Arabic letter may be joined to the name: "الدورة الرابعة لمنتدى أنطاليا الدبلوماسي")
            rx = self._regex["gatherings"] = re.compile(
                r"(?<!\w)(?:[وفبلك](?=[\u0600-\u06ff]))?(" + "|".join(map(re.escape, forms)) + r")(?!\w)") \
                if forms else re.compile(r"(?!)")
        return rx

    def gathering_spans(self, norm: str) -> list[tuple[int, int]]:
        """(start, end) of the gatherings' names in a normalised sentence ("منتدى أنطاليا الدبلوماسي")."""
        return [m.span(1) for m in self._gatherings_rx().finditer(norm)]

    def gatherings_in(self, norm: str) -> list[Gathering]:
        """The gatherings (`gatherings`) a normalised sentence names by one of their forms, whole words, in data order."""
        named = {m.group(1) for m in self._gatherings_rx().finditer(norm)}
        return [g for g in self.gatherings if named & set(g.forms)] if named else []

    def joint_body(self, norm: str) -> bool:
        """Whether a normalised sentence names a body of both sides ("اللجنة العراقية السورية المشتركة")."""
        return self._bodies.joint(norm, (IRAQ, SYRIA)) is not None

    def bodies(self, norm: str, text: str = "", home: str | None = None) -> list[Match]:
        """The bodies of a side a normalised sentence names ("وزارة الداخلية السورية", "Iraq's General Directorate of
        Narcotics Control"), each as the title of one unnamed participant: one per side and function group. `home`: the
        side of a body named without one ("وزارة الداخلية" in a page from Baghdad)."""
        out = []
        for b in self._bodies.find(norm, home):
            fn = b.function
            en = " ".join(w for w in (f"{b.country}'s", fn.name_en, b.head_en) if w)
            ident = f"x-{b.country.lower().replace(' ', '-')}-body-{fn.group}"
            shown = _shown(norm, text, b.start, b.end)
            # "رئيس الهيئة العامة للمنافذ والجمارك قتيبة بدوي": the head of the body named after it is of its side
            if has_arabic(norm[b.start:b.end]) and (got := self._head_of_body(norm, b.start, b.end, text)):
                (a, z), name, role = got
                out.append(Match(a, z, "person", self._person_for(name, b.country, role, "official", "ar")))
            # "Qutaiba Badawi of Syria's General Authority for Ports and Customs": a person of the body's side
            if self._of_body is not None and text and not has_arabic(text) and \
                    (m := self._of_body.search(text, 0, b.start)) is not None:
                _, name = self._lead_en(m.group("name"))
                if len(name.split()) >= 2 and self._table.get(normalize(name), ("",))[0] not in ("place", "country"):
                    a = m.start("name") + m.group("name").find(name)
                    out.append(Match(a, a + len(name), "person", self._person_for(
                        name, b.country, f"{fn.name_en} {b.head_en}".strip(), "official", "en")))
            out.append(Match(b.start, b.end, "title", Title(ident, (shown,), en, shown, b.country, BODY_RANK)))
        # a body of both sides ("اللجنة العراقية السورية المشتركة"): each side's part of it; one named without the
        # sides ("فرق فنية مشتركة", "joint technical teams") where the sentence names one of the two and no third
        # country (a joint committee with Turkey is not theirs)
        span = self._bodies.joint(norm, (IRAQ, SYRIA))
        if span is None and (short := self._bodies.joint_short(norm)) is not None and \
                self._sides_only(norm) & {IRAQ, SYRIA}:
            span = short
        if span is not None and not any(m.start < span[1] and span[0] < m.end for m in out):
            out += joint_sides(span, _shown(norm, text, *span))
        return out

    def joint_short(self, norm: str) -> tuple[int, int] | None:
        """(start, end) of a body of both sides named without them ("لجنة فنية مشتركة", "a joint technical committee":
        officials.json bodies `joint` `short`), or None."""
        return self._bodies.joint_short(norm)

    def _sides_only(self, norm: str) -> set[str]:
        """The countries a normalised sentence names when it names none but Iraq and Syria (else the empty set)."""
        found = self.scan(norm)
        named = {m.item for m in found if m.kind == "country"} | {m.item.country for m in found if m.kind == "place"}
        return named if named and named <= {IRAQ, SYRIA} else set()

    def _head_of_body(self, norm: str, start: int, end: int, text: str = ""):
        """(span, name, role) of 'رئيس|مدير … BODY NAME' (a role word of the data right before an Arabic body, two to
        four words of a name right after it), or None."""
        before = norm[:start].rstrip().split()
        rank = getattr(self, "_rank", {})
        if not before or rank.get(re.sub(r"^[وفبل](?=\w\w)", "", before[-1])) is None and \
                rank.get(before[-1]) is None:
            return None
        toks = list(_TOKENS.finditer(norm[end:]))
        name = []
        for t in toks[:4]:
            if self._ends_name(t.group(0)):
                break
            name.append(t)
        if len(name) < 2:
            return None
        a, z = end + name[0].start(), end + name[-1].end()
        role_at = len(norm[:start].rstrip()) - len(before[-1])
        return (a, z), _shown(norm, text, a, z), _shown(norm, text, role_at, end)

    # ---- officials the list lacks, named after a title with a country ---------------------------

    def _build_listed(self, lex: Lexicon) -> None:
        """Patterns of officials of a list of countries (lexicon `plurals`): a plural role, its portfolio, then at
        least three countries ('the foreign and defence ministers of Iraq, Jordan, Lebanon, Syria and Turkey',
        'وزراء الخارجية والدفاع … في الأردن والعراق وتركيا ولبنان وسوريا', 'وزراء خارجية العراق وسوريا والأردن'); of a
        list of the two sides' provinces; and of a delegation from a province or city of one side (`delegations_from`)."""
        self._plural = dict(lex.plurals)
        self._country_form = {normalize(w).lower(): c for c, fs in self.countries.items() for w in fs}
        place_forms = {normalize(f).lower() for pl in self.places if pl.country in (IRAQ, SYRIA) and pl.en != pl.country
                       for f in pl.forms}
        delegation = [*lex.delegation_words.words, *lex.delegation_words.phrases] if lex.delegation_words else []
        for lang, arabic in (("ar", True), ("en", False)):
            pc = alternation(f for f in place_forms if has_arabic(f) == arabic)
            cs = alternation(f for f in self._country_form if has_arabic(f) == arabic)
            d = alternation(w for w in delegation if has_arabic(w) == arabic)
            if pc and d:
                # (the words between name no country and no other place: "a delegation of the Syrian federation in
                # Baghdad" is Syria's, come to Baghdad)
                cn = cs or "(?!)"
                if arabic:
                    self._from_place.append(re.compile(
                        rf"(?<!\w)[وف]?(?:{d})\s+(?:من|عن)\s+(?:(?!(?:في|الى|إلى|مع|على|لدى|{cn})(?!\w))[^\s،,.؛:]+\s+)"
                        rf"{{0,3}}?(?P<p>{pc})(?!\w)"))
                else:
                    self._from_place.append(re.compile(
                        rf"(?<![\w-])(?:{d})\s+(?:of|from)\s+(?:the\s+)?(?:(?!(?:in|to|at|for|on|with|into|{cn})(?![\w-]))"
                        rf"[a-z-]+\s+){{0,3}}?(?P<p>{pc})(?![\w-])|"
                        rf"(?<![\w-])(?:a|an|the)\s+(?P<p2>{pc})(?:\s+(?!(?:in|to|at|for|on|with|into|{cn})(?![\w-]))"
                        rf"[a-z-]+){{0,4}}?\s+(?:{d})(?![\w-])", re.I))
            role = alternation(w for w in self._plural if has_arabic(w) == arabic)
            if not role or not cs:
                continue
            c = f"(?:{cs})"
            if arabic:
                word = rf"(?!{c}(?!\w))(?:ال)?[^\s،,.؛:]+"
                rx = (rf"(?<!\w)(?P<role>{role})\s+(?P<port>{word}(?:\s+و{word})?)(?:\s+[^\s.؛:]+){{0,8}}?\s+"
                      rf"(?:(?:في|من|لدى|لدول)\s+)?(?P<list>{c}(?:\s*[،,]?\s*و?{c}(?!\w)){{2,8}})(?!\w)")
            else:
                rx = (rf"(?<![\w-])(?P<port>(?:(?!the\b|of\b)[a-z-]+\s+(?:and\s+)?){{1,3}}?)(?P<role>{role})"
                      rf"(?:,?\s+(?:and\s+)?[a-z-]+){{0,6}}?\s+(?:of|from)\s+(?:the\s+)?"
                      rf"(?P<list>{c}(?:\s*,\s*(?:and\s+)?{c}|\s+and\s+{c}){{2,8}})(?![\w-])")
            self._listed.append((re.compile(rx, re.I), lang))
            # … and of a list of provinces or cities holding both sides ("محافظي الأنبار ودير الزور", "the governors of
            # Anbar and Deir ez-Zor"): two places are enough
            if not pc:
                continue
            p = f"(?:{pc})"
            if arabic:
                rx = rf"(?<!\w)(?P<role>{role})\s+(?:(?:في|من)\s+)?(?P<list>{p}(?:\s*[،,]?\s*و?{p}(?!\w)){{1,6}})(?!\w)"
            else:
                rx = (rf"(?<![\w-])(?P<role>{role})\s+(?:of|from|in)\s+(?:the\s+)?"
                      rf"(?P<list>{p}(?:\s*,\s*(?:and\s+)?{p}|\s+and\s+{p}){{1,6}})(?![\w-])")
            self._listed.append((re.compile(rx, re.I), lang + "-places"))

    def listed(self, norm: str, text: str = "") -> list[Match]:
        """Officials of a list of countries holding both sides (`_build_listed`): each side's official of the role,
        one per portfolio ('foreign and defence': its foreign minister and its defence minister)."""
        out = []
        for rx, lang in self._listed:
            if lang.endswith("-places"):
                out += self._listed_places(rx, lang[:2], norm)
                continue
            for m in rx.finditer(norm):
                items = re.split(r"\s*[،,]\s*|\s+and\s+|\s+(?=و)", m.group("list"))
                sides = []
                for it in items:
                    it = it.strip()
                    c = self._country_form.get(it) or (self._country_form.get(it[1:]) if it.startswith("و") else None)
                    if c in (IRAQ, SYRIA) and c not in sides:
                        sides.append(c)
                if len(sides) < 2:
                    continue
                one = self._plural[normalize(m.group("role")).lower()]
                rank = self._rank.get(one, "official")
                port = re.sub(r"\s+", " ", m.group("port")).strip()
                ports = [p for p in re.split(r"\s+and\s+|\s+و(?=\S)", port) if p] if lang == "en" else \
                    [p if p.startswith("ال") else "ال" + p for p in re.split(r"\s+و", port) if p]
                for country in sides:
                    for p in ports:
                        if lang == "en":
                            what = f"{'Iraqi' if country == IRAQ else 'Syrian'} {p} {one}"
                        else:
                            what = f"{one} {p} {'العراقي' if country == IRAQ else 'السوري'}"
                        out.append(Match(m.start(), m.end(), "title", self._title_for(what, country, rank)))
        return out

    def jurisdiction(self, norm: str, start: int, end: int) -> bool:
        """Whether the place at norm[start:end] names where an official next to it serves, not where a contact is:
        right after a role ("محافظ الأنبار", "محافظي الأنبار ودير الزور", "governor of Anbar") or, in English, right
        before one ("Anbar Governor", "Deir ez-Zor's governor")."""
        roles = set(self._rank) | set(self._plural)
        before = norm[:start].rstrip().split()[-3:]
        for n in (3, 2, 1):
            w = " ".join(before[-n:]) if len(before) >= n else ""
            if w and (w in roles or re.sub(r"^[وفبل](?=\w\w)", "", w) in roles or
                      (w.endswith(" of") and w[:-3].strip() in roles)):
                return True
        after = re.sub(r"^(?:'s|’s)", "", norm[end:]).split()[:3]
        return any(" ".join(after[:n]).lower() in roles for n in (1, 2, 3) if len(after) >= n and
                   not has_arabic(" ".join(after[:n])))

    def delegations_from(self, norm: str) -> list[Match]:
        """A delegation from a province or city of one side, words between ("وفد من شيوخ عشائر الأنبار", "وفد من غرفة
        تجارة بغداد", "a delegation of Anbar tribal sheikhs", "a Baghdad Chamber of Commerce delegation"): that side's
        delegation (lexicon `delegation_words`)."""
        out = []
        for rx in self._from_place:
            for m in rx.finditer(norm):
                got = self._table.get(re.sub(r"\s+", " ", m.group("p") or m.groupdict().get("p2") or ""))
                if not got or got[0] != "place" or got[1].country not in (IRAQ, SYRIA) or got[1].en == got[1].country:
                    continue
                country = got[1].country
                data = next((t for t in self.titles if t.rank == "delegation" and t.country == country), None)
                out.append(Match(m.start(), m.end(), "title",
                                 data or self._title_for(m.group(0).strip(), country, "delegation")))
        return out

    def _listed_places(self, rx: re.Pattern, lang: str, norm: str) -> list[Match]:
        """Each side's official of a plural role before a list of places ("محافظي الأنبار ودير الزور"): one title
        per place ("محافظ الانبار", "governor of Deir ez-Zor") when the places hold both sides."""
        out = []
        for m in rx.finditer(norm):
            items = [x.strip() for x in re.split(r"\s*[،,]\s*|\s+and\s+|\s+(?=و)", m.group("list")) if x.strip()]
            got = []
            for it in items:
                pl = self._table.get(it) or (self._table.get(it[1:]) if it.startswith("و") else None)
                if pl and pl[0] == "place" and pl[1].country in (IRAQ, SYRIA):
                    got.append(pl[1])
            if {p.country for p in got} != {IRAQ, SYRIA}:
                continue
            one = self._plural[normalize(m.group("role")).lower()]
            rank = self._rank.get(one, "official")
            role_en = self.lexicon.role_en_of(one) if self.lexicon is not None and lang == "ar" else None
            for pl in got:
                what = f"{one} {normalize(pl.ar)}" if lang == "ar" else f"the {one} of {pl.en}"
                out.append(Match(m.start(), m.end(), "title", self._title_for(
                    what, pl.country, rank, f"the {role_en} of {pl.en}" if role_en else None)))
        return out

    def _build_titled(self, lex: Lexicon) -> None:
        self._build_listed(lex)
        ar_roles = [r for r, _ in lex.roles if has_arabic(r)]
        en_roles = [r for r, _ in lex.roles if not has_arabic(r)]
        self._rank = dict(lex.roles)
        cue_lists = [*lex.kinds.values(), *lex.back.values(), *(w for _, w in lex.status), lex.planned_weak, lex.past,
                     lex.gather]
        self._role_words = frozenset(w for r, _ in lex.roles for w in r.split())  # every word of a role phrase
        self._stop = lex.name_stop | {w for k in cue_lists for w in k.words} | \
            self._role_words | {"ال" + w for w in self._role_words} | {"و" + w for w in self._role_words}
        if ar_roles:
            self._titled_ar = re.compile(r"(?:(?<=[\s\"'“”«»(:،,.؛])|^)(?:و|ل|ب|ك)?(" +
                                         "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in ar_roles) + r")(?!\w)")
        cw = sorted({w for c, forms in self.countries.items() for w in forms if not has_arabic(w)},
                    key=len, reverse=True)
        if en_roles and cw:
            country = "(?i:" + "|".join(re.escape(w) for w in cw) + ")"
            role = "(?i:" + "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in en_roles) + ")"
            part = r"(?:(?:al|el|Al|El|bin|Abu|Abdul|Abdel|Abd|Bin)[-\s])?[A-Z][\w'’]*(?:-[A-Z]?[\w'’]+)?"
            # (ranks before it are read past: "head of Iraq's Border Ports Authority, Lt. Gen. Omar al-Waeli")
            ranks = rf"(?:(?:{'|'.join(re.escape(r) for r in lex.ranks_en)})\.?\s+){{0,3}}" if lex.ranks_en else ""
            name = rf"{ranks}(?P<name>{part}(?:\s+{part}){{0,5}})"  # (role words before it are taken off: `_lead_en`)
            # "Iraq's envoy in Damascus, Yassin al-Hujaimi": where an envoy serves may stand between role and name
            posted = r"(?:\s+(?:in|to)\s+[A-Z][\w'’-]+)?,?"
            # "Syria's Minister of Transport Yarub Badr": the portfolio may follow the role
            # (its words as data, lexicon `portfolio`: "of Water Resources Aoun Diab", "of Transport Yarub Badr")
            pw = "(?i:" + "|".join(sorted((re.escape(w) for w in lex.portfolio.words), key=len, reverse=True)) + ")" \
                if lex.portfolio.words else "(?!)"
            of = rf"(?P<of>\s+of\s+(?:the\s+)?{pw}(?:\s+(?:and\s+)?{pw}){{0,3}}(?![\w-]))?,?"
            self._of_body = re.compile(rf"(?<![\w-]){name}\s+(?:of|from|at)\s+(?:the\s+)?$")
            # (no contact word among the portfolio's: "Iraq's culture minister delivered President Rashid's …" names
            # the minister, not a president)
            cue = "|".join(sorted((re.escape(w) for k in cue_lists for w in k.words
                                   if re.fullmatch(r"[a-z]{3,}", w) and w not in self._role_words), key=len, reverse=True))
            no_cue = rf"(?!(?i:{cue})\s)" if cue else ""
            self._titled_en = re.compile(
                rf"(?<![\w])(?P<c>{country})(?:'s|’s)?\s+(?P<port>(?:{no_cue}[A-Za-z-]+\s+){{0,3}}?)(?P<role>{role}){of}{posted}\s+{name}")
            self._unnamed_en = re.compile(
                rf"(?<![\w])(?P<c>{country})(?:'s|’s)?\s+(?P<port>(?:[A-Za-z-]+\s+){{0,2}}?)(?P<role>{role})(?![\w])")
            # "a delegation of Iraqi lawmakers", "a high-level delegation from Syria": that side's delegation
            self._delegation_of_en = re.compile(
                rf"(?<![\w])(?i:a|an|the)\s+(?:[A-Za-z-]+\s+){{0,2}}?(?P<role>delegation)\s+(?:of|from)\s+(?:the\s+)?"
                rf"(?P<c>{country})(?:'s|’s)?(?![\w])")
            self._titled_en3 = re.compile(
                rf"(?<![\w])(?P<role>{role})\s+of\s+(?P<c>{country})(?:'s|’s)?\s+(?P<port>(?:[A-Z][\w-]*\s+(?:and\s+|for\s+|of\s+)?){{1,6}}?)"
                rf"(?:[A-Z][\w-]*),\s+{name}")
            # "Anbar governor Mohammed Nouri al-Karbouli", "Deir ez-Zor's governor …": a province of one side names
            # its official's country (as "محافظ الأنبار …" does)
            home_places = sorted({f for pl in self.places if pl.country in (IRAQ, SYRIA) and pl.en != pl.country
                                  for f in pl.forms if not has_arabic(f)}, key=len, reverse=True)
            self._titled_en5 = re.compile(
                rf"(?<![\w])(?P<c>(?i:{'|'.join(re.escape(f) for f in home_places)}))(?:'s|’s)?\s+(?P<port>)"
                rf"(?P<role>{role})\s+{name}") \
                if home_places else re.compile(r"(?!)")
            # "the governor of Anbar", "Deir ez-Zor's governor" with no name after it: that province's official
            self._unnamed_en5 = re.compile(
                rf"(?<![\w])(?:(?i:the)\s+)?(?:(?P<role>{role})\s+of\s+(?:the\s+)?(?P<c>(?i:{'|'.join(re.escape(f) for f in home_places)}))"
                rf"|(?P<c2>(?i:{'|'.join(re.escape(f) for f in home_places)}))(?:'s|’s)\s+(?P<role2>{role}))(?![\w])") \
                if home_places else re.compile(r"(?!)")
            self._titled_en2 = re.compile(
                rf"{name},\s+(?:the\s+|a\s+)?(?P<c>{country})(?:'s|’s)?\s+(?P<port>(?:[A-Za-z-]+\s+){{0,3}}?)(?P<role>{role})(?![\w])")
            # "Nechirvan Barzani, president of Iraq's Kurdistan Region": the title after the name, its country after "of"
            self._titled_en4 = re.compile(
                rf"{name},\s+(?:the\s+|a\s+)?(?P<port>(?:[A-Za-z-]+\s+){{0,2}}?)(?P<role>{role})\s+(?:of|for)\s+(?:the\s+)?(?P<c>{country})(?![\w])")
            # "Qutaiba Badawi, who heads Syria's General Authority …", "Sami Radhi, an adviser to Iraq's prime minister":
            # the name's country is the one of what he heads, or of whom he serves (lexicon `principal_of`, `heads_of`)
            serves = sorted({*(lex.principal_of.words if lex.principal_of else ()),
                             *(lex.principal_of.phrases if lex.principal_of else ()), *lex.heads_of}, key=len, reverse=True)
            serves = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in serves if not has_arabic(w))
            self._titled_en7 = re.compile(
                rf"{name},\s+(?:(?:a|an|the)\s+)?(?:(?:senior|special|top|chief|security|political|media)\s+)?"
                rf"(?P<role>(?i:{serves}))\s+(?:the\s+)?"
                rf"(?P<c>{country})(?:'s|’s)?(?![\w])(?P<port>)") if serves else re.compile(r"(?!)")
            # "Assad's ambassador, Sattam al-Dandah", "al-Sudani's special envoy Izzat al-Shabandar": a listed person's
            # official is an official of his country; the person whose official he is stands behind, not beside him
            # (`possessor`)
            pf = sorted({v for v, (k, _, _) in self._table.items() if k == "person" and not has_arabic(v) and len(v) >= 4},
                        key=len, reverse=True)
            whose = "(?i:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in pf) + ")" if pf else "(?!)"
            self._titled_en6 = re.compile(
                rf"(?<![\w])(?P<c>{whose})(?:'s|’s)\s+(?P<port>(?:[A-Za-z-]+\s+){{0,2}}?)(?P<role>{role}){of}{posted}\s+{name}")
            self._unnamed_en6 = re.compile(
                rf"(?<![\w])(?P<c>{whose})(?:'s|’s)\s+(?P<port>(?:[A-Za-z-]+\s+){{0,2}}?)(?P<role>{role})(?![\w])")

    def _person_for(self, name: str, country: str, role: str, rank: str, lang: str) -> Person:
        key = name_key(name)
        # (of the listed people of that family name, one whose first name it does not contradict: "Mohammad Nidal
        # al-Shaar" is not Ahmed al-Sharaa, whose family name has the same consonants)
        known = next((p for p in self.by_key.get((country, key), []) if not self.contradicts_first_name(name, p)), None)
        if known is not None:
            return known
        ident = key if len(key) >= 2 else normalize(name).replace(" ", "_")
        return Person(f"x-{country.lower().replace(' ', '-')}-{ident}", name, name, country, (), (),
                      ({"ar": role if lang == "ar" else "", "en": role if lang == "en" else "", "rank": rank},))

    @staticmethod
    def contradicts_first_name(name: str, known: Person) -> bool:
        """Whether `name` gives a first name none of the listed person's forms begins with ("Nayef al-Shammari" is
        not Abdul Amir al-Shammari, who shares his family name)."""
        words = name.split()
        if len(words) < 2:
            return False
        firsts = {name_key(f.split()[0]) for f in (known.name, known.en, *known.variants) if len(f.split()) >= 2}
        return bool(firsts) and name_key(words[0]) not in firsts

    def titled(self, norm: str, text: str = "") -> list[Match]:
        """People named right after a title that names their country, in normalised Arabic or in English text
        (`text`, the sentence as written, for capitals): each as a listed Person when one of that country has
        the same family name, else as a new Person of that country with that role."""
        out: list[Match] = []
        if self._titled_ar is not None:
            for m in self._titled_ar.finditer(norm):
                # a delegation is nobody's name ("وفد عراقي رفيع المستوى": no person called "رفيع المستوى")
                group = self._rank.get(re.sub(r"\s+", " ", m.group(1))) == "delegation"
                got = None if group else self._arabic_name(norm, m, text)
                if got:
                    (a, b), name, country, role = got
                    rank = self._rank.get(re.sub(r"\s+", " ", m.group(1)), "official")
                    out.append(Match(a, b, "person", self._person_for(name, country, role, rank, "ar")))
                elif (got := self._arabic_unnamed(norm, m)) is not None:
                    (a, b), country, role, en = got
                    rank = self._rank.get(re.sub(r"\s+", " ", m.group(1)), "official")
                    named = None if group else self._arabic_before(norm, m.start(1), text)
                    if named:  # "رزاق محيبس السعداوي، وزير النقل العراقي،": the name before the title
                        (na, nb), name = named
                        out.append(Match(na, nb, "person", self._person_for(name, country, _shown(norm, text, a, b),
                                                                            rank, "ar")))
                    else:
                        out.append(Match(a, b, "title", self._title_for(_shown(norm, text, a, b), country, rank, en)))
        if self._titled_en is not None and text and not has_arabic(text):
            for rx in (self._titled_en, self._titled_en2, self._titled_en3, self._titled_en4, self._titled_en5,
                       self._titled_en6, self._titled_en7):
                for m in rx.finditer(text):
                    if self._rank.get(normalize(m.group("role")).strip()) == "delegation":
                        continue  # a delegation is nobody's name
                    lead, name = self._lead_en(m.group("name"))
                    name = re.sub(r"['’]s$", "", name)  # "President Abdul Latif Rashid's invitation": his name
                    if name and all(w.isupper() for w in re.findall(r"[A-Za-z]{2,}", name)):
                        continue  # "the Iraqi prime minister, SANA reported": an agency, nobody's name
                    country = self.country_of(m.group("c")) if rx not in (self._titled_en5, self._titled_en6) else \
                        self.country_of_place(normalize(m.group("c")).lower()) if rx is self._titled_en5 else \
                        self._possessor(m)
                    if not name or country is None or self._table.get(normalize(name), ("",))[0] in ("place", "country"):
                        continue  # "a forum in Doha, Syria's foreign minister …": a place is nobody's name
                    if rx in (self._titled_en2, self._titled_en4) and any(
                            x.kind == "country" or (x.kind == "person" and x.item.country != country)
                            for x in self.scan(normalize(name), name)):
                        continue  # "Iraq's Fuad Hussein, Lebanon's foreign minister and …": a list, not the title
                        # of a listed person of another country (nor of a name holding a country)
                    role = (m.group("port") + m.group("role") + (m.groupdict().get("of") or "")).strip() \
                        if rx is not self._titled_en3 else \
                        text[m.start("role"):m.start("name")].rstrip(", ")  # "head of Iraq's Border Ports Commission"
                    rank = self._rank.get(normalize(m.group("role")).strip(), "official")
                    if lead:  # "Iraqi Deputy Foreign Minister Mohammed Bahr al-Uloom": the role goes on before the name
                        role = f"{role} {' '.join(lead)}"
                        rank = next((self._rank[k] for i in range(len(lead)) if
                                     (k := normalize(" ".join(lead[i:])).strip()) in self._rank), rank)
                    a = m.start("name") + m.group("name").find(name) if name else m.start("name")
                    out.append(Match(a, a + len(name), "person", self._person_for(name, country, role, rank, "en")))
            named_at = {mm.start for mm in out}
            for m in self._unnamed_en6.finditer(text):  # "Assad's ambassador" with no name after it
                country = self._possessor(m)
                if country and not any(m.start() <= a <= m.end() + 3 for a in named_at):
                    rank = self._rank.get(normalize(m.group("role")).strip(), "official")
                    if rank != "delegation":
                        out.append(Match(m.end("c"), m.end(), "title", self._title_for(
                            f"{country}'s {m.group('port')}{m.group('role')}", country, rank)))
            for m in self._unnamed_en6.finditer(text):  # (named after it or not: "Assad's" stands behind)
                if self._possessor(m) and self._rank.get(normalize(m.group("role")).strip()) != "delegation":
                    out.append(Match(m.start("c"), m.end("c"), "possessor", self._table[normalize(m.group("c")).lower()][1]))
            for m in self._delegation_of_en.finditer(text):
                if (country := self.country_of(m.group("c")) or self.country_of_place(normalize(m.group("c")).lower())) \
                        in (IRAQ, SYRIA):
                    data = next((t for t in self.titles if t.rank == "delegation" and t.country == country), None)
                    out.append(Match(m.start(), m.end(), "title",
                                     data or self._title_for(m.group(0).strip(), country, "delegation")))
            for m in self._unnamed_en5.finditer(text):  # "the governor of Anbar": that province's official
                where = m.group("c") or m.group("c2")
                country = self.country_of_place(normalize(where).lower())
                if country not in (IRAQ, SYRIA) or any(m.start() <= a <= m.end() + 2 for a in named_at):
                    continue
                role = m.group("role") or m.group("role2")
                pl = self._table.get(normalize(where).lower())
                what = f"the {role.lower()} of {pl[1].en if pl and pl[0] == 'place' else where}"
                out.append(Match(m.start(), m.end(), "title",
                                 self._title_for(what, country, self._rank.get(normalize(role).strip().lower(), "official"))))
            for m in self._unnamed_en.finditer(text):  # "Iraqi oil minister" with no name after it: one unnamed
                country = self.country_of(m.group("c"))
                if country is None or any(m.start() <= a <= m.end() + 2 for a in named_at) or \
                        (self._titled_en.match(text, m.start()) and self._trim_en(self._titled_en.match(text, m.start()).group("name"))):
                    continue
                role = (m.group("port") + m.group("role")).strip()
                rank = self._rank.get(normalize(m.group("role")).strip(), "official")
                out.append(Match(m.start(), m.end(), "title", self._title_for(m.group(0).strip(), country, rank)))
        return out

    def _possessor(self, m: re.Match) -> str | None:
        """The country of the listed person before "'s" in a possessive title ("Assad's ambassador")."""
        hit = self._table.get(normalize(m.group("c")).lower())
        return hit[1].country if hit and hit[0] == "person" else None

    def pairs(self, norm: str, text: str = "") -> list[Match]:
        """Both sides' officials named in one phrase ('the Iraqi and Syrian foreign ministers', 'وزيرا خارجية
        العراق وسوريا', 'وزيرا الخارجية العراقي والسوري'): one unnamed official of each side, with that role."""
        out = []
        out += self.listed(norm, text) + self.delegations_from(norm)
        for m in _PAIR.finditer(norm):
            g = next(k for k in ("role", "role3", "role2") if m.group(k))
            p = {"role": "port", "role3": "port3", "role2": "port2"}[g]
            role = re.sub(r"\s+", " ", m.group(g)).strip()
            port = re.sub(r"\s+", " ", _shown(norm, text, m.start(p), m.end(p)) if m.group(p) else "").strip()
            port = re.sub(r"^the\s+", "", port)
            port = _PORT_END.sub("", port)  # "جهازي المخابرات في العراق وسوريا": no "في" in the name
            role = {"وزيرا": "وزير", "رئيسا": "رئيس", "وفدا": "وفد", "مسؤولو": "مسؤولو", "مسؤولي": "مسؤولو",
                    "جهازا": "جهاز", "جهازي": "جهاز", "مسؤولون": "مسؤول", "مسؤولين": "مسؤول", "المسؤولين": "مسؤول",
                    "المسؤولون": "مسؤول", "ممثلون": "ممثل", "ممثلين": "ممثل", "وزارتا": "وزارة", "وزارتي": "وزارة",
                    "agencies": "agency", "committees": "committee"}.get(role, re.sub(r"s$", "", role))  # one official of each side
            for country, adj in ((IRAQ, "Iraqi"), (SYRIA, "Syrian")):
                what = f"{adj} {port} {role}".replace("  ", " ").strip() if re.match(r"[a-z]", role) else \
                    f"{role} {port} {'العراقي' if country == IRAQ else 'السوري'}".replace("  ", " ").strip()
                if role in _PAIR_BODIES:  # both sides' authorities or forces: a body of each side ("Syrian and
                    # Iraqi authorities", "السلطات العراقية والسورية"), the one its side's bodies of that kind are
                    group = "forces" if role in ("force", "forces", "القوات", "قوات", "الاجهزه الامنيه") else "authorities"
                    shown = f"{adj} {group}" if re.match(r"[a-z]", role) else \
                        f"{'القوات' if group == 'forces' else 'السلطات'} {'العراقية' if country == IRAQ else 'السورية'}"
                    out.append(Match(m.start(), m.end(), "title", Title(
                        f"x-{country.lower()}-body-{group}", (shown,), f"{country}'s {group}", shown, country, BODY_RANK)))
                    continue
                fn = self._bodies.function(normalize(port)) if port and not re.match(r"[a-z]", role) else None
                if fn is not None:  # "جهازي المخابرات في العراق وسوريا": each side's body of that function, named
                    # as bodies() names it
                    en = f"{country}'s {fn.name_en} {self._bodies.head_en(normalize(role))}"
                    out.append(Match(m.start(), m.end(), "title", Title(
                        f"x-{country.lower()}-body-{fn.group}", (what,), en, what, country, BODY_RANK)))
                    continue
                out.append(Match(m.start(), m.end(), "title", self._title_for(what, country, "minister")))
        return out

    def _title_for(self, role: str, country: str, rank: str, en: str | None = None) -> Title:
        """An official the text names by his title only ("Iraqi oil minister", "وزير النفط العراقي")."""
        said = normalize(role).lower()
        known = next((t for t in self.titles if t.country == country and
                      any(normalize(f).lower() == said for f in t.forms)), None)
        if known is not None:  # ("Iraqi foreign minister" built from "the foreign ministers of Iraq, …": the data's
            return known  # title, whose holder on the day is known)
        ident = _title_id(en or role, country)  # (the same official in both languages: "محافظ الأنبار", "the governor of
        # Anbar")
        if rank == "delegation":  # "وفد من وزارة الطوارئ السورية" is the side's delegation of the data ("a Syrian
            # delegation"), in its own words: one participant, whoever's words report it
            ident = next((t.id for t in self.titles if t.rank == "delegation" and t.country == country), ident)
        return Title(ident, (role,), en or role, role, country, rank)

    def _governs_at(self, m: re.Match, toks, i: int = 0, any_rank: bool = False) -> tuple[str, int] | None:
        """(side, words) of a province or city of one side named by the words from toks[i] on (one to three:
        "محافظ دير الزور", "محافظ الأنبار") right after an official's role at `m`; else None."""
        if not any_rank and self._rank.get(re.sub(r"\s+", " ", m.group(1))) != "official":
            return None
        for n in (3, 2, 1):
            words = [w for _a, _b, w in toks[i:i + n]]
            if len(words) == n and all(re.match(r"\w", w) for w in words) and \
                    (c := self.country_of_place(" ".join(words))) in (IRAQ, SYRIA):
                return c, n
        return None

    def _governs(self, m: re.Match, w: str) -> str | None:
        """The side of a province named right after an official's role at `m` ("محافظ الأنبار", "محافظ حلب"): where
        he governs names his country; else None."""
        c = self.country_of_place(w)
        return c if c in (IRAQ, SYRIA) and self._rank.get(re.sub(r"\s+", " ", m.group(1))) == "official" else None

    def _arabic_unnamed(self, norm: str, m: re.Match):
        """(span, country, role, its English or None) of 'role [portfolio] COUNTRY-ADJ' with no name after it, or
        None."""
        toks = [(t.start(), t.end(), t.group(0)) for t in _TOKENS.finditer(norm[m.end():])]
        for i, (_a, b, w) in enumerate(toks[:4]):
            if not re.match(r"\w", w):
                return None
            c = self.country_of(w)
            if c is not None and w not in ("العراق", "سوريا", "سوريه"):
                role = re.sub(r"\s+", " ", norm[m.start(1):m.end() + b])
                return (m.start(1), m.end() + b), c, role, None
            if i == 0 and w not in ("العراق", "سوريا", "سوريه") and (got := self._governs_at(m, toks)):
                # "محافظ حلب", "محافظ دير الزور", with no name after it (in English "the governor of Aleppo", when
                # the lexicon's `role_en` gives the role's English)
                b = toks[got[1] - 1][1]
                role = re.sub(r"\s+", " ", m.group(1))
                en = self.lexicon.role_en_of(role) if self.lexicon is not None else None
                pl = self._table.get(" ".join(x for _, _, x in toks[:got[1]]))
                en = f"the {en} of {pl[1].en}" if en and pl and pl[0] == "place" else None
                return (m.start(1), m.end() + b), got[0], re.sub(r"\s+", " ", norm[m.start(1):m.end() + b]), en
            if i == 0 and w == "في" and re.sub(r"\s+", " ", m.group(1)).startswith("نظير") and \
                    (got := self._governs_at(m, toks, 1, any_rank=True)):  # "نظيره في دير الزور": his counterpart
                b = toks[got[1]][1]
                return (m.start(1), m.end() + b), got[0], re.sub(r"\s+", " ", norm[m.start(1):m.end() + b]), None
        return None

    def holder(self, title_id: str, when: str | None) -> Person | None:
        """The one person whose role with this title covers `when` ('YYYY-MM-DD' or 'YYYY-MM'): "Iraq's
        intelligence chief" in a report of 26 December 2024 is Hamid al-Shatri. Without a date, only a holder whose
        role the data gives no period ("وزير النفط العراقي" of an undated page). None when the data has no one (or
        two) there."""
        if not when:
            got = self._holders.get(title_id, ())
            return got[0][0] if len(got) == 1 and not got[0][1].get("from") and not got[0][1].get("to") else None
        got = [p for p, r in self._holders.get(title_id, ())
               if (not r.get("from") or r["from"][:len(when)] <= when) and (not r.get("to") or when < r["to"][:len(when)])]
        return got[0] if len(got) == 1 else None

    def country_of_place(self, word: str) -> str | None:
        """The country of a place named by one normalised word ('دمشق' -> Syria), else None."""
        got = self._table.get(word)
        return got[1].country if got and got[0] == "place" else None

    def named_after(self, norm: str, text: str, at: int, country: str, role: str) -> Match | None:
        """The person named right after `at` (role words read past: "النائب مصطفى سند", "lawmaker Mustafa Sanad"),
        as a person of `country` with `role`, or None (two to four words of a name)."""
        if text and len(text) == len(norm) and not has_arabic(text[at:at + 40]):
            m = re.match(r"\s*(?:(?:[a-z]+|[A-Z]{2,}|[A-Z][a-z]{1,3}\.)\s+){0,3}?(?P<name>(?:(?:al|el|bin|Abu|Abdul|Abd)[-\s])?"
                         r"[A-Z][\w'’]*(?:-[A-Z]?[\w'’]+)?(?:\s+(?:(?:al|el|bin|Abu|Abdul|Abd)[-\s])?[A-Z][\w'’]*(?:-[A-Z]?[\w'’]+)?){1,4})",
                         text[at:])
            if m is None:
                return None
            _, name = self._lead_en(m.group("name"))
            if len(name.split()) < 2 or self._table.get(normalize(name).lower()):
                return None
            a = at + m.start("name") + m.group("name").find(name)
            return Match(a, a + len(name), "person", self._person_for(name, country, role, "official", "en"))
        toks = [(t.start(), t.end(), t.group(0)) for t in _TOKENS.finditer(norm[at:at + 80])]
        roles = self._role_words
        i = 0
        while i < len(toks) and i < 2 and (toks[i][2] in roles or toks[i][2][2:] in roles):
            i += 1
        name: list[tuple[int, int, str]] = []
        for a, b, w in toks[i:i + 4]:
            if self._ends_name(w):
                break
            name.append((a, b, w))
            if w.startswith("ال") and len(name) >= 2:
                break
        if len(name) < 2:
            return None
        a, b = at + name[0][0], at + name[-1][1]
        return Match(a, b, "person", self._person_for(_shown(norm, text, a, b), country, role, "official", "ar"))

    def _lead_en(self, name: str) -> tuple[list[str], str]:
        """The role words a name read after a title begins with ("Foreign Minister …" after "Deputy"), and the name
        after them (four words at most, without role or stop words at its end)."""
        words = name.split()
        lead = []
        while words and normalize(words[0]) in self._stop:
            lead.append(words.pop(0))
        return lead, self._trim_en(" ".join(words[:4]))

    def _trim_en(self, name: str) -> str:
        words = name.split()
        while words and normalize(words[-1]) in self._stop:
            words.pop()
        return " ".join(words) if words and not all(normalize(w) in self._stop for w in words) else ""

    def _ends_name(self, w: str) -> bool:
        """Whether an Arabic word (or mark) is no word of a name read beside a title: a mark, a word of the lists (a
        verb, a preposition, a role), a country, a place, a number or a listed person, title or place."""
        return not re.match(r"\w", w) or w in self._stop or self._verb_form(w) or bool(_PRONOUN_DUAL.search(w)) or \
            bool(self.country_of(w)) or bool(self.country_of_place(w)) \
            or bool(re.match(r"\d", w)) or bool(self._table.get(w))

    def _verb_form(self, w: str) -> bool:
        """Whether an Arabic word opens as the conjunction and an imperfect verb do ("ويؤكد", "وتبحث"; lexicon
        `name_stop.openings`), five letters or more: no word of a name ("ويس" may be)."""
        return len(w) >= 5 and bool(self.lexicon) and w.startswith(self.lexicon.not_name_openings)

    def _arabic_before(self, norm: str, at: int, text: str = ""):
        """(span, name) of the two to four words of a name right before ", " and a title at `at` (Arabic apposition,
        "استقبل الشرع رزاق محيبس السعداوي، وزير النقل العراقي"), or None: a word of the lists (a verb, a preposition,
        a role), a place, a country or a listed person ends it."""
        head = norm[:at].rstrip()
        if not head.endswith(("،", ",")):
            return None
        toks = list(_TOKENS.finditer(head[:-1].rstrip()))
        name = []
        for t in reversed(toks):
            if self._ends_name(t.group(0)):
                break
            name.insert(0, t)
            if len(name) == 4:
                break
        if len(name) < 2:
            return None
        i = toks.index(name[0])
        if i and toks[i - 1].group(0) in (self.lexicon or load_lexicon()[0]).before_place:
            return None  # "في قصر الشعب، وزير …": a place, not a name
        a, b = name[0].start(), name[-1].end()
        return (a, b), _shown(norm, text, a, b)

    def _arabic_name(self, norm: str, m: re.Match, text: str = ""):
        """(span, name, country, role) of 'role [portfolio] COUNTRY-ADJ NAME' at a role match, or None."""
        toks = [(t.start(), t.end(), t.group(0)) for t in _TOKENS.finditer(norm[m.end():])]
        base = m.end()
        country, i = None, 0
        for i, (_a, _b, w) in enumerate(toks[:5]):
            if not re.match(r"\w", w):
                return None
            c = self.country_of(w)
            if c is not None and w not in ("العراق", "سوريا", "سوريه"):
                country = c
                break
            if i == 0 and (got := self._governs_at(m, toks)):  # "محافظ الأنبار محمد نوري الكربولي", "محافظ دير
                country, i = got[0], got[1] - 1  # الزور غسان …": his name after the place's words
                break
        if country is None:
            return None
        name: list[tuple[int, int, str]] = []
        after = self.lexicon.role_after if self.lexicon is not None else None
        while after is not None and len(toks) > i + 2 and toks[i + 1][2] in after:
            i += 1  # "وزير الاقتصاد السوري آنذاك محمد سامر الخليل": when he held it, then his name
        ranks = self.lexicon.ranks_ar if self.lexicon is not None else frozenset()
        while len(toks) > i + 2 and toks[i + 1][2] in ranks:
            i += 1  # "وزير الطاقة السوري المهندس محمد البشير": an honorific or rank, then his name (lexicon `ranks`)
        if len(toks) > i + 3 and toks[i + 1][2] in ("في", "لدى", "الى") and self.country_of_place(toks[i + 2][2]) and \
                re.search(_POSTED_AR, m.group(1)):
            i += 2  # "القائم بالأعمال العراقي في دمشق ياسين الحجيمي": where an envoy serves, then his name
        for a, b, w in toks[i + 1:i + 6]:
            if not re.match(r"\w", w) or w in self._stop or self.country_of(w) or re.match(r"\d", w) or \
                    _PRONOUN_DUAL.search(w) or self._verb_form(w):
                break
            name.append((a, b, w))
            if w.startswith("ال") and len(name) >= 1 and not (len(name) >= 2 and name[-2][2] in ("عبد", "ابو", "بن")):
                break
            if len(name) == 4:
                break
        if not name or (len(name) == 1 and not name[0][2].startswith("ال")):
            return None
        a, b = base + name[0][0], base + name[-1][1]
        words = _shown(norm, text, a, b)  # as written: "أحمد فكاك البدراني", not its normalised form
        role = _shown(norm, text, m.start(1), base + toks[i][1])
        return (a, b), words, country, role

    def scan(self, norm: str, text: str = "") -> list[Match]:
        """People, titles, places and country words in normalised text, longest first, not overlapping; and a
        listed person's family name in another English spelling ("al-Shibani", "Al Shara", "al-Soudani").
        `text`, the sentence as written (same length), for capitals: a listed family name after another first name
        ("Nayef al-Shammari", not Abdul Amir al-Shammari) is somebody else."""
        out = []
        for m in self._re.finditer(norm):
            form = re.sub(r"\s+", " ", m.group(1))
            hit = self._table.get(form) or self._table.get("ا" + form[1:] if form.startswith("لل") else form)
            if hit is None and not has_arabic(form):  # "al sharaa" is the table's "al-sharaa"
                form = re.sub(r"(?<![a-z])(al|el) ", r"\1-", form)
                hit = self._table.get(form)
            if hit is None:
                continue
            kind, item, short = hit
            if form in self._family_only and self.other_first_name(text, m.start(1), item):
                continue
            out.append(Match(m.start(1), m.end(1), kind, item, short))
        if self.spelled:
            for m in FAMILY_EN.finditer(norm):
                if text and (first := _FIRST_BEFORE.search(text[:m.start()])) is not None and \
                        (person := self.spelled_full.get((spelling_key(first.group(1)), spelling_key(m.group(1))))):
                    # "Ahmad Al Shara": his first and family names by their consonants, over a bare family name
                    a = first.start(1)
                    if not any(o.start < m.end() and a < o.end and not (o.short and o.item is person) for o in out):
                        out = [o for o in out if not (o.start < m.end() and a < o.end)]
                        out.append(Match(a, m.end(), "person", person, False))
                        continue
                if any(o.start < m.end() and m.start() < o.end for o in out):
                    continue
                person = self.spelled.get(spelling_key(m.group(1)))
                if person is not None and not self.other_first_name(text, m.start(), person):
                    out.append(Match(m.start(), m.end(), "person", person, False))
            # a bare capitalised family name in another spelling ("Shibani" for the listed "Shaibani"): a short form
            for m in _BARE_EN.finditer(text) if text else ():
                # (not a first name before another capitalised word: "Mustafa Sanad")
                if not any(o.start < m.end() and m.start() < o.end for o in out) and \
                        not _NEXT_CAP.match(text, m.end()) and \
                        (person := self.spelled.get(spelling_key(m.group(1)))) is not None and \
                        not self.other_first_name(text, m.start(), person):
                    out.append(Match(m.start(), m.end(), "person", person, True))
            out.sort(key=lambda x: x.start)
        return out

    def other_first_name(self, text: str, at: int, person: "Person") -> bool:
        """Whether a capitalised word right before `at` in English `text` is a first name not the person's: not a
        title, role or cue word of the data (lexicon `name_stop`, roles, contact words), nor one of his names."""
        if not text or len(text) < at or has_arabic(text[max(0, at - 30):at]):
            return False
        m = re.search(r"(?<![\w'’-])([A-Z][a-z]+)\s+$", text[:at])
        if m is None:
            return False
        word = m.group(1).lower()
        own = {w.lower() for f in (person.en, *person.variants) if not has_arabic(f) for w in re.split(r"[\s-]+", f)}
        ranks = {r.lower() for r in self.lexicon.ranks_en} if self.lexicon is not None else set()
        return word not in own and word not in self._stop and word not in ranks and not self.country_of(word) and \
            not self.country_of_place(word)  # ("Mr al-Sudani", "Dr Al Sudani": an honorific, lexicon `ranks`)

    def is_listed_word(self, word: str) -> bool:
        """Whether a normalised word is a title, place, country or stop word of the data (no family name alone)."""
        hit = self._table.get(word)
        return (hit is not None and hit[0] != "person") or word in self._stop

    def given_names(self) -> frozenset[str]:
        """Every normalised word a listed name has before its last ("mohammed", "سامي" of "طيف سامي محمد"): given
        names, which no one's last name alone stands for."""
        got = self._regex.get("given")
        if got is None:
            got = self._regex["given"] = frozenset(w for p in self.people for f in (p.name, p.en, *p.variants)
                                                   for w in normalize(f).lower().split()[:-1])
        return got

    def sharing(self, form: str) -> list[Person]:
        """The listed people whose short name a normalised form is ("بارزاني" -> the three Barzanis)."""
        return self._by_short.get(re.sub(r"\s+", " ", form), [])

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
        if not out and (m := FAMILY_EN.search(n)) and (p := self.spelled.get(spelling_key(m.group(1)))):
            out.append(p)  # another transliteration of a listed family name ("al-Shibani")
        return out


def _gatherings(obj: dict) -> list[Gathering]:
    return [Gathering(g["id"], tuple(dict.fromkeys(normalize(f) for f in (*g.get("ar", []), *g.get("en_forms", [])))),
                      g.get("en", g["id"]), g["place"], g["date"], g.get("date_end", "") or "")
            for g in obj.get("gatherings", []) if "id" in g]


def _parse(obj: dict) -> tuple[list[Person], list[Title], list[Place], dict[str, list[str]]]:
    people = [Person(p["id"], p["name"], p.get("en", p["name"]), p["country"],
                     (*p.get("variants", []), *p.get("en_variants", []), *([p["en"]] if p.get("en") else [])),
                     (*p.get("short", []), *p.get("en_short", [])), tuple(p.get("roles", []))) for p in obj.get("people", [])]
    titles = [Title(t["id"], (*t["ar"], *t.get("en_forms", [])), t.get("en", t["ar"][0]), t.get("role_ar", t["ar"][0]),
                    t["country"], t.get("rank", "official")) for t in obj.get("titles", [])]
    countries = {k: list(v) for k, v in obj.get("countries", {}).items()}
    for k, v in obj.get("countries_en", {}).items():
        countries[k] = list(dict.fromkeys(countries.get(k, []) + list(v)))
    places = [Place((*p["ar"], *p.get("en_forms", []),
                     *(_capital_forms(p["country"], countries.get(p["country"], []), p) if p.get("capital") else ())),
                    p["ar"][0], p.get("en", p["ar"][0]), p["country"], p.get("across", "")) for p in obj.get("places", [])]
    return people, titles, places, countries


def _capital_forms(country: str, words: list[str], place: dict) -> list[str]:
    """A capital's names drawn from its country's words (a place with `capital: true`): "the Saudi capital",
    "Saudi Arabia's capital", "the capital of Saudi Arabia", "العاصمة السعودية", "عاصمة السعودية"."""
    own = {normalize(f).lower() for f in (*place.get("ar", []), *place.get("en_forms", []), place.get("en", ""))}
    ar = [normalize(w) for w in words if has_arabic(w)]
    out = [f"عاصمه {ar[0]}"] if ar else []  # (the country's name comes first)

    def stem(w: str) -> str:
        return re.sub(r"^(?:the |ال)", "", w)[:3]

    # (only words of the country's own name, "Saudi", "السعودي": not a region's, "the Kurdistan capital" is Erbil)
    names = {stem(normalize(country).lower()), *(stem(a) for a in ar[:1])}
    for w in words:
        n = normalize(w).lower()
        if n in own or n.endswith(("'s", "’s")) or stem(n) not in names:
            continue
        if has_arabic(n):
            if n.startswith("ال") and n.endswith("ي"):  # an adjective: "السعودي" → "العاصمة السعودية"
                out.append(f"العاصمه {n}ه")
        elif any(normalize(x).lower() in (f"{n}'s", f"{n}’s") for x in words):  # a name: "Saudi Arabia's capital"
            out += [f"{n}'s capital", f"the capital of {n}"]
        elif " " not in n and not n.endswith("s"):  # an adjective: "the Saudi capital"
            out.append(f"the {n} capital")
    return [f for f in dict.fromkeys(out) if f not in own]


_CACHE: dict[tuple, Officials] = {}
_LOCK = threading.Lock()


def load_officials(home: Path | str | None = None) -> Officials:
    """The shipped list merged with RAG_HOME/officials.json when there is one, with the contact words (shipped
    and RAG_HOME/contacts.json) attached (cached per file version)."""
    extra = Path(home).expanduser() / "officials.json" if home else None
    stamp = extra.stat().st_mtime_ns if extra and extra.is_file() else None
    words = Path(home).expanduser() / "contacts.json" if home else None
    key = (str(extra), stamp, words.stat().st_mtime_ns if words and words.is_file() else None)
    with _LOCK:
        if key in _CACHE:
            return _CACHE[key]
        raw = DATA.read_text(encoding="utf-8")
        obj = json.loads(raw)
        people, titles, places, countries = _parse(obj)
        bodies = obj.get("bodies", {})
        gatherings = _gatherings(obj)
        h = hashlib.sha256(raw.encode())
        if stamp is not None:
            text = extra.read_text(encoding="utf-8")
            try:
                obj2 = json.loads(text)
                p2, t2, pl2, c2 = _parse(obj2)
                more = obj2.get("bodies", {})
                g2 = _gatherings(obj2)
                bodies = {k: list(bodies.get(k, [])) + list(more.get(k, [])) for k in ("heads", "functions")}
            except (ValueError, KeyError, TypeError) as exc:
                raise ConfigError(f"{extra} is not a valid officials file ({exc.__class__.__name__}: {exc}); "
                                  f"fix it or remove it (its shape is rag/domain/data/officials.json)") from None
            ids = {p.id for p in p2}
            people = [p for p in people if p.id not in ids] + p2
            tids = {t.id for t in t2}
            titles = [t for t in titles if t.id not in tids] + t2
            places = places + pl2
            gids = {g.id for g in g2}
            gatherings = [g for g in gatherings if g.id not in gids] + g2
            for k, v in c2.items():
                countries[k] = list(dict.fromkeys(countries.get(k, []) + v))
            h.update(text.encode())
        lexicon, lex_digest = load_lexicon(home)
        h.update(lex_digest.encode())
        out = Officials(people, titles, places, countries, digest=h.hexdigest()[:8], lexicon=lexicon,
                        bodies_data=bodies, gatherings=gatherings)
        _CACHE[key] = out
        return out
