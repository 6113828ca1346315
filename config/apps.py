"""The project package as an app, for what must be set once at start-up for every app."""

from django.apps import AppConfig


class ProjectConfig(AppConfig):
    name = "config"
    label = "config"
    verbose_name = "AniHata"

    def ready(self):
        from config.api_errors import ascii_integers_only

        ascii_integers_only()
