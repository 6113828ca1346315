"""Studio analytics (`/admin/crm/studio/`): for one dub team — its members see only their own
teams, editors every team — plays per day and per episode and dub (from the daily rows of
crm.stats, fed by the player's progress reports), subscribers to the team's dubs, and the
team's sources that fail their checks or get broken-video reports."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, Sum
from django.http import Http404
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from accounts.roles import editable_teams
from accounts.studio.views import anime_title
from cms.anime.models import VideoSource
from cms.catalog.models import Language
from cms.dubbing.models import TitleDubbing
from crm.models import DailySourceStats
from crm.views.stats import chosen_range
from library.models import Subscription


def plays_per_day(team, start, end) -> dict:
    """{"days": [...], "plays": [...]} over every day of the range (a missing day counts 0)."""
    totals = dict(
        DailySourceStats.objects.filter(source__dub_team=team, day__gte=start, day__lte=end)
        .values("day")
        .annotate(total=Sum("plays"))
        .values_list("day", "total")
    )
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    return {"days": [day.isoformat() for day in days], "plays": [totals.get(d, 0) for d in days]}


def plays_per_episode(team, start, end) -> list[dict]:
    """One row per episode and language the team's sources were played in, most played first."""
    rows = (
        DailySourceStats.objects.filter(source__dub_team=team, day__gte=start, day__lte=end)
        .values("source__episode_id", "source__episode__number", "source__language")
        .annotate(plays=Sum("plays"), anime=anime_title("source__"))
        .order_by("-plays", "anime", "source__episode__number")
    )
    return [
        {
            "anime": row["anime"],
            "episode": row["source__episode__number"],
            "language": Language(row["source__language"]).label,
            "plays": row["plays"],
        }
        for row in rows
    ]


def subscribers(team) -> dict:
    titles = TitleDubbing.objects.filter(dub_team=team).values("title_id")
    return {
        "team": Subscription.objects.filter(dub_team=team).count(),
        "any_dub": Subscription.objects.filter(dub_team__isnull=True, title__in=titles).count(),
    }


def troubled_sources(team, start):
    """The team's sources that failed their last check or got broken-video reports since
    `start`."""
    return (
        VideoSource.objects.filter(dub_team=team)
        .annotate(
            anime=anime_title(),
            reports=Count("broken_reports", filter=Q(broken_reports__day__gte=start)),
        )
        .filter(Q(consecutive_failures__gt=0) | Q(reports__gt=0))
        .select_related("episode")
        .order_by("-reports", "-consecutive_failures", "pk")
    )


class StudioStatsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "crm/studio.html"
    page_title = "Аналітика студії"
    header_icon = "media"

    def dispatch(self, request, *args, **kwargs):
        self.teams = editable_teams(request.user).order_by("title")
        if not self.teams.exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def chosen_team(self):
        team_id = self.request.GET.get("team", "")
        if not team_id:
            return self.teams.first()
        known = team_id.isascii() and team_id.isdigit() and len(team_id) < 10
        team = self.teams.filter(pk=team_id).first() if known else None
        if team is None:
            raise Http404("Такої команди у вас немає.")
        return team

    def get(self, request, *args, **kwargs):
        team = self.chosen_team()
        form, start, end = chosen_range(request)
        series = plays_per_day(team, start, end)
        context = self.get_context_data(
            form=form,
            team=team,
            teams=self.teams,
            start=start,
            end=end,
            total_plays=sum(series["plays"]),
            episodes=plays_per_episode(team, start, end),
            subscribers=subscribers(team),
            troubled=troubled_sources(team, start),
            chart_data={
                "series": series,
                "charts": [
                    {"id": "plays", "title": "Перегляди", "lines": [["plays", "Перегляди"]]}
                ],
            },
        )
        return self.render_to_response(context, status=400 if form.errors else 200)
