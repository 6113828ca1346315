"""Votes: one per user per comment, changeable, counted on the comment, never on yourself, and
the reputation rule (each voter moves an author by at most +1 and -1, whatever they click)."""

import pytest

from accounts.models import ReputationEvent
from accounts.reputation import profile_of
from forum.discussions.models import Comment, wilson_lower_bound

pytestmark = pytest.mark.django_db


@pytest.fixture
def comment(author, episode, post_comment):
    return post_comment(author, episode, "Голосуйте")


def vote(client, comment, value):
    return client.post(f"/api/comments/{comment['id']}/vote/", {"value": value}, format="json")


def reputation_from_votes(user) -> int:
    events = ReputationEvent.objects.filter(
        user=user, kind__in=("like_received", "dislike_received")
    )
    return sum(events.values_list("points", flat=True))


def test_like_change_and_withdraw(api, reader, comment):
    client = api(reader)
    assert vote(client, comment, 1).json() == {"likes": 1, "dislikes": 0, "my_vote": 1}
    assert vote(client, comment, 1).json() == {"likes": 1, "dislikes": 0, "my_vote": 1}
    assert vote(client, comment, -1).json() == {"likes": 0, "dislikes": 1, "my_vote": -1}
    assert vote(client, comment, 0).json() == {"likes": 0, "dislikes": 0, "my_vote": 0}
    vote(client, comment, 1)
    listed = client.get("/api/comments/", {"page": comment["page"]}).json()["results"][0]
    assert listed["my_vote"] == 1 and listed["likes"] == 1
    row = Comment.objects.get(pk=comment["id"])
    assert row.wilson == pytest.approx(wilson_lower_bound(1, 0))


def test_no_voting_on_yourself_or_with_bad_values(api, author, reader, comment):
    response = vote(api(author), comment, 1)
    assert response.status_code == 403
    assert response.json()["detail"] == "Не можна голосувати за власний допис."
    for value in (2, "так", None, True, [1]):
        assert vote(api(reader), comment, value).status_code == 400, value
    assert vote(api(), comment, 1).status_code == 403
    assert Comment.objects.get(pk=comment["id"]).likes == 0


def test_reputation_each_voter_counts_at_most_once_each_way(api, author, reader, comment):
    client = api(reader)
    vote(client, comment, 1)
    assert reputation_from_votes(author) == 1
    vote(client, comment, 0)  # withdrawing keeps what was given
    vote(client, comment, 1)  # and liking again adds nothing
    assert reputation_from_votes(author) == 1
    vote(client, comment, -1)  # a like turned dislike: +1 -1
    vote(client, comment, 1)
    vote(client, comment, -1)
    assert reputation_from_votes(author) == 0
    assert ReputationEvent.objects.filter(user=author, kind="like_received").count() == 1
    assert ReputationEvent.objects.filter(user=author, kind="dislike_received").count() == 1
    assert profile_of(author).reputation == 2  # comment_posted


def test_wilson_prefers_many_likes_over_one():
    assert wilson_lower_bound(90, 10) > wilson_lower_bound(1, 0) > wilson_lower_bound(0, 1)
    assert wilson_lower_bound(0, 0) == 0.0
