"""The command line's one-line errors in the user's language (a new user's review: "bad input gets a clear, short
error in the user's language and loses nothing"): --lang > RAG_LANG > the question's script > English; the English
lines unchanged, the exit codes too, and a refused command changes nothing. The real `rag.cli.main`, in process."""

import io
import json
import re

import pytest

from conftest import SEEDS, SHAIBANI

AR_Q = "متى زار الشيباني بغداد؟"
EN_Q = "When did Shaibani visit Baghdad?"


@pytest.fixture
def env(monkeypatch, tmp_path):
    """No RAG_* or OPENAI_* variables but an empty data folder of the test's own."""
    import os
    for name in list(os.environ):
        if name.startswith(("RAG_", "OPENAI_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("RAG_HOME", str(tmp_path / "home"))
    return monkeypatch


def _run(argv, capsys):
    """(exit code, the lines on stderr) of `rag ARGV`."""
    from rag.cli import main
    try:
        code = main(argv)
    except SystemExit as stop:
        code = stop.code
    return code, capsys.readouterr().err.strip().splitlines()


EMPTY_EN = "error: the question is empty: type a question about the articles"
EMPTY_AR = "خطأ: السؤال فارغ: اكتب سؤالاً عن المقالات"


def test_the_lang_flag_chooses_the_language(env, capsys):
    assert _run(["ask", "   ", "--lang", "ar"], capsys) == (1, [EMPTY_AR])
    assert _run(["ask", "   "], capsys) == (1, [EMPTY_EN])
    assert _run(["retrieve", "   ", "--lang", "en"], capsys) == (1, [EMPTY_EN])


def test_rag_lang_chooses_it_below_the_flag_and_is_checked(env, capsys):
    env.setenv("RAG_LANG", "ar")
    assert _run(["ask", "   "], capsys) == (1, [EMPTY_AR])
    assert _run(["ask", "   ", "--lang", "en"], capsys) == (1, [EMPTY_EN])  # the flag wins
    env.setenv("RAG_LANG", "en")  # and RAG_LANG wins over an Arabic question
    assert _run(["ask", AR_Q, "--model", "nonsense"], capsys) == (
        1, ["error: unknown model 'nonsense': use 'extractive' or 'openai:MODEL'"])
    env.setenv("RAG_LANG", "fr")
    assert _run(["ask", EN_Q], capsys) == (1, ["error: RAG_LANG must be 'ar' or 'en', got 'fr'"])
    assert _run(["ask", AR_Q], capsys) == (1, ["خطأ: يجب أن تكون قيمة RAG_LANG 'ar' أو 'en'، والمعطاة 'fr'"])


def test_the_question_s_script_chooses_it_otherwise(env, capsys):
    assert _run(["ask", AR_Q, "--model", "nonsense"], capsys) == (
        1, ["خطأ: نموذج غير معروف 'nonsense': استخدم 'extractive' أو 'openai:MODEL'"])
    assert _run(["ask", EN_Q, "--model", "nonsense"], capsys) == (
        1, ["error: unknown model 'nonsense': use 'extractive' or 'openai:MODEL'"])
    # too long: the numbers are kept
    env.setenv("RAG_MAX_QUESTION_CHARS", "10")
    assert _run(["retrieve", AR_Q], capsys) == (
        1, [f"خطأ: عدد أحرف السؤال {len(AR_Q)}، والحد الأقصى 10 (RAG_MAX_QUESTION_CHARS): اختصر السؤال"])
    assert _run(["retrieve", EN_Q], capsys) == (
        1, [f"error: the question is {len(EN_Q)} characters; the limit is 10 (RAG_MAX_QUESTION_CHARS)"])


def test_a_bad_setting_and_a_missing_api_key(env, capsys):
    env.setenv("RAG_K", "many")
    assert _run(["ask", AR_Q], capsys) == (1, ["خطأ: قيمة RAG_K='many' غير صالحة: يجب أن تكون عدداً صحيحاً"])
    assert _run(["ask", EN_Q], capsys) == (1, ["error: RAG_K='many' is not a valid int"])
    env.delenv("RAG_K")
    assert _run(["ask", AR_Q, "-k", "99"], capsys) == (1, ["خطأ: يجب أن تكون قيمة k من 1 إلى 50، والمعطاة 99"])
    url = "https://api.openai.com/v1"
    assert _run(["ask", AR_Q, "--model", "openai:gpt-4o-mini"], capsys) == (
        1, [f"خطأ: يحتاج {url} إلى مفتاح API: اضبط OPENAI_API_KEY (أو RAG_LLM_BASE_URL لخادم محلي)"])
    assert _run(["ask", EN_Q, "--model", "openai:gpt-4o-mini"], capsys) == (
        1, [f"error: {url} needs an API key: set OPENAI_API_KEY (or RAG_LLM_BASE_URL for a local server)"])


def test_a_refused_ingest_or_delete_changes_nothing(fresh_settings, env, capsys, tmp_path):
    """A missing file among the files to ingest refuses them all, in Arabic, and the library is as it was."""
    from rag import ingest, open_library
    home = fresh_settings.home
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    (one / SHAIBANI).write_text((SEEDS / SHAIBANI).read_text(encoding="utf-8"), encoding="utf-8")
    other = sorted(p for p in SEEDS.iterdir() if p.name != SHAIBANI and p.suffix == ".txt")[0]
    (two / other.name).write_text(other.read_text(encoding="utf-8"), encoding="utf-8")
    ingest(open_library(fresh_settings), [one], progress=False)

    from rag.cli import main

    def listed():
        assert main(["library", "--home", home, "--json"]) == 0
        return [d["source"] for d in json.loads(capsys.readouterr().out)]
    before = listed()
    assert before == [SHAIBANI]
    missing = str(tmp_path / "نشرة" / "missing.txt")
    assert _run(["ingest", "--home", home, str(two), missing, "--lang", "ar"], capsys) == (
        1, [f"خطأ: لا يوجد ملف ولا مجلد بهذا الاسم: {missing} (تحقق من المسار)"])
    assert listed() == before
    assert _run(["ingest", "--home", home, str(two), missing], capsys) == (
        1, [f"error: {missing}: no such file or folder"])
    assert _run(["delete", "--home", home, SHAIBANI, "nope.txt", "--lang", "ar"], capsys) == (
        1, ["خطأ: لا يوجد في المكتبة مقال بهذا المعرّف: nope.txt (انظر `rag library`)"])
    assert listed() == before


def test_no_articles_in_the_library(env, capsys, tmp_path):
    empty = tmp_path / "no-seeds"
    empty.mkdir()
    env.setenv("RAG_SEEDS", str(empty))
    code, err = _run(["ask", AR_Q], capsys)
    assert code == 1 and err[-1] == "خطأ: المكتبة فارغة، لا مقالات فيها: شغّل `rag ingest` أولاً", err
    code, err = _run(["ask", EN_Q], capsys)
    assert code == 1 and err[-1] == "error: the library is empty: run `rag ingest` first", err


def test_argparse_errors(env, capsys):
    assert _run(["ask", AR_Q, "--bogus"], capsys) == (2, ["خطأ: وسائط غير معروفة: --bogus (انظر `rag --help`)"])
    assert _run(["ask", EN_Q, "--bogus"], capsys) == (
        2, ["error: unrecognized arguments: --bogus (see `rag --help`)"])
    assert _run(["ask", AR_Q, "-k", "x"], capsys) == (
        2, ["خطأ: قيمة غير صالحة لـ -k: 'x'، ويجب أن تكون عدداً صحيحاً (انظر `rag ask --help`)"])
    assert _run(["ask", "-k", "x", EN_Q], capsys) == (
        2, ["error: argument -k: invalid int value: 'x' (see `rag ask --help`)"])
    assert _run(["ask", "--lang", "ar"], capsys) == (
        2, ["خطأ: هذه الوسائط مطلوبة: question (انظر `rag ask --help`)"])
    assert _run(["timeline", "--lang=ar", "--kind", "xyz"], capsys) == (2, [
        "خطأ: 'xyz' ليس نوع اتصال لـ --kind: استخدم واحداً من زيارة، اتصال هاتفي، لقاء، وفد، تصريح "
        "(أو visit, call, meeting, delegation, statement) (انظر `rag timeline --help`)"])
    env.setenv("RAG_LANG", "ar")
    assert _run(["library", "--split", "dev"], capsys) == (
        2, ["خطأ: وسائط غير معروفة: --split dev (انظر `rag --help`)"])
    env.delenv("RAG_LANG")
    assert _run(["ask", EN_Q, "--lang", "fr"], capsys) == (
        2, ["error: argument --lang: invalid choice: 'fr' (choose from 'en', 'ar') (see `rag ask --help`)"])


def test_a_chat_turn_s_error_is_in_its_question_s_language_and_the_chat_goes_on(seeded_settings, env, capsys):
    from rag.cli import main
    env.setenv("RAG_MAX_QUESTION_CHARS", "15")
    env.setattr("sys.stdin", io.StringIO(f"{AR_Q}\n{EN_Q}\nمن؟\n\n"))
    assert main(["chat", "--home", seeded_settings.home]) == 0
    out = capsys.readouterr()
    assert out.err.strip().splitlines() == [
        f"خطأ: عدد أحرف السؤال {len(AR_Q)}، والحد الأقصى 15 (RAG_MAX_QUESTION_CHARS): اختصر السؤال",
        f"error: the question is {len(EN_Q)} characters; the limit is 15 (RAG_MAX_QUESTION_CHARS)"], out.err
    assert "Sources:" in out.out  # the third, short question is answered: nothing was lost


def test_every_arabic_message_keeps_the_specifics_and_the_latin_fix():
    """Each table entry's Arabic text names every specific of the English one ({path}, {n} …) and keeps its
    commands, variables and flags in Latin."""
    from rag.cli_messages import MESSAGES, say_notice
    keys = [m["key"] for m in MESSAGES]
    assert len(keys) == len(set(keys))
    for m in MESSAGES:
        for group in re.compile(m["en"]).groupindex:
            assert "{" + group + "}" in m["ar"], (m["key"], group)
        literal = re.sub(r"\(\?P<\w+>[^)]*\)", "", m["en"])  # the text around the specifics
        for latin in re.findall(r"`rag \w+`|RAG_[A-Z_]+|OPENAI_API_KEY|--[a-z]+", literal):
            assert latin in m["ar"], (m["key"], latin)
    assert say_notice("ar", "openai:x failed: timed out — showing the extractive answer instead.") == (
        "فشل openai:x: timed out — تُعرض الإجابة الاستخراجية بدلاً منه.")
    assert say_notice("en", "anything") == "anything"
