"""App config for the external catalog importers."""

from django.apps import AppConfig


class IntegrationsConfig(AppConfig):
    name = "integrations"
    label = "integrations"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Імпорт каталогу"
