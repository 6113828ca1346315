"""Writing a normalised record to a page: field by field, never overwriting what an editor
changed by hand (ImportedPageState remembers what the importer last wrote), and what doing so
would change (the admin's diff).

A page may be fed by several sources: each source's last record stays on its ImportedTitle, and
the value written is computed from all of them by the precedence table in settings
(``IMPORT_FIELD_PRECEDENCE``), so sources never overwrite each other back and forth and a page
gets a new revision only when the computed value changes. A source whose title failed drops out
until it answers again (``recompute_page``).

Page-tree writes hold a row lock on the parent page (``lock_page``), so two workers importing
the same id at once make one page.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from wagtail.models import Page

from cms.anime.models import AnimeIndexPage, AnimePage
from cms.catalog.models import Genre, Studio
from cms.manga.models import MangaIndexPage, MangaPage
from integrations.importers.records import TitleRecord
from integrations.models import ImportedPageState, ImportedTitle
from integrations.providers.values import has_cyrillic

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


def linked_records(page, record: TitleRecord) -> list[TitleRecord]:
    """Each source's last record for the page: the records of its published ImportedTitles,
    with ``record`` (the one being applied) standing for its own source."""
    records = {record.source: record}
    if page is None or page.pk is None:
        return [record]
    rows = (
        ImportedTitle.objects.filter(page_id=page.pk, state=ImportedTitle.State.PUBLISHED)
        .exclude(source=record.source)
        .order_by("-updated_at")
        .values_list("record", flat=True)
    )
    for data in rows:
        other = TitleRecord.from_json(data)
        if other.kind == record.kind:
            records.setdefault(other.source, other)
    return list(records.values())


def source_order(name: str) -> tuple[str, ...]:
    """The sources that may give field ``name``, the preferred first (settings)."""
    return settings.IMPORT_FIELD_PRECEDENCE.get(name, settings.IMPORT_SOURCE_ORDER)


def computed_values(records: list[TitleRecord]) -> dict[str, tuple[object, TitleRecord]]:
    """The page's value of each field and the record it comes from: the first source in the
    field's order whose record has a value for it."""
    by_source = {record.source: (record, record_values(record)) for record in records}
    names = dict.fromkeys(name for _, values in by_source.values() for name in values)
    computed = {}
    for name in names:
        for source in source_order(name):
            record, values = by_source.get(source, (None, {}))
            if name in values:
                computed[name] = (values[name], record)
                break
    return computed


def recompute_page(page) -> list[str]:
    """The page's fields computed again from the sources still feeding it, after one dropped
    out (its title failed): each field that source gave falls back to the next source's value;
    a field no source still has a value for keeps what it holds. Returns the changed fields."""
    data = (
        ImportedTitle.objects.filter(page_id=page.pk, state=ImportedTitle.State.PUBLISHED)
        .order_by("-updated_at")
        .values_list("record", flat=True)
        .first()
    )
    return [] if data is None else apply_record(page, TitleRecord.from_json(data))


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
    records = linked_records(page, record)
    # Ukrainian genre names are facts too, whichever source gives the genres themselves.
    genre_names_uk = {k: v for other in records for k, v in other.genre_names_uk.items()}
    changed = []
    for name, (new, source_record) in computed_values(records).items():
        current = page_value(page, name)
        if _jsonable(current) == _jsonable(new):
            if claim_all:
                applied[name] = _jsonable(new)
            continue
        if not _allowed(name, current, applied, new):
            continue
        if name in ("genres", "studios"):
            model = Genre if name == "genres" else Studio
            names = source_record.genres if name == "genres" else source_record.studios
            setattr(page, name, _labels(model, names, genre_names_uk))
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
        _labels(Genre, list(record.genre_names_uk), genre_names_uk)
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
    for name, (new, _) in computed_values(linked_records(page, record)).items():
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


def lock_page(page_model, pk):
    """Hold the parent's row until commit: tree writes under it are serialised (PostgreSQL)."""
    return page_model.objects.select_for_update().get(pk=pk)


def create_page(index, record: TitleRecord):
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
