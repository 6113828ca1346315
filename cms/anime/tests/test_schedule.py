"""``GET /api/schedule/``: seven days in Kyiv time, from AniList's exact next airing or Jikan's
weekday and time, with the dub teams of each title."""

import datetime as dt
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from rest_framework.test import APIRequestFactory
from wagtail.models import Page

from cms.anime.models import AnimeIndexPage, AnimePage, EpisodePage
from cms.anime.schedule import ScheduleView
from cms.catalog.models import HomePage
from cms.dubbing.models import DubTeamIndexPage, DubTeamPage, TitleDubbing

pytestmark = pytest.mark.django_db
KYIV = ZoneInfo("Europe/Kyiv")
# Thursday 26 November 2026, 10:00 in Kyiv.
NOW = dt.datetime(2026, 11, 26, 10, 0, tzinfo=KYIV)


@pytest.fixture
def catalog():
    home = Page.get_first_root_node().add_child(instance=HomePage(title="AniHata", slug="h"))
    return home, home.add_child(instance=AnimeIndexPage(title="Аніме", slug="anime"))


def add_anime(index, slug, **fields):
    fields.setdefault("status", "ongoing")
    return index.add_child(
        instance=AnimePage(title=slug.title(), slug=slug, format="tv", external_ids={}, **fields)
    )


def get_schedule():
    request = APIRequestFactory().get("/api/schedule/")
    with mock.patch("cms.anime.schedule.timezone.now", return_value=NOW):
        response = ScheduleView.as_view()(request)
    assert response.status_code == 200
    response.render()
    return response.data


def test_seven_days_from_today_in_kyiv(catalog):
    days = get_schedule()["days"]
    assert [d["date"] for d in days] == [
        f"2026-{m}" for m in ("11-26", "11-27", "11-28", "11-29", "11-30", "12-01", "12-02")
    ]
    assert [d["weekday"] for d in days] == [3, 4, 5, 6, 0, 1, 2]
    assert all(d["items"] == [] for d in days)


def test_jikan_weekday_and_time_converted_to_kyiv(catalog):
    _, index = catalog
    # Fridays 23:00 in Tokyo = Friday 16:00 in Kyiv (UTC+2 in winter).
    frieren = add_anime(
        index,
        "frieren",
        broadcast_weekday=4,
        broadcast_time=dt.time(23, 0),
        broadcast_timezone="Asia/Tokyo",
        poster_url="https://img.test/f.jpg",
    )
    # Mondays 01:30 in Tokyo = Sunday 18:30 in Kyiv.
    add_anime(index, "late", broadcast_weekday=0, broadcast_time=dt.time(1, 30))
    days = {d["date"]: d["items"] for d in get_schedule()["days"]}
    friday = days["2026-11-27"]
    assert len(friday) == 1
    assert friday[0]["title"] == {
        "id": frieren.pk,
        "kind": "anime",
        "title": "Frieren",
        "title_en": "",
        "year": None,
        "url": "/anime/frieren/",
        "poster_url": "https://img.test/f.jpg",
    }
    assert friday[0]["airs_at"] == "2026-11-27T16:00:00+02:00"
    assert friday[0]["episode"] is None
    assert [i["title"]["url"] for i in days["2026-11-29"]] == ["/anime/late/"]
    assert sum(len(items) for items in days.values()) == 2


def test_anilist_next_airing_repeats_weekly_with_episode_numbers(catalog):
    _, index = catalog
    add_anime(
        index,
        "airing",
        next_episode_number=5,
        episodes_total=12,
        next_episode_at=dt.datetime(2026, 11, 28, 15, 0, tzinfo=dt.UTC),
    )
    add_anime(
        index,
        "ending",
        next_episode_number=12,
        episodes_total=12,
        next_episode_at=dt.datetime(2026, 11, 26, 6, 0, tzinfo=dt.UTC),
    )
    add_anime(
        index, "finished", status="finished", broadcast_weekday=3, broadcast_time=dt.time(12, 0)
    )
    items = [i for d in get_schedule()["days"] for i in d["items"]]
    got = [(i["title"]["url"], i["episode"], i["airs_at"]) for i in items]
    assert got == [
        ("/anime/ending/", 12, "2026-11-26T08:00:00+02:00"),  # earlier today still shows
        ("/anime/airing/", 5, "2026-11-28T17:00:00+02:00"),
    ]  # no episode 13 of a 12-episode show, nothing for a finished one


