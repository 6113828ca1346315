"""The `titles` endpoint: every filter, ordering, paging, facets, bad values, query counts."""

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

URL = "/api/v2/titles/"
HLS = "https://test-streams.mux.dev/x36xhzz/x36xhzz.m3u8"


def titles(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200, response.content
    return response.json()


def slugs(data) -> list[str]:
    return [item["meta"]["slug"] for item in data["items"]]


@pytest.fixture
def catalog(make_anime, make_manga, make_genre, make_studio, make_team, make_episode):
    action, drama, comedy = make_genre("action"), make_genre("drama"), make_genre("comedy")
    mappa, wit = make_studio("mappa"), make_studio("wit")
    leleka, kit = make_team("leleka"), make_team("kit")
    aot = make_anime(
        "aot",
        genres=[action, drama],
        studios=[wit],
        year=2013,
        season="spring",
        status="finished",
        format="tv",
        rating=Decimal("9.1"),
        title="Атака титанів",
        title_en="Attack on Titan",
    )
    jjk = make_anime(
        "jjk",
        genres=[action, comedy],
        studios=[mappa],
        year=2020,
        season="fall",
        status="ongoing",
        format="tv",
        rating=Decimal("8.7"),
        title="Магічна битва",
        title_en="Jujutsu Kaisen",
    )
    movie = make_anime(
        "your-name",
        genres=[drama],
        year=2016,
        season="summer",
        format="movie",
        title="Твоє ім'я",
        title_en="Your Name",
    )
    berserk = make_manga(
        "berserk",
        genres=[action, drama],
        year=1989,
        format="manga",
        title="Берсерк",
        rating=Decimal("9.3"),
    )
    make_episode(
        aot,
        1,
        sources=[
            {"dub_team": leleka, "language": "uk", "kind": "hls", "provider": "direct", "url": HLS},
            {"language": "ja", "kind": "hls", "provider": "direct", "url": HLS},
        ],
    )
    make_episode(
        jjk,
        1,
        sources=[
            {"dub_team": kit, "language": "uk", "kind": "hls", "provider": "direct", "url": HLS},
            {
                "dub_team": leleka,
                "language": "uk",
                "kind": "hls",
                "provider": "direct",
                "url": HLS,
                "is_active": False,
            },
        ],
    )
    return {"aot": aot, "jjk": jjk, "movie": movie, "berserk": berserk}


@pytest.mark.django_db
class TestFilters:
    def test_no_filter_lists_every_live_title_best_rated_first(self, client, catalog):
        data = titles(client)
        assert data["meta"]["total_count"] == 4
        # Rated titles by rating, then the unrated one last.
        assert slugs(data) == ["berserk", "aot", "jjk", "your-name"]

    def test_item_shape(self, client, catalog):
        item = titles(client, kind="anime", search="Attack")["items"][0]
        assert item["id"] == catalog["aot"].id
        assert item["meta"]["type"] == "anime.AnimePage"
        assert item["meta"]["html_url"].endswith("/anime/aot/")
        assert item["title"] == "Атака титанів"
        assert item["title_en"] == "Attack on Titan"
        assert {g["slug"] for g in item["genres"]} == {"action", "drama"}
        assert [(t["slug"], t["title"], t["logo_url"]) for t in item["dub_teams"]] == [
            ("leleka", "leleka", None)
        ]
        assert (item["year"], item["format"], item["status"], item["rating"]) == (
            2013,
            "tv",
            "finished",
            9.1,
        )

    def test_kind(self, client, catalog):
        assert slugs(titles(client, kind="manga")) == ["berserk"]
        assert set(slugs(titles(client, kind="anime"))) == {"aot", "jjk", "your-name"}

    def test_genres_must_all_match(self, client, catalog):
        assert set(slugs(titles(client, genre="action"))) == {"aot", "jjk", "berserk"}
        data = client.get(URL + "?genre=action&genre=drama").json()
        assert set(slugs(data)) == {"aot", "berserk"}

    def test_studio(self, client, catalog):
        assert slugs(titles(client, studio="mappa")) == ["jjk"]

    def test_year_and_range_are_inclusive(self, client, catalog):
        assert slugs(titles(client, year=2016)) == ["your-name"]
        assert set(slugs(titles(client, year_from=2013, year_to=2016))) == {"aot", "your-name"}
        assert set(slugs(titles(client, year_from=2016))) == {"jjk", "your-name"}
        assert set(slugs(titles(client, year_to=1989))) == {"berserk"}

    def test_season_with_year(self, client, catalog):
        assert slugs(titles(client, season="fall", year=2020)) == ["jjk"]
        assert slugs(titles(client, season="fall", year=2013)) == []

    def test_status_and_format(self, client, catalog):
        assert slugs(titles(client, status="ongoing", kind="anime")) == ["jjk"]
        assert slugs(titles(client, format="movie")) == ["your-name"]

    def test_dub_team_counts_active_sources_only(self, client, catalog):
        assert slugs(titles(client, dub_team="leleka")) == ["aot"]  # jjk's leleka is inactive
        assert slugs(titles(client, dub_team="kit")) == ["jjk"]

    def test_audio(self, client, catalog):
        assert slugs(titles(client, audio="ja")) == ["aot"]
        assert set(slugs(titles(client, audio="uk"))) == {"aot", "jjk"}
        assert slugs(titles(client, audio="en")) == []

    def test_dub_team_and_audio_must_match_the_same_source(self, client, catalog):
        assert slugs(titles(client, dub_team="leleka", audio="ja")) == []


def add_chapter(manga, number: int, language: str, translator=None):
    from cms.manga.models import ChapterPage

    chapter = ChapterPage(
        title=f"Розділ {number}",
        slug=f"{number}-{language}",
        number=number,
        language=language,
        translator=translator,
        page_urls=["https://x.org/1.jpg"],
    )
    manga.add_child(instance=chapter)
    chapter.save_revision().publish()
    return chapter


@pytest.fixture
def translated(catalog, make_manga):
    """Berserk translated into Ukrainian by Leleka (who also voices AoT), Vagabond in English,
    a raw Japanese chapter that is no translation."""
    from cms.dubbing.models import DubTeamPage

    add_chapter(catalog["berserk"], 1, "uk", translator=DubTeamPage.objects.get(slug="leleka"))
    vagabond = make_manga("vagabond", title="Вагабонд")
    add_chapter(vagabond, 1, "en")
    add_chapter(vagabond, 2, "ja")
    return {**catalog, "vagabond": vagabond}


@pytest.mark.django_db
class TestAudioAndTranslation:
    def test_audio_matches_anime_video_only(self, client, translated):
        assert set(slugs(titles(client, audio="uk"))) == {"aot", "jjk"}  # not berserk
        assert slugs(titles(client, audio="ja")) == ["aot"]  # not vagabond's raw chapter
        assert slugs(titles(client, audio="uk", kind="manga")) == []

    def test_translation_matches_manga_chapters_only(self, client, translated):
        assert slugs(titles(client, translation="uk")) == ["berserk"]
        assert slugs(titles(client, translation="en")) == ["vagabond"]
        assert slugs(titles(client, translation="uk", kind="anime")) == []

    def test_a_team_and_a_translation_must_match_the_same_chapters(self, client, translated):
        assert slugs(titles(client, dub_team="leleka", translation="uk")) == ["berserk"]
        assert slugs(titles(client, dub_team="leleka", translation="en")) == []
        assert set(slugs(titles(client, dub_team="leleka"))) == {"aot", "berserk"}

    def test_facets_keep_audio_and_translation_apart(self, client, translated):
        facets = titles(client)["meta"]["facets"]
        assert {f["value"]: f["count"] for f in facets["audio"]} == {"uk": 2, "ja": 1}
        assert facets["translation"] == [
            {"value": "en", "label": "Англійська", "count": 1},
            {"value": "uk", "label": "Українська", "count": 1},
        ]
        manga = titles(client, kind="manga")["meta"]["facets"]
        assert manga["audio"] == []
        assert {f["value"] for f in manga["translation"]} == {"uk", "en"}
        assert titles(client, kind="anime")["meta"]["facets"]["translation"] == []

    def test_translation_is_in_the_schema(self, client, home):
        schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
        parameters = {p["name"]: p for p in schema["paths"]["/api/v2/titles/"]["get"]["parameters"]}
        assert "uk|en" in parameters["translation"]["description"]

    def test_search_in_any_script(self, client, catalog):
        assert slugs(titles(client, search="Jujutsu")) == ["jjk"]
        assert slugs(titles(client, search="битва")) == ["jjk"]

    def test_unpublished_titles_are_hidden(self, client, catalog):
        catalog["jjk"].unpublish()
        assert "jjk" not in slugs(titles(client))

    def test_source_switched_off_updates_dub_filter(self, client, catalog):
        episode = catalog["jjk"].get_children().specific().first()
        for source in episode.sources.all():
            source.is_active = False
            source.save()
        assert slugs(titles(client, dub_team="kit")) == []

    def test_source_awaiting_approval_stays_out_of_the_dub_filter(self, client, catalog):
        episode = catalog["jjk"].get_children().specific().first()
        episode.sources.update(live=False)
        episode.save_revision().publish()
        assert slugs(titles(client, dub_team="kit")) == []


@pytest.mark.django_db
class TestOrderingAndPaging:
    def test_orders_put_empty_values_last_and_break_ties_by_id(self, client, make_anime):
        a = make_anime("a", year=2020, title="Б")
        b = make_anime("b", year=2020, title="А")
        c = make_anime("c", year=None, title="В")
        assert slugs(titles(client, order="-year")) == ["a", "b", "c"]
        assert slugs(titles(client, order="title")) == ["b", "a", "c"]
        assert slugs(titles(client, order="-rating")) == ["a", "b", "c"]
        assert a.id < b.id < c.id

    def test_updated_order_is_newest_publish_first(self, client, make_anime):
        make_anime("old")
        newer = make_anime("new")
        newer.save_revision().publish()
        assert slugs(titles(client, order="-updated"))[0] == "new"

    def test_paging_is_stable_and_complete(self, client, make_anime):
        for n in range(7):
            make_anime(f"t{n}", year=2000)
        pages = [slugs(titles(client, order="-year", limit=3, offset=o)) for o in (0, 3, 6)]
        assert [len(p) for p in pages] == [3, 3, 1]
        assert sorted(sum(pages, [])) == sorted(f"t{n}" for n in range(7))

    def test_limit_is_clamped_and_offset_past_end_is_empty(self, client, make_anime):
        make_anime("only")
        data = titles(client, limit=1000)
        assert len(data["items"]) == 1
        assert titles(client, offset=50)["items"] == []
        assert titles(client, offset=50)["meta"]["total_count"] == 1

    def test_limit_clamped_to_100(self, client, make_anime):
        for n in range(101):
            make_anime(f"x{n}")
        assert len(titles(client, limit=500)["items"]) == 100


@pytest.mark.django_db
class TestFacets:
    def test_facets_are_counted_over_the_current_filter(self, client, catalog):
        facets = titles(client, kind="anime")["meta"]["facets"]
        counts = {name: {f["value"]: f["count"] for f in values} for name, values in facets.items()}
        assert counts["genre"] == {"action": 2, "drama": 2, "comedy": 1}
        assert counts["studio"] == {"mappa": 1, "wit": 1}
        assert counts["year"] == {"2013": 1, "2016": 1, "2020": 1}
        assert counts["season"] == {"spring": 1, "summer": 1, "fall": 1}
        assert counts["status"] == {"finished": 2, "ongoing": 1}
        assert counts["format"] == {"tv": 2, "movie": 1}
        assert counts["dub_team"] == {"leleka": 1, "kit": 1}
        assert counts["audio"] == {"uk": 2, "ja": 1}

    def test_facet_labels_are_ukrainian(self, client, catalog):
        facets = titles(client, kind="anime")["meta"]["facets"]
        assert {"value": "ongoing", "label": "Виходить", "count": 1} in facets["status"]
        assert {"value": "ja", "label": "Японська (оригінал)", "count": 1} in facets["audio"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, parameter",
    [
        ("year=abc", "year"),
        ("year=99999", "year"),
        ("year_from=2020&year_to=2010", "year_from"),
        ("order=bogus", "order"),
        ("genre=unknown", "genre"),
        ("studio=unknown", "studio"),
        ("dub_team=unknown", "dub_team"),
        ("limit=-1", "limit"),
        ("limit=0", "limit"),
        ("limit=ten", "limit"),
        ("offset=-5", "offset"),
        ("season=monsoon", "season"),
        ("status=dead", "status"),
        ("format=vhs", "format"),
        ("audio=de", "audio"),
        ("translation=ja", "translation"),
        ("kind=novel", "kind"),
        ("kind=anime&kind=manga", "kind"),
    ],
)
def test_bad_values_are_400_naming_the_parameter(client, home, query, parameter):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["parameter"] == parameter
    assert parameter in body["detail"]


@pytest.mark.django_db
def test_listing_query_count_does_not_grow_with_items(
    client, make_anime, make_genre, make_team, make_episode
):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    genres = [make_genre(f"g{n}") for n in range(5)]
    team = make_team("team")
    team.logo = Image.objects.create(title="logo", file=get_test_image_file())
    team.save_revision().publish()

    def count_queries() -> list[str]:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL, {"limit": 100}).status_code == 200
        return [query["sql"][:120] for query in queries]

    first = make_anime("first", genres=genres)
    make_episode(
        first,
        1,
        sources=[
            {"dub_team": team, "language": "uk", "kind": "hls", "provider": "direct", "url": HLS}
        ],
    )
    count_queries()  # the first answer creates the logo's rendition
    cache.clear()
    one = count_queries()
    for n in range(49):
        anime = make_anime(f"more-{n}", genres=genres[: n % 5 + 1])
        make_episode(
            anime,
            1,
            sources=[
                {
                    "dub_team": team,
                    "language": "uk",
                    "kind": "hls",
                    "provider": "direct",
                    "url": HLS,
                }
            ],
        )
    cache.clear()
    many = count_queries()
    assert len(many) == len(one), "\n".join(many)


