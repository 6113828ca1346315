"""Keeping `CatalogEntry` (the listing's read model) equal to what the pages say.

`refresh_entries(ids)` recomputes the entries of some titles from their pages, inside the
caller's transaction, under a per-title advisory lock on PostgreSQL: of two transactions
refreshing one title, the second waits and then reads what the first committed, so the last
writer always writes the latest state. It runs on every publish, unpublish, move or delete of a
title (or of a page above titles), whenever a title's TitleDubbing rows change (episodes,
chapters, sources, a deleted dub team) and when a view restriction changes.
`rebuild_entries()` (`manage.py rebuild_catalog_index`) recomputes every entry;
`stale_entries()` lists the titles whose entry differs from their pages.

`FacetCount` follows the entries: a refresh adds the difference between a title's old and new
facet rows (row-level increments, in a fixed order so concurrent refreshes never deadlock), a
rebuild recounts them all, and `stale_facet_counts()` compares them with a recount."""

from collections import Counter, defaultdict
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.catalog.models import TitlePage
from cms.dubbing.dubbings import dubbings_changed
from cms.dubbing.models import TitleDubbing

from .models import CatalogEntry, FacetCount, dubbing_key

BATCH = 5000
# First key of the advisory locks taken per title id (the second key).
LOCK_NAMESPACE = 16016
MAX_TITLE_LOCKS = 100
COLUMNS = [field.name for field in CatalogEntry._meta.concrete_fields if field.name != "page"]


def compute_entries(title_ids: Iterable[int] | None = None) -> list[CatalogEntry]:
    """The entries the pages call for: every live, public title (of `title_ids`, when given)."""
    pages = TitlePage.objects.live().public().order_by("id")
    if title_ids is not None:
        pages = pages.filter(id__in=list(title_ids))
    rows = list(
        pages.values_list(
            "id",
            "kind",
            "title",
            "year",
            "season",
            "status",
            "format",
            "rating",
            "external_score",
            "last_published_at",
        )
    )
    ids = [row[0] for row in rows]
    genres, studios = defaultdict(list), defaultdict(list)
    for labels, through, column in (
        (genres, TitlePage.genres.through, "genre_id"),
        (studios, TitlePage.studios.through, "studio_id"),
    ):
        pairs = through.objects.filter(titlepage_id__in=ids).order_by(column)
        for title_id, label_id in pairs.values_list("titlepage_id", column):
            labels[title_id].append(label_id)
    dubbings = defaultdict(list)
    for title_id, team_id, language in (
        TitleDubbing.objects.filter(title_id__in=ids)
        .order_by("dub_team_id", "language")
        .values_list("title_id", "dub_team_id", "language")
    ):
        dubbings[title_id].append((team_id, language))
    entries = []
    for page_id, kind, title, year, season, status, format_, rating, score, updated in rows:
        pairs = dubbings[page_id]
        entries.append(
            CatalogEntry(
                page_id=page_id,
                kind=kind,
                title=title,
                year=year,
                season=season,
                status=status,
                format=format_,
                rating=rating,
                external_score=score,
                updated=updated,
                genre_ids=genres[page_id],
                studio_ids=studios[page_id],
                dub_team_ids=sorted({team for team, _ in pairs if team is not None}),
                languages=sorted({language for _, language in pairs}),
                dubbings=sorted(dubbing_key(team, language) for team, language in pairs),
            )
        )
    return entries


def write_entries(entries: list[CatalogEntry]) -> None:
    CatalogEntry.objects.bulk_create(
        entries,
        batch_size=1000,
        update_conflicts=True,
        unique_fields=["page"],
        update_fields=COLUMNS,
    )


def counted(entries: Iterable[CatalogEntry]) -> Counter:
    """The `FacetCount` rows the entries make, as (kind, filter, facet, value) → count."""
    counts = Counter()
    for entry in entries:
        counts.update(entry.facet_counts())
    return counts


def add_facet_counts(deltas: Counter) -> None:
    """Add `deltas` to the stored counts (an upsert per row, rows in one fixed order)."""
    rows = sorted((key, delta) for key, delta in deltas.items() if delta)
    table = FacetCount._meta.db_table
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 500):
            chunk = rows[start : start + 500]
            cursor.execute(
                f"INSERT INTO {table} (kind, filter, facet, value, count) VALUES "
                + ", ".join(["(%s, %s, %s, %s, %s)"] * len(chunk))
                + " ON CONFLICT (filter, kind, facet, value)"
                f" DO UPDATE SET count = {table}.count + excluded.count",
                [part for key, delta in chunk for part in (*key, delta)],
            )


