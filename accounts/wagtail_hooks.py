"""Wagtail admin side of accounts: the audit-log actions accounts writes, the dub-studio admin
(accounts.studio: «Мої джерела»), and the rank rule on Wagtail's own user editing and its bulk
actions on the users list (nobody edits, deletes or re-roles a user of equal or higher rank).
The staff screens themselves (users, roles, bans) are the CRM's (crm/)."""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.users.views.bulk_actions import (
    AssignRoleBulkAction,
    DeleteBulkAction,
    SetActiveStateBulkAction,
)

from .models import Role
from .roles import assign_role, can, log_role_changes, rank, user_roles
from .studio.views import StudioViewSetGroup

register_snippet(StudioViewSetGroup)


@hooks.register("register_log_actions")
def register_accounts_log_actions(actions):
    """Staff actions on accounts, written by accounts.bans, .roles and .reputation wherever
    they are called from (the CRM, the ban command); read in the CRM's audit log."""
    actions.register_action("accounts.ban", "Блокування", "Заблоковано")
    actions.register_action("accounts.ban_change", "Зміна блокування", "Блокування змінено")
    actions.register_action("accounts.unban", "Розблокування", "Розблоковано")
    actions.register_action("accounts.role_assign", "Призначення ролі", "Роль призначено")
    actions.register_action("accounts.role_remove", "Зняття ролі", "Роль знято")
    actions.register_action(
        "accounts.reputation_adjust", "Коригування репутації", "Репутацію скориговано"
    )
    actions.register_action("accounts.team_trusted", "Довірити команду", "Команді довірено")
    actions.register_action(
        "accounts.team_untrusted", "Зняття довіри з команди", "Довіру з команди знято"
    )


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


@hooks.register("before_edit_user")
def remember_roles_before_edit(request, user):
    request.roles_before_edit = [role.name for role in user_roles(user)]


@hooks.register("after_edit_user")
def log_roles_changed_in_user_form(request, user):
    # Wagtail's form sets the groups itself: log the role changes as the CRM's are logged.
    log_role_changes(user, getattr(request, "roles_before_edit", []), request.user)


@hooks.register("after_create_user")
def log_roles_given_in_user_form(request, user):
    log_role_changes(user, [], request.user)


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


def _may_edit(request, user) -> bool:
    return request.user.is_superuser or can(request.user, "edit_user", user)


class RankedAssignRoleBulkAction(AssignRoleBulkAction):
    """Wagtail's «Призначити роль» on the users list, within the rank rule: only users of lower
    rank, only roles below the actor's own, assigned (and logged) through accounts.roles."""

    def check_perm(self, obj):
        return super().check_perm(obj) and _may_edit(self.request, obj)

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        role = form.fields["role"]
        role.label = "Роль"
        if not self.request.user.is_superuser:
            role.queryset = Group.objects.exclude(role__rank__gte=rank(self.request.user))
        return form

    def get_execution_context(self):
        return {**super().get_execution_context(), "actor": self.request.user}

    @classmethod
    def execute_action(cls, objects, role=None, actor=None, **kwargs):
        if role is None:
            return 0, 0
        own_role = getattr(role, "role", None)  # a group without a role is added as it is
        for user in objects:
            if own_role is not None:
                assign_role(user, own_role.name, actor=actor)
            else:
                role.user_set.add(user)
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(num_parent_objects)d user has been assigned as %(role)s",
            "%(num_parent_objects)d users have been assigned as %(role)s",
            num_parent_objects,
        ) % {
            "num_parent_objects": num_parent_objects,
            "role": self.cleaned_form.cleaned_data["role"],
        }


class RankedSetActiveStateBulkAction(SetActiveStateBulkAction):
    def check_perm(self, obj):
        return super().check_perm(obj) and _may_edit(self.request, obj)


class RankedDeleteBulkAction(DeleteBulkAction):
    def check_perm(self, obj):
        return super().check_perm(obj) and _may_edit(self.request, obj)


# After Wagtail's own (order 0): the registry keeps the last action of each type.
for action_class in (
    RankedAssignRoleBulkAction,
    RankedSetActiveStateBulkAction,
    RankedDeleteBulkAction,
):
    hooks.register("register_bulk_action", action_class, order=1)
