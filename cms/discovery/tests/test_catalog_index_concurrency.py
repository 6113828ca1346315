"""Episodes of one title published at the same moment, each by another team: the title's
catalog entry ends with every team (PostgreSQL, real threads, the per-title advisory lock)."""

import pytest
from django.db import connection

from cms.anime.models import EpisodePage, VideoSource
from cms.discovery.index import stale_entries
from cms.discovery.models import CatalogEntry

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL locks"),
]
PARALLEL = 6
HLS = "https://test-streams.mux.dev/x36xhzz/x36xhzz.m3u8"


def test_episodes_published_at_once_leave_every_team_in_the_entry(make_anime, make_team, at_once):
    anime = make_anime("busy")
    teams = [make_team(f"team-{n}") for n in range(PARALLEL)]
    revisions = []
    for number, team in enumerate(teams, start=1):
        episode = EpisodePage(title=f"Серія {number}", slug=str(number), number=number, live=False)
        anime.add_child(instance=episode)
        VideoSource.objects.create(
            episode=episode, dub_team=team, language="uk", kind="hls", provider="direct", url=HLS
        )
        revisions.append(episode.save_revision())
    at_once([revision.publish for revision in revisions])
    entry = CatalogEntry.objects.get(page_id=anime.pk)
    assert sorted(entry.dub_team_ids) == sorted(team.pk for team in teams)
    assert stale_entries() == []
