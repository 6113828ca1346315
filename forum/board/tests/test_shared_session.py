"""One session for the site and the forum: signing in through the headless API (what the
Next.js sign-in form calls) signs the visitor in on /forum/ too, and signing out signs out."""

import pytest
from allauth.account.models import EmailAddress
from django.test import Client

from accounts.models import User

API = "/_allauth/browser/v1"
PASSWORD = "forum-i-sesiya-2026"


@pytest.mark.django_db
def test_a_headless_sign_in_is_a_forum_sign_in(news):
    user = User.objects.create_user("oksana", "oksana@example.com", PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    client = Client(enforce_csrf_checks=True)
    assert client.get(f"{API}/auth/session").status_code == 401
    client.defaults["HTTP_X_CSRFTOKEN"] = client.cookies["csrftoken"].value
    assert "Увійти" in client.get("/forum/").content.decode()

    response = client.post(
        f"{API}/auth/login",
        {"email": "oksana@example.com", "password": PASSWORD},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    html = client.get("/forum/").content.decode()
    assert "oksana" in html and "Увійти" not in html
    assert "Нова тема" in client.get(f"/forum/forum/{news.slug}-{news.pk}/").content.decode()

    client.defaults["HTTP_X_CSRFTOKEN"] = client.cookies["csrftoken"].value  # rotated on login
    assert client.delete(f"{API}/auth/session").status_code == 401
    assert "Увійти" in client.get("/forum/").content.decode()
