"""`/health/`: the state of each part the site depends on, for load balancers and probes.

Each part (database, cache, search, broker) is `ok` or `down`; the whole is `ok`, `degraded`
(something is down but the site still serves: Redis or Elasticsearch) or `down` (the database:
nothing can be served). Only `down` answers 503, so a blinking shared cache never makes a load
balancer take every backend out. The answer never carries error text, hosts or ports; the
details go to the log."""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

OK, DEGRADED, DOWN = "ok", "degraded", "down"
# Parts without which no page can be served; any other part down only degrades the site.
ESSENTIAL = {"database"}


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def check_cache() -> None:
    cache.set("health:ping", "pong", 5)
    if cache.get("health:ping") != "pong":
        raise RuntimeError("the cache did not return what was stored")


def check_search() -> None:
    from wagtail.search.backends import get_search_backend

    es = getattr(get_search_backend(), "es", None)
    if es is not None and not es.ping():
        raise RuntimeError("Elasticsearch does not answer (search falls back to the database)")


def check_broker() -> None:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return  # tasks run in-process: there is no broker to reach
    from config.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=2)


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "search": check_search,
    "broker": check_broker,
}


def part_states() -> dict[str, str]:
    states = {}
    for name, check in CHECKS.items():
        try:
            check()
            states[name] = OK
        except Exception:  # any failure of a dependency is reported, never raised
            logger.warning("health: %s is down", name, exc_info=True)
            states[name] = DOWN
    return states


def overall(states: dict[str, str]) -> str:
    if any(states[name] == DOWN for name in ESSENTIAL):
        return DOWN
    return OK if all(state == OK for state in states.values()) else DEGRADED


def health(request):
    if request.method not in ("GET", "HEAD"):
        response = JsonResponse({"detail": "Метод не дозволено."}, status=405)
        response["Allow"] = "GET, HEAD"
        return response
    states = part_states()
    status = overall(states)
    response = JsonResponse(
        {"status": status, "checks": states}, status=503 if status == DOWN else 200
    )
    add_never_cache_headers(response)
    return response
