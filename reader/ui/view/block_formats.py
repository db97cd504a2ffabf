"""Qt formats for the reading view's blocks: tables, cells, paragraphs, characters, lists."""

from __future__ import annotations

from enum import Enum
from functools import cache

from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QTextBlockFormat,
    QTextCharFormat,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextListFormat,
    QTextTableCellFormat,
    QTextTableFormat,
)

from reader.core.document.model import Block, BlockKind, MarkKind
from reader.ui.theme import ReaderColors

GAP = 28  # px between the columns, split over both cells
ROW_SPACING = 9  # px below each block
HEADING_SIZES = {1: 2, 2: 1}  # QTextFormat.FontSizeAdjustment per heading level
BULLETS = (
    QTextListFormat.Style.ListDisc,
    QTextListFormat.Style.ListCircle,
    QTextListFormat.Style.ListSquare,
)


class Side(Enum):
    """A column of the view; the value is the table column."""

    GERMAN = 0
    ENGLISH = 1


@cache
def monospace_family() -> str:
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()


def list_format(block: Block) -> QTextListFormat:
    """Bullets by nesting level, or numbers continuing from the block's number."""
    result = QTextListFormat()
    level = max(1, block.level)
    result.setIndent(level)
    if block.ordered:
        result.setStyle(QTextListFormat.Style.ListDecimal)
        result.setStart(max(1, block.number or 1))
    else:
        result.setStyle(BULLETS[(level - 1) % len(BULLETS)])
    return result


def table_format(german_percent: int) -> QTextTableFormat:
    """A borderless, full-width one-row table split German | English."""
    result = QTextTableFormat()
    result.setBorder(0)
    result.setBorderStyle(QTextTableFormat.BorderStyle.BorderStyle_None)
    result.setCellSpacing(0)
    result.setCellPadding(0)
    result.setMargin(0)
    result.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    result.setColumnWidthConstraints(
        [
            QTextLength(QTextLength.Type.PercentageLength, german_percent),
            QTextLength(QTextLength.Type.PercentageLength, 100 - german_percent),
        ]
    )
    return result


def cell_format(block: Block, side: Side, colors: ReaderColors) -> QTextTableCellFormat:
    """Padding (the gap between columns, space below each block) and the column rule."""
    result = QTextTableCellFormat()
    top = {1: 14, 2: 10}.get(block.level, 6) if block.kind is BlockKind.HEADING else 0
    result.setTopPadding(top)
    result.setBottomPadding(ROW_SPACING)
    if side is Side.GERMAN:
        result.setRightPadding(GAP / 2)
        result.setLeftPadding(0)
    else:
        result.setLeftPadding(GAP / 2 + 1)
        result.setRightPadding(0)
        # A hairline between the columns; rows touch, so it reads as one rule.
        result.setLeftBorder(1)
        result.setLeftBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        result.setLeftBorderBrush(colors.rule)
    return result


def block_format(block: Block, colors: ReaderColors) -> QTextBlockFormat:
    """Line height, heading level, quote indent, code background."""
    result = QTextBlockFormat()
    result.setLineHeight(
        100 if block.kind is BlockKind.CODE else 125,
        QTextBlockFormat.LineHeightTypes.ProportionalHeight.value,
    )
    if block.kind is BlockKind.HEADING:
        result.setHeadingLevel(max(1, min(6, block.level)))
    elif block.kind is BlockKind.QUOTE:
        result.setLeftMargin(18 * max(1, block.level))
    elif block.kind is BlockKind.CODE:
        result.setNonBreakableLines(True)
        result.setBackground(colors.code_background)
        result.setLeftMargin(4)
    return result


def base_char_format(block: Block, colors: ReaderColors) -> QTextCharFormat:
    """The character format of a block's text before inline marks."""
    char_format = QTextCharFormat()
    char_format.setForeground(colors.text)
    if block.kind is BlockKind.HEADING:
        char_format.setFontWeight(QFont.Weight.Bold)
        adjustment = HEADING_SIZES.get(block.level, 0)
        char_format.setProperty(QTextFormat.Property.FontSizeAdjustment, adjustment)
    elif block.kind is BlockKind.QUOTE:
        char_format.setFontItalic(True)
        char_format.setForeground(colors.quote_text)
    elif block.kind is BlockKind.CODE:
        char_format.setFontFamilies([monospace_family()])
        char_format.setFontFixedPitch(True)
    return char_format


def apply_mark(
    char_format: QTextCharFormat, kind: MarkKind, href: str | None, colors: ReaderColors
) -> None:
    """Add bold, italic, inline code or a link to ``char_format``."""
    if kind is MarkKind.BOLD:
        char_format.setFontWeight(QFont.Weight.Bold)
    elif kind is MarkKind.ITALIC:
        char_format.setFontItalic(True)
    elif kind is MarkKind.CODE:
        char_format.setFontFamilies([monospace_family()])
        char_format.setFontFixedPitch(True)
    elif kind is MarkKind.LINK and href:
        char_format.setAnchor(True)
        char_format.setAnchorHref(href)
        char_format.setForeground(colors.link)
        char_format.setFontUnderline(True)
        char_format.setToolTip(href)
