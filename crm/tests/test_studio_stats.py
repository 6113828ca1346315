"""Studio analytics: the player's progress reports name the source played, a play counts once
per user, source and day, the daily task sums them per source and per team, and a team's
members see their own team's figures only."""

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from cms.anime.models import VideoSource
from crm.models import DailySourceStats, DailyTeamStats
from crm.stats import compute_day
from integrations.streams.models import BrokenVideoReport
from library.models import Play, Subscription

from .conftest import denied

HLS = "https://test-streams.mux.dev/x36xhzz/x36xhzz.m3u8"


@pytest.fixture
def studio(make_anime, make_episode, make_team, make_user):
    anime = make_anime("frieren", title="Фрірен", episodes_total=2)
    first, second = make_episode(anime, 1), make_episode(anime, 2)
    ours, theirs = make_team("ours", "Наші"), make_team("theirs", "Чужі")
    member = make_user("dubber", "dubber")
    ours.memberships.create(user=member)
    ours.save_revision().publish()

    def source(episode, team, language="uk"):
        return VideoSource.objects.create(
            episode=episode, dub_team=team, language=language, provider="direct", url=HLS
        )

    return {
        "anime": anime,
        "member": member,
        "ours": ours,
        "theirs": theirs,
        "first_ours": source(first, ours),
        "second_ours": source(second, ours),
        "first_theirs": source(first, theirs),
        "episodes": (first, second),
    }


def report(user, episode, source_id, position=30):
    client = APIClient()
    client.force_login(user)
    return client.put(
        f"/api/me/progress/{episode.pk}/",
        {"position": position, "duration": 1400, "source": source_id},
        format="json",
    )


def test_a_play_counts_once_per_user_source_and_day(studio, make_user):
    viewer, other = make_user("viewer"), make_user("other")
    first, _ = studio["episodes"]
    for position in (15, 30, 45):  # the player reports every ~15 s
        assert report(viewer, first, studio["first_ours"].pk, position).status_code == 200
    assert report(other, first, studio["first_ours"].pk).status_code == 200
    assert report(viewer, first, studio["first_theirs"].pk).status_code == 200
    assert Play.objects.filter(source=studio["first_ours"]).count() == 2
    assert Play.objects.filter(source=studio["first_theirs"]).count() == 1


def test_a_source_of_another_episode_or_unknown_is_refused(studio, make_user):
    viewer = make_user("viewer")
    first, _ = studio["episodes"]
    for source in (studio["second_ours"].pk, 999_999):
        response = report(viewer, first, source)
        assert response.status_code == 400
        assert response.json()["parameter"] == "source"
    assert report(viewer, first, "три").status_code == 400
    assert not Play.objects.exists()
    # without a source the position is still saved: older players keep working
    assert report(viewer, first, None).status_code == 200


def test_the_daily_task_sums_plays_per_source_and_team(studio, make_user):
    first, second = studio["episodes"]
    for name in ("a", "b", "c"):
        report(make_user(name), first, studio["first_ours"].pk)
    report(make_user("d"), second, studio["second_ours"].pk)
    report(make_user("e"), first, studio["first_theirs"].pk)
    today = timezone.localdate()
    compute_day(today)
    compute_day(today)  # recomputing gives the same rows
    per_source = dict(DailySourceStats.objects.filter(day=today).values_list("source", "plays"))
    assert per_source == {
        studio["first_ours"].pk: 3,
        studio["second_ours"].pk: 1,
        studio["first_theirs"].pk: 1,
    }
    per_team = dict(DailyTeamStats.objects.filter(day=today).values_list("team", "plays"))
    assert per_team == {studio["ours"].pk: 4, studio["theirs"].pk: 1}


def test_a_member_sees_its_own_team_only(client, studio, make_user):
    first, second = studio["episodes"]
    report(make_user("a"), first, studio["first_ours"].pk)
    report(make_user("b"), first, studio["first_ours"].pk)
    report(make_user("c"), first, studio["first_theirs"].pk)
    fan = make_user("fan")
    Subscription.objects.create(user=fan, title=studio["anime"], dub_team=studio["ours"])
    BrokenVideoReport.objects.create(
        source=studio["second_ours"], session_key="s1", day=timezone.localdate()
    )
    compute_day(timezone.localdate())

    client.force_login(studio["member"])
    url = reverse("crm_studio:index")
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["team"] == studio["ours"]
    assert list(page.context["teams"]) == [studio["ours"]]
    assert page.context["total_plays"] == 2
    assert page.context["episodes"] == [
        {"anime": "Фрірен", "episode": 1, "language": "Українська", "plays": 2}
    ]
    assert page.context["subscribers"] == {"team": 1, "any_dub": 0}
    assert [source.pk for source in page.context["troubled"]] == [studio["second_ours"].pk]
    assert client.get(url, {"team": studio["theirs"].pk}).status_code == 404
    assert client.get(url, {"team": "x"}).status_code == 404
    assert client.get(url, {"start": "2026-02-01", "end": "2026-01-01"}).status_code == 400


def test_people_of_no_team_are_kept_out(client, studio, signed_in):
    assert denied(client.get(reverse("crm_studio:index")))  # anonymous
    signed_in("viewer")
    assert denied(client.get(reverse("crm_studio:index")))


def test_an_editor_chooses_any_team(client, studio, signed_in):
    signed_in("editor")
    page = client.get(reverse("crm_studio:index"), {"team": studio["theirs"].pk})
    assert page.status_code == 200 and page.context["team"] == studio["theirs"]
