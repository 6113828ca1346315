"""The Wagtail admin sign-in is throttled per username and per address (issue 10)."""

import pytest
from django.urls import reverse

from accounts.models import User
from accounts.roles import assign_role

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/"
TOO_MANY = "Забагато невдалих спроб входу"


@pytest.fixture
def boss() -> User:
    user = User.objects.create_user("boss", "boss@example.com", "right-password-1")
    assign_role(user, "admin")
    return user


def attempt(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_right_password_signs_in(client, boss):
    response = attempt(client, "boss", "right-password-1")
    assert response.status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_five_wrong_passwords_lock_the_username(client, boss):
    for n in range(5):
        response = attempt(client, "boss", f"guess-{n}", address=f"203.0.113.{n}")
        assert response.status_code == 200 and TOO_MANY not in response.content.decode()
    # From yet another address, even the right password is refused for now.
    response = attempt(client, "boss", "right-password-1", address="198.51.100.1")
    assert response.status_code == 200
    assert TOO_MANY in response.content.decode()
    assert client.get(reverse("wagtailadmin_home")).status_code == 302
    # Other accounts are not locked by it.
    User.objects.create_user("other", "other@example.com", "pw-other-1")
    assert attempt(client, "other", "pw-other-1", address="198.51.100.1").status_code == 302


def test_ten_failures_from_one_address_lock_that_address(client, boss):
    for n in range(10):
        assert attempt(client, f"user{n}", "nope").status_code == 200
    response = attempt(client, "boss", "right-password-1")
    assert TOO_MANY in response.content.decode()
    assert attempt(client, "boss", "right-password-1", address="192.0.2.50").status_code == 302


def test_successful_sign_ins_do_not_use_up_the_limit(client, boss):
    for _ in range(7):
        assert attempt(client, "boss", "right-password-1").status_code == 302
        client.logout()


def test_the_address_comes_from_the_trusted_proxy_only(client, boss, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # Ten failures through our proxy from one client address, each with a forged extra hop.
    for n in range(10):
        client.post(
            LOGIN,
            {"username": f"user{n}", "password": "nope"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, 203.0.113.9",
        )
    blocked = client.post(
        LOGIN,
        {"username": "boss", "password": "right-password-1"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.9",
    )
    assert TOO_MANY in blocked.content.decode()
