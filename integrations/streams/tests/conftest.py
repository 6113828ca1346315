"""Shared fixtures: the seeded fixture anime (the same data the e2e spec uses), a clean cache."""

import pytest
from django.core.cache import cache

from integrations.streams.management.commands.seed_playback_fixture import seed

FIXTURE_BASE = "http://127.0.0.1:9"


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def fixture_anime(db):
    return seed(FIXTURE_BASE)
