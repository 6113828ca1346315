"""Catalog API benchmark: PostgreSQL with N titles (10 episodes each) behind gunicorn; prints
median / p95 latency of the titles listing (several filter mixes), a title by path, and a
search; SQL queries per request; the peak RSS of a gunicorn worker; then one line
`BENCH_JSON {...}` with the cache-off medians.

    .venv/bin/python bench/catalog.py [--titles 20000] [--requests 200] [--scale]
        [--baseline DIR] [--worker-class gthread|sync] [--reseed]

Needs PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/anihata_bench).
Seeding is slow, so the seeded catalog is kept as a template database (`<name>_tpl_<N>`) and
every run starts from a fresh copy of it (migrated, catalog index rebuilt); `--reseed` builds
the template again. Runs twice: with the API cache off (every request hits the database) and on
(local-memory cache, what repeated anonymous reads get).

`--baseline DIR` also starts gunicorn from another checkout (e.g. `git worktree add /tmp/base
main~5`) on its own copy of the same catalog and interleaves its requests with ours, so both
see the same machine load; the table then shows both medians and their ratio. `--scale`
measures the genre listing at 2,000 and 200,000 titles (`growth_2k_200k`; seeding 200,000
titles the first time takes about an hour and a few GB).
"""

import argparse
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import (  # noqa: E402
    copy_database,
    database_exists,
    insert_local,
    recreate_database,
    rename_database,
    setup_django,
    switch_database,
)

DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/anihata_bench"

