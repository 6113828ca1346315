"""Fixtures of the CRM tests: users holding a role, and a client signed in as one."""

import pytest
from django.urls import reverse

from accounts.models import User
from accounts.roles import assign_role

ROLES = ["viewer", "dubber", "editor", "moderator", "admin"]
STAFF = {"moderator", "admin"}


def denied(response) -> bool:
    """Wagtail answers a PermissionDenied with a redirect to the dashboard and a message, and
    someone without admin access at all with the sign-in page."""
    return response.status_code == 403 or (
        response.status_code == 302
        and (response.url == reverse("wagtailadmin_home") or "/admin/login/" in response.url)
    )


@pytest.fixture
def make_user(db):
    def make(name: str, role: str | None = None, **fields) -> User:
        user = User.objects.create_user(name, f"{name}@example.com", "x", **fields)
        if role and role != "viewer":
            assign_role(user, role)
        return User.objects.get(pk=user.pk)

    return make


@pytest.fixture
def signed_in(client, make_user):
    """`signed_in(role)`: a user with that role, signed in on `client`."""

    def sign_in(role: str, name: str | None = None) -> User:
        user = make_user(name or f"{role}-actor", role)
        client.force_login(user)
        return user

    return sign_in
