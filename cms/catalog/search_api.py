"""`GET /api/search/instant/?q=`: the header search box. Up to 8 titles (poster, year, site
path) and up to 5 dub teams, answered from the catalog cache like the `titles/` listing.

Each kind of result is one entry of `RESULT_GROUPS` (a search function and a serializer), so
forum topics or users join later as another group (another key in the answer, a tab on the
search page) without touching the others."""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from .cache import catalog_cache_key, is_cacheable
from .models import TitleKind, TitlePage
from .paths import page_path
from .search import SearchUnavailable, search_hits, team_hits

INSTANT_LIMIT = 8
MAX_QUERY_LENGTH = 100


def title_results(text: str, kind: str | None) -> list[dict]:
    ids = search_hits(text, kind, limit=INSTANT_LIMIT)
    pages = (
        TitlePage.objects.live()
        .public()
        .filter(id__in=ids)
        .only("id", "kind", "title", "title_en", "year", "poster_url", "url_path")
    )
    by_id = {page.id: page for page in pages}
    return [
        {
            "id": page.id,
            "kind": page.kind,
            "title": page.title,
            "title_en": page.title_en,
            "year": page.year,
            "poster_url": page.poster_url,
            "url": page_path(page.url_path),
        }
        for page in (by_id.get(pk) for pk in ids)
        if page is not None
    ]


def team_results(text: str, kind: str | None) -> list[dict]:
    from cms.dubbing.models import DubTeamPage

    ids = team_hits(text)
    teams = {
        team.id: team
        for team in DubTeamPage.objects.live()
        .public()
        .filter(id__in=ids)
        .only("id", "title", "url_path")
    }
    return [
        {"id": team.id, "title": team.title, "url": page_path(team.url_path)}
        for team in (teams.get(pk) for pk in ids)
        if team is not None
    ]


@dataclass(frozen=True)
class ResultGroup:
    search: Callable[[str, str | None], list[dict]]
    serializer: serializers.Serializer


RESULT_GROUPS = {
    "items": ResultGroup(
        title_results,
        inline_serializer(
            "InstantTitle",
            {
                "id": serializers.IntegerField(),
                "kind": serializers.ChoiceField(choices=TitleKind.choices),
                "title": serializers.CharField(),
                "title_en": serializers.CharField(),
                "year": serializers.IntegerField(allow_null=True),
                "poster_url": serializers.CharField(),
                "url": serializers.CharField(help_text="Шлях сторінки на сайті: /anime/<slug>/"),
            },
            many=True,
        ),
    ),
    "teams": ResultGroup(
        team_results,
        inline_serializer(
            "InstantTeam",
            {
                "id": serializers.IntegerField(),
                "title": serializers.CharField(),
                "url": serializers.CharField(),
            },
            many=True,
        ),
    ),
}
ERROR = inline_serializer(
    "SearchError",
    {"message": serializers.CharField(), "parameter": serializers.CharField(required=False)},
)


def bad_request(parameter: str, message: str) -> Response:
    return Response(
        {"message": message, "parameter": parameter}, status=status.HTTP_400_BAD_REQUEST
    )


class InstantSearchView(APIView):
    """Titles (best first, at most 8) and dub teams matching `q`, for the header search box."""

    authentication_classes: list = []
    permission_classes: list = []

    @extend_schema(
        summary="Миттєвий пошук",
        parameters=[
            OpenApiParameter(
                "q",
                OpenApiTypes.STR,
                required=True,
                description=f"Запит, до {MAX_QUERY_LENGTH} символів; будь-якою абеткою.",
            ),
            OpenApiParameter("kind", OpenApiTypes.STR, enum=TitleKind.values),
        ],
        responses={
            200: inline_serializer(
                "InstantSearch", {name: group.serializer for name, group in RESULT_GROUPS.items()}
            ),
            400: ERROR,
            503: ERROR,
        },
    )
    def get(self, request):
        text = request.query_params.get("q", "").strip()
        kind = request.query_params.get("kind") or None
        if not text:
            return bad_request("q", "Вкажіть, що шукати: параметр q не може бути порожнім.")
        if len(text) > MAX_QUERY_LENGTH:
            return bad_request("q", f"Запит задовгий: не більше {MAX_QUERY_LENGTH} символів.")
        if kind is not None and kind not in TitleKind.values:
            return bad_request("kind", "kind: очікується anime або manga.")

        key = catalog_cache_key("instant", request)
        if is_cacheable(request) and (cached := cache.get(key)) is not None:
            return Response(cached)
        try:
            data = {name: group.search(text, kind) for name, group in RESULT_GROUPS.items()}
        except SearchUnavailable as error:
            return Response({"message": str(error)}, status=status.HTTP_503_SERVICE_UNAVAILABLE)
        if is_cacheable(request):
            cache.set(key, data)
        return Response(data)
