"""Comments listing benchmark: one episode with N threads (each with 3 replies, 2 levels deep)
and votes, on PostgreSQL; prints median / p95 latency and SQL queries of
`GET /api/comments/?page=…` for the first page, a deep cursor page and the "best" order, for an
anonymous and a signed-in reader (who has voted), through Django's test client in-process.

    .venv/bin/python bench/comments.py [--threads 5000] [--requests 100]

Needs PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/anihata_bench;
the database is dropped and re-created).
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import recreate_database, setup_django  # noqa: E402

DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/anihata_bench"


def seed(threads: int):
    from django.core.management import call_command
    from django.utils import timezone

    from accounts.models import User
    from cms.anime.models import EpisodePage
    from cms.demo.loader import load_demo
    from forum.discussions.markup import render
    from forum.discussions.models import Comment, CommentVote, wilson_lower_bound

    call_command("migrate", verbosity=0)
    load_demo()
    episode = EpisodePage.objects.live().order_by("id").first()
    users = User.objects.bulk_create(
        [User(username=f"u{n}", email=f"u{n}@example.com") for n in range(50)]
    )
    reader = users[0]
    rng = random.Random(7)
    start = timezone.now() - timedelta(days=30)
    html = render("Коментар з **Markdown** і ||спойлером||")
    roots = Comment.objects.bulk_create(
        [
            Comment(
                page=episode,
                author=rng.choice(users[1:]),
                body="Коментар",
                html=html,
                created=start + timedelta(seconds=n * 60),
                likes=(likes := rng.randint(0, 20)),
                dislikes=(dislikes := rng.randint(0, 5)),
                wilson=wilson_lower_bound(likes, dislikes),
            )
            for n in range(threads)
        ]
    )
    replies = Comment.objects.bulk_create(
        [
            Comment(
                page=episode,
                parent=root,
                root=root,
                depth=1,
                author=rng.choice(users),
                body="Відповідь",
                html=html,
                created=root.created + timedelta(seconds=k + 1),
            )
            for root in roots
            for k in range(2)
        ]
    )
    Comment.objects.bulk_create(
        [
            Comment(
                page=episode,
                parent=reply,
                root=reply.root,
                depth=2,
                author=rng.choice(users),
                body="Ще глибше",
                html=html,
                created=reply.created + timedelta(seconds=1),
            )
            for reply in replies[::2]
        ]
    )
    CommentVote.objects.bulk_create(
        [CommentVote(comment=root, user=reader, value=rng.choice((1, -1))) for root in roots[::3]]
    )
    return episode, reader


def measure(client, url: str, requests: int) -> tuple[float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    timings = []
    for _ in range(requests):
        began = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, response.content
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], len(queries)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB)
    recreate_database(url)
    setup_django(url)
    from django.test import Client

    episode, reader = seed(args.threads)
    anonymous, signed_in = Client(), Client()
    signed_in.force_login(reader)
    first = signed_in.get("/api/comments/", {"page": episode.pk, "limit": 20}).json()
    cursor = first["next"]
    for _ in range(args.threads // 40):  # half-way down the threads
        cursor = signed_in.get(
            "/api/comments/", {"page": episode.pk, "limit": 20, "cursor": cursor}
        ).json()["next"]
    cases = {
        "first page, new": f"page={episode.pk}",
        f"page {args.threads // 40 + 2}, new (cursor)": f"page={episode.pk}&cursor={cursor}",
        "first page, best": f"page={episode.pk}&sort=best",
    }
    total = args.threads * 4
    print(f"{args.threads} threads, {total} comments on one episode; {args.requests} requests each")
    print(f"{'case':36} {'reader':10} {'median ms':>9} {'p95 ms':>7} {'queries':>7}")
    for name, query in cases.items():
        for who, client in (("anonymous", anonymous), ("signed-in", signed_in)):
            median, p95, queries = measure(client, f"/api/comments/?{query}", args.requests)
            print(f"{name:36} {who:10} {median:9.1f} {p95:7.1f} {queries:7}")


if __name__ == "__main__":
    main()
