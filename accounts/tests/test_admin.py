"""The rank rule inside Wagtail's own users area (the roles and bans screens are tested in crm)."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from rolepermissions.checkers import has_role

from accounts.models import User
from accounts.roles import assign_role, rank

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


def test_admin_cannot_hand_out_its_own_rank(client):
    staff(client, "boss", "admin")
    viewer = member("viewer1")
    admin_group = Group.objects.get(name="admin")
    response = client.post(
        reverse("wagtailusers_users:edit", args=(viewer.pk,)), user_form("viewer1", [admin_group])
    )
    assert denied(response)
    assert rank(User.objects.get(pk=viewer.pk)) == 0
