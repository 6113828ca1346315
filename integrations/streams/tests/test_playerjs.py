"""PlayerJS page parsing and playlist selection (pure text, no network)."""

from pathlib import Path

import pytest

from integrations.streams import playerjs

PAGES = Path(__file__).parent / "pages"


def page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def test_single_file_and_subtitles():
    config = playerjs.parse_player_page(page("ashdi_single.html"))
    assert config.file.endswith("/hls/AKiZmpSRkMqGl3e=/index.m3u8")
    tracks = playerjs.parse_labelled_list(config.subtitle, "https://ashdi.vip/vod/1")
    assert [(t.label, t.url.split("/")[-1]) for t in tracks] == [
        ("Українська", "uk.vtt"),
        ("English", "en.vtt"),
    ]
    assert tracks[1].url.startswith("https://ashdi.vip/")  # protocol-relative made absolute


def test_json_playlist_in_a_string_is_flattened_with_folder_titles():
    config = playerjs.parse_player_page(page("ashdi_playlist.html"))
    assert len(config.playlist) == 4
    assert config.playlist[3].titles == ("Сезон 1", "Серія 2", "Amanogawa")
    assert config.playlist[3].subtitle.startswith("[Українська]")


def test_raw_json_array_with_escaped_slashes():
    config = playerjs.parse_player_page(page("tortuga_playlist.html"))
    assert [item.titles for item in config.playlist] == [("1 серія",), ("2 серія",)]
    assert config.playlist[0].file.startswith("[1080p]https://cdn2.tortuga.wtf/hls/jjk/01/")


def test_quality_list_keeps_the_first_of_alternatives():
    config = playerjs.parse_player_page(page("moonanime_qualities.html"))
    qualities = playerjs.parse_labelled_list(config.file)
    assert [(q.label, q.height) for q in qualities] == [
        ("480p", 480),
        ("720p", 720),
        ("1080p", 1080),
    ]
    assert qualities[1].url == "https://s3.moonanime.art/v/8f2a/720.m3u8"


@pytest.mark.parametrize("name", ["obfuscated.html", "no_player.html"])
def test_unreadable_pages_raise(name):
    with pytest.raises(playerjs.PlayerConfigNotFound):
        playerjs.parse_player_page(page(name))


def test_key_inside_another_name_is_not_taken_for_file():
    with pytest.raises(playerjs.PlayerConfigNotFound):
        playerjs.parse_player_page('<script>new Playerjs({"profile":"x.m3u8"})</script>')


@pytest.mark.parametrize(
    ("title", "number"),
    [("Серія 5", 5), ("5 серія", 5), ("Episode 12", 12), ("12-а серія", 12), ("Сезон 1", None)],
)
def test_episode_number_of(title, number):
    assert playerjs.episode_number_of(title) == number


def _item(*titles):
    return playerjs.PlaylistItem(titles, f"https://x/{'/'.join(titles)}.m3u8")


def test_select_matches_episode_and_team():
    playlist = [
        _item("Серія 1", "FanVoxUA"),
        _item("Серія 1", "Amanogawa"),
        _item("Серія 2", "FanVoxUA"),
        _item("Серія 2", "Amanogawa"),
    ]
    chosen = playerjs.select_playlist_item(playlist, 2, ["Amanogawa"])
    assert chosen.titles == ("Серія 2", "Amanogawa")
    # The team name matches however the provider spaces or cases it.
    chosen = playerjs.select_playlist_item(playlist, 1, ["Fan Vox UA"])
    assert chosen.titles == ("Серія 1", "FanVoxUA")


def test_select_refuses_another_teams_dub_or_a_missing_episode():
    playlist = [_item("Серія 1", "FanVoxUA"), _item("Серія 1", "Amanogawa")]
    assert playerjs.select_playlist_item(playlist, 1, ["Cikava Ideya"]) is None
    assert playerjs.select_playlist_item(playlist, 3, ["FanVoxUA"]) is None


def test_select_lone_candidate_and_original_audio():
    single_voice = [_item("Серія 1"), _item("Серія 2")]
    assert playerjs.select_playlist_item(single_voice, 2, ["FanVoxUA"]).titles == ("Серія 2",)
    voices = [_item("Серія 1", "FanVoxUA"), _item("Серія 1", "Оригінал")]
    assert playerjs.select_playlist_item(voices, 1, []).titles == ("Серія 1", "Оригінал")
    film = [_item("Фільм")]
    assert playerjs.select_playlist_item(film, 1, []).titles == ("Фільм",)
