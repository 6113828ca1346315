"""OpenAPI schema hooks: document our API, not Wagtail's admin internals."""

DOCUMENTED_PREFIXES = (
    "/api/v2/titles/",
    "/api/v2/episodes/latest/",
    "/api/v2/pages/{pk}/children/",
)
UNDOCUMENTED_PREFIXES = ("/api/v2/", "/admin/", "/django-admin/")


def only_public_api(endpoints):
    return [
        (path, regex, method, callback)
        for path, regex, method, callback in endpoints
        if path.startswith("/api/")
        and (path.startswith(DOCUMENTED_PREFIXES) or not path.startswith(UNDOCUMENTED_PREFIXES))
    ]
