"""Create (or update) the anime whose episodes point at the local HLS fixture server.

Used by the player's end-to-end spec and bench: ``manage.py seed_playback_fixture --base-url
http://127.0.0.1:<port>``. Prints one JSON line with the page ids the spec needs. Episode 1 has
two Ukrainian dubs (a master playlist and per-quality playlists) and intro marks, episode 2 an
iframe source, episode 3 a source whose playlist is gone (the dead-source message).
``--unpublish`` takes the fixture off the site again, so specs that run later see only the demo
catalog; its pages are kept (not deleted) so the next seed republishes the same page ids and
the front end's cached pages stay valid.
"""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator
from django.db import transaction

from cms.anime.models import AnimeIndexPage, AnimePage, EpisodePage, VideoSource
from cms.demo.loader import DemoStats, ensure_home, sync_sources, upsert_page
from cms.dubbing.models import DubTeamIndexPage, DubTeamPage

ANIME_SLUG = "playback-fixture"
QUALITIES = (720, 480, 360)
INTRO = (2, 6)


def fixture_sources(base: str, episode: int, teams: dict) -> list[VideoSource]:
    if episode == 1:
        sources = [
            VideoSource(
                dub_team=teams["a"],
                language="uk",
                kind="hls",
                provider="direct",
                url=f"{base}/dub-a/master.m3u8",
                subtitles=[{"lang": "uk", "url": f"{base}/subs/uk.vtt"}],
            ),
            VideoSource(
                dub_team=teams["b"],
                language="uk",
                kind="hls_variants",
                provider="direct",
                variants={str(h): f"{base}/dub-b/{h}/index.m3u8" for h in QUALITIES},
            ),
        ]
    elif episode == 2:
        sources = [
            VideoSource(
                dub_team=teams["a"],
                language="uk",
                kind="iframe",
                provider="direct",
                url=f"{base}/iframe.html",
            )
        ]
    else:
        sources = [
            VideoSource(
                dub_team=teams["a"],
                language="uk",
                kind="hls",
                provider="direct",
                url=f"{base}/gone/master.m3u8",
            )
        ]
    for order, source in enumerate(sources):
        source.sort_order = order
    return sources


@transaction.atomic
def seed(base_url: str) -> dict:
    base = base_url.rstrip("/")
    stats = DemoStats()
    home = ensure_home(stats)
    anime_index = AnimeIndexPage.objects.first() or upsert_page(
        home, AnimeIndexPage, "anime", {"title": "Аніме"}, stats
    )
    team_index = DubTeamIndexPage.objects.first() or upsert_page(
        home, DubTeamIndexPage, "dub-teams", {"title": "Команди озвучення"}, stats
    )
    teams = {
        key: publish_live(
            upsert_page(team_index, DubTeamPage, f"fixture-dub-{key}", {"title": title}, stats)
        )
        for key, title in (("a", "Озвучка А"), ("b", "Озвучка Б"))
    }
    anime = publish_live(
        upsert_page(
            anime_index,
            AnimePage,
            ANIME_SLUG,
            {"title": "Тестовий плеєр", "format": "tv", "status": "ongoing", "year": 2026},
            stats,
        )
    )
    episodes = {}
    for number in (1, 2, 3):
        fields = {"title": f"Серія {number}", "number": number, "duration": 20}
        if number == 1:
            fields.update(intro_start=INTRO[0], intro_end=INTRO[1])
        episode = publish_live(upsert_page(anime, EpisodePage, str(number), fields, stats))
        sync_sources(episode, fixture_sources(base, number, teams), stats)
        # A previous run's health checks must not leave the fixture deactivated.
        VideoSource.objects.filter(episode=episode).update(is_active=True, consecutive_failures=0)
        episodes[number] = episode.pk
    return {
        "anime": anime.pk,
        "slug": ANIME_SLUG,
        "episodes": episodes,
        "teams": {key: {"id": t.pk, "slug": t.slug} for key, t in teams.items()},
    }


def fixture_pages() -> list:
    """The fixture's pages, children before parents."""
    animes = list(AnimePage.objects.filter(slug=ANIME_SLUG))
    episodes = [episode for anime in animes for episode in EpisodePage.objects.child_of(anime)]
    teams = list(DubTeamPage.objects.filter(slug__startswith="fixture-dub-"))
    return [*episodes, *animes, *teams]


def publish_live(page):
    """upsert_page publishes only changes; an unpublished, unchanged page is published here."""
    if not page.live:
        page.save_revision(log_action=False).publish(log_action=False)
    return page


@transaction.atomic
def unpublish_fixture() -> int:
    pages = [page for page in fixture_pages() if page.live]
    for page in pages:
        page.unpublish(log_action=False)
    return len(pages)


class Command(BaseCommand):
    help = "Seed an anime whose sources point at the local HLS fixture server (player tests)."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", help="e.g. http://127.0.0.1:4100")
        parser.add_argument(
            "--unpublish", action="store_true", help="take the fixture off the site instead"
        )

    def handle(self, *args, base_url: str | None, unpublish: bool, **options):
        if unpublish:
            self.stdout.write(json.dumps({"unpublished": unpublish_fixture()}))
            return
        if not base_url:
            raise CommandError("--base-url is required (or --unpublish)")
        try:
            URLValidator(schemes=["http", "https"])(base_url)
        except ValidationError as exc:
            raise CommandError(f"--base-url is not an http(s) URL: {base_url}") from exc
        self.stdout.write(json.dumps(seed(base_url)))
