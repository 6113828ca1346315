"""Title search: ids of matching titles, best first, through Wagtail's search backend
(Elasticsearch in production, PostgreSQL full text or SQLite FTS5 otherwise).

One query runs in passes:
1. full text, every word must match (on PostgreSQL through the `anihata_uk` configuration, so
   Ukrainian word forms match: "атаку титанів" finds "Атака титанів"), then autocomplete, the
   last word as a prefix ("атак" finds "Атака титанів");
2. only if those found nothing: full text where any word may match;
3. only if that found nothing either: typo tolerance, i.e. fuzzy matching on Elasticsearch,
   trigram word similarity (pg_trgm, through the trigram indexes of migration catalog.0004) over
   the names on PostgreSQL, and on SQLite the same similarity computed in Python over the
   `PYTHON_FUZZY_CANDIDATES` most popular titles;
4. names first (`names_first`): a title matching in any of its names ranks above one matching
   only in its description, and when none of the hits matches in a name, the trigram pass on
   names goes first, so a word form of a loanword the dictionary doesn't know still finds the
   name ("токійського гуля" → "Токійський гуль").
Transliteration happens at index time: every name is also indexed in the other alphabet
(official Ukrainian romanisation of Cyrillic names, and a Ukrainian spelling of Latin ones), so
"ataka tytaniv" finds "Атака титанів" and "наруто" finds "Naruto". Within a pass, titles whose
scores tie are ordered anime first (a manga of the same name is usually the source of the
anime a visitor is after), then by popularity (site rating, then the source's score).

If Elasticsearch is unreachable the same query runs on the `database` backend when settings
configure one, otherwise `SearchUnavailable` is raised (the API answers 503).
"""

import logging
import re
import time
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, QuerySet
from wagtail.search.query import Fuzzy

from cms.catalog.models import TitlePage
from cms.catalog.transliteration import other_script
from cms.dubbing.models import DubTeamPage

logger = logging.getLogger(__name__)

MAX_SEARCH_HITS = 1000
TEAM_LIMIT = 5
ANY_WORD_LIMIT = 100
FUZZY_THRESHOLD = 0.3
FUZZY_LIMIT = 50
PYTHON_FUZZY_CANDIDATES = 5000
# Scores within this fraction of the best one count as a tie, broken by popularity.
SCORE_TIE = 0.05
# After Elasticsearch fails, skip it for this long instead of waiting on it every request.
ELASTICSEARCH_RETRY_SECONDS = 30
MAX_QUERY_LENGTH = 200
# What `ranked` reads of each hit.
RANKING_FIELDS = ("id", "rating", "external_score", "kind")


SEARCH_DOWN_MESSAGE = "Пошук тимчасово недоступний. Спробуйте за хвилину."


class SearchUnavailable(RuntimeError):
    """The search service is down and no database backend is configured to stand in."""


def normalize_query(text: str) -> str:
    """One apostrophe, single spaces, and nothing a full-text parser could choke on."""
    text = unicodedata.normalize("NFC", text).replace("ʼ", "'").replace("’", "'")
    text = re.sub(r"[^\w'\- ]+", " ", text)
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def query_variants(text: str) -> list[str]:
    """The query as typed and in the other alphabet, for the similarity pass."""
    variants = [text.lower()]
    switched = other_script(text)
    if switched and switched not in variants:
        variants.append(switched)
    return variants


# --- Searching ---------------------------------------------------------------------------------


@dataclass
class Scored:
    pk: int
    score: float
    popularity: float
    anime: bool = False


def searchable_titles(kind: str | None = None) -> QuerySet:
    queryset = TitlePage.objects.live()
    if kind:
        queryset = queryset.filter(kind=kind)
    return queryset


def search_hits(text: str, kind: str | None = None, limit: int = MAX_SEARCH_HITS) -> list[int]:
    """Ids of titles matching `text`, best first. SQL filters are applied by the caller."""
    text = normalize_query(text)
    if not text:
        return []
    return with_search_backend(lambda backend_name: ranked_hits(text, kind, limit, backend_name))


def team_hits(text: str, limit: int = TEAM_LIMIT) -> list[int]:
    """Ids of live dub teams matching `text` (as typed or in the other alphabet), best first."""
    text = normalize_query(text)
    if not text:
        return []

    def run(backend_name: str) -> list[int]:
        teams = DubTeamPage.objects.live()
        hits: list[int] = []
        for variant in (text, other_script(text)):  # the other alphabet only if needed
            if variant and not hits:
                # Team names are proper names: prefix matching on them is enough.
                found = teams.autocomplete(variant, backend=backend_name)[:limit]
                hits = [team.pk for team in found]
        return hits

    return with_search_backend(run)


