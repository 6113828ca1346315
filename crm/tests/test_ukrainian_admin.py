"""The staff screens speak Ukrainian: crawl the dashboard and every CRM screen as a moderator
and as an admin and look for English words (crm/locale/uk overrides what Wagtail's Ukrainian
catalogue misses)."""

import pytest
from django.urls import reverse
from django.utils.translation import gettext, override
from wagtail.models import PageLogEntry

from forum.discussions import comments, moderation
from forum.discussions.comments import post_comment

from .english import english_phrases

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(make_user, make_anime, monkeypatch):
    monkeypatch.setattr(comments, "RATE_LIMITS", ((10_000, 10),))
    # The page Wagtail's migration created (and the fixtures deleted) is logged in English.
    PageLogEntry.objects.all().delete()
    page = make_anime("frieren", title="Фрірен")
    author, reader = make_user("автор"), make_user("читач")
    comment = post_comment(author, page, "Спойлер у першому рядку")
    moderation.file_report(reader, comment, "spoiler", "Без попередження")
    return author


def screens(target) -> list[str]:
    card = reverse("crm_users:card", args=[target.pk])
    return [
        reverse("wagtailadmin_home"),
        reverse("crm_users:index"),
        f"{reverse('crm_users:index')}?q=нікого",
        card,
        reverse("crm_users:ban", args=[target.pk]),
        reverse("crm_moderation:index"),
        reverse("crm_stats:index"),
        reverse("crm_audit:index"),
        reverse("crm_bans:index"),
    ]


@pytest.mark.parametrize("role", ["moderator", "admin"])
def test_staff_screens_have_no_english_words(client, signed_in, content, role):
    signed_in(role, "персонал")
    urls = screens(content) + ([reverse("crm_roles:index")] if role == "admin" else [])
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        phrases = english_phrases(response.content.decode())
        if phrases:
            found[url] = phrases
    assert found == {}


def test_the_overrides_named_in_the_issue():
    with override("uk"):
        assert gettext("Search all pages…") == "Шукати на всіх сторінках…"
        assert gettext("Exploring") == "Перегляд"
        assert gettext("Pages") == "Сторінки"
        assert "1–35 з 35" in gettext(
            "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"
        ) % {"start_index": 1, "end_index": 35, "items_count": 35, "model_name": "тайтли"}
