"""Fixtures of the accounts tests."""

import pytest
from django.test import Client

AUTH_API = "/_allauth/browser/v1"


@pytest.fixture
def post(db, django_capture_on_commit_callbacks):
    """POST JSON to allauth's browser API; what the request queued for after its commit (the
    e-mails) runs before the answer is returned, as it would after a real commit."""

    def post(client: Client, path: str, data: dict):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(f"{AUTH_API}{path}", data, content_type="application/json")

    return post
