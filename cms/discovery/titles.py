"""The `titles` catalog query: parsing and validating the query string, filtering, ordering,
paging and facet counts (the total and facets of a filter are cached until the catalog
changes), so the API view stays a thin shell. A bad value raises `BadParameter` (a 400 naming
the parameter)."""

import hashlib
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Prefetch
from wagtail.models import Page

from cms.catalog.cache import cache_get, cache_set, catalog_key
from cms.catalog.models import Format, Genre, Language, Season, Status, Studio, TitleKind, TitlePage
from cms.dubbing.models import DubTeamPage, TitleDubbing
from config.api_errors import BadParameter, parse_int, shown

from .models import TRANSLATION_LANGUAGES, CatalogEntry, FacetCount, dubbing_key
from .search import search_hits

QUERY_PARAMETERS = (
    "kind genre studio year year_from year_to season status format dub_team audio translation "
    "search order limit offset"
).split()
DEFAULT_LIMIT = 20
MAX_LIMIT = 100
# Every order puts titles with no value last and breaks ties by id, so paging is stable.
ORDERS = {
    "-rating": "rating DESC NULLS LAST, external_score DESC NULLS LAST, page_id",
    "-year": "year DESC NULLS LAST, page_id",
    "title": "title, page_id",
    "-updated": "updated DESC NULLS LAST, page_id",
}
FACET_NAMES = "genre studio year season status format dub_team audio translation".split()
CARD_FIELDS = (
    "id title title_en slug url_path kind poster_url year format status rating rating_count "
    "external_score season"
).split()


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


@dataclass
class TitlesPage:
    total_count: int
    items: list[TitlePage]
    facets: dict[str, list[dict]]


def run_titles_query(query: TitlesQuery) -> TitlesPage:
    """One statement answers the total, the facets and the page's ids (the total and facets of
    a filter are cached until the catalog changes; then only the page is asked for)."""
    hits = search_hits(query.search, query.kind) if query.search else None
    key = catalog_key("titles-summary", query.filter_key())
    summary = cache_get(key) if key else None
    rows = listing_rows(query, hits, with_summary=summary is None)
    if summary is None:
        summary = summary_from_rows(rows)
        if key:
            cache_set(key, summary)
    page = sorted((row for row in rows if row[0] == "page"), key=lambda row: row[3])
    page_ids = [int(value) for _, value, _, _ in page]
    items = {
        page.id: page
        for page in TitlePage.objects.filter(id__in=page_ids)
        .order_by()
        .only(*CARD_FIELDS)
        .prefetch_related(
            Prefetch("genres", queryset=Genre.objects.only("id", "slug", "name", "name_en")),
            Prefetch("dubbings", queryset=TitleDubbing.with_team_refs()),
        )
    }
    total, facets = summary
    return TitlesPage(
        total_count=total, items=[items[pk] for pk in page_ids if pk in items], facets=facets
    )


def kept_filter(query: TitlesQuery, hits: list[int] | None) -> str | None:
    """The `FacetCount.filter` whose rows are this filter's total and facets (a kind and at most
    one more value), or None when they must be counted over the matching titles."""
    if hits is not None or query.year_from is not None or query.year_to is not None:
        return None
    values = [
        *(("genre", genre.id) for genre in query.genres),
        *(("studio", studio.id) for studio in query.studios),
        *(("year", year) for year in [query.year] if year is not None),
        *(("season", season) for season in query.seasons),
        *(("status", status) for status in query.statuses),
        *(("format", format_) for format_ in query.formats),
        *(("audio", language) for language in [query.audio] if language),
        *(("translation", language) for language in [query.translation] if language),
    ]
    if query.dub_team_id is not None:
        if query.audio or query.translation:
            return None  # a team in a language: one source must have both (`dubbings`)
        values.append(("dub_team", query.dub_team_id))
    if len(values) > 1:
        return None
    return "".join(f"{facet}:{value}" for facet, value in values)


@dataclass
class Dialect:
    """The few array operations the listing needs, on PostgreSQL arrays (GIN-indexed) or on
    SQLite's JSON text (`json_each`): the same statement otherwise, so the same answers."""

    postgres: bool

    def placeholders(self, values: list) -> str:
        return ", ".join(["%s"] * len(values))

    def contains_all(self, column: str, values: list) -> str:
        if self.postgres:
            return f"{column} @> ARRAY[{self.placeholders(values)}]::{self.cast(values)}[]"
        return (
            f"(SELECT COUNT(DISTINCT value) FROM json_each({column}) "
            f"WHERE value IN ({self.placeholders(values)})) = {len(set(values))}"
        )

    def overlaps(self, column: str, values: list) -> str:
        if self.postgres:
            return f"{column} && ARRAY[{self.placeholders(values)}]::{self.cast(values)}[]"
        return (
            f"EXISTS (SELECT 1 FROM json_each({column}) "
            f"WHERE value IN ({self.placeholders(values)}))"
        )

    def elements(self, column: str) -> str:
        """A FROM item whose rows are the column's elements, as `v.value`."""
        if self.postgres:
            return f"CROSS JOIN LATERAL unnest(f.{column}) AS v(value)"
        return f"CROSS JOIN json_each(f.{column}) AS v"

    def position(self) -> str:
        """Where `page_id` comes in a comma-separated list of ids (the search hits' order)."""
        function = "strpos" if self.postgres else "instr"
        return f"{function}(%s, ',' || CAST(page_id AS TEXT) || ',')"

    @staticmethod
    def cast(values: list) -> str:
        return "bigint" if isinstance(values[0], int) else "text"


