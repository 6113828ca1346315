"""The Wagtail dashboard: our summary row instead of Wagtail's page/image/document counts, each
figure shown only to whoever may open what it links to."""

import pytest
from django.urls import reverse
from django.utils import timezone

from cms.anime.models import EpisodePage, VideoSource
from crm.models import DailyStats
from integrations.models import ImportedTitle
from integrations.streams.models import BrokenVideoReport

pytestmark = pytest.mark.django_db

HOME = reverse("wagtailadmin_home")


@pytest.fixture
def figures(make_anime):
    anime = make_anime("broken")
    episode = anime.add_child(instance=EpisodePage(title="1", slug="e1", number=1))
    good = VideoSource.objects.create(episode=episode, provider="direct", url="https://a.test/1")
    VideoSource.objects.create(
        episode=episode, provider="direct", url="https://a.test/2", is_active=False
    )
    BrokenVideoReport.objects.create(source=good, session_key="s1", day=timezone.localdate())
    DailyStats.objects.create(day=timezone.localdate(), registrations=4, active_users=9)
    for n, state in enumerate(("new", "matched", "published")):
        ImportedTitle.objects.create(source="jikan", kind="anime", external_id=str(n), state=state)


def item(page: str, name: str) -> str:
    start = page.index(f'data-testid="crm-summary-{name}"')
    return page[start : page.index("</li>", start)]


def test_a_moderator_sees_the_queue_and_today(client, signed_in, figures):
    signed_in("moderator")
    page = client.get(HOME).content.decode()
    assert "1 <span>скарг на відео" in item(page, "VideoReportsItem")
    assert "4 <span>реєстрацій сьогодні" in item(page, "RegistrationsTodayItem")
    assert "9 <span>активних сьогодні" in item(page, "ActiveTodayItem")
    assert "1 <span>несправних відеоджерел" in item(page, "FailingSourcesItem")
    assert "crm-summary-ImportQueueItem" not in page  # moderators hold no import permissions
    assert reverse("wagtailadmin_explore_root") not in item(page, "VideoReportsItem")
    assert "w-summary" in page and "Pages <span" not in page and "Сторінк" not in page


def test_an_editor_sees_neither_the_queue_nor_the_crm(client, signed_in, figures):
    signed_in("editor")
    page = client.get(HOME).content.decode()
    assert "crm-summary-VideoReportsItem" not in page
    assert "crm-summary-FailingSourcesItem" in page


def test_a_superuser_sees_the_import_queue(client, make_user, figures):
    boss = make_user("root", is_superuser=True, is_staff=True)
    client.force_login(boss)
    page = client.get(HOME).content.decode()
    queue = item(page, "ImportQueueItem")
    assert "2 <span>імпортованих тайтлів" in queue and "state=new" in queue
