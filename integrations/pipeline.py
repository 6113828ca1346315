"""Import runs: what the ``import_catalog`` command and the Celery tasks both execute.

A run is an ImportRun row. Listings (season, top, search) advance ``cursor`` page by page and
the ids mode advances it id by id, so a run killed halfway and started again with the same row
continues where it stopped; records already stored are skipped by payload hash, so nothing is
duplicated either way.
"""

from __future__ import annotations

import datetime as dt
import logging
import queue
import threading
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.db.models import Max, Q
from django.utils import timezone

from cms.anime.models import AnimePage, EpisodePage
from cms.catalog.models import TitlePage
from integrations import importer
from integrations.models import ImportedTitle, ImportRun
from integrations.providers import get_provider
from integrations.providers.base import FinalError, ProviderError, RetryableError
from integrations.providers.common import SEASONS, has_cyrillic
from integrations.providers.jikan.client import EPISODES_PER_PAGE
from integrations.records import EpisodeRecord

logger = logging.getLogger(__name__)

Progress = Callable[[int], None]


def start_run(source: str, kind: str, mode: str, **params) -> ImportRun:
    return ImportRun.objects.create(source=source, kind=kind, mode=mode, params=params)


def parse_season(value: str) -> tuple[int, str]:
    """``"2024-spring"`` → (2024, "spring"); ValueError with a clear message otherwise."""
    year, _, season = (value or "").partition("-")
    if not year.isdigit() or season not in SEASONS:
        raise ValueError(f"season must look like 2024-spring (one of {', '.join(SEASONS)})")
    return int(year), season


