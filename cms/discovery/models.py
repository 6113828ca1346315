"""The catalog listing's read model: one `CatalogEntry` per live, public title, holding every
column `titles/` filters, sorts or counts by, with genres, studios, dub teams and languages as
arrays. A listing is then a query on this one table (GIN indexes on the arrays, no join to
`wagtailcore_page`). Derived data, never edited: `index.py` keeps it in step with the pages and
`manage.py rebuild_catalog_index` recomputes it."""

import json

from django.db import models

from cms.catalog.models import TitlePage


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


def dubbing_key(team_id: int | None, language: str) -> str:
    """One (team, language) pair as stored in `CatalogEntry.dubbings`: `dub_team` with `audio`
    must match the same source, which two separate arrays could not tell."""
    return f"{team_id or ''}:{language}"


class CatalogEntry(models.Model):
    page = models.OneToOneField(
        TitlePage, primary_key=True, on_delete=models.CASCADE, related_name="catalog_entry"
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
