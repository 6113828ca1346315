"""Search: transliteration, similarity, the instant-search endpoint, index updates, the
Elasticsearch mapping (built in-process, no server) and what happens when Elasticsearch is down."""

from unittest import mock

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from wagtail.search.query import PlainText

from cms.catalog import transliteration
from cms.catalog.models import TitlePage
from cms.catalog.search_backends import LATIN_ANALYZER, UKRAINIAN_ANALYZER, CatalogSearchBackend
from cms.discovery import search

INSTANT = "/api/search/instant/"
UNREACHABLE_ELASTICSEARCH = {
    "BACKEND": "cms.catalog.search_backends",
    "URLS": ["http://127.0.0.1:9"],  # nothing listens on the discard port
    "TIMEOUT": 1,
}


# --- Transliteration and similarity (pure) ------------------------------------------------------


def test_cyrillic_names_get_the_official_romanisation():
    assert transliteration.other_script("Атака титанів") == "ataka tytaniv"
    assert transliteration.other_script("Зошит смерті") == "zoshyt smerti"
    assert transliteration.other_script("Шпигунська сім'я") == "shpyhunska simia"


def test_latin_names_get_a_ukrainian_spelling():
    assert transliteration.other_script("Naruto") == "наруто"
    assert transliteration.other_script("Haikyu!!") == "хайкю"
    assert transliteration.other_script("Jujutsu Kaisen") == "джуджуцу кайсен"
    assert transliteration.other_script("Chainsaw Man") == "чайнсав ман"


def test_transliterated_names_cover_every_name_and_skip_other_scripts():
    names = ["Хеллсінг Ultimate", "Hellsing", "ヘルシング"]
    assert transliteration.transliterated_names(names) == "khellsinh ултімате | хеллсінг"


def test_word_similarity_tolerates_typos_not_other_names():
    assert search.word_similarity("naruta", "Naruto") >= search.FUZZY_THRESHOLD
    assert search.word_similarity("violet evergardn", "Violet Evergarden") >= 0.5
    assert search.word_similarity("naruta", "One Piece") < search.FUZZY_THRESHOLD


def test_queries_are_normalised():
    assert search.normalize_query("  сім’я  <b>spy</b>  ") == "сім'я b spy b"
    assert search.normalize_query("x" * 500) == "x" * search.MAX_QUERY_LENGTH


# --- Searching on the database backend ------------------------------------------------------------


@pytest.fixture
def titles(make_anime, make_manga, make_genre):
    action = make_genre("action", "Екшн")
    return {
        "aot": make_anime(
            "attack-on-titan",
            title="Атака титанів",
            title_en="Attack on Titan",
            title_romaji="Shingeki no Kyojin",
            year=2013,
            poster_url="https://example.com/aot.jpg",
            external_score=8.5,
            genres=[action],
        ),
        "naruto": make_anime(
            "naruto", title="Наруто", title_en="Naruto", title_romaji="Naruto", year=2002
        ),
        "naruto_manga": make_manga(
            "naruto-manga", title="Наруто", title_en="Naruto", title_romaji="Naruto", year=1999
        ),
        "frieren": make_anime(
            "frieren", title="Фрірен", title_en="Frieren", synonyms=["Sousou no Frieren"]
        ),
    }


def ids(response, group="items"):
    return [item["id"] for item in response.json()[group]]


def test_instant_search_answers_titles_with_their_site_paths(client, titles):
    response = client.get(INSTANT, {"q": "ataka tytaniv"})
    assert response.status_code == 200
    first = response.json()["items"][0]
    assert first == {
        "id": titles["aot"].id,
        "kind": "anime",
        "title": "Атака титанів",
        "title_en": "Attack on Titan",
        "year": 2013,
        "poster_url": "https://example.com/aot.jpg",
        "url": "/anime/attack-on-titan/",
    }


@pytest.mark.parametrize(
    "query, expected",
    [
        ("наруто", "naruto"),  # Cyrillic finds the Latin name
        ("naruta", "naruto"),  # a typo
        ("фрір", "frieren"),  # a prefix while typing
        ("sousou", "frieren"),  # a synonym
        ("екшн", "aot"),  # a genre
    ],
)
def test_instant_search_finds_titles_in_any_alphabet(client, titles, query, expected):
    assert titles[expected].id in ids(client.get(INSTANT, {"q": query}))[:3]


