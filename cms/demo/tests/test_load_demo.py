"""`load_demo`: a catalog worth showing, and a second run writes nothing at all."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageLogEntry, Revision

from cms.anime.models import AnimePage, EpisodePage, VideoSource
from cms.anime.schedule import build_schedule
from cms.demo.loader import team_initials
from cms.dubbing.models import DubTeamPage, TitleDubbing
from cms.manga.models import ChapterPage, MangaPage


@pytest.mark.django_db(transaction=False)
def test_demo_catalog_is_complete_and_idempotent(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", "--no-index")

    assert AnimePage.objects.live().count() >= 30
    assert MangaPage.objects.live().count() >= 10
    assert DubTeamPage.objects.live().count() >= 4
    assert ChapterPage.objects.live().exists()
    sources = VideoSource.objects.all()
    assert sources.filter(kind="hls", url__endswith=".m3u8").exists()
    assert sources.filter(kind="hls_variants").exclude(variants={}).exists()
    assert sources.filter(kind="iframe").exists()
    two_dubs = [
        episode
        for episode in EpisodePage.objects.all()
        if len({s.dub_team_id for s in episode.sources.all() if s.language == "uk"}) >= 2
    ]
    assert two_dubs, "some episode must have two Ukrainian dubs"
    assert TitleDubbing.objects.filter(language="ja").exists()
    anime = AnimePage.objects.get(slug="attack-on-titan")
    assert anime.title_native and anime.title_romaji and anime.title_en and anime.year
    assert client.get("/api/v2/titles/?kind=anime").json()["meta"]["total_count"] >= 30

    # A real week: every day of the schedule has a broadcast, with its episode number, and the
    # teams' usual delays give expected dubs.
    for day in range(7):
        days = build_schedule(timezone.now() + dt.timedelta(days=day))["days"]
        assert all(d["items"] for d in days)
        items = [item for d in days for item in d["items"]]
        assert all(item["episode"] for item in items)
        assert any(dub["expected_at"] for item in items for dub in item["dubs"])
    assert EpisodePage.objects.filter(title="Тобі, через 2000 років", number=1).exists()

    counts = (Revision.objects.count(), PageLogEntry.objects.count(), VideoSource.objects.count())
    call_command("load_demo", "--no-index")
    assert (
        Revision.objects.count(),
        PageLogEntry.objects.count(),
        VideoSource.objects.count(),
    ) == counts


def test_team_initials_are_cyrillic_like_the_name():
    assert team_initials("Тиха Гавань") == "ТГ"
    assert team_initials("Кіт у кімоно") == "КУ"
    assert team_initials("Ліхтарик") == "ЛІ"
