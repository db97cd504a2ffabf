"""Where the main window's parts sit in its central area, top to bottom."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QVBoxLayout, QWidget


def central_widget(
    parent: QWidget, bars: Sequence[QWidget], view: QWidget, find_bar: QWidget
) -> QWidget:
    """The banners and headers (``bars``), the reading view taking the room, the find bar."""
    central = QWidget(parent)
    layout = QVBoxLayout(central)
    layout.setContentsMargins(8, 6, 8, 0)
    layout.setSpacing(6)
    for widget in bars:
        layout.addWidget(widget)
    layout.addWidget(view, 1)
    layout.addWidget(find_bar)
    return central
