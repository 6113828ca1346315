"""Reports on forum posts (`POST /api/reports/ {"forum_post": id}`): one open report per
reporter and post (409), never on your own or an unreadable post, listed in the moderators'
queue beside comment reports, and upheld (hide = unapprove, delete = remove, ban the poster)
or rejected with the comments' reputation rules and audit log."""

import pytest
from django.db import IntegrityError, transaction
from machina.apps.forum_conversation.models import Post, Topic
from wagtail.models import ModelLogEntry

from accounts.bans import is_banned
from accounts.models import ReputationEvent
from forum.board.topics import topic_url
from forum.discussions import moderation
from forum.discussions.models import Report

pytestmark = pytest.mark.django_db


@pytest.fixture
def topic(news, make_topic, reader):
    return make_topic(news, reader, subject="Що дивитися взимку?")


@pytest.fixture
def post(topic, author):
    """A reply by `author` in `reader`'s topic."""
    return Post.objects.create(
        topic=topic, poster=author, subject="Re: взимку", content="Купуйте мій курс за посиланням"
    )


def report(client, post_id, reason="spam", text=""):
    body = {"forum_post": post_id, "reason": reason, "text": text}
    return client.post("/api/reports/", body, format="json")


def decide(client, report_id, **body):
    return client.post(f"/api/moderation/reports/{report_id}/", body, format="json")


def test_report_a_post_once(api, reader, make_user, post):
    response = report(api(reader), post.pk, text="Реклама")
    assert response.status_code == 201 and response.json()["message"]
    again = report(api(reader), post.pk, reason="abuse")
    assert again.status_code == 409
    assert again.json() == {"detail": "Ви вже поскаржилися на це, скарга чекає на розгляд."}
    assert report(api(make_user("other")), post.pk).status_code == 201
    saved = Report.objects.get(reporter=reader)
    assert saved.forum_post_id == post.pk and saved.comment_id is None
    assert saved.text == "Реклама" and saved.target == post


def test_refused_reports(api, author, reader, banned, post):
    own = report(api(author), post.pk)
    assert own.status_code == 400 and "власний допис" in own.json()["detail"]
    assert report(api(reader), 10**9).status_code == 404
    assert report(api(reader), 2**70).status_code == 400
    assert report(api(), post.pk).status_code == 403
    assert report(api(banned), post.pk).status_code == 403
    assert report(api(reader), post.pk, reason="boring").status_code == 400
    neither = api(reader).post("/api/reports/", {"reason": "spam"}, format="json")
    assert neither.status_code == 400 and "forum_post" in neither.json()["detail"]
    both = {"comment": 1, "forum_post": post.pk, "reason": "spam"}
    assert api(reader).post("/api/reports/", both, format="json").status_code == 400
    Post.objects.filter(pk=post.pk).update(approved=False)
    assert report(api(reader), post.pk).status_code == 404
    assert not Report.objects.exists()


def test_a_report_is_on_exactly_one_object(reader, post):
    for fields in ({}, {"forum_post": post, "comment_id": 1}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Report.objects.create(reporter=reader, reason="spam", **fields)


def test_the_queue_lists_post_reports(api, reader, moderator, post):
    report(api(reader), post.pk, text="Реклама")
    [entry] = api(moderator).get("/api/moderation/reports/").json()
    assert entry["comment"] is None and entry["text"] == "Реклама"
    reported = entry["forum_post"]
    assert reported["id"] == post.pk and reported["subject"] == "Re: взимку"
    assert reported["author"] == {"username": "author"} and reported["approved"] is True
    assert reported["body"] == "Купуйте мій курс за посиланням"
    assert reported["url"].startswith("/forum/") and reported["url"].endswith(f"#{post.pk}")
    assert api().get(reported["url"]).status_code == 200


def test_uphold_and_hide_unapproves_the_post(api, reader, make_user, author, moderator, post):
    other = make_user("other")
    report(api(reader), post.pk)
    report(api(other), post.pk)
    first = Report.objects.first()
    response = decide(api(moderator), first.pk, decision="uphold", action="hide", reason="Спам")
    assert response.status_code == 200
    assert Post.objects.get(pk=post.pk).approved is False
    assert set(Report.objects.values_list("status", flat=True)) == {"upheld"}
    for reporter in (reader, other):
        assert ReputationEvent.objects.filter(user=reporter, kind="report_upheld").count() == 1
    assert ReputationEvent.objects.filter(user=author, kind="content_removed").count() == 1
    assert api(moderator).get("/api/moderation/reports/").json() == []
    assert api(make_user("visitor")).post(
        f"/api/forum/posts/{post.pk}/vote/", {"value": 1}, format="json"
    ).status_code == 404  # fmt: skip
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {"discussions.hide_post", "discussions.report_upheld"} <= actions
    assert decide(api(moderator), first.pk, decision="reject", reason="x").status_code == 400


def test_uphold_and_delete_removes_the_post(api, reader, author, moderator, topic, post):
    report(api(reader), post.pk)
    response = decide(
        api(moderator), Report.objects.get().pk, decision="uphold", action="delete", reason="Спам"
    )
    assert response.status_code == 200
    assert not Post.objects.filter(pk=post.pk).exists()
    assert Topic.objects.filter(pk=topic.pk).exists()  # the opening post stays
    assert not Report.objects.exists()  # gone with the post, after being upheld
    assert ReputationEvent.objects.filter(user=reader, kind="report_upheld").count() == 1
    assert ReputationEvent.objects.filter(user=author, kind="content_removed").count() == 1
    entry = ModelLogEntry.objects.get(action="discussions.delete_post")
    assert entry.user == moderator and entry.data["reason"] == "Спам"


def test_deleting_a_topics_only_post_removes_the_topic(reader, author, moderator, news, make_topic):
    topic = make_topic(news, author, subject="Реклама")
    filed = moderation.file_report(reader, topic.first_post, "spam")
    moderation.uphold_report(moderator, filed, "Спам", action="delete")
    assert not Topic.objects.filter(pk=topic.pk).exists()


def test_reject_and_ban_the_poster(api, reader, make_user, author, moderator, post):
    report(api(reader), post.pk)
    rejected = decide(api(moderator), Report.objects.get().pk, decision="reject", reason="Норм")
    assert rejected.status_code == 200
    assert Report.objects.get().status == "rejected" and Post.objects.get(pk=post.pk).approved
    assert not ReputationEvent.objects.filter(kind__in=["report_upheld", "content_removed"])

    other = make_user("other")
    report(api(other), post.pk)
    filed = Report.objects.get(reporter=other)
    response = decide(
        api(moderator), filed.pk, decision="uphold", action="ban_author", reason="Спам", days=3
    )
    assert response.status_code == 200
    assert is_banned(author) and Post.objects.get(pk=post.pk).approved is False


def test_the_topic_page_offers_the_report_form_on_others_posts(browser, reader, author, post):
    """reader (the topic's opener) may report author's reply, not their own opening post;
    anonymous visitors see no form."""
    url = topic_url(post.topic)
    html = browser(reader).get(url).content.decode()
    assert html.count('class="post-report ') == 1 and f'data-post="{post.pk}"' in html
    assert '<option value="spam">Спам</option>' in html and "/static/board/reports.js" in html
    assert 'class="post-report ' not in browser(None).get(url).content.decode()
