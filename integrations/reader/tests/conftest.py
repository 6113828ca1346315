"""The reader's tests: a private in-memory cache and a fresh rate limiter per test, a local
server standing for MangaDex's API (recorded answers), and a manga with chapters."""

import json

import pytest
from django.core.cache import cache

from integrations import ratelimit
from integrations.tests.recorded import load
from outbound.tests.server import serve

CHAPTER_ID = "a1b2c3d4-0001-4000-8000-000000000001"


@pytest.fixture(autouse=True)
def reader_settings(settings, monkeypatch):
    """Redis is shared with every other test run on the machine: the caching and limiting logic
    does not depend on the backend, so these tests keep both in the process."""
    settings.CACHES = {
        **settings.CACHES,  # the others (machina's attachment cache) as configured
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "reader-tests",
        },
    }
    settings.READER_TIMEOUT = 1.0
    monkeypatch.setattr(ratelimit, "_shared", ratelimit.LocalRateLimiter())
    cache.clear()
    yield settings
    cache.clear()


def recorded(name: str, status: int = 200, headers: dict | None = None, delay: float = 0):
    """A handler answering a recorded MangaDex body (integrations/tests/fixtures)."""
    body = json.dumps(load(name)).encode()

    def handle(request):
        if delay:
            import time

            time.sleep(delay)
        request.send_response(status)
        request.send_header("Content-Type", "application/json")
        request.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            request.send_header(key, value)
        request.end_headers()
        request.wfile.write(body)

    return handle


@pytest.fixture
def mangadex(reader_settings):
    """``mangadex({"/at-home/server/<id>": handler})``: a local MangaDex the settings point at."""
    servers = []

    def start(routes: dict):
        context = serve(routes)
        server = context.__enter__()
        servers.append(context)
        reader_settings.MANGADEX_BASE_URL = server.base
        return server

    yield start
    for context in servers:
        context.__exit__(None, None, None)


@pytest.fixture
def manga(make_manga):
    return make_manga("solo", title="Соло")
