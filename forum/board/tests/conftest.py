"""Fixtures of the forum board tests: the demo forums, a topic with its first post and a
banned member (the people come from forum/conftest.py)."""

import pytest
from django.test import Client
from machina.apps.forum_conversation.models import Post, Topic

from accounts.bans import ban_user
from forum.board.forums import get_forum


@pytest.fixture
def news(db):
    return get_forum("news")


@pytest.fixture
def banned(make_user):
    user = make_user("banned")
    ban_user(user, reason="Спам", days=3)
    return user


@pytest.fixture
def make_topic():
    def make(forum, poster, subject="Перша тема", content="Привіт усім"):
        topic = Topic.objects.create(
            forum=forum,
            poster=poster,
            subject=subject,
            type=Topic.TOPIC_POST,
            status=Topic.TOPIC_UNLOCKED,
            approved=True,
        )
        Post.objects.create(topic=topic, poster=poster, subject=subject, content=content)
        topic.refresh_from_db()
        return topic

    return make


@pytest.fixture
def browser():
    """browser(user) -> a Django test client signed in as user (None: anonymous)."""

    def make(user=None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make
