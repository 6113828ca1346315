"""Anime API beyond Wagtail's pages endpoint: the latest published episodes (home page)."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.catalog.cache import anonymous_cache
from cms.catalog.models import TitlePage
from cms.catalog.serializers import (
    DubTeamRefSerializer,
    EpisodeRefSerializer,
    TitleSummarySerializer,
)
from cms.dubbing.models import DubTeamPage
from config.api_errors import ApiErrorSerializer, parse_int

from .models import EpisodePage, VideoSource

DEFAULT_LATEST = 12
MAX_LATEST = 48


class LatestEpisodeSerializer(EpisodeRefSerializer):
    published_at = serializers.DateTimeField(source="first_published_at", allow_null=True)
    title_page = TitleSummarySerializer()
    dub_teams = DubTeamRefSerializer(many=True)


class LatestEpisodesSerializer(serializers.Serializer):
    items = LatestEpisodeSerializer(many=True)


def latest_episodes(limit: int) -> list[EpisodePage]:
    """The newest live episodes, each with `title_page` and `dub_teams` set; 5 queries."""
    episodes = list(
        EpisodePage.objects.live()
        .public()
        .order_by("-first_published_at", "-id")
        .only("id", "title", "number", "url_path", "path", "first_published_at")[:limit]
    )
    parent_paths = {episode.path[: -EpisodePage.steplen] for episode in episodes}
    titles = {
        title.path: title
        for title in TitlePage.objects.live()
        .filter(path__in=parent_paths)
        .only("id", "kind", "title", "title_en", "year", "url_path", "path", "poster_url")
    }
    sources = (
        VideoSource.objects.active()
        .filter(episode_id__in=[e.id for e in episodes], dub_team__isnull=False)
        .values_list("episode_id", "dub_team_id")
    )
    teams = DubTeamPage.ref_queryset().in_bulk({team_id for _, team_id in sources})
    teams_by_episode: dict[int, dict[int, DubTeamPage]] = {}
    for episode_id, team_id in sources:
        teams_by_episode.setdefault(episode_id, {})[team_id] = teams[team_id]
    items = []
    for episode in episodes:
        episode.title_page = titles.get(episode.path[: -EpisodePage.steplen])
        if episode.title_page is None:  # the title is unpublished: its episodes are not shown
            continue
        episode.dub_teams = list(teams_by_episode.get(episode.id, {}).values())
        items.append(episode)
    return items


class LatestEpisodesView(APIView):
    """`GET /api/v2/episodes/latest/?limit=12`: newest episodes for the home page."""

    authentication_classes: list = []
    permission_classes: list = []

    @extend_schema(
        parameters=[OpenApiParameter("limit", int, description=f"1–{MAX_LATEST}, default 12")],
        responses={200: LatestEpisodesSerializer, 400: ApiErrorSerializer},
    )
    @anonymous_cache("latest-episodes", known_parameters={"limit"})
    def get(self, request):
        limit = parse_int(
            request.query_params, "limit", minimum=1, maximum=MAX_LATEST, default=DEFAULT_LATEST
        )
        return Response(LatestEpisodesSerializer({"items": latest_episodes(limit)}).data)
