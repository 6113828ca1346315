"""The at-home client against recorded MangaDex answers served on a loopback port (through the
guarded client): pages of both qualities, 404, 429 with Retry-After, our own limit, timeouts and
answers we refuse to hand to a browser."""

import json

import pytest

from integrations.providers.mangadex.athome import (
    LIMIT_KEY,
    AtHomeBusy,
    AtHomeDown,
    ChapterGone,
    fetch_at_home,
)
from integrations.ratelimit import FakeClock, LocalRateLimiter
from integrations.tests.recorded import load
from outbound.tests.server import text

from .conftest import CHAPTER_ID, recorded

PATH = f"/at-home/server/{CHAPTER_ID}"
BASE = "https://cmdxd98sb0x3yprd.mangadex.network"
HASH = "3303dd03ac8d27452cce3f2a882e94b2"


def at_home_with(**changes):
    body = load("mangadex/at_home_chapter_1")
    body.update(changes)
    return text(json.dumps(body), content_type="application/json")


def test_pages_of_both_qualities(mangadex):
    server = mangadex({PATH: recorded("mangadex/at_home_chapter_1")})
    at_home = fetch_at_home(CHAPTER_ID, timeout=2)
    full, saver = at_home.page_urls(), at_home.page_urls(data_saver=True)
    assert len(full) == len(saver) == 3
    first = load("mangadex/at_home_chapter_1")["chapter"]["data"][0]
    assert full[0] == f"{BASE}/data/{HASH}/{first}"
    assert saver[2].startswith(f"{BASE}/data-saver/{HASH}/3-") and saver[2].endswith(".jpg")
    assert server.hits == [PATH]


def test_not_found_is_gone(mangadex):
    mangadex({PATH: recorded("mangadex/at_home_not_found", status=404)})
    with pytest.raises(ChapterGone):
        fetch_at_home(CHAPTER_ID, timeout=2)


def test_429_pauses_every_at_home_request_for_retry_after(mangadex):
    server = mangadex(
        {PATH: recorded("mangadex/at_home_rate_limited", status=429, headers={"Retry-After": "30"})}
    )
    clock = FakeClock()
    limiter = LocalRateLimiter(clock=clock)
    with pytest.raises(AtHomeBusy) as first:
        fetch_at_home(CHAPTER_ID, timeout=2, limiter=limiter)
    assert first.value.retry_after == 30
    with pytest.raises(AtHomeBusy):  # refused at once, MangaDex is not asked again
        fetch_at_home("another-chapter", timeout=2, limiter=limiter)
    assert server.hits == [PATH]
    clock.sleep(31)
    with pytest.raises(AtHomeBusy):  # asked again after the pause (still 429 here)
        fetch_at_home(CHAPTER_ID, timeout=2, limiter=limiter)
    assert server.hits == [PATH, PATH]


def test_our_limit_of_40_a_minute_is_never_slept_on(mangadex):
    server = mangadex({PATH: recorded("mangadex/at_home_chapter_1")})
    clock = FakeClock()
    limiter = LocalRateLimiter(clock=clock)
    for _ in range(40):
        fetch_at_home(CHAPTER_ID, timeout=2, limiter=limiter)
        clock.sleep(0.3)  # under 5 a second
    with pytest.raises(AtHomeBusy) as busy:
        fetch_at_home(CHAPTER_ID, timeout=2, limiter=limiter)
    assert 0 < busy.value.retry_after <= 61 and clock.sleeps == [0.3] * 40
    assert len(server.hits) == 40
    assert limiter.try_acquire(LIMIT_KEY) > 0


def test_a_slow_answer_is_down_within_the_deadline(mangadex):
    mangadex({PATH: recorded("mangadex/at_home_chapter_1", delay=2)})
    with pytest.raises(AtHomeDown):
        fetch_at_home(CHAPTER_ID, timeout=0.5)


@pytest.mark.parametrize(
    "changes",
    [
        {"baseUrl": "http://169.254.169.254"},  # off READER_IMAGE_HOSTS
        {"baseUrl": "https://evil.example\\@s1.mangadex.network"},  # read differently by browsers
        {"chapter": {"hash": "..", "data": ["1.png"], "dataSaver": []}},
        {"chapter": {"hash": "h", "data": ["../../admin/x"], "dataSaver": []}},
        {"chapter": {"hash": "h", "data": "1.png"}},
        {"result": "error"},
    ],
)
def test_answers_we_will_not_hand_to_a_browser(mangadex, changes):
    mangadex({PATH: at_home_with(**changes)})
    with pytest.raises(AtHomeDown):
        fetch_at_home(CHAPTER_ID, timeout=2)


def test_a_chapter_without_pages_is_gone_and_odd_ids_are_never_asked(mangadex):
    server = mangadex({PATH: at_home_with(chapter={"hash": "h", "data": [], "dataSaver": []})})
    with pytest.raises(ChapterGone):
        fetch_at_home(CHAPTER_ID, timeout=2)
    for odd in ("../manga/x", "x?y=1", "", "a" * 65):
        with pytest.raises(ChapterGone):
            fetch_at_home(odd, timeout=2)
    assert server.hits == [PATH]


def test_a_5xx_and_an_html_error_page_are_down(mangadex):
    mangadex({PATH: text("<h1>Bad gateway</h1>", status=502)})
    with pytest.raises(AtHomeDown):
        fetch_at_home(CHAPTER_ID, timeout=2)
    mangadex({PATH: text("<h1>Maintenance</h1>")})
    with pytest.raises(AtHomeDown):
        fetch_at_home(CHAPTER_ID, timeout=2)
