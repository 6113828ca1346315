"""`/metrics` for Prometheus: django-prometheus' request and database metrics plus our own,
read at scrape time — video sources alive and dead, import runs of the last day by source and
state, and the Celery queue length. Only addresses in `METRICS_ALLOWED_NETWORKS` may read it
(the connection's own address: nginx never proxies /metrics, Prometheus scrapes from inside)."""

import ipaddress
import logging
import os
from datetime import timedelta

import prometheus_client
from django.conf import settings
from django.db.models import Count
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from prometheus_client import multiprocess
from prometheus_client.core import GaugeMetricFamily

logger = logging.getLogger(__name__)


def client_allowed(address: str | None) -> bool:
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return False
    return any(
        ip in ipaddress.ip_network(network, strict=False)
        for network in settings.METRICS_ALLOWED_NETWORKS
    )


def video_sources() -> GaugeMetricFamily:
    from cms.anime.models import VideoSource

    gauge = GaugeMetricFamily(
        "anihata_video_sources",
        "Video sources by state: active (switched on and approved: what visitors get), "
        "pending (switched on, awaiting an editor's approval), inactive (switched off or dead)",
        labels=["state"],
    )
    counts = {"active": 0, "pending": 0, "inactive": 0}
    rows = VideoSource.objects.order_by().values_list("is_active", "live").annotate(n=Count("id"))
    for is_active, live, count in rows:
        counts["inactive" if not is_active else "active" if live else "pending"] += count
    for state, count in counts.items():
        gauge.add_metric([state], count)
    return gauge


def import_runs() -> GaugeMetricFamily:
    from integrations.models import ImportRun

    gauge = GaugeMetricFamily(
        "anihata_import_runs_last_day",
        "Import runs started in the last 24 hours, by source and state",
        labels=["source", "status"],
    )
    since = timezone.now() - timedelta(days=1)
    rows = (
        ImportRun.objects.filter(started_at__gte=since)
        .order_by()
        .values_list("source", "status")
        .annotate(n=Count("id"))
    )
    for source, status, count in rows:
        gauge.add_metric([source, status], count)
    return gauge


def queue_length(queue: str) -> int:
    """Tasks waiting in `queue` (Redis drops an empty queue's key: that is 0, not an error)."""
    from kombu.exceptions import ChannelError

    from config.celery import app

    with app.connection_for_read() as conn:
        conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=2)
        try:
            return conn.default_channel.queue_declare(queue=queue, passive=True).message_count
        except ChannelError:  # passive declare of a queue Redis has no key for
            return 0


def celery_queue_length() -> GaugeMetricFamily:
    gauge = GaugeMetricFamily(
        "anihata_celery_queue_length", "Tasks waiting in the Celery queue", labels=["queue"]
    )
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return gauge  # no broker, no queue
    from config.celery import app

    queue = app.conf.task_default_queue
    gauge.add_metric([queue], queue_length(queue))
    return gauge


class SiteCollector:
    """Our own figures; a part that can't be read (database or broker down) is left out."""

    NAMES = {
        "anihata_video_sources": "Video sources by state",
        "anihata_import_runs_last_day": "Import runs of the last day",
        "anihata_celery_queue_length": "Tasks waiting in the Celery queue",
    }

    def describe(self):
        # Registration asks for the names; reading the database then would be too early.
        return [GaugeMetricFamily(name, text) for name, text in self.NAMES.items()]

    def collect(self):
        for read in (video_sources, import_runs, celery_queue_length):
            try:
                yield read()
            except Exception:
                logger.warning("metrics: %s could not be read", read.__name__, exc_info=True)


SITE_COLLECTOR = SiteCollector()
prometheus_client.REGISTRY.register(SITE_COLLECTOR)


def metrics(request):
    if not client_allowed(request.META.get("REMOTE_ADDR")):
        return JsonResponse({"detail": "Доступ заборонено."}, status=403)
    if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
        # Several gunicorn processes: merge their files, then add our own figures once.
        registry = prometheus_client.CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        registry.register(SITE_COLLECTOR)
    else:
        registry = prometheus_client.REGISTRY
    return HttpResponse(
        prometheus_client.generate_latest(registry),
        content_type=prometheus_client.CONTENT_TYPE_LATEST,
    )
