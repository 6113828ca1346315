"""`manage.py load_demo`: the offline demo catalog (safe to run again: it writes nothing then)."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from cms.demo.loader import load_demo
from cms.demo.signals import demo_loaded


class Command(BaseCommand):
    help = "Load the offline demo catalog (anime, manga, dub teams, episodes, chapters)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-index", action="store_true", help="Skip rebuilding the search index."
        )

    def handle(self, *args, no_index=False, **options):
        stats = load_demo()
        demo_loaded.send(sender=type(self))
        self.stdout.write(self.style.SUCCESS(f"Демо-каталог: {stats}."))
        if (stats.created or stats.updated) and not no_index:
            call_command("update_index", verbosity=0)
