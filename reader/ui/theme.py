"""Light and dark: follow the system colour scheme unless View › Theme overrides it.

The palette comes from Fusion (same look on every platform); the reading view's own colours
(placeholders, highlights, code background) are derived from the palette in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QWidget


@dataclass(frozen=True)
class ReaderColors:
    """Colours the reading view uses; each pair chosen to stay readable on its background."""

    dark: bool
    text: QColor
    muted: QColor  # pending placeholders, captions
    link: QColor
    quote_text: QColor
    code_background: QColor
    current_background: QColor  # the linked sentence pair
    current_underline: QColor
    hover_background: QColor
    match_background: QColor  # find matches
    rule: QColor  # the line between the columns
    entity_backgrounds: tuple[QColor, QColor, QColor, QColor]  # PER, ORG, LOC, MISC
    entity_lines: tuple[QColor, QColor, QColor, QColor]  # their underlines


def system_is_dark() -> bool:
    """What the desktop says (Qt 6.5+); unknown counts as light."""
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def is_dark(theme: str) -> bool:
    if theme == "dark":
        return True
    if theme == "light":
        return False
    return system_is_dark()


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    window = QColor(0x2B, 0x2D, 0x31)
    base = QColor(0x1F, 0x21, 0x24)
    text = QColor(0xE3, 0xE3, 0xE0)
    for role, color in (
        (roles.Window, window),
        (roles.WindowText, text),
        (roles.Base, base),
        (roles.AlternateBase, window),
        (roles.ToolTipBase, window),
        (roles.ToolTipText, text),
        (roles.PlaceholderText, QColor(0x9A, 0x9C, 0xA0)),
        (roles.Text, text),
        (roles.Button, QColor(0x36, 0x39, 0x3E)),
        (roles.ButtonText, text),
        (roles.BrightText, QColor(0xFF, 0x6B, 0x6B)),
        (roles.Link, QColor(0x8A, 0xB4, 0xF8)),
        (roles.Highlight, QColor(0x4A, 0x7F, 0xC1)),
        (roles.HighlightedText, QColor(0xFF, 0xFF, 0xFF)),
        (roles.Mid, QColor(0x45, 0x48, 0x4D)),
        (roles.Dark, QColor(0x18, 0x19, 0x1B)),
        (roles.Light, QColor(0x4A, 0x4D, 0x52)),
    ):
        palette.setColor(role, color)
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.Text, roles.WindowText, roles.ButtonText):
        palette.setColor(disabled, role, QColor(0x80, 0x82, 0x86))
    return palette


def apply_theme(app: QApplication, theme: str) -> ReaderColors:
    """Set the application palette for ``theme`` and return the view colours to match."""
    dark = is_dark(theme)
    hints = QGuiApplication.styleHints()
    # Tell Qt (and the platform theme) what we chose, so native parts follow.
    if theme == "system":
        hints.unsetColorScheme()
    else:
        hints.setColorScheme(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)
    style = app.style()
    palette = dark_palette() if dark else style.standardPalette()
    app.setPalette(palette)
    return colors_for(palette, dark)


def colors_for(palette: QPalette, dark: bool) -> ReaderColors:
    text = palette.color(QPalette.ColorRole.Text)
    if dark:
        return ReaderColors(
            dark=True,
            text=text,
            muted=QColor(0x8C, 0x8F, 0x94),
            link=QColor(0x8A, 0xB4, 0xF8),
            quote_text=QColor(0xC4, 0xC6, 0xC9),
            code_background=QColor(0x2A, 0x2C, 0x30),
            current_background=QColor(0x5A, 0x4B, 0x12),
            current_underline=QColor(0xF2, 0xC1, 0x4E),
            hover_background=QColor(0x33, 0x3A, 0x45),
            match_background=QColor(0x1E, 0x5A, 0x3C),
            rule=QColor(0x3A, 0x3D, 0x42),
            entity_backgrounds=(
                QColor(0x3E, 0x2C, 0x48),
                QColor(0x20, 0x3A, 0x2D),
                QColor(0x22, 0x34, 0x4B),
                QColor(0x3F, 0x34, 0x22),
            ),
            entity_lines=(
                QColor(0xD2, 0x9B, 0xEB),
                QColor(0x7F, 0xD1, 0x9F),
                QColor(0x8F, 0xB9, 0xF0),
                QColor(0xE0, 0xB8, 0x74),
            ),
        )
    return ReaderColors(
        dark=False,
        text=text,
        muted=QColor(0x8A, 0x8A, 0x8A),
        link=QColor(0x1A, 0x5F, 0xB4),
        quote_text=QColor(0x4A, 0x4A, 0x4A),
        code_background=QColor(0xF3, 0xF3, 0xF1),
        current_background=QColor(0xFF, 0xEF, 0xB0),
        current_underline=QColor(0xB0, 0x7D, 0x00),
        hover_background=QColor(0xE8, 0xEF, 0xFA),
        match_background=QColor(0xC8, 0xF0, 0xD2),
        rule=QColor(0xE2, 0xE2, 0xDE),
        entity_backgrounds=(
            QColor(0xF4, 0xE6, 0xF8),
            QColor(0xE2, 0xF2, 0xE8),
            QColor(0xE3, 0xED, 0xFA),
            QColor(0xF7, 0xEE, 0xDC),
        ),
        entity_lines=(
            QColor(0x8E, 0x44, 0xAD),
            QColor(0x2E, 0x7D, 0x4F),
            QColor(0x2F, 0x6D, 0xB5),
            QColor(0x9A, 0x6A, 0x22),
        ),
    )


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``amount`` of ``a`` over ``b``: tints that keep their contrast in light and dark."""
    return QColor(
        round(a.red() * amount + b.red() * (1 - amount)),
        round(a.green() * amount + b.green() * (1 - amount)),
        round(a.blue() * amount + b.blue() * (1 - amount)),
    )


def paint_tinted_box(widget: QWidget, accent: QColor, border: float) -> None:
    """A rounded box behind ``widget``'s contents, tinted with ``accent`` over the window
    colour (``border`` of it in the outline), so a dark theme gets a dark tint."""
    base = widget.palette().color(QPalette.ColorRole.Window)
    painter = QPainter(widget)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(mix(accent, base, border), 1))
    painter.setBrush(mix(accent, base, 0.12))
    painter.drawRoundedRect(QRectF(widget.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
    painter.end()
