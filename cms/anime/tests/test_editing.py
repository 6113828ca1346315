"""Editors create anime, episodes and video sources in the Wagtail admin; bad input gets a
Ukrainian form error, never a 500."""

from django.urls import reverse
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from cms.anime.models import AnimeIndexPage, AnimePage, EpisodePage, VideoSource
from cms.catalog.models import Genre, HomePage
from cms.catalog.tests.form_data import list_rows
from cms.dubbing.models import DubTeamIndexPage, DubTeamPage

HLS = "https://test-streams.mux.dev/x36xhzz/x36xhzz.m3u8"


def source_form(episode, **overrides) -> dict:
    """The sources admin's add form (sources are rows of their own, not episode content)."""
    source = {
        "episode": episode.pk,
        "language": "uk",
        "dub_team": "",
        "provider": "direct",
        "kind": "hls",
        "url": HLS,
        "is_active": "on",
        "action-publish": "publish",
        **list_rows("variants", []),
        **list_rows("subtitles", []),
    }
    source.update(overrides)
    return source


class AnimeEditingTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        for page in root.get_children():
            page.delete()
        cls.home = root.add_child(instance=HomePage(title="AniHata", slug="home"))
        Site.objects.all().delete()
        Site.objects.create(hostname="localhost", root_page=cls.home, is_default_site=True)
        cls.index = cls.home.add_child(instance=AnimeIndexPage(title="Аніме", slug="anime"))
        teams = cls.home.add_child(instance=DubTeamIndexPage(title="Команди", slug="dub-teams"))
        cls.team = teams.add_child(instance=DubTeamPage(title="Лелека Даб", slug="leleka"))
        cls.genre = Genre.objects.create(name="Екшн", name_en="Action", slug="action")
        cls.anime = cls.index.add_child(
            instance=AnimePage(title="Атака титанів", slug="aot", format="tv", status="finished")
        )
        cls.episode = cls.anime.add_child(instance=EpisodePage(title="Серія 1", slug="1", number=1))

    def setUp(self):
        self.login()

    def anime_form(self, **overrides) -> dict:
        data = {
            "title": "Магічна битва",
            "slug": "jujutsu-kaisen",
            "title_en": "Jujutsu Kaisen",
            "title_romaji": "Jujutsu Kaisen",
            "title_native": "呪術廻戦",
            "synonyms": '["JJK"]',
            "description": rich_text("<p>Юдзі Ітадорі ковтає палець демона.</p>"),
            "format": "tv",
            "status": "finished",
            "start_date": "2020-10-03",
            "end_date": "2021-03-27",
            "season": "fall",
            "year": "2020",
            "external_ids": '{"mal": 40748}',
            "broadcast_timezone": "Asia/Tokyo",
            "action-publish": "publish",
        }
        data.update(overrides)
        form = nested_form_data(data)
        form["genres"] = [self.genre.pk]  # a multi-select, not a nested list
        return form

    def episode_form(self, number=1) -> dict:
        return nested_form_data({"title": f"Серія {number}", "slug": "", "number": str(number)})

    def post_source(self, **overrides):
        url = reverse(VideoSource.snippet_viewset.get_url_name("add"))
        return self.client.post(url, source_form(self.episode, **overrides))

    def add_url(self, model, parent) -> str:
        return f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"

    def post(self, model, parent, data):
        return self.client.post(self.add_url(model, parent), data)

    def form_errors(self, response) -> str:
        form = response.context["form"]
        return " ".join(str(e) for errors in form.errors.values() for e in errors)

    def test_tree_is_locked(self):
        self.assertAllowedParentPageTypes(AnimePage, {AnimeIndexPage})
        self.assertAllowedSubpageTypes(AnimePage, {EpisodePage})
        self.assertAllowedSubpageTypes(EpisodePage, set())

    def test_editor_creates_a_title(self):
        self.assertCanCreate(self.index, AnimePage, self.anime_form())
        page = AnimePage.objects.get(slug="jujutsu-kaisen")
        self.assertEqual(page.kind, "anime")
        self.assertEqual(page.synonyms, ["JJK"])
        self.assertEqual(list(page.genres.all()), [self.genre])

    def test_editor_adds_two_sources_to_an_episode(self):
        self.assertEqual(self.post_source(dub_team=self.team.pk).status_code, 302)
        variants = list_rows(
            "variants", [{"quality": "720", "url": HLS}, {"quality": "1080", "url": HLS}]
        )
        response = self.post_source(language="ja", kind="hls_variants", url="", **variants)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.episode.sources.count(), 2)
        japanese = self.episode.sources.get(language="ja")
        self.assertEqual(japanese.variants, {"720": HLS, "1080": HLS})
        self.assertTrue(japanese.live)

    def test_episode_editor_lists_its_sources(self):
        VideoSource.objects.create(
            episode=self.episode, dub_team=self.team, provider="direct", url=HLS
        )
        response = self.client.get(f"/admin/pages/{self.episode.pk}/edit/")
        self.assertContains(response, "Лелека Даб")
        self.assertContains(response, f"?episode={self.episode.pk}")

    def test_end_date_before_start_date(self):
        response = self.post(AnimePage, self.index, self.anime_form(end_date="2019-01-01"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("Дата завершення не може бути раніше", self.form_errors(response))

    def test_duplicate_episode_number(self):
        self.assertCanCreate(self.anime, EpisodePage, self.episode_form(2))
        response = self.post(EpisodePage, self.anime, self.episode_form(2))
        self.assertEqual(response.status_code, 200)
        self.assertIn("Серія №2 у цього аніме вже є", self.form_errors(response))

    def test_source_without_url_or_variants(self):
        response = self.post_source(dub_team=self.team.pk, url="")
        self.assertIn("Вкажіть адресу або плейлисти якостей", self.form_errors(response))

    def test_source_url_must_be_http(self):
        response = self.post_source(dub_team=self.team.pk, url="ftp://example.com/x.m3u8")
        self.assertEqual(response.status_code, 200)
        self.assertFalse(VideoSource.objects.exists())

    def test_variant_urls_must_be_http(self):
        variants = list_rows("variants", [{"quality": "720", "url": "javascript:alert(1)"}])
        response = self.post_source(dub_team=self.team.pk, url="", kind="hls_variants", **variants)
        self.assertIn("http://", self.form_errors(response))

    def test_source_on_a_host_outside_the_allowlist(self):
        response = self.post_source(dub_team=self.team.pk, url="https://evil.example/stream.m3u8")
        self.assertIn("не дозволений для провайдера", self.form_errors(response))

    def test_ukrainian_source_needs_a_team(self):
        response = self.post_source()
        self.assertIn("вкажіть команду озвучення", self.form_errors(response))

    def test_broken_row_data_is_a_form_error_not_a_500(self):
        response = self.post_source(**{"variants-count": "x", "kind": "hls_variants", "url": ""})
        self.assertEqual(response.status_code, 200)
        self.assertIn("плейлисти якостей", self.form_errors(response))

    def test_manga_format_is_refused_for_anime(self):
        response = self.post(AnimePage, self.index, self.anime_form(format="manhwa"))
        self.assertIn("формат не підходить", self.form_errors(response))
