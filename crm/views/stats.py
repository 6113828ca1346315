"""The statistics dashboard: a date range (at most a year; the last 30 days by default) and
charts drawn by Chart.js from the daily rows of crm.stats — never from the raw tables."""

from __future__ import annotations

from datetime import date, timedelta

from django import forms
from django.db.models import Sum
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic import PermissionCheckedMixin, WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateInput

from accounts.models import User
from crm.models import DailyStats, DailyTeamStats, DailyTitleStats
from crm.policies import staff_policy

DEFAULT_DAYS = 30
MAX_DAYS = 366
TOP = 10

SERIES = (
    # (chart id, title, [(figure, label)])
    ("registrations", "Реєстрації та активні користувачі", [
        ("registrations", "Реєстрації"),
        ("active_users", "Активні користувачі"),
    ]),
    ("watching", "Переглянуті серії", [("episodes_watched", "Переглянуті серії")]),
    ("community", "Коментарі та форум", [
        ("comments", "Коментарі"),
        ("forum_posts", "Дописи на форумі"),
    ]),
    ("lists", "Нові записи у списках", [("list_entries", "Нові записи")]),
    ("imports", "Імпорт", [
        ("import_runs", "Запуски імпорту"),
        ("import_failures", "Невдалі запуски"),
    ]),
)  # fmt: skip


class RangeForm(forms.Form):
    start = forms.DateField(label="З", required=False, widget=AdminDateInput)
    end = forms.DateField(label="По", required=False, widget=AdminDateInput)

    def clean(self):
        cleaned = super().clean()
        end = cleaned.get("end") or timezone.localdate()
        start = cleaned.get("start") or end - timedelta(days=DEFAULT_DAYS - 1)
        if start > end:
            raise forms.ValidationError("Початок має бути не пізніше за кінець.")
        if (end - start).days >= MAX_DAYS:
            raise forms.ValidationError(f"Не більше {MAX_DAYS} днів за раз.")
        cleaned["start"], cleaned["end"] = start, end
        return cleaned


def chosen_range(request) -> tuple[RangeForm, date, date]:
    """The range form of the query and the range shown: the chosen one, or the default one when
    the form is empty or wrong (the page then shows the form's error over the default)."""
    form = RangeForm(request.GET)
    if form.is_valid():
        return form, form.cleaned_data["start"], form.cleaned_data["end"]
    default = RangeForm({})
    default.is_valid()
    return form, default.cleaned_data["start"], default.cleaned_data["end"]


def day_series(start, end) -> dict:
    """{"days": [...], figure: [...]} over every day of the range (a missing row counts 0)."""
    rows = {row.day: row for row in DailyStats.objects.filter(day__gte=start, day__lte=end)}
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    series = {"days": [day.isoformat() for day in days]}
    for figure in DailyStats.FIGURES:
        series[figure] = [getattr(rows.get(day), figure, 0) for day in days]
    return series


def top(model, related: str, figure: str, start, end) -> list[dict]:
    rows = (
        model.objects.filter(day__gte=start, day__lte=end)
        .values(f"{related}_id", f"{related}__title")
        .annotate(total=Sum(figure))
        .filter(total__gt=0)
        .order_by("-total", f"{related}__title")[:TOP]
    )
    return [{"label": row[f"{related}__title"], "value": row["total"]} for row in rows]


class StatsView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "crm/stats.html"
    page_title = "Статистика"
    header_icon = "table"
    permission_policy = staff_policy(User)
    permission_required = "view"

    def get(self, request, *args, **kwargs):
        form, start, end = chosen_range(request)
        series = day_series(start, end)
        totals = {figure: sum(series[figure]) for figure in DailyStats.FIGURES}
        context = self.get_context_data(
            form=form,
            start=start,
            end=end,
            totals=totals,
            chart_data={
                "series": series,
                "charts": [
                    {"id": chart, "title": title, "lines": [list(line) for line in lines]}
                    for chart, title, lines in SERIES
                ],
                "top_views": top(DailyTitleStats, "page", "views", start, end),
                "top_lists": top(DailyTitleStats, "page", "list_adds", start, end),
                "top_teams": top(DailyTeamStats, "team", "plays", start, end),
            },
        )
        return self.render_to_response(context, status=400 if form.errors else 200)
