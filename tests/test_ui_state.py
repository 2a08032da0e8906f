"""The UI's pure parts with real answers: one conversation state, API input checks, login backoff, escaping."""

import pytest

from rag import load_settings


def test_one_conversation_feeds_history_feedback_and_edit(pipeline):
    from ui.state import Conversation

    conv = Conversation()
    a1 = pipeline.ask("متى زار الشيباني بغداد؟")
    conv = conv.add("متى زار الشيباني بغداد؟", a1)
    a2 = pipeline.ask("ومن استقبله؟", history=conv.history())
    assert a2.standalone_question and "الشيباني" in a2.standalone_question
    conv = conv.add("ومن استقبله؟", a2)
    assert [q for q, _ in conv.history()] == ["متى زار الشيباني بغداد؟", a2.standalone_question]
    row = conv.feedback_row(1, True, 1.0)
    assert row["question"] == "ومن استقبله؟" and row["answer"] == a2.answer
    assert conv.feedback_row(2, True, 1.0) is None and conv.feedback_row(-1, True, 1.0) is None
    base, last = conv.without_last()
    assert last.question == "ومن استقبله؟" and len(base.turns) == 1 and len(conv.turns) == 2
    assert Conversation().history() == []


@pytest.mark.parametrize("question,model,k,reason", [
    ("\ud800 متى", "extractive", 5, "lone surrogate"),
    (12, "extractive", 5, "question must be text"),
    ("متى؟", "extractive", "abc", "k must be"),
    ("متى؟", "extractive", -5, "k must be"),
    ("متى؟", "extractive", 0, "k must be"),
    ("متى؟", "extractive", 1_000_000, "k must be"),
    ("متى؟", "extractive", 2.5, "k must be"),
    ("متى؟", "extractive", float("nan"), "k must be"),
    ("متى؟", "extractive", True, "k must be"),
    ("متى؟", "gpt-typo", 5, "unknown model"),
    ("   ", "extractive", 5, "the question is empty"),
    ("م" * 5000, "extractive", 5, "limit is 2,000"),
])
def test_api_input_is_refused_with_the_reason(tmp_path, question, model, k, reason):
    from ui.app import check_api_input

    s = load_settings(env={}, home=str(tmp_path))
    with pytest.raises(ValueError) as err:
        check_api_input(question, model, k, ["extractive"], s)
    assert reason in str(err.value)


def test_api_input_accepted_forms(tmp_path):
    from ui.app import check_api_input

    s = load_settings(env={}, home=str(tmp_path))
    assert check_api_input(" متى؟ ", "", "7", ["extractive"], s) == ("متى؟", "extractive", 7)
    assert check_api_input("متى؟", "extractive", 3.0, ["extractive"], s)[2] == 3


def test_login_backoff_grows_per_client_and_resets_on_success():
    from ui.app import LoginThrottle

    th = LoginThrottle(free=3, cap=60)
    for i in range(3):
        assert th.wait("a", 100.0) == 0.0
        th.failed("a", 100.0)
    assert th.wait("a", 100.0) == pytest.approx(1.0) and th.wait("b", 100.0) == 0.0
    th.failed("a", 101.0)
    assert th.wait("a", 101.0) == pytest.approx(2.0)
    for _ in range(20):
        th.failed("a", 200.0)
    assert th.wait("a", 200.0) == pytest.approx(60.0)
    th.succeeded("a")
    assert th.wait("a", 200.0) == 0.0


def test_rendered_text_cannot_act():
    from ui import render

    html = render.user_message('<img src=x onerror="alert(1)"> ![x](http://1.2.3.4/a.png)')
    assert "<img" not in html and "&lt;img" in html and "](" not in html


def test_new_sessions_build_their_block_config_on_first_read(seeded_settings):
    """`rag serve` makes Gradio's per-session block config lazy (ui/tuning.py): a new session costs well under
    a millisecond (it cost 12 ms on this app), and the config, once read, is the one Gradio makes eagerly."""
    import time

    from gradio import state_holder

    from ui.app import build_app
    from ui.tuning import lazy_sessions

    demo = build_app(seeded_settings)
    cfg = demo.default_config
    eager = {k: cfg.config_for_block(k, [], v) for k, v in cfg.blocks.items() if k in demo.blocks}
    assert len(eager) > 50
    assert lazy_sessions(), "Gradio's SessionState changed: re-measure ui/tuning.py and update SESSION_INIT_SHA1"
    t = time.process_time()
    sessions = [state_holder.SessionState(demo) for _ in range(20)]
    per_session_ms = (time.process_time() - t) / 20 * 1000
    assert per_session_ms < 1.0, per_session_ms
    first, second = sessions[0], sessions[1]
    # a request's input value lands in its own block's config, and only that one is made
    key = next(k for k, v in eager.items() if "props" in v and "value" in v["props"])
    first._update_value_in_config(key, "changed")
    assert len(first.config_values._made) == 1 and len(first.config_values) == len(eager)
    assert first.config_values[key]["props"]["value"] == "changed"
    # read whole (the deep-link route), it is the eager config, with that session's own value
    assert second.config_values == eager
    assert dict(first.config_values.items()) == {**eager, key: first.config_values[key]}
    assert second.config_values[key]["props"]["value"] == eager[key]["props"]["value"]


