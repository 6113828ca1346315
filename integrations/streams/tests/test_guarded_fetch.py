"""The resolver and the periodic check fetch through ``outbound.http``: real local servers
stand in for a hostile provider (redirects inward, endless pages, drip-feeding)."""

import threading
import time

import pytest
import respx
from django.test import override_settings

from cms.anime.models import VideoSource
from integrations.streams import playerjs
from integrations.streams.adapters import (
    MESSAGE_HOST_NOT_ALLOWED,
    Resolution,
    SourceSpec,
    adapter_for,
    only_allowed_urls,
)
from integrations.streams.health import check_sources
from integrations.streams.services import resolve_cached, resolve_sources
from outbound.tests.server import drip, redirect, serve, sized, text

PLAYER = '<script>new Playerjs({id:"p", file:"[720p]/hls/720.m3u8,[480p]/hls/480.m3u8"})</script>'


@pytest.fixture(autouse=True)
def fake_provider(settings):
    """``player`` (a PlayerJS provider) lives on localhost; 127.0.0.1 is not on its list."""
    settings.STREAM_PROVIDER_HOSTS = {**settings.STREAM_PROVIDER_HOSTS, "player": ["localhost"]}
    settings.STREAM_PROVIDER_TIMEOUT = 1.0


def spec(url: str, source_id: int = 1) -> SourceSpec:
    return SourceSpec(id=source_id, provider="player", kind="iframe", url=url)


def test_a_provider_page_on_an_allowed_host_is_read():
    with serve({"/embed": text(PLAYER)}) as server:
        result = adapter_for("player").resolve(spec(server.url("/embed", host="localhost")))
    assert result.kind == "hls"
    assert [q["url"] for q in result.qualities] == [
        server.url("/hls/720.m3u8", host="localhost"),
        server.url("/hls/480.m3u8", host="localhost"),
    ]


def test_a_redirect_inward_is_not_followed():
    with serve({"/admin": text('new Playerjs({file:"http://localhost/x.m3u8"})')}) as internal:
        with serve({"/embed": redirect(internal.url("/admin"))}) as provider:
            url = provider.url("/embed", host="localhost")
            result = adapter_for("player").resolve(spec(url))
    assert internal.hits == []
    assert (result.kind, result.iframe_url, result.url) == ("iframe", url, "")


def test_a_backslash_url_is_never_fetched_nor_returned():
    url = "http://evil.example\\@localhost/embed"
    with respx.mock(assert_all_called=False) as router:
        result = adapter_for("player").resolve(spec(url))
        assert not router.calls
    assert (result.kind, result.iframe_url) == ("unavailable", "")


def test_every_returned_url_passes_the_rules():
    good = "http://localhost/a.m3u8"
    answer = Resolution(
        "hls",
        qualities=[{"label": "720p", "height": 720, "url": good}],
        subtitles=[
            {"lang": "uk", "label": "uk", "url": "http://localhost/uk.vtt"},
            {"lang": "en", "label": "en", "url": "http://localhost\\@evil.example/en.vtt"},
        ],
        iframe_url="http://localhost/embed",
    )
    checked = only_allowed_urls(answer, "player")
    assert [t["lang"] for t in checked.subtitles] == ["uk"]
    for field in ("url", "iframe_url"):
        bad = Resolution("hls", **{field: "http://user@localhost/x.m3u8"})
        assert only_allowed_urls(bad, "player").message == MESSAGE_HOST_NOT_ALLOWED
    bad_quality = Resolution("hls", qualities=[{"label": "", "height": None, "url": "ftp://x"}])
    assert only_allowed_urls(bad_quality, "player").kind == "unavailable"


@pytest.mark.parametrize("handler", [sized(3 * 1024 * 1024), drip(total_seconds=10)])
def test_an_endless_or_dripping_page_costs_at_most_the_timeout(handler):
    with serve({"/embed": handler}) as server:
        url = server.url("/embed", host="localhost")
        started = time.monotonic()
        result = adapter_for("player").resolve(spec(url))
        # The drip lasts 10 s; the cap is 2 s. The margin absorbs a loaded CI machine.
        assert time.monotonic() - started < 8.0
    assert (result.kind, result.iframe_url) == ("iframe", url)


