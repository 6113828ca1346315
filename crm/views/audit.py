"""The audit log: every entry of Wagtail's log (staff actions logged by accounts, the CRM,
Wagtail's own publish/edit/delete, the importers' publishes), filterable by actor, action,
target and date, with each entry's before/after data. Staff see every entry (Wagtail's own
site history shows a moderator only the models it holds permissions on)."""

from __future__ import annotations

import json

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import IntegerField, Value
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.filters import ContentTypeFilter
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn, UserColumn
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.log_actions import registry as log_action_registry

from accounts.models import Role
from crm.policies import staff_policy
from forum.discussions.models import CommentStatus

User = get_user_model()


def _logged(values: str) -> set:
    found = set()
    for log_model in log_action_registry.get_log_entry_models():
        found.update(log_model.objects.values_list(values, flat=True).distinct())
    return found


class AuditFilterSet(SiteHistoryReportFilterSet):
    object_type = ContentTypeFilter(
        label="Тип об’єкта",
        method="filter_object_type",
        queryset=lambda request: ContentType.objects.filter(
            pk__in=_logged("content_type_id")
        ).order_by("model"),
    )

    def get_action_choices(self):
        used = _logged("action")
        return [choice for choice in log_action_registry.get_choices() if choice[0] in used]

    def get_users_queryset(self):
        return User.objects.filter(pk__in=_logged("user_id")).order_by("username")


# The keys the logged actions write (accounts.bans, .roles, .reputation, the CRM's notes,
# forum.discussions' moderation), as the log shows them.
DATA_KEYS = {
    "after": "стало",
    "before": "було",
    "days": "днів",
    "ends_at": "до",
    "note": "нотатка",
    "points": "бали",
    "previous": "попередній стан",
    "reason": "причина",
    "role": "роль",
    "text": "текст",
}
ROLE_ACTIONS = {"accounts.role_assign", "accounts.role_remove"}


def role_labels() -> dict[str, str]:
    """Role code name -> label, for entry_data (read once per screen)."""
    return dict(Role.objects.values_list("name", "label"))


def entry_data(entry, roles: dict[str, str]) -> str:
    """The entry's data (reason, before/after) as `ключ: значення` pairs in key order (jsonb
    keeps no order of its own), in Ukrainian: the keys by DATA_KEYS, a role change's roles by
    their labels (`roles`, from role_labels), a comment's previous status by its label."""

    def text(key: str, value) -> str:
        if entry.action in ROLE_ACTIONS and key in {"role", "before", "after"}:
            names = value if isinstance(value, list) else [value]
            return ", ".join(roles.get(name, name) for name in names) or "—"
        if key == "previous" and value in CommentStatus.values:
            return str(CommentStatus(value).label)
        if isinstance(value, dict):
            return "{" + pairs(value, ", ") + "}"
        if value is None:
            return "—"
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)

    def pairs(data: dict, separator: str) -> str:
        return separator.join(
            f"{DATA_KEYS.get(key, key)}: {text(key, value)}" for key, value in sorted(data.items())
        )

    return pairs(entry.data or {}, "; ")


def target_url(entry) -> str | None:
    if entry.content_type and entry.content_type.model_class() is User:
        return reverse("crm_users:card", args=[entry.object_id])
    return getattr(entry, "edit_url", None)


class AuditLogView(LogEntriesView):
    page_title = "Журнал дій"
    index_url_name = "crm_audit:index"
    index_results_url_name = "crm_audit:index_results"
    results_template_name = "wagtailadmin/reports/base_report_results.html"
    filterset_class = AuditFilterSet
    permission_policy = staff_policy(User)
    permission_required = "view"
    columns = [
        TitleColumn("label", label="Об’єкт", get_url=target_url),
        Column("message", label="Дія"),
        Column("data_text", label="Дані"),
        UserColumn("user", label="Хто"),
        DateColumn("timestamp", label="Коли"),
    ]
    list_export = [*LogEntriesView.list_export, "data_text"]
    export_headings = {**LogEntriesView.export_headings, "data_text": "Дані"}

    def get_filename(self):
        return f"audit-{timezone.localdate():%Y-%m-%d}"

    def get_table(self, object_list):
        # The table is built before ReportView.get decorates the page: decorate it here, once.
        self.entries = self.decorate_paginated_queryset(object_list)
        return super().get_table(self.entries)

    def decorate_paginated_queryset(self, object_list):
        if getattr(self, "entries", None) is not None:
            return self.entries
        entries = super().decorate_paginated_queryset(object_list)
        roles = role_labels()
        for entry in entries:
            entry.data_text = entry_data(entry, roles)
        return entries

    def get_filtered_queryset(self):
        self.log_models = list(log_action_registry.get_log_entry_models())
        queryset = None
        for index, log_model in enumerate(self.log_models):
            part = self.filter_queryset(
                log_model.objects.values("pk", "timestamp").annotate(
                    log_model_index=Value(index, output_field=IntegerField())
                )
            ).order_by()
            queryset = part if queryset is None else queryset.union(part, all=True)
        return queryset.order_by("-timestamp")
