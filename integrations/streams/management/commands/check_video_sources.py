"""Run the periodic source health check now (what the Celery task does), with a summary."""

from django.core.management.base import BaseCommand, CommandError

from integrations.streams.health import check_sources


class Command(BaseCommand):
    help = "Probe active video sources, record the outcome, deactivate repeated failures."

    def add_arguments(self, parser):
        parser.add_argument("--ids", help="comma-separated source ids (default: all active)")

    def handle(self, *args, ids: str | None, **options):
        source_ids = None
        if ids:
            try:
                source_ids = [int(part) for part in ids.split(",") if part.strip()]
            except ValueError as exc:
                raise CommandError("--ids takes numbers separated by commas, e.g. 3,17") from exc
        result = check_sources(source_ids)
        checked, failed = result["checked"], result["failed"]
        self.stdout.write(f"Перевірено джерел: {checked}, з помилками: {failed}")
