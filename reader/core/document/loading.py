"""Load a local German document (Markdown, plain text, HTML, EPUB, DOCX, PDF) into a Qt-free
``Document``.

The whole path is defensive: the file is checked with ``stat`` before it is opened (a FIFO
must never block), read with a byte cap, decoded (``decoding``), sanitized (``sanitize``) and
turned into blocks (``html_blocks``/``unwrap``). EPUB and DOCX (zip archives, ``archive``)
become HTML and PDF becomes plain text, then take the same path. Every problem ends as a
typed ``LoadError``.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import replace
from pathlib import Path

from reader.core.cancel import CancelToken
from reader.core.document.decoding import NotText, decode_text
from reader.core.document.model import Block, BlockKind, Chapter, Document
from reader.core.document.text_layout import text_blocks
from reader.core.document.unwrap import normalize_inline, normalize_newlines
from reader.core.errors import (
    BinaryFile,
    EmptyDocument,
    FileMissing,
    FileTooLarge,
    LoadError,
    NoPermission,
    NotAFile,
    ReadFailed,
    UnsupportedFormat,
)
from reader.core.safe_io import read_at_most

# 4 MiB: a long novel is 1-1.5 MB of text, a news article 5-50 KB. Costs grow with size on
# every step: QTextBrowser laid out 100 MB in 25 s and 3.6 GB (docs/ARCHITECTURE.md);
# loading 4.2 MB of Markdown took 4.7 s here (python-markdown is ~1 MB/s; plain text 0.6 s),
# and translating 4 MB on the CPU takes hours. Above this the reader refuses the file with a
# clear message.
MAX_FILE_BYTES = 4 * 1024 * 1024

# Containers hold pictures and markup besides the text; their text is capped on its own
# (``MAX_FILE_BYTES`` of text, checked after extraction).
MAX_CONTAINER_BYTES = 64 * 1024 * 1024

SUPPORTED_SUFFIXES: tuple[str, ...] = (
    ".md", ".markdown", ".txt", ".html", ".htm", ".epub", ".docx", ".pdf"
)  # fmt: skip
FORMATS: tuple[str, ...] = ("markdown", "text", "html")
_FORMAT_BY_SUFFIX = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".epub": "epub",
    ".docx": "docx",
    ".pdf": "pdf",
}
_CONTAINERS = frozenset({"epub", "docx", "pdf"})

MAX_TITLE_CHARS = 200
_HTML_START = re.compile(
    r"[\s\ufeff]*(?:<\?xml[^>]*>\s*|<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])",
    re.IGNORECASE | re.DOTALL,
)
_SURROGATE = re.compile("[\ud800-\udfff]")
# A first line this short, not ending like a sentence part, reads as the text's title.
_MAX_TITLE_LINE = 100
_NOT_TITLE_ENDINGS = (".", ",", ";", ":", "-", "–", "—")


def load_document(
    path: str | Path,
    *,
    max_bytes: int = MAX_FILE_BYTES,
    cancel: CancelToken | None = None,
    whole_page: bool = False,
) -> Document:
    """Read, decode and parse the file at ``path``. Raises a ``LoadError`` subclass.

    ``max_bytes`` caps text files; EPUB, DOCX and PDF files may be up to
    ``MAX_CONTAINER_BYTES`` and their text up to ``max_bytes``. ``cancel`` stops a long PDF.
    A web page is shown as its article (``article``) unless ``whole_page`` is set.
    """
    path = Path(path)
    info = _stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise NotAFile(path)
    suffix = path.suffix.lower()
    fmt = _FORMAT_BY_SUFFIX.get(suffix)
    if fmt is None:
        raise UnsupportedFormat(path, suffix=suffix)
    if fmt in _CONTAINERS:
        return _load_container(path, fmt, info.st_size, max_bytes, cancel)
    if info.st_size > max_bytes:
        raise FileTooLarge(path, size=info.st_size, limit=max_bytes)
    data = _read_capped(path, max_bytes)
    try:
        decoded = decode_text(data)
    except NotText:
        raise BinaryFile(path) from None
    try:
        document = _build(
            decoded.text,
            fmt,
            fallback_title=path.stem,
            source=path,
            encoding=decoded.encoding,
            article=not whole_page,
        )
    except EmptyDocument:
        raise EmptyDocument(path) from None
    return replace(document, replaced_bytes=decoded.replaced)


def load_text(text: str, *, format: str, title: str = "") -> Document:
    """Build a Document from already decoded text; ``format`` is one of ``FORMATS``.

    ``title`` is used when the text has no heading. Raises ``EmptyDocument`` (with an empty
    path) when nothing readable is left.
    """
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}")
    return _build(text, format, fallback_title=title, source=None, encoding="utf-8")


def _load_container(
    path: Path, fmt: str, size: int, max_text: int, cancel: CancelToken | None
) -> Document:
    if size > MAX_CONTAINER_BYTES:
        raise FileTooLarge(path, size=size, limit=MAX_CONTAINER_BYTES)
    data = _read_capped(path, MAX_CONTAINER_BYTES)
    if fmt == "pdf":
        from reader.core.document.pdf_source import read_pdf

        pdf = read_pdf(path, data, cancel)
        document = _build(pdf.text, "text", fallback_title=path.stem, source=path, encoding="")
        return _finish(_with_headings(document, pdf.headings), fmt)
    if fmt == "docx":
        from reader.core.document.docx_source import docx_to_html

        word = docx_to_html(path, data)
        _check_text_size(path, len(word.html), max_text * 4)  # markup: a few bytes per char
        document = _build(word.html, "html", fallback_title=path.stem, source=path, encoding="")
        return _with_pictures(_finish(document, fmt), dict(word.pictures))
    from reader.core.document.epub import read_epub
    from reader.core.document.html_blocks import html_to_blocks
    from reader.core.document.sanitize import sanitize_html

    book = read_epub(path, data)
    _check_text_size(path, sum(len(chapter.html) for chapter in book.chapters), max_text * 4)
    pictures = dict(book.pictures)
    blocks: list[Block] = []
    chapters: list[Chapter] = []
    for chapter in book.chapters:
        found = html_to_blocks(sanitize_html(chapter.html))
        if not found:
            continue
        first = len(blocks)
        # A book's pictures live inside its archive: addresses become entry names.
        blocks.extend(
            replace(block, index=first + i, image=_book_picture(chapter.name, block, pictures))
            for i, block in enumerate(found)
        )
        heading = next((b.text for b in found if b.kind is BlockKind.HEADING), "")
        if heading:
            chapters.append(Chapter(_short_title(heading), first))
    if not blocks:
        raise EmptyDocument(path)
    used = {block.image for block in blocks if block.image}
    title = book.title or next((b.text for b in blocks if b.kind is BlockKind.HEADING), path.stem)
    return Document(
        title=_short_title(title),
        blocks=tuple(blocks),
        source=path,
        encoding="",
        format="epub",
        chapters=tuple(chapters),
        pictures=tuple((name, data) for name, data in pictures.items() if name in used),
    )


def _with_headings(document: Document, headings: dict[str, int]) -> Document:
    """The paragraphs that are heading lines (by type size, in a PDF) made headings; the
    first heading becomes the title."""
    if not headings:
        return document
    blocks = tuple(
        replace(block, kind=BlockKind.HEADING, level=headings[block.text])
        if block.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING) and block.text in headings
        else block
        for block in document.blocks
    )
    title = next((b.text for b in blocks if b.kind is BlockKind.HEADING), document.title)
    return replace(document, blocks=blocks, title=_short_title(title))


def _book_picture(chapter: str, block: Block, pictures: dict[str, bytes]) -> str:
    """The entry name of a chapter's picture when the book carries it, else ""."""
    if block.kind is not BlockKind.IMAGE or not block.image:
        return ""
    from reader.core.document.archive import resolve_member

    member = resolve_member(chapter, block.image)
    return member if member is not None and member in pictures else ""


