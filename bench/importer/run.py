"""Importer benchmark: a season import through the real Jikan client, limiter, mapping and
``upsert_record`` (ImportedTitle rows in a fresh SQLite database) against the local fake Jikan,
which enforces Jikan's limits. Prints the achieved request rate against the limit, the 429s the
fake answered, and memory (peak RSS, and the Python heap sampled every 1,000 titles).

    python bench/importer/run.py                      # 5,000 titles at Jikan's real limits (~4 min)
    python bench/importer/run.py --titles 1000 --scale 10   # limits x10, quick

Targets (issue 4): >= 90 % of the limit, zero 429s, memory flat and <= 300 MB for 5,000 titles.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def wait_for(url: str, seconds: float = 10) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1).read()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"fake Jikan did not start at {url}")


def main() -> None:
    parser = argparse.ArgumentParser(description="Importer benchmark against a local fake Jikan")
    parser.add_argument("--titles", type=int, default=5000)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply Jikan's limits")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="bench-importer-")
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ.pop("REDIS_URL", None)
    fake = subprocess.Popen(
        [
            sys.executable,
            str(Path(__file__).with_name("fake_jikan.py")),
            "--port",
            str(args.port),
            "--titles",
            str(args.titles),
            "--scale",
            str(args.scale),
        ]
    )
    try:
        wait_for(f"http://127.0.0.1:{args.port}/stats")
        run_benchmark(args)
    finally:
        fake.terminate()
        fake.wait()


def run_benchmark(args) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    print("migrating a fresh SQLite database…", flush=True)
    call_command("migrate", verbosity=0)

    from integrations.importers import pipeline
    from integrations.models import ImportedTitle
    from integrations.providers.jikan.client import JikanProvider
    from integrations.ratelimit import MINUTE, SECOND, LocalRateLimiter, Rule

    limiter = LocalRateLimiter(
        rules={
            "jikan": (
                Rule(int(3 * args.scale), SECOND),
                Rule(int(60 * args.scale), MINUTE),
            )
        }
    )
    sent: list[float] = []
    acquire = limiter.acquire

    def acquire_and_note(key):
        waited = acquire(key)
        sent.append(time.monotonic())
        return waited

    limiter.acquire = acquire_and_note
    provider = JikanProvider(base_url=f"http://127.0.0.1:{args.port}/v4", limiter=limiter)
    run = pipeline.start_run("jikan", "anime", "season", season="2024-spring")

    samples = []
    done = 0
    tracemalloc.start()

    def progress(n):
        nonlocal done
        done += n
        if done % 1000 == 0:
            samples.append((done, tracemalloc.get_traced_memory()[0] / 2**20))

    started = time.monotonic()
    pipeline.execute(run, provider=provider, progress=progress)
    elapsed = time.monotonic() - started
    heap_peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()

    stats = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{args.port}/stats").read())
    run.refresh_from_db()
    requests = stats["requests"]
    # Sustained, the binding limit is the per-minute one.
    limit_per_s = 60 * args.scale / 60
    rate = requests / elapsed
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"titles imported      {ImportedTitle.objects.count()} (run {run.status}, "
        f"fetched {run.fetched}, errors {run.failed})"
    )
    print(f"requests             {requests} in {elapsed:.1f} s")
    print(
        f"achieved rate        {rate:.3f} req/s = {100 * rate / limit_per_s:.1f} % of the "
        f"limit ({limit_per_s:g} req/s sustained; {3 * args.scale:g}/s burst)"
    )
    minutes = [
        sum(1 for t in sent if k * 60 <= t - sent[0] < (k + 1) * 60)
        for k in range(int((sent[-1] - sent[0]) // 60))
    ]
    if minutes:
        full = sum(minutes) / len(minutes)
        print(
            f"per full minute      {minutes} = {100 * full / (60 * args.scale):.1f} % of "
            f"{60 * args.scale:g}/min"
        )
    print(f"429 responses        {stats['rejected_429']}")
    print(f"peak RSS             {rss_mb:.0f} MB")
    print(f"Python heap peak     {heap_peak:.1f} MB")
    print("heap after N titles  " + ", ".join(f"{n}: {mb:.1f} MB" for n, mb in samples))


if __name__ == "__main__":
    main()
