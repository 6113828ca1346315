"""The site's own rating of a title: the mean and count of its users' scores (1–10).

`refresh_rating(title_id)` is the one writer of `TitlePage.rating` / `rating_count`: it takes
the title row's lock, recomputes both in SQL and writes them with a queryset `update()` (no
page revision). Under READ COMMITTED each statement sees every transaction committed before
it, and the lock makes the refreshes of one title take turns, so the last refresh always
counts every committed vote, however many arrive at once. After the commit it sends
`library.signals.rating_changed` and asks for one batched drop of the cached catalog
(`request_catalog_flush`): a burst of votes flushes the cache once per RATING_FLUSH_DELAY. The
title's row in the catalog listing's read model is refreshed in the same transaction."""

import logging
from decimal import ROUND_HALF_UP, Decimal

from django.core.cache import cache
from django.db import transaction
from django.db.models import Avg, Count

from cms.catalog.models import TitlePage
from cms.discovery.index import refresh_entries

from .models import ListEntry
from .signals import rating_changed

logger = logging.getLogger(__name__)

RATING_FLUSH_KEY = "library:rating-flush-pending"
RATING_FLUSH_DELAY = 60  # seconds: at most one catalog flush per minute from votes
TWO_PLACES = Decimal("0.01")


def refresh_rating(title_id: int) -> None:
    with transaction.atomic():
        locked = (
            TitlePage.objects.select_for_update(of=("self",))
            .filter(pk=title_id)
            .order_by()
            .values_list("pk", flat=True)
        )
        if not list(locked):
            return
        stats = ListEntry.objects.filter(title_id=title_id, score__isnull=False).aggregate(
            mean=Avg("score"), count=Count("score")
        )
        mean = stats["mean"]
        TitlePage.objects.filter(pk=title_id).update(
            rating=Decimal(mean).quantize(TWO_PLACES, ROUND_HALF_UP) if mean is not None else None,
            rating_count=stats["count"],
        )
        # The catalog listing's read model keeps a copy of the rating (it sorts by it): in
        # the same transaction, so no listing ever sees the two disagree.
        refresh_entries([title_id])
        transaction.on_commit(lambda: after_rating_changed(title_id))


def after_rating_changed(title_id: int) -> None:
    rating_changed.send(sender=TitlePage, title_id=title_id)
    request_catalog_flush()


def request_catalog_flush() -> bool:
    """Schedule one drop of the cached catalog answers unless one is already pending.
    Returns whether this call scheduled it."""
    from .tasks import flush_catalog_after_votes

    try:
        # The key outlives the delay: a lost task never blocks flushes for long.
        scheduled = cache.add(RATING_FLUSH_KEY, 1, timeout=RATING_FLUSH_DELAY * 3)
    except Exception:  # the cache is down: nothing is cached either, nothing to flush
        logger.warning("cache unavailable: rating flush skipped", exc_info=True)
        return False
    if scheduled:
        flush_catalog_after_votes.apply_async(countdown=RATING_FLUSH_DELAY)
    return scheduled
