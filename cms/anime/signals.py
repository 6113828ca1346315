"""Keep an anime's TitleDubbing rows in step with its live episodes' active sources."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.catalog.dubbings import parent_title, sync_title_dubbings

from .models import AnimePage, EpisodePage, VideoSource


def refresh_anime_dubbings(anime: AnimePage) -> None:
    """Recompute which teams voice `anime`; call it after changing sources outside a publish."""
    pairs = set(
        VideoSource.objects.filter(
            is_active=True, episode__in=EpisodePage.objects.child_of(anime).live()
        ).values_list("dub_team_id", "language")
    )
    sync_title_dubbings(anime, pairs)


@receiver(page_published, sender=EpisodePage)
@receiver(page_unpublished, sender=EpisodePage)
@receiver(post_delete, sender=EpisodePage)
def on_episode_changed(sender, instance, **kwargs):
    anime = parent_title(instance, AnimePage)
    if anime is not None:
        refresh_anime_dubbings(anime)


@receiver(post_page_move, sender=EpisodePage)
def on_episode_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    for parent in (parent_page_before, parent_page_after):
        if isinstance(parent.specific, AnimePage):
            refresh_anime_dubbings(parent.specific)
