"""The rank rule inside Wagtail's own users area (the roles and bans screens are tested in crm)."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from rolepermissions.checkers import has_role
from wagtail.models import ModelLogEntry

from accounts.models import User
from accounts.roles import assign_role, rank, user_roles

pytestmark = pytest.mark.django_db


def denied(response) -> bool:
    """Wagtail answers a PermissionDenied with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


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


def test_admin_edits_lower_users_only(client):
    staff(client, "boss", "admin")
    viewer = member("viewer1")
    other_admin = member("admin2", "admin")
    assert client.get(reverse("wagtailusers_users:edit", args=(viewer.pk,))).status_code == 200
    assert denied(client.get(reverse("wagtailusers_users:edit", args=(other_admin.pk,))))
    assert denied(client.post(reverse("wagtailusers_users:delete", args=(other_admin.pk,))))
    assert User.objects.filter(pk=other_admin.pk).exists()


def user_form(username: str, groups: list[Group]) -> dict:
    return {
        "username": username,
        "email": f"{username}@example.com",
        "first_name": "Глядач",
        "last_name": "Перший",
        "is_active": "on",
        "groups": [group.pk for group in groups],
    }


def test_admin_gives_a_lower_role_in_wagtails_user_form(client):
    """The form's group checkboxes read the roles' labels, and ticking one gives the role
    (django-role-permissions still finds its group by the code name)."""
    staff(client, "boss", "admin")
    viewer = member("viewer1")
    url = reverse("wagtailusers_users:edit", args=(viewer.pk,))
    editor_group, viewer_group = Group.objects.get(name="editor"), Group.objects.get(name="viewer")
    html = client.get(url).content.decode()
    assert re.search(rf'value="{editor_group.pk}"[^>]*>\s*Редактор\s*</label>', html)
    response = client.post(url, user_form("viewer1", [viewer_group, editor_group]))
    assert response.status_code == 302
    viewer = User.objects.get(pk=viewer.pk)
    assert rank(viewer) == 20
    assert has_role(viewer, "editor")


def test_role_changes_in_wagtails_user_form_are_logged(client):
    """Roles given or taken in Wagtail's user form reach the audit log as the CRM's do."""
    boss = staff(client, "boss", "admin")
    user = member("member1", "moderator")
    viewer_group, editor_group = Group.objects.get(name="viewer"), Group.objects.get(name="editor")
    url = reverse("wagtailusers_users:edit", args=(user.pk,))
    response = client.post(url, user_form("member1", [viewer_group, editor_group]))
    assert response.status_code == 302
    entries = {
        entry.action: entry for entry in ModelLogEntry.objects.filter(object_id=str(user.pk))
    }
    assert entries["accounts.role_assign"].user == boss
    assert entries["accounts.role_assign"].data["role"] == "editor"
    assert entries["accounts.role_remove"].data["role"] == "moderator"
    assert entries["accounts.role_remove"].data["after"] == ["editor", "viewer"]


def test_admin_cannot_hand_out_its_own_rank(client):
    staff(client, "boss", "admin")
    viewer = member("viewer1")
    admin_group = Group.objects.get(name="admin")
    response = client.post(
        reverse("wagtailusers_users:edit", args=(viewer.pk,)), user_form("viewer1", [admin_group])
    )
    assert denied(response)
    assert rank(User.objects.get(pk=viewer.pk)) == 0


def bulk(action: str, *users: User) -> str:
    ids = "&".join(f"id={user.pk}" for user in users)
    return f"{reverse('wagtail_bulk_action', args=['accounts', 'user', action])}?{ids}"


def test_bulk_actions_keep_the_rank_rule(client):
    """Wagtail's bulk actions on the users list (assign a role, (de)activate, delete) obey the
    same rule as its user form: an admin can't hand out its own rank, nor act on an equal."""
    staff(client, "boss", "admin")
    viewer, other_admin = member("viewer1"), member("admin2", "admin")
    admin_group = Group.objects.get(name="admin")
    response = client.post(bulk("assign_role", viewer), {"role": admin_group.pk})
    assert response.status_code == 200  # the form: «admin» is not among its choices
    assert rank(User.objects.get(pk=viewer.pk)) == 0
    dubber_group = Group.objects.get(name="dubber")
    client.post(bulk("assign_role", other_admin), {"role": dubber_group.pk})
    assert "dubber" not in [role.name for role in user_roles(User.objects.get(pk=other_admin.pk))]
    client.post(bulk("set_active_state", other_admin), {"mark_as_active": "False"})
    assert User.objects.get(pk=other_admin.pk).is_active
    client.post(bulk("delete", other_admin))
    assert User.objects.filter(pk=other_admin.pk).exists()


def test_bulk_role_assignment_below_the_own_rank_works_and_is_logged(client):
    """The bulk form reads «Роль» and lists the roles by label; a lower role assigned in bulk
    goes through accounts.roles (logged like the CRM's role changes)."""
    boss = staff(client, "boss", "admin")
    viewer = member("viewer1")
    editor_group = Group.objects.get(name="editor")
    html = client.get(bulk("assign_role", viewer)).content.decode()
    assert re.search(r"<label[^>]*>\s*Роль", html)
    assert re.search(rf'<option value="{editor_group.pk}"[^>]*>\s*Редактор</option>', html)
    response = client.post(bulk("assign_role", viewer), {"role": editor_group.pk})
    assert response.status_code == 302
    assert rank(User.objects.get(pk=viewer.pk)) == 20
    entry = ModelLogEntry.objects.get(action="accounts.role_assign")
    assert (entry.user, entry.data["role"]) == (boss, "editor")
