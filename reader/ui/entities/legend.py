"""The names legend in the status bar: one checkable button per label.

Each button shows the label's tint *and* its underline style beside its name, so the legend
explains the highlighting without relying on colour; unchecking hides that label's
highlighting in both columns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from reader.core.document.model import EntityLabel
from reader.ui.entities.positions import LABEL_ORDER, label_name
from reader.ui.theme import ReaderColors

# The pen styles that draw like the text's underline styles (see entity_highlights).
PEN_STYLES = {
    EntityLabel.PER: Qt.PenStyle.SolidLine,
    EntityLabel.ORG: Qt.PenStyle.DashLine,
    EntityLabel.LOC: Qt.PenStyle.DotLine,
    EntityLabel.MISC: Qt.PenStyle.DashDotLine,
}
SWATCH = QSize(22, 14)


def swatch_icon(label: EntityLabel, colors: ReaderColors, ratio: float = 2.0) -> QIcon:
    """A small tinted box underlined in the label's style."""
    index = LABEL_ORDER.index(label)
    pixmap = QPixmap(round(SWATCH.width() * ratio), round(SWATCH.height() * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.fillRect(
        QRectF(0, 0, SWATCH.width(), SWATCH.height() - 3), colors.entity_backgrounds[index]
    )
    pen = QPen(colors.entity_lines[index], 1.6)
    pen.setStyle(PEN_STYLES[label])
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.setPen(pen)
    y = SWATCH.height() - 2.0
    painter.drawLine(QPointF(0, y), QPointF(SWATCH.width(), y))
    painter.end()
    return QIcon(pixmap)


class EntityLegend(QWidget):
    """Person, Organisation, Place, Other: swatches that double as show/hide toggles.

    Signals:
        hidden_changed(frozenset): the labels now switched off.
    """

    hidden_changed = Signal(frozenset)

    def __init__(
        self,
        colors: Callable[[], ReaderColors],
        hidden: Iterable[EntityLabel] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("entityLegend")
        self.setAccessibleName(self.tr("Names legend"))
        self._colors = colors
        self.buttons: dict[EntityLabel, QToolButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.setSpacing(2)
        hidden = frozenset(hidden)
        for label in LABEL_ORDER:
            button = QToolButton(self)
            button.setText(label_name(label))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setIconSize(SWATCH)
            button.setAutoRaise(True)
            button.setCheckable(True)
            button.setChecked(label not in hidden)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setAccessibleName(
                self.tr("Highlight {label} names").format(label=label_name(label))
            )
            button.setToolTip(
                # Not lowercased: German nouns keep their capital (Ort, not ort).
                self.tr("Show or hide the highlighting of {label} names").format(
                    label=label_name(label)
                )
            )
            button.toggled.connect(self._on_button_toggled)
            layout.addWidget(button)
            self.buttons[label] = button
        self.refresh_colors()

    @property
    def hidden(self) -> frozenset[EntityLabel]:
        return frozenset(label for label, b in self.buttons.items() if not b.isChecked())

    def refresh_colors(self) -> None:
        """Repaint the swatches in the current theme."""
        colors = self._colors()
        ratio = max(1.0, self.devicePixelRatioF())
        for label, button in self.buttons.items():
            button.setIcon(swatch_icon(label, colors, ratio))
            # A switched-off label keeps its name but loses emphasis: not colour alone.
            font = button.font()
            font.setStrikeOut(not button.isChecked())
            button.setFont(font)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.refresh_colors()

    def _on_button_toggled(self, _checked: bool) -> None:
        self.refresh_colors()
        self.hidden_changed.emit(self.hidden)
