"""Bodies of one side named in a sentence: a ministry, directorate, authority or command of a country ("وزارة الداخلية
السورية", "المديرية العامة لمكافحة المخدرات في العراق", "Syria's Interior Ministry", "Iraq's General Directorate of
Narcotics Control"). A contact told through institutions (a joint operation, a coordinated raid, a handover) has them
as its participants.

The words are data (officials.json `bodies`; RAG_HOME/officials.json adds to them): `heads` are the nouns a body's
name is built on (ministry, directorate, مديرية, هيئة …), `functions` what the body does (interior, anti-narcotics,
border ports, المخدرات …). A body is named when a head, a function within a few words and the country (an adjective
after it in Arabic, "في العراق", or "Iraq's" / "Syrian" before it in English) stand together; a function alone before
an Arabic country adjective ("الداخلية السورية") is that country's ministry when the function says so (`bare`).
Each body is one participant per side and function group (`part_of`: the anti-narcotics directorate belongs to the
interior ministry, so three outlets naming it three ways are one participant)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.arabic import normalize

RANK = "body"


@dataclass(frozen=True)
class Function:
    id: str
    group: str  # the body it belongs to (`part_of`), or itself
    name_en: str
    forms: tuple[str, ...]  # normalised Arabic and lower-case English forms
    bare: bool  # its Arabic form alone before a country adjective names the ministry ("الداخليه السوريه")


@dataclass(frozen=True)
class BodyMatch:
    start: int
    end: int
    country: str
    function: Function
    head_en: str


def alternation(forms) -> str:
    """A regex alternation of normalised forms, longest first, a space matching any run of spaces."""
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(set(forms), key=len, reverse=True))


class Bodies:
    """Finds bodies in normalised sentences (`find`)."""

    def __init__(self, data: dict, countries: dict[str, list[str]], cities: dict[str, str] | None = None):
        heads = data.get("heads", [])
        self.functions = [Function(f["id"], f.get("part_of", f["id"]), f.get("name_en", f["id"]),
                                   tuple(normalize(x).lower() for x in (*f.get("ar", []), *f.get("en", []))),
                                   bool(f.get("bare")))
                          for f in data.get("functions", []) if not str(f.get("id", "_")).startswith("_")]
        self._head_en: dict[str, str] = {}
        # names that hold a head and a country but name no body of that side ("the Syrian Democratic Forces")
        self._not = [normalize(x).lower() for x in data.get("not_bodies", [])]
        # a body after "a source at" / "مصدر في" is where a report comes from, no party to the contact (`reporters`)
        rep = [normalize(x).lower() for x in data.get("reporters", [])]
        self._reporter = re.compile(r"(?<!\w)(?:" + alternation(rep) + r")\s+(?:the\s+)?[وفبل]?$") if rep else None
        # heads that name a body of a side with no function ("القوات السورية", "a Syrian protection force"): a body of
        # their own group
        self._alone = {normalize(x).lower(): h.get("name_en", "body") for h in heads if h.get("alone")
                       for x in (*h.get("ar", []), *h.get("en", []))}
        self._alone_fn = {name: Function(name, name, "", (), False) for name in self._alone.values()}
        ar_heads, en_heads = [], []
        for h in heads:
            for x in h.get("ar", []):
                ar_heads.append(normalize(x))
            for x in h.get("en", []):
                en_heads.append(x.lower())
                self._head_en[x.lower()] = h.get("name_en", x.lower())
            for x in h.get("ar", []):
                self._head_en[normalize(x)] = h.get("name_en", "body")
        adj_ar, name_ar, adj_en = {}, {}, {}
        for country, forms in countries.items():
            for f in forms:
                n = normalize(f).lower()
                if re.search(r"[a-z]", n):
                    adj_en[n] = country
                elif n.startswith("ال") and re.search(r"(?:ي|يه|يين|يون)$", n):
                    adj_ar[n] = country
                elif " " not in n and not n.startswith("ال") and len(n) > 3 or n in ("العراق",):
                    name_ar[n] = country
        self._country = {**adj_ar, **name_ar, **adj_en}
        fn_forms = [f for fn in self.functions for f in fn.forms]
        self._fn_forms = frozenset(fn_forms)
        # (an Arabic function after "ل" is written "للمنافذ" for "ل" + "المنافذ": read as "المنافذ")
        lil = ["لل" + f[2:] for f in fn_forms if f.startswith("ال")]
        self._fn = re.compile(r"(?<!\w)(?:ل|لل|ب|و|ال)?(" + alternation(fn_forms + lil) + r")(?!\w)") if fn_forms else None
        none = r"(?!)"
        # (an Arabic function after "ل": "لمكافحه المخدرات", "للمنافذ" for "ل" + "المنافذ")
        fns_ar = alternation([g for f in fn_forms if not re.search(r"[a-z]", f)
                       for g in (f, "لل" + f[2:] if f.startswith("ال") else "ل" + f)]) or none
        # (a body's name runs on without particles: "وزاره الخارجيه ان الوفد العراقي" names no Iraqi ministry)
        word_ar = r"(?!(?:ان|انه|مع|الى|على|عن|من|في|التي|الذي|و)(?!\w))[^\s،,.؛:()\"«»“”]+"
        # Arabic: head ("العامه" may follow), the function, up to two more words, the country ("… السوريه",
        # "… في العراق")
        self._ar = re.compile(
            r"(?<!\w)(?:و|ف|ب|ل)?(?P<head>(?:ال)?(?:" + (alternation(ar_heads) or none) + r"))\s+(?:العامه\s+)?"
            r"(?P<mid>(?:" + fns_ar + r")(?:\s+" + word_ar + r"){0,2}?)\s+"
            r"(?:في\s+)?(?P<c>" + (alternation([*adj_ar, *name_ar]) or none) + r")(?!\w)")
        # (a body named without its side, "وزارة الداخلية", "the Interior Ministry": the side of the article's home,
        # `find`'s `home`, when it has one)
        self._ar_home = re.compile(
            r"(?<!\w)(?:و|ف|ب|ل)?(?P<head>(?:ال)?(?:" + (alternation(ar_heads) or none) + r"))\s+(?:العامه\s+)?"
            r"(?P<mid>(?:" + fns_ar + r")(?:\s+و(?:" + fns_ar + r"))?)(?!\w)")  # ("للمنافذ والجمارك")
        bare = [f for fn in self.functions if fn.bare for f in fn.forms if not re.search(r"[a-z]", f)]
        self._bare = re.compile(r"(?<!\w)(?:و|ف|ب|ل)?(?P<fn>" + (alternation(bare) or none) + r")\s+(?P<c>" +
                                (alternation(adj_ar) or none) + r")(?!\w)")
        alone_ar = [h for h in self._alone if not re.search(r"[a-z]", h)]
        alone_en = [h for h in self._alone if re.search(r"[a-z]", h)]
        alts = []
        if alone_ar and adj_ar:
            alts.append(r"(?<!\w)(?:و|ف|ب|ل)?(?P<head>(?:ال)?(?:" + alternation(alone_ar) + r"))\s+(?P<c>" + alternation(adj_ar) + r")(?!\w)")
        if alone_en and adj_en:
            alts.append(r"(?<![\w-])(?:(?:a|an|the)\s+)?(?P<c2>" + alternation(adj_en) + r")(?:'s|’s)?\s+(?:[a-z-]+\s+)?(?P<head2>" +
                        alternation(alone_en) + r")(?![\w-])")
        self._alone_re = re.compile("|".join(alts)) if alts else None
        # an English head that needs no function, in a city of a side ("the authorities in Damascus"): that side's
        self._city = dict(cities or {})
        # body ("the authorities" only, with nothing before it: not "US forces in Hasakah", "the Kurdish-led
        # authorities in Hasakah")
        in_city = [h for h in alone_en if self._alone[h] in data.get("in_city", ())]
        self._alone_in = re.compile(r"(?<![\w-])the\s+(?P<head>" + alternation(in_city) + r")\s+in\s+(?P<c>" +
                                    alternation(self._city) + r")(?![\w-])") if in_city and self._city else None
        # English: the country, up to four words, the head, and "of / for" up to four words
        word_en = r"(?!(?:said|says|told|announced|and|the|that|with|to|in|on|by|from|at|of|for|a|an|has|had|was|is|were|will)\b)[a-z-]+"
        self._en = re.compile(
            r"(?<![\w-])(?:the\s+)?(?P<c>" + (alternation(adj_en) or none) + r")(?:'s|’s)?\s+(?P<mid>(?:(?:and\s+)?" + word_en +
            r"\s+){0,4}?)(?P<head>" + (alternation(en_heads) or none) +
            r")(?P<of>\s+(?:of|for)\s+(?:the\s+)?" + word_en + r"(?:\s+(?:and\s+)?" + word_en + r"){0,3})?(?![\w-])")
        self._en_home = re.compile(
            r"(?<![\w-])the\s+(?P<mid>(?:" + word_en + r"\s+){0,2}?)(?P<head>" + (alternation(en_heads) or none) +
            r")(?P<of>\s+(?:of|for)\s+(?:the\s+)?" + word_en + r"(?:\s+(?:and\s+)?" + word_en + r"){0,3})?(?![\w-])")

        # a body of both sides ("اللجنة العراقية السورية المشتركة", "the joint Iraqi–Syrian committee", "the Iraq-Syria
        # business council"): `joint` heads with the two countries' adjectives side by side; it stands for both
        joint = data.get("joint") or {}
        j_ar = [normalize(x) for x in joint.get("ar", [])]
        j_en = [x.lower() for x in joint.get("en", [])]
        adj_both_ar = alternation([*adj_ar, *(n for n in name_ar if n in ("العراق", "سوريا", "سوريه"))]) or none
        self._joint = re.compile(
            r"(?<!\w)[وفبل]?(?:ال)?(?:" + (alternation([h[2:] if h.startswith("ال") else h for h in j_ar]) or none) + r")"
            r"(?:\s+" + word_ar + r"){0,3}?\s+(?P<a>" + adj_both_ar + r")\s*[-–—/]?\s*و?(?P<b>" + adj_both_ar + r")(?!\w)|"
            r"(?<![\w-])(?P<c>" + (alternation(adj_en) or none) + r")\s*(?:[-–—/]|\s+and\s+)\s*(?P<d>" + (alternation(adj_en) or none) +
            r")(?:\s+" + word_en + r"){0,3}?\s+(?:" + (alternation(j_en) or none) + r")(?![\w-])") if j_ar or j_en else None
        # … and named without the countries ("فرق فنية مشتركة تزور محطات القياس", "joint technical teams to visit"):
        # a short head, up to two words, "مشتركة" / "joint" before it
        short = joint.get("short") or {}
        s_ar = [normalize(x) for x in short.get("ar", [])]
        s_en = [x.lower() for x in short.get("en", [])]
        self._joint_short = re.compile(
            r"(?<!\w)[وفبل]?(?:ال)?(?:" + (alternation([h[2:] if h.startswith("ال") else h for h in s_ar]) or none) + r")"
            r"(?:\s+" + word_ar + r"){0,2}?\s+(?:ال)?مشترك[هة]?(?!\w)|"
            r"(?<![\w-])joint\s+(?:" + word_en + r"\s+){0,2}?(?:" + (alternation(s_en) or none) + r")(?![\w-])") \
            if s_ar or s_en else None

    def joint_short(self, norm: str) -> tuple[int, int] | None:
        """(start, end) of a body of both sides named without them ("فرق فنية مشتركة", "the joint technical teams",
        `joint` `short` heads), or None: whose sides it joins the sentence tells (`Officials.bodies`)."""
        m = self._joint_short.search(norm) if self._joint_short is not None else None
        return (m.start(), m.end()) if m else None

    def joint(self, norm: str, sides: tuple[str, str]) -> tuple[int, int] | None:
        """(start, end) of the first body of both `sides` a normalised sentence names, or None."""
        if self._joint is None:
            return None
        for m in self._joint.finditer(norm):
            pair = {self._country.get(m.group("a") or m.group("c")), self._country.get(m.group("b") or m.group("d"))}
            if pair == set(sides):
                return m.start(), m.end()
        return None

    def head_en(self, head: str) -> str:
        """The English word of a body's head as written in Arabic ("جهاز" -> its English word), else "body"."""
        head = re.sub(r"\s+", " ", head)
        return self._head_en.get(head, self._head_en.get(head[2:], "body"))

    def function(self, text: str) -> Function | None:
        """The function a text names ("المخابرات", "narcotics"), if any."""
        return self._function(text)

    def _function(self, text: str) -> Function | None:
        if self._fn is None:
            return None
        m = self._fn.search(text)
        if m is None:
            return None
        form = re.sub(r"\s+", " ", m.group(1))
        form = "ال" + form[2:] if form.startswith("لل") and form not in self._fn_forms else form
        return next((fn for fn in self.functions if form in fn.forms), None)

    def find(self, norm: str, home: str | None = None) -> list[BodyMatch]:
        """The bodies a normalised sentence names, not overlapping, in order; one named without its side is of
        `home` (the side of the article's home city), else none."""
        out: list[BodyMatch] = []

        def add(a: int, b: int, country: str | None, fn: Function | None, head: str) -> None:
            if self._reporter is not None and self._reporter.search(norm, max(0, a - 40), a):
                return
            if any(0 <= (at := norm.find(x, max(0, a - 12))) < b and at + len(x) > a for x in self._not):
                return
            if country and fn and not any(x.start < b and a < x.end for x in out):
                out.append(BodyMatch(a, b, country, fn, head))

        for m in self._ar.finditer(norm):
            head = re.sub(r"\s+", " ", m.group("head"))
            add(m.start("head"), m.end(), self._country.get(m.group("c")), self._function(m.group("mid")),
                self._head_en.get(head, self._head_en.get(head[2:], "body")))
        for m in self._bare.finditer(norm):
            add(m.start("fn"), m.end(), self._country.get(m.group("c")), self._function(m.group("fn")), "ministry")
        for m in self._en.finditer(norm):
            words = f"{m.group('mid')} {m.group('head')} {m.group('of') or ''}"
            add(m.start("c"), m.end(), self._country.get(m.group("c")), self._function(words),
                self._head_en.get(re.sub(r"\s+", " ", m.group("head")), "body"))
        if self._alone_re is not None:
            for m in self._alone_re.finditer(norm):
                head = re.sub(r"\s+", " ", m.group("head") or m.group("head2"))
                name = self._alone.get(head, self._alone.get(head[2:]))
                if name:
                    add(m.start(), m.end(), self._country.get(m.group("c") or m.group("c2")), self._alone_fn[name], name)
        if self._alone_in is not None:
            for m in self._alone_in.finditer(norm):
                name = self._alone.get(re.sub(r"\s+", " ", m.group("head")))
                if name:
                    add(m.start(), m.end(), self._city.get(m.group("c")), self._alone_fn[name], name)
        if home:
            for m in self._ar_home.finditer(norm):
                head = re.sub(r"\s+", " ", m.group("head"))
                add(m.start("head"), m.end(), home, self._function(m.group("mid")),
                    self._head_en.get(head, self._head_en.get(head[2:], "body")))
            for m in self._en_home.finditer(norm):
                add(m.start(), m.end(), home, self._function(f"{m.group('mid')} {m.group('head')} {m.group('of') or ''}"),
                    self._head_en.get(re.sub(r"\s+", " ", m.group("head")), "body"))
        return sorted(out, key=lambda x: x.start)
