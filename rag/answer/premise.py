"""Why a question's premise fails, said in English and in Arabic (issue 28): the reason a correction gives names
the mismatch (the act and its status, the person and the place, the year or month the sources give instead).
The Arabic words for acts and statuses are data (answer_types.json `arabic_words`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..domain.names import ARABIC, PEOPLE
from .expected import answer_data

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")
_MONTHS_AR = ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
              "تشرين الثاني", "كانون الأول")


@dataclass(frozen=True)
class Why:
    """A correction's reason: `en` is the abstain_reason (evals read it); `ar` is said in an Arabic reply."""

    en: str
    ar: str


@lru_cache(maxsize=1)
def _arabic() -> dict[str, str]:
    return answer_data().get("arabic_words", {})


def _ar(word: str) -> str:
    return _arabic().get(word, word)


def _name_ar(name: str) -> str:
    forms = ARABIC.get(name, ())
    return forms[0] if forms else name


def _article(kind: str) -> str:
    if kind in ("talks", "sanctions"):  # (a plural: no article)
        return kind
    return ("an " if kind[0] in "aeiou" else "a ") + kind


def _who_where(entities: list[str]) -> tuple[str, str]:
    people = [e for e in entities if e in PEOPLE]
    places = [e for e in entities if e not in PEOPLE]
    en = (" by " + " and ".join(people) if people else "") + (" in " + " and ".join(places) if places else "")
    ar_names = [_name_ar(e) for e in people + places]
    ar = (" تخص " + " و".join(ar_names)) if ar_names else ""
    return en, ar


def not_reported(kinds: list[str], entities: list[str]) -> Why:
    """No retrieved sentence reports the act (of these people, in this place)."""
    en_who, ar_who = _who_where(entities)
    return Why("no retrieved sentence reports " + " and ".join(_article(k) for k in kinds) + en_who,
               "لا تذكر المصادر المسترجعة " + " أو ".join(_ar(k) for k in kinds) + ar_who)


def not_taken_place(kinds: list[str], status: str, attendance: str = "") -> Why:
    """The sources report the act with a status other than 'happened' (postponed, planned, not held …); or, with
    `attendance` (a person), that person's attendance of the act (a summit he will not attend)."""
    if attendance:
        return Why(f"the sources report {attendance}'s attendance at the " + " and the ".join(kinds) + " as " + status
                   + ", not as having taken place",
                   "تذكر المصادر حضور " + _name_ar(attendance) + " " + " و".join(_ar(k) for k in kinds) + " "
                   + _ar(status) + "، لا أنه جرى")
    return Why("the sources report the " + " and the ".join(kinds) + " as " + status + ", not as having taken place",
               "تذكر المصادر " + " و".join(_ar(k) for k in kinds) + " " + _ar(status) + "، لا أنه جرى")


def no_visit_by(person: str, place: str) -> Why:
    return Why(f"no retrieved sentence reports a visit by {person} to {place}",
               f"لا تذكر المصادر المسترجعة زيارة قام بها {_name_ar(person)} إلى {_name_ar(place)}")


def no_visit_by_role(role: str, forms: tuple[tuple[str, ...], ...], place: str) -> Why:
    ar_role = next((" ".join(f) for f in forms if any("\u0600" <= ch <= "\u06ff" for ch in "".join(f))), role)
    en_role = next((" ".join(f) for f in forms if not any("\u0600" <= ch <= "\u06ff" for ch in "".join(f))), role)
    return Why(f"no retrieved sentence reports a visit by the {en_role} to {place}",
               f"لا تذكر المصادر المسترجعة زيارة قام بها {ar_role} إلى {_name_ar(place)}")


def other_years(asked: set[str], found: set[str], *, article: bool = False) -> Why:
    """The year asked is not the sources': name both (or, with none found, the year asked)."""
    a = ", ".join(sorted(asked))
    if not found:
        what = "article" if article else "sentence"
        return Why(f"no retrieved {what} is about {a}", f"لا يتناول أي نص مسترجع عام {a}")
    f = ", ".join(sorted(found))
    return Why(f"no retrieved sentence is about {a}: the sources date it {f}",
               f"تؤرخ المصادر ذلك بعام {f}، لا بعام {a}")


def other_months(asked: set[int], found: set[int]) -> Why:
    a_en = ", ".join(_MONTHS_EN[m - 1] for m in sorted(asked))
    a_ar = "، ".join(_MONTHS_AR[m - 1] for m in sorted(asked))
    if not found:
        return Why("no retrieved sentence is about that month", f"لا يتناول أي نص مسترجع شهر {a_ar}")
    f_en = ", ".join(_MONTHS_EN[m - 1] for m in sorted(found))
    f_ar = "، ".join(_MONTHS_AR[m - 1] for m in sorted(found))
    return Why(f"no retrieved sentence is about that month ({a_en}): the sources date it {f_en}",
               f"تؤرخ المصادر ذلك في {f_ar}، لا في {a_ar}")


def elsewhere(kinds: list[str], asked: dict[str, str], found: dict[str, str]) -> Why:
    """The act asked about in one place; the sources report it in another (places: English -> Arabic)."""
    a_en, f_en = " or ".join(sorted(asked)), " and ".join(sorted(found))
    a_ar, f_ar = " أو ".join(asked[k] for k in sorted(asked)), " و".join(found[k] for k in sorted(found))
    return Why("no retrieved sentence reports the " + " or the ".join(kinds) + f" in {a_en}: the sources report it in {f_en}",
               "تذكر المصادر " + " أو ".join(_ar(k) for k in kinds) + f" في {f_ar}، لا في {a_ar}")


_KIND_AR = {"date": "الموعد", "day": "اليوم", "number": "العدد", "person": "الاسم", "place": "المكان"}


def withheld(kind: str) -> Why:
    """The sources say the kind of answer asked was not given ('did not say when', 'لم يحدد موعداً')."""
    what = {"date": "when", "day": "on which day", "number": "how many or how much", "person": "who",
            "place": "where"}.get(kind, kind)
    return Why(f"the sources say they do not report {what}", f"تقول المصادر إن {_KIND_AR.get(kind, kind)} لم يُكشف")


def by_proxy(people: list[str]) -> Why:
    """The sources name the person only as the one an envoy, a message or a delegation acted for."""
    return Why("the sources report someone acting for " + " and ".join(people) + ", not " + " and ".join(people)
               + " himself", "تذكر المصادر من ناب عن " + " و".join(_name_ar(p) for p in people) + "، لا "
               + " و".join(_name_ar(p) for p in people) + " نفسه")


def before_office(who: list[tuple[str, str, str]]) -> Why:
    """A person the question names held no office of the domain's until after the period asked."""
    en = "; ".join(f"{name} held no office the sources know of before {start}" for name, _, start in who)
    ar = "؛ ".join(f"لم يتولَّ {name} أي منصب تعرفه المصادر قبل {start}" for _, name, start in who)
    return Why(en, ar)


def _rank_en(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def no_rank(ranks: list[int]) -> Why:
    """The question asks about a rank ('the 13th session', 'الاجتماع الأول') no retrieved sentence holds."""
    en = " or ".join(_rank_en(n) for n in ranks)
    ar = " أو ".join(str(n) for n in ranks)
    return Why(f"no retrieved sentence reports the {en} one the question asks about",
               f"لا تذكر المصادر المسترجعة المرة أو الدورة رقم {ar} التي يسأل عنها السؤال")
