"""The moderation screen: staff only, the open reports with the comment or forum post in
context, bulk decisions through the community's moderation module (each by rank, each logged),
the failing video sources beside them; the user card's comments, forum posts and reports."""

import pytest
from django.urls import reverse
from machina.apps.forum_conversation.models import Post, Topic
from wagtail.models import ModelLogEntry

from accounts.bans import is_banned
from accounts.models import User
from cms.anime.models import VideoSource
from forum.board.forums import get_forum
from forum.discussions import comments, moderation
from forum.discussions.comments import post_comment
from forum.discussions.models import Comment, CommentStatus, Report, ReportStatus

from .conftest import ROLES, STAFF, denied

pytestmark = pytest.mark.django_db

QUEUE = reverse("crm_moderation:index")


@pytest.fixture(autouse=True)
def no_rate_limits(monkeypatch):
    monkeypatch.setattr(comments, "RATE_LIMITS", ((10_000, 10),))


@pytest.fixture
def reported(make_user, make_anime):
    page = make_anime("frieren", title="Фрірен")
    author, reader, other = make_user("author"), make_user("reader"), make_user("other")
    first = post_comment(other, page, "Хто дивився перший сезон?")
    reply = post_comment(author, page, "Фрірен переможе в кінці", parent=first)
    reports = [
        moderation.file_report(reader, reply, "spoiler", "Спойлер без тегу"),
        moderation.file_report(other, reply, "spoiler"),
        moderation.file_report(reader, first, "other", "Нудно"),
    ]
    return page, author, reply, first, reports


@pytest.mark.parametrize("role", ROLES)
def test_moderation_is_for_staff_only(client, signed_in, role):
    signed_in(role)
    response = client.get(QUEUE)
    assert response.status_code == 200 if role in STAFF else denied(response)


def test_queue_shows_the_comment_in_context(client, signed_in, reported):
    page, author, reply, first, reports = reported
    signed_in("moderator")
    html = client.get(QUEUE).content.decode()
    assert 'data-testid="crm-queue-size">3<' in html
    assert "Фрірен переможе в кінці" in html and "Хто дивився перший сезон?" in html
    assert "Спойлер без тегу" in html and "скарг на коментар: 2" in html
    assert reverse("crm_users:card", args=[author.pk]) in html


def test_bulk_uphold_hides_and_closes_every_report_on_the_comment(client, signed_in, reported):
    page, author, reply, first, reports = reported
    moderator = signed_in("moderator")
    response = client.post(
        QUEUE, {"reports": [reports[0].pk], "decision": "hide", "reason": "Спойлер"}
    )
    assert response.status_code == 302
    assert Comment.objects.get(pk=reply.pk).status == CommentStatus.HIDDEN
    assert set(Report.objects.filter(comment=reply).values_list("status", flat=True)) == {
        ReportStatus.UPHELD
    }
    assert Report.objects.get(pk=reports[2].pk).status == ReportStatus.OPEN
    entry = ModelLogEntry.objects.get(action="discussions.hide")
    assert entry.user == moderator and entry.data["reason"] == "Спойлер"


def test_bulk_reject_and_ban_author(client, signed_in, reported):
    page, author, reply, first, reports = reported
    signed_in("moderator")
    client.post(
        QUEUE,
        {
            "reports": [reports[0].pk, reports[2].pk],
            "decision": "ban_author",
            "reason": "Спойлери",
            "days": "7",
        },
    )
    assert is_banned(User.objects.get(pk=author.pk))
    assert is_banned(User.objects.get(pk=first.author_id))
    client.post(QUEUE, {"reports": [reports[0].pk], "decision": "reject", "reason": "x"})
    assert Report.objects.filter(status=ReportStatus.OPEN).count() == 0


def test_banning_a_peer_is_refused_and_said_so(client, signed_in, make_user, make_anime):
    page = make_anime("peer-page")
    peer = make_user("peer", "moderator")
    comment = post_comment(peer, page, "Текст колеги")
    report = moderation.file_report(make_user("someone"), comment, "abuse")
    signed_in("moderator")
    response = client.post(
        QUEUE, {"reports": [report.pk], "decision": "ban_author", "reason": "помста"}, follow=True
    )
    assert "Ви не можете заблокувати" in response.content.decode()
    assert not is_banned(User.objects.get(pk=peer.pk))
    assert Report.objects.get(pk=report.pk).status == ReportStatus.OPEN


