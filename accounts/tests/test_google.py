"""Google sign-in through the headless API: a verified Google address signs in to (and links)
the account that already has it. Google's token endpoint is faked at the HTTP session."""

import time
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialAccount
from django.test import Client, override_settings

from accounts.models import User

CLIENT_ID = "test-client.apps.googleusercontent.com"
PROVIDERS = {
    "google": {
        "SCOPE": ["profile", "email"],
        "EMAIL_AUTHENTICATION": True,
        "APPS": [{"client_id": CLIENT_ID, "secret": "test-secret", "key": ""}],
    }
}


class FakeResponse:
    status_code = 200
    headers = {"content-type": "application/json"}

    def __init__(self, payload):
        self.payload = payload
        self.text = "{}"
        self.content = b"{}"

    def json(self):
        return self.payload


class FakeGoogle:
    """What Google's token endpoint answers: an access token and an id_token for `email`."""

    def __init__(self, email: str):
        self.email = email
        self.requests = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def request(self, method, url, **kwargs):
        self.requests.append(url)
        now = int(time.time())
        claims = {
            "iss": "https://accounts.google.com",
            "aud": CLIENT_ID,
            "sub": "google-uid-1",
            "email": self.email,
            "email_verified": True,
            "name": "Оксана Коваль",
            "iat": now,
            "exp": now + 600,
        }
        id_token = jwt.encode(claims, "unused", algorithm="HS256")
        return FakeResponse({"access_token": "at", "expires_in": 600, "id_token": id_token})


@pytest.fixture
def existing(db) -> User:
    user = User.objects.create_user("oksana", "oksana@example.com", "x")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def sign_in_with_google(client: Client, email: str, monkeypatch) -> FakeGoogle:
    google = FakeGoogle(email)
    monkeypatch.setattr(DefaultSocialAccountAdapter, "get_requests_session", lambda self: google)
    start = client.post(
        "/_allauth/browser/v1/auth/provider/redirect",
        {"provider": "google", "callback_url": "/accounts/google/callback/", "process": "login"},
    )
    assert start.status_code == 302
    location = urlsplit(start["Location"])
    assert location.netloc == "accounts.google.com"
    query = parse_qs(location.query)
    assert query["redirect_uri"][0].endswith("/_allauth/google/login/callback/")
    back = client.get(
        "/_allauth/google/login/callback/", {"code": "one-time-code", "state": query["state"][0]}
    )
    assert back.status_code == 302, back.content[:300]
    assert back["Location"].endswith("/accounts/google/callback/")
    return google


@override_settings(SOCIALACCOUNT_PROVIDERS=PROVIDERS)
def test_google_links_the_account_with_the_same_verified_email(existing, monkeypatch):
    client = Client()
    google = sign_in_with_google(client, "Oksana@Example.com", monkeypatch)
    assert google.requests == ["https://oauth2.googleapis.com/token"]
    assert SocialAccount.objects.get(provider="google").user == existing
    assert User.objects.count() == 1
    session = client.get("/_allauth/browser/v1/auth/session")
    assert session.status_code == 200
    assert session.json()["data"]["user"]["email"] == "oksana@example.com"


@override_settings(SOCIALACCOUNT_PROVIDERS=PROVIDERS)
def test_google_signs_up_a_new_person(db, monkeypatch):
    client = Client()
    sign_in_with_google(client, "new.person@example.com", monkeypatch)
    user = User.objects.get(email="new.person@example.com")
    assert "new.person" not in user.username
    assert EmailAddress.objects.get(user=user).verified
    assert client.get("/api/me/").json()["email"] == "new.person@example.com"