def entry_conditions(query: TitlesQuery, hits: list[int] | None, sql: Dialect) -> tuple:
    """The WHERE clause over `discovery_catalogentry` for the filter, and its parameters."""
    conditions: list[str] = []
    params: list = []

    def where(condition: str, *values) -> None:
        conditions.append(condition)
        params.extend(values)

    if query.kind:
        where("kind = %s", query.kind)
    if query.genres:  # every genre must match
        ids = [genre.id for genre in query.genres]
        where(sql.contains_all("genre_ids", ids), *ids)
    if query.studios:  # any studio may match
        ids = [studio.id for studio in query.studios]
        where(sql.overlaps("studio_ids", ids), *ids)
    for column, operator, value in (
        ("year", "=", query.year),
        ("year", ">=", query.year_from),
        ("year", "<=", query.year_to),
    ):
        if value is not None:
            where(f"{column} {operator} %s", value)
    for column, values in (
        ("season", query.seasons),
        ("status", query.statuses),
        ("format", query.formats),
    ):
        if values:
            where(f"{column} IN ({sql.placeholders(values)})", *values)
    # A team with a language must be one TitleDubbing row: (team, language) pairs are stored.
    # `audio` is about video (anime), `translation` about chapters (manga).
    languages = [
        (language, kind)
        for language, kind in ((query.audio, TitleKind.ANIME), (query.translation, TitleKind.MANGA))
        if language
    ]
    for language, kind in languages:
        where("kind = %s", kind.value)
        if query.dub_team_id is not None:
            where(sql.contains_all("dubbings", ["x"]), dubbing_key(query.dub_team_id, language))
        else:
            where(sql.contains_all("languages", ["x"]), language)
    if query.dub_team_id is not None and not languages:
        where(sql.contains_all("dub_team_ids", [0]), query.dub_team_id)
    if hits is not None:
        if not hits:
            conditions.append("1 = 0")
        else:
            where(f"page_id IN ({sql.placeholders(hits)})", *hits)
    return " AND ".join(conditions) or "1 = 1", params


def facet_selects(sql: Dialect) -> list[tuple[str, str, list]]:
    """The total and each facet as (name, a SELECT over the filtered rows `f`, its parameters),
    counted over the whole current filter, the facet's own parameter included."""
    translation = sql.placeholders(list(TRANSLATION_LANGUAGES))
    return [
        ("total", "SELECT 'total', CAST(NULL AS TEXT), CAST(NULL AS TEXT), COUNT(*) FROM f", []),
        *(
            (
                name,
                f"SELECT '{name}', {column}, CAST(NULL AS TEXT), COUNT(*) FROM f "
                f"WHERE {column} <> '' GROUP BY {column}",
                [],
            )
            for name, column in (("season", "season"), ("status", "status"), ("format", "format"))
        ),
        (
            "year",
            "SELECT 'year', CAST(year AS TEXT), CAST(NULL AS TEXT), COUNT(*) FROM f "
            "WHERE year IS NOT NULL GROUP BY year",
            [],
        ),
        *(
            (
                name,
                f"SELECT '{name}', l.slug, l.name, COUNT(*) FROM f {sql.elements(column)} "
                f"JOIN {table} l ON l.id = v.value GROUP BY l.id, l.slug, l.name",
                [],
            )
            for name, column, table in (
                ("genre", "genre_ids", Genre._meta.db_table),
                ("studio", "studio_ids", Studio._meta.db_table),
            )
        ),
        (
            "dub_team",
            f"SELECT 'dub_team', p.slug, p.title, COUNT(*) FROM f {sql.elements('dub_team_ids')} "
            f"JOIN {Page._meta.db_table} p ON p.id = v.value AND p.live "
            "GROUP BY p.id, p.slug, p.title",
            [],
        ),
        (
            "audio",
            f"SELECT 'audio', v.value, CAST(NULL AS TEXT), COUNT(*) FROM f "
            f"{sql.elements('languages')} WHERE f.kind = %s GROUP BY v.value",
            [TitleKind.ANIME.value],
        ),
        (
            "translation",
            f"SELECT 'translation', v.value, CAST(NULL AS TEXT), COUNT(*) FROM f "
            f"{sql.elements('languages')} WHERE f.kind = %s AND v.value IN ({translation}) "
            "GROUP BY v.value",
            [TitleKind.MANGA.value, *TRANSLATION_LANGUAGES],
        ),
    ]


