"""machina's permission middleware, for /forum/ only and without a session for anonymous
visitors: machina's own writes an "anonymous forum key" into the session of every anonymous
request (API calls and all), which would give each one a session cookie and row. That key only
serves anonymous posting and poll votes, which nobody is granted here."""

from machina.apps.forum_permission.handler import PermissionHandler

FORUM_PREFIX = "/forum/"


class ForumPermissionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(FORUM_PREFIX):
            if not request.user.is_authenticated:
                request.user.forum_key = None
            request.forum_permission_handler = PermissionHandler()
        return self.get_response(request)
