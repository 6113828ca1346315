"""Helpers the mappings share: tolerant number and date parsing, enum mapping with a logged safe
default, de-duplication and the conversion of source descriptions to our rich text."""

from __future__ import annotations

import datetime as dt
import html
import logging
import math
import re

import nh3

logger = logging.getLogger("integrations.mapping")

SEASONS = ("winter", "spring", "summer", "fall")


def choose(value, table: dict, default: str, *, source: str, field: str) -> str:
    """Map a source enum value to ours; an unknown value becomes ``default`` and is logged."""
    if value is None or value == "":
        return default
    key = value.lower() if isinstance(value, str) else value
    if key in table:
        return table[key]
    logger.warning("%s: unknown %s %r, using %r", source, field, value, default)
    return default


def to_int(value) -> int | None:
    try:
        number = int(float(value))
    except (TypeError, ValueError):
        return None
    return number if number >= 0 else None


def to_float(value) -> float | None:
    """Numbers that arrive as strings (Kitsu's ``"82.65"``) or garbage."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def score_0_10(value, scale: float) -> float | None:
    """A score on the source's scale (10 or 100) converted to 0–10, rounded to 2 places."""
    number = to_float(value)
    if number is None or number <= 0:
        return None
    return round(min(number * 10 / scale, 10.0), 2)


def make_date(year, month=None, day=None) -> dt.date | None:
    """A full date, or None when any part is missing (partial dates keep only ``year``)."""
    try:
        return dt.date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None


def parse_iso_date(value) -> tuple[dt.date | None, int | None]:
    """``"2024-04-06"``, ``"2024-04-06T00:00:00Z"``, ``"2024-04"`` or ``"2024"`` → (date, year)."""
    if not isinstance(value, str):
        return None, None
    match = re.match(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value.strip())
    if not match:
        return None, None
    year, month, day = match.groups()
    return make_date(year, month, day), int(year)


def season_of(date: dt.date | None) -> str:
    if date is None:
        return ""
    return SEASONS[(date.month % 12) // 3]


def dedupe(names) -> list[str]:
    """Strip, drop empties and case-insensitive duplicates, keep the first spelling and order."""
    seen: set[str] = set()
    result = []
    for name in names or ():
        if not isinstance(name, str):
            continue
        name = name.strip()
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            result.append(name)
    return result


def has_cyrillic(text: str | None) -> bool:
    return bool(text) and re.search(r"[\u0400-\u04ff]", text) is not None


# What our rich text keeps from a source's HTML (Wagtail's default features: bold, italic,
# links, lists, paragraphs and line breaks).
_ALLOWED_TAGS = {"p", "br", "b", "i", "a", "ul", "ol", "li"}
_RENAMES = (("strong", "b"), ("em", "i"))
_SOURCE_FOOTER = re.compile(r"\s*[\[(](written by|source:)[^\])]*[\])]\s*$", re.IGNORECASE)


def rich_text_from_html(value: str | None) -> str:
    """Sanitise a source's HTML description (AniList) to our rich text: paragraphs of safe inline
    markup; ``<br><br>`` becomes a paragraph break; scripts, styles and attributes are dropped."""
    if not value or not isinstance(value, str):
        return ""
    text = value
    for old, new in _RENAMES:
        text = re.sub(rf"<(/?){old}\b[^>]*>", rf"<\1{new}>", text, flags=re.IGNORECASE)
    text = nh3.clean(
        text,
        tags=_ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https"},
        link_rel="noopener noreferrer nofollow",
        clean_content_tags={"script", "style"},
    )
    # HTML semantics: raw newlines are spaces, <br> is a line break, two breaks a paragraph.
    text = re.sub(r"\s*\n\s*", " ", text)
    text = re.sub(r"\s*<br\s*/?>\s*", "\n", text)
    text = re.sub(r"\s*</?p>\s*", "\n\n", text)
    text = _SOURCE_FOOTER.sub("", text.strip())
    paragraphs = [p.strip() for p in re.split(r"\n{2,}", text) if p.strip()]
    paragraphs = [p.replace("\n", "<br/>") for p in paragraphs]
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def rich_text_from_plain(value: str | None) -> str:
    """Plain text (Jikan, Kitsu, MangaDex, Hikka) → escaped paragraphs of rich text."""
    if not value or not isinstance(value, str):
        return ""
    text = _SOURCE_FOOTER.sub("", value.replace("\r\n", "\n"))
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(
        "<p>{}</p>".format("<br/>".join(html.escape(line.strip()) for line in p.split("\n")))
        for p in paragraphs
    )


def first_text(*values) -> str:
    for value in values:
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""
