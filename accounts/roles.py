"""Roles, ranks and the one permission check (`can`) that the API, the Wagtail admin and the
forum all use.

The five built-in roles are django-role-permissions roles (their `available_permissions` are
our staff permissions, declared on `accounts.User`); each is also a Django group carrying those
permissions plus the Wagtail ones it needs, and an `accounts.Role` row giving its rank. Admins
add custom roles (rank below their own, chosen staff permissions) as more `Role` rows. A user may
hold several roles; the highest rank counts. Nobody acts on a user of equal or higher rank.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db.models import Max
from rolepermissions.roles import AbstractUserRole
from rolepermissions.roles import assign_role as rp_assign_role
from rolepermissions.roles import remove_role as rp_remove_role
from wagtail.log_actions import log

from .models import Role, User

SUPERUSER_RANK = 1000
ADMIN_ACCESS = ("wagtailadmin", "access_admin")
PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")


class Viewer(AbstractUserRole):
    role_name = "viewer"
    label = "Глядач"
    rank = 0
    available_permissions: dict[str, bool] = {}
    django_permissions: tuple[tuple[str, str], ...] = ()
    edits_pages = False


class Dubber(AbstractUserRole):
    role_name = "dubber"
    label = "Озвучувач"
    rank = 10
    available_permissions = {"edit_own_team": True}
    django_permissions = (ADMIN_ACCESS,)
    edits_pages = False


class Editor(AbstractUserRole):
    role_name = "editor"
    label = "Редактор"
    rank = 20
    available_permissions = {
        **Dubber.available_permissions,
        "edit_any_team": True,
        "edit_catalog": True,
    }
    django_permissions = (
        *Dubber.django_permissions,
        *[
            ("catalog", f"{op}_{model}")
            for op in ("add", "change", "delete")
            for model in ("genre", "studio")
        ],
        *[("wagtailimages", op) for op in ("add_image", "change_image", "choose_image")],
        *[("wagtaildocs", op) for op in ("add_document", "change_document", "choose_document")],
        # Video sources: Wagtail's own publish/approve buttons look at these model permissions.
        *[("anime", f"{op}_videosource") for op in ("add", "change", "delete", "view", "publish")],
    )
    edits_pages = True


class Moderator(AbstractUserRole):
    role_name = "moderator"
    label = "Модератор"
    rank = 30
    available_permissions = {
        **Editor.available_permissions,
        "moderate_content": True,
        "ban_user": True,
    }
    django_permissions = (
        *Editor.django_permissions,
        *[("accounts", f"{op}_ban") for op in ("add", "change", "view")],
    )
    edits_pages = True


class Admin(AbstractUserRole):
    role_name = "admin"
    label = "Адміністратор"
    rank = 40
    available_permissions = {
        **Moderator.available_permissions,
        "edit_user": True,
        "assign_role": True,
        "manage_roles": True,
    }
    django_permissions = (
        *Moderator.django_permissions,
        *[("accounts", f"{op}_user") for op in ("add", "change", "delete", "view")],
        *[("accounts", f"{op}_role") for op in ("add", "change", "delete", "view")],
    )
    edits_pages = True


BUILTIN_ROLES: tuple[type[AbstractUserRole], ...] = (Viewer, Dubber, Editor, Moderator, Admin)
BUILTIN_BY_NAME = {role.role_name: role for role in BUILTIN_ROLES}


def _permissions(keys) -> list[Permission]:
    """Permission rows for (app_label, codename) pairs; pairs whose model is absent are skipped."""
    wanted = set(keys)
    rows = Permission.objects.select_related("content_type").filter(
        codename__in={codename for _, codename in wanted}
    )
    return [p for p in rows if (p.content_type.app_label, p.codename) in wanted]


def staff_permissions(codenames) -> list[Permission]:
    return _permissions(("accounts", codename) for codename in codenames)


def group_permissions_for(role_cls) -> list[Permission]:
    return _permissions(role_cls.django_permissions) + staff_permissions(
        name for name, granted in role_cls.available_permissions.items() if granted
    )


def setup_roles() -> None:
    """Create or update the built-in roles and their groups; put every user in `viewer`.
    Idempotent: run after every `migrate` (post_migrate) and by `manage.py setup_roles`."""
    from wagtail.models import GroupPagePermission, Page

    root = Page.get_first_root_node()
    page_permissions = _permissions(("wagtailcore", name) for name in PAGE_PERMISSIONS)
    for role_cls in BUILTIN_ROLES:
        group, _ = Group.objects.get_or_create(name=role_cls.role_name)
        Role.objects.update_or_create(
            name=role_cls.role_name,
            defaults={
                "label": role_cls.label,
                "rank": role_cls.rank,
                "group": group,
                "is_builtin": True,
            },
        )
        group.permissions.set(group_permissions_for(role_cls))
        if role_cls.edits_pages and root is not None:
            for permission in page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root, permission=permission
                )
    from .studio.workflow import ensure_source_workflow

    ensure_source_workflow()
    viewer = Group.objects.get(name=Viewer.role_name)
    membership = User.groups.through
    membership.objects.bulk_create(
        [
            membership(user_id=user_id, group_id=viewer.id)
            for user_id in User.objects.exclude(groups=viewer).values_list("id", flat=True)
        ],
        ignore_conflicts=True,
    )


def _forget_cached_permissions(user: User) -> None:
    for attr in ("_perm_cache", "_user_perm_cache", "_group_perm_cache", "_accounts_rank"):
        user.__dict__.pop(attr, None)


def get_role(name: str) -> Role:
    role = Role.objects.select_related("group").filter(name=name).first()
    if role is None and name in BUILTIN_BY_NAME:
        setup_roles()
        role = Role.objects.select_related("group").get(name=name)
    if role is None:
        raise Role.DoesNotExist(f"No role named {name!r}")
    return role


def _log_role_change(user: User, action: str, role: Role, before: list[str], actor) -> None:
    """A staff member's role change goes to Wagtail's audit log (setup and demo data, which
    pass no actor, are not staff actions)."""
    if actor is not None:
        after = [r.name for r in user_roles(user)]
        log(user, action, user=actor, data={"role": role.name, "before": before, "after": after})


def assign_role(user: User, name: str, *, actor: User | None = None) -> Role:
    """Give `user` the role: group membership (with its Wagtail access and permissions)."""
    role = get_role(name)
    before = [r.name for r in user_roles(user)] if actor is not None else []
    if role.is_builtin:
        rp_assign_role(user, name)
    else:
        user.groups.add(role.group)
    _forget_cached_permissions(user)
    _log_role_change(user, "accounts.role_assign", role, before, actor)
    return role


def log_role_changes(user: User, before: list[str], actor: User) -> None:
    """Log the roles given and taken since `before` (role names) as `assign_role` and
    `remove_role` log theirs: for changes made outside them (Wagtail's own user form)."""
    after = user_roles(user)
    for role in after:
        if role.name not in before:
            _log_role_change(user, "accounts.role_assign", role, before, actor)
    kept = {role.name for role in after}
    for role in Role.objects.filter(name__in=[name for name in before if name not in kept]):
        _log_role_change(user, "accounts.role_remove", role, before, actor)


def remove_role(user: User, name: str, *, actor: User | None = None) -> None:
    role = get_role(name)
    before = [r.name for r in user_roles(user)] if actor is not None else []
    if role.is_builtin:
        rp_remove_role(user, name)
    else:
        user.groups.remove(role.group)
    _forget_cached_permissions(user)
    _log_role_change(user, "accounts.role_remove", role, before, actor)


def user_roles(user: User) -> list[Role]:
    """The user's roles, highest rank first."""
    if not user.is_authenticated:
        return []
    return list(Role.objects.filter(group__user=user).order_by("-rank", "name"))


def group_display_name(group: Group) -> str:
    """What a group is called on screen: its role's label («Редактор»), else its own name. A
    role's group keeps the role's code name ("editor", "role:…") as its name, because
    django-role-permissions looks groups up by name; AccountsConfig makes this the groups' str(),
    so every admin screen that shows a group (the user form, the users filter, the approval
    task's form, a group's title) shows the label."""
    role = getattr(group, "role", None)  # a group without a role raises RelatedObjectDoesNotExist
    return role.label if role is not None else group.name


def rank(user) -> int:
    """The highest rank among the user's roles (superusers above everyone; anonymous -1)."""
    if user is None or not user.is_authenticated:
        return -1
    if user.is_superuser:
        return SUPERUSER_RANK
    if "_accounts_rank" not in user.__dict__:
        top = Role.objects.filter(group__user=user).aggregate(top=Max("rank"))["top"]
        user.__dict__["_accounts_rank"] = top or 0
    return user.__dict__["_accounts_rank"]


# action -> the staff permission it needs
ACTION_PERMISSIONS = {
    "edit_catalog": "edit_catalog",
    "moderate_content": "moderate_content",
    "ban_user": "ban_user",
    "edit_user": "edit_user",
    "assign_role": "assign_role",
    "manage_roles": "manage_roles",
}
USER_ACTIONS = {"ban_user", "edit_user", "assign_role"}


def editable_teams(actor):
    """The dub teams whose page and video sources `actor` may edit (a DubTeamPage queryset):
    every team with `edit_any_team`, its own teams with `edit_own_team`, else none."""
    from cms.dubbing.models import DubTeamPage

    if actor is None or not actor.is_authenticated:
        return DubTeamPage.objects.none()
    if actor.has_perm("accounts.edit_any_team"):
        return DubTeamPage.objects.all()
    if actor.has_perm("accounts.edit_own_team"):
        return DubTeamPage.objects.filter(memberships__user=actor)
    return DubTeamPage.objects.none()


def _may_edit_source(actor, source) -> bool:
    if actor.has_perm("accounts.edit_any_team"):
        return True
    teams = editable_teams(actor)
    if source is None:  # may the actor edit some source at all?
        return teams.exists()
    return source.dub_team_id is not None and teams.filter(pk=source.dub_team_id).exists()


def _may_publish_source(actor, source) -> bool:
    if actor.has_perm("accounts.edit_any_team"):
        return True
    teams = editable_teams(actor).filter(trust__isnull=False)
    if source is None:
        return teams.exists()
    return source.dub_team_id is not None and teams.filter(pk=source.dub_team_id).exists()


def can(actor, action: str, target=None, *, role: Role | None = None) -> bool:
    """The one permission check. Actions:
    `edit_catalog`, `moderate_content`; `edit_team` (target: a DubTeamPage; members of the team
    with `edit_own_team`, or anyone with `edit_any_team`); `edit_source` (target: a VideoSource,
    saved or not: its team is one of `editable_teams`, or the actor has `edit_any_team`, the
    only ones who edit the original-audio sources; no target: may edit some source);
    `publish_source` (as `edit_source`, and the team is trusted unless the actor has
    `edit_any_team`: everyone else's sources go through the editors' approval workflow);
    `trust_team` (target: a DubTeamPage; `edit_any_team`); `ban_user`, `edit_user` (target: a
    user of lower rank); `assign_role` (target: a user of lower rank, `role`: below the actor's
    rank); `manage_roles` (`role`: the role created or changed, below the actor's rank)."""
    from .bans import is_banned

    if actor is None or not actor.is_authenticated or not actor.is_active:
        return False
    if is_banned(actor):
        return False
    if action == "edit_team":
        return target is not None and editable_teams(actor).filter(pk=target.pk).exists()
    if action == "edit_source":
        return _may_edit_source(actor, target)
    if action == "publish_source":
        return _may_publish_source(actor, target)
    if action == "trust_team":
        return actor.has_perm("accounts.edit_any_team")
    if action not in ACTION_PERMISSIONS:
        raise ValueError(f"Unknown action {action!r}")
    if not actor.has_perm(f"accounts.{ACTION_PERMISSIONS[action]}"):
        return False
    if action in USER_ACTIONS:
        if target is None or target.pk == actor.pk or rank(target) >= rank(actor):
            return False
    if action in {"assign_role", "manage_roles"} and role is not None:
        if role.rank >= rank(actor):
            return False
    return True
