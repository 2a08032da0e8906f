"""English <-> Arabic names and domain words, as data: for English questions over Arabic text.

An English question shares no words with Arabic passages; these tables give BM25 and the abstention
check the Arabic forms of the names and key words it uses, and give English answers the English forms of
the names in the evidence. `rag/domain/people.py` keeps officials (titles, offices); this module keeps only
spellings, so the two can be folded together.
"""

from __future__ import annotations

import re

from ..text.arabic import normalize

# English spellings (lower case, without "al-") -> Arabic form as written in the articles.
NAMES: dict[str, tuple[str, ...]] = {
    # people
    "Asaad al-Shaibani": ("shaibani", "shaybani", "al-shaibani", "asaad al-shaibani", "asaad hassan al-shaibani"),
    "Ahmed al-Sharaa": ("sharaa", "al-sharaa", "sharaa", "ahmed al-sharaa", "ahmad al-sharaa", "jolani"),
    "Mohammed Shia al-Sudani": ("sudani", "al-sudani", "mohammed shia al-sudani", "mohammed al-sudani"),
    "Fuad Hussein": ("fuad hussein", "fouad hussein", "hussein"),
    "Hamid al-Shatri": ("shatri", "al-shatri", "hamid al-shatri"),
    "Anas Khattab": ("khattab", "anas khattab"),
    "Bassam Sabbagh": ("sabbagh", "bassam sabbagh", "sabbagh"),
    "Bashar al-Assad": ("assad", "al-assad", "bashar al-assad", "bashar"),
    "Basim al-Awadi": ("awadi", "al-awadi", "basim al-awadi", "bassem al-awadi"),
    "Badr Abdelatty": ("abdelatty", "abdel aty", "badr abdelatty", "abdel-aty"),
    # places and bodies
    "Baghdad": ("baghdad",),
    "Damascus": ("damascus",),
    "Abu Kamal": ("abu kamal", "albukamal", "al-bukamal", "bukamal"),
    "Aleppo": ("aleppo",),
    "Anbar": ("anbar", "al-anbar"),
    "Nineveh": ("nineveh", "ninawa"),
    "al-Hol": ("al-hol", "hol", "al-hawl"),
    "Tehran": ("tehran",),
    "Iran": ("iran",),
    "Jordan": ("jordan",),
    "Egypt": ("egypt", "egyptian"),
    "Turkey": ("turkey", "turkish"),
    "Iraq": ("iraq", "iraqi", "iraqis"),
    "Syria": ("syria", "syrian"),
    "the Arab League": ("arab league",),
    "Islamic State": ("isis", "islamic state", "daesh"),
    "SANA": ("sana",),
    "Sada El Balad": ("sada el balad",),
    "Enab Baladi": ("enab baladi",),
}
ARABIC: dict[str, tuple[str, ...]] = {
    "Asaad al-Shaibani": ("الشيباني",),
    "Ahmed al-Sharaa": ("الشرع",),
    "Mohammed Shia al-Sudani": ("السوداني",),
    "Fuad Hussein": ("فؤاد حسين",),
    "Hamid al-Shatri": ("الشطري",),
    "Anas Khattab": ("أنس خطاب",),
    "Bassam Sabbagh": ("صباغ",),
    "Bashar al-Assad": ("الأسد",),
    "Basim al-Awadi": ("العوادي",),
    "Badr Abdelatty": ("عبدالعاطي", "عبد العاطي"),
    "Baghdad": ("بغداد",),
    "Damascus": ("دمشق",),
    "Abu Kamal": ("البوكمال",),
    "Aleppo": ("حلب",),
    "Anbar": ("الأنبار",),
    "Nineveh": ("نينوى",),
    "al-Hol": ("الهول",),
    "Tehran": ("طهران",),
    "Iran": ("إيران",),
    "Jordan": ("الأردن",),
    "Egypt": ("مصر", "المصري"),
    "Turkey": ("تركيا", "التركي"),
    "Iraq": ("العراق", "العراقي"),
    "Syria": ("سوريا", "السوري"),
    "the Arab League": ("جامعة الدول العربية",),
    "Islamic State": ("داعش", "الدولة الإسلامية"),
    "SANA": ("سانا",),
    "Sada El Balad": ("صدى البلد",),
    "Enab Baladi": ("عنب بلدي",),
}
# Country names are context, not the entity a question is about: they do not gate abstention.
# Outlets are metadata, not what a question is about.
CONTEXT = {"Iraq", "Syria", "SANA", "Sada El Balad", "Enab Baladi"}
# People, whose family name alone also names them in a sentence ("وأشار حسين …").
PEOPLE = {"Asaad al-Shaibani", "Ahmed al-Sharaa", "Mohammed Shia al-Sudani", "Fuad Hussein", "Hamid al-Shatri",
          "Anas Khattab", "Bassam Sabbagh", "Bashar al-Assad", "Basim al-Awadi", "Badr Abdelatty"}

