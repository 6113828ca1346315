"""The «CRM» menu group: one small viewset per screen, each under /admin/crm/…; the roles and
bans screens are ModelViewSets over accounts' models with accounts' own forms."""

from django.urls import path
from django.utils.text import capfirst
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Site
from wagtail.sites import views as sites
from wagtail.users.views import groups

from accounts.forms import BanForm, RoleForm, RoleGroupForm
from accounts.models import Ban, Role, User
from accounts.roles import editable_teams, group_display_name
from crm.policies import staff_policy
from crm.views import audit, moderation, stats, studio, users


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return staff_policy(User).user_has_permission(request.user, "view")


class StaffViewSet(ViewSet):
    menu_item_class = StaffMenuItem


class OneScreenMixin:
    """A viewset of one screen at its URL prefix: the view class in `screen`."""

    screen = None

    def get_urlpatterns(self):
        return [path("", self.screen.as_view(), name="index")]


class UsersViewSet(StaffViewSet):
    name = "crm_users"
    url_prefix = "crm/users"
    icon = "user"
    menu_label = "Користувачі"

    def get_urlpatterns(self):
        return [
            path("", users.UserListView.as_view(), name="index"),
            path("results/", users.UserListView.as_view(results_only=True), name="index_results"),
            path("<int:pk>/", users.UserCardView.as_view(), name="card"),
            path("<int:pk>/ban/", users.BanView.as_view(), name="ban"),
            path("<int:pk>/unban/", users.UnbanView.as_view(), name="unban"),
            path("<int:pk>/roles/", users.RoleChangeView.as_view(), name="roles"),
            path("<int:pk>/reputation/", users.ReputationView.as_view(), name="reputation"),
            path("<int:pk>/notes/", users.StaffNoteView.as_view(), name="notes"),
        ]


class ModerationViewSet(OneScreenMixin, StaffViewSet):
    name = "crm_moderation"
    url_prefix = "crm/moderation"
    icon = "warning"
    menu_label = "Модерація"
    screen = moderation.ModerationView


class StatsViewSet(OneScreenMixin, StaffViewSet):
    name = "crm_stats"
    url_prefix = "crm/stats"
    icon = "table"
    menu_label = "Статистика"
    screen = stats.StatsView


class AuditViewSet(StaffViewSet):
    name = "crm_audit"
    url_prefix = "crm/audit"
    icon = "history"
    menu_label = "Журнал дій"

    def get_urlpatterns(self):
        return [
            path("", audit.AuditLogView.as_view(), name="index"),
            path("results/", audit.AuditLogView.as_view(results_only=True), name="index_results"),
        ]


class RoleViewSet(ModelViewSet):
    """Custom roles within the actor's rank (RoleForm checks it); built-in ones are read-only."""

    model = Role
    name = "crm_roles"
    url_prefix = "crm/roles"
    icon = "group"
    menu_label = "Ролі"
    list_display = [
        "label",
        "rank",
        Column("is_builtin", label="Вбудована", accessor=lambda r: "так" if r.is_builtin else "ні"),
    ]
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return RoleForm


class BanViewSet(ModelViewSet):
    model = Ban
    name = "crm_bans"
    url_prefix = "crm/bans"
    icon = "warning"
    menu_label = "Блокування"
    list_display = ["user", "reason", "starts_at", "ends_at", "author"]
    list_filter = ["ends_at"]
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return BanForm


class StudioMenuItem(MenuItem):
    def is_shown(self, request):
        return editable_teams(request.user).exists()


class StudioStatsViewSet(OneScreenMixin, ViewSet):
    """Studio analytics: a menu item of its own, for dub-team members and editors."""

    name = "crm_studio"
    url_prefix = "crm/studio"
    icon = "media"
    menu_label = "Аналітика студії"
    menu_order = 260
    add_to_admin_menu = True
    menu_item_class = StudioMenuItem
    screen = studio.StudioStatsView


class CrmViewSetGroup(ViewSetGroup):
    menu_label = "CRM"
    menu_icon = "group"
    menu_order = 600
    items = (
        UsersViewSet,
        ModerationViewSet,
        RoleViewSet,
        BanViewSet,
        StatsViewSet,
        AuditViewSet,
    )


class GroupIndexView(groups.IndexView):
    """Wagtail's groups list, each group titled by its role's label (its name is the role's
    code name) and found by either."""

    search_fields = ["name", "role__label"]
    columns = [
        TitleColumn(
            "name",
            label="Назва",
            accessor=group_display_name,
            sort_key="name",
            url_name="wagtailusers_groups:edit",
        ),
    ]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("role")


class GroupViewSet(groups.GroupViewSet):
    """Wagtail's groups viewset with our list and a form that keeps a role's group name
    (crm.apps.WagtailUsersConfig installs it)."""

    index_view_class = GroupIndexView

    def get_form_class(self, for_update=False):
        return RoleGroupForm


def _site_field_label(name: str) -> str:
    return capfirst(Site._meta.get_field(name).verbose_name)


class SiteIndexView(sites.IndexView):
    """Wagtail's sites list, its columns labelled by the fields' (translated) verbose names:
    Wagtail leaves three without a label, so they read «Port», «Site name», «Root page»."""

    columns = [
        column
        if column.name not in {"port", "site_name", "root_page"}
        else Column(column.name, label=_site_field_label(column.name), sort_key=column.sort_key)
        for column in sites.IndexView.columns
    ]
