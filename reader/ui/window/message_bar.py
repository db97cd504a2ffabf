"""A quiet, non-modal bar above the text: a message, optional buttons, and a close button."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPaintEvent, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QToolButton, QWidget

from reader.ui.theme import paint_tinted_box


class MessageBar(QWidget):
    """Shows one message at a time; buttons run their callback and close the bar.

    Signals:
        closed(): the bar was dismissed (by a button, the close button or ``dismiss``).
    """

    closed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.error = False
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(12, 6, 6, 6)
        self._layout.setSpacing(8)
        self._layout.addWidget(self.label, 1)
        self.buttons: list[QPushButton] = []
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close message"))
        self.close_button.clicked.connect(self.dismiss)
        self._layout.addWidget(self.close_button)
        self.hide()

    def show_message(
        self,
        text: str,
        actions: Sequence[tuple[str, Callable[[], None]]] = (),
        *,
        error: bool = False,
    ) -> None:
        """Replace whatever the bar showed with ``text`` and ``actions`` (label, callback)."""
        for button in self.buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        self.error = error
        self.label.setText(text)
        self.setAccessibleName(text)
        for label, callback in actions:
            button = QPushButton(label, self)
            button.clicked.connect(lambda _checked=False, run=callback: self._run(run))
            self._layout.insertWidget(self._layout.count() - 1, button)
            self.buttons.append(button)
        self.show()
        self.update()

    def text(self) -> str:
        return self.label.text()

    def dismiss(self) -> None:
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def _run(self, callback: Callable[[], None]) -> None:
        self.dismiss()
        callback()

    def paintEvent(self, event: QPaintEvent) -> None:
        # Tinted from the palette so light and dark themes both keep their contrast.
        highlight = self.palette().color(QPalette.ColorRole.Highlight)
        accent = QColor(0xC0, 0x39, 0x2B) if self.error else highlight
        paint_tinted_box(self, accent, 0.5)
        super().paintEvent(event)
