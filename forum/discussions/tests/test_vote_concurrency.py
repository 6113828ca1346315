"""Parallel voters on one comment (PostgreSQL, real threads and row locks): the denormalised
counts equal the vote rows, and the author's reputation equals the ledger."""

import pytest
from django.db import connection

from accounts.models import ReputationEvent, User
from accounts.reputation import profile_of
from forum.discussions.comments import post_comment
from forum.discussions.models import Comment, CommentVote
from forum.discussions.votes import cast_vote

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks"),
]
PARALLEL = 30


@pytest.fixture
def setup(episode):
    author = User.objects.create_user("author", "author@example.com", "x")
    voters = [User.objects.create_user(f"v{n}", f"v{n}@example.com", "x") for n in range(PARALLEL)]
    return post_comment(author, episode, "Голосуйте"), author, voters


def test_parallel_voters_leave_exact_counts(setup, at_once):
    comment, author, voters = setup
    values = [1 if n % 3 else -1 for n in range(PARALLEL)]
    at_once(
        [lambda v=v, x=x: cast_vote(v, comment, x) for v, x in zip(voters, values, strict=True)]
    )
    row = Comment.objects.get(pk=comment.pk)
    assert row.likes == values.count(1) == CommentVote.objects.filter(value=1).count()
    assert row.dislikes == values.count(-1) == CommentVote.objects.filter(value=-1).count()

    # everyone flips at once; one voter's parallel double click counts once
    flips = [
        lambda v=v, x=x: cast_vote(v, comment, -x) for v, x in zip(voters, values, strict=True)
    ]
    at_once(flips + [lambda: cast_vote(voters[0], comment, 0)] * 5)
    row = Comment.objects.get(pk=comment.pk)
    assert row.likes == CommentVote.objects.filter(value=1).count()
    assert row.dislikes == CommentVote.objects.filter(value=-1).count()
    assert CommentVote.objects.count() == PARALLEL

    ledger = sum(ReputationEvent.objects.filter(user=author).values_list("points", flat=True))
    assert profile_of(author).reputation == ledger
