"""Fixtures of the forum and discussions tests: people with roles, a commentable episode and
a JSON API client per person."""

import pytest
from rest_framework.test import APIClient

from accounts.models import User
from accounts.roles import assign_role
from forum.discussions import comments


@pytest.fixture(autouse=True)
def no_rate_limits(monkeypatch):
    """Tests post many comments a second; the rate-limit test sets its own limits."""
    monkeypatch.setattr(comments, "RATE_LIMITS", ((10_000, 10),))


@pytest.fixture
def make_user(db):
    def make(username: str, role: str | None = None) -> User:
        user = User.objects.create_user(username, f"{username}@example.com", "x")
        if role:
            assign_role(user, role)
        return user

    return make


@pytest.fixture
def author(make_user):
    return make_user("author")


@pytest.fixture
def reader(make_user):
    return make_user("reader")


@pytest.fixture
def moderator(make_user):
    return make_user("moder", "moderator")


@pytest.fixture
def anime(make_anime):
    return make_anime("frieren", title="Фрірен")


@pytest.fixture
def episode(anime, make_episode):
    return make_episode(anime, 1)


@pytest.fixture
def api():
    """api(user) -> an APIClient signed in as user (None: anonymous)."""

    def make(user=None) -> APIClient:
        client = APIClient()
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture
def post_comment(api):
    def post(user, page, body="Текст", parent=None):
        data = {"page": page.pk, "body": body}
        if parent is not None:
            data["parent"] = parent
        response = api(user).post("/api/comments/", data, format="json")
        assert response.status_code == 201, response.content
        return response.json()

    return post
