"""Bilingual PDF through Qt: a two-column QTextDocument table painted page by page on A4.

The document is laid out for the PDF writer's resolution, then each page's slice is drawn
with a footer (title left, "page / pages" right). Needs a QGuiApplication (fonts); nothing
here needs widgets or a display (the offscreen platform works).
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextTableCellFormat,
    QTextTableFormat,
)

from reader import __version__
from reader.core.document.model import Block, BlockKind, EntityLabel, MarkKind
from reader.core.export.model import BilingualDocument, clean_text, is_safe_link, to_tsv
from reader.core.export.pictures import PictureBudget
from reader.core.export.runs import Run, cells_of, english_runs, german_runs
from reader.core.safe_io import check_target, replace_with_temporary

ENTITY_BACKGROUNDS = {
    EntityLabel.PER: "#ffe2dd",
    EntityLabel.ORG: "#dbeafe",
    EntityLabel.LOC: "#dcf5e3",
    EntityLabel.MISC: "#fdf0c4",
}
SERIF_FAMILIES = ["Noto Serif", "DejaVu Serif", "Liberation Serif", "Times New Roman", "serif"]
SANS_FAMILIES = ["Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial", "sans-serif"]
MONO_FAMILIES = ["Noto Sans Mono", "DejaVu Sans Mono", "Liberation Mono", "monospace"]
HEADING_SCALE = {1: 1.6, 2: 1.35, 3: 1.2, 4: 1.1, 5: 1.0, 6: 1.0}
MUTED = QColor("#57606a")
RULE = QColor("#d0d7de")
ATTACHMENT_NAME = "sentences.tsv"


@dataclass(frozen=True)
class PdfOptions:
    """Page and type settings; the defaults give A4 with 10.5 pt serif text."""

    font_size: float = 10.5
    margin_mm: float = 15.0
    resolution: int = 300


def export_pdf(bilingual: BilingualDocument, path: Path, options: PdfOptions | None = None) -> int:
    """Write the PDF to ``path`` (atomically) and return its page count.

    Raises OSError when the file cannot be written. Needs a QGuiApplication.
    """
    options = options or PdfOptions()
    if QGuiApplication.instance() is None:
        raise RuntimeError("export_pdf needs a QGuiApplication")
    path = Path(path)
    check_target(path)  # a device or pipe is refused before any work, never replaced
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".pdf", dir=path.parent)
    os.close(handle)
    try:
        pages = _paint(bilingual, temp_name, options)
        replace_with_temporary(path, temp_name)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return pages


def _paint(bilingual: BilingualDocument, file_name: str, options: PdfOptions) -> int:
    writer = QPdfWriter(file_name)
    writer.setResolution(options.resolution)
    margins = QMarginsF(options.margin_mm, options.margin_mm, options.margin_mm, options.margin_mm)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            margins,
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(clean_text(bilingual.document.title))
    writer.setCreator(f"reader {__version__}")
    # Qt's PDF text map covers only the BMP, so emoji and other non-BMP characters would not
    # copy or search out of the pages; the exact sentence pairs travel inside as a TSV.
    writer.addFileAttachment(
        ATTACHMENT_NAME, to_tsv(bilingual).encode("utf-8"), "text/tab-separated-values"
    )

    paint_rect = writer.pageLayout().paintRectPixels(writer.resolution())
    footer_font = _font(SANS_FAMILIES, options.font_size * 0.75)
    footer_height = QFontMetricsF(footer_font, writer).height() * 2.2
    body = QSizeF(paint_rect.width(), paint_rect.height() - footer_height)
    # Qt scales a picture's size by the device's dots per inch over 96: undo that here.
    scale = 96 / writer.resolution()
    document = build_text_document(
        bilingual, options.font_size, QSizeF(body.width() * scale, body.height() * scale * 0.8)
    )
    # Lay out in the writer's own units so point sizes and page breaks match the paper.
    document.documentLayout().setPaintDevice(writer)
    document.setPageSize(body)
    page_count = document.pageCount()

    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {file_name}")
    try:
        for page in range(page_count):
            if page:
                writer.newPage()
            _paint_page(painter, document, page, body)
            _paint_footer(painter, bilingual, page, page_count, body, footer_height, footer_font)
    finally:
        painter.end()
    return page_count


def _paint_page(painter: QPainter, document: QTextDocument, page: int, body: QSizeF) -> None:
    painter.save()
    top = page * body.height()
    painter.translate(0, -top)
    document.drawContents(painter, QRectF(0, top, body.width(), body.height()))
    painter.restore()


def _paint_footer(
    painter: QPainter,
    bilingual: BilingualDocument,
    page: int,
    page_count: int,
    body: QSizeF,
    footer_height: float,
    font: QFont,
) -> None:
    painter.save()
    painter.setFont(font)
    painter.setPen(RULE)
    painter.drawLine(
        0,
        int(body.height() + footer_height * 0.25),
        int(body.width()),
        int(body.height() + footer_height * 0.25),
    )
    painter.setPen(MUTED)
    area = QRectF(0, body.height() + footer_height * 0.3, body.width(), footer_height * 0.7)
    number = f"{page + 1} / {page_count}"
    painter.drawText(area, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, number)
    metrics = QFontMetricsF(font, painter.device())
    room = body.width() - metrics.horizontalAdvance(number) * 2
    title = metrics.elidedText(
        clean_text(bilingual.document.title), Qt.TextElideMode.ElideRight, room
    )
    painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
    painter.restore()


def build_text_document(
    bilingual: BilingualDocument, font_size: float = 10.5, picture_room: QSizeF | None = None
) -> QTextDocument:
    """A QTextDocument holding one two-column table: a header row, then one row per block
    (a document table's row holds a small table on each side, cell by cell)."""
    document = QTextDocument()
    document.setDefaultFont(_font(SERIF_FAMILIES, font_size))
    document.setDocumentMargin(0)
    root = document.rootFrame().frameFormat()
    root.setMargin(0)
    document.rootFrame().setFrameFormat(root)

    budget = PictureBudget(bilingual.document)
    pictures = {
        block.index: image
        for block in bilingual.visible_blocks
        if block.kind is BlockKind.IMAGE and (image := _picture(budget, block)) is not None
    }
    # A picture gets a row of its own across both columns, its caption the row below.
    rows = [
        (block, picture)
        for block in bilingual.visible_blocks
        for picture in ((True, False) if block.index in pictures else (False,))
    ]
    cursor = QTextCursor(document)
    table = cursor.insertTable(1 + len(rows), 2, _table_format())
    # Every edit marks the table's cell grid dirty and the next cellAt() rebuilds it whole:
    # merge first, then take every cell once, and only then fill them (linear, not n²).
    code_rows = {row for row, (b, _p) in enumerate(rows, 1) if b.kind is BlockKind.CODE}
    picture_rows = {row for row, (_b, picture) in enumerate(rows, 1) if picture}
    for row in code_rows | picture_rows:
        table.mergeCells(row, 0, 1, 2)
    cells = [[table.cellAt(row, column) for column in (0, 1)] for row in range(1 + len(rows))]
    header = QTextCharFormat()
    header.setFont(_font(SANS_FAMILIES, font_size * 0.8))
    header.setFontWeight(QFont.Weight.Bold)
    header.setForeground(MUTED)
    for column, label in enumerate(("Deutsch", "English")):
        cells[0][column].firstCursorPosition().insertText(label, header)
    code = QTextCharFormat()
    code.setFont(_font(MONO_FAMILIES, font_size * 0.85))
    code_background = QTextTableCellFormat()
    code_background.setBackground(QColor("#f6f8fa"))
    for row, (block, picture) in enumerate(rows, start=1):
        if picture:
            cell_cursor = cells[row][0].firstCursorPosition()
            _insert_picture(document, cell_cursor, pictures[block.index], block, picture_room)
            continue
        if row in code_rows:
            cell_cursor = cells[row][0].firstCursorPosition()
            cell_cursor.insertText(clean_text(block.text), code)
            continue
        for column, runs in enumerate(
            (german_runs(bilingual, block), english_runs(bilingual, block))
        ):
            cursor = cells[row][column].firstCursorPosition()
            if block.kind is BlockKind.TABLE_ROW and block.cells:
                by_cell = cells_of(bilingual, block, runs, english=column == 1)
                _fill_table_row(cursor, block, by_cell, font_size)
            else:
                _fill_cell(cursor, block, runs, font_size)
    for row in code_rows:
        cells[row][0].setFormat(code_background)
    return document


def _picture(budget: PictureBudget, block: Block) -> QImage | None:
    """The block's picture decoded, if the export may carry it (see ``PictureBudget``)."""
    found = budget.picture(block)
    image = QImage.fromData(found[1]) if found is not None else None
    return image if image is not None and not image.isNull() else None


def _insert_picture(
    document: QTextDocument,
    cursor: QTextCursor,
    image: QImage,
    block: Block,
    room: QSizeF | None,
) -> None:
    """The picture centred, never wider than the page nor taller than most of it (``room``,
    in 96-dpi pixels); its caption is the next row."""
    name = f"picture:{block.index}"
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    centred = QTextBlockFormat()
    centred.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    cursor.setBlockFormat(centred)
    image_format = QTextImageFormat()
    image_format.setName(name)
    # A share of the page's width: 100 % would run over the cell's padding and border.
    image_format.setMaximumWidth(QTextLength(QTextLength.Type.PercentageLength, 98))
    if room is not None:
        shrink = min(1.0, room.width() * 0.98 / image.width(), room.height() / image.height())
        image_format.setWidth(image.width() * shrink)
        image_format.setHeight(image.height() * shrink)
    cursor.insertImage(image_format)


def _table_format() -> QTextTableFormat:
    table_format = QTextTableFormat()
    table_format.setHeaderRowCount(1)  # repeated on every page
    table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    half = QTextLength(QTextLength.Type.PercentageLength, 50)
    table_format.setColumnWidthConstraints([half, half])
    table_format.setCellSpacing(0)
    table_format.setCellPadding(5)
    table_format.setBorder(1)
    table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    table_format.setBorderBrush(RULE)
    table_format.setBorderCollapse(True)
    return table_format


def _fill_cell(cursor: QTextCursor, block: Block, runs: list[Run], font_size: float) -> None:
    base = QTextCharFormat()
    block_format = QTextBlockFormat()
    if block.kind is BlockKind.HEADING:
        base.setFontWeight(QFont.Weight.Bold)
        base.setFontPointSize(font_size * HEADING_SCALE.get(min(max(block.level, 1), 6), 1.0))
        block_format.setTopMargin(4)
    elif block.kind is BlockKind.QUOTE:
        base.setFontItalic(True)
        base.setForeground(QColor("#424a53"))
        block_format.setLeftMargin(12)
    elif block.kind is BlockKind.LIST_ITEM:
        depth = max(block.level, 1)
        block_format.setLeftMargin(14 * depth)
        block_format.setTextIndent(-12)
    cursor.setBlockFormat(block_format)
    if block.kind is BlockKind.LIST_ITEM:
        marker = f"{block.number}. " if block.ordered else "• "
        cursor.insertText(marker, base)
    _insert_runs(cursor, runs, base)


def _fill_table_row(
    cursor: QTextCursor, block: Block, cells: list[list[Run]], font_size: float
) -> None:
    """A document table's row as a small table of its own, one column per table cell (the
    German cells on the left, the English of each cell's sentences at the same column on
    the right); a header row (``level`` 1) is bold on a grey ground."""
    columns = max(1, len(cells))
    table_format = QTextTableFormat()
    table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    share = QTextLength(QTextLength.Type.PercentageLength, 100 / columns)
    table_format.setColumnWidthConstraints([share] * columns)
    table_format.setCellSpacing(0)
    table_format.setCellPadding(3)
    table_format.setBorder(1)
    table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    table_format.setBorderBrush(RULE)
    table_format.setBorderCollapse(True)
    table_format.setMargin(0)
    table = cursor.insertTable(1, columns, table_format)
    base = QTextCharFormat()
    if block.level:
        base.setFontWeight(QFont.Weight.Bold)
    base.setFontPointSize(font_size * 0.95)
    header_ground = QTextTableCellFormat()
    header_ground.setBackground(QColor("#f6f8fa"))
    for column, runs in enumerate(cells):
        cell = table.cellAt(0, column)
        if block.level:
            cell.setFormat(header_ground)
        _insert_runs(cell.firstCursorPosition(), runs, base)


def _insert_runs(cursor: QTextCursor, runs: list[Run], base: QTextCharFormat) -> None:
    for run in runs:
        text = clean_text(run.text)
        if not text:
            continue
        char_format = QTextCharFormat(base)
        if MarkKind.BOLD in run.marks:
            char_format.setFontWeight(QFont.Weight.Bold)
        if MarkKind.ITALIC in run.marks:
            char_format.setFontItalic(True)
        if MarkKind.CODE in run.marks:
            char_format.setFontFamilies(["DejaVu Sans Mono", "monospace"])
            char_format.setFontFixedPitch(True)
        if MarkKind.LINK in run.marks and is_safe_link(run.href):
            # Qt's PDF engine turns anchors into link annotations: web links stay clickable.
            char_format.setAnchor(True)
            char_format.setAnchorHref(clean_text(run.href or ""))
            char_format.setForeground(QColor("#0a58ca"))
            char_format.setFontUnderline(True)
        if run.entity is not None:
            char_format.setBackground(QColor(ENTITY_BACKGROUNDS[run.entity.label]))
        cursor.insertText(text, char_format)


def _font(families: list[str], point_size: float) -> QFont:
    font = QFont()
    font.setFamilies(families)
    font.setPointSizeF(point_size)
    return font
