"""Wagtail registration of the CRM: the «CRM» menu group and its screens, and the CRM's own
audit-log actions."""

from wagtail import hooks

from crm.home import SUMMARY_ITEMS
from crm.viewsets import CrmViewSetGroup, StudioStatsViewSet


@hooks.register("register_admin_viewset")
def register_crm_viewsets():
    return [CrmViewSetGroup(), StudioStatsViewSet()]


@hooks.register("register_log_actions")
def register_crm_log_actions(actions):
    actions.register_action("crm.note", "Нотатка персоналу", "Додано нотатку персоналу")


@hooks.register("construct_homepage_summary_items", order=100)
def replace_summary_items(request, items):
    """After Wagtail's own hooks (order 100): drop its page/image/document counts."""
    items[:] = [item_class(request) for item_class in SUMMARY_ITEMS]
