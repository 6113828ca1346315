"""A readable `anihata_signed_in=1` cookie kept in step with the session, so the front end asks
`/api/me/` only when someone is signed in (anonymous page views make no personal request,
and never touch the session)."""

from django.conf import settings
from django.contrib.auth import SESSION_KEY

SIGNED_IN_COOKIE = "anihata_signed_in"


class SignedInHintMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        had_session = settings.SESSION_COOKIE_NAME in request.COOKIES
        had_hint = request.COOKIES.get(SIGNED_IN_COOKIE) == "1"
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or not (had_session or had_hint or session.modified):
            return response  # a visitor without a session: nothing to read or write
        signed_in = SESSION_KEY in session
        if signed_in and not had_hint:
            response.set_cookie(
                SIGNED_IN_COOKIE,
                "1",
                max_age=settings.SESSION_COOKIE_AGE,
                secure=settings.SESSION_COOKIE_SECURE,
                samesite="Lax",
            )
        elif had_hint and not signed_in:
            response.delete_cookie(SIGNED_IN_COOKIE, samesite="Lax")
        return response