def test_instant_search_filters_by_kind(client, titles):
    found = ids(client.get(INSTANT, {"q": "naruto", "kind": "manga"}))
    assert found == [titles["naruto_manga"].id]


def test_instant_search_answers_at_most_eight_titles(client, make_anime):
    for number in range(10):
        make_anime(f"naruto-{number}", title=f"Наруто {number}")
    assert len(ids(client.get(INSTANT, {"q": "наруто"}))) == 8


def test_instant_search_finds_dub_teams(client, titles, make_team):
    team = make_team("leleka-dub", "Лелека Даб")
    answer = client.get(INSTANT, {"q": "leleka"}).json()
    assert answer["teams"] == [
        {
            "id": team.id,
            "slug": "leleka-dub",
            "title": "Лелека Даб",
            "logo_url": None,
            "url": "/dub-teams/leleka-dub/",
        }
    ]


@pytest.mark.parametrize(
    "params, parameter",
    [({}, "q"), ({"q": "   "}, "q"), ({"q": "а" * 101}, "q"), ({"q": "x", "kind": "film"}, "kind")],
)
def test_instant_search_rejects_bad_queries_in_ukrainian(client, db, params, parameter):
    response = client.get(INSTANT, params)
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter
    assert any(letter in response.json()["detail"] for letter in "аеиоу")


def test_instant_search_is_cached_until_the_catalog_changes(client, titles, make_anime):
    first = client.get(INSTANT, {"q": "наруто"}).json()
    with mock.patch("cms.discovery.instant.search_hits", side_effect=AssertionError):
        assert client.get(INSTANT, {"q": "наруто"}).json() == first
    boruto = make_anime("naruto-shippuden", title="Наруто: Ураганні хроніки")  # publishing
    assert boruto.id in ids(client.get(INSTANT, {"q": "наруто"}))


def test_unpublished_titles_leave_the_results(client, titles):
    titles["aot"].unpublish()
    assert titles["aot"].id not in ids(client.get(INSTANT, {"q": "атака"}))
    titles["aot"].save_revision().publish()
    assert titles["aot"].id in ids(client.get(INSTANT, {"q": "атака"}))


def test_search_index_follows_edits_on_publish(client, titles):
    page = TitlePage.objects.get(id=titles["frieren"].id).specific
    page.title_en = "Frieren: Beyond Journey's End"
    page.save_revision().publish()
    assert titles["frieren"].id in ids(client.get(INSTANT, {"q": "beyond journey"}))


def test_titles_listing_search_uses_relevance_and_sql_filters(client, titles):
    response = client.get("/api/v2/titles/", {"search": "ataka tytaniv", "genre": "action"})
    assert [item["id"] for item in response.json()["items"]] == [titles["aot"].id]
    response = client.get("/api/v2/titles/", {"search": "naruto", "kind": "anime"})
    assert [item["id"] for item in response.json()["items"]] == [titles["naruto"].id]


def test_ties_go_anime_first(db, titles):
    # The manga is the more popular one, and still the anime of the same name comes first.
    TitlePage.objects.filter(id=titles["naruto_manga"].id).update(external_score=9, rating=9)
    TitlePage.objects.filter(id=titles["naruto"].id).update(external_score=7)
    assert search.search_hits("наруто")[:2] == [titles["naruto"].id, titles["naruto_manga"].id]


@pytest.fixture
def tokyo(make_anime):
    """Tokyo Ghoul, and two titles whose descriptions (only) speak of Tokyo, popular ones."""
    school = "<p>Юджі вступає до Токійського технікуму магії. Токійського, не кіотського!</p>"
    return {
        "ghoul": make_anime(
            "tokyo-ghoul",
            title="Токійський гуль",
            title_en="Tokyo Ghoul",
            description="<p>Студент Канекі після зустрічі з дівчиною стає напівгулем.</p>",
        ),
        "jjk": make_anime(
            "jujutsu-kaisen", title="Магічна битва", description=school, rating=9, year=2020
        ),
        "your-name": make_anime(
            "your-name",
            title="Твоє ім'я",
            description="<p>Токійський школяр Такі і дівчина з провінції — гуляють у снах.</p>",
            rating=8,
        ),
    }


