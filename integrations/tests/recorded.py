"""Recorded provider responses (written from each API's documentation, with real field names)
and helpers to serve them through respx to the real clients."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from integrations.ratelimit import FakeClock, LocalRateLimiter

FIXTURES = Path(__file__).parent / "fixtures"


def load(name: str) -> dict:
    """``load("jikan/anime_52991_full")`` → the decoded JSON."""
    return json.loads((FIXTURES / f"{name}.json").read_text())


def ok(name: str, **headers) -> httpx.Response:
    return httpx.Response(200, json=load(name), headers=headers)


def fake_time():
    """A fake clock and a fresh in-process limiter on it: no test really sleeps."""
    clock = FakeClock()
    return clock, LocalRateLimiter(clock=clock)
