"""Catalog API: the `titles` listing and the Wagtail pages endpoint with caching, prefetching
and 400s (never 500s) for malformed input."""

from django.core.cache import cache
from django.core.exceptions import FieldError, ValidationError
from django.shortcuts import redirect
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.api.v2.views import PagesAPIViewSet

from .cache import catalog_cache_key, is_cacheable
from .paths import frontend_url
from .search import SearchUnavailable
from .titles import TitlesQueryError, parse_titles_query, run_titles_query

PAGE_TYPES = {"anime": "anime.AnimePage", "manga": "manga.MangaPage"}


def serialize_title(page) -> dict:
    return {
        "id": page.id,
        "meta": {
            "type": PAGE_TYPES[page.kind],
            "html_url": frontend_url(page.url_path),
            "slug": page.slug,
        },
        "kind": page.kind,
        "title": page.title,
        "title_en": page.title_en,
        "poster_url": page.poster_url,
        "year": page.year,
        "season": page.season,
        "format": page.format,
        "status": page.status,
        "rating": float(page.rating) if page.rating is not None else None,
        "rating_count": page.rating_count,
        "external_score": float(page.external_score) if page.external_score is not None else None,
        "genres": [
            {"id": g.id, "slug": g.slug, "name": g.name, "name_en": g.name_en}
            for g in page.genres.all()
        ],
        "dub_teams": page.dub_teams,
    }


FACET = inline_serializer(
    "Facet",
    {
        "value": serializers.CharField(),
        "label": serializers.CharField(),
        "count": serializers.IntegerField(),
    },
    many=True,
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
        "items": serializers.ListField(child=serializers.DictField()),
    },
)


class TitlesView(APIView):
    """`GET /api/v2/titles/`: the catalog listing with filters, ordering and facet counts."""

    authentication_classes: list = []
    permission_classes: list = []

    @extend_schema(
        parameters=[
            OpenApiParameter(name, OpenApiTypes.STR, many=name in ("genre", "studio"))
            for name in (
                "kind genre studio year year_from year_to season status format dub_team audio "
                "search order limit offset"
            ).split()
        ],
        responses={200: TITLES_RESPONSE},
    )
    def get(self, request):
        key = catalog_cache_key("titles", request)
        if is_cacheable(request) and (cached := cache.get(key)) is not None:
            return Response(cached)
        try:
            query = parse_titles_query(request.query_params)
        except TitlesQueryError as error:
            return Response(
                {"message": error.message, "parameter": error.parameter},
                status=status.HTTP_400_BAD_REQUEST,
            )
        try:
            result = run_titles_query(query)
        except SearchUnavailable:
            return Response(
                {"message": "Пошук тимчасово недоступний. Спробуйте за хвилину."},
                status=status.HTTP_503_SERVICE_UNAVAILABLE,
            )
        data = {
            "meta": {"total_count": result.total_count, "facets": result.facets},
            "items": [serialize_title(page) for page in result.items],
        }
        if is_cacheable(request):
            cache.set(key, data)
        return Response(data)


class CatalogPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint, plus: anonymous answers cached until the tree changes,
    per-type prefetching (`api_prefetch` on a page model) and 400s for malformed input."""

    def get_queryset(self):
        queryset = super().get_queryset()
        prefetch = getattr(queryset.model, "api_prefetch", None)
        return prefetch(queryset) if prefetch else queryset

    def get_object(self):
        # Wagtail asks for the object more than once per request: prefetch only the first time.
        if not hasattr(self, "_prefetched_object"):
            page = super().get_object()
            prefetch = getattr(type(page), "api_prefetch", None)
            if prefetch:
                page = prefetch(type(page).objects.filter(pk=page.pk))[0]
            self._prefetched_object = page
        return self._prefetched_object

    def cached(self, kind: str, request, produce):
        if not is_cacheable(request):
            return produce()
        key = catalog_cache_key(kind, request)
        cached = cache.get(key)
        if cached is not None:
            status_code, payload = cached
            if status_code == 302:
                return redirect(payload)
            return Response(payload, status=status_code)
        response = produce()
        if response.status_code == 302:
            cache.set(key, (302, response["Location"]))
        elif response.status_code in (200, 404):
            cache.set(key, (response.status_code, response.data))
        return response

    def listing_view(self, request):
        return self.cached(
            "pages", request, lambda: super(CatalogPagesAPIViewSet, self).listing_view(request)
        )

    def detail_view(self, request, pk):
        return self.cached(
            "page", request, lambda: super(CatalogPagesAPIViewSet, self).detail_view(request, pk)
        )

    def find_view(self, request):
        return self.cached(
            "find", request, lambda: super(CatalogPagesAPIViewSet, self).find_view(request)
        )

    def find_object(self, queryset, request):
        if "id" in request.GET and not request.GET["id"].isdigit():
            return None
        return super().find_object(queryset, request)

    def handle_exception(self, exc):
        # Wrong types in field filters or ordering reach the ORM as these: the client's fault.
        if isinstance(exc, (ValueError, TypeError, ValidationError, FieldError, OverflowError)):
            return Response({"message": f"Некоректний запит: {exc}"}, status=400)
        return super().handle_exception(exc)


class PagePreviewAPIViewSet(PagesAPIViewSet):
    """`/api/v2/page_preview/1/?content_type=app.model&token=…`: the draft an editor is
    previewing (wagtail-headless-preview). A bad or expired token is a 404, never a 500."""

    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["content_type", "token"])

    def listing_view(self, request):
        return self.detail_view(request, pk=None)

    def detail_view(self, request, pk):
        return Response(self.get_serializer(self.get_object()).data)

    def get_object(self):
        from django.contrib.contenttypes.models import ContentType
        from django.core.signing import BadSignature
        from django.http import Http404
        from wagtail_headless_preview.models import PagePreview

        app_label, _, model = self.request.GET.get("content_type", "").partition(".")
        try:
            content_type = ContentType.objects.get_by_natural_key(app_label, model)
            page_class = content_type.model_class()
            page_class.get_preview_signer().unsign(self.request.GET.get("token", ""))
            preview = PagePreview.objects.get(
                content_type=content_type, token=self.request.GET["token"]
            )
        except (ContentType.DoesNotExist, AttributeError, BadSignature, PagePreview.DoesNotExist):
            raise Http404("Попередній перегляд не знайдено або він застарів.") from None
        page = preview.as_page()
        if not page.pk:
            page.pk = 0  # a new page: the serializer's URL routing needs some id
        return page
