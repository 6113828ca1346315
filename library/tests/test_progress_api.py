"""`/api/me/progress/` and `/api/me/history/`: positions saved per episode, 80 % counts as
watched once (reputation, list status), the last episode completes the title, sendBeacon's
form POST, history newest first with the next episode."""

import pytest
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory

from accounts.models import ReputationEvent
from accounts.reputation import profile_of
from config.tests.test_api_errors import assert_error
from library.models import ListEntry, WatchProgress

from .conftest import episodes_of, put_json, uk_source

PROGRESS = "/api/me/progress/"


def test_position_is_saved_and_read_back(signed_in, anime):
    first, second = episodes_of(anime)
    response = put_json(signed_in, f"{PROGRESS}{first.pk}/", {"position": 300})
    assert response.status_code == 200
    assert response.json() | {"updated_at": None} == {
        "episode": {"id": first.pk, "number": 1, "title": "Серія 1", "url": "/anime/frieren/1/"},
        "position": 300,
        "duration": 1440,
        "completed": False,
        "updated_at": None,
    }
    put_json(signed_in, f"{PROGRESS}{first.pk}/", {"position": 310})
    put_json(signed_in, f"{PROGRESS}{second.pk}/", {"position": 5, "duration": 1400})
    items = signed_in.get(PROGRESS, {"title": anime.pk}).json()["items"]
    assert [(i["episode"]["number"], i["position"], i["duration"]) for i in items] == [
        (1, 310, 1440),
        (2, 5, 1400),
    ]
    one = signed_in.get(PROGRESS, {"episode": second.pk}).json()["items"]
    assert [i["position"] for i in one] == [5]
    assert WatchProgress.objects.count() == 2


def test_eighty_percent_counts_once_and_moves_the_list_entry(signed_in, anime, user):
    first, _ = episodes_of(anime)
    put_json(signed_in, f"{PROGRESS}{first.pk}/", {"position": 1000})
    assert not ListEntry.objects.exists()
    body = put_json(signed_in, f"{PROGRESS}{first.pk}/", {"position": 1152}).json()  # 80 %
    assert body["completed"] is True
    assert ListEntry.objects.get(user=user, title=anime).status == "watching"
    # Seeking back keeps it watched, and watching it again never counts twice.
    assert put_json(signed_in, f"{PROGRESS}{first.pk}/", {"position": 10}).json()["completed"]
    put_json(signed_in, f"{PROGRESS}{first.pk}/", {"position": 1400})
    assert ReputationEvent.objects.filter(user=user, kind="episode_watched").count() == 1
    assert profile_of(user).reputation == 1


def test_a_planned_title_moves_to_watching_and_the_last_episode_completes_it(
    signed_in, anime, user, make_episode, teams
):
    put_json(signed_in, f"/api/me/list/{anime.pk}/", {"status": "planned", "score": 8})
    first, second = episodes_of(anime)
    put_json(signed_in, f"{PROGRESS}{first.pk}/", {"position": 0, "completed": True})
    assert ListEntry.objects.get(user=user).status == "watching"
    third = make_episode(anime, 3, duration=1440, sources=[uk_source(teams[0])])
    put_json(signed_in, f"{PROGRESS}{third.pk}/", {"position": 1430})
    entry = ListEntry.objects.get(user=user)
    assert (entry.status, entry.score) == ("completed", 8)


def test_a_finished_title_without_a_count_completes_at_its_last_live_episode(
    signed_in, make_anime, make_episode, user
):
    title = make_anime("movie", status="finished")
    only = make_episode(title, 1, duration=100)
    put_json(signed_in, f"{PROGRESS}{only.pk}/", {"position": 90})
    assert ListEntry.objects.get(user=user).status == "completed"


def test_without_any_duration_only_the_players_word_completes(signed_in, make_anime, make_episode):
    title = make_anime("short", status="ongoing")
    episode = make_episode(title, 1)
    assert not put_json(signed_in, f"{PROGRESS}{episode.pk}/", {"position": 5000}).json()[
        "completed"
    ]


def test_send_beacon_form_post_with_the_csrf_field(anime, user):
    first, _ = episodes_of(anime)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    assert_error(client.post(f"{PROGRESS}{first.pk}/", {"position": "42"}), 403)
    client.get("/api/me/list/")  # any page view; the front end has the cookie already
    token = get_token(RequestFactory().get("/"))
    client.cookies["csrftoken"] = token
    response = client.post(
        f"{PROGRESS}{first.pk}/",
        {"position": "42", "duration": "1440", "completed": "false", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 200, response.content
    assert WatchProgress.objects.get().position == 42


@pytest.mark.parametrize(
    "data, field",
    [
        ({}, "position"),
        ({"position": -1}, "position"),
        ({"position": "12s"}, "position"),
        ({"position": 10**9}, "position"),
        ({"position": 1, "duration": 0}, "duration"),
        ({"position": 1, "completed": "so-so"}, "completed"),
    ],
)
def test_bad_progress_is_400(signed_in, anime, data, field):
    first, _ = episodes_of(anime)
    assert_error(put_json(signed_in, f"{PROGRESS}{first.pk}/", data), 400, field)


def test_unknown_or_unpublished_episode_is_404(signed_in, anime):
    first, _ = episodes_of(anime)
    assert_error(put_json(signed_in, f"{PROGRESS}{first.pk + 1000}/", {"position": 1}), 404)
    first.unpublish()
    assert_error(put_json(signed_in, f"{PROGRESS}{first.pk}/", {"position": 1}), 404)


def test_progress_needs_a_title_or_an_episode(signed_in):
    assert_error(signed_in.get(PROGRESS), 400, "title")
    assert_error(signed_in.get(PROGRESS, {"title": "x"}), 400, "title")


def test_another_users_progress_is_invisible(signed_in, anime, make_user):
    first, _ = episodes_of(anime)
    other = Client()
    other.force_login(make_user("other"))
    put_json(other, f"{PROGRESS}{first.pk}/", {"position": 77})
    assert signed_in.get(PROGRESS, {"title": anime.pk}).json()["items"] == []
    assert signed_in.get("/api/me/history/").json()["items"] == []


def test_history_newest_first_with_the_next_episode(signed_in, anime, make_anime, make_episode):
    first, second = episodes_of(anime)
    other = make_anime("other-title")
    lone = make_episode(other, 1, duration=100)
    put_json(signed_in, f"{PROGRESS}{second.pk}/", {"position": 20})
    put_json(signed_in, f"{PROGRESS}{first.pk}/", {"position": 1300})
    put_json(signed_in, f"{PROGRESS}{lone.pk}/", {"position": 10})

    body = signed_in.get("/api/me/history/").json()
    assert body["meta"] == {"total_count": 3}
    assert [(i["title"]["id"], i["episode"]["number"]) for i in body["items"]] == [
        (other.pk, 1),
        (anime.pk, 1),
        (anime.pk, 2),
    ]
    assert body["items"][1]["next"]["id"] == second.pk and body["items"][1]["completed"]
    assert body["items"][0]["next"] is None

    per_title = signed_in.get("/api/me/history/", {"per_title": "1"}).json()["items"]
    assert [(i["title"]["id"], i["episode"]["number"]) for i in per_title] == [
        (other.pk, 1),
        (anime.pk, 1),
    ]
    lone.unpublish()
    assert len(signed_in.get("/api/me/history/").json()["items"]) == 2
    assert_error(signed_in.get("/api/me/history/", {"limit": "0"}), 400, "limit")
