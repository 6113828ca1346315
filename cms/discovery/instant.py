"""`GET /api/search/instant/?q=`: the header search box. Up to 8 titles and up to 5 dub teams,
answered from the catalog cache like the `titles/` listing.

The answer's sections come from a registry, the plugin point of this layer: each section is a
search function and a serializer under a key of the answer. Titles and teams are registered
here; a package above cms (forum topics, users) adds its own section from its AppConfig.ready
with `register_section(...)`, so cms never imports it."""

from collections.abc import Callable
from dataclasses import dataclass

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.catalog.cache import anonymous_cache
from cms.catalog.models import TitleKind, TitlePage
from cms.catalog.serializers import DubTeamRefSerializer, TitleSummarySerializer
from cms.dubbing.models import DubTeamPage
from config.api_errors import ApiErrorSerializer, BadParameter, error_body

from .search import SEARCH_DOWN_MESSAGE, SearchUnavailable, search_hits, team_hits

INSTANT_LIMIT = 8
MAX_QUERY_LENGTH = 100


@dataclass(frozen=True)
class Section:
    """One key of the answer: `search(text, kind)` returns objects `serializer` can read."""

    search: Callable[[str, str | None], list]
    serializer: type[serializers.Serializer]


SECTIONS: dict[str, Section] = {}


def register_section(name: str, search: Callable[[str, str | None], list], serializer) -> None:
    """Add (or replace) a section of the instant search answer."""
    SECTIONS[name] = Section(search, serializer)


def in_hit_order(objects, ids: list[int]) -> list:
    by_id = {obj.id: obj for obj in objects}
    return [by_id[pk] for pk in ids if pk in by_id]


def title_results(text: str, kind: str | None) -> list:
    ids = search_hits(text, kind, limit=INSTANT_LIMIT)
    pages = TitlePage.objects.live().public().filter(id__in=ids)
    return in_hit_order(
        pages.only("id", "kind", "title", "title_en", "year", "poster_url", "url_path"), ids
    )


def team_results(text: str, kind: str | None) -> list:
    ids = team_hits(text)
    return in_hit_order(DubTeamPage.ref_queryset().live().public().filter(id__in=ids), ids)


register_section("items", title_results, TitleSummarySerializer)
register_section("teams", team_results, DubTeamRefSerializer)


class InstantSearchSerializer(serializers.Serializer):
    """The answer: one list per registered section (read when the schema is generated, after
    every app has registered its sections)."""

    def get_fields(self):
        return {name: section.serializer(many=True) for name, section in SECTIONS.items()}


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
        responses={200: InstantSearchSerializer, 400: ApiErrorSerializer, 503: ApiErrorSerializer},
    )
    @anonymous_cache("instant", known_parameters={"q", "kind"})
    def get(self, request):
        text = request.query_params.get("q", "").strip()
        kind = request.query_params.get("kind") or None
        if not text:
            raise BadParameter("q", "Вкажіть, що шукати: параметр q не може бути порожнім.")
        if len(text) > MAX_QUERY_LENGTH:
            raise BadParameter("q", f"Запит задовгий: не більше {MAX_QUERY_LENGTH} символів.")
        if kind is not None and kind not in TitleKind.values:
            raise BadParameter("kind", "kind: очікується anime або manga.")
        try:
            data = {
                name: section.serializer(section.search(text, kind), many=True).data
                for name, section in SECTIONS.items()
            }
        except SearchUnavailable:
            return Response(
                error_body(SEARCH_DOWN_MESSAGE), status=status.HTTP_503_SERVICE_UNAVAILABLE
            )
        return Response(data)
