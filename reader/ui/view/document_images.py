"""Pictures for the reading view, read only through the core's checked resource reader.

Anything that is not a readable picture of sane size (remote, outside the document's
folder, a device or FIFO, over the byte cap, undecodable, or over ``MAX_PIXELS``) becomes
a small grey placeholder; the alt text below it says what it was.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter

# 40 megapixels: a large camera photo; decoding more would cost hundreds of MB.
MAX_PIXELS = 40_000_000
PLACEHOLDER_SIZE = (96, 64)


def load_image(
    base_dir: str | None, url: str, carried: Mapping[str, bytes] | None = None
) -> QImage:
    """The picture ``url`` names: one the file carries (EPUB), else one beside the document,
    else a placeholder."""
    data = carried.get(url) if carried else None
    if data is None:
        data = _read_resource(base_dir, url)
    image = _decode(data) if data is not None else None
    return image if image is not None else placeholder()


def placeholder() -> QImage:
    """A light grey box with a frame: a picture that is not shown."""
    width, height = PLACEHOLDER_SIZE
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor(128, 128, 128, 40))
    painter = QPainter(image)
    painter.setPen(QColor(128, 128, 128, 160))
    painter.drawRect(0, 0, width - 1, height - 1)
    painter.drawLine(0, 0, width - 1, height - 1)
    painter.drawLine(0, height - 1, width - 1, 0)
    painter.end()
    return image


def _decode(data: bytes) -> QImage | None:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()  # from the header: nothing decoded yet
    if not size.isValid() or size.width() * size.height() > MAX_PIXELS:
        return None
    image = reader.read()
    return None if image.isNull() else image


def _read_resource(base_dir: str | None, url: str) -> bytes | None:
    if not base_dir:
        return None
    try:
        from reader.core.document.resources import read_local_resource
    except ImportError:
        return None
    try:
        return read_local_resource(Path(base_dir), url)
    except Exception:  # a picture must never take the window down
        return None
