"""The roles and bans screens (accounts' RoleForm and BanForm under /admin/crm/): custom roles
only below the actor's rank, bans only on lower ranks, and the audit log."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import ModelLogEntry

from accounts.models import Ban, Role, User
from accounts.roles import assign_role, rank

from .conftest import ROLES, denied

pytestmark = pytest.mark.django_db


def staff(client, name: str, role: str) -> User:
    user = User.objects.create_user(name, f"{name}@example.com", "x")
    assign_role(user, role)
    client.force_login(user)
    return user


def member(name: str, role: str | None = None) -> User:
    user = User.objects.create_user(name, f"{name}@example.com", "x")
    if role:
        assign_role(user, role)
    return user


@pytest.mark.parametrize("role", ROLES)
def test_roles_screen_is_for_admins(client, signed_in, role):
    signed_in(role)
    response = client.get(reverse("crm_roles:index"))
    if role == "admin":
        assert response.status_code == 200
        assert "Модератор" in response.content.decode()
    else:
        assert denied(response)


@pytest.mark.parametrize("role", ROLES)
def test_bans_screen_is_for_moderators_and_above(client, signed_in, role):
    signed_in(role)
    response = client.get(reverse("crm_bans:index"))
    assert (response.status_code == 200) is (role in {"moderator", "admin"})


def test_moderator_bans_lower_ranks_only(client):
    moderator = staff(client, "mod", "moderator")
    viewer = member("viewer1")
    editor = member("ed", "editor")
    other_mod = member("mod2", "moderator")
    add = reverse("crm_bans:add")
    assert client.get(add).status_code == 200
    response = client.post(add, {"user": editor.pk, "reason": "спам", "days": "3"})
    assert response.status_code == 302, response.content.decode()[:500]
    ban = Ban.objects.get(user=editor)
    assert ban.author == moderator and ban.ends_at is not None
    response = client.post(add, {"user": other_mod.pk, "reason": "помста", "days": ""})
    assert response.status_code == 200  # the form again, with the error
    assert "рангом не нижчим" in response.content.decode()
    assert not Ban.objects.filter(user=other_mod).exists()
    client.post(add, {"user": viewer.pk, "reason": "флуд", "days": ""})
    assert Ban.objects.get(user=viewer).ends_at is None


def test_editor_cannot_open_bans(client):
    staff(client, "ed", "editor")
    assert denied(client.get(reverse("crm_bans:add")))


def test_admin_creates_custom_roles_below_its_rank(client):
    boss = staff(client, "boss", "admin")
    add = reverse("crm_roles:add")
    response = client.post(add, {"name": "curator", "label": "Куратор", "rank": 40})
    assert response.status_code == 200 and not Role.objects.filter(name="curator").exists()
    ban_permission = Group.objects.get(name="moderator").permissions.get(codename="ban_user")
    response = client.post(
        add,
        {"name": "curator", "label": "Куратор", "rank": 25, "permissions": [ban_permission.pk]},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    role = Role.objects.get(name="curator")
    assert role.created_by == boss and not role.is_builtin
    person = member("p1")
    assign_role(person, "curator")
    person = User.objects.get(pk=person.pk)
    assert rank(person) == 25
    assert person.has_perm("accounts.ban_user") and person.has_perm("wagtailadmin.access_admin")
    builtin = Role.objects.get(name="viewer")
    response = client.post(
        reverse("crm_roles:edit", args=(builtin.pk,)),
        {"name": "viewer", "label": "Глядач", "rank": 0},
    )
    assert response.status_code == 200 and "setup_roles" in response.content.decode()


def test_bans_from_the_bans_screen_reach_the_audit_log(client):
    moderator = staff(client, "mod", "moderator")
    viewer = member("viewer1")
    client.post(reverse("crm_bans:add"), {"user": viewer.pk, "reason": "флуд", "days": "1"})
    entry = ModelLogEntry.objects.get(action="accounts.ban")
    assert entry.user == moderator and entry.object_id == str(viewer.pk)


def test_editing_a_ban_changes_it_and_logs_before_and_after(client):
    moderator = staff(client, "mod", "moderator")
    viewer = member("viewer1")
    client.post(reverse("crm_bans:add"), {"user": viewer.pk, "reason": "флуд", "days": "1"})
    ban = Ban.objects.get(user=viewer)
    edit = reverse("crm_bans:edit", args=(ban.pk,))
    assert 'value="1"' in client.get(edit).content.decode()  # the length it has
    # the user field is fixed: a posted other user is ignored
    other = member("viewer2")
    response = client.post(edit, {"user": other.pk, "reason": "спам після попередження"})
    assert response.status_code == 302, response.content.decode()[:500]
    ban.refresh_from_db()
    assert Ban.objects.count() == 1
    assert (ban.user, ban.reason, ban.ends_at) == (viewer, "спам після попередження", None)
    entry = ModelLogEntry.objects.get(action="accounts.ban_change")
    assert entry.user == moderator and entry.object_id == str(viewer.pk)
    assert entry.data["before"]["reason"] == "флуд" and entry.data["before"]["ends_at"]
    assert entry.data["after"] == {"reason": "спам після попередження", "ends_at": None}
