"""The editors' review queue: storing fetched records as ImportedTitle rows (matched to pages
by cross ids, unchanged payloads skipped by hash) and the editor's actions on them (publish as
a new page, merge into a page, ignore).
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from wagtail.models import Page

from cms.discovery.search import fuzzy_hits, with_search_backend
from integrations.importers.pages import (
    INDEX_MODELS,
    PAGE_MODELS,
    apply_record,
    create_page,
    lock_page,
    recompute_page,
)
from integrations.importers.records import TitleRecord, payload_hash
from integrations.models import ImportedTitle, ImportRun
from integrations.providers.provider import Fetched


class ReviewError(Exception):
    """An editor's action that cannot be done (message in Ukrainian, shown in the admin)."""


def find_matching_page(record: TitleRecord):
    """A page of the same kind sharing any external id with the record (MAL id first)."""
    model = PAGE_MODELS[record.kind]
    ids = sorted(record.external_ids.items(), key=lambda item: item[0] != "mal")
    # Look up primary keys only: selecting every column of the page join is what costs.
    for key, value in ids:
        if value in (None, ""):
            continue
        pk = (
            model.objects.filter(**{f"external_ids__{key}": value})
            .order_by("pk")
            .values_list("pk", flat=True)
            .first()
        )
        if pk is not None:
            return model.objects.get(pk=pk)
    if record.mal_id:
        pk = (
            ImportedTitle.objects.filter(kind=record.kind, mal_id=record.mal_id, page__isnull=False)
            .order_by("pk")
            .values_list("page_id", flat=True)
            .first()
        )
        if pk is not None:
            return model.objects.filter(pk=pk).first()
    return None


LIKELY_MATCHES = 8


def likely_matches(record: TitleRecord, limit: int = LIKELY_MATCHES) -> list:
    """Pages of the record's kind an editor most likely merges it into, best first: those
    sharing its MAL or AniList id, then those whose names look like any of its names (trigram
    word similarity: pg_trgm on PostgreSQL, computed in Python on SQLite) from its year (a year
    apart, or no year, still counts: sources disagree on when a title started)."""
    model = PAGE_MODELS[record.kind]
    found: list[int] = []
    for key in ("mal", "anilist"):
        value = record.external_ids.get(key)
        if value not in (None, ""):
            found += model.objects.filter(**{f"external_ids__{key}": value}).values_list(
                "pk", flat=True
            )
    names = dict.fromkeys(
        name
        for name in (record.title_uk, record.title_en, record.title_romaji, record.title_native)
        if name
    )
    similar: list[int] = []
    for name in names:
        similar += with_search_backend(
            lambda backend, name=name: fuzzy_hits(name, record.kind, backend)
        )
    years = model.objects.filter(pk__in=similar).values_list("pk", "year")
    near = {pk for pk, year in years if not record.year or not year or abs(year - record.year) <= 1}
    found += [pk for pk in similar if pk in near]
    ordered = list(dict.fromkeys(found))[:limit]
    pages = model.objects.in_bulk(ordered)
    return [pages[pk] for pk in ordered if pk in pages]


# States of a row linked to the page it feeds: published, or failed since (`mark_failed`).
FEEDING_STATES = (ImportedTitle.State.PUBLISHED, ImportedTitle.State.FAILED)


def mark_failed(imported: ImportedTitle, error: str, run: ImportRun | None) -> None:
    """Put a row in the failed state with its error. A row that fed a page keeps its link, to
    feed it again once its source answers, but drops out of the page's precedence meanwhile:
    the page's fields fall back to the next source's values. Any other row loses its match
    (found again when the record comes back)."""
    fed_page = imported.state == ImportedTitle.State.PUBLISHED and imported.page_id
    if imported.state not in FEEDING_STATES:
        imported.page = None
    imported.state = ImportedTitle.State.FAILED
    imported.error = error
    imported.last_run = run
    imported.save(update_fields=["state", "error", "last_run", "page", "updated_at"])
    if fed_page:
        recompute_page(imported.page)


