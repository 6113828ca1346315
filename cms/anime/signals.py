"""Signals of the anime app.

- TitleDubbing rows follow the live episodes' active sources (`refresh_anime_dubbings`).
- `sources_published` (sent with `episode=<EpisodePage>, sources=[VideoSource, …]`): active
  sources of a live episode became visible to visitors — the episode was published with active
  sources, or an active source was saved on a live episode. Receivers must tolerate repeats
  (a republish sends the same sources again): the library decides what is new. Whatever else
  makes sources visible (an approval workflow, a bulk activation) sends it too, through
  `announce_sources`.
"""

from django.db.models.signals import post_save
from django.dispatch import Signal
from wagtail.signals import page_published

from cms.dubbing.dubbings import keep_dubbings_in_step, sync_title_dubbings

from .models import AnimePage, EpisodePage, VideoSource

sources_published = Signal()


def refresh_anime_dubbings(anime: AnimePage) -> None:
    """Recompute which teams voice `anime`; call it after changing sources outside a publish."""
    pairs = set(
        VideoSource.objects.filter(
            is_active=True, episode__in=EpisodePage.objects.child_of(anime).live()
        ).values_list("dub_team_id", "language")
    )
    sync_title_dubbings(anime, pairs)


def announce_sources(episode: EpisodePage, sources=None) -> None:
    """Send `sources_published` for `episode`'s active `sources` (default: all of them) if the
    episode is live."""
    if not episode.live:
        return
    if sources is None:
        sources = VideoSource.objects.filter(episode=episode)
    active = [source for source in sources if source.is_active]
    if active:
        sources_published.send(sender=EpisodePage, episode=episode, sources=active)


def on_episode_published(sender, instance, **kwargs):
    announce_sources(instance)


def on_source_saved(sender, instance, raw=False, **kwargs):
    if raw or not instance.is_active:
        return
    episode = EpisodePage.objects.filter(pk=instance.episode_id, live=True).first()
    if episode is not None:
        announce_sources(episode, [instance])


keep_dubbings_in_step(EpisodePage, AnimePage, refresh_anime_dubbings)
page_published.connect(on_episode_published, sender=EpisodePage, weak=False)
post_save.connect(on_source_saved, sender=VideoSource, weak=False)
