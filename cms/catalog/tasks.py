"""Celery tasks of the catalog."""

import logging

import httpx
from celery import shared_task
from django.conf import settings

logger = logging.getLogger(__name__)


@shared_task(ignore_result=True)
def revalidate_frontend(paths: list[str]) -> None:
    """Ask Next.js to drop its cached render of these paths (and the catalog listings)."""
    if not settings.REVALIDATE_SECRET:
        return
    try:
        httpx.post(
            f"{settings.FRONTEND_URL}/revalidate/",
            json={"paths": paths, "tags": ["catalog"]},
            headers={"X-Revalidate-Secret": settings.REVALIDATE_SECRET},
            timeout=3,
        ).raise_for_status()
    except httpx.HTTPError as error:
        # A stale page for a revalidate period is acceptable; a failed publish is not.
        logger.warning("front-end revalidation failed for %s: %s", paths, error)
