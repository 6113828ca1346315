"""App config of the catalog: home page, genres, studios, the title base and its API."""

from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "cms.catalog"
    label = "catalog"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Каталог"

    def ready(self):
        from . import signals  # noqa: F401  (cache invalidation on page changes)