def test_saved_conversations_round_trip_are_bounded_and_refuse_bad_ids(pipeline, tmp_path):
    """A conversation saved under a browser's key comes back equal (answers, citations, feedback); the list is
    newest first and bounded; ids that are not the page's random ids are refused and nothing is written."""
    from ui.history import ConversationStore
    from ui.state import Conversation

    store = ConversationStore(tmp_path / "c.sqlite", per_client=2)
    client = "0123456789abcdef-client"
    conv = Conversation().add("متى زار الشيباني بغداد؟", pipeline.ask("متى زار الشيباني بغداد؟"))
    conv.turns[0].feedback = True
    assert store.save(client, "conv-0000000000000001", conv)
    back = store.load(client, "conv-0000000000000001")
    assert back == conv and back.turns[0].answer.citations[0].title == conv.turns[0].answer.citations[0].title
    for i in (2, 3):
        store.save(client, f"conv-000000000000000{i}", conv)
    assert [s.conv_id for s in store.list(client)] == ["conv-0000000000000003", "conv-0000000000000002"]
    assert store.load(client, "conv-0000000000000001") is None  # the oldest went first
    for bad in ("../../etc", "short", "x" * 65, "a b c d e f g h i j", "'; DROP TABLE conversations; --"):
        assert not store.save(bad, "conv-0000000000000009", conv) and store.list(bad) == []
        assert not store.save(client, bad, conv) and store.load(client, bad) is None
    assert not store.save(client, "conv-0000000000000010", Conversation())  # an empty one is not kept
    assert store.clear(client) == 2 and store.list(client) == []


def test_the_writer_locks_own_lines_are_read_in_both_languages(tmp_path):
    """The page's waiting line and refusal are made from the writer lock's own messages (rag/index/writer.py),
    taken here from a real lock held by another holder: a change of their wording fails here, not silently in
    the page."""
    import os
    import re
    import threading

    from rag import StoreError
    from rag.index.writer import WriterLock
    from ui.library_tab import write_failed, writer_waiting

    held, free = threading.Event(), threading.Event()

    def hold():
        with WriterLock(tmp_path / "writer.lock", wait=5).hold("rag ingest"):
            held.set()
            free.wait(10)
    threading.Thread(target=hold, daemon=True).start()
    assert held.wait(5)
    said = []
    try:
        with pytest.raises(StoreError) as refused:
            with WriterLock(tmp_path / "writer.lock", wait=0.3).hold("rag delete", say=said.append):
                pass
    finally:
        free.set()
    assert len(said) == 1
    ar = writer_waiting("ar", "writer_wait_delete", said[0], title="Title")
    en = writer_waiting("en", "writer_wait_upload", said[0])
    assert str(os.getpid()) in ar and "إضافة مقالات" in ar and "0.3 ثانية" in ar, ar
    assert not re.search(r"[A-Za-z]", re.sub(r"<[^>]*>|Title", "", ar)), ar  # the title is content
    assert f"process {os.getpid()}, rag ingest, since" in en and "at most 0.3 s" in en, en
    assert writer_waiting("en", "writer_wait_upload", "warning: skipped a.bin") == ""
    line = write_failed(refused.value, "ar", "test")
    assert "مشغولة" in line and "0.3" in line and not re.search(r"[A-Za-z](?![^<]*>)", line), line
    assert "nothing was changed" in write_failed(refused.value, "en", "test")


def test_the_timeline_says_when_a_contact_did_not_happen_and_reads_right_to_left_in_arabic():
    from ui import render
    base = {"kind": "call", "date": None, "participants": [], "place": None, "summary": "نفي اتصال",
            "citations": [], "article_date": {}, "sources": []}
    denied = {**base, "id": "a", "status": "denied", "status_basis": "نفى"}
    happened = {**base, "id": "b", "status": "happened"}
    from html import unescape
    ar = unescape(render.timeline([denied, happened], "ar"))
    assert "اتصال هاتفي (منفية)" in ar and 'class="tl-event status-denied"' in ar and 'title="نفى"' in ar
    assert ar.count('dir="rtl"') >= 3  # each row and the count line
    en = unescape(render.timeline([denied, happened], "en"))
    assert "phone call (denied)" in en and "phone call (" not in en.replace("phone call (denied)", "")
    assert "(postponed)" in unescape(render.timeline([{**denied, "status": "postponed"}], "en"))


def test_an_english_question_or_title_inside_arabic_quotes_is_isolated():
    from ui.i18n import t
    head = t("ar", "sources_for", q="When did Shaibani visit Baghdad?")
    assert head == "مصادر «\u2068When did Shaibani visit Baghdad?\u2069»"  # the quotes keep their sides
    assert "\u2068Energy diplomacy\u2069" in t("ar", "lib_deleted", title="Energy diplomacy")


def test_every_chart_rag_eval_draws_has_a_caption_in_the_page_s_language(tmp_path):
    """The Arabic page shows no Latin interface text: each chart `rag eval` can draw (evals/report.py) has its own
    caption, including the HasAns/NoAns-against-the-bar chart (before: captioned by its file name)."""
    import re
    from html import unescape
    from pathlib import Path
    from ui.evals_tab import charts_html
    names = set(re.findall(r'"(\w+\.png)"', (Path(__file__).resolve().parents[1] / "evals" / "report.py").read_text()))
    assert "answerability.png" in names
    pngs = []
    for n in sorted(names):
        (tmp_path / n).write_bytes(b"\x89PNG")
        pngs.append(tmp_path / n)
    html = unescape(charts_html(pngs, "ar"))
    captions = re.findall(r"<figcaption[^>]*>(.*?)</figcaption>", html)
    assert len(captions) == len(names) and not any(re.search(r"[A-Za-z]{3,}", c) for c in captions), captions
