"""Editors create anime, episodes and video sources in the Wagtail admin; bad input gets a
Ukrainian form error, never a 500."""

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from cms.anime.models import AnimeIndexPage, AnimePage, EpisodePage
from cms.catalog.models import Genre, HomePage
from cms.dubbing.models import DubTeamIndexPage, DubTeamPage

HLS = "https://test-streams.mux.dev/x36xhzz/x36xhzz.m3u8"


def source_form(**overrides) -> dict:
    source = {
        "language": "uk",
        "dub_team": "",
        "provider": "direct",
        "kind": "hls",
        "url": HLS,
        "variants": "{}",
        "subtitles": "[]",
        "is_active": True,
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

    def episode_form(self, number=1, sources=None) -> dict:
        return nested_form_data(
            {
                "title": f"Серія {number}",
                "slug": "",
                "number": str(number),
                "sources": inline_formset(
                    sources if sources is not None else [source_form(dub_team=self.team.pk)]
                ),
            }
        )

    def add_url(self, model, parent) -> str:
        return f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"

    def post(self, model, parent, data):
        return self.client.post(self.add_url(model, parent), data)

    def form_errors(self, response) -> str:
        form = response.context["form"]
        messages = [str(e) for errors in form.errors.values() for e in errors]
        for formset in form.formsets.values():
            for form_errors in formset.errors:
                messages += [str(e) for errors in form_errors.values() for e in errors]
        return " ".join(messages)

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

    def test_editor_creates_an_episode_with_two_sources(self):
        sources = [
            source_form(dub_team=self.team.pk),
            source_form(
                language="ja",
                kind="hls_variants",
                url="",
                variants=f'{{"720": "{HLS}", "1080": "{HLS}"}}',
            ),
        ]
        self.assertCanCreate(self.anime, EpisodePage, self.episode_form(3, sources))
        episode = EpisodePage.objects.child_of(self.anime).get(number=3)
        self.assertEqual(episode.slug, "3")
        self.assertEqual(episode.sources.count(), 2)

    def test_end_date_before_start_date(self):
        response = self.post(AnimePage, self.index, self.anime_form(end_date="2019-01-01"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("Дата завершення не може бути раніше", self.form_errors(response))

    def test_duplicate_episode_number(self):
        self.assertCanCreate(self.anime, EpisodePage, self.episode_form(1))
        response = self.post(EpisodePage, self.anime, self.episode_form(1))
        self.assertEqual(response.status_code, 200)
        self.assertIn("Серія №1 у цього аніме вже є", self.form_errors(response))

    def test_source_without_url_or_variants(self):
        data = self.episode_form(2, [source_form(dub_team=self.team.pk, url="")])
        response = self.post(EpisodePage, self.anime, data)
        self.assertIn("Вкажіть адресу або плейлисти якостей", self.form_errors(response))

    def test_source_url_must_be_http(self):
        data = self.episode_form(
            2, [source_form(dub_team=self.team.pk, url="ftp://example.com/x.m3u8")]
        )
        response = self.post(EpisodePage, self.anime, data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(EpisodePage.objects.filter(number=2).exists())

    def test_variant_urls_must_be_http(self):
        data = self.episode_form(
            2,
            [
                source_form(
                    dub_team=self.team.pk,
                    url="",
                    kind="hls_variants",
                    variants='{"720": "javascript:alert(1)"}',
                )
            ],
        )
        response = self.post(EpisodePage, self.anime, data)
        self.assertIn("http://", self.form_errors(response))

    def test_source_on_a_host_outside_the_allowlist(self):
        data = self.episode_form(
            2, [source_form(dub_team=self.team.pk, url="https://evil.example/stream.m3u8")]
        )
        response = self.post(EpisodePage, self.anime, data)
        self.assertIn("не дозволений для провайдера", self.form_errors(response))

    def test_ukrainian_source_needs_a_team(self):
        response = self.post(EpisodePage, self.anime, self.episode_form(2, [source_form()]))
        self.assertIn("вкажіть команду озвучення", self.form_errors(response))

    def test_manga_format_is_refused_for_anime(self):
        response = self.post(AnimePage, self.index, self.anime_form(format="manhwa"))
        self.assertIn("формат не підходить", self.form_errors(response))
