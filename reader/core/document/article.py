"""The article of a saved web page, without navigation, footers, cookie banners and ads.

Readability-style extraction written on lxml (BSD): the well-known extractors are not
usable here (trafilatura pulls GPL/LGPL dependencies: htmldate, courlan, tld; readability-
lxml needs chardet, LGPL). The page's ``<article>`` (the one with most text), else its
``<main>``, else the element whose paragraphs score highest, is the article; inside it,
navigation, forms, asides and elements whose class, id or role name boilerplate (cookie,
consent, ad, share, newsletter, related, comments, …) are dropped. A page title (``<h1>``)
outside the article is put back in front of it. The result is HTML that goes through the
usual sanitizer, so the sanitizing rules are the same as for the whole page.
"""

from __future__ import annotations

import re

from lxml import etree, html

from reader.core.document.sanitize import limit_nesting

# Share of the page's text the article must leave out before the page counts as having
# boilerplate: below it, the page is shown whole (it is all article).
MIN_REMOVED_SHARE = 0.05
_DROPPED_TAGS = frozenset(
    {"nav", "aside", "form", "button", "dialog", "iframe", "noscript", "script", "style",
     "template", "svg", "select", "input", "textarea", "menu"}
)  # fmt: skip
_BOILERPLATE_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert",
     "alertdialog", "menu", "menubar"}
)  # fmt: skip
_BOILERPLATE_WORDS = frozenset(
    {"cookie", "cookies", "consent", "gdpr", "dsgvo", "banner", "ad", "ads", "advert",
     "advertisement", "anzeige", "werbung", "sponsor", "sponsored", "social", "share",
     "sharing", "teilen", "newsletter", "related", "recommended", "empfehlungen", "comment",
     "comments", "kommentare", "promo", "sidebar", "breadcrumb", "breadcrumbs", "subscribe",
     "paywall", "popup", "modal", "nav", "navigation", "menu", "skiplink", "outbrain",
     "taboola", "footer", "masthead", "toolbar"}
)  # fmt: skip
_WORD = re.compile(r"[a-z]+")


def extract_article(page: str) -> str | None:
    """The article of ``page`` as HTML, or None when the page has no boilerplate to drop."""
    root = _parse(page)
    if root is None:
        return None
    body = root.find("body")
    if body is None:
        body = root
    whole = _text_length(body)
    if whole == 0:
        return None
    article = _article_element(body)
    if article is None:
        return None
    _drop_boilerplate(article)
    kept = _text_length(article)
    title = _outside_title(body, article)
    if title is not None:
        kept += _text_length(title)
    if kept == 0 or kept > whole * (1 - MIN_REMOVED_SHARE):
        return None
    parts = [html.tostring(title, encoding="unicode")] if title is not None else []
    parts.append(html.tostring(article, encoding="unicode"))
    return "<html><body>" + "".join(parts) + "</body></html>"


def _parse(page: str) -> html.HtmlElement | None:
    parser = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        return html.document_fromstring(limit_nesting(page), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


def _article_element(body: html.HtmlElement) -> html.HtmlElement | None:
    articles = [e for e in body.iter("article") if not _is_boilerplate(e)]
    if articles:
        return max(articles, key=_text_length)
    for path in ("//main", "//*[@role='main']", "//*[@itemprop='articleBody']"):
        found = body.xpath(path)
        if isinstance(found, list):
            for element in found:
                if isinstance(element, html.HtmlElement):
                    return element
    return _best_scored(body)


def _best_scored(body: html.HtmlElement) -> html.HtmlElement | None:
    """Readability's idea: paragraphs vote for their parent (and half for the grandparent)."""
    scores: dict[html.HtmlElement, float] = {}
    for paragraph in body.iter("p", "pre", "blockquote"):
        text = paragraph.text_content().strip()
        if len(text) < 25:
            continue
        points = 1 + text.count(",") + min(len(text) / 100, 3)
        parent = paragraph.getparent()
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0.0) + points
        grandparent = parent.getparent()
        if grandparent is not None:
            scores[grandparent] = scores.get(grandparent, 0.0) + points / 2
    if not scores:
        return None
    return max(scores, key=lambda element: scores[element])


def _drop_boilerplate(article: html.HtmlElement) -> None:
    doomed = [
        element
        for element in article.iter()
        if element is not article and isinstance(element.tag, str) and _is_boilerplate(element)
    ]
    for element in doomed:
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()


def _is_boilerplate(element: html.HtmlElement) -> bool:
    if element.tag in _DROPPED_TAGS:
        return True
    if (element.get("role") or "").lower() in _BOILERPLATE_ROLES:
        return True
    if element.get("aria-hidden") == "true" or element.get("hidden") is not None:
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return any(word in _BOILERPLATE_WORDS for word in _WORD.findall(names))


def _outside_title(body: html.HtmlElement, article: html.HtmlElement) -> html.HtmlElement | None:
    """The page's first ``<h1>`` when the article has none of its own."""
    if next(article.iter("h1"), None) is not None:
        return None
    for heading in body.iter("h1"):
        if not any(ancestor is article for ancestor in heading.iterancestors()):
            return heading
    return None


def _text_length(element: html.HtmlElement) -> int:
    return len(" ".join(element.text_content().split()))
