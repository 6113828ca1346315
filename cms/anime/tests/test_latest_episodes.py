"""`GET /api/v2/episodes/latest/`: the newest episodes with their title and dub teams."""

import pytest

URL = "/api/v2/episodes/latest/"
HLS = "https://test-streams.mux.dev/x36xhzz/x36xhzz.m3u8"


@pytest.mark.django_db
def test_latest_episodes_newest_first_with_title_and_teams(
    client, make_anime, make_team, make_episode
):
    team = make_team("leleka", "Лелека Даб")
    aot = make_anime("aot", title="Атака титанів", poster_url="https://cdn.example/aot.jpg")
    hidden = make_anime("hidden")
    make_episode(
        aot,
        1,
        sources=[
            {"dub_team": team, "language": "uk", "kind": "hls", "provider": "direct", "url": HLS}
        ],
    )
    make_episode(hidden, 1)
    make_episode(
        aot,
        2,
        sources=[
            {
                "dub_team": team,
                "language": "uk",
                "kind": "hls",
                "provider": "direct",
                "url": HLS,
                "is_active": False,
            }
        ],
    )
    hidden.unpublish()

    items = client.get(URL, {"limit": 5}).json()["items"]

    assert [(item["title_page"]["url"], item["number"]) for item in items] == [
        ("/anime/aot/", 2),
        ("/anime/aot/", 1),
    ]
    assert items[1]["url"] == "/anime/aot/1/"
    assert items[1]["title_page"]["poster_url"] == "https://cdn.example/aot.jpg"
    assert [t["slug"] for t in items[1]["dub_teams"]] == ["leleka"]
    assert items[0]["dub_teams"] == []  # its only source is inactive


@pytest.mark.django_db
@pytest.mark.parametrize("limit", ["0", "-1", "abc", "1000"])
def test_bad_limit_is_400(client, home, limit):
    response = client.get(URL, {"limit": limit})
    assert response.status_code == 400
    assert response.json()["parameter"] == "limit"