def current_season(today: dt.date | None = None) -> tuple[int, str]:
    today = today or timezone.localdate()
    return today.year, SEASONS[(today.month % 12) // 3]


def _note_error(run: ImportRun, what: str, error: Exception) -> None:
    run.failed += 1
    if len(run.errors) < ImportRun.MAX_ERRORS:
        run.errors.append({"item": what, "error": str(error)[:500]})


def _count(run: ImportRun, outcome: str) -> None:
    run.fetched += 1
    if outcome in ("created", "updated", "unchanged", "published"):
        setattr(run, outcome, getattr(run, outcome) + 1)


def execute(
    run: ImportRun, *, publish: bool = False, progress: Progress | None = None, provider=None
) -> ImportRun:
    """Carry out (or resume) a run. A RetryableError stops it with the cursor saved and is
    re-raised so the caller (Celery) can retry later; per-item final errors are recorded."""
    params = run.params
    provider = provider or get_provider(run.source)
    run.status = ImportRun.Status.RUNNING
    run.save(update_fields=["status"])
    try:
        if run.source == "hikka":
            _hikka(run, provider, params.get("ids") or [], progress)
        elif run.mode == "ids":
            _ids(run, provider, params["ids"], publish, progress)
        else:
            if run.mode == "season":
                year, season = parse_season(params["season"])
                pages = provider.season(run.kind, year, season, start_page=run.cursor)
            elif run.mode == "top":
                pages = provider.top(run.kind, int(params["top"]), start_page=run.cursor)
            elif run.mode == "query":
                pages = provider.search(run.kind, params["query"], start_page=run.cursor)
            else:
                raise ValueError(f"unknown mode {run.mode!r}")
            for page in prefetch(pages):
                # One transaction per page: its rows and the cursor move together (and SQLite
                # syncs to disk once per page instead of once per row).
                with transaction.atomic():
                    for fetched in page.items:
                        _store(run, fetched, publish)
                    run.cursor = page.number + 1
                    run.save()
                if progress:
                    progress(len(page.items))
    except RetryableError as error:
        _note_error(run, "run", error)
        run.status = ImportRun.Status.FAILED
        run.save()
        raise
    except (ProviderError, ValueError) as error:
        _note_error(run, "run", error)
        run.status = ImportRun.Status.FAILED
    else:
        run.status = ImportRun.Status.FINISHED
    finally:
        provider.close()
    run.finished_at = timezone.now()
    run.save()
    return run


def prefetch(pages, depth: int = 2):
    """Fetch the next pages in a background thread while this one is stored, so the request
    rate depends on the rate limiter only, not on how long the database takes. At most
    ``depth`` pages wait in memory."""
    buffer: queue.Queue = queue.Queue(maxsize=depth)
    done = object()
    stop = threading.Event()

    def produce():
        try:
            for page in pages:
                while not stop.is_set():
                    try:
                        buffer.put(page, timeout=0.5)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            buffer.put(done)
        except BaseException as error:  # handed to the consumer, which re-raises it
            buffer.put(error)

    thread = threading.Thread(target=produce, name="import-prefetch", daemon=True)
    thread.start()
    try:
        while True:
            item = buffer.get()
            if item is done:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        thread.join(timeout=5)


def _store(run, fetched, publish):
    """Upsert one record; a record the page model rejects is noted and the run goes on."""
    try:
        # A savepoint: a record that fails leaves the page's transaction usable.
        with transaction.atomic():
            imported, outcome = importer.upsert_record(fetched, run, publish=publish)
    except (importer.ReviewError, ValidationError, DatabaseError, ValueError) as error:
        _note_error(run, fetched.record.external_id, error)
        ImportedTitle.objects.filter(
            source=run.source, kind=run.kind, external_id=fetched.record.external_id
        ).update(state=ImportedTitle.State.FAILED, error=str(error)[:1000])
        return None
    _count(run, outcome)
    return imported


def _ids(run, provider, ids, publish, progress):
    for position in range(run.cursor - 1, len(ids)):
        external_id = str(ids[position])
        try:
            fetched = provider.fetch(run.kind, external_id)
        except FinalError as error:
            _note_error(run, external_id, error)
            ImportedTitle.objects.filter(
                source=run.source, kind=run.kind, external_id=external_id
            ).update(state=ImportedTitle.State.FAILED, error=str(error)[:1000])
        else:
            imported = _store(run, fetched, publish)
            if run.source == "mangadex" and imported is not None and imported.page_id:
                # A manga imported by id comes with its Ukrainian chapters.
                run.published += import_chapters(imported.page_id, publish, provider)
        run.cursor = position + 2
        run.save()
        if progress:
            progress(1)


def titles_missing_ukrainian(kind: str = "anime") -> list[int]:
    """MAL ids of titles whose name is not Ukrainian yet (no Cyrillic in it)."""
    ids = []
    pages = TitlePage.objects.filter(kind=kind, external_ids__has_key="mal")
    for title, external_ids in pages.values_list("title", "external_ids"):
        mal = (external_ids or {}).get("mal")
        if mal and not has_cyrillic(title):
            ids.append(int(mal))
    return sorted(set(ids))


def _hikka(run, provider, ids, progress):
    """Ukrainian names and synopses by MAL id, applied to the pages having that MAL id."""
    ids = ids or titles_missing_ukrainian(run.kind)
    run.params = {**run.params, "ids": ids}
    for position in range(run.cursor - 1, len(ids)):
        mal_id = int(ids[position])
        try:
            fetched = provider.fetch(run.kind, mal_id)
        except FinalError as error:
            _note_error(run, str(mal_id), error)
        else:
            _apply_ukrainian(run, fetched, mal_id)
        run.cursor = position + 2
        run.save()
        if progress:
            progress(1)


def _apply_ukrainian(run, fetched, mal_id):
    model = importer.PAGE_MODELS[run.kind]
    try:
        with transaction.atomic():
            imported, outcome = importer.upsert_record(fetched, run)
            _count(run, outcome)
            for page in model.objects.filter(external_ids__mal=mal_id).order_by("pk"):
                if importer.apply_record(page, fetched.record):
                    run.updated += 1
                if imported.state != ImportedTitle.State.PUBLISHED:
                    imported.page = page
                    imported.state = ImportedTitle.State.PUBLISHED
                    imported.save(update_fields=["page", "state"])
    except (ValidationError, DatabaseError) as error:
        _note_error(run, str(mal_id), error)


# --- jobs the beat schedule runs ----------------------------------------------------------


def ongoing_mal_ids(kind: str = "anime") -> list[str]:
    """MAL ids of the live airing and announced titles (the nightly sync refreshes them)."""
    model = importer.PAGE_MODELS[kind]
    pages = model.objects.live().filter(
        status__in=["ongoing", "announced"], external_ids__has_key="mal"
    )
    return sorted({str(ids["mal"]) for ids in pages.values_list("external_ids", flat=True)})


def detect_new_episodes(anime_id: int, publish: bool = True) -> int:
    """Create the EpisodePages an airing title is missing, from Jikan's episode list, or, for
    titles known only to AniList, up to the episode before AniList's next airing one."""
    anime = AnimePage.objects.get(pk=anime_id)
    mal_id = (anime.external_ids or {}).get("mal")
    if mal_id:
        # Long shows have many pages of episodes: start at the page of the last one we have.
        last = EpisodePage.objects.child_of(anime).aggregate(last=Max("number"))["last"] or 0
        jikan = get_provider("jikan")
        try:
            episodes = list(jikan.episodes(mal_id, start_page=last // EPISODES_PER_PAGE + 1))
        finally:
            jikan.close()
    elif anime.next_episode_number:
        episodes = [EpisodeRecord(number=n) for n in range(1, anime.next_episode_number)]
    else:
        return 0
    today = timezone.localdate()
    aired = [e for e in episodes if e.air_date is None or e.air_date <= today]
    return importer.sync_episodes(anime, aired, publish=publish)


def airing_anime_ids() -> list[int]:
    return list(
        AnimePage.objects.live()
        .filter(status="ongoing")
        .filter(Q(external_ids__has_key="mal") | Q(next_episode_number__isnull=False))
        .values_list("pk", flat=True)
    )


def import_chapters(manga_id: int, publish: bool = False, provider=None) -> int:
    """Ukrainian chapters of a manga from its MangaDex feed; returns how many were added."""
    manga = importer.PAGE_MODELS["manga"].objects.get(pk=manga_id)
    mangadex_id = (manga.external_ids or {}).get("mangadex")
    if not mangadex_id:
        return 0
    own = provider is None
    provider = provider or get_provider("mangadex")
    try:
        chapters = list(provider.chapters(mangadex_id, "uk"))
    finally:
        if own:
            provider.close()
    return importer.sync_chapters(manga, chapters, publish=publish)


def mangadex_manga_ids() -> list[int]:
    """Live manga pages that MangaDex knows (their chapters are checked daily)."""
    return list(
        importer.PAGE_MODELS["manga"]
        .objects.live()
        .filter(external_ids__has_key="mangadex")
        .values_list("pk", flat=True)
    )
