"""allauth's headless browser API: sign-up, confirmation, login, logout, reset, e-mail change,
no user enumeration, e-mails through the Celery task."""

import re
from urllib.parse import unquote

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client

from accounts.models import User

from .conftest import AUTH_API as API

PASSWORD = "kotyky-i-pesyky-42"


def key_from_last_mail(kind: str) -> str:
    """The key in the front-end link of the newest e-mail (confirm-email or reset-password)."""
    match = re.search(rf"/accounts/{kind}/([^/\s]+)/", mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return unquote(match.group(1))  # the link carries the key URL-encoded


@pytest.fixture
def verified_user(db) -> User:
    user = User.objects.create_user("olena", "olena@example.com", PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.mark.django_db
def test_sign_up_confirm_and_log_in(post):
    client = Client(enforce_csrf_checks=True)
    # The front end reads the CSRF cookie set by the config/session call and echoes it.
    assert client.get(f"{API}/auth/session").status_code == 401
    csrf = client.cookies["csrftoken"].value
    client.defaults["HTTP_X_CSRFTOKEN"] = csrf

    response = post(client, "/auth/signup", {"email": "Taras@Example.com", "password": PASSWORD})
    assert response.status_code == 401
    flows = {flow["id"]: flow for flow in response.json()["data"]["flows"]}
    assert flows["verify_email"]["is_pending"] is True
    user = User.objects.get(email__iexact="taras@example.com")
    assert user.username and "taras" not in user.username.lower()  # nothing from the e-mail

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["taras@example.com"]
    assert mail.outbox[0].subject.startswith("[AniHata]")
    key = key_from_last_mail("confirm-email")

    # Unconfirmed: the password alone does not sign in.
    logged_out = Client()
    blocked = post(logged_out, "/auth/login", {"email": "taras@example.com", "password": PASSWORD})
    assert blocked.status_code == 401
    assert any(
        f["id"] == "verify_email" and f.get("is_pending") for f in blocked.json()["data"]["flows"]
    )

    assert (
        client.get(f"{API}/auth/email/verify", HTTP_X_EMAIL_VERIFICATION_KEY=key).status_code == 200
    )
    confirmed = post(client, "/auth/email/verify", {"key": key})
    assert confirmed.status_code == 200, confirmed.json()
    assert confirmed.json()["data"]["user"]["email"] == "taras@example.com"
    assert EmailAddress.objects.get(user=user).verified

    fresh = Client()
    response = post(fresh, "/auth/login", {"email": "TARAS@example.com", "password": PASSWORD})
    assert response.status_code == 200, response.json()
    assert response.json()["meta"]["is_authenticated"] is True
    assert fresh.get(f"{API}/auth/session").status_code == 200

    assert fresh.delete(f"{API}/auth/session").status_code == 401
    assert fresh.get(f"{API}/auth/session").status_code == 401


@pytest.mark.django_db
def test_csrf_is_required_for_browser_writes(post):
    client = Client(enforce_csrf_checks=True)
    response = post(client, "/auth/signup", {"email": "a@example.com", "password": PASSWORD})
    assert response.status_code == 403
    assert not User.objects.exists()


def test_sign_up_with_a_taken_email_answers_like_a_new_one(verified_user, post):
    new = post(Client(), "/auth/signup", {"email": "new@example.com", "password": PASSWORD})
    taken = post(Client(), "/auth/signup", {"email": "OLENA@example.com", "password": PASSWORD})
    assert taken.status_code == new.status_code == 401
    assert taken.json() == new.json()
    assert User.objects.filter(email__iexact="olena@example.com").count() == 1
    # The owner of the address hears about the attempt; nobody else learns anything.
    assert [m.to for m in mail.outbox] == [["new@example.com"], ["olena@example.com"]]


def test_password_reset_answers_the_same_for_unknown_and_known_email(verified_user, post):
    known = post(Client(), "/auth/password/request", {"email": "olena@example.com"})
    unknown = post(Client(), "/auth/password/request", {"email": "nobody@example.com"})
    assert known.status_code == unknown.status_code == 200
    assert known.json() == unknown.json()

    reset_mail = [m for m in mail.outbox if m.to == ["olena@example.com"]][0]
    key = unquote(re.search(r"/accounts/reset-password/([^/\s]+)/", reset_mail.body).group(1))
    response = post(Client(), "/auth/password/reset", {"key": key, "password": "nove-haslo-2026!"})
    assert response.status_code in (200, 401), response.json()
    login = post(
        Client(), "/auth/login", {"email": "olena@example.com", "password": "nove-haslo-2026!"}
    )
    assert login.status_code == 200


def test_wrong_password_is_rate_limited_per_email(verified_user, post):
    for _ in range(5):
        response = post(Client(), "/auth/login", {"email": "olena@example.com", "password": "bad"})
        assert response.status_code == 400
    limited = post(Client(), "/auth/login", {"email": "olena@example.com", "password": PASSWORD})
    assert limited.status_code in (400, 429)
    assert limited.json()["errors"][0]["message"].startswith("Забагато невдалих спроб")


def test_email_change_needs_confirmation_of_the_new_address(verified_user, post):
    client = Client()
    assert (
        post(
            client, "/auth/login", {"email": "olena@example.com", "password": PASSWORD}
        ).status_code
        == 200
    )
    response = post(client, "/account/email", {"email": "olena.new@example.com"})
    assert response.status_code == 200, response.json()
    verified_user.refresh_from_db()
    assert verified_user.email == "olena@example.com"  # still the old one until confirmed
    key = key_from_last_mail("confirm-email")
    assert post(client, "/auth/email/verify", {"key": key}).status_code == 200
    verified_user.refresh_from_db()
    assert verified_user.email == "olena.new@example.com"
    assert not EmailAddress.objects.filter(email="olena@example.com").exists()


@pytest.mark.django_db
def test_a_trailing_slash_reaches_the_same_view(client, post):
    # Next's trailingSlash redirect (development, e2e) adds one before proxying to Django.
    assert client.get(f"{API}/auth/session/").status_code == 401
    response = post(client, "/auth/signup/", {"email": "slash@example.com", "password": PASSWORD})
    assert response.status_code == 401
    assert User.objects.filter(email="slash@example.com").exists()
    assert client.get(f"{API}/no-such-thing/").status_code == 404


@pytest.mark.django_db
def test_unknown_allauth_path_is_json_not_wagtail(client):
    response = client.get("/_allauth/browser/v1/no-such-thing")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert client.get("/_allauth/").status_code == 404


@pytest.mark.django_db
def test_mail_leaves_through_the_celery_task_after_the_commit(
    django_capture_on_commit_callbacks, monkeypatch
):
    from accounts import tasks

    queued = []
    monkeypatch.setattr(tasks.send_email, "delay", queued.append)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        Client().post(
            f"{API}/auth/signup",
            {"email": "late@example.com", "password": PASSWORD},
            content_type="application/json",
        )
    assert queued == [] and mail.outbox == []  # nothing before the commit
    for callback in callbacks:
        callback()
    [message] = queued
    assert message["to"] == ["late@example.com"]
    assert "/accounts/confirm-email/" in message["body"]
    tasks.send_email(message)  # what the worker runs
    assert mail.outbox[0].subject == message["subject"]