# English domain words -> Arabic words the articles use for them (retrieval and the relation check).
WORDS: dict[str, tuple[str, ...]] = {
    "visit": ("زيارة", "زار"), "visited": ("زار", "زيارة"), "visits": ("زيارة",),
    "call": ("اتصال", "اتصالا"), "called": ("اتصال", "اتصالا"), "phone": ("هاتفي", "اتصال"),
    "calls": ("اتصال",), "met": ("لقاء", "التقى", "اجتماع"), "meet": ("لقاء", "التقى"),
    "meeting": ("لقاء", "اجتماع"), "said": ("قال", "أكد"), "say": ("قال", "أكد"), "tell": ("قال",),
    "write": ("كتب",), "wrote": ("كتب",), "praise": ("أشاد",), "praised": ("أشاد",),
    "congratulated": ("التهاني",), "congratulate": ("التهاني",), "welcome": ("رحب",), "welcomed": ("رحب",),
    "border": ("الحدود",), "borders": ("الحدود",), "security": ("أمن", "الأمن"), "stability": ("استقرار",),
    "spokesman": ("المتحدث",), "spokesperson": ("المتحدث",), "intelligence": ("الاستخبارات", "المخابرات"),
    "foreign": ("الخارجية",), "minister": ("وزير",), "ministers": ("وزراء", "وزير"),
    "prime": ("رئيس الوزراء",), "president": ("الرئيس",), "presidents": ("الرئيس",),
    "embassy": ("سفارة",), "embassies": ("سفارتي", "سفارة"), "refugees": ("لاجئين",), "soldiers": ("الجنود",),
    "camps": ("مخيمات", "المخيمات"), "camp": ("مخيم",), "drug": ("المخدرات",), "drugs": ("المخدرات",),
    "smuggling": ("تهريب",), "information": ("المعلومات",), "exchange": ("تبادل",), "agency": ("وكالة",),
    "news": ("الأنباء",), "government": ("الحكومة",), "head": ("رئيس",), "chief": ("رئيس",),
    "operations": ("عمليات",), "joint": ("مشتركة",), "oil": ("النفط",), "agreement": ("اتفاقية",),
    "delegation": ("وفد",), "envoy": ("مبعوث", "كمبعوث", "المبعوث"), "envoys": ("مبعوث",), "talks": ("مباحثات",), "relations": ("العلاقات",), "sovereignty": ("سيادة",),
    "gold": ("الذهب",), "population": ("سكان",), "election": ("الانتخابات",), "town": ("مدينة",),
    "city": ("مدينة",), "fighters": ("مقاتلين",), "families": ("عوائل", "عوائلهم"), "linked": ("مرتبط",),
    "armed": ("مسلحة",), "groups": ("تنظيمات", "مجموعات"), "start": ("البدء",), "started": ("البدء",),
    "began": ("البدء",), "hold": ("تضم",), "holding": ("تضم",), "holds": ("تضم",),
}

_ALIASES = sorted(((alias, name) for name, aliases in NAMES.items() for alias in aliases), key=lambda x: -len(x[0]))
_ALIAS_RE = re.compile(r"(?<![a-z])(?:al-)?(" + "|".join(re.escape(a) for a, _ in _ALIASES) + r")(?![a-z])")
_ALIAS_OF = dict(_ALIASES)
_WORD_RE = re.compile(r"[a-z]+")
_AR_OF = {normalize(ar): name for name, forms in ARABIC.items() for ar in forms}


def english_names(text: str) -> list[str]:
    """Canonical names mentioned in English text, in order, without repeats."""
    out: list[str] = []
    for m in _ALIAS_RE.finditer(text.lower()):
        name = _ALIAS_OF[m.group(1)]
        if name not in out:
            out.append(name)
    return out


def english_name_spans(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Canonical names mentioned in English text with their (start, end) offsets, in order."""
    return [(_ALIAS_OF[m.group(1)], m.span()) for m in _ALIAS_RE.finditer(text.lower())]


def arabic_names(text: str) -> list[str]:
    """Canonical names whose Arabic form appears in Arabic text (normalised), in order of appearance."""
    t = normalize(text)
    found = sorted((t.find(ar), name) for ar, name in _AR_OF.items() if ar and ar in t)
    out: list[str] = []
    for _, name in found:
        if name not in out:
            out.append(name)
    return out


def arabic_forms(name: str) -> tuple[str, ...]:
    """The Arabic forms of a name; for a person also the family name alone."""
    forms = ARABIC.get(name, ())
    if name in PEOPLE:
        forms = forms + tuple(f.split()[-1] for f in forms if " " in f)
    return forms


def arabic_terms(question: str) -> str:
    """The Arabic forms of the names and domain words of an English question, as extra query text."""
    parts = [form for name in english_names(question) for form in ARABIC.get(name, ())[:1]]
    for w in _WORD_RE.findall(question.lower()):
        parts.extend(WORDS.get(w, ())[:1])
    return " ".join(dict.fromkeys(parts))


_GENERIC = {"according", "say", "said", "tell", "told", "new", "they", "their", "there", "then", "he", "she", "his",
            "her", "him", "them", "one", "two", "both", "other", "between", "during", "after", "before", "also",
            "al", "el", "s", "were", "been", "being", "will", "would", "can", "could", "should", "not", "no", "yes",
            "any", "all", "each", "some", "these", "those", "time", "date", "day", "year", "month", "whose"}


def unmapped_words(question: str) -> list[str]:
    """Content words of an English question with no Arabic form here: what the Arabic text cannot show."""
    rest = _ALIAS_RE.sub(" ", question.lower())
    return [w for w in dict.fromkeys(_WORD_RE.findall(rest))
            if len(w) > 2 and w not in WORDS and w not in _GENERIC and w not in _EN_STOP]


_EN_STOP = {"the", "a", "an", "of", "in", "on", "at", "to", "and", "or", "is", "was", "are", "be", "did", "does",
            "do", "what", "when", "who", "whom", "which", "where", "why", "how", "with", "for", "by", "from",
            "about", "that", "this", "it", "its", "as", "into", "has", "have", "had"}


def key_entities(question: str) -> list[str]:
    """Names a question is about (not the two countries themselves), in either language."""
    names = english_names(question) + arabic_names(question)
    return [n for n in dict.fromkeys(names) if n not in CONTEXT]
