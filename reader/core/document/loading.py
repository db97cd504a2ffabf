"""Load a local German document (Markdown, plain text, HTML) into a Qt-free ``Document``.

The whole path is defensive: the file is checked with ``stat`` before it is opened (a FIFO
must never block), read with a byte cap, decoded (``decoding``), sanitized (``sanitize``) and
turned into blocks (``html_blocks``/``unwrap``). Every problem ends as a typed ``LoadError``.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import re
import stat
from pathlib import Path

from reader.core.document.decoding import NotText, decode_text
from reader.core.document.html_blocks import html_to_blocks
from reader.core.document.model import Block, BlockKind, Document
from reader.core.document.unwrap import normalize_inline, normalize_newlines, split_paragraphs
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

# 4 MiB: a long novel is 1-1.5 MB of text, a news article 5-50 KB. Costs grow with size on
# every step: QTextBrowser laid out 100 MB in 25 s and 3.6 GB (docs/ARCHITECTURE.md);
# loading 4.2 MB of Markdown took 4.7 s here (python-markdown is ~1 MB/s; plain text 0.6 s),
# and translating 4 MB on the CPU takes hours. Above this the reader refuses the file with a
# clear message.
MAX_FILE_BYTES = 4 * 1024 * 1024

SUPPORTED_SUFFIXES: tuple[str, ...] = (".md", ".markdown", ".txt", ".html", ".htm")
FORMATS: tuple[str, ...] = ("markdown", "text", "html")
_FORMAT_BY_SUFFIX = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
}

MAX_TITLE_CHARS = 200
_READ_CHUNK = 1 << 20
_HTML_START = re.compile(
    r"[\s\ufeff]*(?:<\?xml[^>]*>\s*|<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])",
    re.IGNORECASE | re.DOTALL,
)
_SURROGATE = re.compile("[\ud800-\udfff]")
# A first line this short, not ending like a sentence part, reads as the text's title.
_MAX_TITLE_LINE = 100
_NOT_TITLE_ENDINGS = (".", ",", ";", ":", "-", "–", "—")


def load_document(path: str | Path, *, max_bytes: int = MAX_FILE_BYTES) -> Document:
    """Read, decode and parse the file at ``path``. Raises a ``LoadError`` subclass."""
    path = Path(path)
    info = _stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise NotAFile(path)
    suffix = path.suffix.lower()
    fmt = _FORMAT_BY_SUFFIX.get(suffix)
    if fmt is None:
        raise UnsupportedFormat(path, suffix=suffix)
    if info.st_size > max_bytes:
        raise FileTooLarge(path, size=info.st_size, limit=max_bytes)
    data = _read_capped(path, max_bytes)
    try:
        decoded = decode_text(data)
    except NotText:
        raise BinaryFile(path) from None
    try:
        document = _build(
            decoded.text, fmt, fallback_title=path.stem, source=path, encoding=decoded.encoding
        )
    except EmptyDocument:
        raise EmptyDocument(path) from None
    return dataclasses.replace(document, replaced_bytes=decoded.replaced)


def load_text(text: str, *, format: str, title: str = "") -> Document:
    """Build a Document from already decoded text; ``format`` is one of ``FORMATS``.

    ``title`` is used when the text has no heading. Raises ``EmptyDocument`` (with an empty
    path) when nothing readable is left.
    """
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}")
    return _build(text, format, fallback_title=title, source=None, encoding="utf-8")


def _build(
    text: str, fmt: str, *, fallback_title: str, source: Path | None, encoding: str
) -> Document:
    # Lone surrogates (possible only in strings handed to load_text) cannot be encoded for nh3
    # or Qt; show them as U+FFFD like any other undecodable character.
    text = _SURROGATE.sub("\ufffd", normalize_newlines(text))
    if fmt == "markdown" and _looks_like_html(text):
        fmt = "html"  # a .md that is really a saved web page: markdown would mangle it
    if fmt == "text":
        blocks = _text_blocks(text)
    else:
        # Imported here: a plain-text file never pays for python-markdown or nh3.
        from reader.core.document.sanitize import sanitize_html

        if fmt == "markdown":
            from reader.core.document.markdown_source import markdown_to_html

            text = markdown_to_html(text)
        blocks = html_to_blocks(sanitize_html(text))
    if not blocks:
        raise EmptyDocument(source or Path())
    title = next((b.text for b in blocks if b.kind is BlockKind.HEADING), fallback_title)
    if len(title) > MAX_TITLE_CHARS:
        # A "heading" of a whole book (one huge first line) must not become a window title.
        title = title[:MAX_TITLE_CHARS].rsplit(" ", 1)[0] + "…"
    return Document(title=title, blocks=tuple(blocks), source=source, encoding=encoding, format=fmt)


def _text_blocks(text: str) -> list[Block]:
    paragraphs = split_paragraphs(text)
    blocks = [Block(i, BlockKind.PARAGRAPH, p) for i, p in enumerate(paragraphs)]
    if len(blocks) >= 2 and _is_title_line(text, paragraphs[0]):
        blocks[0] = Block(0, BlockKind.HEADING, paragraphs[0], level=1)
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
    chunks: list[bytes] = []
    total = 0
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotAFile(path)
        while total <= max_bytes:
            chunk = os.read(fd, min(_READ_CHUNK, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as error:
        raise _typed(path, error) from None
    finally:
        os.close(fd)
    if total > max_bytes:
        raise FileTooLarge(path, size=max(total, info.st_size), limit=max_bytes)
    return b"".join(chunks)


def _typed(path: Path, error: OSError) -> LoadError:
    if isinstance(error, FileNotFoundError) or error.errno in (errno.ENOENT, errno.ENOTDIR):
        return FileMissing(path)
    if isinstance(error, PermissionError):
        return NoPermission(path)
    if isinstance(error, IsADirectoryError):
        return NotAFile(path)
    return ReadFailed(path, reason=error.strerror or str(error) or type(error).__name__)
