"""The `titles` catalog query: parsing and validating the query string, filtering, ordering,
paging and facet counts (the total and facets of a filter are cached until the catalog
changes), so the API view stays a thin shell. A bad value raises `BadParameter` (a 400 naming
the parameter)."""

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, F, Prefetch, Q, QuerySet

from cms.catalog.cache import cache_get, cache_set, catalog_key
from cms.catalog.models import Format, Genre, Language, Season, Status, Studio, TitleKind, TitlePage
from cms.dubbing.models import DubTeamPage, TitleDubbing
from config.api_errors import BadParameter, parse_int, shown

from .search import search_hits

QUERY_PARAMETERS = (
    "kind genre studio year year_from year_to season status format dub_team audio translation "
    "search order limit offset"
).split()
# Manga are translated into these languages (chapters in Japanese are the original, not a
# translation).
TRANSLATION_LANGUAGES = (Language.UK.value, Language.EN.value)
DEFAULT_LIMIT = 20
MAX_LIMIT = 100
ORDERS = {
    "-rating": [F("rating").desc(nulls_last=True), F("external_score").desc(nulls_last=True)],
    "-year": [F("year").desc(nulls_last=True)],
    "title": [F("title").asc()],
    "-updated": [F("last_published_at").desc(nulls_last=True)],
}


@dataclass
class TitlesQuery:
    kind: str | None = None
    genres: list[Genre] = field(default_factory=list)
    studios: list[Studio] = field(default_factory=list)
    year: int | None = None
    year_from: int | None = None
    year_to: int | None = None
    seasons: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)
    dub_team_id: int | None = None
    audio: str | None = None
    translation: str | None = None
    search: str = ""
    order: str | None = None
    limit: int = DEFAULT_LIMIT
    offset: int = 0

    def filter_key(self) -> str:
        """Identifies the filter (everything but order and paging) for caching."""
        parts = {k: v for k, v in vars(self).items() if k not in ("order", "limit", "offset")}
        parts["genres"] = sorted(genre.id for genre in self.genres)
        parts["studios"] = sorted(studio.id for studio in self.studios)
        parts.update({name: sorted(parts[name]) for name in ("seasons", "statuses", "formats")})
        return hashlib.sha1(repr(sorted(parts.items())).encode()).hexdigest()


def parse_choices(params, name: str, allowed_values) -> list[str]:
    values = [v for v in params.getlist(name) if v != ""]
    allowed = set(allowed_values)
    for value in values:
        if value not in allowed:
            options = ", ".join(sorted(allowed))
            raise BadParameter(
                name, f"{name}: невідоме значення «{shown(value)}» (можливі: {options})."
            )
    return values


def parse_slugs(params, name: str, queryset) -> list:
    slugs = [s for s in params.getlist(name) if s != ""]
    if not slugs:
        return []
    found = {obj.slug: obj for obj in queryset.filter(slug__in=slugs)}
    for slug in slugs:
        if slug not in found:
            raise BadParameter(name, f"{name}: не знайдено «{shown(slug)}».")
    return [found[slug] for slug in dict.fromkeys(slugs)]


