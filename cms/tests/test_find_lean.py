"""`pages/find/?html_path=` and `pages/<id>/` answered the lean way (one statement finding the
page, its parent and whether a view restriction applies; serializers built once per type) give
byte for byte the body Wagtail's generic way gives (its lookup, its serializer class and fields
built per request, its parent field), and in a fixed number of queries."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.api.v2.serializers import PageParentField
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction, Site

from cms.catalog.api import CatalogPagesAPIViewSet, FetchedParentField

HLS = "https://test-streams.mux.dev/x36xhzz/x36xhzz.m3u8"


@pytest.fixture
def catalog(make_anime, make_manga, make_team, make_episode, make_chapter, make_genre, make_studio):
    team = make_team("leleka", "Лелека Даб")
    team.logo = get_image_model().objects.create(title="logo", file=get_test_image_file())
    team.description = '<p>Команда <a href="https://t.me/leleka">у Telegram</a>.</p>'
    team.save_revision().publish()
    anime = make_anime(
        "aot",
        title="Атака титанів",
        title_en="Attack on Titan",
        synonyms=["AoT", "Shingeki"],
        description='<p>Опис з <b>жирним</b> і <a linktype="page" id="3">посиланням</a>.</p>',
        genres=[make_genre("action", "Екшн"), make_genre("drama", "Драма")],
        studios=[make_studio("wit")],
        start_date=date(2013, 4, 7),
        end_date=date(2013, 9, 28),
        year=2013,
        season="spring",
        external_score=Decimal("8.54"),
        rating=Decimal("9.10"),
        rating_count=12,
        external_ids={"mal": 16498},
        episodes_total=25,
    )
    source = {"dub_team": team, "language": "uk", "kind": "hls", "provider": "direct", "url": HLS}
    make_episode(anime, 1, sources=[source], air_date=date(2013, 4, 7), intro_start=5, intro_end=20)
    make_episode(anime, 2, sources=[source])
    manga = make_manga("berserk", genres=[make_genre("action")], volumes_total=41)
    make_chapter(manga, "10.5", translator=team, page_urls=["https://x.org/1.jpg"])
    make_chapter(manga, 11, translator_name="Scans", mangadex_chapter_id="abc")
    return {"team": team, "anime": anime, "manga": manga}


PATHS = [
    "/",
    "/anime/",
    "/anime/aot/",
    "/anime/aot",
    "/anime/aot/1/",
    "/anime/aot/2/",
    "/manga/berserk/",
    "/manga/berserk/10-5/",
    "/manga/berserk/11/",
    "/dub-teams/leleka/",
    "/dub-teams/",
    "/anime/nope/",
    "/anime/aot/1/x/",
]


def bodies(client, paths, pages=()) -> list[tuple[int, bytes]]:
    answers = []
    for path in paths:
        cache.clear()
        response = client.get("/api/v2/pages/find/", {"html_path": path})
        answers.append((response.status_code, response.content))
    for page in pages:
        cache.clear()
        response = client.get(f"/api/v2/pages/{page.pk}/")
        answers.append((response.status_code, response.content))
    return answers


@pytest.fixture
def generic(monkeypatch):
    """Wagtail's generic way: its lookup, its serializer built per request, its parent field;
    the page and its relations fetched by the ORM (`api_prefetch`'s prefetch queries)."""

    def fetch_by_orm(model, pk):
        prefetch = getattr(model, "api_prefetch", None)
        queryset = model.objects.filter(pk=pk)
        return (prefetch(queryset) if prefetch else queryset)[0]

    def use_generic():
        monkeypatch.setattr(CatalogPagesAPIViewSet, "find_visible", lambda self, *args: None)
        monkeypatch.setattr(CatalogPagesAPIViewSet, "fetch_specific", staticmethod(fetch_by_orm))
        monkeypatch.setattr(
            CatalogPagesAPIViewSet,
            "detail_response",
            lambda self, page: PagesAPIViewSet.detail_view(self, self.request, page.pk),
        )
        monkeypatch.setattr(
            FetchedParentField, "to_representation", PageParentField.to_representation
        )

    return use_generic


@pytest.mark.django_db
def test_lean_bodies_are_wagtails_generic_bodies(client, catalog, generic):
    pages = [catalog["anime"], catalog["manga"], catalog["team"]]
    lean = bodies(client, PATHS, pages)
    lean_again = bodies(client, PATHS, pages)  # the serializers built once are reused
    generic()
    expected = bodies(client, PATHS, pages)
    assert [status for status, _ in expected][:3] == [200, 200, 200]
    assert [status for status, _ in expected][-5:-3] == [404, 404]
    assert lean == expected
    assert lean_again == expected
    anime = client.get("/api/v2/pages/find/", {"html_path": "/anime/aot/"}).json()
    assert anime["external_score"] == "8.54"
    assert anime["start_date"] == "2013-04-07"
    assert anime["dub_teams"][0]["logo_url"]
    assert anime["meta"]["parent"]["meta"]["type"] == "anime.AnimeIndexPage"


@pytest.mark.django_db
@pytest.mark.parametrize("where", ["title", "index"])
def test_a_view_restriction_or_an_unpublished_parent_as_before(client, catalog, generic, where):
    page = catalog["anime"] if where == "title" else catalog["anime"].get_parent()
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    restriction = PageViewRestriction.objects.create(
        page=catalog["manga"], restriction_type="groups"
    )
    restriction.groups.set([Group.objects.create(name="readers")])
    catalog["manga"].get_parent().specific.unpublish()
    lean = bodies(client, PATHS)
    generic()
    expected = bodies(client, PATHS)
    assert lean == expected
    assert [status for status, _ in lean][2:4] == [404, 404]  # the restricted title
    assert [status for status, _ in lean][6:9] == [404, 404, 404]  # the manga and its chapters


@pytest.mark.django_db
def test_unpublished_parent_is_null(client, catalog, generic, django_user_model):
    catalog["anime"].get_parent().specific.unpublish()
    lean = client.get("/api/v2/pages/find/", {"html_path": "/anime/aot/"})
    assert lean.json()["meta"]["parent"] is None
    generic()
    cache.clear()
    assert client.get("/api/v2/pages/find/", {"html_path": "/anime/aot/"}).content == lean.content


@pytest.mark.django_db
def test_a_signed_in_visitor_passing_a_restriction_sees_the_page(client, catalog, generic):
    from django.contrib.auth import get_user_model

    PageViewRestriction.objects.create(page=catalog["anime"], restriction_type="login")
    client.force_login(get_user_model().objects.create_user("reader", "r@x.org", "pw"))
    lean = client.get("/api/v2/pages/find/", {"html_path": "/anime/aot/1/"})
    assert lean.status_code == 200
    generic()
    assert client.get("/api/v2/pages/find/", {"html_path": "/anime/aot/1/"}).content == lean.content


@pytest.mark.django_db
def test_find_by_path_and_by_id_query_count(client, catalog):
    def count(url, params=None) -> int:
        cache.clear()  # no cached answer; Wagtail's own cache (site root paths) warm again:
        Site.get_site_root_paths()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, params).status_code == 200
        return len(queries)

    count("/api/v2/pages/find/", {"html_path": "/anime/aot/"})  # warm per-process caches
    # The site, the page with its parent and restrictions, the title, its genres, studios and
    # dubbings with their teams (one statement), the teams' logos, the logos' renditions.
    assert count("/api/v2/pages/find/", {"html_path": "/anime/aot/"}) == 6
    assert count(f"/api/v2/pages/{catalog['anime'].pk}/") == 6


