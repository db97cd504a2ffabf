"""Allow-list sanitizing of untrusted HTML (from .html files and from Markdown's raw HTML).

nh3 (ammonia + html5ever) is the security boundary: only the tags and attributes listed here
survive, scripts/styles/iframes and their text are removed, and hrefs keep only http, https,
mailto or relative targets. Two measured weaknesses are handled before nh3 sees the text:

- html5ever slows down badly with nesting depth (20,000 nested ``<div>`` took 3.4 s here,
  30,000 nested list items more than 60 s), so ``limit_nesting`` drops tags nested deeper than
  ``MAX_TAG_DEPTH`` while keeping their text. It is a linear scan with ``str.find``; it never
  uses ``html.parser`` on raw input, which is quadratic on unclosed ``<!--``/``<?`` runs in
  Python 3.11 (20,000 ``<!--`` took 13 s).
- Images keep only ``src`` (http, https or relative) and ``alt``. Nothing reads them by
  itself: the reading view asks ``resources.read_local_resource`` (regular files below the
  document's folder only) and exports write the alt text, never the picture's address.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Deeper than any real article needs (real pages nest 20-40 elements), far below the depth at
# which html5ever gets slow.
MAX_TAG_DEPTH = 100

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "address", "article", "aside", "b", "bdi", "bdo", "blockquote", "br",
        "caption", "center", "cite", "code", "dd", "del", "details", "dfn", "div", "dl", "dt",
        "em", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "i", "ins", "kbd", "li", "main", "mark", "nav", "ol", "p", "pre", "q",
        "s", "samp", "section", "small", "span", "strike", "strong", "sub", "summary", "sup",
        "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var",
        "wbr", "img",
    }
)  # fmt: skip

# Removed together with everything inside them (their text is not article text).
DROPPED_CONTENT_TAGS = frozenset(
    {
        "script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math",
        "title", "textarea", "select", "button", "canvas", "audio", "video", "frameset",
        "noembed", "noframes", "head", "xmp",
    }
)  # fmt: skip

ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href"},
    "ol": {"start"},
    "li": {"value"},
    "img": {"src", "alt"},
}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})

_VOID_TAGS = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
        "param", "source", "track", "wbr", "basefont", "bgsound", "frame",
    }
)  # fmt: skip

# Elements whose content is raw text up to their end tag: no tags inside count.
_RAW_TEXT_TAGS = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"}
)

# A start tag of one of these closes an open <p> (HTML's implied end tags, approximately);
# without this, old HTML with unclosed <p> would look deeply nested.
_CLOSES_P = frozenset(
    {
        "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul",
        "li", "dd", "dt",
    }
)  # fmt: skip
_SCOPE_BOUNDARY = frozenset({"table", "td", "th", "caption", "button", "html", "object"})
_P_BOUNDARY = _SCOPE_BOUNDARY | {"li"}
_LI_BOUNDARY = _SCOPE_BOUNDARY | {"ul", "ol", "menu"}
_DL_BOUNDARY = _SCOPE_BOUNDARY | {"dl"}
_ROW_BOUNDARY = frozenset({"table", "tr"})
_TABLE_BOUNDARY = frozenset({"table"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# HTML reopens unclosed formatting elements at every new block, and only identical ones
# (same name and attributes) are limited to three: 2,000 "<p><b id=N>x" made html5ever build
# 14 MB of nested <b> in 5 s, 5,000 took 56 s. Without attributes they are identical.
_FORMATTING = frozenset(
    {"b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"}
)
_RAW_TEXT_END = {name: re.compile(rf"</{name}", re.IGNORECASE) for name in _RAW_TEXT_TAGS}
_TAG_NAME = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)")
_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f-\x9f]+")


def sanitize_html(html: str) -> str:
    """Return ``html`` reduced to the allow-list: structure, text and safe links only."""
    import nh3  # here, not at the top: plain text never needs it (safe_href does not)

    return nh3.clean(
        limit_nesting(html),
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_CONTENT_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        strip_comments=True,
        link_rel=None,
    )


def safe_href(href: str | None) -> str | None:
    """``href`` if it is an http, https, mailto or relative link, else ``None``.

    Relative means no scheme and no host: ``//host/x`` would become a network (or, under a
    ``file:`` base, a file) URL, so it is refused like ``javascript:``, ``data:`` and ``file:``.
    """
    if not href:
        return None
    # Browsers ignore control characters and spaces inside schemes ("java\tscript:").
    squeezed = _CONTROL_OR_SPACE.sub("", href)
    if not squeezed or squeezed.startswith(("//", "\\\\", "/\\", "\\/")):
        return None
    try:
        parts = urlsplit(squeezed)
    except ValueError:
        return None
    if parts.scheme:
        if parts.scheme.lower() not in ALLOWED_URL_SCHEMES:
            return None
        if parts.scheme.lower() in ("http", "https") and not parts.netloc:
            return None
    return href.strip()


def limit_nesting(html: str, max_depth: int = MAX_TAG_DEPTH) -> str:
    """Drop start and end tags nested deeper than ``max_depth``, keeping all text.

    Dropped tags become a space, so words of flattened elements do not run together (list
    items nested too deeply become siblings of the deepest kept item). The
    input is otherwise returned unchanged (this pass only has to bound the depth nh3 sees;
    nh3 does the real parsing). Linear time: every search starts after the previous match.
    """
    out: list[str] = []
    # How far down the open elements an end tag or implied end is looked for: beyond the cap,
    # so every kept element is found, yet bounded, so deep dropped stacks stay linear.
    stack = _OpenElements(search=max_depth + 28)
    copied = 0  # html[:copied] is already in out
    pos = 0
    next_gt = -1
    length = len(html)
    while pos < length:
        lt = html.find("<", pos)
        if lt < 0:
            break
        if html.startswith("<!--", lt):
            end = html.find("-->", lt + 4)
            if end < 0:
                break  # an unclosed comment runs to the end
            pos = end + 3
            continue
        if next_gt <= lt:
            next_gt = html.find(">", lt + 1)
            if next_gt < 0:
                break  # no '>' left: no more tags anywhere
        match = _TAG_NAME.match(html, lt)
        if match is None:
            # "<!DOCTYPE …>", "<?xml …>", "</ …>" end at the next '>'; a lone '<' is text.
            nxt = html[lt + 1 : lt + 2]
            pos = next_gt + 1 if nxt in ("!", "?", "/") else lt + 1
            continue
        name = match.group(2).lower()
        tag_end = next_gt + 1
        pos = tag_end
        if match.group(1):
            keep = stack.close(name)
        elif name in _VOID_TAGS:
            continue
        else:
            keep = stack.open(name, max_depth)
        if keep and not match.group(1) and name in _FORMATTING and tag_end - lt > len(name) + 2:
            # Formatting elements with attributes: see _FORMATTING. nh3 drops these
            # attributes anyway.
            out.append(html[copied:lt])
            out.append(f"<{name}>")
            copied = tag_end
        if not keep:
            out.append(html[copied:lt])
            # Items of a list nested too deeply become siblings of the deepest kept item,
            # so each still gets its own block; other dropped tags just separate words.
            sibling = not match.group(1) and name == "li" and stack.kept_top() == "li"
            out.append("</li><li>" if sibling else " ")
            copied = tag_end
        if match.group(1):
            continue
        if name in _RAW_TEXT_TAGS:
            end_match = _RAW_TEXT_END[name].search(html, tag_end)
            if end_match is None:
                break  # raw text runs to the end
            pos = end_match.start()
        elif name == "plaintext":
            break
    out.append(html[copied:])
    return "".join(out)


class _OpenElements:
    """Open elements as nh3 will see them, roughly (HTML's implied end tags included).

    The bottom ``kept`` entries were passed on; the ones above were dropped (dropped ones
    are only ever on top, once the cap is reached). ``counts`` makes misses O(1).
    """

    def __init__(self, search: int) -> None:
        self.names: list[str] = []
        self.counts: dict[str, int] = {}
        self.kept = 0
        self.search = search

    def open(self, name: str, max_depth: int) -> bool:
        """Push a start tag; False if it lies beyond ``max_depth`` and must be dropped."""
        self._close_implied(name)
        self.names.append(name)
        self.counts[name] = self.counts.get(name, 0) + 1
        if len(self.names) > max_depth:
            return False
        self.kept = len(self.names)
        return True

    def kept_top(self) -> str:
        """The innermost element nh3 sees open."""
        return self.names[self.kept - 1] if self.kept else ""

    def close(self, name: str) -> bool:
        """Pop an end tag; False if it ends a dropped element (or is stray among them)."""
        found = self._find(name)
        if found < 0:
            return len(self.names) <= self.kept  # a stray end tag: nh3 copes with it
        keep = found < self.kept
        self._truncate(found)
        return keep

    def _find(self, name: str, boundary: frozenset[str] = frozenset()) -> int:
        if not self.counts.get(name):
            return -1
        names = self.names
        for depth in range(len(names) - 1, max(-1, len(names) - 1 - self.search), -1):
            if names[depth] == name:
                return depth
            if names[depth] in boundary:
                return -1
        return -1

    def _truncate(self, depth: int) -> None:
        for name in self.names[depth:]:
            self.counts[name] -= 1
        del self.names[depth:]
        self.kept = min(self.kept, depth)

    def _pop_through(self, name: str, boundary: frozenset[str]) -> None:
        found = self._find(name, boundary)
        if found >= 0:
            self._truncate(found)

    def _close_implied(self, name: str) -> None:
        """Pop elements a start tag ``name`` implicitly ends (p, li, dt/dd, cells, headings)."""
        if name in _CLOSES_P:
            self._pop_through("p", _SCOPE_BOUNDARY if name == "li" else _P_BOUNDARY)
        if name == "li":
            self._pop_through("li", _LI_BOUNDARY)
        elif name in ("dt", "dd"):
            self._pop_through("dt", _DL_BOUNDARY)
            self._pop_through("dd", _DL_BOUNDARY)
        elif name in ("td", "th"):
            self._pop_through("td", _ROW_BOUNDARY)
            self._pop_through("th", _ROW_BOUNDARY)
        elif name == "tr":
            self._pop_through("tr", _TABLE_BOUNDARY)
        elif name in _HEADINGS and self.names and self.names[-1] in _HEADINGS:
            self._truncate(len(self.names) - 1)
