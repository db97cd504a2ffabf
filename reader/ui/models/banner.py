"""The calm banner shown above the reading view while no German→English model is installed."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QWidget,
)

from reader.ui.theme import paint_tinted_box


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
        paint_tinted_box(self, self.palette().color(QPalette.ColorRole.Highlight), 0.45)
        super().paintEvent(event)
