"""Bans: in force from start to end (or forever), the `ban` command, and the write guard."""

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.bans import active_ban, ban_user, is_banned
from accounts.models import Ban, User
from accounts.roles import assign_role, can

HLS = "https://test-streams.mux.dev/x36xhzz/x36xhzz.m3u8"


@pytest.fixture
def episode(make_anime, make_episode):
    source = {"language": "ja", "kind": "hls", "provider": "direct", "url": HLS}
    return make_episode(make_anime("frieren"), 1, sources=[source])


@pytest.fixture
def user(db) -> User:
    return User.objects.create_user("petro", "petro@example.com", "x")


def test_a_ban_ends_by_itself(user):
    now = timezone.now()
    Ban.objects.create(user=user, reason="спам", starts_at=now - timedelta(days=3), ends_at=now)
    assert not is_banned(user)
    Ban.objects.create(user=user, reason="спам", starts_at=now + timedelta(hours=1))
    assert not is_banned(User.objects.get(pk=user.pk))  # not started yet
    ban = ban_user(user, reason="образи", days=2)
    fresh = User.objects.get(pk=user.pk)
    assert active_ban(fresh) == ban and is_banned(fresh)


def test_a_permanent_ban_wins_over_a_timed_one(user):
    ban_user(user, reason="коротко", days=1)
    forever = ban_user(user, reason="назавжди")
    assert active_ban(User.objects.get(pk=user.pk)) == forever


def test_ban_command(user, capsys):
    call_command("ban", "petro", "--days", "7", "--reason", "флуд")
    ban = Ban.objects.get(user=user)
    assert ban.reason == "флуд" and ban.author is None
    assert timedelta(days=6, hours=23) < ban.ends_at - timezone.now() <= timedelta(days=7)
    call_command("ban", "petro", "--reason", "знову")
    assert Ban.objects.filter(user=user, ends_at__isnull=True).count() == 1
    with pytest.raises(CommandError):
        call_command("ban", "nobody", "--reason", "x")
    with pytest.raises(CommandError):
        call_command("ban", "petro", "--days", "0", "--reason", "x")


def test_a_banned_moderator_can_do_nothing(user):
    moderator = User.objects.create_user("mod", "mod@example.com", "x")
    assign_role(moderator, "moderator")
    assert can(moderator, "ban_user", user)
    ban_user(moderator, reason="зловживання")
    assert not can(User.objects.get(pk=moderator.pk), "ban_user", user)


@pytest.mark.parametrize("days", [3, None])
def test_a_banned_user_cannot_report_but_still_reads(user, days, episode):
    source = episode.sources.first()
    client = APIClient()
    client.force_login(user)
    ban_user(user, reason="Спам у звітах", days=days)

    response = client.post(f"/api/playback/sources/{source.pk}/report/", {}, format="json")
    assert response.status_code == 403
    body = response.json()
    assert body["ban"]["reason"] == "Спам у звітах"
    assert "заблоковано" in body["detail"]
    if days:
        assert body["ban"]["ends_at"] is not None
        assert "до " in body["detail"]
    else:
        assert body["ban"]["ends_at"] is None and "назавжди" in body["detail"]
    assert client.get(f"/api/playback/episodes/{episode.pk}/").status_code == 200


def test_the_ban_lifts_itself(user, episode):
    source = episode.sources.first()
    now = timezone.now()
    Ban.objects.create(user=user, reason="x", starts_at=now - timedelta(days=2), ends_at=now)
    client = APIClient()
    client.force_login(user)
    response = client.post(f"/api/playback/sources/{source.pk}/report/", {}, format="json")
    assert response.status_code == 201
