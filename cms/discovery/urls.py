"""Discovery endpoints, included under `/api/` by config/urls.py."""

from django.urls import path

from .api import TitlesView
from .instant import InstantSearchView

urlpatterns = [
    path("v2/titles/", TitlesView.as_view(), name="titles"),
    path("search/instant/", InstantSearchView.as_view(), name="instant-search"),
]