def parse_titles_query(params) -> TitlesQuery:
    kinds = parse_choices(params, "kind", TitleKind.values)
    audio = parse_choices(params, "audio", Language.values)
    translation = parse_choices(params, "translation", TRANSLATION_LANGUAGES)
    query = TitlesQuery(
        kind=kinds[0] if kinds else None,
        genres=parse_slugs(params, "genre", Genre.objects.all()),
        studios=parse_slugs(params, "studio", Studio.objects.all()),
        year=parse_int(params, "year", minimum=1900, maximum=2100),
        year_from=parse_int(params, "year_from", minimum=1900, maximum=2100),
        year_to=parse_int(params, "year_to", minimum=1900, maximum=2100),
        seasons=parse_choices(params, "season", Season.values),
        statuses=parse_choices(params, "status", Status.values),
        formats=parse_choices(params, "format", Format.values),
        audio=audio[0] if audio else None,
        translation=translation[0] if translation else None,
        search=params.get("search", "").strip()[:200],
        offset=parse_int(params, "offset", minimum=0, default=0),
    )
    if len(set(kinds)) > 1:
        raise BadParameter("kind", "kind: вкажіть одне значення (anime або manga).")
    if query.year_from and query.year_to and query.year_from > query.year_to:
        raise BadParameter("year_from", "year_from: не може бути більшим за year_to.")
    query.limit = min(parse_int(params, "limit", minimum=1, default=DEFAULT_LIMIT), MAX_LIMIT)
    dub_teams = parse_slugs(params, "dub_team", DubTeamPage.objects.live())
    query.dub_team_id = dub_teams[0].id if dub_teams else None
    order = params.get("order") or None
    if order is not None and order not in ORDERS:
        options = ", ".join(ORDERS)
        raise BadParameter(
            "order", f"order: невідоме значення «{shown(order)}» (можливі: {options})."
        )
    query.order = order
    return query


def base_queryset() -> QuerySet:
    return TitlePage.objects.live().public()


def apply_filters(queryset: QuerySet, query: TitlesQuery) -> QuerySet:
    if query.kind:
        queryset = queryset.filter(kind=query.kind)
    for genre in query.genres:  # every genre must match
        queryset = queryset.filter(genres=genre)
    if query.studios:
        queryset = queryset.filter(studios__in=query.studios)
    if query.year is not None:
        queryset = queryset.filter(year=query.year)
    if query.year_from is not None:
        queryset = queryset.filter(year__gte=query.year_from)
    if query.year_to is not None:
        queryset = queryset.filter(year__lte=query.year_to)
    if query.seasons:
        queryset = queryset.filter(season__in=query.seasons)
    if query.statuses:
        queryset = queryset.filter(status__in=query.statuses)
    if query.formats:
        queryset = queryset.filter(format__in=query.formats)
    if query.dub_team_id is not None or query.audio or query.translation:
        # One TitleDubbing row must match all of them: the team voices (or translates) in
        # that language. `audio` is about video (anime rows), `translation` about chapters.
        dubbing = Q()
        if query.dub_team_id is not None:
            dubbing &= Q(dub_team_id=query.dub_team_id)
        if query.audio:
            dubbing &= Q(language=query.audio, title__kind=TitleKind.ANIME)
        if query.translation:
            dubbing &= Q(language=query.translation, title__kind=TitleKind.MANGA)
        queryset = queryset.filter(id__in=TitleDubbing.objects.filter(dubbing).values("title_id"))
    if query.studios:
        queryset = queryset.distinct()
    return queryset


@dataclass
class TitlesPage:
    total_count: int
    items: list[TitlePage]
    facets: dict[str, list[dict]]


def run_titles_query(query: TitlesQuery) -> TitlesPage:
    queryset = apply_filters(base_queryset(), query)
    hits: list[int] | None = None
    if query.search:
        hits = search_hits(query.search, query.kind)
        queryset = queryset.filter(id__in=hits)
    total, facets = filter_summary(queryset, query)
    page_ids = list(order_ids(queryset, query, hits)[query.offset : query.offset + query.limit])
    items = {
        page.id: page
        for page in TitlePage.objects.filter(id__in=page_ids)
        .only(
            "id",
            "title",
            "title_en",
            "slug",
            "url_path",
            "kind",
            "poster_url",
            "year",
            "format",
            "status",
            "rating",
            "rating_count",
            "external_score",
            "season",
        )
        .prefetch_related(
            Prefetch("genres", queryset=Genre.objects.only("id", "slug", "name", "name_en")),
            Prefetch("dubbings", queryset=TitleDubbing.with_team_refs()),
        )
    }
    return TitlesPage(
        total_count=total,
        items=[items[pk] for pk in page_ids if pk in items],
        facets=facets,
    )


