"""Tables in the reading view: cells side by side on both sides, each cell's sentences linked."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from reader.core.document.loading import load_text
from reader.core.document.segmentation import segment_document
from reader.ui.theme import colors_for
from reader.ui.view.bilingual_view import BilingualView
from reader.ui.view.document_renderer import Side
from tests.ui.window_helpers import english_of

TABLE_HTML = (
    "<h1>Schiffe im Hafen</h1><p>Die Liste der Behörde.</p>"
    "<table><tr><th>Schiff</th><th>Flagge</th><th>Status</th></tr>"
    "<tr><td><b>Aurora</b></td><td>Panama</td><td>Festgesetzt. Seit Montag.</td></tr>"
    "<tr><td>Bora</td><td></td><td>Frei.</td></tr></table>"
    "<p>Ein Satz danach.</p>"
)


def make_view(qtbot):  # type: ignore[no-untyped-def]
    view = BilingualView(colors_for(QApplication.palette(), dark=False))
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    document = load_text(TABLE_HTML, format="html")
    sentences = segment_document(document)
    view.set_document(document, sentences)
    return view, document, sentences


def text_at(view: BilingualView, span: tuple[int, int]) -> str:
    cursor = QTextCursor(view.document())
    cursor.setPosition(span[0])
    cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def test_every_cell_sentence_span_covers_its_text_on_both_sides(qtbot) -> None:
    view, _document, sentences = make_view(qtbot)
    view.set_translations({s.id: english_of(s.text) for s in sentences})
    for sentence in sentences:
        german = view.renderer.span(sentence.id, Side.GERMAN)
        english = view.renderer.span(sentence.id, Side.ENGLISH)
        assert german is not None and english is not None
        assert text_at(view, german) == sentence.text
        assert text_at(view, english) == english_of(sentence.text)


def test_cells_sit_in_columns_and_a_sentence_is_found_at_its_position(qtbot) -> None:
    view, _document, sentences = make_view(qtbot)
    view.set_translations({s.id: english_of(s.text) for s in sentences})
    by_text = {s.text: s for s in sentences}
    positions = {}
    for text in ("Aurora", "Panama", "Festgesetzt.", "Seit Montag.", "Bora", "Frei."):
        sentence = by_text[text]
        for side in Side:
            span = view.renderer.span(sentence.id, side)
            assert span is not None
            assert view.renderer.sentence_at(span[0] + 1) == (sentence.id, side)
            cursor = QTextCursor(view.document())
            cursor.setPosition(span[0] + 1)
            positions[(text, side)] = view.cursorRect(cursor)
    for side in Side:
        # One row: the cells stand side by side, level with each other.
        row = [positions[(t, side)] for t in ("Aurora", "Panama", "Festgesetzt.")]
        assert row[0].x() < row[1].x() < row[2].x()
        assert abs(row[0].y() - row[2].y()) <= 2
        # The empty cell keeps its column: "Frei." sits below "Festgesetzt.".
        assert abs(positions[("Frei.", side)].x() - row[2].x()) <= 2
        assert positions[("Bora", side)].y() > row[0].y()
    # Both sides' rows start level.
    german = positions[("Aurora", Side.GERMAN)].y()
    assert abs(german - positions[("Aurora", Side.ENGLISH)].y()) <= 2


def test_pending_english_shows_placeholders_in_the_cells(qtbot) -> None:
    view, _document, sentences = make_view(qtbot)
    panama = next(s for s in sentences if s.text == "Panama")
    span = view.renderer.span(panama.id, Side.ENGLISH)
    assert span is not None and text_at(view, span) == "…"
    view.set_translations({panama.id: "PANAMA"})
    span = view.renderer.span(panama.id, Side.ENGLISH)
    assert span is not None and text_at(view, span) == "PANAMA"
    later = next(s for s in sentences if s.text == "Ein Satz danach.")
    span = view.renderer.span(later.id, Side.GERMAN)
    assert span is not None and text_at(view, span) == "Ein Satz danach."
