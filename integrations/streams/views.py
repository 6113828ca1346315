"""Playback API: an episode's resolved sources, and visitors' broken-video reports."""

from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from cms.anime.models import EpisodePage, VideoSource

from .models import BrokenVideoReport
from .serializers import (
    PlaybackSerializer,
    ReportInputSerializer,
    ReportResultSerializer,
)
from .services import build_playback

NOT_FOUND = OpenApiResponse(description="No such published episode / source")
# `<int:pk>` accepts any digits; ids past the column's range cannot exist (and would make
# SQLite raise OverflowError), so they are a plain 404.
MAX_PAGE_ID = 2**31 - 1
MAX_SOURCE_ID = 2**63 - 1


class EpisodePlaybackView(APIView):
    """Public: resolved in the request with a short provider timeout, cached per source."""

    authentication_classes = ()
    permission_classes = (AllowAny,)

    @extend_schema(
        operation_id="playback_episode",
        summary="Playable sources of an episode, grouped by language and dub team",
        responses={200: PlaybackSerializer, 404: NOT_FOUND},
        tags=["playback"],
    )
    def get(self, request, pk: int):
        episode = EpisodePage.objects.live().filter(pk=pk).first() if pk <= MAX_PAGE_ID else None
        if episode is None:
            return Response({"detail": "Серію не знайдено."}, status=status.HTTP_404_NOT_FOUND)
        return Response(build_playback(episode))


class ReportThrottle(AnonRateThrottle):
    """Per address: a client dropping its cookie gets a new session, not unlimited reports."""

    scope = "playback-report"
    rate = "30/hour"


class BrokenVideoReportView(APIView):
    """A visitor reports that a source does not play: one report per session, source and day."""

    # No session authentication: the report needs no CSRF token, and it is tied to the
    # session (and the account behind it, read from the plain Django request) either way.
    authentication_classes = ()
    permission_classes = (AllowAny,)
    throttle_classes = (ReportThrottle,)

    @extend_schema(
        operation_id="playback_source_report",
        summary="Report a broken video source",
        request=ReportInputSerializer,
        responses={
            201: ReportResultSerializer,
            200: ReportResultSerializer,
            404: NOT_FOUND,
        },
        tags=["playback"],
    )
    def post(self, request, pk: int):
        source = VideoSource.objects.filter(pk=pk).first() if pk <= MAX_SOURCE_ID else None
        if source is None:
            return Response({"detail": "Відеоджерело не знайдено."}, status=404)
        form = ReportInputSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        session = request._request.session
        if not session.session_key:
            session.save()
        user = request._request.user
        _, created = BrokenVideoReport.objects.get_or_create(
            source=source,
            session_key=session.session_key,
            day=timezone.localdate(),
            defaults={
                "reason": form.validated_data["reason"],
                "user": user if user.is_authenticated else None,
            },
        )
        message = (
            "Дякуємо! Ми перевіримо це відео."
            if created
            else "Ви вже повідомили про це відео сьогодні. Дякуємо!"
        )
        return Response(
            {"created": created, "message": message},
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )
