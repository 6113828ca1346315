"""Wagtail admin report for staff: sources failing their health checks or reported by visitors."""

from datetime import timedelta

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.anime.models import VideoSource

REPORT_WINDOW_DAYS = 7


def episode_label(source: VideoSource) -> str:
    episode = source.episode
    anime = episode.get_parent()
    return f"{anime.title} — серія {episode.number}"


def broken_sources():
    """Deactivated or failing sources first, then the ones visitors complained about (the
    report below and the CRM's moderation screen)."""
    since = timezone.localdate() - timedelta(days=REPORT_WINDOW_DAYS)
    return (
        VideoSource.objects.select_related("episode", "dub_team")
        .annotate(recent_reports=Count("broken_reports", filter=Q(broken_reports__day__gte=since)))
        .filter(Q(is_active=False) | Q(consecutive_failures__gt=0) | Q(recent_reports__gt=0))
        .order_by("is_active", "-consecutive_failures", "-recent_reports", "pk")
    )


class BrokenSourcesReportView(ReportView):
    """Deactivated or failing sources first, then the ones visitors complained about."""

    page_title = "Несправні відеоджерела"
    header_icon = "warning"
    index_url_name = "streams_broken_sources"
    index_results_url_name = "streams_broken_sources_results"
    # Anyone who may edit pages (and so fix a source) sees the report.
    permission_policy = PagePermissionPolicy()
    permission_required = "change"
    list_export = [
        "pk",
        "provider",
        "language",
        "url",
        "is_active",
        "last_status",
        "last_checked",
        "consecutive_failures",
        "recent_reports",
    ]
    columns = [
        TitleColumn(
            "episode",
            label="Серія",
            accessor=episode_label,
            get_url=lambda source: reverse("wagtailadmin_pages:edit", args=[source.episode_id]),
        ),
        Column("provider", label="Провайдер"),
        Column("dub_team", label="Озвучення", accessor=lambda s: s.dub_team or "оригінал"),
        Column("last_status", label="Перевірка"),
        DateColumn("last_checked", label="Перевірено"),
        Column("consecutive_failures", label="Збоїв поспіль"),
        BooleanColumn("is_active", label="Активне"),
        Column("recent_reports", label=f"Скарги за {REPORT_WINDOW_DAYS} днів"),
    ]

    def get_queryset(self):
        return broken_sources()
