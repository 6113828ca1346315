"""Parallel voters on one forum post (PostgreSQL, real threads and row locks): the counts on
the post's score row equal the vote rows, and the author's reputation equals the ledger."""

import pytest
from django.db import connection
from machina.apps.forum_conversation.models import Post, Topic

from accounts.models import ReputationEvent, User
from accounts.reputation import profile_of
from forum.board.forums import get_forum
from forum.board.posts import vote_on_post
from forum.discussions.models import ForumPostScore, ForumPostVote

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks"),
]
PARALLEL = 20


def test_parallel_first_votes_and_flips_leave_exact_counts(at_once):
    author = User.objects.create_user("author", "author@example.com", "x")
    voters = [User.objects.create_user(f"v{n}", f"v{n}@example.com", "x") for n in range(PARALLEL)]
    topic = Topic.objects.create(
        forum=get_forum("news"),
        poster=author,
        subject="Голосуйте",
        type=Topic.TOPIC_POST,
        status=Topic.TOPIC_UNLOCKED,
    )
    post = Post.objects.create(topic=topic, poster=author, subject="Голосуйте", content="x")
    values = [1 if n % 3 else -1 for n in range(PARALLEL)]
    # the score row does not exist yet: every first voter races to make it
    at_once(
        [lambda v=v, x=x: vote_on_post(v, post, x) for v, x in zip(voters, values, strict=True)]
    )
    score = ForumPostScore.objects.get(post=post)
    assert score.likes == values.count(1) == ForumPostVote.objects.filter(value=1).count()
    assert score.dislikes == values.count(-1) == ForumPostVote.objects.filter(value=-1).count()

    flips = [
        lambda v=v, x=x: vote_on_post(v, post, -x) for v, x in zip(voters, values, strict=True)
    ]
    at_once(flips + [lambda: vote_on_post(voters[0], post, 0)] * 4)
    score.refresh_from_db()
    assert score.likes == ForumPostVote.objects.filter(value=1).count()
    assert score.dislikes == ForumPostVote.objects.filter(value=-1).count()
    assert ForumPostVote.objects.count() == PARALLEL
    ledger = sum(ReputationEvent.objects.filter(user=author).values_list("points", flat=True))
    assert profile_of(author).reputation == ledger
