"""Fixtures of the library tests: users, a signed-in client, an anime with episodes and two
Ukrainian dub teams."""

import pytest
from django.test import Client

from accounts.models import User


@pytest.fixture
def make_user(db):
    def make(username: str = "viewer") -> User:
        return User.objects.create_user(username, f"{username}@example.com", "x")

    return make


@pytest.fixture
def user(make_user) -> User:
    return make_user("viewer")


@pytest.fixture
def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def teams(make_team):
    return make_team("fanvoxua", "FanVoxUA"), make_team("amanogawa", "Amanogawa")


@pytest.fixture
def anime(make_anime, make_episode, teams):
    """An ongoing anime of 3 announced episodes, 2 of them out, each voiced by the first team."""
    team = teams[0]
    title = make_anime("frieren", title="Фрірен", episodes_total=3, status="ongoing")
    for number in (1, 2):
        make_episode(title, number, duration=1440, sources=[uk_source(team)])
    return title


def uk_source(team, **fields) -> dict:
    return {
        "dub_team": team,
        "language": "uk",
        "kind": "hls",
        "provider": "direct",
        "url": f"https://127.0.0.1/{team.slug}/{fields.pop('name', 'stream')}.m3u8",
        **fields,
    }


def episodes_of(title):
    from cms.anime.models import EpisodePage

    return list(EpisodePage.objects.child_of(title).order_by("number"))


def put_json(client: Client, url: str, data: dict):
    return client.put(url, data, content_type="application/json")


def post_json(client: Client, url: str, data: dict):
    return client.post(url, data, content_type="application/json")
