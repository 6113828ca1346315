"""Request guards shared by every endpoint."""

from django.http import JsonResponse

from .api_errors import error_body


class RejectNulBytesMiddleware:
    """A NUL byte in the path or query string can never be valid input, and PostgreSQL refuses
    it in text values: answer 400 here instead of a database error later."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            return JsonResponse(error_body("Некоректний запит: недопустимий символ."), status=400)
        return self.get_response(request)
