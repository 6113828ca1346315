"""Wagtail's pages API as we serve it: page fields, `find`, caching, query counts, preview,
and 400/404 (never 5xx) for odd input."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

HLS = "https://test-streams.mux.dev/x36xhzz/x36xhzz.m3u8"


@pytest.fixture
def aot(make_anime, make_genre, make_studio, make_team, make_episode):
    team = make_team("leleka", "Лелека Даб")
    anime = make_anime(
        "aot",
        title="Атака титанів",
        genres=[make_genre("action", "Екшн")],
        studios=[make_studio("wit")],
        synonyms=["AoT"],
        year=2013,
    )
    make_episode(
        anime,
        1,
        intro_start=5,
        intro_end=20,
        sources=[
            {"dub_team": team, "language": "uk", "kind": "hls", "provider": "direct", "url": HLS},
            {"language": "ja", "kind": "hls", "provider": "direct", "url": HLS, "is_active": False},
        ],
    )
    return anime


def find(client, path):
    response = client.get("/api/v2/pages/find/", {"html_path": path})
    assert response.status_code == 200, response.content
    return response


@pytest.mark.django_db
class TestPageFields:
    def test_title_detail_by_find(self, client, aot):
        data = find(client, "/anime/aot/").json()
        assert data["meta"]["type"] == "anime.AnimePage"
        assert data["title"] == "Атака титанів"
        assert data["synonyms"] == ["AoT"]
        assert data["genres"] == [
            {"id": data["genres"][0]["id"], "slug": "action", "name": "Екшн", "name_en": "Action"}
        ]
        assert [s["slug"] for s in data["studios"]] == ["wit"]
        assert [t["slug"] for t in data["dub_teams"]] == ["leleka"]
        assert data["kind"] == "anime"

    def test_find_answers_the_page_itself_as_its_detail_does(self, client, aot):
        for path in ("/anime/aot/", "/anime/aot/1/", "/anime/aot"):
            found = find(client, path).json()
            assert found == client.get(f"/api/v2/pages/{found['id']}/").json()
        assert found["id"] == aot.id
        assert client.get("/api/v2/pages/find/", {"html_path": "/anime/nope/"}).status_code == 404
        assert client.get("/api/v2/pages/find/", {"id": aot.id}).json()["id"] == aot.id

    def test_episode_shows_active_sources_without_urls(self, client, aot):
        data = find(client, "/anime/aot/1/").json()
        assert data["number"] == 1
        assert (data["intro_start"], data["intro_end"]) == (5, 20)
        assert len(data["sources"]) == 1
        source = data["sources"][0]
        assert source["dub_team"]["slug"] == "leleka"
        assert (source["language"], source["kind"], source["provider"]) == ("uk", "hls", "direct")
        assert "url" not in source

    def test_dub_team_page(self, client, aot):
        data = find(client, "/dub-teams/leleka/").json()
        assert data["meta"]["type"] == "dubbing.DubTeamPage"
        assert [t["url"] for t in data["titles"]] == ["/anime/aot/"]
        assert data["links"] == []

    def test_chapter_slug_uses_dash_for_decimal_point(self, client, make_manga):
        from cms.manga.models import ChapterPage

        manga = make_manga("berserk")
        chapter = ChapterPage(
            title="Розділ 10.5", slug="10-5", number="10.5", page_urls=["https://x.org/1.jpg"]
        )
        manga.add_child(instance=chapter)
        chapter.save_revision().publish()
        data = find(client, "/manga/berserk/10-5/").json()
        assert data["number"] == "10.50"
        assert data["page_count"] == 1


@pytest.mark.django_db
def test_detail_query_count_does_not_grow_with_genres(client, make_anime, make_genre):
    few = make_anime("few", genres=[make_genre("g0")])
    many = make_anime("many", genres=[make_genre(f"g{n}") for n in range(30)])

    def queries_for(page) -> int:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/api/v2/pages/{page.id}/").status_code == 200
        return len(queries)

    queries_for(few)  # warm per-process caches (site root paths, locales)
    assert queries_for(few) == queries_for(many)


@pytest.mark.django_db
def test_episode_listing_query_count_does_not_grow(client, aot, make_episode):
    url = f"/api/v2/pages/?child_of={aot.id}&type=anime.EpisodePage&fields=sources"

    def count() -> int:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    count()  # warm per-process caches (site root paths, locales)
    one = count()
    for number in range(2, 12):
        make_episode(
            aot,
            number,
            sources=[{"language": "ja", "kind": "hls", "provider": "direct", "url": HLS}],
        )
    assert count() == one


@pytest.mark.django_db
def test_cached_detail_is_invalidated_by_publish_unpublish_and_move(client, aot, anime_index):
    url = f"/api/v2/pages/{aot.id}/"
    assert client.get(url).json()["title"] == "Атака титанів"
    aot.title = "Атака титанів (TV)"
    aot.save_revision().publish()
    assert client.get(url).json()["title"] == "Атака титанів (TV)"
    aot.unpublish()
    assert client.get(url).status_code == 404
    aot.save_revision().publish()
    assert client.get(url).status_code == 200
    episode = aot.get_children().first()
    before = client.get(f"/api/v2/pages/{episode.id}/").json()["meta"]["parent"]["id"]
    other = anime_index.add_child(
        instance=type(aot)(title="Інше", slug="other", format="tv", status="finished")
    )
    episode.move(other, pos="last-child")
    after = client.get(f"/api/v2/pages/{episode.id}/").json()["meta"]["parent"]["id"]
    assert (before, after) == (aot.id, other.id)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/find/?id=abc",
        "/api/v2/pages/find/?id=99999999999999999999999",
        "/api/v2/pages/find/?html_path=/../../etc/passwd",
        "/api/v2/pages/find/?html_path=%00",
        "/api/v2/titles/?search=%00",
        "/api/v2/pages/?search=a%00b",
        "/api/v2/pages/find/",
        "/api/v2/pages/?type=anime.AnimePage&year=abc",
        "/api/v2/pages/?type=anime.AnimePage&rating=x",
        "/api/v2/pages/?type=anime.EpisodePage&number=-",
        "/api/v2/pages/?type=nope.Nope",
        "/api/v2/pages/?child_of=abc",
        "/api/v2/pages/?descendant_of=999999",
        "/api/v2/pages/?order=bogus",
        "/api/v2/pages/?limit=-1",
        "/api/v2/pages/?offset=abc",
        "/api/v2/pages/?fields=nonexistent",
        "/api/v2/pages/99999999999999999999/",
        "/api/v2/pages/abc/",
        "/api/v2/images/?limit=abc",
        "/api/v2/page_preview/1/?content_type=anime.animepage&token=forged",
        "/api/v2/page_preview/1/?content_type=bogus&token=x",
        "/api/v2/page_preview/1/",
    ],
)
def test_odd_input_never_answers_5xx(client, aot, url):
    response = client.get(url)
    assert response.status_code in (400, 404), (url, response.status_code, response.content)


@pytest.mark.django_db
def test_preview_serves_the_draft_for_a_valid_token(client, aot):
    aot.title = "Чернетка"
    preview = aot.create_page_preview()
    response = client.get(
        "/api/v2/page_preview/1/",
        {"content_type": aot.get_content_type_str(), "token": preview.token},
    )
    assert response.status_code == 200
    assert response.json()["title"] == "Чернетка"


@pytest.mark.django_db
def test_health_reports_each_dependency(client):
    data = client.get("/health/").json()
    assert data["status"] == "ok"
    assert set(data["checks"]) == {"database", "cache", "search", "broker"}


@pytest.mark.django_db
def test_schema_documents_titles(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    assert b"/api/v2/titles/" in response.content


@pytest.mark.django_db
def test_deleting_a_title_with_episodes_and_chapters(client, aot, make_manga):
    from cms.dubbing.models import TitleDubbing
    from cms.manga.models import ChapterPage

    manga = make_manga("berserk")
    chapter = ChapterPage(title="1", slug="1", number=1, page_urls=["https://x.org/1.jpg"])
    manga.add_child(instance=chapter)
    chapter.save_revision().publish()
    aot.delete()
    manga.delete()
    assert not TitleDubbing.objects.exists()
    assert client.get("/api/v2/titles/").json()["meta"]["total_count"] == 0