def test_dub_teams_of_the_title(catalog):
    home, index = catalog
    teams = home.add_child(instance=DubTeamIndexPage(title="Команди", slug="dub-teams"))
    team = teams.add_child(instance=DubTeamPage(title="Студія Омікрон", slug="omikron"))
    anime = add_anime(index, "dubbed", broadcast_weekday=5, broadcast_time=dt.time(20, 0))
    TitleDubbing.objects.create(title=anime, dub_team=team, language="uk")
    items = [i for d in get_schedule()["days"] for i in d["items"]]
    assert items[0]["dubs"] == [
        {
            "id": team.id,
            "slug": "omikron",
            "title": "Студія Омікрон",
            "logo_url": None,
            "url": "/dub-teams/omikron/",
            "expected_at": None,
        }
    ]


def test_weekly_slot_counts_on_from_the_newest_episode_with_each_teams_delay(catalog):
    home, index = catalog
    teams = home.add_child(instance=DubTeamIndexPage(title="Команди", slug="dub-teams"))
    quick = teams.add_child(
        instance=DubTeamPage(title="Швидкі", slug="quick", usual_delay_hours=30)
    )
    slow = teams.add_child(instance=DubTeamPage(title="Повільні", slug="slow"))
    # Thursdays 15:00 in Tokyo = 08:00 in Kyiv: this morning's broadcast is already past.
    anime = add_anime(
        index,
        "weekly",
        broadcast_weekday=3,
        broadcast_time=dt.time(15, 0),
        episodes_total=7,
    )
    for number in (1, 2, 5):
        anime.add_child(
            instance=EpisodePage(title=f"Серія {number}", slug=str(number), number=number)
        )
    draft = anime.add_child(instance=EpisodePage(title="Чернетка", slug="9", number=9))
    draft.unpublish()
    for team in (quick, slow):
        TitleDubbing.objects.create(title=anime, dub_team=team, language="uk")
    add_anime(index, "no-episodes", broadcast_weekday=4, broadcast_time=dt.time(12, 0))

    items = [i for d in get_schedule()["days"] for i in d["items"]]
    got = [(i["title"]["url"], i["episode"], i["airs_at"]) for i in items]
    assert got == [
        ("/anime/weekly/", 5, "2026-11-26T08:00:00+02:00"),  # aired this morning: the newest
        ("/anime/no-episodes/", None, "2026-11-27T05:00:00+02:00"),
    ]  # next Thursday's episode 6 is outside the seven days
    dubs = {d["slug"]: d["expected_at"] for d in items[0]["dubs"]}
    assert dubs == {"quick": "2026-11-27T14:00:00+02:00", "slow": None}


def test_no_broadcast_past_the_last_episode(catalog):
    _, index = catalog
    # Fridays 12:00 in Tokyo: tomorrow would be episode 3, and "finale" has only 2.
    for slug, total in (("longer", 3), ("finale", 2)):
        anime = add_anime(
            index, slug, broadcast_weekday=4, broadcast_time=dt.time(12, 0), episodes_total=total
        )
        anime.add_child(instance=EpisodePage(title="Серія 2", slug="2", number=2))
    items = [i for d in get_schedule()["days"] for i in d["items"]]
    got = [(i["title"]["url"], i["episode"], i["airs_at"]) for i in items]
    assert got == [("/anime/longer/", 3, "2026-11-27T05:00:00+02:00")]
