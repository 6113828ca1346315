"""Anime endpoints beyond the pages API, included under `/api/` by config/urls.py."""

from django.urls import path

from .api import LatestEpisodesView
from .schedule import ScheduleView

urlpatterns = [
    path("v2/episodes/latest/", LatestEpisodesView.as_view(), name="latest-episodes"),
    path("schedule/", ScheduleView.as_view(), name="schedule"),
]