def recount_facets() -> None:
    """Replace every `FacetCount` by a count over the stored entries."""
    FacetCount.objects.all().delete()
    counts = counted(CatalogEntry.objects.iterator(chunk_size=BATCH))
    FacetCount.objects.bulk_create(
        (
            FacetCount(kind=kind, filter=filter_, facet=facet, value=value, count=count)
            for (kind, filter_, facet, value), count in counts.items()
        ),
        batch_size=1000,
    )


def stale_facet_counts() -> int:
    """How many `FacetCount` rows differ from a count over the stored entries."""
    stored = Counter(
        {
            (row.kind, row.filter, row.facet, row.value): row.count
            for row in FacetCount.objects.exclude(count=0)
        }
    )
    expected = counted(CatalogEntry.objects.iterator(chunk_size=BATCH))
    return len(set(stored.items()) ^ set(expected.items()))


def lock_titles(ids: list[int]) -> None:
    """Make the refreshes of a title take turns until the transaction ends (PostgreSQL; SQLite
    runs one writer at a time anyway)."""
    if connection.vendor != "postgresql":
        return
    table = CatalogEntry._meta.db_table
    with connection.cursor() as cursor:
        if len(ids) > MAX_TITLE_LOCKS:
            # Thousands of advisory locks would exhaust the lock table: lock the whole table
            # (refreshes of single titles wait for it, then write the latest state).
            cursor.execute(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE")
        else:
            # Waits for such a whole-table refresh before reading the stored entries the
            # facet deltas start from.
            cursor.execute(f"LOCK TABLE {table} IN ROW EXCLUSIVE MODE")
            cursor.execute(
                "SELECT pg_advisory_xact_lock(%s, id) FROM unnest(%s::int[]) AS id",
                [LOCK_NAMESPACE, sorted(ids)],
            )


def refresh_entries(title_ids: Iterable[int]) -> None:
    """Recompute the entries of `title_ids` (adding, changing or removing them)."""
    ids = sorted(set(title_ids))
    if not ids:
        return
    with transaction.atomic():
        lock_titles(ids)
        entries = compute_entries(ids)
        listed = {entry.page_id for entry in entries}
        deltas = counted(entries)
        deltas.subtract(counted(CatalogEntry.objects.filter(page_id__in=ids)))
        CatalogEntry.objects.filter(page_id__in=[pk for pk in ids if pk not in listed]).delete()
        write_entries(entries)
        add_facet_counts(deltas)


def titles_under(page: Page, inclusive: bool = True) -> list[int]:
    return list(
        TitlePage.objects.descendant_of(page, inclusive=inclusive).values_list("id", flat=True)
    )


def rebuild_entries() -> int:
    """Recompute every entry; returns how many titles are listed."""
    with transaction.atomic():
        ids = list(TitlePage.objects.order_by("id").values_list("id", flat=True))
        lock_titles(ids)
        listed = 0
        for start in range(0, len(ids), BATCH):
            entries = compute_entries(ids[start : start + BATCH])
            write_entries(entries)
            listed += len(entries)
        live = TitlePage.objects.live().public().values("id")
        CatalogEntry.objects.exclude(page_id__in=live).delete()
        recount_facets()
    return listed


def stale_entries() -> list[int]:
    """Ids of the titles whose stored entry (or its absence) differs from their pages."""
    stored = {entry.page_id: entry for entry in CatalogEntry.objects.all()}
    stale = set(stored)
    for entry in compute_entries():
        current = stored.get(entry.page_id)
        if current is not None and all(
            getattr(current, name) == getattr(entry, name) for name in COLUMNS
        ):
            stale.discard(entry.page_id)
        else:
            stale.add(entry.page_id)
    return sorted(stale)


@receiver(page_published)
@receiver(page_unpublished)
def on_page_changed(sender, instance, **kwargs):
    if isinstance(instance, TitlePage):
        refresh_entries([instance.pk])
    elif instance.numchild:  # a section above titles: their public state may have changed
        refresh_entries(titles_under(instance, inclusive=False))


@receiver(post_delete)
def on_title_deleted(sender, instance, **kwargs):
    # Its entry is not a cascade (the counts must start from the stored row, which a refresh
    # asked for by the cascade itself may have changed meanwhile): drop it once the page is gone.
    if isinstance(instance, TitlePage):
        refresh_entries([instance.pk])


@receiver(post_page_move)
def on_page_moved(sender, instance, **kwargs):
    refresh_entries(titles_under(instance))


@receiver(dubbings_changed)
def on_dubbings_changed(sender, title, **kwargs):
    refresh_entries([title.pk])


@receiver(post_delete, sender=TitleDubbing)
def on_dubbing_deleted(sender, instance, **kwargs):
    # Rows deleted with their dub team (a cascade) send no `dubbings_changed`.
    refresh_entries([instance.title_id])


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def on_restriction_changed(sender, instance, **kwargs):
    try:
        page = instance.page
    except Page.DoesNotExist:  # the page itself is being deleted
        return
    refresh_entries(titles_under(page))
