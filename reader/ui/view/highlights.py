"""The highlights over the text: the current pair, the hovered pair, a find match.

ExtraSelections only: they never change the document. Not by colour alone: the current
pair is underlined, the hovered one dotted-underlined, a match underlined on green.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from reader.ui.theme import ReaderColors
from reader.ui.view.block_formats import Side
from reader.ui.view.document_renderer import DocumentRenderer


def highlight_selections(
    document: QTextDocument,
    renderer: DocumentRenderer,
    colors: ReaderColors,
    current: int,
    hovered: int,
    match: tuple[int, int] | None,
) -> list[QTextEdit.ExtraSelection]:
    """Selections for the view, drawn in this order (later ones on top)."""
    selections: list[QTextEdit.ExtraSelection] = []
    if hovered >= 0 and hovered != current:
        selections += pair_selections(
            document, renderer, hovered, colors.hover_background, None, colors
        )
    if current >= 0:
        selections += pair_selections(
            document, renderer, current, colors.current_background, colors.current_underline, colors
        )
    if match is not None:
        char_format = QTextCharFormat()
        char_format.setBackground(colors.match_background)
        char_format.setFontUnderline(True)
        selections.append(_selection(document, match[0], match[1], char_format))
    return selections


def pair_selections(
    document: QTextDocument,
    renderer: DocumentRenderer,
    sentence_id: int,
    background: QColor,
    underline: QColor | None,
    colors: ReaderColors,
) -> list[QTextEdit.ExtraSelection]:
    """The German and the English of one sentence; dotted underline when ``underline`` is
    None (hover), solid in ``underline`` otherwise."""
    selections = []
    for side in Side:
        span = renderer.span(sentence_id, side)
        if span is None or span[0] == span[1]:
            continue
        char_format = QTextCharFormat()
        char_format.setBackground(background)
        if underline is not None:
            char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            char_format.setUnderlineColor(underline)
        else:
            char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            char_format.setUnderlineColor(colors.muted)
        selections.append(_selection(document, span[0], span[1], char_format))
    return selections


def _selection(
    document: QTextDocument, start: int, end: int, char_format: QTextCharFormat
) -> QTextEdit.ExtraSelection:
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    selection = QTextEdit.ExtraSelection()
    selection.cursor = cursor
    selection.format = char_format
    return selection