def with_search_backend(run):
    """`run(backend_name)` on the default backend; on the database one while Elasticsearch is
    down (or `SearchUnavailable` when there is none)."""
    if not is_elasticsearch("default"):
        return run("default")
    if not elasticsearch_resting():
        try:
            return run("default")
        except elasticsearch_errors() as error:
            logger.warning("Elasticsearch search failed, using the database: %s", error)
            mark_elasticsearch_down()
    return run(fallback_backend_name())


def ranked_hits(text: str, kind: str | None, limit: int, backend_name: str) -> list[int]:
    queryset = searchable_titles(kind).only(*RANKING_FIELDS)
    hits = ranked(queryset.search(text, operator="and", backend=backend_name)[:limit])
    add_new(hits, ranked(queryset.autocomplete(text, backend=backend_name)[:limit]))
    if not hits:  # any word: past the best matches only noise, so fewer of them
        loose = queryset.search(text, operator="or", backend=backend_name)
        hits = ranked(loose[: min(limit, ANY_WORD_LIMIT)])
    if not hits:  # typos: names that look alike
        return fuzzy_hits(text, kind, backend_name)[:limit]
    return names_first(hits, text, kind, backend_name)[:limit]


# How many of the best hits are sorted into name and description matches (past them, noise).
NAMES_FIRST_WINDOW = 100


def names_first(hits: list[int], text: str, kind: str | None, backend_name: str) -> list[int]:
    """The hits whose names look like the query (trigram word similarity of the query, in both
    alphabets, to a name), in their order; then the rest. When no hit matches in a name, the
    trigram pass on the names goes first: full text missed the name (a word form the
    dictionary doesn't know), while the hits matched in descriptions only."""
    variants = query_variants(text)
    window = hits[:NAMES_FIRST_WINDOW]
    pages = TitlePage.objects.filter(pk__in=window).only(
        "id", "title", "title_en", "title_romaji", "title_native", "synonyms"
    )
    in_names = {
        page.pk
        for page in pages
        if any(
            word_similarity(variant, name) >= FUZZY_THRESHOLD
            for variant in variants
            for name in [*page.all_names, page.names_transliterated]
        )
    }
    first = [pk for pk in window if pk in in_names]
    if not first:
        first = fuzzy_hits(text, kind, backend_name)
    ranked_ids = list(first)
    add_new(ranked_ids, hits)
    return ranked_ids


def add_new(hits: list[int], more: list[int]) -> None:
    seen = set(hits)
    hits.extend(pk for pk in more if pk not in seen)


def popularity(page) -> float:
    return float(page.rating or 0) * 100 + float(page.external_score or 0)


def ranked(results) -> list[int]:
    return tie_break_by_popularity(
        [
            Scored(
                page.pk,
                float(getattr(page, "_score", None) or 0),
                popularity(page),
                anime=page.kind == "anime",
            )
            for page in results.annotate_score("_score")
        ]
    )


def tie_break_by_popularity(items: list[Scored]) -> list[int]:
    """Keep the backend's order (its scores grow or shrink with relevance depending on the
    backend), except that runs of near-equal scores go anime first, then by popularity."""
    if not items:
        return []
    tolerance = SCORE_TIE * (max(abs(item.score) for item in items) or 1.0)
    runs: list[list[Scored]] = []
    for item in items:
        if runs and abs(item.score - runs[-1][0].score) <= tolerance:
            runs[-1].append(item)
        else:
            runs.append([item])
    return [
        item.pk
        for run in runs
        for item in sorted(run, key=lambda item: (not item.anime, -item.popularity))
    ]


def fuzzy_hits(text: str, kind: str | None, backend_name: str) -> list[int]:
    if is_elasticsearch(backend_name):
        queryset = searchable_titles(kind).only(*RANKING_FIELDS)
        return ranked(queryset.search(Fuzzy(text), backend=backend_name)[:FUZZY_LIMIT])
    if connection.vendor == "postgresql":
        return trigram_hits(text, kind)
    return python_similarity_hits(text, kind)


