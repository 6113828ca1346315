"""URL map of the Django side: each app's `urls.py` under `/api/`, the Wagtail API router,
the Wagtail admin, health and metrics. Visitor pages are served by Next.js; Wagtail's own page
serving redirects there."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts.urls import allauth_urlpatterns

from .api import api_router
from .api_errors import api_not_found
from .health import health
from .metrics import metrics

urlpatterns = [
    path("api/", include("cms.discovery.urls")),
    path("api/", include("cms.anime.urls")),
    path("api/v2/", api_router.urls),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/", include("accounts.urls")),
    path("api/", include("library.urls")),
    path("api/", include("integrations.streams.urls")),
    path("api/", include("integrations.urls")),
    path("api/", include("forum.discussions.urls")),
    path("api/", include("forum.board.urls")),
    path("_allauth/", include(allauth_urlpatterns)),
    path("forum/", include("machina.urls")),
    path("health/", health, name="health"),
    path("metrics", metrics, name="prometheus-django-metrics"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    re_path(r"^api/", api_not_found),  # after every API route: an unmatched /api/ path is JSON
    path("", include(wagtail_urls)),
]
