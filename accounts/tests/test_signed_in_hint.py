"""The `anihata_signed_in` cookie follows the session: set at sign-in, gone at sign-out, never
set (nor the session touched) for an anonymous visitor."""

import pytest
from allauth.account.models import EmailAddress
from django.test import Client

from accounts.middleware import SIGNED_IN_COOKIE
from accounts.models import User

API = "/_allauth/browser/v1"


@pytest.mark.django_db
def test_cookie_follows_sign_in_and_out():
    user = User.objects.create_user("hint", "hint@example.com", "pw-hint-123")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    client = Client()
    anonymous = client.get("/api/me/")
    assert SIGNED_IN_COOKIE not in anonymous.cookies
    assert "sessionid" not in anonymous.cookies

    login = client.post(
        f"{API}/auth/login",
        {"email": "hint@example.com", "password": "pw-hint-123"},
        content_type="application/json",
    )
    assert login.status_code == 200
    assert login.cookies[SIGNED_IN_COOKIE].value == "1"
    assert not login.cookies[SIGNED_IN_COOKIE]["httponly"]
    assert client.get("/api/me/").status_code == 200

    logout = client.delete(f"{API}/auth/session")
    assert logout.cookies[SIGNED_IN_COOKIE].value == ""  # deleted
    assert client.get("/api/me/").status_code == 401


@pytest.mark.django_db
def test_a_stale_hint_is_removed(client):
    client.cookies[SIGNED_IN_COOKIE] = "1"
    response = client.get("/api/me/")
    assert response.cookies[SIGNED_IN_COOKIE].value == ""
