"""`GET /api/v2/pages/<id>/children/`: a title's episodes or chapters, or the dub teams, in one
request and a number of queries that does not grow with the list."""

import pytest

from cms.anime.models import VideoSource

HLS = "https://test-streams.mux.dev/x36xhzz/x36xhzz.m3u8"


def url(page_id) -> str:
    return f"/api/v2/pages/{page_id}/children/"


def uk_source(team, **fields) -> dict:
    return {
        "dub_team": team,
        "language": "uk",
        "kind": "hls",
        "provider": "direct",
        "url": HLS,
        **fields,
    }


@pytest.mark.django_db
def test_episodes_in_order_with_their_active_sources(client, make_anime, make_team, make_episode):
    team = make_team("leleka", "Лелека Даб")
    aot = make_anime("aot", title="Атака титанів")
    make_episode(aot, 2, sources=[uk_source(team), uk_source(team, is_active=False)])
    make_episode(aot, 1, title="Падіння Шиганшини", air_date="2013-04-07", duration=1440)
    hidden = make_episode(aot, 3)
    hidden.unpublish()

    body = client.get(url(aot.id)).json()

    assert body["parent"] == {
        "id": aot.id,
        "type": "anime.AnimePage",
        "title": "Атака титанів",
        "url": "/anime/aot/",
    }
    assert body["chapters"] == [] and body["teams"] == []
    first, second = body["episodes"]
    assert first == {
        "id": first["id"],
        "number": 1,
        "title": "Падіння Шиганшини",
        "url": "/anime/aot/1/",
        "air_date": "2013-04-07",
        "duration": 1440,
        "sources": [],
    }
    assert [(s["dub_team"]["slug"], s["language"]) for s in second["sources"]] == [("leleka", "uk")]
    assert second["sources"][0]["dub_team"]["url"] == "/dub-teams/leleka/"


@pytest.mark.django_db
def test_chapters_with_their_translator(client, make_manga, make_team, make_chapter):
    team = make_team("fanlate", "Фанлейт")
    manga = make_manga("one-piece", title="Ван Піс")
    make_chapter(manga, "10.5", translator=team, volume=2, mangadex_chapter_id="a")
    make_chapter(manga, 1, translator_name="Сканлейт-група", mangadex_chapter_id="b")

    body = client.get(url(manga.id)).json()

    assert body["parent"]["type"] == "manga.MangaPage"
    assert body["episodes"] == [] and body["teams"] == []
    first, second = body["chapters"]
    assert (first["number"], first["volume"], first["translator"]) == (
        "1.00",
        None,
        "Сканлейт-група",
    )
    assert first["url"] == "/manga/one-piece/1/"
    assert (second["number"], second["volume"], second["language"]) == ("10.50", 2, "uk")
    assert second["translator"]["slug"] == "fanlate"
    assert second["url"] == "/manga/one-piece/10-5/"


@pytest.mark.django_db
def test_teams_with_their_live_title_count(client, team_index, make_team, make_anime, make_episode):
    leleka = make_team("leleka", "Лелека Даб")
    make_team("bambooua", "Бамбук")
    titles = [make_anime(slug) for slug in ("aot", "fmab", "gone")]
    for title in titles:
        make_episode(title, 1, sources=[uk_source(leleka)])
    titles[2].unpublish()

    body = client.get(url(team_index.id)).json()

    assert body["parent"]["type"] == "dubbing.DubTeamIndexPage"
    assert [(t["slug"], t["title_count"], t["url"]) for t in body["teams"]] == [
        ("bambooua", 0, "/dub-teams/bambooua/"),
        ("leleka", 2, "/dub-teams/leleka/"),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("children", [2, 30])
def test_query_count_does_not_grow_with_the_list(
    client, django_assert_num_queries, make_anime, make_team, make_episode, children
):
    teams = [make_team(f"team-{n}") for n in range(3)]
    anime = make_anime("long")
    for number in range(1, children + 1):
        make_episode(anime, number, sources=[uk_source(teams[number % 3])])
    assert VideoSource.objects.count() == children

    # parent, view restrictions, episodes, their sources (with teams), the teams' renditions
    with django_assert_num_queries(5):
        body = client.get(url(anime.id)).json()

    assert len(body["episodes"]) == children


@pytest.mark.django_db
def test_second_read_comes_from_the_cache(client, django_assert_num_queries, make_anime):
    anime = make_anime("cached")
    client.get(url(anime.id))
    with django_assert_num_queries(0):
        assert client.get(url(anime.id), {"x": "1"}).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("target", ["episode", "home", "unpublished", "missing", "huge"])
def test_no_list_is_a_404_with_our_body(client, home, make_anime, make_episode, target):
    anime = make_anime("aot")
    episode = make_episode(anime, 1)
    hidden = make_anime("hidden")
    hidden.unpublish()
    page_id = {
        "episode": episode.id,
        "home": home.id,
        "unpublished": hidden.id,
        "missing": 999_999,
        "huge": 2**40,
    }[target]

    response = client.get(url(page_id))

    assert response.status_code == 404
    assert response.json()["detail"].startswith("Сторінку не знайдено")


@pytest.mark.django_db
def test_a_non_numeric_id_is_a_json_404(client, home):
    response = client.get("/api/v2/pages/abc/children/")
    assert response.status_code == 404
    assert "detail" in response.json()
