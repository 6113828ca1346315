"""Search benchmark: seeds PostgreSQL with N titles named by two common words (Ukrainian,
English, romaji) and a made-up proper name, builds the search index, then prints median / p95
latency of `search_hits` (the search the `titles/` listing and the instant box run) per kind of
query, and of the whole instant-search request through Django.

    .venv/bin/python bench/search/run.py [--titles 20000] [--rounds 30] [--keep]

Needs PostgreSQL (BENCH_SEARCH_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/anihata_bench_search; dropped and re-created unless --keep).
Target: median <= 60 ms at 20,000 titles.
"""

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import insert_local, recreate_database, setup_django  # noqa: E402

DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/anihata_bench_search"

UKRAINIAN = (
    "атака титан битва магія клинок демон серце зоря місто ніч літо море острів ватра земля вітер "
    "сон дім школа друг герой квітень спогад вовк сокіл тінь світло меч лицар відьма дракон"
).split()
ENGLISH = (
    "attack titan battle magic blade demon heart star city night summer sea island fire land "
    "wind dream home school friend hero april memory wolf falcon shadow light sword knight "
    "witch dragon"
).split()
ROMAJI = (
    "shingeki kyojin tatakai mahou yaiba oni kokoro hoshi machi yoru natsu umi shima hi tsuchi "
    "kaze yume ie gakkou tomodachi eiyuu shigatsu kioku ookami taka kage hikari tsurugi kishi "
    "majo ryuu"
).split()

assert len(UKRAINIAN) == len(ENGLISH) == len(ROMAJI)  # the same names in three languages
# What visitors type, by kind; {u}, {e}, {r} are filled from a seeded title's names.
QUERY_KINDS = {
    "Ukrainian name": "{u}",
    "Ukrainian, other word form": "{u_form}",
    "Latin transliteration": "{u_latin}",
    "English name": "{e}",
    "romaji": "{r}",
    "prefix (typing)": "{u_prefix}",
    "typo (fuzzy pass)": "{e_typo}",
    "nothing matches": "qwxzv plomk",
}