@pytest.mark.django_db
def test_another_page_of_the_same_filter_reuses_its_total_and_facets(client, catalog):
    def statements(**params) -> list[str]:
        with CaptureQueriesContext(connection) as captured:
            data = titles(client, **params)
        assert data["meta"]["total_count"] == 3
        assert data["meta"]["facets"]["genre"]
        return [query["sql"] for query in captured]

    # A filter whose total and facets are counted (FacetCount keeps those of single values).
    first = statements(genre="action", year_from=1980, limit=1)
    assert sum("COUNT(*)" in sql for sql in first) == 1  # total and facets: one statement
    second = statements(genre="action", year_from=1980, limit=1, offset=1, order="-year")
    assert not any("COUNT(*)" in sql for sql in second)  # only the page is asked for
    assert len(second) == len(first)


@pytest.mark.django_db
def test_anonymous_listing_is_cached_until_a_page_is_published(client, make_anime):
    anime = make_anime("cached", title="Старе")
    assert titles(client)["items"][0]["title"] == "Старе"
    with CaptureQueriesContext(connection) as queries:
        titles(client)
    assert len(queries) == 0
    anime.title = "Нове"
    anime.save_revision().publish()
    assert titles(client)["items"][0]["title"] == "Нове"


@pytest.mark.django_db
def test_search_backend_down_is_a_clear_503(client, home, monkeypatch):
    from cms.discovery import titles as titles_module
    from cms.discovery.search import SearchUnavailable

    def unavailable(*args, **kwargs):
        raise SearchUnavailable("down")

    monkeypatch.setattr(titles_module, "search_hits", unavailable)
    response = client.get(URL, {"search": "титан"})
    assert response.status_code == 503
    assert "Пошук тимчасово недоступний" in response.json()["detail"]


@pytest.mark.django_db
def test_a_new_dub_team_makes_the_title_findable_by_its_name(
    client, make_anime, make_team, make_episode, django_capture_on_commit_callbacks
):
    anime = make_anime("quiet", title="Тихий тайтл")
    team = make_team("zoriana", "Зоряна Студія")
    assert slugs(titles(client, search="Зоряна")) == []
    source = {"dub_team": team, "language": "uk", "kind": "hls", "provider": "direct", "url": HLS}
    with django_capture_on_commit_callbacks(execute=True):
        make_episode(anime, 1, sources=[source])
    assert slugs(titles(client, search="Зоряна")) == ["quiet"]
