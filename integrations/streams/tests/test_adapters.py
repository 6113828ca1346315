"""Provider adapters against recorded iframe pages (respx replaces only the network)."""

from pathlib import Path

import httpx
import pytest
import respx

from integrations.streams.adapters import SourceSpec, adapter_for

PAGES = Path(__file__).parent / "pages"


def recorded(name: str) -> httpx.Response:
    return httpx.Response(200, text=(PAGES / name).read_text(encoding="utf-8"))


def iframe_source(provider: str, url: str, episode: int = 1, teams=()) -> SourceSpec:
    return SourceSpec(
        id=1, provider=provider, kind="iframe", url=url, episode_number=episode, team_names=teams
    )


@respx.mock
def test_ashdi_single_file_becomes_hls_with_subtitles():
    url = "https://ashdi.vip/vod/51234"
    respx.get(url).mock(return_value=recorded("ashdi_single.html"))
    result = adapter_for("ashdi").resolve(iframe_source("ashdi", url))
    assert result.kind == "hls"
    assert result.url.startswith("https://ashdi.vip/video21/") and result.url.endswith(".m3u8")
    assert result.iframe_url == url
    assert [(s["lang"], s["label"]) for s in result.subtitles] == [
        ("uk", "Українська"),
        ("en", "English"),
    ]


@respx.mock
def test_ashdi_playlist_returns_only_this_episode_of_this_team():
    url = "https://ashdi.vip/serial/777"
    respx.get(url).mock(return_value=recorded("ashdi_playlist.html"))
    spec = iframe_source("ashdi", url, episode=2, teams=("Amanogawa", "amanogawa"))
    result = adapter_for("ashdi").resolve(spec)
    assert result.kind == "hls"
    assert result.url == "https://ashdi.vip/video20/s1e2_amanogawa/hls/index.m3u8"
    assert result.subtitles[0]["url"] == "https://ashdi.vip/video20/s1e2_amanogawa/uk.vtt"


@respx.mock
def test_ashdi_playlist_without_our_team_falls_back_to_the_iframe():
    url = "https://ashdi.vip/serial/777"
    respx.get(url).mock(return_value=recorded("ashdi_playlist.html"))
    result = adapter_for("ashdi").resolve(iframe_source("ashdi", url, 1, ("Cikava Ideya",)))
    assert (result.kind, result.iframe_url, result.url) == ("iframe", url, "")


@respx.mock
def test_tortuga_playlist_of_quality_lists():
    url = "https://tortuga.wtf/vod/9001"
    respx.get(url).mock(return_value=recorded("tortuga_playlist.html"))
    result = adapter_for("tortuga").resolve(iframe_source("tortuga", url, episode=2))
    assert result.kind == "hls" and result.url == ""
    assert [(q["label"], q["height"]) for q in result.qualities] == [("1080p", 1080), ("720p", 720)]
    assert result.qualities[0]["url"] == "https://cdn2.tortuga.wtf/hls/jjk/02/1080/index.m3u8"


@respx.mock
def test_moonanime_quality_list_sorted_best_first():
    url = "https://moonanime.art/iframe/abc"
    respx.get(url).mock(return_value=recorded("moonanime_qualities.html"))
    result = adapter_for("moonanime").resolve(iframe_source("moonanime", url))
    assert [q["height"] for q in result.qualities] == [1080, 720, 480]


@respx.mock
def test_stream_on_a_host_outside_the_allowlist_is_never_returned():
    url = "https://moonanime.art/iframe/evil"
    respx.get(url).mock(return_value=recorded("moonanime_foreign_host.html"))
    result = adapter_for("moonanime").resolve(iframe_source("moonanime", url))
    assert result.kind == "iframe"
    assert "example-mirror" not in repr(result.as_dict())


@respx.mock
def test_csst_extra_stream_host_and_mp4_files():
    url = "https://csst.online/embed/4411"
    respx.get(url).mock(return_value=recorded("csst_files.html"))
    result = adapter_for("csst").resolve(iframe_source("csst", url))
    assert result.kind == "file"
    assert [q["url"].rsplit("/", 1)[1] for q in result.qualities] == ["720.mp4", "480.mp4"]


@respx.mock
@pytest.mark.parametrize(
    ("provider", "url", "page"),
    [
        ("ashdi", "https://ashdi.vip/vod/1", "obfuscated.html"),
        ("iframe", "https://www.youtube.com/embed/xyz", "no_player.html"),
    ],
)
def test_page_we_cannot_parse_gives_the_iframe(provider, url, page):
    respx.get(url).mock(return_value=recorded(page))
    result = adapter_for(provider).resolve(iframe_source(provider, url))
    assert (result.kind, result.iframe_url) == ("iframe", url)


@respx.mock
def test_provider_timeout_gives_the_iframe():
    url = "https://tortuga.wtf/vod/1"
    respx.get(url).mock(side_effect=httpx.ReadTimeout("slow"))
    result = adapter_for("tortuga").resolve(iframe_source("tortuga", url))
    assert (result.kind, result.iframe_url) == ("iframe", url)


@respx.mock
@pytest.mark.parametrize("status", [502, 404])
def test_provider_error_is_unavailable_with_a_ukrainian_message(status):
    url = "https://ashdi.vip/vod/2"
    respx.get(url).mock(return_value=httpx.Response(status))
    result = adapter_for("ashdi").resolve(iframe_source("ashdi", url))
    assert result.kind == "unavailable"
    assert "провайдер" in result.message.lower()


def test_direct_master_playlist_is_returned_without_fetching():
    spec = SourceSpec(id=1, provider="direct", kind="hls", url="https://127.0.0.1:9/m.m3u8")
    with respx.mock(assert_all_called=False) as router:
        result = adapter_for("direct").resolve(spec)
        assert not router.calls
    assert (result.kind, result.url) == ("hls", "https://127.0.0.1:9/m.m3u8")


def test_direct_per_quality_playlists():
    spec = SourceSpec(
        id=1,
        provider="direct",
        kind="hls_variants",
        url="",
        variants={"480": "http://127.0.0.1/480.m3u8", "1080": "http://127.0.0.1/1080.m3u8"},
        subtitles=({"lang": "uk", "url": "http://127.0.0.1/uk.vtt"},),
    )
    result = adapter_for("direct").resolve(spec)
    assert [(q["label"], q["height"]) for q in result.qualities] == [("1080p", 1080), ("480p", 480)]
    assert result.subtitles == [
        {"lang": "uk", "label": "Українська", "url": "http://127.0.0.1/uk.vtt"}
    ]


def test_direct_source_on_a_foreign_host_is_unavailable():
    spec = SourceSpec(id=1, provider="direct", kind="hls", url="https://evil.example/m.m3u8")
    result = adapter_for("direct").resolve(spec)
    assert result.kind == "unavailable" and result.url == ""
