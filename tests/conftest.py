"""Shared fixtures and hypothesis profiles for the accord test suite.

Profiles: ``dev`` (default, quick) and ``ci`` (more examples, no deadline),
loaded when the ``CI`` environment variable is set. ``HYPOTHESIS_PROFILE``
picks one explicitly.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT / "corpus"
DATA_DIR = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def corpus():
    """The embedded corpus, loaded once."""
    from tui.documents.corpus import load_corpus

    loaded = load_corpus([CORPUS_DIR])
    assert not loaded.errors, [str(e) for e in loaded.errors]
    return loaded


@pytest.fixture(scope="session")
def docs(corpus):
    """Documents of the embedded corpus by id."""
    return {d.id: d for d in corpus.documents}


@pytest.fixture(autouse=True)
def _no_user_env(monkeypatch, tmp_path_factory):
    """Tests never read the developer's own corpus, cache or colour settings."""
    monkeypatch.delenv("ACCORD_CORPUS", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("ACCORD_CONFIG_DIR", str(home / "config" / "accord"))
    monkeypatch.delenv("ACCORD_CACHE_DIR", raising=False)
    monkeypatch.delenv("ACCORD_NO_CACHE", raising=False)
    monkeypatch.setenv("HOME", str(home))
