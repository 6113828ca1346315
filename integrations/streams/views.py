"""Playback API: an episode's resolved sources, and visitors' broken-video reports."""

from django.contrib.auth import get_user
from django.utils import timezone
from django.utils.crypto import salted_hmac
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.bans import NotBanned
from cms.anime.models import EpisodePage, VideoSource
from config.api_errors import ApiErrorSerializer
from config.client_ip import client_ip, count_hit

from .models import BrokenVideoReport
from .serializers import (
    PlaybackSerializer,
    ReportInputSerializer,
    ReportResultSerializer,
)
from .services import build_playback

NOT_FOUND = OpenApiResponse(ApiErrorSerializer, description="No such published episode / source")
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


REPORTS_PER_HOUR = 30  # per client address, whatever cookies or headers it sends


def visitor_key(request, address: str) -> str:
    """Who reports: the session when there is one; otherwise the address, hashed (an anonymous
    report creates no session, so the address is all there is to tell visitors apart)."""
    session_key = request.session.session_key
    if session_key:
        return session_key
    return "addr:" + salted_hmac("broken-video-report", address).hexdigest()[:40]


class BrokenVideoReportView(APIView):
    """A visitor reports that a source does not play: one report per visitor, source and day,
    at most 30 an hour per client address."""

    # No session authentication: the report needs no CSRF token; the session and the account
    # behind it are read from the plain Django request, never created for the report.
    authentication_classes = ()
    permission_classes = (NotBanned,)

    @extend_schema(
        operation_id="playback_source_report",
        summary="Report a broken video source",
        request=ReportInputSerializer,
        responses={
            201: ReportResultSerializer,
            200: ReportResultSerializer,
            404: NOT_FOUND,
            429: OpenApiResponse(
                ApiErrorSerializer, description="Too many reports from this address"
            ),
        },
        tags=["playback"],
    )
    def post(self, request, pk: int):
        address = client_ip(request)
        hits = count_hit("broken-video-report", address, 3600)
        if hits is not None and hits > REPORTS_PER_HOUR:
            return Response(
                {"detail": "Забагато скарг з вашої адреси. Спробуйте пізніше."},
                status=status.HTTP_429_TOO_MANY_REQUESTS,
            )
        source = VideoSource.objects.filter(pk=pk).first() if pk <= MAX_SOURCE_ID else None
        if source is None:
            return Response({"detail": "Відеоджерело не знайдено."}, status=404)
        form = ReportInputSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        # DRF set request._request.user to anonymous (no authentication classes here).
        user = get_user(request._request)
        _, created = BrokenVideoReport.objects.get_or_create(
            source=source,
            session_key=visitor_key(request._request, address),
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
