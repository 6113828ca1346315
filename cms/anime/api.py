"""Anime API beyond Wagtail's pages endpoint: the latest published episodes (home page)."""

from django.core.cache import cache
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.catalog.cache import catalog_cache_key, is_cacheable
from cms.catalog.models import TitlePage
from cms.catalog.paths import page_path
from cms.dubbing.models import DubTeamPage

from .models import EpisodePage, VideoSource

MAX_LATEST = 48

TEAM_REF = inline_serializer(
    "DubTeamRef",
    {
        "id": serializers.IntegerField(),
        "slug": serializers.CharField(),
        "title": serializers.CharField(),
        "logo_url": serializers.CharField(allow_null=True),
    },
)
LATEST_EPISODE = inline_serializer(
    "LatestEpisode",
    {
        "id": serializers.IntegerField(),
        "number": serializers.IntegerField(),
        "title": serializers.CharField(),
        "url": serializers.CharField(),
        "published_at": serializers.DateTimeField(allow_null=True),
        "title_page": inline_serializer(
            "LatestEpisodeTitle",
            {
                "id": serializers.IntegerField(),
                "title": serializers.CharField(),
                "url": serializers.CharField(),
                "poster_url": serializers.CharField(),
            },
        ),
        "dub_teams": serializers.ListField(child=TEAM_REF),
    },
)


def latest_episodes(limit: int) -> list[dict]:
    """The newest live episodes with their title and the teams voicing them; 4 queries."""
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
        .only("id", "title", "url_path", "path", "poster_url")
    }
    teams_by_episode: dict[int, dict[int, dict]] = {}
    sources = VideoSource.objects.filter(
        episode_id__in=[e.id for e in episodes], is_active=True, dub_team__isnull=False
    ).values_list("episode_id", "dub_team_id")
    team_ids = {team_id for _, team_id in sources}
    teams = {team.id: team.as_ref() for team in DubTeamPage.ref_queryset().filter(id__in=team_ids)}
    for episode_id, team_id in sources:
        teams_by_episode.setdefault(episode_id, {})[team_id] = teams[team_id]
    items = []
    for episode in episodes:
        title = titles.get(episode.path[: -EpisodePage.steplen])
        if title is None:  # the title is unpublished: its episodes are not shown
            continue
        items.append(
            {
                "id": episode.id,
                "number": episode.number,
                "title": episode.title,
                "url": page_path(episode.url_path),
                "published_at": episode.first_published_at,
                "title_page": {
                    "id": title.id,
                    "title": title.title,
                    "url": page_path(title.url_path),
                    "poster_url": title.poster_url,
                },
                "dub_teams": list(teams_by_episode.get(episode.id, {}).values()),
            }
        )
    return items


class LatestEpisodesView(APIView):
    """`GET /api/v2/episodes/latest/?limit=12`: newest episodes for the home page."""

    authentication_classes: list = []
    permission_classes: list = []

    @extend_schema(
        parameters=[OpenApiParameter("limit", int, description=f"1–{MAX_LATEST}, default 12")],
        responses={
            200: inline_serializer(
                "LatestEpisodes", {"items": serializers.ListField(child=LATEST_EPISODE)}
            )
        },
    )
    def get(self, request):
        raw = request.query_params.get("limit", "12")
        if not raw.isdigit() or not 1 <= int(raw) <= MAX_LATEST:
            return Response(
                {"message": f"limit: ціле число від 1 до {MAX_LATEST}.", "parameter": "limit"},
                status=400,
            )
        key = catalog_cache_key("latest-episodes", request)
        if is_cacheable(request) and (cached := cache.get(key)) is not None:
            return Response(cached)
        data = {"items": latest_episodes(int(raw))}
        if is_cacheable(request):
            cache.set(key, data)
        return Response(data)
