"""One error body for every 4xx under `/api/`: `{"detail": "<Ukrainian message>", "parameter":
"<name>"}` (`parameter` only where one query or body parameter is at fault), always JSON, never
echoing more than `MAX_ECHO` characters of the input.

What lives here, for every API layer to use:
- `BadParameter` (raise it from any DRF view) and `parse_int` (ASCII digits only, within the
  database's integer range: `str.isdigit()` takes "²" and `int()` takes "2_020");
  `ascii_integers_only` holds DRF's serializer integers to the same rule;
- `json_exception_handler`, DRF's EXCEPTION_HANDLER: DRF's errors, `DataError` and Django's
  `ValidationError` (bad input the database or a model refused) all become the body above;
- `WagtailApiErrorsMixin` for Wagtail's API viewsets (pages, images), whose own errors are
  `{"message": …}` in English and whose integer parameters go straight to `int()`;
- `ApiJsonErrorsMiddleware`, `api_not_found` and `csrf_failure`: what Django itself answers
  under `/api/` (an unmatched path, a CSRF failure, too many fields) is JSON too.
"""

import re

from django.core.exceptions import FieldDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.db.backends.base.operations import BaseDatabaseOperations
from django.http import Http404, JsonResponse
from django.views.csrf import csrf_failure as django_csrf_failure
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

API_PREFIX = "/api/"
MAX_ECHO = 100
# The column ranges of PostgreSQL (SQLite takes more; we accept what both take).
INTEGER_RANGES = BaseDatabaseOperations.integer_field_ranges
INT_MIN, INT_MAX = INTEGER_RANGES["IntegerField"]
ASCII_INTEGER = re.compile(r"-?[0-9]+")

STATUS_MESSAGES = {
    400: "Некоректний запит.",
    401: "Потрібно увійти.",
    403: "Доступ заборонено.",
    404: "Не знайдено.",
    405: "Цей метод тут не підтримується.",
    406: "Непідтримуваний формат відповіді.",
    413: "Запит завеликий.",
    415: "Непідтримуваний формат запиту.",
    429: "Забагато запитів. Спробуйте пізніше.",
}
GENERIC_MESSAGE = "Запит не виконано."
CSRF_MESSAGE = "Запит відхилено: немає або застарів CSRF-токен. Оновіть сторінку."


class ApiErrorSerializer(serializers.Serializer):
    """The error body, for the OpenAPI schema (component `ApiError`)."""

    detail = serializers.CharField(help_text="Повідомлення українською")
    parameter = serializers.CharField(required=False, help_text="Параметр, що спричинив помилку")


def shown(value) -> str:
    """At most MAX_ECHO characters of something the client sent, for a message."""
    text = str(value)
    return text if len(text) <= MAX_ECHO else text[:MAX_ECHO] + "…"


def error_body(detail: str, parameter: str | None = None) -> dict:
    body = {"detail": str(detail)}
    if parameter:
        body["parameter"] = shown(parameter)
    return body


def status_message(status_code: int) -> str:
    return STATUS_MESSAGES.get(status_code, GENERIC_MESSAGE)


class BadParameter(exceptions.APIException):
    """A bad value of one parameter: a 400 naming it."""

    status_code = status.HTTP_400_BAD_REQUEST

    def __init__(self, parameter: str, detail: str):
        super().__init__(detail)
        self.parameter = parameter


def parse_int(
    params, name: str, *, minimum: int = INT_MIN, maximum: int = INT_MAX, default=None
) -> int | None:
    """`params[name]` as an integer in [minimum, maximum] (empty or absent: `default`);
    anything but ASCII digits (with an optional minus) is a `BadParameter`."""
    raw = params.get(name)
    if raw in (None, ""):
        return default
    return int_value(name, raw, minimum, maximum)


def ascii_integers_only() -> None:
    """Every DRF serializer integer takes ASCII digits only, as `parse_int` does: DRF's
    IntegerField reads "١٢" (Arabic-Indic digits) and "12.0" as 12, through `int()`. Numbers
    that arrive as JSON numbers are unchanged. Called once at start-up (config.apps)."""
    field = serializers.IntegerField
    if getattr(field.to_internal_value, "ascii_only", False):
        return
    drf_to_internal_value = field.to_internal_value

    def to_internal_value(self, data):
        if isinstance(data, str) and not ASCII_INTEGER.fullmatch(data.strip()):
            self.fail("invalid")
        return drf_to_internal_value(self, data)

    to_internal_value.ascii_only = True
    field.to_internal_value = to_internal_value


