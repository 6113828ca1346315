"""``GET /api/schedule/``: the broadcast schedule of airing anime for the next seven days in
Kyiv time, with the dub teams expected to voice each episode.

Occurrences come from the title's fields (filled by the importers): ``next_episode_at`` (exact,
from AniList) repeated weekly, otherwise ``broadcast_weekday`` + ``broadcast_time`` in
``broadcast_timezone`` (Jikan). Without AniList's number, the episode that airs is counted on
from the newest live episode we have: the first broadcast from now on is the next one. Each
team's expected dub is the broadcast plus the team's usual delay, when the team has one. This
module reads AnimePage and EpisodePage only; it imports nothing from ``integrations``.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db.models import Max
from django.db.models.functions import Length, Substr
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.anime.models import AnimePage, EpisodePage
from cms.catalog.serializers import DubTeamRefSerializer, TitleSummarySerializer

KYIV = ZoneInfo("Europe/Kyiv")
WEEK = dt.timedelta(days=7)
DAYS = 7


class ScheduleDubSerializer(DubTeamRefSerializer):
    expected_at = serializers.DateTimeField(
        allow_null=True, help_text="the broadcast plus the team's usual delay; null when unknown"
    )


class ScheduleItemSerializer(serializers.Serializer):
    title = TitleSummarySerializer()
    episode = serializers.IntegerField(allow_null=True, help_text="null when unknown")
    airs_at = serializers.DateTimeField(help_text="ISO 8601 in Kyiv time")
    dubs = ScheduleDubSerializer(many=True)


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
    anime: AnimePage,
    start: dt.datetime,
    end: dt.datetime,
    now: dt.datetime | None = None,
    latest: int | None = None,
) -> list[tuple[dt.datetime, int | None]]:
    """(moment, episode number) of each broadcast of ``anime`` in [start, end). ``latest`` is the
    newest live episode's number: broadcasts before ``now`` are taken as that one, the first from
    ``now`` on as the next."""
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
                moments.append(moment)
    if latest is None or now is None:
        return [(moment, None) for moment in moments]
    upcoming = [moment for moment in moments if moment >= now]
    numbered = [(moment, latest) for moment in moments if moment < now]
    numbered += [(moment, latest + k) for k, moment in enumerate(upcoming, start=1)]
    return _within_total(anime, numbered)


def _within_total(anime, moments):
    total = anime.episodes_total
    return [(m, n) for m, n in moments if not (total and n and n > total)]


def latest_episodes(titles) -> dict[int, int]:
    """{title id: the number of its newest live episode}, in one query."""
    paths = {title.path: title.pk for title in titles}
    steplen = EpisodePage.steplen
    rows = (
        EpisodePage.objects.live()
        .annotate(parent_path=Substr("path", 1, Length("path") - steplen))
        .filter(parent_path__in=paths)
        .values("parent_path")
        .annotate(latest=Max("number"))
    )
    return {paths[row["parent_path"]]: row["latest"] for row in rows}


def expected_dubs(teams: list, moment: dt.datetime) -> list[dict]:
    return [
        {
            "id": team.id,
            "slug": team.slug,
            "title": team.title,
            "logo_url": team.logo_url,
            "url_path": team.url_path,
            "expected_at": (
                moment + dt.timedelta(hours=team.usual_delay_hours)
                if team.usual_delay_hours is not None
                else None
            ),
        }
        for team in teams
    ]


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
    titles = list(titles)
    latest = latest_episodes(titles)
    for anime in titles:
        teams = anime.dub_teams
        for moment, number in airings(anime, start, end, now, latest.get(anime.pk)):
            local = moment.astimezone(KYIV)
            days[local.date()].append(
                {
                    "title": anime,
                    "episode": number,
                    "airs_at": local,
                    "dubs": expected_dubs(teams, local),
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
