"""The listing's read model (`CatalogEntry`) stays equal to what the pages say through every
change the site makes (publish, unpublish, move, delete, sources, teams, view restrictions),
and `rebuild_catalog_index` repairs or reports a stale one."""

from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import PageViewRestriction

from cms.anime.models import VideoSource
from cms.anime.signals import refresh_anime_dubbings
from cms.discovery.index import stale_entries
from cms.discovery.models import CatalogEntry, dubbing_key

HLS = "https://test-streams.mux.dev/x36xhzz/x36xhzz.m3u8"


def uk(team, **extra) -> dict:
    return {
        "dub_team": team,
        "language": "uk",
        "kind": "hls",
        "provider": "direct",
        "url": HLS,
        **extra,
    }


def entry(page) -> CatalogEntry | None:
    return CatalogEntry.objects.filter(page_id=page.pk).first()


def assert_in_step():
    assert stale_entries() == []


@pytest.mark.django_db
def test_an_entry_holds_every_listing_column(
    make_anime, make_genre, make_studio, make_team, make_episode
):
    action, drama = make_genre("action"), make_genre("drama")
    wit = make_studio("wit")
    team = make_team("leleka")
    anime = make_anime(
        "aot",
        genres=[action, drama],
        studios=[wit],
        year=2013,
        season="spring",
        status="finished",
        format="tv",
        rating=Decimal("9.10"),
        external_score=Decimal("8.50"),
        title="Атака титанів",
    )
    make_episode(anime, 1, sources=[uk(team), {**uk(None), "language": "ja"}])
    row = entry(anime)
    anime.refresh_from_db()
    assert (row.kind, row.title, row.year, row.season, row.status, row.format) == (
        "anime",
        "Атака титанів",
        2013,
        "spring",
        "finished",
        "tv",
    )
    assert (row.rating, row.external_score, row.updated) == (
        Decimal("9.10"),
        Decimal("8.50"),
        anime.last_published_at,
    )
    assert sorted(row.genre_ids) == sorted([action.pk, drama.pk])
    assert row.studio_ids == [wit.pk]
    assert row.dub_team_ids == [team.pk]
    assert row.languages == ["ja", "uk"]
    assert sorted(row.dubbings) == sorted([dubbing_key(team.pk, "uk"), dubbing_key(None, "ja")])
    assert_in_step()


@pytest.mark.django_db
def test_entries_follow_every_change_of_the_pages(
    make_anime, make_manga, make_genre, make_team, make_episode, anime_index, admin_user
):
    action = make_genre("action")
    team, other = make_team("leleka"), make_team("kit")
    anime = make_anime("aot", genres=[action], year=2013)
    manga = make_manga("berserk", year=1989)
    assert_in_step()

    # A new published revision changes the columns.
    anime.year, anime.title = 2014, "Нова назва"
    anime.genres.set([])
    anime.save_revision().publish()
    assert (entry(anime).year, entry(anime).title, entry(anime).genre_ids) == (
        2014,
        "Нова назва",
        [],
    )
    assert_in_step()

    # Episodes and their sources change the dub teams and languages.
    episode = make_episode(anime, 1, sources=[uk(team)])
    assert entry(anime).dub_team_ids == [team.pk]
    VideoSource.objects.create(episode=episode, **uk(other))
    episode.save_revision().publish()
    assert sorted(entry(anime).dub_team_ids) == sorted([team.pk, other.pk])
    VideoSource.objects.filter(episode=episode, dub_team=other).update(is_active=False)
    refresh_anime_dubbings(anime)  # what code flipping is_active outside a publish calls
    assert entry(anime).dub_team_ids == [team.pk]
    episode.unpublish()
    assert entry(anime).dub_team_ids == []
    # Sources are rows of their own (not in the revision): switching one back on is a row change.
    VideoSource.objects.filter(episode=episode, dub_team=other).update(is_active=True)
    episode.save_revision().publish()
    assert_in_step()

    # A deleted team leaves no trace.
    team.delete()
    assert entry(anime).dub_team_ids == [other.pk]
    assert_in_step()

    # Unpublishing hides a title, publishing brings it back.
    manga.unpublish()
    assert entry(manga) is None
    manga.save_revision().publish()
    assert entry(manga) is not None

    # A private section hides its titles; lifting the restriction shows them again.
    restriction = PageViewRestriction.objects.create(
        page=anime_index, restriction_type=PageViewRestriction.LOGIN
    )
    assert entry(anime) is None
    restriction.delete()
    assert entry(anime) is not None
    assert_in_step()

    # Unpublishing a whole section hides every title in it.
    UnpublishPageAction(anime_index, user=admin_user, include_descendants=True).execute()
    assert entry(anime) is None
    assert_in_step()

    # A deleted title loses its entry.
    manga.delete()
    assert entry(manga) is None
    assert_in_step()


@pytest.mark.django_db
def test_moving_a_title_under_a_private_section_drops_it(make_anime, home):
    from cms.anime.models import AnimeIndexPage

    anime = make_anime("aot")
    other_index = AnimeIndexPage.objects.get(slug="anime")
    PageViewRestriction.objects.create(page=other_index, restriction_type="login")
    assert entry(anime) is None
    assert_in_step()


@pytest.mark.django_db
def test_rebuild_repairs_and_check_reports_a_stale_index(make_anime):
    first, second = make_anime("first", year=2000), make_anime("second")
    CatalogEntry.objects.filter(page_id=first.pk).update(year=1999)
    CatalogEntry.objects.filter(page_id=second.pk).delete()
    with pytest.raises(CommandError, match="Застарілі записи каталогу: 2"):
        call_command("rebuild_catalog_index", "--check")
    call_command("rebuild_catalog_index")
    assert entry(first).year == 2000
    assert entry(second) is not None
    call_command("rebuild_catalog_index", "--check")
