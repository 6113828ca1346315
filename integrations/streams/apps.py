"""App config for video stream providers and playback."""

from django.apps import AppConfig


class StreamsConfig(AppConfig):
    name = "integrations.streams"
    label = "streams"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Відеоджерела"
