"""Playback API routes, included under /api/."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "playback/episodes/<int:pk>/",
        views.EpisodePlaybackView.as_view(),
        name="playback-episode",
    ),
    path(
        "playback/sources/<int:pk>/report/",
        views.BrokenVideoReportView.as_view(),
        name="playback-source-report",
    ),
]
