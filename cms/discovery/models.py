"""The catalog listing's read model: one `CatalogEntry` per live, public title, holding every
column `titles/` filters, sorts or counts by, with genres, studios, dub teams and languages as
arrays. A listing is then a query on this one table (GIN indexes on the arrays, no join to
`wagtailcore_page`). Derived data, never edited: `index.py` keeps it in step with the pages and
`manage.py rebuild_catalog_index` recomputes it."""

import json

from django.db import models

from cms.catalog.models import Language, TitleKind, TitlePage


class ListField(models.Field):
    """A list of `base` values: a PostgreSQL array (so `@>`, `&&` and `unnest` work on it and a
    GIN index serves them), JSON text on other databases (SQLite, `make dev`), where the
    listing filters the lists in Python."""

    def __init__(self, *args, base: str = "bigint", **kwargs):
        self.base = base
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["base"] = self.base
        kwargs.pop("default", None)
        return name, path, args, kwargs

    def db_type(self, connection):
        return f"{self.base}[]" if connection.vendor == "postgresql" else "text"

    def from_db_value(self, value, expression, connection):
        if value is None or isinstance(value, list):
            return value
        return json.loads(value)

    def get_db_prep_value(self, value, connection, prepared=False):
        if value is None:
            return None
        return list(value) if connection.vendor == "postgresql" else json.dumps(list(value))


# Manga are translated into these languages (chapters in Japanese are the original, not a
# translation).
TRANSLATION_LANGUAGES = (Language.UK.value, Language.EN.value)


def dubbing_key(team_id: int | None, language: str) -> str:
    """One (team, language) pair as stored in `CatalogEntry.dubbings`: `dub_team` with `audio`
    must match the same source, which two separate arrays could not tell."""
    return f"{team_id or ''}:{language}"


class CatalogEntry(models.Model):
    # Not a cascade: `index.py` drops the entry after its page is deleted, so the facet counts
    # follow (no database constraint, for the same reason; a rebuild clears any stray entry).
    page = models.OneToOneField(
        TitlePage,
        primary_key=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="catalog_entry",
    )
    kind = models.CharField(max_length=10)
    title = models.CharField(max_length=255)
    year = models.PositiveSmallIntegerField(null=True)
    season = models.CharField(max_length=10)
    status = models.CharField(max_length=20)
    format = models.CharField(max_length=20)
    rating = models.DecimalField(max_digits=4, decimal_places=2, null=True)
    external_score = models.DecimalField(max_digits=4, decimal_places=2, null=True)
    updated = models.DateTimeField(null=True)  # the page's last_published_at
    genre_ids = ListField()
    studio_ids = ListField()
    dub_team_ids = ListField()
    languages = ListField(base="text")
    dubbings = ListField(base="text")

    class Meta:
        verbose_name = "запис каталогу"
        verbose_name_plural = "записи каталогу"

    def __str__(self):
        return self.title

    def facet_values(self) -> list[tuple[str, str]]:
        """The (facet, value) pairs this title is counted under in the listing's facets: the
        same rules as the facet counts over a filter (`titles.facet_selects`)."""
        values = [
            (facet, str(pk))
            for facet, ids in (
                ("genre", self.genre_ids),
                ("studio", self.studio_ids),
                ("dub_team", self.dub_team_ids),
            )
            for pk in ids
        ]
        if self.year is not None:
            values.append(("year", str(self.year)))
        values += [(name, getattr(self, name)) for name in ("season", "status", "format")]
        for language in self.languages:
            if self.kind == TitleKind.ANIME:
                values.append(("audio", language))
            elif self.kind == TitleKind.MANGA and language in TRANSLATION_LANGUAGES:
                values.append(("translation", language))
        return [(facet, value) for facet, value in values if value != ""]

    def facet_counts(self) -> list[tuple[str, str, str, str]]:
        """The `FacetCount` rows (kind, filter, facet, value) this title adds one to."""
        values = self.facet_values()
        filters = ["", *(f"{facet}:{value}" for facet, value in values)]
        keys = [("total", ""), *values]
        return [(self.kind, filter_, facet, value) for filter_ in filters for facet, value in keys]


class FacetCount(models.Model):
    """How many listed titles of a kind match `filter` — one facet value such as "genre:7", or
    "" for the kind alone — and carry the facet value (`facet`, `value`); ("total", "") counts
    them all. The listing's total and facets for the filters people and crawlers hit most (a
    kind and at most one more value) are then one indexed read at any catalog size instead of a
    count over every matching title. Derived from `CatalogEntry` by `index.py` (deltas per
    changed title) and by `rebuild_catalog_index`."""

    kind = models.CharField(max_length=10)
    filter = models.CharField(max_length=64)
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=64)
    count = models.IntegerField()

    class Meta:
        verbose_name = "лічильник фасету"
        verbose_name_plural = "лічильники фасетів"
        constraints = [
            models.UniqueConstraint(
                fields=["filter", "kind", "facet", "value"], name="discovery_facetcount_unique"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.filter or '*'}: {self.facet}={self.value} ({self.count})"