def kept_facet_selects(filter_key: str, kind: str | None) -> list[tuple[str, list]]:
    """The total and each facet read from `FacetCount` (summed over kinds when no kind is
    asked), labelled as `facet_selects` labels them."""
    kind_condition, params = ("AND kind = %s", [filter_key, kind]) if kind else ("", [filter_key])
    counts = (
        f"(SELECT facet, value, SUM(count) AS n FROM {FacetCount._meta.db_table} "
        f"WHERE filter = %s {kind_condition} GROUP BY facet, value HAVING SUM(count) > 0)"
    )
    return [
        (
            f"SELECT c.facet, c.value, CAST(NULL AS TEXT), c.n FROM {counts} AS c "
            "WHERE c.facet NOT IN ('genre', 'studio', 'dub_team')",
            params,
        ),
        *(
            (
                f"SELECT '{name}', l.slug, l.name, c.n FROM {counts} AS c "
                f"JOIN {table} l ON c.facet = '{name}' AND l.id = CAST(c.value AS INTEGER)",
                params,
            )
            for name, table in (("genre", Genre._meta.db_table), ("studio", Studio._meta.db_table))
        ),
        (
            f"SELECT 'dub_team', p.slug, p.title, c.n FROM {counts} AS c "
            f"JOIN {Page._meta.db_table} p ON c.facet = 'dub_team' "
            "AND p.id = CAST(c.value AS INTEGER) AND p.live",
            params,
        ),
    ]


def listing_rows(query: TitlesQuery, hits: list[int] | None, with_summary: bool) -> list[tuple]:
    """Rows of (facet, value, label, count) for the total and every facet (`with_summary`), and
    ("page", id, None, position) for the page, in one round trip. The total and facets of a
    kind with at most one more value are read from `FacetCount`; of any other filter, counted
    over the filter evaluated once (the CTE `f`, which PostgreSQL materialises as it is read
    more than once)."""
    sql = Dialect(postgres=connection.vendor == "postgresql")
    where, params = entry_conditions(query, hits, sql)
    if hits is not None and query.order is None:
        order, order_params = sql.position() + ", page_id", ["," + ",".join(map(str, hits)) + ","]
    else:
        order, order_params = ORDERS[query.order or "-rating"], []
    kept = kept_filter(query, hits) if with_summary else None
    counting = with_summary and kept is None
    # The page is sorted twice: the matches to pick it (a top-N sort, or an index read in
    # order), then its own rows to number them (a UNION's rows come in no particular order).
    matches = "f" if counting else f"{CatalogEntry._meta.db_table} WHERE {where}"
    selects = [
        (
            "SELECT 'page', CAST(page_id AS TEXT), CAST(NULL AS TEXT), "
            f"ROW_NUMBER() OVER (ORDER BY {order}) FROM ("
            f"SELECT * FROM {matches} ORDER BY {order} LIMIT %s OFFSET %s) AS page",
            [*order_params, *([] if counting else params), *order_params],
        )
    ]
    selects[0][1].extend([query.limit, query.offset])
    if counting:
        selects += [(select, select_params) for _, select, select_params in facet_selects(sql)]
    elif kept is not None:
        selects += kept_facet_selects(kept, query.kind)
    statement = " UNION ALL ".join(select for select, _ in selects) + " ORDER BY 1, 4 DESC, 3, 2"
    statement_params = [p for _, ps in selects for p in ps]
    if counting:
        statement = (
            f"WITH f AS (SELECT * FROM {CatalogEntry._meta.db_table} WHERE {where}) " + statement
        )
        statement_params = [*params, *statement_params]
    with connection.cursor() as cursor:
        cursor.execute(statement, statement_params)
        return cursor.fetchall()


FACET_LABELS = {
    "season": dict(Season.choices),
    "status": dict(Status.choices),
    "format": dict(Format.choices),
    "audio": dict(Language.choices),
    "translation": dict(Language.choices),
}


def summary_from_rows(rows: list[tuple]) -> tuple[int, dict[str, list[dict]]]:
    """The total and the facets (most common first; years newest first) from `listing_rows`."""
    total = 0
    facets: dict[str, list[dict]] = {name: [] for name in FACET_NAMES}
    for facet, value, label, count in rows:
        if facet == "total":
            total = count
        elif facet in facets:
            if label is None:
                label = str(FACET_LABELS.get(facet, {}).get(value, value))
            facets[facet].append({"value": value, "label": label, "count": count})
    facets["year"].sort(key=lambda item: -int(item["value"]))
    return total, facets
