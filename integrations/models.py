"""Importer state: ImportedTitle (the editors' review queue, one row per source record),
ImportRun (one row per import with counts and errors) and ImportedPageState (what the importer
last wrote to a page, so fields an editor changed by hand are never overwritten)."""

from django.db import models
from wagtail.admin.panels import FieldPanel

from cms.catalog.models import TitleKind
from integrations.providers.registry import source_choices


class ImportRun(models.Model):
    """One import (a command, a beat task): what was asked, how far it got, what went wrong."""

    class Status(models.TextChoices):
        RUNNING = "running", "Виконується"
        FINISHED = "finished", "Завершено"
        FAILED = "failed", "Помилка"

    class Mode(models.TextChoices):
        IDS = "ids", "за ID"
        SEASON = "season", "сезон"
        TOP = "top", "топ"
        QUERY = "query", "пошук"
        EPISODES = "episodes", "серії"

    source = models.CharField("джерело", max_length=20, choices=source_choices())
    kind = models.CharField(
        "тип", max_length=10, choices=TitleKind.choices, default=TitleKind.ANIME
    )
    mode = models.CharField("режим", max_length=20, choices=Mode.choices)
    params = models.JSONField("параметри", default=dict, blank=True)
    status = models.CharField("стан", max_length=10, choices=Status.choices, default=Status.RUNNING)
    # The next listing page to fetch, so a run killed halfway resumes where it stopped.
    cursor = models.PositiveIntegerField("наступна сторінка", default=1)
    started_at = models.DateTimeField("початок", auto_now_add=True)
    finished_at = models.DateTimeField("завершення", null=True, blank=True)
    fetched = models.PositiveIntegerField("отримано", default=0)
    created = models.PositiveIntegerField("нових", default=0)
    updated = models.PositiveIntegerField("оновлено", default=0)
    unchanged = models.PositiveIntegerField("без змін", default=0)
    published = models.PositiveIntegerField("опубліковано", default=0)
    failed = models.PositiveIntegerField("помилок", default=0)
    errors = models.JSONField("помилки", default=list, blank=True)

    MAX_ERRORS = 200  # keep the row small on a run where everything fails
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = "запуск імпорту"
        verbose_name_plural = "запуски імпорту"
        ordering = ["-started_at"]

    def __str__(self):
        return (
            f"{self.get_source_display()} · {self.get_mode_display()} · "
            f"{self.started_at:%Y-%m-%d %H:%M}"
        )


class ImportedTitle(models.Model):
    """A source's record of one title, waiting for (or linked after) an editor's decision.
    Not in the search index on purpose: a season import writes thousands of rows, and the admin
    searches the few columns it needs with plain database filters."""

    class State(models.TextChoices):
        NEW = "new", "Новий"
        MATCHED = "matched", "Знайдено збіг"
        PUBLISHED = "published", "Опубліковано"
        IGNORED = "ignored", "Проігноровано"
        FAILED = "failed", "Помилка"

    source = models.CharField("джерело", max_length=20, choices=source_choices())
    kind = models.CharField("тип", max_length=10, choices=TitleKind.choices)
    external_id = models.CharField("зовнішній ID", max_length=64)
    mal_id = models.PositiveIntegerField("MAL ID", null=True, blank=True, db_index=True)
    title = models.CharField("назва", max_length=255, blank=True)
    record = models.JSONField("нормалізований запис", default=dict, blank=True)
    payload_hash = models.CharField("хеш відповіді", max_length=64, blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="сторінка",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="imported_titles",
    )
    state = models.CharField(
        "стан", max_length=10, choices=State.choices, default=State.NEW, db_index=True
    )
    error = models.TextField("помилка", blank=True)
    last_run = models.ForeignKey(
        ImportRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="titles"
    )
    created_at = models.DateTimeField("створено", auto_now_add=True)
    updated_at = models.DateTimeField("оновлено", auto_now=True)

    panels = [FieldPanel("state"), FieldPanel("page")]
    # Bookkeeping, not content: keep it out of Wagtail's reference index ("usage" of pages).
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = "імпортований тайтл"
        verbose_name_plural = "імпортовані тайтли"
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "external_id"], name="unique_imported_title"
            )
        ]

    def __str__(self):
        return f"{self.title or self.external_id} ({self.get_source_display()})"


class ImportedPageState(models.Model):
    """The value of each field as the importer last wrote it to a page. A field whose current
    value differs from this was changed by an editor and is left alone from then on."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="import_state"
    )
    applied = models.JSONField(default=dict)
    wagtail_reference_index_ignore = True
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "стан імпорту сторінки"

    def __str__(self):
        return f"import state of page {self.page_id}"