def filter_summary(queryset: QuerySet, query: TitlesQuery) -> tuple[int, dict]:
    """The total and the facet counts depend on the filter only, not on order or page, and are
    the expensive part of a listing: cache them per filter until the catalog changes."""
    key = catalog_key("titles-summary", query.filter_key())
    summary = cache_get(key) if key else None
    if summary is None:
        summary = count_facets(queryset)
        if key:
            cache_set(key, summary)
    return summary


def order_ids(queryset: QuerySet, query: TitlesQuery, hits: list[int] | None):
    if hits is not None and query.order is None:
        # Relevance order: the position in the search hits.
        rank = {pk: position for position, pk in enumerate(hits)}
        ids = sorted(queryset.values_list("id", flat=True), key=lambda pk: rank.get(pk, len(rank)))
        return ids
    order = ORDERS[query.order or "-rating"]
    return queryset.order_by(*order, "id").values_list("id", flat=True)


def count_facets(queryset: QuerySet) -> tuple[int, dict[str, list[dict]]]:
    """The number of matching titles and the counts per facet value over them. The columns of
    the title row itself (season, status, format, year) are counted from one pass over the
    matching rows, which also gives the total; the related facets take one query each."""
    ids = queryset.order_by().values("id")
    # "id" keeps rows apart where the filter made the queryset distinct().
    columns = [
        row[1:]
        for row in queryset.order_by().values_list("id", "season", "status", "format", "year")
    ]
    facets: dict[str, list[dict]] = {}
    for position, (name, choices) in enumerate(
        (("season", Season), ("status", Status), ("format", Format))
    ):
        labels = dict(choices.choices)
        counts = Counter(row[position] for row in columns if row[position])
        facets[name] = [
            {"value": value, "label": str(labels.get(value, value)), "count": count}
            for value, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        ]
    years = Counter(row[3] for row in columns if row[3] is not None)
    facets["year"] = [
        {"value": str(year), "label": str(year), "count": count}
        for year, count in sorted(years.items(), reverse=True)
    ]

    facets["genre"] = label_facet(TitlePage.genres.through, "genre", ids)
    facets["studio"] = label_facet(TitlePage.studios.through, "studio", ids)
    dubbings = TitleDubbing.objects.filter(title_id__in=ids)
    teams = (
        dubbings.filter(dub_team__isnull=False, dub_team__live=True)
        .values("dub_team__slug", "dub_team__title")
        .annotate(count=Count("title_id", distinct=True))
        .order_by("-count", "dub_team__title")
    )
    facets["dub_team"] = [
        {"value": row["dub_team__slug"], "label": row["dub_team__title"], "count": row["count"]}
        for row in teams
    ]
    facets["audio"] = language_facet(dubbings.filter(title__kind=TitleKind.ANIME))
    facets["translation"] = language_facet(
        dubbings.filter(title__kind=TitleKind.MANGA, language__in=TRANSLATION_LANGUAGES)
    )
    return len(columns), facets


def language_facet(dubbings: QuerySet) -> list[dict]:
    """Counts of titles per language over the TitleDubbing rows `dubbings`, most common first."""
    languages = dict(Language.choices)
    rows = (
        dubbings.values("language")
        .annotate(count=Count("title_id", distinct=True))
        .order_by("-count", "language")
    )
    return [
        {"value": row["language"], "label": str(languages[row["language"]]), "count": row["count"]}
        for row in rows
    ]


def label_facet(through, label: str, ids) -> list[dict]:
    """Counts per genre or studio (`label`) over the titles `ids`, most common first."""
    rows = (
        through.objects.filter(titlepage_id__in=ids)
        .values(f"{label}__slug", f"{label}__name")
        .annotate(count=Count("titlepage_id"))
        .order_by("-count", f"{label}__name")
    )
    return [
        {"value": row[f"{label}__slug"], "label": row[f"{label}__name"], "count": row["count"]}
        for row in rows
    ]
