"""The translation check in the window: marks, panel, count, F8 / Shift+F8, tooltips, switch."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor

from reader.core.document.model import Translation
from reader.ui.checks.controller import MARK_COLOR
from reader.ui.entities.highlights import UNDERLINES
from reader.ui.settings import Settings
from reader.ui.view.document_renderer import Side
from tests.ui.window_helpers import FakeEngine, install_fake_package

TEXT = (
    "Es kamen 20 Leute nach Köln. Das Wetter war gut.\n\n"
    "Am Montag kostete es 50 Euro. Es kamen 30 Gäste.\n"
)
ENGLISH = {
    "Es kamen 20 Leute nach Köln.": "20 people came to Cologne.",
    "Das Wetter war gut.": "The weather was good.",
    "Am Montag kostete es 50 Euro.": "On Tuesday it cost 50 euros.",
    "Es kamen 30 Gäste.": "40 guests came.",
}


class MappedEngine(FakeEngine):
    """Translates with the table above (an English a real model might have written)."""

    def translation_for(self, sentence_id: int, text: str) -> Translation:
        return Translation(sentence_id, text, ENGLISH[text])


@pytest.fixture
def checked_window(qtbot, make_window, reader_paths, tmp_path: Path):  # type: ignore[no-untyped-def]
    install_fake_package(reader_paths.packages)
    window = make_window(engine=MappedEngine())
    path = tmp_path / "bericht.txt"
    path.write_text(TEXT, encoding="utf-8")
    window.open_file(path)
    qtbot.waitUntil(lambda: window.checks.controller.count == 2, timeout=10_000)
    return window


def _format_at(window, sentence_id: int, side: Side, word: str):  # type: ignore[no-untyped-def]
    text = (
        window.view.german_for(sentence_id)
        if side is Side.GERMAN
        else window.view.english_for(sentence_id)
    )
    start, _end = window.view.renderer.span(sentence_id, side)
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(start + text.index(word) + 1)
    return cursor.charFormat()


def _underline_at(window, sentence_id: int, side: Side, word: str):  # type: ignore[no-untyped-def]
    return _format_at(window, sentence_id, side, word).underlineColor()


def test_findings_are_listed_counted_and_marked_on_both_sides(qtbot, checked_window) -> None:
    window = checked_window
    display = window.checks
    assert sorted(display.controller.findings) == [2, 3]
    assert display.count.isVisible() and display.count.text() == "⚑ 2 check(s)"
    items = [display.list.item(row).text() for row in range(display.list.count())]
    assert items == [
        "Sentence 3 · Date · Montag → Tuesday (expected Monday)",
        "Sentence 4 · Number · 30 → 40 (expected 30)",
    ]
    qtbot.waitUntil(lambda: _underline_at(window, 3, Side.GERMAN, "30") == MARK_COLOR)
    assert _underline_at(window, 3, Side.ENGLISH, "40") == MARK_COLOR
    assert _underline_at(window, 2, Side.GERMAN, "Montag") == MARK_COLOR
    assert _underline_at(window, 0, Side.GERMAN, "20") != MARK_COLOR  # kept: no mark
    assert display.tooltip_at(3) == "Number · 30 → 40 (expected 30)"
    assert display.tooltip_at(0) is None


def test_the_words_at_fault_carry_a_wave_no_name_mark_uses(qtbot, checked_window) -> None:
    # A dotted amber line under "Montag" read like a place's dotted line (seen as a user).
    window = checked_window
    qtbot.waitUntil(lambda: _underline_at(window, 2, Side.GERMAN, "Montag") == MARK_COLOR)
    wave = QTextCharFormat.UnderlineStyle.WaveUnderline
    assert wave not in UNDERLINES.values()
    assert _format_at(window, 2, Side.GERMAN, "Montag").underlineStyle() == wave
    assert _format_at(window, 2, Side.ENGLISH, "Tuesday").underlineStyle() == wave
    assert _format_at(window, 0, Side.GERMAN, "Köln").underlineStyle() != wave  # a place


def test_f8_and_shift_f8_step_through_flagged_sentences(qtbot, checked_window) -> None:
    window = checked_window
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F8)
    assert window.view.current == 2
    qtbot.keyClick(window.view, Qt.Key.Key_F8)
    assert window.view.current == 3
    assert window.checks.list.currentRow() == 1
    qtbot.keyClick(window.view, Qt.Key.Key_F8)
    assert window.view.current == 2  # wraps around
    qtbot.keyClick(window.view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.view.current == 3


def test_a_listed_finding_takes_the_reader_there(checked_window) -> None:
    window = checked_window
    window.checks.list.itemClicked.emit(window.checks.list.item(1))
    assert window.view.current == 3


def test_the_setting_turns_checks_off_and_on(qtbot, checked_window, reader_paths) -> None:
    window = checked_window
    window.checks.check_action.setChecked(False)
    assert window.checks.controller.findings == {}
    assert not window.checks.count.isVisible()
    assert window.checks.list.count() == 0
    assert _underline_at(window, 3, Side.GERMAN, "30") != MARK_COLOR
    assert Settings.for_paths(reader_paths).check_translation is False
    assert not window.checks.next_action.isEnabled()
    window.checks.check_action.setChecked(True)
    qtbot.waitUntil(lambda: window.checks.controller.count == 2, timeout=10_000)


class ScoredEngine(MappedEngine):
    """The same English, with the model much less sure of "40 guests came."."""

    def translation_for(self, sentence_id: int, text: str) -> Translation:
        english = ENGLISH[text]
        return Translation(
            sentence_id, text, english, -6.0 if english == "40 guests came." else -0.1
        )


def test_least_confident_sentence_gets_a_cue_a_tooltip_and_ctrl_f8(
    qtbot, make_window, reader_paths, tmp_path: Path
) -> None:
    install_fake_package(reader_paths.packages)
    window = make_window(engine=ScoredEngine())
    path = tmp_path / "bericht.txt"
    path.write_text(TEXT, encoding="utf-8")
    window.open_file(path)
    controller = window.checks.controller
    qtbot.waitUntil(lambda: controller.unsure == [3] and controller.count == 2, timeout=10_000)
    assert controller.confidence[3] < 0.6 < controller.confidence[0]
    tooltip = window.checks.tooltip_at(3)
    assert tooltip is not None and "Model confidence" in tooltip
    assert "Number · 30 → 40" in tooltip
    assert window.checks.tooltip_at(0) is None
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F8, Qt.KeyboardModifier.ControlModifier)
    assert window.view.current == 3


def test_marks_come_back_after_names_highlighting_is_switched(qtbot, checked_window) -> None:
    window = checked_window
    qtbot.waitUntil(lambda: _underline_at(window, 3, Side.GERMAN, "30") == MARK_COLOR)
    window.main_menu.highlight_entities.setChecked(False)
    qtbot.waitUntil(lambda: _underline_at(window, 3, Side.GERMAN, "30") == MARK_COLOR)
    window.main_menu.highlight_entities.setChecked(True)
    qtbot.waitUntil(lambda: _underline_at(window, 3, Side.GERMAN, "30") == MARK_COLOR)


def test_exports_from_the_window_carry_the_findings(checked_window) -> None:
    from reader.core.export.model import to_tsv

    window = checked_window
    bilingual = window.exports.on_screen()
    assert bilingual is not None
    assert bilingual.check_notes == {
        2: ("Date · Montag → Tuesday (expected Monday)",),
        3: ("Number · 30 → 40 (expected 30)",),
    }
    rows = [line.split("\t") for line in to_tsv(bilingual).splitlines()]
    assert rows[0][3] == "checks" and rows[4][3] == "Number · 30 → 40 (expected 30)"
    window.checks.check_action.setChecked(False)
    assert window.exports.on_screen().check_notes is None


def test_the_users_glossary_is_checked_in_the_window(
    qtbot, make_window, reader_paths, tmp_path: Path
) -> None:
    from reader.core.checks.glossary import Term, save_glossary

    save_glossary(reader_paths.glossary, [Term("Wetter", "climate")])
    install_fake_package(reader_paths.packages)
    window = make_window(engine=MappedEngine())
    path = tmp_path / "bericht.txt"
    path.write_text(TEXT, encoding="utf-8")
    window.open_file(path)
    qtbot.waitUntil(lambda: window.checks.controller.count == 3, timeout=10_000)
    assert window.checks.tooltip_at(1) == "Glossary · Wetter: not in the English (expected climate)"


def test_tools_glossary_edits_the_terms_and_the_document_is_checked_again(
    qtbot, checked_window, reader_paths, tmp_path: Path
) -> None:
    from reader.core.checks.glossary import Term, load_glossary, save_glossary

    window = checked_window
    dialog = window.checks.edit_glossary()
    assert dialog.terms() == []
    dialog.add_row(Term("Wetter", "climate"))
    dialog.add_row()  # an empty row is left out
    extra = tmp_path / "extra.csv"
    save_glossary(extra, [Term("Gäste", "visitors")])
    dialog.import_file(str(extra))
    assert [t.german for t in dialog.terms()] == ["Gäste", "Wetter"]
    dialog.table.selectRow(0)
    dialog.remove_selected()
    exported = tmp_path / "out.csv"
    dialog.export_file(str(exported))
    assert load_glossary(exported) == [Term("Wetter", "climate")]
    dialog.save()
    assert load_glossary(reader_paths.glossary) == [Term("Wetter", "climate")]
    qtbot.waitUntil(lambda: window.checks.controller.count == 3, timeout=10_000)
    assert "Glossary · Wetter" in (window.checks.tooltip_at(1) or "")