LISTINGS = {
    "genre, by rating, 15 (Hikka's query)": "kind=anime&genre=action&order=-rating&limit=15",
    "two genres + years, by rating, 15": (
        "kind=anime&genre=action&genre=comedy&year_from=2010&year_to=2025&order=-rating&limit=15"
    ),
    "ongoing with Ukrainian audio": "status=ongoing&audio=uk",
    "dub team + season": "dub_team=team-1&season=fall",
    "deep page by title": "order=title&offset=10000&limit=24",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def seed(titles: int) -> None:
    """Insert pages in bulk: Wagtail's page API would take hours for 220,000 pages."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import transaction
    from treebeard.mp_tree import MP_Node
    from wagtail.models import Locale, Page

    from cms.anime.models import AnimeIndexPage, AnimePage, EpisodePage, VideoSource
    from cms.catalog.models import Genre, Studio, TitlePage
    from cms.demo.loader import DemoStats, ensure_home
    from cms.dubbing.models import DubTeamIndexPage, DubTeamPage, TitleDubbing

    call_command("migrate", verbosity=0)
    stats = DemoStats()
    home = ensure_home(stats)
    index = home.add_child(instance=AnimeIndexPage(title="Аніме", slug="anime"))
    team_index = home.add_child(instance=DubTeamIndexPage(title="Команди", slug="dub-teams"))
    teams = [
        team_index.add_child(instance=DubTeamPage(title=f"Команда {n}", slug=f"team-{n}"))
        for n in range(5)
    ]
    genres = Genre.objects.bulk_create(
        [
            Genre(slug=s, name=s, name_en=s)
            for s in (
                "action comedy drama fantasy romance sci-fi slice-of-life mystery sports "
                "horror mecha music thriller adventure supernatural psychological historical "
                "military school isekai"
            ).split()
        ]
    )
    studios = Studio.objects.bulk_create(
        [Studio(slug=f"studio-{n}", name=f"Studio {n}") for n in range(30)]
    )
    locale = Locale.get_default()
    anime_ct = ContentType.objects.get_for_model(AnimePage)
    episode_ct = ContentType.objects.get_for_model(EpisodePage)
    rng = random.Random(42)
    words = (
        "ataka titan bytva mahiya klynok demon sertse zori misto nich lito more ostriv "
        "vatra zemlia vitry son dim shkola druzi geroi kviten spohad"
    ).split()
    step = MP_Node.steplen

    def path(parent_path: str, position: int) -> str:
        return parent_path + Page._int2str(position).rjust(step, "0")

    def base_page(title, slug, parent_path, position, depth, content_type, url_path):
        return Page(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=content_type,
            live=True,
            path=path(parent_path, position),
            depth=depth,
            numchild=0,
            url_path=url_path,
            locale=locale,
            translation_key=uuid.uuid4(),
            first_published_at=None,
        )

    batch = 1000
    for start in range(0, titles, batch):
        with transaction.atomic():
            chunk = range(start, min(start + batch, titles))
            pages = []
            for n in chunk:
                name = " ".join(rng.sample(words, 3)).title() + f" {n}"
                page = base_page(
                    name,
                    f"title-{n}",
                    index.path,
                    n + 1,
                    index.depth + 1,
                    anime_ct,
                    f"{index.url_path}title-{n}/",
                )
                page.numchild = 10
                pages.append(page)
            Page.objects.bulk_create(pages)
            rows = []
            for page in pages:
                year = rng.randint(1990, 2025)
                anime = AnimePage(
                    page_ptr_id=page.id,
                    title_en=page.title,
                    title_romaji=page.title,
                    format=rng.choice(["tv", "tv", "tv", "movie", "ova", "ona"]),
                    status=rng.choice(["finished"] * 4 + ["ongoing", "announced"]),
                    year=year,
                    season=rng.choice(["winter", "spring", "summer", "fall"]),
                    rating=rng.choice([None, round(rng.uniform(5, 9.5), 2)]),
                    external_score=round(rng.uniform(5, 9.5), 2),
                    kind="anime",
                    description=f"<p>{page.title} — опис.</p>",
                    episodes_total=10,
                    broadcast_timezone="Asia/Tokyo",
                    synonyms=[],
                    external_ids={},
                )
                anime.titlepage_ptr_id = page.id
                rows.append(anime)
            insert_local(TitlePage, rows)
            insert_local(AnimePage, rows)
            TitlePage.genres.through.objects.bulk_create(
                [
                    TitlePage.genres.through(titlepage_id=p.id, genre_id=g.id)
                    for p in pages
                    for g in rng.sample(genres, 3)
                ]
            )
            TitlePage.studios.through.objects.bulk_create(
                [
                    TitlePage.studios.through(titlepage_id=p.id, studio_id=rng.choice(studios).id)
                    for p in pages
                ]
            )
            episodes = [
                base_page(
                    f"Серія {e}",
                    str(e),
                    page.path,
                    e,
                    page.depth + 1,
                    episode_ct,
                    f"{page.url_path}{e}/",
                )
                for page in pages
                for e in range(1, 11)
            ]
            Page.objects.bulk_create(episodes)
            insert_local(
                EpisodePage,
                [EpisodePage(page_ptr_id=ep.id, number=int(ep.slug)) for ep in episodes],
            )
            sources, dubbings = [], []
            for page, first in zip(pages, episodes[::10], strict=True):
                team = rng.choice(teams + [None, None])
                if team is None:
                    continue
                dubbings.append(TitleDubbing(title_id=page.id, dub_team=team, language="uk"))
                sources.append(
                    VideoSource(
                        episode_id=first.id,
                        dub_team=team,
                        language="uk",
                        kind="hls",
                        provider="direct",
                        url="https://test-streams.mux.dev/x.m3u8",
                    )
                )
            VideoSource.objects.bulk_create(sources)
            TitleDubbing.objects.bulk_create(dubbings)
        print(f"  seeded {min(start + batch, titles)}/{titles} titles", flush=True)
    Page.objects.filter(pk=index.pk).update(numchild=titles)


def build_search_index() -> None:
    """Index the titles (not the 200,000 episodes) for the search request; resumable."""
    from wagtail.search.backends import get_search_backend
    from wagtail.search.models import IndexEntry

    from cms.anime.models import AnimePage

    backend = get_search_backend()
    done = IndexEntry.objects.count()
    queryset = AnimePage.objects.order_by("pk").prefetch_related("genres", "studios")
    total = queryset.count()
    for start in range(done, total, 1000):
        backend.add_bulk(AnimePage, list(queryset[start : start + 1000]))
        print(f"  indexed {min(start + 1000, total)}/{total} titles", flush=True)


def prepare_database(url: str, titles: int, reseed: bool = False, search: bool = True) -> None:
    """Make `url` a fresh copy of the seeded template for `titles`, migrated and with the
    catalog index rebuilt; seed the template first when it is missing (or `reseed`), with the
    search index unless `search` is off (the scale run asks no search)."""
    from django.core.management import call_command

    template = f"{url}_tpl_{titles}"
    if reseed or not database_exists(template):
        building = f"{template}_partial"
        recreate_database(building)
        switch_database(building)
        started = time.time()
        seed(titles)
        if search:
            build_search_index()
        print(f"seeded {titles} titles × 10 episodes in {time.time() - started:.0f} s")
        switch_database(url)
        rename_database(building, template.rsplit("/", 1)[1])
    copy_database(template, url)
    switch_database(url)
    call_command("migrate", verbosity=0)
    started = time.time()
    call_command("rebuild_catalog_index", verbosity=0)
    print(f"catalog index of {titles} titles rebuilt in {time.time() - started:.1f} s")
    # Planner statistics, as autovacuum keeps them in production: a fresh copy has none, and
    # without them PostgreSQL picks plans 100× slower (the url_path lookup scans the tree).
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def start_gunicorn(
    database_url: str, cache_on: bool, worker_class: str, root: Path = ROOT
) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "bench.bench_settings",
        "SECRET_KEY": "bench",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_COOKIES": "0",
        "API_URL": f"http://127.0.0.1:{port}",
        "LOG_LEVEL": "WARNING",
        "CACHE_TTL": "300",
        "BENCH_CACHE": "on" if cache_on else "off",
        "PYTHONPATH": str(root),
    }
    env.pop("REDIS_URL", None)
    workers = ["--worker-class", worker_class]
    if worker_class == "gthread":
        workers += ["--threads", "4"]
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "bench.wsgi_bench", "--workers", "1", *workers]
        + ["--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=root,
        env=env,
        start_new_session=True,
    )
    for _ in range(150):
        try:
            httpx.get(f"http://127.0.0.1:{port}/health/", timeout=1)
            return process, port
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait()


def timed_get(client: httpx.Client, url: str) -> float:
    started = time.perf_counter()
    response = client.get(url, follow_redirects=True)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, response.status_code, response.text[:200])
    return elapsed


def measure(clients: list[httpx.Client], url: str, requests: int) -> list[tuple[float, float]]:
    """Median and p95 per client, the clients' requests interleaved (same load for each)."""
    for client in clients:
        for _ in range(5):
            timed_get(client, url)
    timings: list[list[float]] = [[] for _ in clients]
    for _ in range(requests):
        for client, times in zip(clients, timings, strict=True):
            times.append(timed_get(client, url))
    results = []
    for times in timings:
        times.sort()
        results.append((statistics.median(times), times[int(len(times) * 0.95) - 1]))
    return results


def worker_peak_rss_mb(master: subprocess.Popen) -> float:
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()
    peaks = []
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peaks.append(int(line.split()[1]) / 1024)
    return max(peaks)


def count_queries(paths: list[str]) -> dict[str, int]:
    """SQL statements per request with the API cache off (as in the cache-off timings: Wagtail's
    own caches warm, the catalog's answers never cached)."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client, counts = Client(), {}
    caches = {**settings.CACHES, "default": {"BACKEND": "bench.cache.CatalogOffCache"}}
    with override_settings(CACHES=caches):
        for path in paths:
            client.get(path, HTTP_HOST="127.0.0.1")
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path, HTTP_HOST="127.0.0.1", follow=True)
            assert response.status_code == 200, (path, response.status_code)
            counts[path] = len(queries)
    return counts


def load() -> str:
    return "load average " + ", ".join(f"{n:.2f}" for n in os.getloadavg())


def scale_growth(database_url: str, requests: int, worker_class: str, reseed: bool) -> float:
    """The genre listing's cache-off median at 200,000 titles over the one at 2,000."""
    path = "/api/v2/titles/?" + LISTINGS["genre, by rating, 15 (Hikka's query)"]
    medians = {}
    for titles in (2000, 200000):
        prepare_database(database_url, titles, reseed, search=False)
        master, port = start_gunicorn(database_url, False, worker_class)
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
                (medians[titles], p95), *_ = measure([client], path, requests)
        finally:
            stop(master)
        print(
            f"  {titles:>7} titles: genre listing {medians[titles]:.1f} ms"
            f" (p95 {p95:.1f}); {load()}"
        )
    return medians[200000] / medians[2000]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--titles", type=int, default=20000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--scale", action="store_true", help="also measure 2,000 vs 200,000")
    parser.add_argument("--baseline", type=Path, help="a checkout to compare against")
    parser.add_argument("--worker-class", default="gthread", choices=["gthread", "sync"])
    parser.add_argument("--reseed", action="store_true", help="seed the template again")
    args = parser.parse_args()
    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB)
    setup_django(database_url)
    prepare_database(database_url, args.titles, args.reseed)
    baseline_url = f"{database_url}_baseline"
    if args.baseline:
        copy_database(f"{database_url}_tpl_{args.titles}", baseline_url)
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--verbosity", "0"],
            cwd=args.baseline,
            env={**os.environ, "DATABASE_URL": baseline_url, "PYTHONPATH": str(args.baseline)},
            check=True,
        )

    title_path = f"/anime/title-{args.titles // 2}/"
    keys = {
        "genre, by rating, 15 (Hikka's query)": "listing_genre",
        "two genres + years, by rating, 15": "listing_two_genres",
        "title by path (find)": "detail_by_path",
    }
    paths = {
        **{label: f"/api/v2/titles/?{query}" for label, query in LISTINGS.items()},
        "title by path (find)": f"/api/v2/pages/find/?html_path={title_path}",
        "search 'bytva mahiya'": "/api/v2/titles/?search=bytva+mahiya&limit=20",
    }
    print("\nSQL queries per request (cache cleared):")
    queries = count_queries(list(paths.values()))
    for path, count in queries.items():
        print(f"  {count:3d}  {path}")

    results: dict[str, float] = {}
    for cache_on in (False, True):
        masters = [start_gunicorn(database_url, cache_on, args.worker_class)]
        if args.baseline:
            masters.append(
                start_gunicorn(baseline_url, cache_on, args.worker_class, root=args.baseline)
            )
        clients = [
            httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) for _, port in masters
        ]
        try:
            print(
                f"\ngunicorn ({args.worker_class}), 1 worker,"
                f" API cache {'on' if cache_on else 'off'}, {load()}:"
            )
            header = f"  {'request':44s} {'median ms':>10s} {'p95 ms':>8s}"
            if args.baseline:
                header += f" {'baseline':>9s} {'p95':>7s} {'ratio':>6s}"
            print(header)
            for label, path in paths.items():
                timings = measure(clients, path, args.requests)
                line = f"  {label:44s} {timings[0][0]:10.1f} {timings[0][1]:8.1f}"
                if args.baseline:
                    line += (
                        f" {timings[1][0]:9.1f} {timings[1][1]:7.1f}"
                        f" {timings[0][0] / timings[1][0]:6.2f}"
                    )
                print(line)
                if not cache_on and label in keys:
                    results[keys[label]] = round(timings[0][0], 1)
            print(f"  peak RSS of a worker: {worker_peak_rss_mb(masters[0][0]):.0f} MB; {load()}")
        finally:
            for client in clients:
                client.close()
            for master, _ in masters:
                stop(master)

    growth = (
        scale_growth(database_url, args.requests, args.worker_class, args.reseed)
        if args.scale
        else None
    )
    summary = {
        **results,
        "queries_listing": queries[paths["genre, by rating, 15 (Hikka's query)"]],
        "queries_detail": queries[paths["title by path (find)"]],
        "growth_2k_200k": round(growth, 2) if growth is not None else None,
        "titles": args.titles,
        "load": round(os.getloadavg()[0], 2),
    }
    print("BENCH_JSON " + json.dumps(summary))


if __name__ == "__main__":
    main()