@pytest.mark.django_db
def test_an_id_beyond_any_page_is_a_404(client, catalog):
    for pk in (2**31, 10**30):
        response = client.get(f"/api/v2/pages/{pk}/")
        assert response.status_code == 404
        assert response.json()["detail"]


@pytest.mark.django_db
def test_find_site_picks_the_site_wagtail_picks(home, rf):
    from wagtail.models import Site

    from cms.catalog.api import find_site

    hosts = [("localhost", 80), ("localhost", 8000), ("other.org", 80), ("other.org", 8080)]
    hosts += [("third.net", 443)]

    def picks() -> list:
        found = []
        for host, port in hosts:
            expected = Site._find_for_request(rf.get("/", HTTP_HOST=host, SERVER_PORT=port))
            site = find_site(rf.get("/", HTTP_HOST=host, SERVER_PORT=port))
            assert (site and site.id) == (expected and expected.id), host
            if site:
                assert site.root_url_path == expected.root_page.url_path
                assert (site.root_path, site.root_depth) == (home.path, home.depth)
            found.append(site and site.id)
        return found

    assert len(set(picks())) == 1  # the default site for every host
    Site.objects.create(hostname="other.org", port=80, root_page=home)
    picks()
    Site.objects.create(hostname="other.org", port=8080, root_page=home)
    picks()
    Site.objects.create(hostname="localhost", port=8000, root_page=home)
    assert len(set(picks())) == 4
    Site.objects.update(is_default_site=False)
    assert None in picks()


@pytest.mark.django_db
def test_a_titles_relations_in_one_statement_are_the_orms(catalog, make_genre):
    make_genre("comedy", "Комедія")  # another title's genre: never the title's
    anime, logo_url = catalog["anime"], catalog["team"].logo_url  # the rendition made
    page = CatalogPagesAPIViewSet.fetch_specific(type(anime), anime.pk)
    with CaptureQueriesContext(connection) as queries:
        genres = [genre.slug for genre in page.genres.all()]
        studios = [studio.slug for studio in page.studios.all()]
        teams = [(team.slug, team.title, team.url_path) for team in page.dub_teams]
        team_logo_url = page.dub_teams[0].logo_url
    assert len(queries) == 0
    fresh = type(anime).objects.get(pk=anime.pk)
    assert genres == [genre.slug for genre in fresh.genres.order_by("name")] == ["drama", "action"]
    assert studios == ["wit"]
    assert teams == [("leleka", "Лелека Даб", catalog["team"].url_path)]
    assert team_logo_url == logo_url
    # A further filter on a prefetched relation still reads this title's rows only.
    assert [genre.slug for genre in page.genres.filter(slug__in=["action", "comedy"])] == ["action"]
