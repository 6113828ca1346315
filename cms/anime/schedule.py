"""``GET /api/schedule/``: the broadcast schedule of airing anime for the next seven days in
Kyiv time, with the dub teams expected to voice each episode.

Occurrences come from the title's fields (filled by the importers): ``next_episode_at`` (exact,
from AniList) repeated weekly, otherwise ``broadcast_weekday`` + ``broadcast_time`` in
``broadcast_timezone`` (Jikan). This module reads AnimePage only; it imports nothing from
``integrations``.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.anime.models import AnimePage
from cms.catalog.serializers import DubTeamRefSerializer, TitleSummarySerializer

KYIV = ZoneInfo("Europe/Kyiv")
WEEK = dt.timedelta(days=7)
DAYS = 7


class ScheduleItemSerializer(serializers.Serializer):
    title = TitleSummarySerializer()
    episode = serializers.IntegerField(allow_null=True, help_text="null when unknown")
    airs_at = serializers.DateTimeField(help_text="ISO 8601 in Kyiv time")
    dubs = DubTeamRefSerializer(many=True)


class ScheduleDaySerializer(serializers.Serializer):
    date = serializers.DateField()
    weekday = serializers.IntegerField(help_text="0 = Monday … 6 = Sunday")
    items = ScheduleItemSerializer(many=True)


class ScheduleSerializer(serializers.Serializer):
    days = ScheduleDaySerializer(many=True)


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name or "Asia/Tokyo")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("Asia/Tokyo")


def airings(
    anime: AnimePage, start: dt.datetime, end: dt.datetime
) -> list[tuple[dt.datetime, int | None]]:
    """(moment, episode number) of each broadcast of ``anime`` in [start, end)."""
    if anime.next_episode_at:
        anchor = anime.next_episode_at
        # Weekly repeats of the known next airing (k < 0: weeks already past, e.g. this morning).
        k = -((anchor - start) // WEEK)  # the first k with anchor + k weeks >= start
        moments = []
        while anchor + k * WEEK < end:
            number = anime.next_episode_number + k if anime.next_episode_number else None
            if number is None or number >= 1:
                moments.append((anchor + k * WEEK, number))
            k += 1
        return _within_total(anime, moments)
    if anime.broadcast_weekday is None or anime.broadcast_time is None:
        return []
    zone = _zone(anime.broadcast_timezone)
    local_start = start.astimezone(zone).date() - dt.timedelta(days=1)
    moments = []
    for offset in range(DAYS + 2):
        day = local_start + dt.timedelta(days=offset)
        if day.weekday() == anime.broadcast_weekday:
            moment = dt.datetime.combine(day, anime.broadcast_time, tzinfo=zone)
            if start <= moment < end:
                moments.append((moment, None))
    return moments


def _within_total(anime, moments):
    total = anime.episodes_total
    return [(m, n) for m, n in moments if not (total and n and n > total)]


def build_schedule(now: dt.datetime) -> dict:
    today = now.astimezone(KYIV).date()
    start = dt.datetime.combine(today, dt.time(0), tzinfo=KYIV)
    end = start + dt.timedelta(days=DAYS)
    days = {today + dt.timedelta(days=i): [] for i in range(DAYS)}
    titles = (
        AnimePage.objects.live()
        .filter(status="ongoing")
        .exclude(broadcast_weekday__isnull=True, next_episode_at__isnull=True)
        .prefetch_related("dubbings__dub_team__logo__renditions")
        .order_by("pk")
    )
    for anime in titles:
        dubs = anime.dub_teams
        for moment, number in airings(anime, start, end):
            local = moment.astimezone(KYIV)
            days[local.date()].append(
                {
                    "title": anime,
                    "episode": number,
                    "airs_at": local,
                    "dubs": dubs,
                }
            )
    return {
        "days": [
            {
                "date": day,
                "weekday": day.weekday(),
                "items": sorted(items, key=lambda item: (item["airs_at"], item["title"].pk)),
            }
            for day, items in days.items()
        ]
    }


class ScheduleView(APIView):
    """The week's broadcasts of airing anime, by day in Kyiv time."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(
        operation_id="schedule",
        summary="Розклад виходу серій на сім днів (за київським часом)",
        responses=ScheduleSerializer,
    )
    def get(self, request):
        data = ScheduleSerializer(build_schedule(timezone.now())).data
        return Response(data)
