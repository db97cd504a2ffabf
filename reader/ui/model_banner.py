"""The calm banner shown above the reading view while no German→English model is installed."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QWidget,
)


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``amount`` of ``a`` over ``b``; keeps the banner readable in light and dark palettes."""
    return QColor(
        round(a.red() * amount + b.red() * (1 - amount)),
        round(a.green() * amount + b.green() * (1 - amount)),
        round(a.blue() * amount + b.blue() * (1 - amount)),
    )


class ModelBanner(QWidget):
    """Says that no translation model is installed and offers the two ways to get one.

    Signals:
        install_requested: the user wants to pick a ``.argosmodel`` file.
        download_requested: the user wants to download a model.
    """

    install_requested = Signal()
    download_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modelBanner")
        self.setAccessibleName(self.tr("No translation model"))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        icon = QLabel(self)
        icon.setPixmap(
            self.style()
            .standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            .pixmap(QSize(24, 24))
        )
        icon.setAccessibleName(self.tr("Information"))

        self.message = QLabel(
            self.tr(
                "No German→English translation model is installed. The German text is "
                "shown; install a model to see the English."
            ),
            self,
        )
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleDescription(self.message.text())

        self.install_button = QPushButton(self.tr("Install model from file…"), self)
        self.install_button.setAccessibleName(self.tr("Install model from file"))
        self.install_button.clicked.connect(self.install_requested)

        self.download_button = QPushButton(self.tr("Download…"), self)
        self.download_button.setAccessibleName(self.tr("Download a model"))
        self.download_button.clicked.connect(self.download_requested)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(10)
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.install_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.download_button, 0, Qt.AlignmentFlag.AlignVCenter)

    def paintEvent(self, event: QPaintEvent) -> None:
        # Painted from the palette, not a fixed stylesheet colour, so a dark theme gets a
        # dark tint and the text keeps its contrast.
        palette = self.palette()
        accent = palette.color(QPalette.ColorRole.Highlight)
        base = palette.color(QPalette.ColorRole.Window)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(_mix(accent, base, 0.45), 1))
        painter.setBrush(_mix(accent, base, 0.12))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        painter.end()
        super().paintEvent(event)
