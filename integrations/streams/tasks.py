"""Celery tasks of the playback app (thin: the work is in ``health``)."""

from celery import shared_task

from .health import check_sources


@shared_task(name="streams.check_video_sources", ignore_result=True)
def check_video_sources() -> dict[str, int]:
    """Periodic (see CELERY_BEAT_SCHEDULE): probe every active source."""
    return check_sources()
