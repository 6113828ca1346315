"""GET /api/me/ and /api/users/<username>/, and their place in the OpenAPI schema."""

import pytest
from django.test import override_settings
from wagtail.users.utils import get_gravatar_url

from accounts.bans import ban_user
from accounts.models import User
from accounts.reputation import award
from accounts.roles import assign_role

pytestmark = pytest.mark.django_db

LEVELS = [(0, "Новачок"), (5, "Глядач"), (50, "Знавець")]


@pytest.fixture
def user() -> User:
    user = User.objects.create_user("sofiia", "sofiia@example.com", "x")
    assign_role(user, "editor")
    for n in range(3):
        award(user, "comment_posted", key=f"comment:{n}")  # +6
    return user


def test_me_is_401_json_when_anonymous(client):
    response = client.get("/api/me/")
    assert response.status_code == 401
    assert response.json() == {"detail": "Потрібно увійти."}


@override_settings(REPUTATION_LEVELS=LEVELS, REPUTATION_UNLOCKS={"avatar_frame": 2, "title": 3})
def test_me_shows_reputation_level_unlocks_and_roles(client, user):
    client.force_login(user)
    response = client.get("/api/me/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    body = response.json()
    assert body["username"] == "sofiia" and body["email"] == "sofiia@example.com"
    assert body["reputation"] == 6
    assert body["level"] == {"number": 2, "name": "Глядач"}
    assert body["unlocked"] == ["avatar_frame"]
    assert [role["name"] for role in body["roles"]] == ["editor", "viewer"]
    assert body["can_access_admin"] is True
    assert body["ban"] is None
    assert body["avatar_url"] is None


def test_me_tells_a_banned_user_why(client, user):
    ban_user(user, reason="спам", days=1)
    client.force_login(user)
    assert client.get("/api/me/").json()["ban"]["reason"] == "спам"


@override_settings(REPUTATION_LEVELS=LEVELS)
def test_public_profile(client, user):
    body = client.get("/api/users/sofiia/").json()
    assert body["reputation"] == 6 and body["level"]["number"] == 2
    assert "email" not in body and "ban" not in body
    assert [role["name"] for role in body["roles"]] == ["editor", "viewer"]


def test_unknown_or_inactive_user_is_404(client, user):
    assert client.get("/api/users/nobody/").status_code == 404
    user.is_active = False
    user.save()
    response = client.get("/api/users/sofiia/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Користувача не знайдено."}


def test_schema_lists_both_endpoints(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").content.decode()
    assert "/api/me/" in schema and "/api/users/{username}/" in schema
    assert "MeSerializer" not in schema  # component names are the shapes', not ours
    assert "PublicProfile" in schema


def test_no_gravatar_lookups():
    assert get_gravatar_url("someone@example.com") is None