def upsert_record(
    fetched: Fetched, run: ImportRun | None = None, *, publish: bool = False
) -> tuple[ImportedTitle, str]:
    """Store one fetched record. Returns the row and what happened: created, updated,
    unchanged or published."""
    record, digest = fetched.record, payload_hash(fetched.payload)
    key = {"source": record.source, "kind": record.kind, "external_id": record.external_id}
    imported = ImportedTitle.objects.filter(**key).first()
    created = imported is None
    if created:
        imported = ImportedTitle(**key)
    if (
        not created
        and imported.payload_hash == digest
        and imported.state != ImportedTitle.State.FAILED
        and (not publish or imported.state not in (imported.State.NEW, imported.State.MATCHED))
    ):
        return imported, "unchanged"
    imported.record = record.to_json()
    imported.payload_hash = digest
    imported.title = record.display_title[:255]
    imported.mal_id = record.mal_id
    imported.error = ""
    imported.last_run = run
    outcome = "created" if created else "updated"
    if imported.page_id and imported.state in FEEDING_STATES:
        # A failed title that fed a page feeds it again now that its source answers.
        apply_record(imported.page, record)
        imported.state = ImportedTitle.State.PUBLISHED
    elif imported.state != ImportedTitle.State.IGNORED:
        match = find_matching_page(record)
        imported.page = match
        imported.state = ImportedTitle.State.MATCHED if match else ImportedTitle.State.NEW
    if created:
        try:
            with transaction.atomic():
                imported.save(force_insert=True)
        except IntegrityError:  # another worker stored the same record a moment ago
            imported, outcome = ImportedTitle.objects.get(**key), "unchanged"
    else:
        imported.save()
    if publish and imported.state in (ImportedTitle.State.NEW, ImportedTitle.State.MATCHED):
        publish_new(imported.pk)
        imported.refresh_from_db()
        outcome = "published"
    return imported, outcome


def _locked(imported_id: int) -> ImportedTitle:
    imported = ImportedTitle.objects.select_for_update().filter(pk=imported_id).first()
    if imported is None:  # deleted while the editor looked at it
        raise ReviewError("Цього запису більше немає: його видалили.")
    return imported


def publish_new(imported_id: int):
    """Create and publish the page of a new record, or merge a matched one. Idempotent: a second
    call, or a second worker racing the first, finds the page made by the first."""
    with transaction.atomic():
        imported = _locked(imported_id)
        if imported.state == ImportedTitle.State.PUBLISHED and imported.page_id:
            return imported.page.specific
        record = TitleRecord.from_json(imported.record)
        index = INDEX_MODELS[record.kind].objects.first()
        if index is None:
            raise ReviewError("Немає сторінки каталогу, під якою створити тайтл.")
        index = lock_page(Page, index.pk)
        page = imported.page.specific if imported.page_id else find_matching_page(record)
        if page is None:
            page = create_page(index, record)
        else:
            apply_record(page, record)
        imported.page = page
        imported.state = ImportedTitle.State.PUBLISHED
        imported.error = ""
        imported.save()
        return page


def merge_into(imported_id: int, page_id: int):
    """Link a record to an editor-chosen page and fill it (editor-changed fields stay)."""
    with transaction.atomic():
        imported = _locked(imported_id)
        model = PAGE_MODELS[imported.kind]
        page = model.objects.filter(pk=page_id).first()
        if page is None:
            raise ReviewError("Оберіть сторінку того ж типу (аніме чи манга).")
        apply_record(page, TitleRecord.from_json(imported.record))
        imported.page = page
        imported.state = ImportedTitle.State.PUBLISHED
        imported.save()
        return page


def ignore(imported_id: int) -> None:
    ImportedTitle.objects.filter(pk=imported_id).update(state=ImportedTitle.State.IGNORED)
