"""Aligned words in the window: hovering a word of the current pair lights its partner."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor

from reader.ui.view.block_formats import Side
from reader.ui.view.text_positions import to_utf16
from tests.ui.window_helpers import install_fake_package

TEXT = "# Bericht\n\nDer Hafen von Hamburg ist groß. Der Turm steht am Markt.\n"


def point_of(view, sentence_id: int, side: Side, word: str) -> QPoint:
    text = view.german_for(sentence_id) if side is Side.GERMAN else view.english_for(sentence_id)
    span = view.renderer.span(sentence_id, side)
    cursor = QTextCursor(view.document())
    cursor.setPosition(span[0] + to_utf16(text, text.index(word) + 1))
    return view.cursorRect(cursor).center()


def lit_words(window) -> set[tuple[Side, str]]:
    view, aligned = window.view, window.words.aligned
    found = set()
    for side, start, end in aligned.lit:
        text = (
            view.german_for(view.current) if side is Side.GERMAN else view.english_for(view.current)
        )
        found.add((side, text[start:end]))
    return found


def test_hovering_lights_the_partner_in_the_current_pair_only(
    qtbot, make_window, reader_paths, tmp_path: Path
) -> None:
    install_fake_package(reader_paths.packages)
    window = make_window()  # FakeEngine: English is "EN[<German>]", no attention
    path = tmp_path / "bericht.txt"
    path.write_text(TEXT, encoding="utf-8")
    with qtbot.waitSignal(window.translation.translation_finished, timeout=60_000):
        window.open_file(path)
    view = window.view
    view.finish_rendering()
    first, second = view.sentence_ids()[1:3]
    qtbot.mouseMove(view.viewport(), point_of(view, second, Side.GERMAN, "Turm"))
    assert window.words.aligned.lit == []  # not the current pair: nothing
    view.set_current(first)
    with qtbot.waitSignal(window.words.aligned.words_lit, timeout=2000):
        qtbot.mouseMove(view.viewport(), point_of(view, first, Side.GERMAN, "Hamburg"))
    assert lit_words(window) == {(Side.GERMAN, "Hamburg"), (Side.ENGLISH, "Hamburg")}
    lit = {(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in view.extraSelections()}
    english = view.renderer.span(first, Side.ENGLISH)
    at = english[0] + view.english_for(first).index("Hamburg")
    assert (at, at + len("Hamburg")) in lit  # drawn, not only computed
    # And back: from the English side.
    qtbot.mouseMove(view.viewport(), point_of(view, first, Side.ENGLISH, "Hafen"))
    qtbot.waitUntil(lambda: (Side.GERMAN, "Hafen") in lit_words(window), timeout=2000)
    # "Der" is in both but twice in neither...: function words need attention to back them.
    qtbot.mouseMove(view.viewport(), point_of(view, first, Side.GERMAN, "Der"))
    qtbot.waitUntil(lambda: window.words.aligned.lit == [], timeout=2000)


def test_projected_names_are_evidence_for_aligned_words(
    qtbot, make_window, reader_paths, tmp_path: Path
) -> None:
    install_fake_package(reader_paths.packages)
    window = make_window()  # FakeRecognizer: Köln is a place
    path = tmp_path / "koeln.txt"
    path.write_text("# Bericht\n\nDer Dom steht in Köln am Rhein.\n", encoding="utf-8")
    with qtbot.waitSignal(window.translation.translation_finished, timeout=60_000):
        window.open_file(path)
    view = window.view
    sentence_id = view.sentence_ids()[1]
    english = view.english_for(sentence_id)
    qtbot.waitUntil(lambda: len(window.words.projected_names(sentence_id)) == 2, timeout=20_000)
    german = view.german_for(sentence_id)
    spans = sorted(window.words.projected_names(sentence_id))
    assert [(german[slice(*g)], english[slice(*e)]) for g, e in spans] == [
        ("Köln", "Köln"),
        ("Rhein", "Rhein"),
    ]
    links = window.words.aligned.links(sentence_id)
    assert any(link.evidence == "name" for link in links)
