"""Where the main window's parts sit: the central column and the status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from reader.ui.window.parts import ColumnHeaders, StatusWidgets

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow


def build_layout(window: MainWindow) -> None:
    """Banners, column headers, the reading view and the find bar, top to bottom."""
    window.headers = ColumnHeaders(window.settings.german_column_percent, window)
    window.english_header = window.headers.english
    central = QWidget(window)
    layout = QVBoxLayout(central)
    layout.setContentsMargins(8, 6, 8, 0)
    layout.setSpacing(6)
    for widget in (window.model_banner, window.error_bar, window.file_bar, window.headers):
        layout.addWidget(widget)
    layout.addWidget(window.view, 1)
    layout.addWidget(window.find_bar)
    window.setCentralWidget(central)


def build_status_bar(window: MainWindow) -> None:
    """The status bar's widgets; Cancel stops the translation."""
    window.status = StatusWidgets(window.statusBar())
    window.status.cancel.clicked.connect(window.cancel_translation)
    # Short names for what tests and the screenshot script look at.
    window.position_label = window.status.position
    window.source_label = window.status.source
    window.progress = window.status.progress
    window.cancel_button = window.status.cancel
