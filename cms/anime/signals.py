"""Signals of the anime app.

- TitleDubbing rows follow the live episodes' visible sources (`refresh_anime_dubbings`), also
  when a source alone changes (approved, switched on or off, deleted): then every cached
  listing is dropped too.
- `sources_published` (sent with `episode=<EpisodePage>, sources=[VideoSource, …]`): visible
  sources (`VideoSource.objects.active()`: switched on and approved) of a live episode — the
  episode was published with them, or a source of a live episode became visible (approved by an
  editor, published by a trusted team, switched back on). Receivers must tolerate repeats (a
  republish sends the same sources again): the library decides what is new. Anything else that
  makes sources visible sends it through `announce_sources`. A source waiting for approval is
  never announced.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import Signal
from wagtail.signals import page_published

from cms.catalog.cache import invalidate_catalog
from cms.dubbing.dubbings import keep_dubbings_in_step, parent_title, sync_title_dubbings

from .models import AnimePage, EpisodePage, VideoSource

sources_published = Signal()


def refresh_anime_dubbings(anime: AnimePage) -> None:
    """Recompute which teams voice `anime`; call it after changing sources outside a publish."""
    pairs = set(
        VideoSource.objects.active()
        .filter(episode__in=EpisodePage.objects.child_of(anime).live())
        .values_list("dub_team_id", "language")
    )
    sync_title_dubbings(anime, pairs)


def announce_sources(episode: EpisodePage, sources=None) -> None:
    """Send `sources_published` for `episode`'s visible `sources` (default: all of them) if the
    episode is live."""
    if not episode.live:
        return
    if sources is None:
        sources = VideoSource.objects.active().filter(episode=episode)
    visible = [source for source in sources if source.visible]
    if visible:
        sources_published.send(sender=EpisodePage, episode=episode, sources=visible)


def on_episode_published(sender, instance, **kwargs):
    announce_sources(instance)


def remember_visibility(sender, instance, raw=False, **kwargs):
    """Before a save: was the source visible (switched on, approved) until now?"""
    if raw or instance.pk is None:
        instance._was_visible = False
        return
    before = VideoSource.objects.filter(pk=instance.pk).values("is_active", "live").first()
    instance._was_visible = bool(before and before["is_active"] and before["live"])


def source_visibility_changed(source: VideoSource) -> None:
    """A source of a live episode appeared or disappeared for visitors: the title's dub teams
    and every cached listing follow, and a new one is announced."""
    episode = EpisodePage.objects.filter(pk=source.episode_id).live().first()
    if episode is None:
        return
    anime = parent_title(episode, AnimePage)
    if anime is not None:
        refresh_anime_dubbings(anime)
    invalidate_catalog()
    announce_sources(episode, [source])


def on_source_saved(sender, instance, raw=False, **kwargs):
    if not raw and getattr(instance, "_was_visible", False) != instance.visible:
        source_visibility_changed(instance)


def on_source_deleted(sender, instance, **kwargs):
    if instance.visible:
        instance.is_active = False  # gone: refresh as for a source switched off
        transaction.on_commit(lambda: source_visibility_changed(instance))


keep_dubbings_in_step(EpisodePage, AnimePage, refresh_anime_dubbings)
page_published.connect(on_episode_published, sender=EpisodePage, weak=False)
pre_save.connect(remember_visibility, sender=VideoSource, weak=False)
post_save.connect(on_source_saved, sender=VideoSource, weak=False)
post_delete.connect(on_source_deleted, sender=VideoSource, weak=False)
