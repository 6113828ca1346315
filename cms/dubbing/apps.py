"""App config of dub teams: their index and pages, and team membership."""

from django.apps import AppConfig


class DubbingConfig(AppConfig):
    name = "cms.dubbing"
    label = "dubbing"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Озвучення"
