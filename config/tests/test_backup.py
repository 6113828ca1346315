"""Backups (docker/backup/): retention keeps 7 daily and 4 weekly dumps, and a dump of real
rows restores into a scratch database with the same row counts per table (restore-check)."""

import os
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.db import connection

from .production import BASE_DIR

BACKUP = BASE_DIR / "docker" / "backup"


def test_retention_keeps_seven_daily_and_four_weekly(tmp_path):
    first = date(2026, 10, 1)
    for folder, days in (("daily", range(40)), ("weekly", range(0, 70, 7))):
        (tmp_path / folder).mkdir()
        for n in days:
            for suffix in ("dump", "counts"):
                (tmp_path / folder / f"anihata-{first + timedelta(days=n)}.{suffix}").touch()
    env = {**os.environ, "BACKUP_DIR": str(tmp_path)}
    subprocess.run(["bash", BACKUP / "backup", "prune"], env=env, check=True)
    daily = sorted(p.name for p in (tmp_path / "daily").glob("*.dump"))
    weekly = sorted(p.name for p in (tmp_path / "weekly").glob("*.dump"))
    assert daily == [f"anihata-{first + timedelta(days=n)}.dump" for n in range(33, 40)]
    assert weekly == [f"anihata-{first + timedelta(days=n)}.dump" for n in range(42, 70, 7)]
    assert len(list((tmp_path / "daily").glob("*.counts"))) == 7


def database_url() -> str:
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{s['NAME']}"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump needs PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_dump_restores_with_the_same_row_counts(tmp_path, make_anime, make_episode):
    anime = make_anime("frieren")
    make_episode(anime, 1, sources=[{"provider": "direct", "url": "https://a.example/1.m3u8"}])
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "BACKUP_DIR": str(tmp_path),
        "BACKUP_DATE": "2026-11-29",  # a Sunday: the dump is kept as a weekly one too
        "RESTORE_CHECK_DATABASE": f"{connection.settings_dict['NAME']}_restore",
    }
    subprocess.run(["bash", BACKUP / "backup"], env=env, check=True, capture_output=True)
    assert (tmp_path / "weekly" / "anihata-2026-11-29.dump").exists()
    counts = dict(
        line.split("|")
        for line in (tmp_path / "daily/anihata-2026-11-29.counts").read_text().split()
    )
    assert counts["anime_episodepage"] == "1" and counts["anime_videosource"] == "1"

    check = subprocess.run(
        ["bash", BACKUP / "restore-check"], env=env, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr
    assert "row counts match" in check.stdout

    # A dump that lost rows is caught.
    counts_file = Path(tmp_path / "daily/anihata-2026-11-29.counts")
    counts_file.write_text(
        counts_file.read_text().replace("anime_videosource|1", "anime_videosource|2")
    )
    check = subprocess.run(
        ["bash", BACKUP / "restore-check"], env=env, capture_output=True, text=True
    )
    assert check.returncode == 1
    assert "FAILED" in check.stderr
