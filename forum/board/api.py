"""The forum's public API: a title's discussion topic (`GET /api/forum/title-topic/<page>/`)
and the latest topics (`GET /api/forum/latest/?limit=`). Public, the same for everyone:
cacheable."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from machina.apps.forum_conversation.models import Post
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.catalog.models import TitlePage
from config.api_errors import ApiErrorSerializer, parse_int
from forum.discussions.api import BAD_REQUEST, FORBIDDEN, NOT_FOUND, Writer
from forum.discussions.serializers import VoteInputSerializer, VoteResultSerializer

from .latest import latest_topics, public_posts, topic_data
from .posts import vote_on_post
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


def get_public_post(pk: int) -> Post:
    """An approved post of a topic anyone may read, or 404."""
    post = public_posts().select_related("poster").filter(pk=pk).first() if pk <= MAX_ID else None
    if post is None:
        raise NotFound("Допис не знайдено.")
    return post


class ForumPostVoteView(APIView):
    permission_classes = (Writer,)

    @extend_schema(
        operation_id="forum_post_vote",
        summary="Like (1), dislike (-1) or withdraw (0) your vote on a forum post",
        request=VoteInputSerializer,
        responses={200: VoteResultSerializer, 400: BAD_REQUEST, 403: FORBIDDEN, 404: NOT_FOUND},
    )
    def post(self, request, pk: int):
        post = get_public_post(pk)
        form = VoteInputSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        if post.poster_id is None:
            raise ValidationError("За службовий допис голосувати не можна.")
        return Response(vote_on_post(request.user, post, form.validated_data["value"]))
