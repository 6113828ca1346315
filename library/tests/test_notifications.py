"""Subscriptions per dub team and the notifications a new episode makes: exactly once per
subscription and episode (two sources of the team in one publish, republishing, a source
saved later), "any Ukrainian dub" only for the episode's first Ukrainian team, the read
endpoint, and e-mails batched per user."""

import pytest
from django.core import mail
from django.test import Client

from cms.anime.models import VideoSource
from cms.anime.signals import announce_sources
from config.tests.test_api_errors import assert_error
from library.models import Notification, Subscription
from library.tasks import send_notification_emails

from .conftest import episodes_of, post_json, uk_source

SUBSCRIPTIONS = "/api/me/subscriptions/"
NOTIFICATIONS = "/api/me/notifications/"


def subscribe(client, title, team=None, email=False):
    return post_json(
        client, SUBSCRIPTIONS, {"title": title.pk, "dub_team": team and team.pk, "email": email}
    )


def test_subscribe_list_and_cancel(signed_in, anime, teams):
    response = subscribe(signed_in, anime, teams[1])
    assert response.status_code == 201
    body = response.json()
    assert body["title"]["id"] == anime.pk and body["dub_team"]["slug"] == "amanogawa"
    assert body["email"] is False
    again = subscribe(signed_in, anime, teams[1], email=True)
    assert again.status_code == 200 and again.json()["id"] == body["id"] and again.json()["email"]
    any_dub = subscribe(signed_in, anime).json()
    assert any_dub["dub_team"] is None
    assert subscribe(signed_in, anime).json()["id"] == any_dub["id"]
    listed = signed_in.get(SUBSCRIPTIONS, {"title": anime.pk}).json()["items"]
    assert {item["id"] for item in listed} == {body["id"], any_dub["id"]}
    assert signed_in.delete(f"{SUBSCRIPTIONS}{body['id']}/").status_code == 204
    assert Subscription.objects.count() == 1


@pytest.mark.parametrize(
    "data, field",
    [
        ({}, "title"),
        ({"title": "abc"}, "title"),
        ({"title": 10**6}, "title"),
        ({"title": None}, "title"),
        ({"title": "TITLE", "dub_team": 10**6}, "dub_team"),
        ({"title": "TITLE", "email": "often"}, "email"),
    ],
)
def test_bad_subscriptions_are_400(signed_in, anime, data, field):
    data = {key: anime.pk if value == "TITLE" else value for key, value in data.items()}
    assert_error(post_json(signed_in, SUBSCRIPTIONS, data), 400, field)


def test_another_users_subscription_is_404(signed_in, anime, make_user):
    other = Client()
    other.force_login(make_user("other"))
    theirs = subscribe(other, anime).json()
    assert_error(signed_in.delete(f"{SUBSCRIPTIONS}{theirs['id']}/"), 404)
    assert signed_in.get(SUBSCRIPTIONS).json()["items"] == []
    assert Subscription.objects.count() == 1


def test_two_sources_of_the_team_in_one_publish_notify_once(
    signed_in, user, anime, teams, make_episode, make_user
):
    team, other_team = teams
    subscribe(signed_in, anime, team)
    bystander = Client()
    bystander.force_login(make_user("bystander"))
    subscribe(bystander, anime, other_team)

    episode = make_episode(
        anime,
        3,
        sources=[uk_source(team, name="1080"), uk_source(team, name="720")],
    )
    assert Notification.objects.filter(user=user).count() == 1
    note = Notification.objects.get(user=user)
    assert (note.episode_id, note.dub_team_id) == (episode.pk, team.pk)
    assert not Notification.objects.filter(user__username="bystander").exists()

    # Republishing, saving the source again, switching it off and on: still one.
    episode.save_revision().publish()
    source = VideoSource.objects.filter(episode=episode).first()
    source.is_active = False
    source.save()
    source.is_active = True
    source.save()
    announce_sources(episode)
    assert Notification.objects.filter(user=user).count() == 1

    body = signed_in.get(NOTIFICATIONS).json()
    assert body["meta"] == {"total_count": 1, "unread_count": 1}
    item = body["items"][0]
    assert item["read"] is False
    assert item["episode"]["url"] == "/anime/frieren/3/"
    assert item["title"]["id"] == anime.pk and item["dub_team"]["id"] == team.pk


def test_a_team_source_added_later_notifies_that_teams_subscribers(signed_in, user, anime, teams):
    team, other_team = teams
    subscribe(signed_in, anime, other_team)
    first, _ = episodes_of(anime)
    assert not Notification.objects.exists()  # episodes already out before subscribing
    VideoSource.objects.create(episode=first, **uk_source(other_team))
    assert Notification.objects.get(user=user).dub_team_id == other_team.pk


def test_any_dub_fires_for_the_first_ukrainian_team_only(
    signed_in, user, anime, teams, make_episode
):
    team, other_team = teams
    subscribe(signed_in, anime)
    episode = make_episode(anime, 3, sources=[uk_source(team)])
    assert Notification.objects.filter(user=user, episode=episode).count() == 1
    VideoSource.objects.create(episode=episode, **uk_source(other_team))
    assert Notification.objects.filter(user=user).count() == 1


def test_an_unpublished_episode_notifies_nobody_until_it_is_published(
    signed_in, user, anime, teams, make_episode
):
    subscribe(signed_in, anime, teams[0])
    episode = make_episode(anime, 3)
    episode.unpublish()
    VideoSource.objects.create(episode=episode, **uk_source(teams[0]))
    assert not Notification.objects.exists()
    episode.save_revision().publish()
    assert Notification.objects.filter(user=user).count() == 1


def test_mark_read_by_id_or_all(signed_in, user, anime, teams, make_episode, make_user):
    subscribe(signed_in, anime, teams[0])
    make_episode(anime, 3, sources=[uk_source(teams[0])])
    make_episode(anime, 4, sources=[uk_source(teams[0])])
    first, second = Notification.objects.filter(user=user).order_by("id")
    response = post_json(signed_in, f"{NOTIFICATIONS}read/", {"ids": [first.pk]})
    assert response.json() == {"unread_count": 1}
    unread = signed_in.get(NOTIFICATIONS, {"unread": "1"}).json()["items"]
    assert [item["id"] for item in unread] == [second.pk]

    other = Client()
    other.force_login(make_user("other"))
    assert_error(post_json(other, f"{NOTIFICATIONS}read/", {"ids": [second.pk]}), 404)
    assert_error(post_json(signed_in, f"{NOTIFICATIONS}read/", {"ids": ["x"]}), 400, "ids")
    assert post_json(signed_in, f"{NOTIFICATIONS}read/", {}).json() == {"unread_count": 0}


def test_emails_are_batched_per_user(
    signed_in, user, anime, teams, make_episode, make_user, django_capture_on_commit_callbacks
):
    subscribe(signed_in, anime, teams[0], email=True)
    quiet = Client()
    quiet.force_login(make_user("quiet"))
    subscribe(quiet, anime, teams[0])  # no e-mail asked for
    make_episode(anime, 3, sources=[uk_source(teams[0])])
    make_episode(anime, 4, sources=[uk_source(teams[0])])
    assert mail.outbox == []  # nothing sent while publishing

    with django_capture_on_commit_callbacks(execute=True):
        assert send_notification_emails() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    assert message.subject == "Нові серії у ваших озвученнях: 2"
    assert "Фрірен — серія 3 (FanVoxUA)" in message.body
    assert "/anime/frieren/4/" in message.body
    with django_capture_on_commit_callbacks(execute=True):
        assert send_notification_emails() == 0  # never twice
    assert len(mail.outbox) == 1
