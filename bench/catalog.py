"""Catalog API benchmark: seeds PostgreSQL with N titles (10 episodes each), starts gunicorn and
prints median / p95 latency of the titles listing (several filter mixes), a title by `find`,
and a search; SQL queries per request; and the peak RSS of a gunicorn worker.

    .venv/bin/python bench/catalog.py [--titles 20000] [--requests 200] [--keep]

Needs PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/anihata_bench;
the database is dropped and re-created). Runs twice: with the API cache off (every request
hits the database) and on (local-memory cache, what repeated anonymous reads get).
"""

import argparse
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

from bench.common import insert_local, recreate_database, setup_django  # noqa: E402

DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/anihata_bench"

LISTINGS = {
    "genre, by rating, 15 (Hikka's query)": "kind=anime&genre=action&order=-rating&limit=15",
    "two genres + years, by year": (
        "kind=anime&genre=action&genre=comedy&year_from=2010&order=-year"
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


def start_gunicorn(database_url: str, cache_on: bool) -> tuple[subprocess.Popen, int]:
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
    }
    env.pop("REDIS_URL", None)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "bench.wsgi_bench",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            httpx.get(f"http://127.0.0.1:{port}/health/", timeout=1)
            return process, port
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def measure(client: httpx.Client, url: str, requests: int, follow: bool = False) -> tuple:
    for _ in range(5):
        client.get(url, follow_redirects=follow)
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(url, follow_redirects=follow)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code, response.text[:200])
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def worker_peak_rss_mb(master: subprocess.Popen) -> float:
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()
    peaks = []
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peaks.append(int(line.split()[1]) / 1024)
    return max(peaks)


def count_queries(paths: list[str]) -> dict[str, int]:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client, counts = Client(), {}
    for path in paths:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, HTTP_HOST="127.0.0.1", follow=True)
        assert response.status_code == 200, (path, response.status_code)
        counts[path] = len(queries)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--titles", type=int, default=20000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--keep", action="store_true", help="reuse an already seeded database")
    args = parser.parse_args()
    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB)
    if not args.keep:
        recreate_database(database_url)
    setup_django(database_url)
    if not args.keep:
        started = time.time()
        seed(args.titles)
        print(f"seeded {args.titles} titles × 10 episodes in {time.time() - started:.0f} s")
    build_search_index()

    title_path = f"/anime/title-{args.titles // 2}/"
    paths = {
        **{label: f"/api/v2/titles/?{query}" for label, query in LISTINGS.items()},
        "title by find (find + detail)": f"/api/v2/pages/find/?html_path={title_path}",
        "search 'bytva mahiya'": "/api/v2/titles/?search=bytva+mahiya&limit=20",
    }
    print("\nSQL queries per request (cache cleared):")
    for path, count in count_queries(list(paths.values())).items():
        print(f"  {count:3d}  {path}")

    for cache_on in (False, True):
        master, port = start_gunicorn(database_url, cache_on)
        try:
            print(f"\ngunicorn, 2 workers, API cache {'on' if cache_on else 'off'}:")
            print(f"  {'request':44s} {'median ms':>10s} {'p95 ms':>8s}")
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
                for label, path in paths.items():
                    median, p95 = measure(client, path, args.requests, follow=True)
                    print(f"  {label:44s} {median:10.1f} {p95:8.1f}")
                detail = client.get(paths["title by find (find + detail)"]).headers["location"]
                detail_path = httpx.URL(detail).raw_path.decode()
                median, p95 = measure(client, detail_path, args.requests)
                print(f"  {'title detail alone':44s} {median:10.1f} {p95:8.1f}")
            print(f"  peak RSS of a worker: {worker_peak_rss_mb(master):.0f} MB")
        finally:
            os.killpg(master.pid, signal.SIGTERM)
            master.wait()


if __name__ == "__main__":
    main()
