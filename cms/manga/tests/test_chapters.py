"""Chapters: who translated them (a team page or only a name) in the pages API, the three ways a
chapter points at its pages, and the editor's form refusing page images the site could not show."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data

from cms.catalog.models import HomePage
from cms.manga.models import ChapterPage, MangaIndexPage, MangaPage

PAGE = "https://s2.mangadex.network/data/abc/1.png"


def chapter_json(client, chapter) -> dict:
    response = client.get(f"/api/v2/pages/{chapter.pk}/")
    assert response.status_code == 200
    return response.json()


@pytest.mark.django_db
def test_translator_is_the_team_page_or_its_name(client, make_manga, make_team, make_chapter):
    team = make_team("svit-mangy", "Світ манґи")
    manga = make_manga("solo")
    with_team = make_chapter(
        manga, 1, translator=team, translator_name="Світ манґи", page_urls=[PAGE]
    )
    name_only = make_chapter(manga, 2, translator_name="Lonely Scans", mangadex_chapter_id="x-2")
    unknown = make_chapter(manga, 3, mangadex_chapter_id="x-3")

    ref = chapter_json(client, with_team)["translator"]
    assert (ref["id"], ref["slug"], ref["title"]) == (team.pk, "svit-mangy", "Світ манґи")
    assert ref["url"] == "/dub-teams/svit-mangy/"
    assert chapter_json(client, name_only)["translator"] == "Lonely Scans"
    assert chapter_json(client, unknown)["translator"] is None


@pytest.mark.django_db
def test_a_chapter_needs_mangadex_pages_or_a_source(make_manga, make_chapter):
    manga = make_manga("solo")
    external = make_chapter(manga, 1, source_url="https://scans.example/solo/1")
    assert external.page_count == 0
    with pytest.raises(ValidationError, match="посилання на джерело"):
        make_chapter(manga, 2)
    with pytest.raises(ValidationError):
        make_chapter(manga, 3, source_url="javascript:alert(1)")


class ChapterEditingTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        for page in root.get_children():
            page.delete()
        home = root.add_child(instance=HomePage(title="AniHata", slug="home"))
        Site.objects.all().delete()
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
        index = home.add_child(instance=MangaIndexPage(title="Манга", slug="manga"))
        cls.manga = index.add_child(
            instance=MangaPage(title="Соло", slug="solo", format="manhwa", status="ongoing")
        )

    def setUp(self):
        self.login()

    def form(self, number, page_urls) -> dict:
        return nested_form_data(
            {
                "title": f"Розділ {number}",
                "slug": "",
                "number": str(number),
                "language": "uk",
                "page_urls": page_urls,
                "action-publish": "publish",
            }
        )

    def test_editor_adds_a_chapter_of_external_page_images(self):
        urls = f'["{PAGE}", "https://uploads.mangadex.org/data/abc/2.png"]'
        self.assertCanCreate(self.manga, ChapterPage, self.form(7, urls))
        chapter = ChapterPage.objects.get(number=7)
        assert chapter.slug == "7" and chapter.page_count == 2

    def test_page_images_on_other_hosts_are_refused(self):
        url = f"/admin/pages/add/manga/chapterpage/{self.manga.pk}/"
        response = self.client.post(url, self.form(8, '["https://evil.example/1.png"]'))
        assert response.status_code == 200
        errors = " ".join(str(e) for e in response.context["form"].errors["page_urls"])
        assert "evil.example" in errors and "READER_IMAGE_HOSTS" in errors
        assert not ChapterPage.objects.filter(number=8).exists()
