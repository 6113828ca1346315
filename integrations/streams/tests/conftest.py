"""Shared fixtures: the seeded fixture anime (the same data the e2e spec uses), a clean cache."""

import pytest
from django.core.cache import cache

from integrations.streams.management.commands.seed_playback_fixture import seed

FIXTURE_BASE = "http://127.0.0.1:9"


def clear_resolutions():
    # On Redis only our keys go: other tests (and developers) share the database.
    if hasattr(cache, "delete_pattern"):
        cache.delete_pattern("streams:*")
    else:
        cache.clear()


@pytest.fixture(autouse=True)
def clean_cache():
    clear_resolutions()
    yield
    clear_resolutions()


@pytest.fixture
def fixture_anime(db):
    return seed(FIXTURE_BASE)
