"""Routes of the accounts app: the API under /api/ (`urlpatterns`) and allauth's headless API
with the OAuth provider callbacks under /_allauth/ (`allauth_urlpatterns`)."""

from django.http import JsonResponse
from django.urls import Resolver404, include, path, re_path, resolve

from .api import MeView, UserProfileView

app_name = "accounts"


def allauth_not_found(request, rest=""):
    """Unknown /_allauth/ paths answer in allauth's JSON shape instead of reaching Wagtail."""
    return JsonResponse(
        {"status": 404, "errors": [{"code": "not_found", "message": "Не знайдено."}]},
        status=404,
    )


def allauth_with_trailing_slash(request, stripped: str):
    """allauth's API paths have no trailing slash, but a proxy that adds one (Next's
    `trailingSlash` in development) must still reach them: serve the path without it."""
    try:
        match = resolve(f"/_allauth/{stripped}")
    except Resolver404:
        return allauth_not_found(request)
    return match.func(request, *match.args, **match.kwargs)


urlpatterns = [
    path("me/", MeView.as_view(), name="me"),
    path("users/<str:username>/", UserProfileView.as_view(), name="user-profile"),
]

allauth_urlpatterns = [
    path("", include("allauth.headless.urls")),
    # Google's redirect comes back to /_allauth/google/login/callback/.
    path("", include("allauth.urls")),
    re_path(r"^(?P<stripped>.+)/$", allauth_with_trailing_slash),
    re_path(r"^(?P<rest>.*)$", allauth_not_found),
]