# Names other than the Ukrainian title, as indexed by migration catalog.0004 (same expression).
TITLE_NAMES_SQL = (
    "anihata_title_names({t}.title_en, {t}.title_romaji, {t}.title_native, {t}.synonyms)"
)
TRIGRAM_SQL = """
SELECT t.page_ptr_id
FROM catalog_titlepage t JOIN wagtailcore_page p ON p.id = t.page_ptr_id
WHERE p.live AND (%(kind)s::text IS NULL OR t.kind = %(kind)s) AND t.page_ptr_id IN (
    SELECT id FROM wagtailcore_page WHERE {page_matches}
    UNION
    SELECT page_ptr_id FROM catalog_titlepage WHERE {names_matches}
)
ORDER BY GREATEST({similarities}) DESC, t.rating DESC NULLS LAST,
    t.external_score DESC NULLS LAST, t.page_ptr_id
LIMIT %(limit)s
"""


def trigram_hits(text: str, kind: str | None) -> list[int]:
    """pg_trgm word similarity between the query (in both alphabets) and the names. The `%>`
    operator finds candidates through the trigram indexes; only they get a similarity."""
    variants = query_variants(text)
    params: dict = {"kind": kind, "limit": FUZZY_LIMIT}
    params.update({f"v{i}": variant for i, variant in enumerate(variants)})
    names = TITLE_NAMES_SQL.format(t="catalog_titlepage")
    sql = TRIGRAM_SQL.format(
        page_matches=" OR ".join(f"title %%> %(v{i})s" for i in range(len(variants))),
        names_matches=" OR ".join(f"{names} %%> %(v{i})s" for i in range(len(variants))),
        similarities=", ".join(
            f"word_similarity(%(v{i})s, p.title || ' ' || {TITLE_NAMES_SQL.format(t='t')})"
            for i in range(len(variants))
        ),
    )
    with transaction.atomic(), connection.cursor() as cursor:
        # The threshold of `%>`, for this transaction only.
        cursor.execute(
            "SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)",
            [str(FUZZY_THRESHOLD)],
        )
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def trigrams(text: str) -> set[str]:
    """pg_trgm's trigrams: each word padded with two spaces before and one after."""
    grams: set[str] = set()
    for word in re.findall(r"\w+", text.lower()):
        padded = f"  {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


def word_similarity(query: str, name: str) -> float:
    """Like pg_trgm's word_similarity: the best trigram overlap of `query` with a run of
    consecutive words of `name`."""
    query_grams = trigrams(query)
    if not query_grams:
        return 0.0
    words = re.findall(r"\w+", name.lower())
    span = max(1, len(re.findall(r"\w+", query)))
    best = 0.0
    for start in range(len(words)):
        for end in range(start + 1, min(len(words), start + span + 1) + 1):
            name_grams = trigrams(" ".join(words[start:end]))
            best = max(best, len(query_grams & name_grams) / len(query_grams | name_grams))
    return best


def python_similarity_hits(text: str, kind: str | None) -> list[int]:
    """The SQLite stand-in for pg_trgm: similarity in Python over the most popular titles."""
    variants = query_variants(text)
    candidates = (
        searchable_titles(kind)
        .order_by(F("rating").desc(nulls_last=True), F("external_score").desc(nulls_last=True))
        .only("id", "title", "title_en", "title_romaji", "title_native", "synonyms")
    )[:PYTHON_FUZZY_CANDIDATES]
    scored_ids = []
    for page in candidates:
        names = [*page.all_names, page.names_transliterated]
        similarity = max(word_similarity(v, name) for v in variants for name in names)
        if similarity >= FUZZY_THRESHOLD:
            scored_ids.append((-similarity, page.pk))
    return [pk for _, pk in sorted(scored_ids)[:FUZZY_LIMIT]]


# --- Elasticsearch availability ----------------------------------------------------------------

_elasticsearch_down_until = 0.0


def is_elasticsearch(backend_name: str) -> bool:
    backend = settings.WAGTAILSEARCH_BACKENDS.get(backend_name, {}).get("BACKEND", "")
    return "elasticsearch" in backend or backend.startswith("cms.catalog.search_backends")


def elasticsearch_errors() -> tuple[type[Exception], ...]:
    from elasticsearch import ApiError, TransportError

    return (ApiError, TransportError)


def elasticsearch_resting() -> bool:
    return time.monotonic() < _elasticsearch_down_until


def mark_elasticsearch_down() -> None:
    global _elasticsearch_down_until
    _elasticsearch_down_until = time.monotonic() + ELASTICSEARCH_RETRY_SECONDS


def fallback_backend_name() -> str:
    if "database" in settings.WAGTAILSEARCH_BACKENDS:
        return "database"
    raise SearchUnavailable(SEARCH_DOWN_MESSAGE)
