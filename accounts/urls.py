"""Routes of the accounts app: the API under /api/ (`urlpatterns`) and allauth's headless API
with the OAuth provider callbacks under /_allauth/ (`allauth_urlpatterns`)."""

from django.http import JsonResponse
from django.urls import include, path, re_path

from .api import MeView, UserProfileView

app_name = "accounts"


def allauth_not_found(request, rest=""):
    """Unknown /_allauth/ paths answer in allauth's JSON shape instead of reaching Wagtail."""
    return JsonResponse(
        {"status": 404, "errors": [{"code": "not_found", "message": "Не знайдено."}]},
        status=404,
    )


urlpatterns = [
    path("me/", MeView.as_view(), name="me"),
    path("users/<str:username>/", UserProfileView.as_view(), name="user-profile"),
]

allauth_urlpatterns = [
    path("", include("allauth.headless.urls")),
    # Google's redirect comes back to /_allauth/google/login/callback/.
    path("", include("allauth.urls")),
    re_path(r"^(?P<rest>.*)$", allauth_not_found),
]
