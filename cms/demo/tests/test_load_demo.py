"""`load_demo`: a catalog worth showing, and a second run writes nothing at all."""

import pytest
from django.core.management import call_command
from wagtail.models import PageLogEntry, Revision

from cms.anime.models import AnimePage, EpisodePage, VideoSource
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

    counts = (Revision.objects.count(), PageLogEntry.objects.count(), VideoSource.objects.count())
    call_command("load_demo", "--no-index")
    assert (
        Revision.objects.count(),
        PageLogEntry.objects.count(),
        VideoSource.objects.count(),
    ) == counts
