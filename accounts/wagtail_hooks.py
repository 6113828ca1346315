"""Wagtail admin: «Ролі» and «Блокування» viewsets, and the rank rule on Wagtail's own user
editing (nobody edits, deletes or re-roles a user of equal or higher rank)."""

from django.core.exceptions import PermissionDenied
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .forms import BanForm, RoleForm
from .models import Ban, Role
from .roles import can, rank


class RoleViewSet(ModelViewSet):
    model = Role
    name = "accounts_roles"
    icon = "group"
    menu_label = "Ролі"
    list_display = ["label", "name", "rank", "is_builtin"]
    add_to_admin_menu = False

    def get_form_class(self, for_update=False):
        return RoleForm


class BanViewSet(ModelViewSet):
    model = Ban
    name = "accounts_bans"
    icon = "warning"
    menu_label = "Блокування"
    list_display = ["user", "reason", "starts_at", "ends_at", "author"]
    list_filter = ["ends_at"]
    add_to_admin_menu = False

    def get_form_class(self, for_update=False):
        return BanForm


class AccountsViewSetGroup(ViewSetGroup):
    menu_label = "Спільнота"
    menu_icon = "group"
    menu_order = 600
    items = (RoleViewSet, BanViewSet)


@hooks.register("register_admin_viewset")
def register_accounts_viewsets():
    return AccountsViewSetGroup()


def _posted_roles_within_rank(request) -> bool:
    """Groups ticked in a user form must all be roles below the editor's own rank."""
    if request.method != "POST" or request.user.is_superuser:
        return True
    ids = [value for value in request.POST.getlist("groups") if value.isdigit()]
    top = max(Role.objects.filter(group_id__in=ids).values_list("rank", flat=True), default=-1)
    return top < rank(request.user)


@hooks.register("before_create_user")
def check_roles_on_create(request):
    if not _posted_roles_within_rank(request):
        raise PermissionDenied


@hooks.register("before_edit_user")
def check_rank_on_edit(request, user):
    if request.user.is_superuser:
        return
    if not can(request.user, "edit_user", user) or not _posted_roles_within_rank(request):
        raise PermissionDenied


@hooks.register("before_delete_user")
def check_rank_on_delete(request, user):
    if not request.user.is_superuser and not can(request.user, "edit_user", user):
        raise PermissionDenied


@hooks.register("before_edit_page")
def check_team_on_edit(request, page):
    from cms.dubbing.models import DubTeamPage

    if isinstance(page.specific, DubTeamPage) and not request.user.is_superuser:
        if not can(request.user, "edit_team", page.specific):
            raise PermissionDenied
