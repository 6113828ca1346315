"""Import runs: what the ``import_catalog`` command and the Celery tasks both execute.

A run is an ImportRun row. Listings (season, top, search) advance ``cursor`` page by page and
the ids mode advances it id by id, so a run killed halfway and started again with the same row
continues where it stopped; records already stored are skipped by payload hash, so nothing is
duplicated either way. The same cursor lets a task do a run in bounded batches (``max_items``),
each batch enqueuing the next (``integrations.tasks``).

What a run does depends on the source's capabilities (``providers.provider``), never on its
name: a source with ``ukrainian_names`` fills Ukrainian names into existing pages; one with
``chapters_feed`` brings a manga's chapters along when the manga is imported by id.
"""

from __future__ import annotations

import datetime as dt
import logging
import queue
import threading
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone

from cms.catalog.models import TitlePage
from integrations.importers import children, review
from integrations.importers.pages import PAGE_MODELS, apply_record
from integrations.models import ImportedTitle, ImportRun
from integrations.providers.http import (
    MalformedBody,
    NotFound,
    ProviderError,
    Refused,
    RetryableError,
    Unreachable,
)
from integrations.providers.provider import MAPPING_ERRORS
from integrations.providers.registry import get_provider
from integrations.providers.values import SEASONS, has_cyrillic

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
    logger.warning("import run %s: %s failed: %s", run.pk, what, error)


# Titles (or listing pages) in a row failing before the source counts as down.
OUTAGE_STREAK = 3


def is_source_failure(error: Exception) -> bool:
    """No connection, a refusal (401/403), or a rate limit that outlasted the retries."""
    return isinstance(error, (Unreachable, Refused)) or getattr(error, "status", None) == 429


class SourceDown(RetryableError):
    """The source itself fails (not one title): the run pauses, to go on with ``--resume``."""


class TitleFailures:
    """The failure rule of a run by ids (README, «Importers»): a failure that belongs to one
    title — a malformed body, a 404 or other 4xx, a mapping error, retries spent on one id — is
    recorded on that title and the run goes on; a failure of the source — no connection, a
    refusal (401/403), a rate limit that outlasts the retries, or 5xx/timeouts on
    ``OUTAGE_STREAK`` titles in a row — pauses the run with its cursor on the first title of
    the streak, so ``--resume`` asks them again."""

    def __init__(self, run: ImportRun, *, by_mal_id: bool = False):
        self.run = run
        self.by_mal_id = by_mal_id
        self.streak_start: int | None = None  # the cursor of the first title of the streak

    def succeeded(self) -> None:
        self.streak_start = None

    def failed(self, external_id: str, error: Exception) -> None:
        """Record the title's failure, or raise SourceDown when the source is at fault."""
        run = self.run
        if is_source_failure(error):
            raise SourceDown(f"{run.source}: {error}") from error
        if isinstance(error, RetryableError) and not isinstance(error, MalformedBody):
            if self.streak_start is None:
                self.streak_start = run.cursor
            if run.cursor - self.streak_start + 1 >= OUTAGE_STREAK:
                run.cursor = self.streak_start
                raise SourceDown(
                    f"{run.source}: {OUTAGE_STREAK} titles in a row failed, last: {error}"
                ) from error
        else:
            self.streak_start = None
        fail_title(run, run.kind, external_id, error, by_mal_id=self.by_mal_id)


def fail_title(
    run: ImportRun, kind: str, external_id: str, error: Exception, *, by_mal_id: bool = False
) -> None:
    """The title's ImportedTitle (made if new) in the failed state, and a line in the run; a
    title that fed a page drops out of its precedence (``review.mark_failed``). ``by_mal_id``:
    the run asks the source by MAL id (Hikka), so its rows are found by ``mal_id``."""
    _note_error(run, external_id, error)
    message = f"{type(error).__name__}: {error}"[:1000]
    key = {"source": run.source, "kind": kind}
    if by_mal_id and external_id.isdigit():
        lookup = {"mal_id": int(external_id)}
    else:
        lookup = {"external_id": external_id}
    with transaction.atomic():
        rows = list(ImportedTitle.objects.select_for_update().filter(**key, **lookup))
        for imported in rows:
            review.mark_failed(imported, message, run)
        if not rows:
            ImportedTitle.objects.get_or_create(
                **key,
                external_id=external_id,
                defaults={
                    "state": ImportedTitle.State.FAILED,
                    "error": message,
                    "last_run": run,
                    "title": f"{run.source} {external_id}",
                },
            )


