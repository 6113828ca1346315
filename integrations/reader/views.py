"""The reader API: a chapter's pages, and (only when `READER_PROXY_IMAGES` is on) its page
images relayed through us."""

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.manga.models import ChapterPage
from config.api_errors import ApiErrorSerializer, BadParameter, error_body, shown
from outbound import http

from .serializers import QUALITIES, ReaderSerializer
from .services import build_reader, chapter_pages

MAX_PAGE_ID = 2**31 - 1  # `<int:pk>` takes any digits; past the column's range nothing exists
MAX_IMAGE_BYTES = 10 * 1024 * 1024
# Raster images only: an SVG served from our origin could run script in it.
RELAYED_TYPES = ("image/jpeg", "image/png", "image/webp", "image/gif", "image/avif")
NOT_FOUND = OpenApiResponse(ApiErrorSerializer, description="No such published chapter / page")
BAD_QUALITY = OpenApiResponse(ApiErrorSerializer, description="Unknown `quality`")
QUALITY = OpenApiParameter(
    "quality",
    OpenApiTypes.STR,
    enum=list(QUALITIES),
    description="data-saver: MangaDex's smaller images (default: data)",
)
# Page URLs stay valid for minutes, not hours: browsers and nginx may keep the answer briefly.
ANSWER_MAX_AGE = 60


def data_saver(request) -> bool:
    quality = request.GET.get("quality") or "data"
    if quality not in QUALITIES:
        raise BadParameter(
            "quality", f"quality: очікується data або data-saver, отримано «{shown(quality)}»."
        )
    return quality == "data-saver"


def live_chapter(pk: int):
    if pk > MAX_PAGE_ID:
        return None
    return ChapterPage.api_prefetch(ChapterPage.objects.live().filter(pk=pk)).first()


def not_found(message: str = "Розділ не знайдено.") -> Response:
    return Response(error_body(message), status=404)


class ReaderChapterView(APIView):
    """Public: resolved in the request (at-home with a short timeout), cached per chapter."""

    authentication_classes = ()
    permission_classes = (AllowAny,)

    @extend_schema(
        operation_id="reader_chapter",
        summary="A chapter's page images (resolved at read time), its neighbours and source",
        parameters=[QUALITY],
        responses={200: ReaderSerializer, 400: BAD_QUALITY, 404: NOT_FOUND},
        tags=["reader"],
    )
    def get(self, request, pk: int):
        saver = data_saver(request)
        chapter = live_chapter(pk)
        if chapter is None:
            return not_found()
        response = Response(build_reader(chapter, saver))
        patch_cache_control(response, public=True, max_age=ANSWER_MAX_AGE)
        return response


class ReaderPageImageView(APIView):
    """One page image relayed through us: off (404) unless `READER_PROXY_IMAGES`. Only the
    chapter's own resolved pages are fetched (no open proxy), through the guarded client."""

    authentication_classes = ()
    permission_classes = (AllowAny,)

    @extend_schema(
        operation_id="reader_page_image",
        summary="A page image relayed through the site (only when READER_PROXY_IMAGES is on)",
        parameters=[QUALITY],
        responses={
            (200, "image/*"): OpenApiResponse(OpenApiTypes.BINARY, description="The image"),
            400: BAD_QUALITY,
            404: NOT_FOUND,
        },
        tags=["reader"],
    )
    def get(self, request, pk: int, index: int):
        if not settings.READER_PROXY_IMAGES:
            return not_found("Сторінки не передаються через сайт.")
        saver = data_saver(request)
        chapter = live_chapter(pk)
        urls = chapter_pages(chapter, saver)[0] if chapter is not None else []
        if index >= len(urls):
            return not_found("Сторінку не знайдено.")
        try:
            page = http.fetch(
                urls[index],
                hosts=settings.READER_IMAGE_HOSTS,
                timeout=settings.READER_TIMEOUT * 2,
                max_bytes=MAX_IMAGE_BYTES,
            )
        except http.FetchError:
            page = None
        content_type = page.headers.get("content-type", "").split(";")[0].strip() if page else ""
        if page is None or page.status != 200 or content_type not in RELAYED_TYPES:
            return not_found("Сторінка зараз недоступна.")
        response = HttpResponse(page.content, content_type=content_type)
        response["X-Content-Type-Options"] = "nosniff"
        patch_cache_control(response, public=True, max_age=settings.READER_CACHE_TTL)
        return response
