"""The real provider clients against recorded responses served by respx: rate limits, 429 with
Retry-After, 5xx, timeouts, malformed bodies and final 4xx, all on a fake clock."""

import json

import httpx
import pytest
import respx

from integrations.providers.http import FinalError, NotFound, RetryableError
from integrations.providers.registry import get_provider
from integrations.ratelimit import MINUTE, Rule
from integrations.tests.recorded import fake_time, load, ok

JIKAN = "https://jikan.test/v4"
ANILIST = "https://anilist.test"
KITSU = "https://kitsu.test/api/edge"
MANGADEX = "https://mangadex.test"
HIKKA = "https://hikka.test"


def provider(source, base_url):
    clock, limiter = fake_time()
    return get_provider(source, base_url=base_url, limiter=limiter, clock=clock), clock


@respx.mock
def test_jikan_fetch_sends_user_agent_and_maps():
    route = respx.get(f"{JIKAN}/anime/52991/full").mock(return_value=ok("jikan/anime_52991_full"))
    jikan, _ = provider("jikan", JIKAN)
    fetched = jikan.fetch("anime", "52991")
    assert fetched.record.title_en == "Frieren: Beyond Journey's End"
    assert fetched.payload["mal_id"] == 52991
    user_agent = route.calls.last.request.headers["User-Agent"]
    assert user_agent.startswith("AniHata/") and "python-httpx" not in user_agent


@respx.mock
def test_429_waits_for_retry_after_then_succeeds():
    route = respx.get(f"{JIKAN}/anime/52991/full").mock(
        side_effect=[
            httpx.Response(429, headers={"Retry-After": "7"}, json={"status": 429}),
            ok("jikan/anime_52991_full"),
        ]
    )
    jikan, clock = provider("jikan", JIKAN)
    start = clock.now()
    assert jikan.fetch("anime", 52991).record.external_id == "52991"
    assert route.call_count == 2
    assert clock.now() - start >= 7  # the whole key was blocked for Retry-After


@respx.mock
def test_5xx_and_timeout_retry_with_backoff():
    respx.get(f"{JIKAN}/anime/52991/full").mock(
        side_effect=[
            httpx.Response(500, text="Internal Server Error"),
            httpx.ReadTimeout("read timed out"),
            ok("jikan/anime_52991_full"),
        ]
    )
    jikan, clock = provider("jikan", JIKAN)
    jikan.fetch("anime", 52991)
    backoffs = [s for s in clock.sleeps if s >= 1]
    assert backoffs[:2] == [1.0, 2.0]


@respx.mock
def test_malformed_body_is_retried_then_reported_as_retryable():
    route = respx.get(f"{JIKAN}/anime/1/full").mock(
        return_value=httpx.Response(200, text="<html>Bad gateway</html>")
    )
    jikan, _ = provider("jikan", JIKAN)
    with pytest.raises(RetryableError, match="malformed"):
        jikan.fetch("anime", 1)
    assert route.call_count == jikan.client.max_attempts


@respx.mock
def test_other_4xx_are_final_without_retry():
    missing = respx.get(f"{JIKAN}/anime/404/full").mock(return_value=httpx.Response(404, json={}))
    bad = respx.get(f"{JIKAN}/anime/400/full").mock(return_value=httpx.Response(400, json={}))
    jikan, _ = provider("jikan", JIKAN)
    with pytest.raises(NotFound):
        jikan.fetch("anime", 404)
    with pytest.raises(FinalError):
        jikan.fetch("anime", 400)
    assert missing.call_count == 1 and bad.call_count == 1


@respx.mock
def test_jikan_limits_are_never_exceeded():
    respx.get(f"{JIKAN}/anime/52991/full").mock(return_value=ok("jikan/anime_52991_full"))
    jikan, clock = provider("jikan", JIKAN)
    sent = []
    for _ in range(130):
        jikan.fetch("anime", 52991)
        sent.append(clock.now())
    for i in range(len(sent)):
        assert sum(1 for t in sent[i:] if t - sent[i] < 1) <= 3
        assert sum(1 for t in sent[i:] if t - sent[i] < 60) <= 60
    # ...and not needlessly slow: the 121st request goes as soon as the minute window allows,
    # the last ten at 3/s after it.
    assert sent[120] - sent[0] == pytest.approx(2 * MINUTE, abs=0.01)
    assert sent[-1] - sent[120] < 4


@respx.mock
def test_jikan_season_pages():
    respx.get(f"{JIKAN}/seasons/2024/spring", params={"page": "1"}).mock(
        return_value=ok("jikan/season_2024_spring_p1")
    )
    respx.get(f"{JIKAN}/seasons/2024/spring", params={"page": "2"}).mock(
        return_value=ok("jikan/season_2024_spring_p2")
    )
    jikan, _ = provider("jikan", JIKAN)
    pages = list(jikan.season("anime", 2024, "spring"))
    assert [p.number for p in pages] == [1, 2]
    assert [f.record.external_id for p in pages for f in p.items] == ["54492", "55644", "52991"]
    assert pages[0].items[1].record.genres == ["Adventure"]


@respx.mock
def test_jikan_episodes_follow_pagination():
    respx.get(f"{JIKAN}/anime/52991/episodes", params={"page": "1"}).mock(
        return_value=ok("jikan/episodes_52991_p1")
    )
    respx.get(f"{JIKAN}/anime/52991/episodes", params={"page": "2"}).mock(
        return_value=ok("jikan/episodes_52991_p2")
    )
    jikan, _ = provider("jikan", JIKAN)
    assert [e.number for e in jikan.episodes(52991)] == [1, 2, 3]


