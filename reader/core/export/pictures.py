"""Pictures for exports: the bytes a document may show, checked and capped, as data: URIs.

Only what the reading view would show goes in: a picture the file carries (EPUB, DOCX) or
a regular file below the document's folder read through ``read_local_resource`` (no remote
URLs, no ``..``, no symlinks out, no devices or FIFOs). On top of that a picture must be a
PNG, JPEG or GIF (recognised by its first bytes, never SVG: it can hold scripts), at most
``MAX_PICTURE_BYTES`` and ``MAX_PIXELS`` (read from its header by ``imagesize``), and all
pictures of one export together at most ``MAX_TOTAL_BYTES``. Anything else is left out and
the export shows the alt text, as before.
"""

from __future__ import annotations

import base64
import io

import imagesize

from reader.core.document.model import Block, Document
from reader.core.document.resources import read_local_resource

MAX_PICTURE_BYTES = 2 * 1024 * 1024  # a large web photo; an export stays mailable
MAX_TOTAL_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 40_000_000  # as the reading view
_TYPES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


class PictureBudget:
    """One export's pictures (bytes or data URIs), each read once, within the total cap."""

    def __init__(self, document: Document, total_bytes: int = MAX_TOTAL_BYTES) -> None:
        self.document = document
        self.left = total_bytes
        self._carried = dict(document.pictures)
        self._pictures: dict[str, tuple[str, bytes] | None] = {}

    def picture(self, block: Block) -> tuple[str, bytes] | None:
        """The MIME type and bytes of an image block's picture, or None (not allowed or
        usable, or over what is left of the total); a repeated picture counts once."""
        url = block.image
        if not url:
            return None
        if url not in self._pictures:
            data = self._read(url)
            mime = picture_type(data) if data is not None else None
            found = None
            if data is not None and mime is not None and len(data) <= self.left:
                self.left -= len(data)
                found = (mime, data)
            self._pictures[url] = found
        return self._pictures[url]

    def data_uri(self, block: Block) -> str | None:
        """The picture of an image block as a ``data:`` URI, or None (see ``picture``)."""
        found = self.picture(block)
        if found is None:
            return None
        mime, data = found
        return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"

    def _read(self, url: str) -> bytes | None:
        carried = self._carried.get(url)
        if carried is not None:
            return carried if len(carried) <= MAX_PICTURE_BYTES else None
        source = self.document.source
        if source is None:
            return None
        return read_local_resource(source.parent, url, max_bytes=MAX_PICTURE_BYTES)


def picture_type(data: bytes) -> str | None:
    """The MIME type of a PNG, JPEG or GIF of sane size, or None for anything else."""
    mime = next((kind for magic, kind in _TYPES if data.startswith(magic)), None)
    if mime is None:
        return None
    try:
        width, height = imagesize.get(io.BytesIO(data))
    except (ValueError, OSError, IndexError):  # a broken header
        return None
    if width <= 0 or height <= 0 or width * height > MAX_PIXELS:
        return None
    return mime
