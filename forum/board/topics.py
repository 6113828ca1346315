"""One forum topic per title: created when an AnimePage or MangaPage is published (Wagtail's
`page_published`, sent by cms, which never imports the forum), its subject kept in step with
the title on later publishes. The topic opens with a post by «AniHata» linking the title page."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.urls import reverse
from machina.apps.forum_conversation.models import Post, Topic

from cms.catalog.models import TitlePage
from cms.catalog.paths import page_path

from .forums import get_forum
from .models import TitleTopic

SYSTEM_NAME = "AniHata"
SYSTEM_KEY = "anihata-system"  # machina's "anonymous key" of posts made by the site itself
SUBJECT_MAX = 255


def topic_url(topic: Topic) -> str:
    return reverse(
        "forum_conversation:topic",
        kwargs={
            "forum_slug": topic.forum.slug,
            "forum_pk": topic.forum_id,
            "slug": topic.slug,
            "pk": topic.pk,
        },
    )


def post_url(post: Post) -> str:
    """A post's place in its topic (machina's own `?post=` link, which finds its page)."""
    return f"{topic_url(post.topic)}?post={post.pk}#{post.pk}"


def _opening_post(page: TitlePage) -> str:
    return (
        f"Обговорення «{page.title}». Сторінка тайтлу: "
        f"[{page.title}]({page_path(page.url_path)})\n\n"
        "Будь ласка, ховайте спойлери й поважайте інших."
    )


def ensure_title_topic(page: TitlePage) -> Topic:
    """The topic of `page`, created if missing (safe under concurrent publishes); its subject
    follows the page's title."""
    link = TitleTopic.objects.select_related("topic", "topic__forum").filter(page=page).first()
    if link is not None:
        _follow_title(link.topic, page)
        return link.topic
    subject = page.title[:SUBJECT_MAX]
    try:
        with transaction.atomic():
            topic = Topic.objects.create(
                forum=get_forum("manga" if page.kind == "manga" else "anime"),
                subject=subject,
                type=Topic.TOPIC_POST,
                status=Topic.TOPIC_UNLOCKED,
                approved=True,
            )
            Post.objects.create(
                topic=topic,
                anonymous_key=SYSTEM_KEY,
                username=SYSTEM_NAME,
                subject=subject,
                content=_opening_post(page),
            )
            TitleTopic.objects.create(page=page, topic=topic)
    except IntegrityError:  # another publish of the same page made it first
        return TitleTopic.objects.select_related("topic").get(page=page).topic
    return topic


def _follow_title(topic: Topic, page: TitlePage) -> None:
    subject = page.title[:SUBJECT_MAX]
    if topic.subject != subject:
        topic.subject = subject
        topic.save()
        Post.objects.filter(pk=topic.first_post_id).update(subject=subject)


def on_page_published(sender, instance, **kwargs) -> None:
    if isinstance(instance, TitlePage):
        ensure_title_topic(instance)


def ensure_all_title_topics() -> int:
    """A topic for every live title that has none (the demo, titles published before the
    forum); returns how many were made."""
    missing = TitlePage.objects.live().exclude(
        pk__in=TitleTopic.objects.values_list("page_id", flat=True)
    )
    made = 0
    for page in missing.specific().iterator():
        ensure_title_topic(page)
        made += 1
    return made
