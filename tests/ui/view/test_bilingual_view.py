"""The reading view: row alignment, structure, positions with emoji, linking, keyboard."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from reader.core.document.model import Block, BlockKind, Document, Mark, MarkKind, Sentence
from reader.ui.theme import colors_for
from reader.ui.view.bilingual_view import BilingualView
from reader.ui.view.document_renderer import ExtraFormat, Side
from tests.ui.window_helpers import english_of, simple_segmenter

BLOCKS = (
    Block(0, BlockKind.HEADING, "Wetter in Köln", level=1),
    Block(
        1,
        BlockKind.PARAGRAPH,
        "Heute scheint 😀 die Sonne. Morgen regnet es in Köln.",
        marks=(Mark(MarkKind.BOLD, 0, 5), Mark(MarkKind.LINK, 45, 49, "https://example.org")),
    ),
    Block(2, BlockKind.LIST_ITEM, "Erster Punkt.", level=1),
    Block(3, BlockKind.LIST_ITEM, "Zweiter Punkt, eingerückt.", level=2),
    Block(4, BlockKind.LIST_ITEM, "Dritter Punkt.", level=1, ordered=True, number=3),
    Block(5, BlockKind.QUOTE, "Ein Zitat steht hier.", level=1),
    Block(6, BlockKind.CODE, "print('hallo')"),
    Block(7, BlockKind.PARAGRAPH, "Zum Schluss ein letzter Satz."),
)


def make_view(qtbot, blocks=BLOCKS) -> tuple[BilingualView, tuple[Sentence, ...]]:
    view = BilingualView(colors_for(QApplication.palette(), dark=False))
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    document = Document("Wetter", tuple(blocks))
    sentences = simple_segmenter(document)
    view.set_document(document, sentences)
    return view, sentences


def text_at(view: BilingualView, span: tuple[int, int]) -> str:
    cursor = QTextCursor(view.document())
    cursor.setPosition(span[0])
    cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def point_of(view: BilingualView, sentence_id: int, side: Side) -> QPoint:
    span = view.renderer.span(sentence_id, side)
    assert span is not None
    cursor = QTextCursor(view.document())
    cursor.setPosition(span[0] + 1)
    return view.cursorRect(cursor).center()


def test_every_sentence_span_covers_its_text_even_after_an_emoji(qtbot) -> None:
    view, sentences = make_view(qtbot)
    for sentence in sentences:
        assert text_at(view, view.renderer.span(sentence.id, Side.GERMAN)) == sentence.text
    view.set_translations({s.id: english_of(s.text) + " 🎉" for s in sentences})
    for sentence in sentences:
        english = english_of(sentence.text) + " 🎉"
        assert text_at(view, view.renderer.span(sentence.id, Side.ENGLISH)) == english


def test_each_blocks_english_starts_level_with_its_german(qtbot) -> None:
    view, sentences = make_view(qtbot)
    view.set_translations({s.id: english_of(s.text) * 3 for s in sentences})  # taller English
    for row in view.renderer.rows:
        if not row.sentence_ids:
            continue
        first = row.sentence_ids[0]
        german = view._span_rect(first, Side.GERMAN)
        english = view._span_rect(first, Side.ENGLISH)
        assert german is not None and english is not None
        assert abs(german.top() - english.top()) <= 2
        assert english.left() > german.right() - 1 or english.left() > view.width() // 3


def test_structure_is_kept_on_both_sides(qtbot) -> None:
    view, _sentences = make_view(qtbot)
    rows = view.renderer.rows
    for side in Side:
        heading = rows[0].table.cellAt(0, side.value).firstCursorPosition().block()
        assert heading.blockFormat().headingLevel() == 1
        nested = rows[3].table.cellAt(0, side.value).firstCursorPosition().block()
        assert nested.textList() is not None
        assert nested.textList().format().indent() == 2
        numbered = rows[4].table.cellAt(0, side.value).firstCursorPosition().block()
        assert numbered.textList().format().start() == 3
        code = rows[6].table.cellAt(0, side.value).firstCursorPosition()
        assert code.block().text() == "print('hallo')"  # code is shown, never translated
    bold = rows[1].table.cellAt(0, 0).firstCursorPosition()
    bold.movePosition(QTextCursor.MoveOperation.Right)
    assert bold.charFormat().fontWeight() >= 600
    link_cursor = QTextCursor(view.document())
    link_cursor.setPosition(rows[1].cell_start(Side.GERMAN) + 47 + 1)  # +1: the emoji
    assert link_cursor.charFormat().anchorHref() == "https://example.org"


def test_pending_sentences_show_placeholders_until_english_arrives(qtbot) -> None:
    view, sentences = make_view(qtbot)
    first = sentences[1]
    assert text_at(view, view.renderer.span(first.id, Side.ENGLISH)) == "…"
    view.set_translations({first.id: "It is sunny today."})
    assert text_at(view, view.renderer.span(first.id, Side.ENGLISH)) == "It is sunny today."
    view.set_placeholders(False)
    assert (
        view.renderer.span(sentences[2].id, Side.ENGLISH)[0]
        == view.renderer.span(sentences[2].id, Side.ENGLISH)[1]
    )


def test_hover_links_the_pair_from_either_side(qtbot) -> None:
    view, sentences = make_view(qtbot)
    view.set_translations({s.id: english_of(s.text) for s in sentences})
    target = sentences[2].id
    for side in Side:
        with qtbot.waitSignal(view.hovered_sentence_changed) as blocker:
            qtbot.mouseMove(view.viewport(), point_of(view, target, side))
        assert blocker.args == [target]
        covered = {
            (s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in view.extraSelections()
        }
        assert view.renderer.span(target, Side.GERMAN) in covered
        assert view.renderer.span(target, Side.ENGLISH) in covered
        qtbot.mouseMove(view.viewport(), QPoint(2, view.viewport().height() - 2))


def test_click_links_the_pair_from_either_side(qtbot) -> None:
    view, sentences = make_view(qtbot)
    view.set_translations({s.id: english_of(s.text) for s in sentences})
    for side, target in ((Side.ENGLISH, sentences[3].id), (Side.GERMAN, sentences[1].id)):
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(view, target, side)
        )
        assert view.current == target
        selections = view.extraSelections()
        spans = {(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in selections}
        assert view.renderer.span(target, Side.ENGLISH) in spans
        assert view.renderer.span(target, Side.GERMAN) in spans
        # Not by colour alone: the current pair is underlined too.
        assert all(s.format.underlineStyle() != 0 for s in selections)


def test_keyboard_moves_the_pair_and_enter_copies_it(qtbot) -> None:
    view, sentences = make_view(qtbot)
    view.set_translations({s.id: english_of(s.text) for s in sentences})
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_J)
    assert view.current == sentences[0].id
    qtbot.keyClick(view, Qt.Key.Key_J)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert view.current == sentences[2].id
    qtbot.keyClick(view, Qt.Key.Key_K)
    assert view.current == sentences[1].id
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # stays at the top
    assert view.current == sentences[0].id
    qtbot.keyClick(view, Qt.Key.Key_Return)
    first = sentences[0].text
    assert QApplication.clipboard().text() == f"{first}\n{english_of(first)}"


def test_enter_copies_every_selected_pair_as_text_and_html(qtbot) -> None:
    view, sentences = make_view(qtbot)
    view.set_translations({s.id: english_of(s.text) for s in sentences})
    # Two sentences of one paragraph (across rows Qt selects whole table cells).
    first, second = sentences[1], sentences[2]
    assert first.block == second.block
    start = view.renderer.span(first.id, Side.GERMAN)[0] + 2
    end = view.renderer.span(second.id, Side.GERMAN)[0] + 1
    cursor = view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert view.selected_sentence_ids() == [first.id, second.id]
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    data = QApplication.clipboard().mimeData()
    assert data.text() == (
        f"{first.text}\n{english_of(first.text)}\n\n{second.text}\n{english_of(second.text)}"
    )
    assert data.html().count("<tr>") == 2
    assert 'lang="en"' in data.html()


def test_streaming_english_keeps_the_reading_position(qtbot) -> None:
    blocks = tuple(
        Block(i, BlockKind.PARAGRAPH, f"Absatz {i} hat einen Satz. Und noch einen.")
        for i in range(120)
    )
    view, sentences = make_view(qtbot, blocks)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    top = view.top_sentence_id()
    before = view._span_rect(top, Side.GERMAN).top()
    # Long English for everything above the view makes those rows taller.
    view.set_translations({s.id: english_of(s.text) * 4 for s in sentences if s.id < top})
    assert view.top_sentence_id() == top
    assert abs(view._span_rect(top, Side.GERMAN).top() - before) <= 2


def test_reading_order_puts_visible_sentences_first(qtbot) -> None:
    blocks = tuple(Block(i, BlockKind.PARAGRAPH, f"Satz {i} steht hier.") for i in range(150))
    view, sentences = make_view(qtbot, blocks)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    visible = view.visible_sentence_ids()
    assert visible and visible[0] > 0
    order = view.reading_order([s.id for s in sentences])
    assert order[: len(visible)] == visible
    assert order[len(visible)] == visible[-1] + 1  # then onward, earlier text last
    assert order[-1] == 0


def test_extra_formats_land_on_both_sides(qtbot) -> None:
    from PySide6.QtGui import QColor, QTextCharFormat

    view, sentences = make_view(qtbot)
    view.set_translations({s.id: "Cologne is wet." for s in sentences})
    mark = QTextCharFormat()
    mark.setBackground(QColor("#abcdef"))
    view.set_extra_formats(
        [
            ExtraFormat(Side.GERMAN, 0, 10, 14, mark),
            ExtraFormat(Side.ENGLISH, sentences[0].id, 0, 7, mark),
        ]
    )
    german = QTextCursor(view.document())
    german.setPosition(view.renderer.rows[0].cell_start(Side.GERMAN) + 12)
    assert german.charFormat().background().color() == QColor("#abcdef")
    english = QTextCursor(view.document())
    english.setPosition(view.renderer.span(sentences[0].id, Side.ENGLISH)[0] + 3)
    assert english.charFormat().background().color() == QColor("#abcdef")
    view.set_translations({sentences[0].id: "Cologne is wet indeed."})  # survives a redraw
    english.setPosition(view.renderer.span(sentences[0].id, Side.ENGLISH)[0] + 3)
    assert english.charFormat().background().color() == QColor("#abcdef")


def test_a_new_document_never_shows_the_old_documents_marks(qtbot) -> None:
    from PySide6.QtGui import QColor, QTextCharFormat

    view, sentences = make_view(qtbot)
    mark = QTextCharFormat()
    mark.setBackground(QColor("#abcdef"))
    view.set_extra_formats(
        [
            ExtraFormat(Side.GERMAN, 0, 0, 6, mark),
            ExtraFormat(Side.ENGLISH, sentences[0].id, 0, 4, mark),
        ]
    )
    other = Document("Anders", (Block(0, BlockKind.PARAGRAPH, "Ganz neuer Text hier. Und mehr."),))
    other_sentences = simple_segmenter(other)
    view.set_document(other, other_sentences)
    view.set_translations({s.id: "Quite new text." for s in other_sentences})
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.renderer.rows[0].cell_start(Side.GERMAN) + 3)
    assert cursor.charFormat().background().color() != QColor("#abcdef")
    cursor.setPosition(view.renderer.span(other_sentences[0].id, Side.ENGLISH)[0] + 2)
    assert cursor.charFormat().background().color() != QColor("#abcdef")


def test_local_images_never_read_directly(qtbot) -> None:
    from PySide6.QtGui import QImage, QTextDocument

    view, _sentences = make_view(qtbot)
    image = view.loadResource(int(QTextDocument.ResourceType.ImageResource.value), "/dev/zero")
    assert isinstance(image, QImage) and not image.isNull()


def test_a_long_document_builds_in_chunks_and_keeps_its_place_on_relayout(qtbot) -> None:
    blocks = tuple(
        Block(i, BlockKind.PARAGRAPH, f"Absatz {i} hat einen Satz. Und noch einen.")
        for i in range(400)
    )
    view, sentences = make_view(qtbot, blocks)
    assert len(view.renderer.rows) < len(blocks)  # the rest follows from a timer
    assert len(view.sentence_ids()) == len(sentences)  # but every sentence is known
    with qtbot.waitSignal(view.rendering_finished, timeout=10_000):
        pass
    assert len(view.renderer.rows) == len(blocks)
    target = sentences[500].id
    view.scroll_to_sentence(target)
    top = view.top_sentence_id()
    view.set_colors(colors_for(QApplication.palette(), dark=True))  # rebuilds everything
    assert view.top_sentence_id() == top


def test_jumping_to_a_sentence_not_built_yet_builds_up_to_it(qtbot) -> None:
    blocks = tuple(Block(i, BlockKind.PARAGRAPH, f"Satz {i} steht hier.") for i in range(500))
    view, sentences = make_view(qtbot, blocks)
    last = sentences[-1].id
    view.set_current(last)
    assert view.current == last
    assert last in view.visible_sentence_ids()
