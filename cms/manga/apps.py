"""App config of manga: the manga index, titles and chapters."""

from django.apps import AppConfig


class MangaConfig(AppConfig):
    name = "cms.manga"
    label = "manga"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Манга"

    def ready(self):
        from . import signals  # noqa: F401  (keeps TitleDubbing in step with chapters)