def test_the_playerjs_reader_gives_up_on_a_page_built_to_be_slow():
    pages = [
        "file:[" * 300_000,  # every candidate unbalanced: was quadratic
        "new Playerjs({" + '"[' * 500_000,
        'file:"' + "\\" * 1_000_000,
        "file:" + "[" * 50_000 + "]" * 50_000,
    ]
    for page in pages:
        started = time.monotonic()
        with pytest.raises(playerjs.PlayerConfigNotFound):
            playerjs.parse_player_page(page)
        # Linear: well under a second here; quadratic took hours. The wide bound only tells the
        # two apart, so a loaded machine cannot fail it.
        assert time.monotonic() - started < 30.0


def test_deep_playlists_are_cut_short():
    nested = {"title": "Серія 1", "file": "https://localhost/1.m3u8"}
    for _ in range(50):
        nested = {"title": "папка", "folder": [nested]}
    flat = [{"title": f"Серія {n}", "file": f"https://localhost/{n}.m3u8"} for n in range(9000)]
    assert playerjs._flatten_playlist([nested]) == []
    assert len(playerjs._flatten_playlist(flat)) == playerjs.MAX_PLAYLIST_ITEMS


def slow_page(seconds: float, in_flight: list | None = None):
    """The player page after ``seconds``; ``in_flight`` records how many were served at once."""
    lock, busy = threading.Lock(), [0]

    def handle(request):
        with lock:
            busy[0] += 1
            if in_flight is not None:
                in_flight.append(busy[0])
        time.sleep(seconds)
        with lock:
            busy[0] -= 1
        text(PLAYER)(request)

    return handle


def test_one_request_per_source_fetches_the_others_wait_for_its_answer():
    with serve({"/embed": slow_page(0.4)}) as server:
        source = spec(server.url("/embed", host="localhost"), source_id=99)
        results = []
        threads = [
            threading.Thread(target=lambda: results.append(resolve_cached(source)))
            for _ in range(4)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert server.hits == ["/embed"]
    assert [r.kind for r in results] == ["hls"] * 4


def test_without_a_cache_each_process_still_fetches_one_at_a_time(monkeypatch):
    from django.core.cache import cache

    def down(*args, **kwargs):
        raise ConnectionError("redis down")

    for method in ("get", "set", "add", "delete"):  # on the class: every thread's instance
        monkeypatch.setattr(type(cache._connections[cache._alias]), method, down)
    in_flight: list[int] = []
    with serve({"/embed": slow_page(0.2, in_flight)}) as server:
        source = spec(server.url("/embed", host="localhost"), source_id=98)
        results = resolve_sources([source] * 3)
    assert [r.kind for r in results] == ["hls"] * 3
    assert len(server.hits) == 3 and max(in_flight) == 1  # nothing shared, but one at a time


@pytest.mark.django_db
@override_settings(STREAM_ALLOW_PRIVATE_NETWORKS=False)
def test_the_periodic_check_never_fetches_off_the_allowlist_nor_inward(fixture_anime):
    with serve({"/dub-a/master.m3u8": text("#EXTM3U\n")}) as internal:
        dub_a = VideoSource.objects.get(url__endswith="/dub-a/master.m3u8")
        VideoSource.objects.filter(pk=dub_a.pk).update(url=internal.url("/dub-a/master.m3u8"))
        off_list = VideoSource.objects.exclude(pk=dub_a.pk).filter(kind="hls").get()
        VideoSource.objects.filter(pk=off_list.pk).update(url="https://evil.example/m.m3u8")
        with respx.mock(assert_all_called=False) as router:
            router.route(host="127.0.0.1").pass_through()
            check_sources([dub_a.pk, off_list.pk])
            assert all(call.request.url.host == "127.0.0.1" for call in router.calls)
    assert internal.hits == []
    dub_a.refresh_from_db()
    off_list.refresh_from_db()
    assert dub_a.last_status.startswith("refused: 127.0.0.1 resolves to a non-public address")
    assert (off_list.last_status, off_list.consecutive_failures) == ("host not allowed", 1)
