"""``python manage.py import_catalog --source jikan --ids 52991,5114 [--publish]``: the same
import the Celery tasks run, synchronously, with a progress bar."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from integrations.importers import pipeline
from integrations.models import ImportRun
from integrations.providers.http import RetryableError
from integrations.providers.registry import SOURCES, provider_class


def split_ids(text: str | None) -> list[str]:
    return [i.strip() for i in (text or "").split(",") if i.strip()]


class Command(BaseCommand):
    help = "Import anime/manga from an external catalog into the review queue (or publish)."

    def add_arguments(self, parser):
        parser.add_argument("--source", choices=SOURCES, required=False)
        parser.add_argument("--kind", choices=["anime", "manga"], default=None)
        parser.add_argument("--ids", help="comma-separated ids (MAL ids for hikka)")
        parser.add_argument("--season", help="e.g. 2024-spring")
        parser.add_argument("--top", type=int, help="the N best-rated titles")
        parser.add_argument("--query", help="search text")
        parser.add_argument("--publish", action="store_true", help="publish new titles at once")
        parser.add_argument("--resume", type=int, metavar="RUN_ID", help="continue a stopped run")

    def handle(self, *args, **options):
        runs = [self._resume(options["resume"])] if options["resume"] else self._new_runs(options)
        for run in runs:
            self._execute(run, options)

    def _execute(self, run, options):
        with tqdm(total=self._total(run), unit="title", disable=options["verbosity"] == 0) as bar:
            try:
                pipeline.execute(run, publish=options["publish"], progress=bar.update)
            except RetryableError as error:
                self._report(run)
                raise CommandError(
                    f"{error} — the source is unavailable for now; continue later with "
                    f"--resume {run.pk}"
                ) from error
        self._report(run)

    def _report(self, run):
        run.refresh_from_db()
        self.stdout.write(
            f"run {run.pk} ({run.kind}) {run.status}: fetched {run.fetched}, new {run.created}, "
            f"updated {run.updated}, unchanged {run.unchanged}, published {run.published}, "
            f"errors {run.failed}"
        )
        for error in run.errors[:20]:
            self.stderr.write(f"  {error['item']}: {error['error']}")

    def _resume(self, run_id):
        run = ImportRun.objects.filter(pk=run_id).first()
        if run is None:
            raise CommandError(f"no import run {run_id}")
        if run.status == ImportRun.Status.FINISHED:
            raise CommandError(f"run {run_id} has already finished")
        return run

    def _new_runs(self, options) -> list[ImportRun]:
        source = options["source"]
        if not source:
            raise CommandError("--source is required (or --resume RUN_ID)")
        provider = provider_class(source)
        if not (provider.ukrainian_names and options["kind"] is None):
            return [self._new_run(options, provider, options["kind"] or provider.kinds[0])]
        # Ukrainian names with no --kind: anime and manga alike. MAL ids are per kind, so
        # given ids go to the kinds whose pages carry them.
        ids = split_ids(options["ids"])
        if not ids:
            return [self._new_run(options, provider, kind) for kind in provider.kinds]
        per_kind = pipeline.mal_ids_by_kind(ids, provider.kinds)
        return [
            self._new_run(options, provider, kind, ids=kind_ids)
            for kind, kind_ids in per_kind.items()
            if kind_ids
        ]

    def _new_run(self, options, provider, kind, ids=None) -> ImportRun:
        source = provider.source
        if kind not in provider.kinds:
            raise CommandError(f"{provider.label} has {' and '.join(provider.kinds)} only")
        chosen = [o for o in ("ids", "season", "top", "query") if options[o] not in (None, "")]
        if provider.ukrainian_names:
            chosen = chosen or ["ids"]  # no ids: every title lacking a Ukrainian name
        if len(chosen) != 1:
            raise CommandError("give exactly one of --ids, --season, --top, --query")
        mode = chosen[0]
        params = {}
        if mode == "ids":
            params["ids"] = split_ids(options["ids"]) if ids is None else ids
            if not provider.ukrainian_names and not params["ids"]:
                raise CommandError("--ids needs at least one id")
            if provider.numeric_ids and not all(i.isdigit() for i in params["ids"]):
                raise CommandError(f"{source} ids are numbers, e.g. --ids 52991,5114")
            if provider.ids_span_kinds and options["kind"] is None:
                params["kind_from_answer"] = True
        elif mode == "season":
            try:
                pipeline.parse_season(options["season"])
            except ValueError as error:
                raise CommandError(str(error)) from error
            if kind not in provider.season_kinds:
                seasonal = [s for s in SOURCES if "anime" in provider_class(s).season_kinds]
                raise CommandError(f"--season works for anime from {', '.join(seasonal)}")
            params["season"] = options["season"]
        elif mode == "top":
            if options["top"] <= 0:
                raise CommandError("--top must be a positive number")
            params["top"] = options["top"]
        else:
            params["query"] = options["query"]
        return pipeline.start_run(source, kind, mode, **params)

    @staticmethod
    def _total(run):
        if run.mode == "ids" and run.params.get("ids"):
            return len(run.params["ids"])
        if run.mode == "top":
            return int(run.params["top"])
        return None
