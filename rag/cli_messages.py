"""The command line's one-line errors and fixed labels in Arabic; English is the exception's own text, unchanged.

The table is data: each message has a key, the exception class (by name) it comes from, the English text it comes
as (a pattern whose named parts are the message's specifics: a path, a number, a name) and its Arabic text, which
names the same fix (files, commands and flags stay Latin inside the Arabic line; right-to-left display is the
terminal's job). A message the table does not know is said in Arabic by its class, its English details kept.
`say(lang, exc)` and `say_parse(lang, message)` are the line after the "error:" label; `label(lang, key)` a label.
"""

from __future__ import annotations

import re

LANGS = ("en", "ar")

LABELS: dict[str, dict[str, str]] = {
    "error": {"en": "error: ", "ar": "خطأ: "},
    "notice": {"en": "notice: ", "ar": "تنبيه: "},
    "interrupted": {"en": "interrupted", "ar": "أُوقف"},
    "see_help": {"en": " (see `{prog} --help`)", "ar": " (انظر `{prog} --help`)"},
    "unexpected": {"en": "unexpected {cls}: {text} (run with --debug for details)",
                   "ar": "خطأ غير متوقع {cls}: {text} (شغّل الأمر مع --debug لمعرفة التفاصيل)"},
    "bad_line": {"en": "that line is not valid text (not UTF-8); type it again",
                 "ar": "هذا السطر ليس نصاً صالحاً (ليس UTF-8)؛ اكتبه مرة أخرى"},
    "withdrawn": {"en": "[not the answer: the model's reply above was withdrawn]",
                  "ar": "[ليس هذا هو الجواب: سُحب رد النموذج أعلاه]"},
    "chat_intro": {"en": "Ask about the articles (Arabic or English). An empty line or Ctrl-D ends; /new starts over.",
                   "ar": "اسأل عن المقالات (بالعربية أو بالإنجليزية). سطر فارغ أو Ctrl-D للإنهاء؛ /new لبدء محادثة جديدة."},
}

# Words inside a message's specifics that are English prose, not names ("is not a valid int").
_KINDS = {"int": "عدداً صحيحاً", "float": "عدداً", "bool": "قيمة منطقية (1 أو 0، true أو false، yes أو no، on أو off)",
          "a whole number": "عدداً صحيحاً", "a number": "عدداً"}

