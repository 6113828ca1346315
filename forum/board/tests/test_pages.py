"""The forum at /forum/: machina's pages in the site's shell and in Ukrainian, for anonymous
visitors, members, moderators and banned users, with who may post and who gets 403."""

import pytest
from django.urls import reverse
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Post, Topic

from cms.demo.signals import demo_loaded
from forum.board.forums import FORUMS

pytestmark = pytest.mark.django_db


def topic_url(topic):
    return reverse(
        "forum_conversation:topic",
        kwargs={
            "forum_slug": topic.forum.slug,
            "forum_pk": topic.forum.pk,
            "slug": topic.slug,
            "pk": topic.pk,
        },
    )


def create_url(forum):
    return reverse(
        "forum_conversation:topic_create", kwargs={"forum_slug": forum.slug, "forum_pk": forum.pk}
    )


def reply_url(topic):
    return reverse(
        "forum_conversation:post_create",
        kwargs={
            "forum_slug": topic.forum.slug,
            "forum_pk": topic.forum.pk,
            "topic_slug": topic.slug,
            "topic_pk": topic.pk,
        },
    )


def moderation_url(name, topic):
    return reverse(f"forum_moderation:{name}", kwargs={"slug": topic.slug, "pk": topic.pk})


def test_demo_creates_the_five_forums_once():
    demo_loaded.send(sender=None)
    demo_loaded.send(sender=None)
    names = sorted(Forum.objects.values_list("name", flat=True))
    assert names == sorted(name for name, _ in FORUMS.values())


@pytest.mark.parametrize("who", ["anonymous", "reader", "moderator", "banned"])
def test_index_forum_and_topic_render_in_ukrainian_in_the_site_shell(
    who, request, browser, news, make_topic, author
):
    user = None if who == "anonymous" else request.getfixturevalue(who)
    topic = make_topic(news, author)
    client = browser(user)
    for url in (
        "/forum/",
        reverse("forum:forum", kwargs={"slug": news.slug, "pk": news.pk}),
        topic_url(topic),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert '<html lang="uk">' in html
        assert "/static/site/tokens.css" in html and "/static/board/forum.css" in html
        for link in ('href="/anime/"', 'href="/manga/"', 'href="/schedule/"', 'href="/forum/"'):
            assert link in html
        assert "Форум AniHata" in html
        assert "Forum index" not in html and "Search" not in html
    assert "Привіт усім" in html
    if user is None:
        assert "Увійти" in html
    else:
        assert user.username in html


def test_index_lists_the_forums_in_ukrainian(browser, news):
    html = browser().get("/forum/").content.decode()
    assert "Новини" in html
    assert "Пошук на форумі" in html


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("reader", 200), ("moderator", 200), ("banned", 403)],
)
def test_who_may_open_the_new_topic_and_reply_forms(
    who, status, request, browser, news, make_topic, author
):
    user = None if who == "anonymous" else request.getfixturevalue(who)
    topic = make_topic(news, author)
    client = browser(user)
    for url in (create_url(news), reply_url(topic)):
        response = client.get(url)
        assert response.status_code == status, url
        if status == 302:
            assert response["Location"].startswith("/accounts/sign-in/?next=")


def test_a_member_posts_a_topic_published_at_once(browser, reader, news):
    response = browser(reader).post(
        create_url(news), {"subject": "Що подивитися?", "content": "Порадьте щось **добре**"}
    )
    assert response.status_code == 302
    topic = Topic.objects.get(subject="Що подивитися?")
    assert topic.approved and topic.poster == reader
    assert topic.first_post.approved
    html = browser().get(response["Location"]).content.decode()
    assert "<strong>добре</strong>" in html


def test_a_banned_member_cannot_post_or_reply(browser, banned, news, make_topic, author):
    topic = make_topic(news, author)
    client = browser(banned)
    assert client.post(create_url(news), {"subject": "Спам", "content": "x"}).status_code == 403
    assert client.post(reply_url(topic), {"subject": "Re", "content": "x"}).status_code == 403
    assert Post.objects.count() == 1


def test_hostile_markup_is_escaped(browser, reader, news):
    body = '<script>alert("x")</script><img src=x onerror=alert(1)> [a](javascript:alert(1))'
    response = browser(reader).post(create_url(news), {"subject": "<b>тема</b>", "content": body})
    assert response.status_code == 302
    html = browser().get(response["Location"]).content.decode()
    assert "<script>alert" not in html
    assert "onerror=alert" not in html.replace("&lt;img", "")
    assert 'href="javascript:' not in html
    assert "<b>тема</b>" not in html


@pytest.mark.parametrize(("who", "status"), [("reader", 403), ("banned", 403), ("moderator", 200)])
def test_only_moderators_moderate(who, status, request, browser, news, make_topic, author):
    user = request.getfixturevalue(who)
    topic = make_topic(news, author)
    client = browser(user)
    assert client.get(reverse("forum_moderation:queue")).status_code == status
    assert client.get(moderation_url("topic_lock", topic)).status_code == status
    assert client.get(moderation_url("topic_delete", topic)).status_code == status


def test_a_moderator_locks_a_topic_and_members_can_no_longer_reply(
    browser, moderator, reader, news, make_topic, author
):
    topic = make_topic(news, author)
    response = browser(moderator).post(moderation_url("topic_lock", topic))
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.is_locked
    assert browser(reader).get(reply_url(topic)).status_code == 403
    assert browser(moderator).get(reply_url(topic)).status_code == 200


def test_forum_search_finds_a_topic(browser, news, make_topic, author):
    make_topic(news, author, subject="Атака титанів: фінал", content="Обговорюємо фінал")
    response = browser().get(reverse("forum_search:search"), {"q": "фінал"})
    assert response.status_code == 200
    assert "Атака титанів: фінал" in response.content.decode()


def test_forum_search_needs_every_word_and_applies_machinas_filters(
    browser, news, make_topic, author, reader
):
    make_topic(news, author, subject="Магічна битва", content="Сезон другий")
    make_topic(news, reader, subject="Магічна академія", content="Сезон перший")
    search = reverse("forum_search:search")
    html = browser().get(search, {"q": "магічна другий"}).content.decode()
    assert "Магічна битва" in html and "Магічна академія" not in html
    html = browser().get(search, {"q": "магічна", "search_poster_name": "reader"}).content.decode()
    assert "Магічна академія" in html and "Магічна битва" not in html
    html = browser().get(search, {"q": "нічого такого"}).content.decode()
    assert "Нічого не знайдено" in html
    huge = browser().get(search, {"q": "<script>" + "а " * 5000})
    assert huge.status_code == 200 and "<script>а" not in huge.content.decode()


def test_anonymous_visitors_get_no_session_from_the_forum_or_the_api(browser, news):
    client = browser()
    for url in ("/forum/", f"/forum/forum/{news.slug}-{news.pk}/", "/api/comments/?page=1"):
        client.get(url)
    assert "sessionid" not in client.cookies
