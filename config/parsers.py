"""DRF's JSON parser with a nesting limit (DEFAULT_PARSER_CLASSES): a body nested deeper than
`MAX_DEPTH` is a 400 instead of a RecursionError deep inside the parser (a 500)."""

import json

from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

MAX_DEPTH = 100
MESSAGE = f"JSON вкладений надто глибоко (більше {MAX_DEPTH} рівнів)."


def nesting_depth(data) -> int:
    """How deep lists and objects nest in parsed JSON, without recursion."""
    deepest = 0
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            break
        stack.extend((child, depth + 1) for child in children)
    return deepest


class DepthLimitedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        parser_context = parser_context or {}
        encoding = parser_context.get("encoding", settings.DEFAULT_CHARSET)
        try:
            data = json.loads(stream.read().decode(encoding), parse_constant=reject_constant)
        except RecursionError:
            raise ParseError(MESSAGE) from None
        except ValueError as error:
            raise ParseError(f"Некоректний JSON: {str(error)[:100]}") from None
        if nesting_depth(data) > MAX_DEPTH:
            raise ParseError(MESSAGE)
        return data


def reject_constant(name: str):
    """NaN and Infinity are not JSON (DRF's strict mode refuses them too)."""
    raise ValueError(f"{name} не є значенням JSON")