MESSAGES: list[dict] = [
    # the question
    {"key": "question_empty", "error": "QuestionError",
     "en": r"the question is empty: type a question about the articles",
     "ar": "السؤال فارغ: اكتب سؤالاً عن المقالات"},
    {"key": "question_too_long", "error": "QuestionError",
     "en": r"the question is (?P<n>[\d,]+) characters; the limit is (?P<limit>[\d,]+) \(RAG_MAX_QUESTION_CHARS\)",
     "ar": "عدد أحرف السؤال {n}، والحد الأقصى {limit} (RAG_MAX_QUESTION_CHARS): اختصر السؤال"},
    {"key": "question_bytes", "error": "QuestionError",
     "en": r"the question holds bytes that are not valid text \(not UTF-8\); type or paste it again",
     "ar": "في السؤال بايتات ليست نصاً صالحاً (ليست UTF-8)؛ اكتبه أو الصقه مرة أخرى"},
    {"key": "library_empty", "error": "QuestionError",
     "en": r"the library is empty: run `rag ingest` first",
     "ar": "المكتبة فارغة، لا مقالات فيها: شغّل `rag ingest` أولاً"},
    {"key": "timeline_bad_date", "error": "QuestionError",
     "en": r"(?P<flag>--from|--to) (?P<value>.*) is not a date: use a year .*",
     "ar": "{flag} {value} ليس تاريخاً: استخدم سنة (2025) أو شهراً (2025-03، 'March 2025'، 'آذار 2025') "
           "أو يوماً (2025-03-14، '14 آذار 2025')"},
    {"key": "timeline_backwards", "error": "QuestionError",
     "en": r"--to (?P<until>.*) is before --from (?P<since>.*)",
     "ar": "--to {until} يسبق --from {since}: اجعل بداية الفترة قبل نهايتها"},
    # settings (RAG_* variables and numeric flags)
    {"key": "setting_not_valid", "error": "ConfigError",
     "en": r"(?P<var>RAG_\w+)=(?P<raw>.*) is not a valid (?P<kind>int|float|bool)",
     "ar": "قيمة {var}={raw} غير صالحة: يجب أن تكون {kind}"},
    {"key": "setting_out_of_range", "error": "RagError",
     "en": r"(?P<var>\S+) must be (?P<kind>a whole number|a number) from (?P<low>\S+) to (?P<high>\S+), got (?P<got>.*)",
     "ar": "يجب أن تكون قيمة {var} {kind} من {low} إلى {high}، والمعطاة {got}"},
    {"key": "setting_out_of_bounds", "error": "RagError",
     "en": r"(?P<var>\S+) must be from (?P<low>\S+) to (?P<high>\S+), got (?P<got>.*)",
     "ar": "يجب أن تكون قيمة {var} من {low} إلى {high}، والمعطاة {got}"},
    {"key": "setting_choice", "error": "ConfigError",
     "en": r"(?P<var>RAG_\w+) must be '(?P<a>[^']*)' or '(?P<b>[^']*)', got (?P<got>.*)",
     "ar": "يجب أن تكون قيمة {var} '{a}' أو '{b}'، والمعطاة {got}"},
    {"key": "limit", "error": "ConfigError",
     "en": r"--limit must be at least 1, got (?P<n>-?\d+)",
     "ar": "يجب أن تكون قيمة --limit 1 على الأقل، والمعطاة {n}"},
    {"key": "unknown_embedder", "error": "ConfigError",
     "en": r"unknown embedder (?P<name>.*); choose one of: (?P<names>.*)",
     "ar": "مُضمِّن غير معروف {name} (RAG_EMBEDDER)؛ اختر واحداً من: {names}"},
    # models
    {"key": "unknown_model", "error": "ConfigError",
     "en": r"unknown model (?P<name>.*): use 'extractive' or 'openai:MODEL'",
     "ar": "نموذج غير معروف {name}: استخدم 'extractive' أو 'openai:MODEL'"},
    {"key": "model_unnamed", "error": "ConfigError",
     "en": r"name the model: openai:MODEL \(e\.g\. (?P<examples>.*)\)",
     "ar": "سمِّ النموذج: openai:MODEL (مثلاً {examples})"},
    {"key": "api_key_missing", "error": "ConfigError",
     "en": r"(?P<url>\S+) needs an API key: set OPENAI_API_KEY \(or RAG_LLM_BASE_URL for a local server\)",
     "ar": "يحتاج {url} إلى مفتاح API: اضبط OPENAI_API_KEY (أو RAG_LLM_BASE_URL لخادم محلي)"},
    # files and the library
    {"key": "no_such_path", "error": "DocumentError",
     "en": r"(?P<path>.*): no such file or folder",
     "ar": "لا يوجد ملف ولا مجلد بهذا الاسم: {path} (تحقق من المسار)"},
    {"key": "no_such_question_set", "error": "DocumentError",
     "en": r"(?P<path>.*): no such question set",
     "ar": "لا توجد مجموعة أسئلة بهذا الاسم: {path} (تحقق من المسار)"},
    {"key": "no_such_article", "error": "StoreError",
     "en": r"no such article in the library: (?P<names>.*) \(see `rag library`\)",
     "ar": "لا يوجد في المكتبة مقال بهذا المعرّف: {names} (انظر `rag library`)"},
    {"key": "chroma_url", "error": "StoreError",
     "en": r"RAG_CHROMA_URL=(?P<url>.*) is not a URL like http://127\.0\.0\.1:8000",
     "ar": "قيمة RAG_CHROMA_URL={url} ليست عنواناً مثل http://127.0.0.1:8000"},
    {"key": "chroma_unreachable", "error": "StoreError",
     "en": r"Chroma server at (?P<url>\S+) is not reachable \((?P<why>\w+)\); start it with (?P<cmd>`.*`)",
     "ar": "لا يمكن الوصول إلى خادم Chroma على {url} ({why})؛ شغّله بالأمر {cmd}"},
    {"key": "embedder_mismatch", "error": "EmbedderMismatch",
     "en": r"the (?P<what>library in .*|index '.*') was built with embedder (?P<built>'[^']*'), not (?P<name>'[^']*'): "
           r"set RAG_EMBEDDER to match, or use another (?P<other>RAG_HOME(?:/RAG_COLLECTION)?) and re-ingest",
     "ar": "بُني ({what}) بالمُضمِّن {built} لا {name}: اضبط RAG_EMBEDDER ليطابقه، أو استخدم {other} آخر "
           "وأعد الإدخال بـ `rag ingest`"},
    {"key": "serve_exposed", "error": "ConfigError",
     "en": r"refusing to serve on (?P<host>\S+) without a login: .*",
     "ar": "لن يُشغَّل الخادم على {host} بلا تسجيل دخول: اضبط RAG_UI_AUTH=user:password (RAG_SERVER_TOKEN يحمي /v1 "
           "وحدها)، أو مرّر --insecure لفتح الصفحة، والحذف معها، لكل من يصل إلى {host}"},
    # the notices of an answer (a model that failed or was not verified: the extractive answer instead)
    {"key": "notice_failed", "error": "notice",
     "en": r"(?P<model>\S+) failed: (?P<why>.*) — showing the extractive answer instead\.",
     "ar": "فشل {model}: {why} — تُعرض الإجابة الاستخراجية بدلاً منه."},
    {"key": "notice_unverified", "error": "notice",
     "en": r"(?P<model>\S+)'s reply was not verified \((?P<why>.*)\) — showing the extractive answer instead\.",
     "ar": "تعذّر التحقق من رد {model} بالمقاطع ({why}) — تُعرض الإجابة الاستخراجية بدلاً منه."},
    # argparse's own one-line errors (Python 3.11's texts) and the contact kind's
    {"key": "arg_unrecognized", "error": "argparse",
     "en": r"unrecognized arguments: (?P<args>.*)",
     "ar": "وسائط غير معروفة: {args}"},
    {"key": "arg_required", "error": "argparse",
     "en": r"the following arguments are required: (?P<args>.*)",
     "ar": "هذه الوسائط مطلوبة: {args}"},
    {"key": "arg_bad_value", "error": "argparse",
     "en": r"argument (?P<arg>\S+): invalid (?P<kind>int|float) value: (?P<value>.*)",
     "ar": "قيمة غير صالحة لـ {arg}: {value}، ويجب أن تكون {kind}"},
    {"key": "arg_bad_choice", "error": "argparse",
     "en": r"argument (?P<arg>\S+): invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)",
     "ar": "قيمة غير صالحة لـ {arg}: {value} (اختر واحدة من {choices})"},
    {"key": "arg_no_value", "error": "argparse",
     "en": r"argument (?P<arg>\S+): expected one argument",
     "ar": "{arg} يحتاج إلى قيمة بعده"},
    {"key": "arg_ambiguous", "error": "argparse",
     "en": r"ambiguous option: (?P<arg>\S+) could match (?P<matches>.*)",
     "ar": "الخيار {arg} ملتبس: قد يعني {matches}"},
    {"key": "arg_kind", "error": "argparse",
     "en": r"argument --kind: (?P<value>'.*') is not a contact kind: use one of (?P<en>.*) \(or (?P<ar>.*)\)",
     "ar": "{value} ليس نوع اتصال لـ --kind: استخدم واحداً من {ar} (أو {en})"},
]

