"""Freshness across processes without Redis: the database cache (made by `migrate`) is shared
by every process, so a title unpublished by another process — here a real `manage.py shell` —
leaves every listing and search of this one at once."""

import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings

from config.tests.test_backup import database_url

SHARED_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "anihata_cache",
    }
}
UNPUBLISH = (
    "from cms.catalog.models import TitlePage; "
    "TitlePage.objects.get(slug='tokyo-ghoul').specific.unpublish()"
)


def in_another_process(code: str) -> None:
    """Run `code` in a new Django process on the test database, configured as `make dev` is
    (no REDIS_URL: its cache is the database cache)."""
    env = {**os.environ, "DATABASE_URL": database_url()}
    env.pop("REDIS_URL", None)
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=django_settings.BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )


def listed(client) -> dict[str, list]:
    titles = client.get("/api/v2/titles/").json()["items"]
    found = client.get("/api/v2/titles/", {"search": "Токійський гуль"}).json()["items"]
    instant = client.get("/api/search/instant/", {"q": "Токійський гуль"}).json()["items"]
    return {
        "listing": [item["title"] for item in titles],
        "search": [item["title"] for item in found],
        "instant": [item["title"] for item in instant],
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    django_settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
    reason="another process can't open SQLite's in-memory test database",
)
def test_a_title_unpublished_by_another_process_is_gone_at_once(client, make_anime, settings):
    settings.CACHES = {**settings.CACHES, **SHARED_CACHE}  # machina's attachment cache kept
    make_anime("tokyo-ghoul", title="Токійський гуль", title_en="Tokyo Ghoul")
    make_anime("frieren", title="Фрірен")
    assert listed(client)["search"] == ["Токійський гуль"]  # now cached here
    in_another_process(UNPUBLISH)
    assert listed(client) == {"listing": ["Фрірен"], "search": [], "instant": []}
