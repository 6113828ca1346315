"""Turning normalised records into ImportedTitle rows and pages.

- ``upsert_record`` stores a source record (skipping unchanged payloads by hash), matches it to
  an existing page by cross ids, keeps published pages in sync and, with ``publish``, creates or
  merges the page at once.
- ``publish_new`` / ``merge_into`` / ``ignore`` are the editor's review actions.
- ``apply_record`` writes a record to a page field by field, never overwriting a field an editor
  changed by hand (ImportedPageState remembers what the importer last wrote).
- ``sync_episodes`` / ``sync_chapters`` add missing EpisodePages / ChapterPages.

Page-tree writes hold a row lock on the parent page (and on the ImportedTitle), so two workers
importing the same id at once make one page.
"""

from __future__ import annotations

import datetime as dt
import logging
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils.text import slugify
from wagtail.models import Page

from cms.anime.models import AnimeIndexPage, AnimePage, EpisodePage
from cms.catalog.models import Genre, Studio
from cms.dubbing.models import DubTeamPage
from cms.manga.models import ChapterPage, MangaIndexPage, MangaPage, chapter_slug
from integrations.models import ImportedPageState, ImportedTitle, ImportRun
from integrations.providers.base_provider import Fetched
from integrations.providers.common import has_cyrillic, to_int
from integrations.records import ChapterRecord, EpisodeRecord, TitleRecord, payload_hash

logger = logging.getLogger(__name__)

PAGE_MODELS = {"anime": AnimePage, "manga": MangaPage}
INDEX_MODELS = {"anime": AnimeIndexPage, "manga": MangaIndexPage}

# Record attribute → page field, for both kinds; then the kind-specific ones.
COMMON_FIELDS = (
    "title_en",
    "title_romaji",
    "title_native",
    "synonyms",
    "format",
    "status",
    "start_date",
    "end_date",
    "season",
    "year",
    "age_rating",
    "external_score",
    "poster_url",
)
KIND_FIELDS = {
    "anime": (
        "episodes_total",
        "episode_duration",
        "broadcast_weekday",
        "broadcast_time",
        "broadcast_timezone",
        "next_episode_number",
        "next_episode_at",
    ),
    "manga": ("chapters_total",),
}
FIELD_LABELS = {"title": "Назва", "description": "Опис", "genres": "Жанри", "studios": "Студії"}


class ReviewError(Exception):
    """An editor's action that cannot be done (message in Ukrainian, shown in the admin)."""


# --- values -------------------------------------------------------------------------------


