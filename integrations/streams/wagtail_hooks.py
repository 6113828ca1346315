"""Admin wiring of the playback app: the broken-sources report under "Reports"."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import BrokenSourcesReportView


@hooks.register("register_admin_urls")
def register_broken_sources_urls():
    view = BrokenSourcesReportView
    return [
        path("reports/broken-video-sources/", view.as_view(), name=view.index_url_name),
        path(
            "reports/broken-video-sources/results/",
            view.as_view(results_only=True),
            name=view.index_results_url_name,
        ),
    ]


class BrokenSourcesMenuItem(MenuItem):
    def is_shown(self, request):
        return BrokenSourcesReportView.permission_policy.user_has_permission(request.user, "change")


@hooks.register("register_reports_menu_item")
def register_broken_sources_menu_item():
    return BrokenSourcesMenuItem(
        "Несправні відео",
        reverse("streams_broken_sources"),
        name="broken-video-sources",
        icon_name="warning",
        order=750,
    )
