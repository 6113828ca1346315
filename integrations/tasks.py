"""Celery tasks: thin wrappers taking ids, retrying only typed retryable provider errors.

Each task re-reads its rows; the work itself lives in ``integrations.pipeline`` (also used by
``import_catalog``). The beat schedule is in ``.notes/importers.md`` for the settings.
"""

from __future__ import annotations

from celery import shared_task

from integrations import pipeline
from integrations.models import ImportRun
from integrations.providers.base import RetryableError

RETRY = {
    "autoretry_for": (RetryableError,),
    "retry_backoff": 30,
    "retry_backoff_max": 30 * 60,
    "retry_jitter": True,
    "max_retries": 6,
}


@shared_task(**RETRY)
def run_import(run_id: int, publish: bool = False) -> int:
    """Carry out (or, on retry, resume) one ImportRun."""
    run = ImportRun.objects.get(pk=run_id)
    if run.status == ImportRun.Status.FINISHED:
        return run.pk
    pipeline.execute(run, publish=publish)
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
def detect_new_episodes() -> None:
    """Hourly: fan out one task per airing anime."""
    for anime_id in pipeline.airing_anime_ids():
        detect_episodes_for.delay(anime_id)


@shared_task(**RETRY)
def detect_episodes_for(anime_id: int) -> int:
    return pipeline.detect_new_episodes(anime_id)


@shared_task
def import_new_chapters() -> None:
    """Daily: Ukrainian chapters from MangaDex for the manga that have a MangaDex id. They are
    published at once, like new episodes: the title itself was already reviewed."""
    for manga_id in pipeline.mangadex_manga_ids():
        import_chapters_for.delay(manga_id, True)


@shared_task(**RETRY)
def import_chapters_for(manga_id: int, publish: bool = False) -> int:
    return pipeline.import_chapters(manga_id, publish=publish)
