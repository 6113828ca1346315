"""`manage.py rebuild_catalog_index`: recompute the catalog listing's read model
(`CatalogEntry`, and the facet counts kept from it) from the pages; `--check` only reports
titles whose entry is stale and facet counts that differ from a recount."""

from django.core.management.base import BaseCommand, CommandError

from cms.discovery.index import rebuild_entries, stale_entries, stale_facet_counts


class Command(BaseCommand):
    help = "Перебудовує індекс каталогу (CatalogEntry) зі сторінок тайтлів."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="лише перевірити, нічого не змінюючи"
        )

    def handle(self, *args, check=False, **options):
        if check:
            stale = stale_entries()
            if stale:
                shown = ", ".join(map(str, stale[:20]))
                raise CommandError(f"Застарілі записи каталогу: {len(stale)} (id: {shown})")
            wrong = stale_facet_counts()
            if wrong:
                raise CommandError(f"Лічильники фасетів не збігаються з записами: {wrong}")
            self.stdout.write("Індекс каталогу відповідає сторінкам.")
            return
        listed = rebuild_entries()
        self.stdout.write(f"Індекс каталогу перебудовано: {listed} тайтлів.")