def _jsonable(value):
    """A page or record value in the form stored in ImportedPageState.applied."""
    if isinstance(value, (dt.date, dt.time, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def record_values(record: TitleRecord) -> dict:
    """The page fields a record has values for (empty values never blank a page field)."""
    values = {
        "title": record.title_uk or record.display_title,
        "description": record.description_uk or record.description,
    }
    for name in COMMON_FIELDS + KIND_FIELDS[record.kind]:
        values[name] = getattr(record, name)
    values["genres"] = sorted(name.casefold() for name in record.genres)
    values["studios"] = sorted(name.casefold() for name in record.studios)
    return {k: v for k, v in values.items() if v not in (None, "", [], {})}


def page_value(page, name):
    if name == "genres":
        return sorted((g.name_en or g.name).casefold() for g in page.genres.all())
    if name == "studios":
        return sorted((s.name_en or s.name).casefold() for s in page.studios.all())
    return getattr(page, name)


def _labels(model, names: list[str], uk_names: dict) -> list:
    """Genre/Studio snippets by English name (case-insensitive), creating missing ones."""
    result = []
    for name in names:
        label = model.objects.filter(name_en__iexact=name).first()
        if label is None:
            base = slugify(name)[:90] or "label"
            try:
                with transaction.atomic():
                    label = model.objects.create(
                        name=uk_names.get(name, name), name_en=name, slug=_free_slug(model, base)
                    )
            except IntegrityError:  # another worker created it a moment ago
                label = model.objects.filter(name_en__iexact=name).first()
                if label is None:
                    raise
        elif uk_names.get(name) and label.name == label.name_en:
            label.name = uk_names[name]  # Hikka taught us its Ukrainian name
            label.save(update_fields=["name"])
        result.append(label)
    return result


def _free_slug(model, base: str) -> str:
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


# --- applying a record to a page ----------------------------------------------------------


def _owned(name, current, applied: dict, new) -> bool:
    """May the importer write ``name``? Yes when the page still holds what the importer last
    wrote there, or nothing; a Latin fallback title gives way to a Ukrainian one."""
    current = _jsonable(current)
    if name in applied:
        if current == applied[name]:
            return True
    elif current in (None, "", [], {}):
        return True
    return name == "title" and not has_cyrillic(current) and has_cyrillic(new)


def _allowed(name, current, applied: dict, new) -> bool:
    # A Ukrainian title is never replaced by a Latin one, whoever wrote it.
    if name == "title" and has_cyrillic(current) and not has_cyrillic(new):
        return False
    return _owned(name, current, applied, new)


def apply_record(page, record: TitleRecord, *, claim_all: bool = False) -> list[str]:
    """Write the record to the page where allowed; returns the changed field names. A live page
    gets a new published revision only when something changed. ``claim_all`` (a page the
    importer just created) also marks the fields that already hold the record's value.

    When an editor has a draft waiting, the import goes into a new draft on top of it and is
    not published: publishing would publish their unfinished work too."""
    with transaction.atomic():
        return _apply_record(page, record, claim_all)


def _apply_record(page, record, claim_all):
    page = page.specific
    publish = page.live and not page.has_unpublished_changes
    if page.has_unpublished_changes and page.latest_revision_id:
        page = page.get_latest_revision_as_object()
    state, _ = ImportedPageState.objects.get_or_create(page_id=page.pk)
    applied = dict(state.applied)
    changed = []
    for name, new in record_values(record).items():
        current = page_value(page, name)
        if _jsonable(current) == _jsonable(new):
            if claim_all:
                applied[name] = _jsonable(new)
            continue
        if not _allowed(name, current, applied, new):
            continue
        if name in ("genres", "studios"):
            model = Genre if name == "genres" else Studio
            names = record.genres if name == "genres" else record.studios
            setattr(page, name, _labels(model, names, record.genre_names_uk))
        else:
            if name == "external_score":
                new = Decimal(str(new))
            setattr(page, name, new)
        applied[name] = _jsonable(new)
        changed.append(name)
    # Cross ids are facts, not editorial choices: add what we learn, never drop any.
    ids = dict(page.external_ids or {})
    merged = {**{k: v for k, v in record.external_ids.items() if v not in (None, "")}, **ids}
    if merged != ids:
        page.external_ids = merged
        changed.append("external_ids")
    if record.genre_names_uk and "genres" not in changed:
        _labels(Genre, list(record.genre_names_uk), record.genre_names_uk)
    if changed or applied != state.applied:
        state.applied = applied
        state.save(update_fields=["applied", "updated_at"])
    if changed:
        revision = page.save_revision(log_action=True)
        if publish:
            revision.publish()
    return changed


def diff(imported: ImportedTitle) -> list[dict]:
    """What publishing or merging would change on the linked page, field by field."""
    record = TitleRecord.from_json(imported.record)
    page = imported.page.specific if imported.page else None
    applied = {}
    if page is not None:
        state = ImportedPageState.objects.filter(page_id=page.pk).first()
        applied = state.applied if state else {}
    rows = []
    for name, new in record_values(record).items():
        current = page_value(page, name) if page is not None else None
        if page is not None and _jsonable(current) == _jsonable(new):
            continue
        label = FIELD_LABELS.get(name)
        if label is None:
            model = PAGE_MODELS[record.kind]
            label = str(model._meta.get_field(name).verbose_name).capitalize()
        rows.append(
            {
                "field": name,
                "label": label,
                "current": _jsonable(current),
                "new": _jsonable(new),
                "kept": page is not None and not _allowed(name, current, applied, new),
            }
        )
    return rows


# --- the review queue ---------------------------------------------------------------------


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
    if imported.state == ImportedTitle.State.PUBLISHED and imported.page_id:
        apply_record(imported.page, record)
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


def _lock(page_model, pk):
    """Hold the parent's row until commit: tree writes under it are serialised (PostgreSQL)."""
    return page_model.objects.select_for_update().get(pk=pk)


def publish_new(imported_id: int):
    """Create and publish the page of a new record, or merge a matched one. Idempotent: a second
    call, or a second worker racing the first, finds the page made by the first."""
    with transaction.atomic():
        imported = ImportedTitle.objects.select_for_update().get(pk=imported_id)
        if imported.state == ImportedTitle.State.PUBLISHED and imported.page_id:
            return imported.page.specific
        record = TitleRecord.from_json(imported.record)
        index = INDEX_MODELS[record.kind].objects.first()
        if index is None:
            raise ReviewError("Немає сторінки каталогу, під якою створити тайтл.")
        index = _lock(Page, index.pk)
        page = imported.page.specific if imported.page_id else find_matching_page(record)
        if page is None:
            page = _create_page(index, record)
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
        imported = ImportedTitle.objects.select_for_update().get(pk=imported_id)
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


def _create_page(index, record: TitleRecord):
    model = PAGE_MODELS[record.kind]
    base = (
        slugify(record.title_en or record.title_romaji) or f"{record.source}-{record.external_id}"
    )
    base = base[:70]
    slug = base
    if Page.objects.child_of(index).filter(slug=slug).exists():
        slug = f"{base}-{record.mal_id or record.external_id}"[:80]
    page = model(
        title=record.display_title[:255],
        slug=slug,
        format=record.format,
        status=record.status or "announced",
        external_ids={},
    )
    index.add_child(instance=page)
    apply_record(page, record, claim_all=True)
    if page.latest_revision_id is None:
        page.save_revision(log_action=True).publish()
    return page


# --- children: episodes and chapters ------------------------------------------------------


def sync_episodes(anime: AnimePage, episodes: list[EpisodeRecord], publish: bool = True) -> int:
    """Add EpisodePages for episode numbers the title does not have yet; returns how many."""
    wanted = {e.number: e for e in episodes if e and e.number}
    created = 0
    with transaction.atomic():
        anime = _lock(AnimePage, anime.pk)
        existing = set(EpisodePage.objects.child_of(anime).values_list("number", flat=True))
        for number in sorted(set(wanted) - existing):
            episode = wanted[number]
            page = EpisodePage(
                title=(episode.title or f"Серія {number}")[:255],
                slug=str(number),
                number=number,
                air_date=episode.air_date,
                live=publish,
            )
            anime.add_child(instance=page)
            revision = page.save_revision()
            if publish:
                revision.publish()
            created += 1
    return created


def sync_chapters(manga: MangaPage, chapters: list[ChapterRecord], publish: bool = False) -> int:
    """Add ChapterPages (pointing at MangaDex) for chapters the title lacks; returns how many.
    Chapters hosted elsewhere (``externalUrl``) have nothing we could show and are skipped."""
    created = 0
    with transaction.atomic():
        manga = _lock(MangaPage, manga.pk)
        existing = {
            (str(Decimal(n).normalize()), lang)
            for n, lang in ChapterPage.objects.child_of(manga).values_list("number", "language")
        }
        teams = {t.title.casefold(): t for t in DubTeamPage.objects.all()}
        for chapter in chapters:
            if not chapter.mangadex_chapter_id:
                continue
            try:
                number = Decimal(chapter.number)
            except ArithmeticError:
                continue
            key = (str(number.normalize()), chapter.language)
            if key in existing or chapter.language != "uk":
                continue
            existing.add(key)
            page = ChapterPage(
                title=(chapter.title or f"Розділ {chapter.number}")[:255],
                slug=chapter_slug(number),
                number=number,
                volume=to_int(chapter.volume),
                language="uk",
                translator=teams.get(chapter.translator.casefold()),
                mangadex_chapter_id=chapter.mangadex_chapter_id,
                live=publish,
            )
            manga.add_child(instance=page)
            revision = page.save_revision()
            if publish:
                revision.publish()
            created += 1
    return created
