"""Daily statistics: the aggregation against known data (days in Europe/Kyiv), the Celery task,
`load_demo`'s figures and the dashboard reading the rows (staff only, range checked)."""

from datetime import date, datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from accounts.reputation import award
from crm.models import DailyStats, DailyTeamStats, DailyTitleStats
from crm.stats import compute_day
from crm.tasks import compute_daily_stats
from integrations.models import ImportRun

from .conftest import ROLES, STAFF, denied

pytestmark = pytest.mark.django_db

DAY = date(2026, 11, 20)


def at(day: date, hour: int, minute: int = 0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


@pytest.fixture
def episodes(make_anime):
    from cms.anime.models import EpisodePage

    def add(anime, numbers):
        return [
            anime.add_child(instance=EpisodePage(title=f"{n}", slug=f"e{n}", number=n))
            for n in numbers
        ]

    first, second = make_anime("first"), make_anime("second")
    return first, second, add(first, [1, 2, 3]), add(second, [1])


def test_one_day_is_counted_from_the_raw_tables(make_user, episodes):
    first, second, first_episodes, second_episodes = episodes
    # Registrations: 23:30 the day before (Kyiv) is not that day; 00:10 and 23:50 are.
    for name, moment in (
        ("early", at(DAY, 0, 10)),
        ("late", at(DAY, 23, 50)),
        ("before", at(DAY - timedelta(days=1), 23, 30)),
    ):
        User.objects.filter(pk=make_user(name).pk).update(date_joined=moment)
    watcher, signer = make_user("watcher"), make_user("signer")
    User.objects.filter(pk=signer.pk).update(last_login=at(DAY, 12))
    for episode in first_episodes:
        award(watcher, "episode_watched", episode, at=at(DAY, 20))
    award(signer, "episode_watched", second_episodes[0], at=at(DAY, 21))
    award(signer, "episode_watched", first_episodes[0], at=at(DAY + timedelta(days=1), 1))
    award(watcher, "like_received", first, actor=signer, at=at(DAY, 9))
    runs = [
        ImportRun.objects.create(source="jikan", mode="ids", status=status)
        for status in ("finished", "failed", "failed")
    ]
    ImportRun.objects.filter(pk__in=[r.pk for r in runs]).update(started_at=at(DAY, 3))

    row = compute_day(DAY)
    assert (row.registrations, row.active_users, row.episodes_watched) == (2, 2, 4)
    assert (row.import_runs, row.import_failures) == (3, 2)
    views = dict(DailyTitleStats.objects.filter(day=DAY).values_list("page_id", "views"))
    assert views == {first.pk: 3, second.pk: 1}
    again = compute_day(DAY)
    assert again.pk == row.pk and DailyTitleStats.objects.filter(day=DAY).count() == 2
    assert compute_day(DAY + timedelta(days=1)).episodes_watched == 1


def test_the_task_writes_today_and_yesterday(make_user):
    make_user("fresh")
    assert compute_daily_stats.delay().get() == 2
    today = timezone.localdate()
    assert set(DailyStats.objects.values_list("day", flat=True)) == {
        today,
        today - timedelta(days=1),
    }
    assert DailyStats.objects.get(day=today).registrations == 1


@pytest.mark.parametrize("role", ROLES)
def test_dashboard_is_for_staff_only(client, signed_in, role):
    signed_in(role)
    response = client.get(reverse("crm_stats:index"))
    assert response.status_code == 200 if role in STAFF else denied(response)


def test_dashboard_reads_the_rows_of_the_range(client, signed_in, episodes):
    first, *_ = episodes
    signed_in("moderator")
    DailyStats.objects.create(day=DAY, registrations=7, episodes_watched=11)
    DailyStats.objects.create(day=DAY + timedelta(days=2), registrations=5)
    DailyStats.objects.create(day=DAY + timedelta(days=40), registrations=100)
    DailyTitleStats.objects.create(day=DAY, page=first, views=11)
    response = client.get(
        reverse("crm_stats:index"),
        {"start": DAY.isoformat(), "end": (DAY + timedelta(days=2)).isoformat()},
    )
    data = response.context["chart_data"]
    assert data["series"]["days"][0] == DAY.isoformat() and len(data["series"]["days"]) == 3
    assert data["series"]["registrations"] == [7, 0, 5]
    assert data["top_views"] == [{"label": first.title, "value": 11}]
    assert response.context["totals"]["registrations"] == 12
    page = response.content.decode()
    assert "chart-4.6.1.umd.min.js" in page and 'id="crm-stats-data"' in page


@pytest.mark.parametrize(
    "query", [{"start": "2026-02-30"}, {"start": "2026-05-02", "end": "2026-05-01"},
              {"start": "2024-01-01", "end": "2026-01-01"}]
)  # fmt: skip
def test_a_wrong_range_answers_400_with_the_default_range(client, signed_in, query):
    signed_in("admin")
    response = client.get(reverse("crm_stats:index"), query)
    assert response.status_code == 400
    assert len(response.context["chart_data"]["series"]["days"]) == 30


def test_load_demo_fills_the_dashboard(settings, tmp_path):
    from django.core.management import call_command

    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", "--no-index")
    rows = DailyStats.objects.all()
    assert rows.count() == 31
    assert sum(row.registrations for row in rows) >= 25
    assert sum(row.episodes_watched for row in rows) > 100
    assert DailyTitleStats.objects.exists()
    # the demo viewers' watching is played from the episodes' sources: teams have figures
    plays = sum(DailyTeamStats.objects.values_list("plays", flat=True))
    assert plays > 50
    watched = sum(rows.values_list("episodes_watched", flat=True))
    call_command("load_demo", "--no-index")
    assert sum(DailyStats.objects.values_list("episodes_watched", flat=True)) == watched
    assert sum(DailyTeamStats.objects.values_list("plays", flat=True)) == plays


def test_comments_and_list_entries_are_counted(make_user, episodes, monkeypatch):
    from forum.discussions import comments
    from forum.discussions.models import Comment
    from library.models import ListEntry

    monkeypatch.setattr(comments, "RATE_LIMITS", ((10_000, 10),))
    first, second, *_ = episodes
    fan, other = make_user("fan"), make_user("other")
    for body in ("Перший", "Другий"):
        comments.post_comment(fan, first, body)
    Comment.objects.update(created=at(DAY, 15))
    entries = [ListEntry.objects.create(user=u, title=first) for u in (fan, other)]
    entries.append(ListEntry.objects.create(user=fan, title=second))
    ListEntry.objects.filter(pk__in=[e.pk for e in entries]).update(created_at=at(DAY, 16))
    row = compute_day(DAY)
    assert (row.comments, row.list_entries) == (2, 3)
    adds = dict(DailyTitleStats.objects.filter(day=DAY).values_list("page_id", "list_adds"))
    assert adds == {first.pk: 2, second.pk: 1}


def test_forum_posts_are_counted(make_user):
    from machina.apps.forum_conversation.models import Post, Topic

    from forum.board.forums import get_forum

    fan = make_user("fan")
    topic = Topic.objects.create(
        forum=get_forum("news"),
        poster=fan,
        subject="Тема",
        type=Topic.TOPIC_POST,
        status=Topic.TOPIC_UNLOCKED,
    )
    for text, approved in (("Перший", True), ("Другий", True), ("На перевірці", False)):
        Post.objects.create(
            topic=topic, poster=fan, subject="Тема", content=text, approved=approved
        )
    Post.objects.create(
        topic=topic, anonymous_key="anihata-system", username="AniHata", content="x"
    )
    Post.objects.update(created=at(DAY, 12))
    assert compute_day(DAY).forum_posts == 2