def test_a_decision_without_reason_answers_400(client, signed_in, reported):
    signed_in("moderator")
    reports = reported[-1]
    response = client.post(QUEUE, {"reports": [reports[0].pk], "decision": "hide"})
    assert response.status_code == 400
    assert Report.objects.filter(status=ReportStatus.OPEN).count() == 3


def test_failing_sources_are_shown_beside_the_queue(client, signed_in, make_anime):
    from cms.anime.models import EpisodePage

    anime = make_anime("dead")
    episode = anime.add_child(instance=EpisodePage(title="Серія 1", slug="e1", number=1))
    VideoSource.objects.create(
        episode=episode, provider="direct", url="https://a.test/x.m3u8", is_active=False,
        last_status="HTTP 404",
    )  # fmt: skip
    signed_in("moderator")
    html = client.get(QUEUE).content.decode()
    assert "HTTP 404" in html and reverse("streams_broken_sources") in html


def test_the_user_card_lists_comments_and_reports(client, signed_in, reported):
    page, author, reply, first, reports = reported
    signed_in("moderator")
    card = client.get(reverse("crm_users:card", args=[author.pk])).content.decode()
    assert "Фрірен переможе в кінці" in card and "reader" in card
    card = client.get(reverse("crm_users:card", args=[reports[0].reporter_id])).content.decode()
    assert "на author" in card


@pytest.fixture
def reported_post(make_user):
    """A forum reply by `poster` in a topic of the news forum, reported by `reader`."""
    poster, reader = make_user("poster"), make_user("reader")
    topic = Topic.objects.create(
        forum=get_forum("news"),
        poster=reader,
        subject="Зимовий сезон",
        type=Topic.TOPIC_POST,
        status=Topic.TOPIC_UNLOCKED,
        approved=True,
    )
    Post.objects.create(topic=topic, poster=reader, subject="Зимовий сезон", content="Що дивимось?")
    post = Post.objects.create(
        topic=topic, poster=poster, subject="Re: Зимовий сезон", content="Купуйте мій курс"
    )
    return post, poster, moderation.file_report(reader, post, "spam", "Реклама")


def test_queue_shows_forum_post_reports(client, signed_in, reported_post):
    post, poster, report = reported_post
    signed_in("moderator")
    html = client.get(QUEUE).content.decode()
    assert 'data-testid="crm-queue-size">1<' in html
    assert "Допис форуму" in html and "Re: Зимовий сезон" in html and "Купуйте мій курс" in html
    assert f"?post={post.pk}#{post.pk}" in html and "Реклама" in html
    assert reverse("crm_users:card", args=[poster.pk]) in html


def test_bulk_uphold_hides_a_forum_post(client, signed_in, reported_post):
    post, poster, report = reported_post
    moderator = signed_in("moderator")
    response = client.post(QUEUE, {"reports": [report.pk], "decision": "hide", "reason": "Спам"})
    assert response.status_code == 302
    assert Post.objects.get(pk=post.pk).approved is False
    assert Report.objects.get(pk=report.pk).status == ReportStatus.UPHELD
    assert ModelLogEntry.objects.get(action="discussions.hide_post").user == moderator


def test_the_user_card_lists_forum_posts_and_their_reports(client, signed_in, reported_post):
    post, poster, report = reported_post
    signed_in("moderator")
    card = client.get(reverse("crm_users:card", args=[poster.pk])).content.decode()
    assert "Останні дописи на форумі" in card and "Зимовий сезон" in card
    assert "Купуйте мій курс" in card and f"?post={post.pk}#{post.pk}" in card
    assert "допис «Re: Зимовий сезон»" in card and "reader" in card
    card = client.get(reverse("crm_users:card", args=[report.reporter_id])).content.decode()
    assert "на допис poster" in card and "Що дивимось?" in card