# A message the table does not know: said by its class (the nearest in the exception's ancestry), details kept.
BY_CLASS = {
    "QuestionError": "لا يمكن طرح السؤال كما هو: {text}",
    "ConfigError": "إعداد غير صالح: {text}",
    "DocumentError": "تعذّرت قراءة الملف: {text}",
    "EmbedderMismatch": "المُضمِّن لا يطابق المكتبة: {text}",
    "StoreError": "تعذّر الوصول إلى المكتبة: {text}",
    "ModelError": "فشل النموذج: {text}",
    "RagError": "تعذّر التنفيذ: {text}",
    "notice": "{text}",
    "argparse": "خطأ في سطر الأمر: {text}",
}

_COMPILED = [(m, re.compile(m["en"], re.S)) for m in MESSAGES]


def pick(lang: str | None) -> str:
    return lang if lang in LANGS else "en"


def label(lang: str | None, key: str, **values) -> str:
    text = LABELS[key][pick(lang)]
    return text.format(**values) if values else text


def translate(lang: str | None, text: str, kinds: tuple[str, ...]) -> str:
    """`text` (an English message of one of `kinds`, nearest first) in `lang`; English comes back unchanged."""
    if pick(lang) == "en":
        return text
    for m, pattern in _COMPILED:
        if m["error"] in kinds and (found := pattern.fullmatch(text)):
            parts = {k: _KINDS.get(v, v) if k == "kind" else v for k, v in found.groupdict().items()}
            return m["ar"].format(**parts)
    return BY_CLASS[next((k for k in kinds if k in BY_CLASS), "RagError")].format(text=text)


def say(lang: str | None, exc: BaseException) -> str:
    """The line after "error:" for a `RagError`, in `lang`."""
    return translate(lang, str(exc), tuple(c.__name__ for c in type(exc).__mro__))


def say_parse(lang: str | None, message: str) -> str:
    """argparse's one-line error in `lang`."""
    return translate(lang, message, ("argparse",))


def say_notice(lang: str | None, text: str) -> str:
    return translate(lang, text, ("notice",))
