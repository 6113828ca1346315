"""50 identical reputation events at the same moment make one ledger line and the right sum;
50 different ones respect the daily cap exactly (PostgreSQL: real row locks, real threads)."""

import pytest
from django.db import connection

from accounts.models import ReputationEvent, User
from accounts.reputation import award, profile_of

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks"),
]
PARALLEL = 50


def test_fifty_identical_events_count_once(at_once):
    author = User.objects.create_user("author", "author@example.com", "x")
    voter = User.objects.create_user("voter", "voter@example.com", "x")
    results = at_once([lambda: award(author, "like_received", voter, actor=voter)] * PARALLEL)
    assert sum(1 for event in results if event is not None) == 1
    assert ReputationEvent.objects.filter(user=author).count() == 1
    assert profile_of(author).reputation == 1


def test_fifty_different_events_respect_the_daily_cap(at_once):
    viewer = User.objects.create_user("viewer", "viewer@example.com", "x")
    jobs = [
        (lambda n=n: award(viewer, "episode_watched", key=f"episode_watched:{viewer.pk}:{n}"))
        for n in range(PARALLEL)
    ]
    results = at_once(jobs)
    assert sum(1 for event in results if event is not None) == 20
    assert ReputationEvent.objects.filter(user=viewer).count() == 20
    assert profile_of(viewer).reputation == 20