def int_value(name: str, raw: str, minimum: int = INT_MIN, maximum: int = INT_MAX) -> int:
    if not ASCII_INTEGER.fullmatch(raw):
        raise BadParameter(name, f"{name}: очікується ціле число, отримано «{shown(raw)}».")
    value = int(raw)
    if not minimum <= value <= maximum:
        raise BadParameter(name, f"{name}: значення має бути від {minimum} до {maximum}.")
    return value


def json_exception_handler(exc, context):
    """DRF's EXCEPTION_HANDLER: every error a DRF view raises as the one body."""
    if isinstance(exc, DataError):
        exc = exceptions.ValidationError("Значення поза допустимим діапазоном.")
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(shown(" ".join(exc.messages)))
    elif isinstance(exc, exceptions.PermissionDenied) and str(exc.detail).startswith("CSRF"):
        exc = exceptions.PermissionDenied(CSRF_MESSAGE)  # DRF's session check, in English
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, BadParameter):  # our own message: it already cuts what it echoes
        response.data = error_body(str(exc.detail), exc.parameter)
        return response
    if isinstance(getattr(exc, "error_body", None), dict):  # e.g. a ban: its reason and end
        response.data = exc.error_body
        return response
    detail, field = first_error(response.data)
    response.data = error_body(detail or status_message(response.status_code), field)
    return response


def first_error(data, field: str | None = None) -> tuple[str, str | None]:
    """The first message of DRF's error data (a string, a list, or {field: errors}) and the
    field it belongs to. DRF's messages may quote the input: at most MAX_ECHO characters."""
    if isinstance(data, dict):
        if "detail" in data:
            return first_error(data["detail"], field)
        for key, value in data.items():
            name = key if key != "non_field_errors" else None
            return first_error(value, f"{field}.{key}" if field and name else field or name)
        return "", field
    if isinstance(data, list):
        return first_error(data[0], field) if data else ("", field)
    return shown(data), field


class WagtailApiErrorsMixin:
    """For Wagtail's API viewsets: Ukrainian JSON errors in our body, integer parameters (and
    integer field filters) checked before they reach `int()` or the database, and bad values
    the database refuses (`DataError`) answered 400."""

    integer_parameters = (
        "limit",
        "offset",
        "id",
        "child_of",
        "descendant_of",
        "ancestor_of",
        "translation_of",
    )

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name in self.integer_parameters:
            parse_int(request.GET, name, minimum=0)

    def filter_queryset(self, queryset):
        for name, raw in self.request.GET.items():
            try:
                field = queryset.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            bounds = INTEGER_RANGES.get(field.get_internal_type())
            if bounds is not None:
                int_value(name, raw, *bounds)
        return super().filter_queryset(queryset)

    def handle_exception(self, exc):
        if isinstance(exc, BadParameter):
            return Response(error_body(exc.detail, exc.parameter), status=400)
        if isinstance(exc, Http404):
            return Response(error_body(status_message(404)), status=404)
        if isinstance(exc, DataError):
            return Response(error_body("Значення поза допустимим діапазоном."), status=400)
        # Wagtail's BadRequestError and what wrong types in field filters or ordering raise
        # in the ORM (ValueError, TypeError, FieldError, ValidationError): the client's fault.
        from django.core.exceptions import FieldError
        from wagtail.api.v2.utils import BadRequestError

        bad_input = (BadRequestError, ValueError, TypeError, DjangoValidationError, FieldError)
        if isinstance(exc, bad_input + (OverflowError,)):
            return Response(error_body(f"Некоректний запит: {shown(exc)}"), status=400)
        return super().handle_exception(exc)


def is_api_request(request) -> bool:
    return request.path.startswith(API_PREFIX)


class ApiJsonErrorsMiddleware:
    """Under `/api/`, a 4xx that is not JSON (Django's 404 and 400 pages, a 405 from a plain
    view, a 413, `TooManyFieldsSent`) becomes the one body. Goes early in MIDDLEWARE so it
    sees what the other middleware answer too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            400 <= response.status_code < 500
            and is_api_request(request)
            and not response.get("Content-Type", "").startswith("application/json")
        ):
            replacement = JsonResponse(
                error_body(status_message(response.status_code)), status=response.status_code
            )
            for header in ("Allow", "Retry-After", "WWW-Authenticate"):
                if header in response:
                    replacement[header] = response[header]
            return replacement
        return response


def api_not_found(request, *args, **kwargs):
    """Any path under `/api/` no endpoint matched."""
    return JsonResponse(error_body("Такого адреса в API немає."), status=404)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: JSON under `/api/`, Django's page elsewhere."""
    if is_api_request(request):
        return JsonResponse(error_body(CSRF_MESSAGE), status=403)
    return django_csrf_failure(request, reason=reason)
