"""Likes and dislikes on forum posts (`POST /api/forum/posts/<id>/vote/`) with the comments'
rules, and reputation for writing on the forum."""

import pytest
from machina.apps.forum_conversation.models import Post

from accounts.models import ReputationEvent
from accounts.reputation import profile_of
from forum.board.topics import ensure_title_topic

pytestmark = pytest.mark.django_db


def vote(api, user, post, value):
    return api(user).post(f"/api/forum/posts/{post.pk}/vote/", {"value": value}, format="json")


@pytest.fixture
def post(news, make_topic, author):
    return make_topic(news, author).first_post


def test_like_change_and_withdraw(api, reader, post, author):
    assert vote(api, reader, post, 1).json() == {"likes": 1, "dislikes": 0, "my_vote": 1}
    assert vote(api, reader, post, -1).json() == {"likes": 0, "dislikes": 1, "my_vote": -1}
    assert vote(api, reader, post, 0).json() == {"likes": 0, "dislikes": 0, "my_vote": 0}
    kinds = sorted(ReputationEvent.objects.filter(user=author).values_list("kind", flat=True))
    assert kinds == ["dislike_received", "forum_post", "like_received"]
    assert profile_of(author).reputation == 2 + 1 - 1


def test_no_vote_on_your_own_post(api, author, post):
    response = vote(api, author, post, 1)
    assert response.status_code == 403
    assert "власний" in response.json()["detail"]


def test_anonymous_and_banned_users_cannot_vote(api, banned, post):
    assert vote(api, None, post, 1).status_code == 403
    assert vote(api, banned, post, 1).status_code == 403


@pytest.mark.parametrize("value", [2, "1; drop table", None, [1], {"a": 1}])
def test_bad_values_are_a_400(api, reader, post, value):
    response = vote(api, reader, post, value)
    assert response.status_code == 400
    assert response.json()["detail"]


def test_malformed_json_is_a_400(api, reader, post):
    response = api(reader).post(
        f"/api/forum/posts/{post.pk}/vote/", "{not json", content_type="application/json"
    )
    assert response.status_code == 400


def test_unknown_unapproved_and_system_posts(api, reader, post, make_anime):
    assert vote(api, reader, type("P", (), {"pk": 10**30})(), 1).status_code == 404
    Post.objects.filter(pk=post.pk).update(approved=False)
    assert vote(api, reader, post, 1).status_code == 404
    system = ensure_title_topic(make_anime("frieren")).first_post
    response = vote(api, reader, system, 1)
    assert response.status_code == 400 and "службовий" in response.json()["detail"]


def test_writing_on_the_forum_earns_forum_post_points_once(reader, news, make_topic):
    topic = make_topic(news, reader)
    post = topic.first_post
    post.content = "Змінений текст"
    post.save()
    events = ReputationEvent.objects.filter(user=reader, kind="forum_post")
    assert events.count() == 1 and events.get().points == 2


def test_the_topic_page_shows_votes_and_buttons_to_those_who_may_vote(
    api, browser, reader, author, moderator, post
):
    vote(api, reader, post, 1)
    vote(api, moderator, post, -1)
    topic = post.topic
    url = f"/forum/forum/{topic.forum.slug}-{topic.forum_id}/topic/{topic.slug}-{topic.pk}/"
    html = browser(reader).get(url).content.decode()
    assert 'data-value="1" aria-pressed="true"' in html
    assert '<span data-count="likes">1</span>' in html
    assert '<span data-count="dislikes">1</span>' in html
    assert "csrfmiddlewaretoken" in html and "/static/board/votes.js" in html
    for who in (None, author):  # anonymous visitors and the author see the counts only
        html = browser(who).get(url).content.decode()
        assert "data-value=" not in html and "👍 1" in html
