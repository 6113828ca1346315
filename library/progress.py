"""Watch progress: where a user stopped in an episode, kept per (user, episode).

`record_progress` is the one writer. An episode watched to COMPLETED_SHARE of its length (or
reported completed by the player) stays completed; the first time it becomes so — decided
under the row's lock, so two devices reporting at once count it once — the user earns the
`episode_watched` reputation and the title's list entry moves to «дивлюся», or to
«переглянуто» after the last episode."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from rest_framework.exceptions import ValidationError

from accounts.reputation import award
from cms.anime.models import AnimePage, EpisodePage, VideoSource
from cms.catalog.models import Status, TitlePage

from .models import ListEntry, ListStatus, Play, WatchProgress

COMPLETED_SHARE = 0.8


def live_episode(episode_id: int) -> tuple[EpisodePage, TitlePage] | None:
    """A live episode of a live title, with its title; None when either is not published."""
    episode = EpisodePage.objects.live().filter(pk=episode_id).first()
    if episode is None:
        return None
    title = AnimePage.objects.live().filter(path=episode.path[: -EpisodePage.steplen]).first()
    return (episode, title) if title is not None else None


def reaches_completion(position: int, duration: int | None) -> bool:
    return bool(duration) and position >= COMPLETED_SHARE * duration


def record_progress(
    user,
    episode: EpisodePage,
    title: TitlePage,
    *,
    position: int,
    duration: int | None = None,
    completed: bool = False,
    source: int | None = None,
) -> WatchProgress:
    """Save the position; `source` (the source the player plays, optional) counts a play of it
    for the day."""
    if source is not None:
        if not VideoSource.objects.active().filter(pk=source, episode=episode).exists():
            raise ValidationError({"source": "У цієї серії немає такого джерела."})
        Play.objects.bulk_create(
            [Play(user=user, source_id=source, day=timezone.localdate())], ignore_conflicts=True
        )
    duration = duration or episode.duration
    reached = completed or reaches_completion(position, duration)
    with transaction.atomic():
        progress, created = WatchProgress.objects.select_for_update().get_or_create(
            user=user,
            episode=episode,
            defaults={
                "title": title,
                "position": position,
                "duration": duration,
                "completed": reached,
            },
        )
        newly_completed = reached and (created or not progress.completed)
        if not created:
            progress.position = position
            progress.duration = duration or progress.duration
            progress.completed = progress.completed or reached
            progress.save(update_fields=["position", "duration", "completed", "updated_at"])
        if newly_completed:
            advance_list_entry(user, title, episode)
    if newly_completed:
        award(user, "episode_watched", episode)
    return progress


def is_last_episode(title: AnimePage, episode: EpisodePage) -> bool:
    """The title's final episode: its announced count reached, or a finished title's highest
    live episode."""
    if title.episodes_total:
        return episode.number >= title.episodes_total
    if title.status != Status.FINISHED:
        return False
    later = EpisodePage.objects.live().child_of(title).filter(number__gt=episode.number)
    return not later.exists()


def advance_list_entry(user, title: AnimePage, episode: EpisodePage) -> None:
    entry, _ = ListEntry.objects.select_for_update().get_or_create(
        user=user, title=title, defaults={"status": ListStatus.WATCHING}
    )
    if is_last_episode(title, episode):
        status = ListStatus.COMPLETED
    elif entry.status == ListStatus.COMPLETED:
        status = ListStatus.COMPLETED  # a rewatch keeps the title completed
    else:
        status = ListStatus.WATCHING
    if entry.status != status:
        entry.status = status
        entry.save(update_fields=["status", "updated_at"])
