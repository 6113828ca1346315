"""Celery tasks of the CRM: the daily statistics rows (scheduled in CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from crm.stats import compute_recent


@shared_task(name="crm.compute_daily_stats")
def compute_daily_stats(days: int = 2) -> int:
    """Recompute today's and yesterday's rows (yesterday's last hours land after midnight);
    returns how many days were written."""
    return len(compute_recent(max(1, min(days, 366))))
