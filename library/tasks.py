"""Celery tasks of `library`: the batched catalog flush after votes and the hourly e-mail of
new-episode notifications (one message per user)."""

import logging

from celery import shared_task
from django.core.cache import cache

from cms.catalog.cache import invalidate_catalog
from cms.catalog.tasks import revalidate_frontend

logger = logging.getLogger(__name__)


@shared_task(name="library.flush_catalog_after_votes", ignore_result=True)
def flush_catalog_after_votes() -> None:
    """Drop the cached catalog answers (their ratings changed). The pending mark goes first:
    a vote landing during the flush schedules the next one instead of being lost."""
    from .ratings import RATING_FLUSH_KEY

    try:
        cache.delete(RATING_FLUSH_KEY)
    except Exception:
        logger.warning("cache unavailable: rating flush mark kept", exc_info=True)
    invalidate_catalog()
    revalidate_frontend.delay([])


@shared_task(name="library.send_notification_emails", ignore_result=True)
def send_notification_emails() -> int:
    """Hourly: one e-mail per user with their new-episode notifications of the past hour."""
    from .notifications import send_notification_emails as send

    return send()
