"""Editors review imported titles in the Wagtail admin: list, diff, publish, merge, ignore."""

import pytest
import respx
from django.urls import reverse

from cms.anime.models import AnimePage
from integrations.importers import review
from integrations.importers.records import TitleRecord
from integrations.models import ImportedTitle, ImportRun
from integrations.tests.conftest import JIKAN
from integrations.tests.recorded import ok
from integrations.tests.test_importer import run_ids

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        username="editor", email="editor@example.com", password="x"
    )
    client.force_login(user)
    return client


@pytest.fixture
def queued(tree, providers):
    with respx.mock:
        respx.get(f"{JIKAN}/anime/52991/full").mock(return_value=ok("jikan/anime_52991_full"))
        run_ids(providers, "jikan", [52991])
    return ImportedTitle.objects.get()


def test_list_and_inspect_show_the_diff(editor, queued):
    listing = editor.get(reverse("wagtailsnippets_integrations_importedtitle:list"))
    assert listing.status_code == 200 and "Sousou no Frieren" not in listing.content.decode()
    assert "Frieren: Beyond Journey&#x27;s End" in listing.content.decode()
    search = reverse("wagtailsnippets_integrations_importedtitle:list_results")
    assert "Beyond Journey" in editor.get(search, {"q": "Frieren"}).content.decode()
    assert "Beyond Journey" not in editor.get(search, {"q": "Naruto"}).content.decode()
    url = reverse("wagtailsnippets_integrations_importedtitle:inspect", args=(queued.pk,))
    page = editor.get(url).content.decode()
    assert "Що зміниться на сторінці" in page and "Опублікувати як нову сторінку" in page
    assert "page-chooser" in page and "Об'єднати з обраною сторінкою" in page
    assert editor.get(reverse("wagtailsnippets_integrations_importrun:list")).status_code == 200
    run = ImportRun.objects.get()
    inspect_run = reverse("wagtailsnippets_integrations_importrun:inspect", args=(run.pk,))
    assert editor.get(inspect_run).status_code == 200


def test_publish_merge_and_ignore_actions(editor, queued, tree):
    review = reverse("integrations_review", args=(queued.pk,))
    response = editor.post(review, {"action": "merge", "page_id": "abc"})
    assert response.status_code == 302 and not AnimePage.objects.exists()
    assert editor.post(review, {"action": "unknown"}).status_code == 302
    editor.post(review, {"action": "publish"})
    assert AnimePage.objects.count() == 1
    editor.post(review, {"action": "publish"})  # twice: still one page
    assert AnimePage.objects.count() == 1
    other = tree["anime"].add_child(
        instance=AnimePage(title="Інша", slug="other", format="tv", external_ids={})
    )
    editor.post(review, {"action": "merge", "page_id": str(other.pk)})
    other.refresh_from_db()
    assert other.external_ids == {"mal": 52991}
    editor.post(review, {"action": "ignore"})
    queued.refresh_from_db()
    assert queued.state == "ignored"


def test_review_needs_permission(client, django_user_model, queued):
    user = django_user_model.objects.create_user(username="v", email="v@example.com", password="x")
    client.force_login(user)
    response = client.post(reverse("integrations_review", args=(queued.pk,)), {"action": "ignore"})
    assert response.status_code in (302, 403)
    queued.refresh_from_db()
    assert queued.state == "new"


def test_imported_titles_come_from_importers_only(editor, queued):
    """No «Add imported title» button, and the add form is refused even to a superuser."""
    add = reverse("wagtailsnippets_integrations_importedtitle:add")
    listing = editor.get(reverse("wagtailsnippets_integrations_importedtitle:list"))
    assert add not in listing.content.decode()
    response = editor.get(add)
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert ImportedTitle.objects.count() == 1


def test_merge_offers_likely_pages_first(editor, queued, tree):
    """Same MAL id first, then names that look alike from the same year; never the rest."""

    def anime(slug, title, **fields):
        page = AnimePage(slug=slug, title=title, format="tv", **{"external_ids": {}, **fields})
        tree["anime"].add_child(instance=page)
        page.save_revision().publish()
        return page

    same_id = anime("frieren-old", "Фрірен (стара сторінка)", external_ids={"mal": 52991})
    alike = anime("sousou", "Фрірен", title_en="Frieren Beyond Journeys End", year=2023)
    anime("other-year", "Frieren: Beyond Journey's End", year=2010)
    anime("naruto", "Наруто", title_en="Naruto", year=2023)
    assert review.likely_matches(TitleRecord.from_json(queued.record)) == [same_id, alike]
    url = reverse("wagtailsnippets_integrations_importedtitle:inspect", args=(queued.pk,))
    page = editor.get(url).content.decode()
    assert "Схожі сторінки" in page and f'value="{alike.pk}"' in page and "Наруто" not in page
