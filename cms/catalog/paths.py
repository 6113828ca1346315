"""Front-end paths of pages."""

from django.conf import settings


def page_path(url_path: str) -> str:
    """Wagtail's url_path starts with the site root's slug ("/home/anime/x/"): drop it."""
    return "/" + url_path.split("/", 2)[-1] if url_path.count("/") > 1 else "/"


def frontend_url(url_path: str) -> str:
    return settings.FRONTEND_URL + page_path(url_path)
