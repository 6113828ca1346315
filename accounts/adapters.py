"""allauth adapters: e-mails go out through Celery, usernames never reveal an e-mail address."""

import secrets

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import user_field, user_username
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.db import transaction

from config.client_ip import client_ip

from .tasks import send_email


def serialize_message(message) -> dict:
    """The JSON-safe parts of a rendered EmailMessage (what the Celery task needs)."""
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "alternatives": [
            (str(alt[0]), alt[1]) for alt in getattr(message, "alternatives", []) or []
        ],
        "headers": dict(message.extra_headers or {}),
    }


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": "Забагато невдалих спроб входу. Спробуйте пізніше.",
    }

    def get_client_ip(self, request) -> str:
        """The address the rate limits count by: the one place that knows our proxies."""
        return client_ip(request)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # Rendered here (the context holds the request and model instances), sent by a
        # worker once the transaction that created the confirmation key has committed.
        request = allauth_context.request
        ctx = {"request": request, "email": email, "current_site": get_current_site(request)}
        ctx.update(context)
        message = serialize_message(self.render_mail(template_prefix, email, ctx))
        transaction.on_commit(lambda: send_email.delay(message))

    def populate_username(self, request, user) -> None:
        """A missing username comes from the person's name or is random: the default
        derives it from the e-mail's local part, which the public profile URL would leak."""
        if not user_username(user):
            first_name = user_field(user, "first_name")
            last_name = user_field(user, "last_name")
            fallback = f"user{secrets.randbelow(10**6)}"
            user_username(user, self.generate_unique_username([first_name, last_name, fallback]))
