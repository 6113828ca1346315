"""The Wagtail dashboard's summary row, replacing Wagtail's bare page/image/document counts with
what staff act on: the moderation queue, today's figures, failing video sources and the import
review queue. Each item shows only to whoever may open what it links to."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.site_summary import SummaryItem
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

from accounts.models import User
from cms.anime.models import VideoSource
from crm.models import DailyStats
from crm.policies import staff_policy
from integrations.models import ImportedTitle
from integrations.streams.admin_views import REPORT_WINDOW_DAYS
from integrations.streams.models import BrokenVideoReport


class CountItem(SummaryItem):
    """One figure with a label and a link."""

    template_name = "crm/home/summary_item.html"
    icon = "warning"
    label = ""

    def get_count(self) -> int:
        raise NotImplementedError

    def get_url(self) -> str:
        raise NotImplementedError

    def get_context_data(self, parent_context):
        return {
            "icon": self.icon,
            "count": self.get_count(),
            "label": self.label,
            "url": self.get_url(),
            "name": type(self).__name__,
        }


class StaffItem(CountItem):
    def is_shown(self):
        return staff_policy(User).user_has_permission(self.request.user, "view")


class VideoReportsItem(StaffItem):
    order = 10
    icon = "warning"
    label = f"скарг на відео за {REPORT_WINDOW_DAYS} днів"

    def get_count(self):
        since = timezone.localdate() - timedelta(days=REPORT_WINDOW_DAYS)
        return BrokenVideoReport.objects.filter(day__gte=since).count()

    def get_url(self):
        return reverse("streams_broken_sources")


class TodayItem(StaffItem):
    """Today's row of the daily statistics (written by the task every 15 minutes)."""

    figure = ""
    icon = "table"

    def get_count(self):
        row = DailyStats.objects.filter(day=timezone.localdate()).first()
        return getattr(row, self.figure, 0)

    def get_url(self):
        return reverse("crm_stats:index")


class RegistrationsTodayItem(TodayItem):
    order = 20
    figure = "registrations"
    icon = "user"
    label = "реєстрацій сьогодні"


class ActiveTodayItem(TodayItem):
    order = 30
    figure = "active_users"
    icon = "group"
    label = "активних сьогодні"


class WatchedTodayItem(TodayItem):
    order = 40
    figure = "episodes_watched"
    icon = "media"
    label = "переглянуто серій сьогодні"


class FailingSourcesItem(CountItem):
    order = 50
    icon = "warning"
    label = "несправних відеоджерел"

    def is_shown(self):
        return PagePermissionPolicy().user_has_permission(self.request.user, "change")

    def get_count(self):
        failing = Q(is_active=False) | Q(consecutive_failures__gt=0)
        return VideoSource.objects.filter(failing).count()

    def get_url(self):
        return reverse("streams_broken_sources")


class ImportQueueItem(CountItem):
    order = 60
    icon = "download"
    label = "імпортованих тайтлів чекають на розгляд"

    def is_shown(self):
        policy = policy_registry.get_by_type(ImportedTitle)
        return policy.user_has_permission(self.request.user, "change")

    def get_count(self):
        waiting = (ImportedTitle.State.NEW, ImportedTitle.State.MATCHED)
        return ImportedTitle.objects.filter(state__in=waiting).count()

    def get_url(self):
        url = reverse("wagtailsnippets_integrations_importedtitle:list")
        return f"{url}?state=new"


SUMMARY_ITEMS = (
    VideoReportsItem,
    RegistrationsTodayItem,
    ActiveTodayItem,
    WatchedTodayItem,
    FailingSourcesItem,
    ImportQueueItem,
)
