"""Shared fixtures: the seeded fixture anime (the same data the e2e spec uses), a clean cache."""

import pytest
from django.core.cache import cache

from integrations.streams.management.commands.seed_playback_fixture import seed

FIXTURE_BASE = "http://127.0.0.1:9"


def clear_resolutions():
    cache.clear()


@pytest.fixture(autouse=True)
def clean_cache(settings):
    """A private in-memory cache and database sessions for every test here.

    Redis is shared with every other test run on the machine (a FLUSHDB elsewhere would drop
    our cached resolutions and sessions mid-test); the caching logic does not depend on the
    backend, so these tests do not need Redis.
    """
    settings.CACHES = {
        **settings.CACHES,  # the others (machina's attachment cache) as configured
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "streams-tests",
        },
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"
    clear_resolutions()
    yield
    clear_resolutions()


@pytest.fixture
def fixture_anime(db):
    return seed(FIXTURE_BASE)
