"""App config of discovery: the catalog listing's read model (`CatalogEntry`) and the signal
handlers that keep it in step with the pages."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def fill_empty_catalog_index(sender, using="default", **kwargs):
    """A database migrated to the read model (or restored without it) gets it filled at once:
    an empty table with live titles would list nothing, empty facet counts would count zero."""
    from cms.catalog.models import TitlePage

    from .index import rebuild_entries, recount_facets
    from .models import CatalogEntry, FacetCount

    listed = CatalogEntry.objects.using(using).exists()
    if not listed and TitlePage.objects.using(using).exists():
        rebuild_entries()
    elif listed and not FacetCount.objects.using(using).exists():
        recount_facets()


class DiscoveryConfig(AppConfig):
    name = "cms.discovery"
    label = "discovery"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Пошук і каталог"

    def ready(self):
        from . import index  # noqa: F401  (keeps CatalogEntry in step with the pages)

        post_migrate.connect(fill_empty_catalog_index, sender=self)
