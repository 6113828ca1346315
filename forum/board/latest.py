"""The latest forum topics anyone may read (the home page's «Останнє на форумі», the header's
instant search): approved topics of the forums an anonymous visitor may read, by last post."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.urls import reverse
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Post, Topic
from machina.apps.forum_permission.handler import PermissionHandler

from .search import contains_text
from .topics import SYSTEM_NAME, topic_url

MAX_WORDS = 6


def public_topics() -> QuerySet[Topic]:
    readable = PermissionHandler().get_readable_forums(Forum.objects.all(), AnonymousUser())
    return (
        Topic.approved_objects.filter(forum__in=readable)
        .exclude(status=Topic.TOPIC_MOVED)
        .select_related("forum", "last_post", "last_post__poster")
    )


def public_posts() -> QuerySet[Post]:
    """Approved posts of the topics above (what a visitor may vote on or report)."""
    return Post.approved_objects.filter(topic__in=public_topics())


def latest_topics(limit: int) -> list[Topic]:
    return list(public_topics().order_by("-last_post_on", "-pk")[:limit])


def search_topics(query: str, limit: int) -> list[Topic]:
    """Topics whose subject has every word of `query` (case-insensitive), latest first."""
    topics = public_topics()
    for word in query.split()[:MAX_WORDS]:
        topics = topics.filter(contains_text("subject", word))
    return list(topics.order_by("-last_post_on", "-pk")[:limit])


def last_poster(topic: Topic) -> str | None:
    post = topic.last_post
    if post is None:
        return None
    if post.poster is not None:
        return post.poster.get_username()
    return post.username or SYSTEM_NAME


def topic_data(topic: Topic) -> dict:
    return {
        "id": topic.pk,
        "subject": topic.subject,
        "url": topic_url(topic),
        "forum": {
            "name": topic.forum.name,
            "url": reverse("forum:forum", kwargs={"slug": topic.forum.slug, "pk": topic.forum_id}),
        },
        "replies": max(topic.posts_count - 1, 0),
        "last_post_at": topic.last_post_on,
        "last_poster": last_poster(topic),
    }


INSTANT_TOPICS = 5


def instant_topics(text: str, kind: str | None) -> list[dict]:
    """The header's instant search section `topics` (cms.discovery.instant): topics whose
    subject has every word, only when the search is not limited to one kind of title."""
    if kind is not None:
        return []
    return [
        {"id": t.pk, "title": t.subject, "url": topic_url(t), "forum": t.forum.name}
        for t in search_topics(text, INSTANT_TOPICS)
    ]
