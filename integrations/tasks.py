"""Celery tasks: thin wrappers taking ids, retrying only typed retryable provider errors.

Each task re-reads its rows and skips one that disappeared meanwhile (never a ``.get()`` that
raises on a deleted id). Big jobs go in bounded batches: a run does ``RUN_BATCH`` items and
enqueues itself for the rest; fan-outs enqueue ``FAN_OUT_BATCH`` per-title tasks and then the
next batch. The work itself lives in ``integrations.importers`` (also used by
``import_catalog``); the schedule is ``CELERY_BEAT_SCHEDULE`` in the settings.
"""

from __future__ import annotations

import logging

from celery import shared_task

from integrations.importers import children, pipeline
from integrations.models import ImportRun
from integrations.providers.http import RetryableError

logger = logging.getLogger(__name__)

RUN_BATCH = 200  # ids or listing records per task of a run
FAN_OUT_BATCH = 500  # per-title tasks enqueued per task of a fan-out

RETRY = {
    "autoretry_for": (RetryableError,),
    "retry_backoff": 30,
    "retry_backoff_max": 30 * 60,
    "retry_jitter": True,
    "max_retries": 6,
}


@shared_task(**RETRY)
def run_import(run_id: int, publish: bool = False) -> int | None:
    """Carry out (or, on retry, resume) the next batch of one ImportRun; enqueue the rest."""
    run = ImportRun.objects.filter(pk=run_id).first()
    if run is None:
        logger.info("import run %s no longer exists; skipped", run_id)
        return None
    if run.status == ImportRun.Status.FINISHED:
        return run.pk
    pipeline.execute(run, publish=publish, max_items=RUN_BATCH)
    if run.status == ImportRun.Status.RUNNING:  # stopped at the batch bound
        run_import.delay(run.pk, publish)
    return run.pk


@shared_task
def import_titles(source: str, kind: str, ids: list, publish: bool = False) -> int:
    run = pipeline.start_run(source, kind, "ids", ids=[str(i) for i in ids])
    run_import.delay(run.pk, publish)
    return run.pk


@shared_task
def sync_ongoing() -> None:
    """Nightly: refresh airing and announced titles from Jikan."""
    run = pipeline.start_run("jikan", "anime", "ids", ids=pipeline.ongoing_mal_ids())
    run_import.delay(run.pk)


@shared_task
def refresh_current_season() -> None:
    """Weekly: import the current season from Jikan into the review queue."""
    year, season = pipeline.current_season()
    run = pipeline.start_run("jikan", "anime", "season", season=f"{year}-{season}")
    run_import.delay(run.pk)


@shared_task
def fill_ukrainian_names() -> None:
    """Daily: Hikka names and synopses for titles that have no Ukrainian name yet."""
    for kind in ("anime", "manga"):
        run = pipeline.start_run("hikka", kind, "ids", ids=pipeline.titles_missing_ukrainian(kind))
        run_import.delay(run.pk)


@shared_task
def detect_new_episodes(after: int = 0) -> None:
    """Hourly: one task per airing anime, a batch at a time."""
    ids = children.airing_anime_ids(after=after, limit=FAN_OUT_BATCH)
    for anime_id in ids:
        detect_episodes_for.delay(anime_id)
    if len(ids) == FAN_OUT_BATCH:
        detect_new_episodes.delay(ids[-1])


@shared_task(**RETRY)
def detect_episodes_for(anime_id: int) -> int:
    return children.detect_new_episodes(anime_id)


@shared_task
def import_new_chapters(after: int = 0) -> None:
    """Daily: Ukrainian chapters for the manga the chapter source knows, a batch at a time.
    They are published at once, like new episodes: the title itself was already reviewed."""
    ids = children.chapter_manga_ids(after=after, limit=FAN_OUT_BATCH)
    for manga_id in ids:
        import_chapters_for.delay(manga_id, True)
    if len(ids) == FAN_OUT_BATCH:
        import_new_chapters.delay(ids[-1])


@shared_task(**RETRY)
def import_chapters_for(manga_id: int, publish: bool = False) -> int:
    return children.import_chapters(manga_id, publish=publish)
