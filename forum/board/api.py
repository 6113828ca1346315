"""The forum's public API: a title's discussion topic (`GET /api/forum/title-topic/<page>/`)
and the latest topics (`GET /api/forum/latest/?limit=`). Public, the same for everyone:
cacheable."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.catalog.models import TitlePage
from config.api_errors import ApiErrorSerializer, parse_int

from .latest import latest_topics, topic_data
from .serializers import LatestTopicsSerializer, TitleTopicSerializer
from .topics import ensure_title_topic, topic_url

MAX_ID = 2**63 - 1
MAX_LATEST = 20
PUBLIC_CACHE = "public, max-age=60"


class TitleTopicView(APIView):
    permission_classes = (AllowAny,)
    authentication_classes = ()

    @extend_schema(
        operation_id="forum_title_topic",
        summary="The forum topic discussing a title (made on publish)",
        responses={
            200: TitleTopicSerializer,
            404: OpenApiResponse(ApiErrorSerializer, description="Тайтл не знайдено"),
        },
    )
    def get(self, request, page_id: int):
        page = (
            TitlePage.objects.live().filter(pk=page_id).specific().first()
            if page_id <= MAX_ID
            else None
        )
        if page is None:
            raise NotFound("Тайтл не знайдено.")
        topic = ensure_title_topic(page)
        data = {
            "page": page.pk,
            "topic": topic.pk,
            "subject": topic.subject,
            "url": topic_url(topic),
            "replies": max(topic.posts_count - 1, 0),
        }
        response = Response(TitleTopicSerializer(data).data)
        response["Cache-Control"] = PUBLIC_CACHE
        return response


class LatestTopicsView(APIView):
    permission_classes = (AllowAny,)
    authentication_classes = ()

    @extend_schema(
        operation_id="forum_latest",
        summary="The latest forum topics (by last post)",
        parameters=[
            OpenApiParameter("limit", int, description=f"Скільки тем (1–{MAX_LATEST}, типово 5)")
        ],
        responses={
            200: LatestTopicsSerializer,
            400: OpenApiResponse(ApiErrorSerializer, description="Некоректний limit"),
        },
    )
    def get(self, request):
        limit = parse_int(request.query_params, "limit", minimum=1, maximum=MAX_LATEST, default=5)
        results = [topic_data(topic) for topic in latest_topics(limit)]
        response = Response(LatestTopicsSerializer({"results": results}).data)
        response["Cache-Control"] = PUBLIC_CACHE
        return response
