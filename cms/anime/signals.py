"""Keep an anime's TitleDubbing rows in step with its live episodes' active sources."""

from cms.dubbing.dubbings import keep_dubbings_in_step, sync_title_dubbings

from .models import AnimePage, EpisodePage, VideoSource


def refresh_anime_dubbings(anime: AnimePage) -> None:
    """Recompute which teams voice `anime`; call it after changing sources outside a publish."""
    pairs = set(
        VideoSource.objects.filter(
            is_active=True, episode__in=EpisodePage.objects.child_of(anime).live()
        ).values_list("dub_team_id", "language")
    )
    sync_title_dubbings(anime, pairs)


keep_dubbings_in_step(EpisodePage, AnimePage, refresh_anime_dubbings)