def _with_pictures(document: Document, pictures: dict[str, bytes]) -> Document:
    """Pictures the file carries; any other address is dropped (never read beside it)."""
    blocks = tuple(
        replace(b, image="") if b.image and b.image not in pictures else b for b in document.blocks
    )
    used = {b.image for b in blocks if b.image}
    carried = tuple((name, data) for name, data in pictures.items() if name in used)
    return replace(document, blocks=blocks, pictures=carried)


def _finish(document: Document, fmt: str) -> Document:
    return replace(document, format=fmt)


def _check_text_size(path: Path, size: int, limit: int) -> None:
    if size > limit:
        raise FileTooLarge(path, size=size, limit=limit)


def _short_title(title: str) -> str:
    if len(title) > MAX_TITLE_CHARS:
        # A "heading" of a whole book (one huge first line) must not become a window title.
        return title[:MAX_TITLE_CHARS].rsplit(" ", 1)[0] + "…"
    return title


def _build(
    text: str,
    fmt: str,
    *,
    fallback_title: str,
    source: Path | None,
    encoding: str,
    article: bool = False,
) -> Document:
    # Lone surrogates (possible only in strings handed to load_text) cannot be encoded for nh3
    # or Qt; show them as U+FFFD like any other undecodable character.
    text = _SURROGATE.sub("\ufffd", normalize_newlines(text))
    if fmt == "markdown" and _looks_like_html(text):
        fmt = "html"  # a .md that is really a saved web page: markdown would mangle it
    if fmt == "text":
        blocks = _text_blocks(text)
    else:
        # Imported here: a plain-text file never pays for python-markdown, nh3, lxml or
        # the HTML parser.
        from reader.core.document.article import extract_article
        from reader.core.document.html_blocks import html_to_blocks
        from reader.core.document.sanitize import sanitize_html

        if fmt == "markdown":
            from reader.core.document.markdown_source import markdown_to_html

            text = markdown_to_html(text)
        # Only a saved web page has boilerplate; Markdown is all article.
        extracted = extract_article(text) if article and fmt == "html" else None
        blocks = html_to_blocks(sanitize_html(extracted or text))
        article = extracted is not None
    if not any(block.text.strip() for block in blocks):  # pictures without words: nothing
        raise EmptyDocument(source or Path())
    title = next((b.text for b in blocks if b.kind is BlockKind.HEADING), fallback_title)
    title = _short_title(title)
    return Document(
        title=title,
        blocks=tuple(blocks),
        source=source,
        encoding=encoding,
        format=fmt,
        article_only=article and fmt == "html",
    )


