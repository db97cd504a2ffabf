"""Comfortable widths: the columns stop at a line length and sit centred on wide windows."""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication

from reader.core.document.model import Block, BlockKind, Document
from reader.ui.theme import colors_for
from reader.ui.view.bilingual_view import BilingualView
from reader.ui.view.document_renderer import Side
from reader.ui.view.line_length import side_margin
from tests.ui.window_helpers import english_of, simple_segmenter

LONG = " ".join(["Die Brücke über den Fluss wird im kommenden Jahr erneuert."] * 12)


def make_view(qtbot, width: int) -> BilingualView:
    view = BilingualView(colors_for(QApplication.palette(), dark=False))
    qtbot.addWidget(view)
    view.resize(width, 700)
    view.show()
    document = Document("Brücke", (Block(0, BlockKind.PARAGRAPH, LONG),))
    sentences = simple_segmenter(document)
    view.set_document(document, sentences)
    view.set_translations({s.id: english_of(s.text) for s in sentences})
    QApplication.processEvents()
    return view


def column_edges(view: BilingualView) -> tuple[int, int]:
    """Widget x of the German text's left edge and of the English text's right edge."""
    sentence = view.sentence_ids()[0]
    german = view._span_rect(sentence, Side.GERMAN)
    english = view._span_rect(sentence, Side.ENGLISH)
    assert german is not None and english is not None
    return view.viewport().x() + german.left(), view.viewport().x() + english.right()


def longest_line_chars(view: BilingualView) -> float:
    cell = view.renderer.rows[0].table.cellAt(0, Side.GERMAN.value)
    layout = cell.firstCursorPosition().block().layout()
    width = max(layout.lineAt(i).naturalTextWidth() for i in range(layout.lineCount()))
    return width / QFontMetricsF(view.document().defaultFont()).averageCharWidth()


def test_wide_windows_keep_lines_short_and_the_columns_centred(qtbot) -> None:
    view = make_view(qtbot, 1920)
    assert view.line_length.margin > 0
    assert 60 <= longest_line_chars(view) <= 80
    left, _right = column_edges(view)
    viewport = view.viewport().geometry()
    text_right = viewport.right() - view.document().documentMargin()
    bar = view.verticalScrollBar().width() if view.verticalScrollBar().isVisible() else 0
    assert abs(left - (view.width() - bar - text_right)) <= 4  # as much room left as right


def test_narrow_windows_use_the_whole_width(qtbot) -> None:
    view = make_view(qtbot, 900)
    assert view.line_length.margin == 0
    assert longest_line_chars(view) < 75


def test_the_setting_changes_the_line_length(qtbot) -> None:
    view = make_view(qtbot, 1920)
    short = longest_line_chars(view)
    view.line_length.set_max_chars(110)
    QApplication.processEvents()
    assert longest_line_chars(view) > short + 20
    view.line_length.set_max_chars(75)
    QApplication.processEvents()
    assert abs(longest_line_chars(view) - short) < 2


def test_side_margin_arithmetic() -> None:
    assert side_margin(2000, 8.0, 75, 50, 24) == (2000 - (75 * 8 / 0.5 + 28 + 48)) // 2
    assert side_margin(900, 8.0, 75, 50, 24) == 0
    # 60 % German: the German column holds the 75 characters, the English one is narrower
    assert side_margin(2000, 8.0, 75, 60, 24) > side_margin(2000, 8.0, 75, 50, 24)
