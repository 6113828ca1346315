"""The rank rule inside the Wagtail admin: user editing, bans and custom roles."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.models import Ban, Role, User
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


def test_moderator_bans_lower_ranks_only(client):
    moderator = staff(client, "mod", "moderator")
    viewer = member("viewer1")
    editor = member("ed", "editor")
    other_mod = member("mod2", "moderator")
    add = reverse("accounts_bans:add")
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
    assert denied(client.get(reverse("accounts_bans:add")))


def test_admin_creates_custom_roles_below_its_rank(client):
    boss = staff(client, "boss", "admin")
    add = reverse("accounts_roles:add")
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
        reverse("accounts_roles:edit", args=(builtin.pk,)),
        {"name": "viewer", "label": "Глядач", "rank": 0},
    )
    assert response.status_code == 200 and "setup_roles" in response.content.decode()
