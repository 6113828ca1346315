"""Facet counts kept ahead (`FacetCount`): for a kind with at most one more filter value, the
total and facets read from them equal a count over the matching titles, through every change
the site makes; other filters are still counted; `rebuild_catalog_index` checks and repairs
them; concurrent publishes leave them right (PostgreSQL)."""

from unittest import mock
from urllib.parse import urlencode

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.http import QueryDict
from wagtail.actions.unpublish_page import UnpublishPageAction

from cms.anime.models import VideoSource
from cms.discovery.index import stale_facet_counts
from cms.discovery.models import FacetCount
from cms.discovery.titles import kept_filter, listing_rows, parse_titles_query, summary_from_rows

from .test_titles_api import catalog, translated  # noqa: F401 (fixtures)

KEPT_FILTERS = [
    {},
    {"kind": "anime"},
    {"kind": "manga"},
    {"genre": "action"},
    {"kind": "anime", "genre": "drama"},
    {"kind": "manga", "genre": "action"},
    {"studio": "wit"},
    {"year": 2013},
    {"kind": "anime", "season": "fall"},
    {"status": "ongoing"},
    {"format": "tv"},
    {"audio": "uk"},
    {"kind": "anime", "audio": "ja"},
    {"kind": "manga", "audio": "uk"},
    {"translation": "uk"},
    {"kind": "manga", "translation": "en"},
    {"dub_team": "leleka"},
    {"kind": "anime", "dub_team": "kit"},
]
COUNTED_FILTERS = [
    {"genre": ["action", "drama"]},
    {"year_from": 2010},
    {"dub_team": "leleka", "audio": "uk"},
    {"search": "берсерк"},
    {"kind": "anime", "genre": "action", "status": "ongoing"},
]


def query_of(params: dict):
    return parse_titles_query(QueryDict(urlencode(params, doseq=True)))


def summary(params: dict, kept: bool):
    query = query_of(params)
    if kept:
        return summary_from_rows(listing_rows(query, None, with_summary=True))
    with mock.patch("cms.discovery.titles.kept_filter", return_value=None):
        return summary_from_rows(listing_rows(query, None, with_summary=True))


def assert_kept_counts_are_right(filters=KEPT_FILTERS):
    for params in filters:
        assert summary(params, kept=True) == summary(params, kept=False), params
    assert stale_facet_counts() == 0


@pytest.mark.django_db
def test_kept_counts_equal_counting_the_matching_titles(translated):  # noqa: F811
    for params in KEPT_FILTERS:
        assert kept_filter(query_of(params), None) is not None, params
    total, facets = summary({"genre": "action"}, kept=True)
    assert total == 3
    assert {item["value"]: item["count"] for item in facets["genre"]} == {
        "action": 3,
        "drama": 2,
        "comedy": 1,
    }
    assert facets["translation"] == [{"value": "uk", "label": "Українська", "count": 1}]
    assert_kept_counts_are_right()


@pytest.mark.django_db
def test_other_filters_are_counted(catalog):  # noqa: F811
    for params in COUNTED_FILTERS:
        query = query_of(params)
        hits = [catalog["berserk"].pk] if query.search else None
        assert kept_filter(query, hits) is None, params
        assert summary(params, kept=True) == summary(params, kept=False), params


@pytest.mark.django_db
def test_kept_counts_follow_every_change(translated, make_genre):  # noqa: F811
    aot, jjk, berserk = translated["aot"], translated["jjk"], translated["berserk"]
    UnpublishPageAction(aot).execute()
    assert_kept_counts_are_right()
    aot.save_revision().publish()
    jjk.genres.set([make_genre("sports")])
    jjk.year = 2021
    jjk.save_revision().publish()
    assert_kept_counts_are_right()
    source = VideoSource.objects.filter(episode__in=aot.get_children(), dub_team__isnull=False)
    source.update(is_active=False)
    for row in source:
        row.save()  # the signal path a staff edit takes
    assert_kept_counts_are_right()
    berserk.get_children().first().delete()  # a translated chapter
    assert_kept_counts_are_right()
    jjk.delete()
    assert_kept_counts_are_right()


@pytest.mark.django_db
def test_check_reports_and_rebuild_repairs_the_counts(catalog):  # noqa: F811
    FacetCount.objects.filter(filter="", facet="total").update(count=99)
    FacetCount.objects.filter(filter=f"genre:{catalog['aot'].genres.first().pk}").delete()
    with pytest.raises(CommandError, match="Лічильники фасетів"):
        call_command("rebuild_catalog_index", "--check")
    call_command("rebuild_catalog_index")
    call_command("rebuild_catalog_index", "--check")
    assert_kept_counts_are_right()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL locks")
def test_titles_published_at_once_leave_the_counts_right(make_anime, make_genre, at_once):
    genres = [make_genre("action"), make_genre("drama")]
    revisions = []
    for n in range(6):
        anime = make_anime(f"t-{n}", genres=genres, year=2000 + n % 2)
        anime.genres.set(genres[: 1 + n % 2])
        anime.title = f"Нова назва {n}"
        revisions.append(anime.save_revision())
    at_once([revision.publish for revision in revisions])
    assert stale_facet_counts() == 0
    assert summary({"genre": "action"}, kept=True)[0] == 6
    assert_kept_counts_are_right([{}, {"genre": "drama"}, {"kind": "anime", "year": 2001}])
