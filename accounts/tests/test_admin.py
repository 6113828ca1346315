"""The rank rule inside Wagtail's own users area (the roles and bans screens are tested in crm)."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

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


def test_admin_cannot_hand_out_its_own_rank(client):
    staff(client, "boss", "admin")
    viewer = member("viewer1")
    admin_group = Group.objects.get(name="admin")
    response = client.post(
        reverse("wagtailusers_users:edit", args=(viewer.pk,)),
        {
            "username": "viewer1",
            "email": "viewer1@example.com",
            "first_name": "",
            "last_name": "",
            "is_active": "on",
            "groups": [admin_group.pk],
        },
    )
    assert denied(response)
    assert rank(User.objects.get(pk=viewer.pk)) == 0
