"""Reputation: one ledger line per source event, daily caps, the sum on the profile, levels."""

import pytest
from django.test import override_settings

from accounts.models import ReputationEvent, User
from accounts.reputation import award, level_for, profile_of, unlocked_at


@pytest.fixture
def user(db) -> User:
    return User.objects.create_user("mariia", "mariia@example.com", "x")


@pytest.fixture
def other(db) -> User:
    return User.objects.create_user("ivan", "ivan@example.com", "x")


def test_a_replayed_event_counts_once(user, other):
    assert award(user, "like_received", other, actor=other) is not None
    assert award(user, "like_received", other, actor=other) is None
    assert ReputationEvent.objects.filter(user=user).count() == 1
    assert profile_of(user).reputation == 1


def test_points_from_the_table_add_up(user, other):
    award(user, "comment_posted", other)  # +2
    award(user, "report_upheld", user)  # +5
    award(user, "dislike_received", other, actor=other)  # -1
    award(user, "content_removed", other)  # -10
    assert profile_of(user).reputation == -4
    assert sum(ReputationEvent.objects.values_list("points", flat=True)) == -4


def test_nothing_for_voting_on_yourself(user):
    assert award(user, "like_received", user, actor=user) is None
    assert profile_of(user).reputation == 0


def test_daily_cap(user):
    sources = [User.objects.create_user(f"s{i}", f"s{i}@example.com", "x") for i in range(12)]
    results = [award(user, "comment_posted", source) for source in sources]
    assert sum(1 for event in results if event) == 10
    assert profile_of(user).reputation == 20


@override_settings(
    REPUTATION_LEVELS=[(0, "Новачок"), (10, "Глядач"), (50, "Знавець")],
    REPUTATION_UNLOCKS={"avatar_frame": 2, "name_color": 3},
)
def test_levels_and_unlocks():
    assert level_for(-5) == {"number": 1, "name": "Новачок"}
    assert level_for(9) == {"number": 1, "name": "Новачок"}
    assert level_for(10) == {"number": 2, "name": "Глядач"}
    assert level_for(10_000) == {"number": 3, "name": "Знавець"}
    assert unlocked_at(1) == []
    assert unlocked_at(2) == ["avatar_frame"]
    assert unlocked_at(3) == ["avatar_frame", "name_color"]
