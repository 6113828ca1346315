"""Roles, ranks and the one permission check: every role × every staff action."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Page

from accounts.forms import RoleGroupForm
from accounts.models import Role, User
from accounts.roles import assign_role, can, rank, setup_roles, user_roles
from cms.anime.models import VideoSource

ROLES = ["viewer", "dubber", "editor", "moderator", "admin"]


@pytest.fixture
def people(db, make_team):
    """One user per role, a team the dubber belongs to and one it doesn't, and a target user
    of every rank for the user actions."""
    own_team = make_team("own")
    other_team = make_team("other")
    actors = {}
    for name in ROLES:
        user = User.objects.create_user(f"actor-{name}", f"actor-{name}@example.com", "x")
        if name != "viewer":
            assign_role(user, name)
        actors[name] = user
    own_team.memberships.create(user=actors["dubber"])
    own_team.save_revision().publish()
    targets = {}
    for name in ROLES:
        user = User.objects.create_user(f"target-{name}", f"target-{name}@example.com", "x")
        if name != "viewer":
            assign_role(user, name)
        targets[name] = user
    return actors, targets, own_team, other_team


# (action, how to call it) -> the lowest role allowed; user actions additionally need the
# target's rank below the actor's.
ACTIONS = {
    "edit_catalog": "editor",
    "edit_own_team": "dubber",
    "edit_other_team": "editor",
    "edit_own_team_source": "dubber",
    "edit_other_team_source": "editor",
    "edit_original_audio_source": "editor",
    "publish_own_team_source": "editor",  # the team is not trusted
    "trust_team": "editor",
    "moderate_content": "moderator",
    "ban_viewer": "moderator",
    "ban_same_rank": None,
    "ban_admin": None,
    "edit_user_viewer": "admin",
    "edit_user_same_rank": None,
    "assign_lower_role_to_viewer": "admin",
    "assign_own_rank_role_to_viewer": None,
    "create_role_below_own": "admin",
    "create_role_at_own_rank": None,
}


def run(action: str, actor: User, targets, own_team, other_team, actor_role: str) -> bool:
    same = targets[actor_role]
    below = Role(rank=max(rank(actor) - 1, 0))
    at_own = Role(rank=rank(actor))
    return {
        "edit_catalog": lambda: can(actor, "edit_catalog"),
        "edit_own_team": lambda: can(actor, "edit_team", own_team),
        "edit_other_team": lambda: can(actor, "edit_team", other_team),
        "edit_own_team_source": lambda: can(actor, "edit_source", VideoSource(dub_team=own_team)),
        "edit_other_team_source": lambda: can(
            actor, "edit_source", VideoSource(dub_team=other_team)
        ),
        "edit_original_audio_source": lambda: can(actor, "edit_source", VideoSource(language="ja")),
        "publish_own_team_source": lambda: can(
            actor, "publish_source", VideoSource(dub_team=own_team)
        ),
        "trust_team": lambda: can(actor, "trust_team", own_team),
        "moderate_content": lambda: can(actor, "moderate_content"),
        "ban_viewer": lambda: can(actor, "ban_user", targets["viewer"]),
        "ban_same_rank": lambda: can(actor, "ban_user", same),
        "ban_admin": lambda: can(actor, "ban_user", targets["admin"]),
        "edit_user_viewer": lambda: can(actor, "edit_user", targets["viewer"]),
        "edit_user_same_rank": lambda: can(actor, "edit_user", same),
        "assign_lower_role_to_viewer": lambda: can(
            actor, "assign_role", targets["viewer"], role=below
        ),
        "assign_own_rank_role_to_viewer": lambda: can(
            actor, "assign_role", targets["viewer"], role=at_own
        ),
        "create_role_below_own": lambda: can(actor, "manage_roles", role=below),
        "create_role_at_own_rank": lambda: can(actor, "manage_roles", role=at_own),
    }[action]()


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(people, role):
    """Each role against every staff action: the whole row must match, allowed and denied."""
    actors, targets, own_team, other_team = people
    expected = {
        action: lowest is not None and ROLES.index(role) >= ROLES.index(lowest)
        for action, lowest in ACTIONS.items()
    }
    actual = {
        action: run(action, actors[role], targets, own_team, other_team, role) for action in ACTIONS
    }
    assert actual == expected


def test_assign_role_alone_makes_a_full_moderator(db):
    user = User.objects.create_user("mod", "mod@example.com", "x")
    assert [r.name for r in user_roles(user)] == ["viewer"]
    assert not user.has_perm("wagtailadmin.access_admin")
    assign_role(user, "moderator")
    user = User.objects.get(pk=user.pk)
    assert [r.name for r in user_roles(user)] == ["moderator", "viewer"]
    assert rank(user) == 30
    assert user.has_perm("wagtailadmin.access_admin")
    assert user.has_perm("accounts.ban_user") and user.has_perm("accounts.add_ban")
    assert user.has_perm("catalog.change_genre")


def test_the_highest_of_several_roles_counts(db):
    user = User.objects.create_user("two", "two@example.com", "x")
    assign_role(user, "dubber")
    assign_role(user, "editor")
    assert rank(User.objects.get(pk=user.pk)) == 20


def test_custom_role_is_a_group_with_its_rank(db):
    group = Group.objects.create(name="role:curator")
    Role.objects.create(name="curator", label="Куратор", rank=25, group=group)
    user = User.objects.create_user("cur", "cur@example.com", "x")
    assign_role(user, "curator")
    assert rank(User.objects.get(pk=user.pk)) == 25


def test_a_group_is_shown_by_its_roles_label_and_keeps_its_code_name(db):
    """Admin screens show a role's group by the role's label; its name stays the code name
    that django-role-permissions (and accounts.roles) look it up by."""
    editor = Group.objects.get(name="editor")
    assert str(editor) == "Редактор"
    curator = Group.objects.create(name="role:curator")
    Role.objects.create(name="curator", label="Куратор", rank=25, group=curator)
    assert str(Group.objects.get(pk=curator.pk)) == "Куратор"
    assert str(Group.objects.create(name="Гості")) == "Гості"  # no role: its own name
    user = User.objects.create_user("ed", "ed@example.com", "x")
    assign_role(user, "editor")
    assert [role.name for role in user_roles(user)] == ["editor", "viewer"]
    assert Group.objects.get(name="editor") == editor


def test_a_roles_group_keeps_its_name_in_wagtails_group_form(db):
    """Renaming «editor» would cut the role from its group: the form shows the name read-only
    (and ignores a posted one); a group without a role is renamed as usual."""
    editor = Group.objects.get(name="editor")
    form = RoleGroupForm({"name": "Редактори"}, instance=editor)
    assert form.fields["name"].disabled and "«Редактор»" in form.fields["name"].help_text
    assert form.is_valid(), form.errors
    form.save()
    assert Group.objects.filter(pk=editor.pk, name="editor").exists()
    guests = Group.objects.create(name="Гості")
    form = RoleGroupForm({"name": "Відвідувачі"}, instance=guests)
    assert form.is_valid(), form.errors
    assert form.save().name == "Відвідувачі"


def test_setup_roles_is_idempotent(db):
    User.objects.create_user("someone", "someone@example.com", "x")
    Group.objects.get(name="viewer").user_set.clear()
    before = None
    for _ in range(2):
        call_command("setup_roles", stdout=open("/dev/null", "w"))
        state = (
            sorted(Role.objects.values_list("name", "rank", "is_builtin")),
            Group.objects.count(),
            sorted((g.name, p.codename) for g in Group.objects.all() for p in g.permissions.all()),
        )
        assert before in (None, state)
        before = state
    assert [r[:2] for r in before[0]] == [
        ("admin", 40),
        ("dubber", 10),
        ("editor", 20),
        ("moderator", 30),
        ("viewer", 0),
    ]
    assert Group.objects.get(name="viewer").user_set.filter(username="someone").exists()
    root = Page.get_first_root_node()
    assert root.group_permissions.filter(group__name="editor").exists()


def test_setup_roles_then_roles_exist_after_migrate(db):
    # post_migrate ran for the test database: the groups exist without calling anything.
    assert set(Role.objects.values_list("name", flat=True)) >= set(ROLES)
    setup_roles()
