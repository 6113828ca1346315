"""Library's part of the demo (through cms.demo's `demo_loaded`, after accounts' demo viewers):
each episode a demo viewer watched is a play of one of the episode's sources that day, so
studio analytics and the top-teams chart show figures on a fresh demo. Deterministic and
idempotent (plays are unique per user, source and day)."""

from __future__ import annotations

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from accounts.demo import EMAIL_DOMAIN
from accounts.models import ReputationEvent
from cms.anime.models import EpisodePage, VideoSource

from .models import Play


def load_demo_plays(**kwargs) -> int:
    """Returns how many plays were added."""
    watched = ReputationEvent.objects.filter(
        kind="episode_watched",
        source_type=ContentType.objects.get_for_model(EpisodePage),
        user__email__endswith=f"@{EMAIL_DOMAIN}",
    ).values_list("user_id", "source_id", "created_at")
    sources = defaultdict(list)
    for episode_id, source_id in (
        VideoSource.objects.active().order_by("pk").values_list("episode_id", "pk")
    ):
        sources[str(episode_id)].append(source_id)
    plays = [
        # The viewer's id picks one of the episode's dubs, the same one on every run.
        Play(user_id=user_id, source_id=choices[user_id % len(choices)], day=timezone.localdate(at))
        for user_id, episode_id, at in watched
        if (choices := sources.get(episode_id))
    ]
    return len(Play.objects.bulk_create(plays, ignore_conflicts=True))
