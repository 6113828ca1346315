"""Wagtail registration of the CRM: the «CRM» menu group and its screens, and the CRM's own
audit-log actions."""

from wagtail import hooks

from crm.viewsets import CrmViewSetGroup


@hooks.register("register_admin_viewset")
def register_crm_viewsets():
    return CrmViewSetGroup()


@hooks.register("register_log_actions")
def register_crm_log_actions(actions):
    actions.register_action("crm.note", "Нотатка персоналу", "Додано нотатку персоналу")