def _count(run: ImportRun, outcome: str) -> None:
    run.fetched += 1
    if outcome in ("created", "updated", "unchanged", "published"):
        setattr(run, outcome, getattr(run, outcome) + 1)


class Batch:
    """How many items (ids, or listing records) this call may still do; None: no bound."""

    def __init__(self, size: int | None):
        self.left = size

    def take(self, count: int = 1) -> None:
        if self.left is not None:
            self.left -= count

    @property
    def full(self) -> bool:
        return self.left is not None and self.left <= 0


def execute(
    run: ImportRun,
    *,
    publish: bool = False,
    progress: Progress | None = None,
    provider=None,
    max_items: int | None = None,
) -> ImportRun:
    """Carry out (or resume) a run, or its next ``max_items`` items: a run stopped at that
    bound stays ``running`` with its cursor saved. A RetryableError stops it with the cursor
    saved and is re-raised so the caller (Celery) can retry later; per-item final errors are
    recorded."""
    provider = provider or get_provider(run.source)
    batch = Batch(max_items)
    run.status = ImportRun.Status.RUNNING
    run.save(update_fields=["status"])
    try:
        if provider.ukrainian_names:
            done = _ukrainian_names(run, provider, batch, progress)
        elif run.mode == "ids":
            done = _ids(run, provider, publish, batch, progress)
        else:
            done = _listing(run, provider, publish, batch, progress)
    except RetryableError as error:
        _note_error(run, "run", error)
        run.status = ImportRun.Status.FAILED
        run.save()
        raise
    except (ProviderError, ValueError) as error:
        _note_error(run, "run", error)
        run.status = ImportRun.Status.FAILED
    else:
        if not done:
            run.save()
            return run
        run.status = ImportRun.Status.FINISHED
    finally:
        provider.close()
    run.finished_at = timezone.now()
    run.save()
    return run


def listing_pages(run, provider):
    """The run's listing from its cursor on; a bad mode or season is a ValueError at once."""
    params = run.params
    if run.mode == "season":
        year, season = parse_season(params["season"])
        return provider.season(run.kind, year, season, start_page=run.cursor)
    if run.mode == "top":
        return provider.top(run.kind, int(params["top"]), start_page=run.cursor)
    if run.mode == "query":
        return provider.search(run.kind, params["query"], start_page=run.cursor)
    raise ValueError(f"unknown mode {run.mode!r}")


class PageFailures:
    """The failure rule of a listing run (season, top, query): a title its source's mapping
    cannot read is that title's failure (``fail_title``); a listing page that fails (a
    malformed body, retries spent, a 4xx) is a line in the run's errors and the run goes on
    from the next page. The source fails when it refuses or cannot be reached (at once) or when
    ``OUTAGE_STREAK`` pages in a row fail: the run pauses, its cursor on the first of them."""

    def __init__(self, run: ImportRun):
        self.run = run
        self.streak_start: int | None = None

    def succeeded(self) -> None:
        self.streak_start = None

    @property
    def skipping(self) -> bool:
        return self.streak_start is not None

    def failed(self, error: Exception) -> None:
        """Record the page's failure and move past it, or raise SourceDown."""
        run = self.run
        if is_source_failure(error):
            raise SourceDown(f"{run.source}: {error}") from error
        if self.streak_start is None:
            self.streak_start = run.cursor
        if run.cursor - self.streak_start + 1 >= OUTAGE_STREAK:
            run.cursor = self.streak_start
            raise SourceDown(
                f"{run.source}: {OUTAGE_STREAK} listing pages in a row failed, last: {error}"
            ) from error
        _note_error(run, f"page {run.cursor}", error)
        run.cursor += 1
        run.save()


def _listing(run, provider, publish, batch, progress) -> bool:
    failures = PageFailures(run)
    pages = prefetch(listing_pages(run, provider))
    while True:
        try:
            page = next(pages)
        except StopIteration:
            return True
        except (ProviderError, *MAPPING_ERRORS) as error:
            if isinstance(error, NotFound) and failures.skipping:
                return True  # the page after a bad one is past the end of the listing
            failures.failed(error)
            pages = prefetch(listing_pages(run, provider))  # the listing again, past the page
            continue
        failures.succeeded()
        # One transaction per page: its rows and the cursor move together (and SQLite
        # syncs to disk once per page instead of once per row).
        with transaction.atomic():
            for fetched in page.items:
                _store(run, fetched, publish)
            for external_id, error in page.failures:
                fail_title(run, run.kind, external_id, error)
            run.cursor = page.number + 1
            run.save()
        if progress:
            progress(len(page.items) + len(page.failures))
        batch.take(len(page.items) + len(page.failures))
        if batch.full:
            pages.close()
            return False


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
            imported, outcome = review.upsert_record(fetched, run, publish=publish)
    except (review.ReviewError, ValidationError, DatabaseError, ValueError) as error:
        fail_title(run, fetched.record.kind, fetched.record.external_id, error)
        return None
    _count(run, outcome)
    return imported