def seed(titles: int, rng: random.Random) -> None:
    """Pages in bulk (Wagtail's page API is too slow for 20,000), then the index in batches."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import transaction
    from wagtail.models import Locale, Page
    from wagtail.search.backends import get_search_backend

    from cms.anime.models import AnimeIndexPage, AnimePage
    from cms.catalog.models import TitlePage
    from cms.catalog.transliteration import latin_to_cyrillic
    from cms.demo.loader import DemoStats, ensure_home

    call_command("migrate", verbosity=0)
    home = ensure_home(DemoStats())
    index = home.add_child(instance=AnimeIndexPage(title="Аніме", slug="anime"))
    locale = Locale.get_default()
    content_type = ContentType.objects.get_for_model(AnimePage)
    batch = 1000
    for start in range(0, titles, batch):
        with transaction.atomic():
            pages, rows = [], []
            for n in range(start, min(start + batch, titles)):
                picks = rng.sample(range(len(UKRAINIAN)), 2)
                hero = proper_name(rng)  # real catalogs are mostly distinct proper names
                title = f"{' '.join(UKRAINIAN[i] for i in picks)} {latin_to_cyrillic(hero)}"
                title = title.capitalize()
                page = Page(
                    title=title, draft_title=title, slug=f"title-{n}", live=True,
                    content_type=content_type, path=index.path + Page._int2str(n + 1).rjust(4, "0"),
                    depth=index.depth + 1, numchild=0, url_path=f"{index.url_path}title-{n}/",
                    locale=locale, translation_key=uuid.uuid4(),
                )  # fmt: skip
                pages.append(page)
                rows.append((picks, hero, page))
            Page.objects.bulk_create(pages)
            anime = [
                AnimePage(
                    page_ptr_id=page.id,
                    titlepage_ptr_id=page.id,
                    kind="anime",
                    title_en=f"{' '.join(ENGLISH[i] for i in picks)} {hero}".title(),
                    title_romaji=f"{' '.join(ROMAJI[i] for i in picks)} {hero}".title(),
                    format="tv",
                    status="finished",
                    year=rng.randint(1990, 2025),
                    external_score=round(rng.uniform(5, 9.5), 2),
                    rating=rng.choice([None, round(rng.uniform(5, 9.5), 2)]),
                    description=f"<p>{page.title}: історія про {rng.choice(UKRAINIAN)}.</p>",
                    synonyms=[],
                    external_ids={},
                    episodes_total=12,
                    broadcast_timezone="Asia/Tokyo",
                )  # fmt: skip
                for picks, hero, page in rows
            ]
            for model in (TitlePage, AnimePage):  # multi-table rows: each table on its own
                insert_local(model, anime)
        print(f"  seeded {min(start + batch, titles)}/{titles}", flush=True)
    Page.objects.filter(pk=index.pk).update(numchild=titles)
    backend = get_search_backend()
    queryset = AnimePage.objects.all().prefetch_related("genres", "studios", "dubbings")
    for start in range(0, titles, 2000):
        backend.add_bulk(AnimePage, list(queryset.order_by("pk")[start : start + 2000]))
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # what autovacuum does after a bulk load
    print("  search index built", flush=True)


SYLLABLES = (
    "ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no ha hi fu he ho ma mi mu me mo "
    "ya yu yo ra ri ru re ro wa ga gi gu ge go za ji zu ze zo da de do ba bi bu be bo"
).split()


def proper_name(rng: random.Random) -> str:
    """A made-up Japanese-sounding name ("Hakurami"): 2–4 syllables."""
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def typo(word: str, rng: random.Random) -> str:
    position = rng.randrange(1, len(word) - 1)
    return word[:position] + word[position + 1 :]  # drop one letter


def make_queries(rounds: int, rng: random.Random) -> dict[str, list[str]]:
    from cms.catalog.models import TitlePage
    from cms.catalog.transliteration import cyrillic_to_latin

    sample = list(
        TitlePage.objects.order_by("?").values_list("title", "title_en", "title_romaji")[:rounds]
    )
    queries: dict[str, list[str]] = {kind: [] for kind in QUERY_KINDS}
    for title, title_en, romaji in sample:
        words = title.lower().split()
        values = {
            "u": title,
            "u_form": " ".join(word[:-1] + "у" if len(word) > 4 else word for word in words),
            "u_latin": cyrillic_to_latin(title),
            "e": title_en,
            "r": romaji,
            "u_prefix": words[0][:4],
            "e_typo": " ".join(
                typo(word, rng) if len(word) > 4 else word for word in title_en.split()
            ),
        }
        for kind, template in QUERY_KINDS.items():
            queries[kind].append(template.format(**values))
    return queries


def timed(function, *args, **kwargs) -> float:
    started = time.perf_counter()
    function(*args, **kwargs)
    return (time.perf_counter() - started) * 1000


def report(label: str, timings: list[float]) -> None:
    timings = sorted(timings)
    p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
    print(f"  {label:32s} {statistics.median(timings):10.1f} {p95:8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--titles", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=30, help="queries of each kind")
    parser.add_argument("--keep", action="store_true", help="reuse an already seeded database")
    args = parser.parse_args()
    database_url = os.environ.get("BENCH_SEARCH_DATABASE_URL", DEFAULT_DB)
    rng = random.Random(5)
    if not args.keep:
        recreate_database(database_url)
    setup_django(database_url)
    if not args.keep:
        started = time.time()
        seed(args.titles, rng)
        print(f"seeded and indexed {args.titles} titles in {time.time() - started:.0f} s")

    from django.core.cache import cache
    from django.test import Client

    from cms.discovery.search import search_hits

    queries = make_queries(args.rounds, rng)
    search_hits("прогрів")  # the first query of a connection loads the hunspell dictionary
    everything: list[float] = []
    print(f"\nsearch_hits at {args.titles} titles, {args.rounds} queries each:")
    print(f"  {'query':32s} {'median ms':>10s} {'p95 ms':>8s}")
    for kind, texts in queries.items():
        timings = [timed(search_hits, text) for text in texts]
        everything += timings
        report(kind, timings)
    report("all queries", everything)

    client, instant = Client(), []
    for texts in queries.values():
        for text in texts:
            cache.clear()  # measure the search, not the cache
            instant.append(
                timed(client.get, "/api/search/instant/", {"q": text}, HTTP_HOST="127.0.0.1")
            )
    print("\nGET /api/search/instant/ through Django (cache cleared before each):")
    report("all queries", instant)


if __name__ == "__main__":
    main()
