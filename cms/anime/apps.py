"""App config of anime: the anime index, titles, episodes and their video sources."""

from django.apps import AppConfig


class AnimeConfig(AppConfig):
    name = "cms.anime"
    label = "anime"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Аніме"

    def ready(self):
        from . import signals  # noqa: F401  (keeps TitleDubbing in step with sources)