def _for_each_id(run, batch, progress, fetch, handle, *, by_mal_id: bool = False) -> bool:
    """``handle(fetch(id))`` for each id still to do in this batch, moving the cursor after
    each one; a failed fetch goes by ``TitleFailures``. True when the list is done, False when
    the batch is full."""
    ids = run.params["ids"]
    failures = TitleFailures(run, by_mal_id=by_mal_id)
    for position in range(run.cursor - 1, len(ids)):
        if batch.full:
            return False
        external_id = str(ids[position])
        try:
            fetched = fetch(external_id)
        except (ProviderError, *MAPPING_ERRORS) as error:
            failures.failed(external_id, error)
        else:
            failures.succeeded()
            handle(external_id, fetched)
        run.cursor = position + 2
        run.save()
        batch.take()
        if progress:
            progress(1)
    return True


def _ids(run, provider, publish, batch, progress) -> bool:
    # A source whose ids span both kinds (AniList) tells the kind in its answer.
    kind = None if run.params.get("kind_from_answer") else run.kind

    def handle(external_id, fetched):
        imported = _store(run, fetched, publish)
        if provider.chapters_feed and imported is not None and imported.page_id:
            # A manga imported by id comes with its Ukrainian chapters.
            run.published += children.import_chapters(imported.page_id, publish, provider)

    return _for_each_id(
        run, batch, progress, lambda external_id: provider.fetch(kind, external_id), handle
    )


def titles_missing_ukrainian(kind: str = "anime") -> list[int]:
    """MAL ids of titles whose name is not Ukrainian yet (no Cyrillic in it)."""
    ids = []
    pages = TitlePage.objects.filter(kind=kind, external_ids__has_key="mal")
    for title, external_ids in pages.values_list("title", "external_ids"):
        mal = (external_ids or {}).get("mal")
        if mal and not has_cyrillic(title):
            ids.append(int(mal))
    return sorted(set(ids))


def mal_ids_by_kind(ids: list[str], kinds) -> dict[str, list[str]]:
    """MAL ids split by the kinds whose pages carry them (MAL numbers anime and manga apart);
    an id no page carries goes to the first kind."""
    per_kind = {kind: [] for kind in kinds}
    for mal_id in ids:
        having = [
            kind
            for kind in kinds
            if PAGE_MODELS[kind].objects.filter(external_ids__mal=int(mal_id)).exists()
        ]
        for kind in having or kinds[:1]:
            per_kind[kind].append(mal_id)
    return per_kind


def _ukrainian_names(run, provider, batch, progress) -> bool:
    """Ukrainian names and synopses by MAL id, applied to the pages having that MAL id."""
    if not run.params.get("ids"):
        run.params = {**run.params, "ids": titles_missing_ukrainian(run.kind)}

    return _for_each_id(
        run,
        batch,
        progress,
        lambda mal_id: provider.fetch(run.kind, int(mal_id)),
        lambda mal_id, fetched: _apply_ukrainian(run, fetched, int(mal_id)),
        by_mal_id=True,
    )


def _apply_ukrainian(run, fetched, mal_id):
    model = PAGE_MODELS[run.kind]
    try:
        with transaction.atomic():
            imported, outcome = review.upsert_record(fetched, run)
            _count(run, outcome)
            for page in model.objects.filter(external_ids__mal=mal_id).order_by("pk"):
                if apply_record(page, fetched.record):
                    run.updated += 1
                if imported.state != ImportedTitle.State.PUBLISHED:
                    imported.page = page
                    imported.state = ImportedTitle.State.PUBLISHED
                    imported.save(update_fields=["page", "state"])
    except (ValidationError, DatabaseError) as error:
        _note_error(run, str(mal_id), error)


def ongoing_mal_ids(kind: str = "anime") -> list[str]:
    """MAL ids of the live airing and announced titles (the nightly sync refreshes them)."""
    pages = (
        PAGE_MODELS[kind]
        .objects.live()
        .filter(status__in=["ongoing", "announced"], external_ids__has_key="mal")
    )
    return sorted({str(ids["mal"]) for ids in pages.values_list("external_ids", flat=True)})
