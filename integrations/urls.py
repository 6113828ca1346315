"""API routes of the integrations package, included under /api/: the manga reader."""

from django.urls import include, path

urlpatterns = [path("", include("integrations.reader.urls"))]
