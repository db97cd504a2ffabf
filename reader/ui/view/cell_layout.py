"""Where German and English sit in a row's table: side by side, or interleaved.

Side by side (the default) a row is a 1×2 table, German | English. Interleaved (View ›
Interleaved, for reading practice in one column) it is a 2×1 table, the English paragraph
under its German one. A table's shape says which layout it has, so rows need no flag.
"""

from __future__ import annotations

from PySide6.QtGui import (
    QTextFrameFormat,
    QTextLength,
    QTextTable,
    QTextTableCell,
    QTextTableCellFormat,
    QTextTableFormat,
)

from reader.core.document.model import Block
from reader.ui.theme import ReaderColors
from reader.ui.view.block_formats import ROW_SPACING, Side, cell_format, table_format

ENGLISH_INDENT = 14  # the interleaved English sits a little in, after a hairline
UNDER_GERMAN = 4  # space between a German paragraph and its English below


def table_shape(interleaved: bool) -> tuple[int, int]:
    """(rows, columns) of a new row's table."""
    return (2, 1) if interleaved else (1, 2)


def cell_of(table: QTextTable, side: Side) -> QTextTableCell:
    """The cell that holds ``side`` in ``table``."""
    if table.columns() == 1:
        return table.cellAt(side.value, 0)
    return table.cellAt(0, side.value)


def side_of(table: QTextTable, cell: QTextTableCell) -> Side:
    """The side a valid ``cell`` of ``table`` shows."""
    return Side(cell.row() if table.columns() == 1 else cell.column())


def row_table_format(german_percent: int, interleaved: bool) -> QTextTableFormat:
    """The format of a new row's table in either layout."""
    side_by_side = table_format(german_percent)
    return interleaved_table_format(side_by_side) if interleaved else side_by_side


def cell_format_for(
    block: Block, side: Side, colors: ReaderColors, interleaved: bool
) -> QTextTableCellFormat:
    """The format of one side's cell in either layout."""
    side_by_side = cell_format(block, side, colors)
    return interleaved_cell_format(side_by_side, side) if interleaved else side_by_side


def interleaved_table_format(side_by_side: QTextTableFormat) -> QTextTableFormat:
    """The side-by-side format with one full-width column."""
    result = QTextTableFormat(side_by_side)
    result.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, 100)])
    return result


def interleaved_cell_format(side_by_side: QTextTableCellFormat, side: Side) -> QTextTableCellFormat:
    """German full width with a small gap below; English under it, indented after the
    same hairline that separates the columns side by side."""
    result = QTextTableCellFormat(side_by_side)
    result.setRightPadding(0)
    if side is Side.GERMAN:
        result.setBottomPadding(UNDER_GERMAN)
    else:
        result.setTopPadding(0)
        result.setLeftPadding(ENGLISH_INDENT)
        result.setBottomPadding(ROW_SPACING)
        result.setLeftBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    return result
