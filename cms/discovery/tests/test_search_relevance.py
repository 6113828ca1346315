"""The relevance set (search_cases.py) against the demo catalog on the database backend.

On PostgreSQL with the Ukrainian dictionary every case must hit (CI installs `hunspell-uk`).
Without it, and on SQLite (no stemming: FTS5 plus the Python similarity pass), word forms are
left to the fuzzy pass, so a lower floor applies; the hit rate is printed either way
(`pytest -s cms/catalog/tests/test_search_relevance.py`)."""

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from cms.catalog.models import TitlePage
from cms.discovery.search import search_hits

from .search_cases import CASES, TOP

# Measured floors where the Ukrainian dictionary is missing; raise them as search improves.
FLOOR_WITHOUT_DICTIONARY = 0.9


@pytest.fixture(scope="module")
def demo_catalog(django_db_setup, django_db_blocker):
    """The demo catalog, loaded once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", verbosity=0)
        yield
        transaction.set_rollback(True)


def ukrainian_dictionary_active() -> bool:
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('anihata_uk', 'титанів')::text")
        return "'титан'" in cursor.fetchone()[0]  # `simple` keeps only "титанів"


def test_relevance_set_is_big_enough():
    assert len(CASES) >= 40
    assert len({(case.query, case.kind) for case in CASES}) == len(CASES)


def test_relevance_top3(demo_catalog, db):
    slugs = dict(TitlePage.objects.values_list("id", "slug"))
    assert set(case.expected for case in CASES) <= set(slugs.values()), "unknown expected slug"

    misses = []
    for case in CASES:
        top = [slugs[pk] for pk in search_hits(case.query, case.kind)[:TOP]]
        if case.expected not in top:
            misses.append(
                f"{case.query!r} ({case.note or case.kind}): want {case.expected}, got {top}"
            )
    hit_rate = 1 - len(misses) / len(CASES)
    dictionary = ukrainian_dictionary_active()
    print(
        f"\nsearch relevance on {connection.vendor} (Ukrainian dictionary: {dictionary}): "
        f"{len(CASES) - len(misses)}/{len(CASES)} = {hit_rate:.0%} in the top {TOP}"
    )
    for miss in misses:
        print("  miss:", miss)
    floor = 1.0 if dictionary else FLOOR_WITHOUT_DICTIONARY
    assert hit_rate >= floor, "\n".join(misses)