@pytest.mark.parametrize("query", ["токійського гуля", "токійський гуль", "гуля", "Tokyo"])
def test_a_match_in_a_name_outranks_one_in_a_description(db, tokyo, query):
    assert search.search_hits(query)[0] == tokyo["ghoul"].id


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="an inflected form («токійського») matches only through PostgreSQL's Ukrainian "
    "dictionary (SQLite's full-text search does no stemming)",
)
def test_description_matches_still_follow_name_matches(db, tokyo):
    hits = search.search_hits("токійського")
    assert hits[0] == tokyo["ghoul"].id
    assert set(hits[1:]) == {tokyo["jjk"].id, tokyo["your-name"].id}


# --- Elasticsearch: mapping in-process, and the fallback while it is down -------------------------


def test_elasticsearch_mapping_uses_ukrainian_and_folded_latin_analysers():
    backend = CatalogSearchBackend(dict(UNREACHABLE_ELASTICSEARCH))
    properties = backend.mapping_class(TitlePage).get_mapping()["properties"]

    for catch_all in ("_all_text", "_all_text_boost_3_0"):
        assert properties[catch_all]["analyzer"] == UKRAINIAN_ANALYZER
        assert properties[catch_all]["fields"]["latin"]["analyzer"] == LATIN_ANALYZER
    names = properties["catalog_titlepage__names_transliterated"]
    assert names["analyzer"] == UKRAINIAN_ANALYZER
    genre_name = properties["catalog_titlepage__genres"]["properties"]["name"]
    assert genre_name["analyzer"] == UKRAINIAN_ANALYZER
    # Autocomplete keeps the edge n-gram analyser (lowercase + ASCII folding).
    assert properties["title_edgengrams"]["analyzer"] == "edgengram_analyzer"

    analysers = backend.settings["settings"]["analysis"]["analyzer"]
    assert analysers[LATIN_ANALYZER]["filter"] == ["lowercase", "asciifolding"]
    assert "edgengram_analyzer" in analysers  # Wagtail's own are kept


def test_elasticsearch_queries_search_the_latin_subfields_too():
    backend = CatalogSearchBackend(dict(UNREACHABLE_ELASTICSEARCH))
    compiler = backend.query_compiler_class(TitlePage.objects.all(), PlainText("naruto"))
    fields = compiler.get_inner_query()["multi_match"]["fields"]
    assert "_all_text" in fields and "_all_text.latin" in fields


@pytest.fixture
def elasticsearch_up(monkeypatch):
    monkeypatch.setattr(search, "_elasticsearch_down_until", 0.0)


def test_search_answers_from_the_database_while_elasticsearch_is_down(
    client, titles, elasticsearch_up
):
    backends = {
        "default": UNREACHABLE_ELASTICSEARCH,
        "database": settings.WAGTAILSEARCH_BACKENDS["default"],
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        response = client.get(INSTANT, {"q": "атака"})
        assert response.status_code == 200
        assert ids(response)[0] == titles["aot"].id
        assert search.elasticsearch_resting()  # the next requests skip the dead server
        listing = client.get("/api/v2/titles/", {"search": "naruto"})
        assert listing.status_code == 200 and listing.json()["meta"]["total_count"] == 2


def test_search_is_a_clear_503_without_a_fallback(client, titles, elasticsearch_up):
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": UNREACHABLE_ELASTICSEARCH}):
        response = client.get(INSTANT, {"q": "атака"})
    assert response.status_code == 503
    assert response.json()["detail"] == "Пошук тимчасово недоступний. Спробуйте за хвилину."


@pytest.mark.django_db
def test_schema_documents_instant_search(client):
    schema = client.get("/api/schema/").content.decode()
    path = schema[schema.index("/api/search/instant/") :]
    assert "name: q" in path and "required: true" in path
    assert "InstantSearch" in schema and "'503':" in path


@pytest.mark.parametrize(
    "query",
    [
        "'",
        '"',
        "-",
        "&|!",
        ":*",
        "*",
        "^x",
        "\\",
        "a'b",
        "-атака",
        "ван-піс",
        "NEAR(a b)",
        "a OR",
        "🙂",
    ],
)
def test_odd_queries_answer_normally(client, titles, query):
    """Full-text query syntax (PostgreSQL tsquery, FTS5) in the input is never an error."""
    assert client.get(INSTANT, {"q": query}).status_code == 200
    assert client.get("/api/v2/titles/", {"search": query}).status_code == 200
