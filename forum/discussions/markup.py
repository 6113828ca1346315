"""Markdown to safe HTML for comments (and forum posts): CommonMark without raw HTML, with
~~strikethrough~~ and ||spoilers||, then nh3 with an allowlist, so whatever markdown-it lets
through, only these tags, attributes and URL schemes reach a visitor."""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

SPOILER_MARK = "||"
ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "del",
    "s",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "span",
}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
ALLOWED_CLASSES = {"span": {"spoiler"}}
URL_SCHEMES = {"http", "https", "mailto"}


def _split_spoilers(children: list[Token]) -> list[Token]:
    """Turn pairs of `||` in the text tokens of one inline block into spoiler tokens. Code
    spans are other tokens, so `||` inside them stays as typed; an unpaired `||` stays too."""
    marks = sum(token.content.count(SPOILER_MARK) for token in children if token.type == "text")
    pairs = marks // 2
    if not pairs:
        return children
    result: list[Token] = []
    used, opened = 0, False
    for token in children:
        if token.type != "text" or SPOILER_MARK not in token.content:
            result.append(token)
            continue
        pieces = token.content.split(SPOILER_MARK)
        for index, piece in enumerate(pieces):
            if index:
                if used < pairs * 2:
                    used += 1
                    opened = not opened
                    mark = Token(
                        "spoiler_open" if opened else "spoiler_close", "span", 1 if opened else -1
                    )
                    if opened:
                        mark.attrs = {"class": "spoiler"}
                    result.append(mark)
                else:
                    piece = SPOILER_MARK + piece
            if piece:
                text = Token("text", "", 0)
                text.content = piece
                result.append(text)
    return result


def spoiler_rule(state: StateCore) -> None:
    for block in state.tokens:
        if block.type == "inline" and block.children:
            block.children = _split_spoilers(block.children)


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("strikethrough")
    # Headings, images and tables make a comment shout or load outside images: plain text.
    md.disable(["heading", "lheading", "image", "hr"])
    md.core.ruler.after("inline", "spoiler", spoiler_rule)
    return md


PARSER = _parser()


def render(body: str) -> str:
    """The comment's Markdown as sanitised HTML."""
    html = PARSER.render(body)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow ugc noopener noreferrer",
    ).strip()
