"""URL map of the Django side: APIs, the Wagtail admin, health and metrics. Visitor pages are
served by Next.js; Wagtail's own page serving redirects there."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.anime.api import LatestEpisodesView
from cms.anime.schedule import ScheduleView
from cms.catalog.api import TitlesView
from cms.catalog.search_api import InstantSearchView

from .api import api_router
from .health import health
from .metrics import metrics

urlpatterns = [
    path("api/v2/titles/", TitlesView.as_view(), name="titles"),
    path("api/v2/episodes/latest/", LatestEpisodesView.as_view(), name="latest-episodes"),
    path("api/v2/", api_router.urls),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/search/instant/", InstantSearchView.as_view(), name="instant-search"),
    path("api/schedule/", ScheduleView.as_view(), name="schedule"),
    path("api/", include("integrations.streams.urls")),
    path("api/", include("integrations.urls")),
    path("health/", health, name="health"),
    path("metrics", metrics, name="prometheus-django-metrics"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns.append(path("", include(wagtail_urls)))
