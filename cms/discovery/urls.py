"""Discovery endpoints, included under `/api/` by config/urls.py."""

from django.urls import path

from .api import TitlesView
from .children import PageChildrenView
from .instant import InstantSearchView

urlpatterns = [
    path("v2/titles/", TitlesView.as_view(), name="titles"),
    path("v2/pages/<int:pk>/children/", PageChildrenView.as_view(), name="page-children"),
    path("search/instant/", InstantSearchView.as_view(), name="instant-search"),
]
