"""Pictures for the reading view, read only through the core's checked resource reader."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage


def load_image(base_dir: str | None, url: str) -> QImage:
    """The picture at ``url`` beside the document, or a transparent placeholder."""
    data = _read_resource(base_dir, url)
    image = QImage()
    if data is None or not image.loadFromData(data):
        image = QImage(16, 16, QImage.Format.Format_ARGB32)
        image.fill(QColor(0, 0, 0, 0))
    return image


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
