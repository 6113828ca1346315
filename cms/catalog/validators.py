"""Field validators shared by the catalog apps; messages are for editors, in Ukrainian."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError


def validate_http_url(value: str) -> None:
    parts = urlsplit(value or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValidationError("Адреса має починатися з http:// або https://.", code="http_url")


def validate_poster_url(value: str) -> None:
    """A poster is an absolute http(s) URL, or a path on our own site (demo posters)."""
    if value and not value.startswith("/"):
        validate_http_url(value)
