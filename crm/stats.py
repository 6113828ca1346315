"""Daily statistics: one `DailyStats` row per day plus per-title and per-team rows, computed
from the raw tables by the Celery task `crm.compute_daily_stats` (and after `load_demo`). The
dashboard reads only these rows.

Where each figure comes from: registrations — `User.date_joined`; active users — a sign-in
that day (`last_login`), watch progress saved, or a ledger event the user caused (watching,
commenting, posting); episodes watched and title views — the reputation ledger's
`episode_watched` events (one per user and episode, written by library.progress); comments —
`discussions.Comment.created`; new list entries and title list adds — `library.ListEntry`;
import runs and failed runs — `ImportRun`; plays per source and per team — `library.Play` (a
user playing a source that day, reported by the player); forum posts — machina's approved
`Post.created` by members (not the site's own opening posts of title topics).
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from machina.apps.forum_conversation.models import Post
from wagtail.models import Page

from accounts.models import ReputationEvent, User
from cms.anime.models import EpisodePage, VideoSource
from cms.catalog.models import TitlePage
from crm.models import DailySourceStats, DailyStats, DailyTeamStats, DailyTitleStats
from forum.discussions.models import Comment
from integrations.models import ImportRun
from library.models import ListEntry, Play, WatchProgress

# Ledger kinds that are something the user did (not something done to them).
OWN_ACTIVITY_KINDS = ("episode_watched", "comment_posted", "forum_post")


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The day's start and the next day's start in the site's time zone."""
    start = timezone.make_aware(datetime.combine(day, time.min))
    return start, timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def _in_day(field: str, day: date) -> dict:
    start, end = day_bounds(day)
    return {f"{field}__gte": start, f"{field}__lt": end}


def _watched(day: date):
    return ReputationEvent.objects.filter(
        kind="episode_watched",
        source_type=ContentType.objects.get_for_model(EpisodePage),
        **_in_day("created_at", day),
    )


def active_user_ids(day: date) -> set[int]:
    signed_in = User.objects.filter(**_in_day("last_login", day)).values_list("pk", flat=True)
    acted = ReputationEvent.objects.filter(
        kind__in=OWN_ACTIVITY_KINDS, **_in_day("created_at", day)
    ).values_list("user_id", flat=True)
    watching = WatchProgress.objects.filter(**_in_day("updated_at", day)).values_list(
        "user_id", flat=True
    )
    return set(signed_in) | set(acted) | set(watching)


def title_views(day: date) -> Counter:
    """Episodes watched that day, counted per title (the episode's parent page)."""
    per_episode = Counter(int(pk) for pk in _watched(day).values_list("source_id", flat=True))
    paths = dict(Page.objects.filter(pk__in=per_episode).values_list("pk", "path"))
    parent_path = {pk: path[: -Page.steplen] for pk, path in paths.items()}
    title_by_path = dict(
        TitlePage.objects.filter(path__in=set(parent_path.values())).values_list("path", "pk")
    )
    views: Counter = Counter()
    for episode, count in per_episode.items():
        title = title_by_path.get(parent_path.get(episode))
        if title is not None:
            views[title] += count
    return views


def compute_day(day: date) -> DailyStats:
    """(Re)write the rows of one day; running it again gives the same rows."""
    runs = ImportRun.objects.filter(**_in_day("started_at", day))
    figures = {
        "registrations": User.objects.filter(**_in_day("date_joined", day)).count(),
        "active_users": len(active_user_ids(day)),
        "episodes_watched": _watched(day).count(),
        "comments": Comment.objects.filter(**_in_day("created", day)).count(),
        "forum_posts": Post.approved_objects.filter(
            poster__isnull=False, **_in_day("created", day)
        ).count(),
        "list_entries": ListEntry.objects.filter(**_in_day("created_at", day)).count(),
        "import_runs": runs.count(),
        "import_failures": runs.filter(status=ImportRun.Status.FAILED).count(),
    }
    views = title_views(day)
    list_adds = Counter(
        ListEntry.objects.filter(**_in_day("created_at", day)).values_list("title_id", flat=True)
    )
    plays = Counter(Play.objects.filter(day=day).values_list("source_id", flat=True))
    team_of = dict(
        VideoSource.objects.filter(pk__in=plays, dub_team__isnull=False).values_list(
            "pk", "dub_team_id"
        )
    )
    team_plays: Counter = Counter()
    for source, count in plays.items():
        if source in team_of:
            team_plays[team_of[source]] += count
    with transaction.atomic():
        row, _ = DailyStats.objects.update_or_create(day=day, defaults=figures)
        DailySourceStats.objects.filter(day=day).delete()
        DailySourceStats.objects.bulk_create(
            DailySourceStats(day=day, source_id=source, plays=count)
            for source, count in plays.items()
        )
        DailyTeamStats.objects.filter(day=day).delete()
        DailyTeamStats.objects.bulk_create(
            DailyTeamStats(day=day, team_id=team, plays=count) for team, count in team_plays.items()
        )
        DailyTitleStats.objects.filter(day=day).delete()
        DailyTitleStats.objects.bulk_create(
            DailyTitleStats(
                day=day, page_id=page_id, views=views[page_id], list_adds=list_adds[page_id]
            )
            for page_id in views.keys() | list_adds.keys()
        )
    return row


def compute_recent(days: int) -> list[DailyStats]:
    """Today and the `days - 1` days before it, oldest first."""
    today = timezone.localdate()
    return [compute_day(today - timedelta(days=back)) for back in reversed(range(days))]
