"""App config of `library`: connects the signal receivers (new episodes → notifications)."""

from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "library"
    label = "library"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Мої аніме"

    def ready(self):
        from . import notifications  # noqa: F401 - connects its receivers