@respx.mock
def test_anilist_graphql_and_degraded_limit():
    route = respx.post(ANILIST).mock(
        return_value=ok(
            "anilist/media_154587", **{"X-RateLimit-Limit": "30", "X-RateLimit-Remaining": "29"}
        )
    )
    anilist, _ = provider("anilist", ANILIST)
    record = anilist.fetch("anime", 52991, by_mal=True).record
    assert record.external_id == "154587"
    body = route.calls.last.request.content.decode()
    assert '"idMal":52991' in body and "nextAiringEpisode" in body
    assert anilist.client.limiter.rules["anilist"] == (Rule(30, MINUTE),)


@respx.mock
def test_anilist_not_found_is_final():
    respx.post(ANILIST).mock(return_value=httpx.Response(404, json=load("anilist/not_found")))
    anilist, _ = provider("anilist", ANILIST)
    with pytest.raises(NotFound):
        anilist.fetch("anime", 1)


@respx.mock
def test_anilist_graphql_error_in_200_is_final():
    respx.post(ANILIST).mock(
        return_value=httpx.Response(200, json={"errors": [{"message": "Bad"}], "data": None})
    )
    anilist, _ = provider("anilist", ANILIST)
    with pytest.raises(FinalError, match="Bad"):
        anilist.fetch("anime", 1)


@respx.mock
def test_kitsu_includes_categories_and_mappings():
    route = respx.get(f"{KITSU}/anime/46474").mock(return_value=ok("kitsu/anime_46474"))
    kitsu, _ = provider("kitsu", KITSU)
    record = kitsu.fetch("anime", "46474").record
    assert route.calls.last.request.url.params["include"] == (
        "categories,mappings,animeProductions.producer"
    )
    assert record.external_ids["mal"] == 52991


@respx.mock
def test_kitsu_search_filters_by_text():
    route = respx.get(f"{KITSU}/anime").mock(return_value=ok("kitsu/search_page"))
    kitsu, _ = provider("kitsu", KITSU)
    pages = list(kitsu.search("anime", "frieren"))
    assert route.calls.last.request.url.params["filter[text]"] == "frieren"
    assert len(pages) == 1 and pages[0].items[0].record.genres == ["Adventure"]


@respx.mock
def test_mangadex_manga_and_uk_feed():
    respx.get(f"{MANGADEX}/manga/32d76d19-8a05-4db0-9fc2-e0b0648fe9d0").mock(
        return_value=ok("mangadex/manga_solo")
    )
    feed = respx.get(f"{MANGADEX}/manga/32d76d19-8a05-4db0-9fc2-e0b0648fe9d0/feed").mock(
        return_value=ok("mangadex/feed_solo_uk")
    )
    mangadex, _ = provider("mangadex", MANGADEX)
    assert mangadex.fetch("manga", "32d76d19-8a05-4db0-9fc2-e0b0648fe9d0").record.title_uk
    chapters = list(mangadex.chapters("32d76d19-8a05-4db0-9fc2-e0b0648fe9d0"))
    assert len(chapters) == 3
    assert feed.calls.last.request.url.params.get_list("translatedLanguage[]") == ["uk"]


@respx.mock
def test_mangadex_error_body_is_final():
    respx.get(f"{MANGADEX}/manga/nope").mock(
        return_value=httpx.Response(404, json=load("mangadex/not_found"))
    )
    mangadex, _ = provider("mangadex", MANGADEX)
    with pytest.raises(NotFound):
        mangadex.fetch("manga", "nope")


@respx.mock
def test_mangadex_limit_five_per_second():
    respx.get(f"{MANGADEX}/manga/x").mock(return_value=ok("mangadex/manga_solo"))
    mangadex, clock = provider("mangadex", MANGADEX)
    sent = []
    for _ in range(20):
        mangadex.fetch("manga", "x")
        sent.append(clock.now())
    assert all(sent[i + 5] - sent[i] >= 1 for i in range(len(sent) - 5))


@respx.mock
def test_hikka_by_mal_id_then_details():
    respx.get(f"{HIKKA}/integrations/mal/anime/52991").mock(
        return_value=ok("hikka/mal_anime_52991")
    )
    respx.get(f"{HIKKA}/anime/sousou-no-frieren-7ef3fb").mock(return_value=ok("hikka/anime_sousou"))
    hikka, _ = provider("hikka", HIKKA)
    record = hikka.fetch("anime", 52991).record
    assert record.title_uk == "Фрірен, що проводжає в останню путь"
    assert record.description_uk and record.external_ids["mal"] == 52991


@respx.mock
def test_anilist_season_page_variables():
    route = respx.post(ANILIST).mock(return_value=ok("anilist/season_page"))
    anilist, _ = provider("anilist", ANILIST)
    pages = list(anilist.season("anime", 2023, "fall"))
    variables = json.loads(route.calls.last.request.content)["variables"]
    assert variables["season"] == "FALL" and variables["seasonYear"] == 2023
    assert [f.record.external_ids for p in pages for f in p.items] == [
        {"anilist": 154587, "mal": 52991}
    ]


@respx.mock
def test_jikan_top_stops_after_n_titles():
    route = respx.get(f"{JIKAN}/top/anime").mock(return_value=ok("jikan/season_2024_spring_p1"))
    jikan, _ = provider("jikan", JIKAN)
    items = [f for page in jikan.top("anime", 1) for f in page.items]
    assert [f.record.external_id for f in items] == ["54492"]
    assert route.call_count == 1