def _text_blocks(text: str) -> list[Block]:
    found = text_blocks(text)
    blocks = [
        Block(i, BlockKind.LIST_ITEM, b.text, level=1, ordered=b.ordered, number=b.number)
        if b.is_item
        else Block(i, BlockKind.PARAGRAPH, b.text)
        for i, b in enumerate(found)
    ]
    if len(blocks) >= 2 and not found[0].is_item and _is_title_line(text, found[0].text):
        blocks[0] = Block(0, BlockKind.HEADING, found[0].text, level=1)
    return blocks


def _is_title_line(text: str, first: str) -> bool:
    """The first paragraph is a single short line that does not read like prose."""
    first_line, _ = normalize_inline(text.lstrip(" \t\n").split("\n", 1)[0])
    return (
        first_line == first
        and len(first) <= _MAX_TITLE_LINE
        and not first.endswith(_NOT_TITLE_ENDINGS)
        and any(ch.isalpha() for ch in first)
    )


def _looks_like_html(text: str) -> bool:
    """A saved web page: a doctype or <html> first, after an XML prolog or comments."""
    return _HTML_START.match(text, 0, 4096) is not None


# --- file access ---------------------------------------------------------------------


def _stat(path: Path) -> os.stat_result:
    try:
        return os.stat(path)
    except ValueError:  # an embedded NUL or unencodable name cannot name a file
        raise FileMissing(path) from None
    except OSError as error:
        raise _typed(path, error) from None


def _read_capped(path: Path, max_bytes: int) -> bytes:
    """Read at most ``max_bytes + 1`` bytes: the file may have grown since ``stat``."""
    # O_NONBLOCK: if the path was swapped for a FIFO after stat, open must not block.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except ValueError:
        raise FileMissing(path) from None
    except OSError as error:
        raise _typed(path, error) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotAFile(path)
        data = read_at_most(fd, max_bytes)
    except OSError as error:
        raise _typed(path, error) from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise FileTooLarge(path, size=max(len(data), info.st_size), limit=max_bytes)
    return data


def _typed(path: Path, error: OSError) -> LoadError:
    if isinstance(error, FileNotFoundError) or error.errno in (errno.ENOENT, errno.ENOTDIR):
        return FileMissing(path)
    if isinstance(error, PermissionError):
        return NoPermission(path)
    if isinstance(error, IsADirectoryError):
        return NotAFile(path)
    return ReadFailed(path, reason=error.strerror or str(error) or type(error).__name__)
