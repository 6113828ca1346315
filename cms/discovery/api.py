"""`GET /api/v2/titles/`: the catalog listing with filters, ordering and facet counts. Parsing,
filtering and facets live in `titles.py`; this is the thin view."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.catalog.cache import anonymous_cache
from cms.catalog.models import Language
from cms.catalog.serializers import TitleCardSerializer
from config.api_errors import ApiErrorSerializer, error_body

from .search import SEARCH_DOWN_MESSAGE, SearchUnavailable
from .titles import (
    QUERY_PARAMETERS,
    TRANSLATION_LANGUAGES,
    parse_titles_query,
    run_titles_query,
)

FACET = inline_serializer(
    "Facet",
    {
        "value": serializers.CharField(),
        "label": serializers.CharField(),
        "count": serializers.IntegerField(),
    },
    many=True,
)
# The front end passes the URL's values through (a bad one is a 400), so these are described
# rather than typed as enums.
PARAMETER_DESCRIPTIONS = {
    "audio": "Language of an active video source: {} (anime only; manga never match).".format(
        "|".join(Language.values)
    ),
    "translation": "Language of the live chapters: {} (manga only).".format(
        "|".join(TRANSLATION_LANGUAGES)
    ),
}


def query_parameter(name: str) -> OpenApiParameter:
    return OpenApiParameter(
        name,
        OpenApiTypes.STR,
        many=name in ("genre", "studio"),
        description=PARAMETER_DESCRIPTIONS.get(name, ""),
    )


TITLES_RESPONSE = inline_serializer(
    "TitlesListing",
    {
        "meta": inline_serializer(
            "TitlesMeta",
            {
                "total_count": serializers.IntegerField(),
                "facets": serializers.DictField(child=FACET),
            },
        ),
        "items": TitleCardSerializer(many=True),
    },
)


class TitlesView(APIView):
    """`GET /api/v2/titles/`: the catalog listing with filters, ordering and facet counts."""

    authentication_classes: list = []
    permission_classes: list = []

    @extend_schema(
        parameters=[query_parameter(name) for name in QUERY_PARAMETERS],
        responses={200: TITLES_RESPONSE, 400: ApiErrorSerializer, 503: ApiErrorSerializer},
    )
    @anonymous_cache("titles", known_parameters=QUERY_PARAMETERS)
    def get(self, request):
        query = parse_titles_query(request.query_params)
        try:
            result = run_titles_query(query)
        except SearchUnavailable:
            return Response(
                error_body(SEARCH_DOWN_MESSAGE), status=status.HTTP_503_SERVICE_UNAVAILABLE
            )
        data = {
            "meta": {"total_count": result.total_count, "facets": result.facets},
            "items": TitleCardSerializer(result.items, many=True).data,
        }
        return Response(data)
