"""Use Glossary Term in the window: a preview, then the term in place, kept as an edit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from reader.core.checks.model import CheckKind
from reader.core.document.model import AlignedSpan, Translation
from reader.core.edits.store import EditStore, document_key
from reader.ui.edits.glossary_fix import FINDING_ROLE
from tests.ui.checks.test_checks_display import ENGLISH, TEXT
from tests.ui.edits.test_alternatives import NBestEngine
from tests.ui.window_helpers import install_fake_package

WEATHER = "Das Wetter war gut."
# Das→The, Wetter→weather, war→was, gut→good
LINKS = (
    AlignedSpan(0, 3, 0, 3),
    AlignedSpan(4, 10, 4, 11),
    AlignedSpan(11, 14, 12, 15),
    AlignedSpan(15, 18, 16, 20),
)


class AlignedEngine(NBestEngine):
    """The table's English; the weather sentence comes with its word alignment."""

    def translation_for(self, sentence_id: int, text: str) -> Translation:
        links = LINKS if text == WEATHER else ()
        return Translation(sentence_id, text, ENGLISH[text], 0.0, links)


def _window(qtbot, make_window, reader_paths, tmp_path: Path):  # type: ignore[no-untyped-def]
    install_fake_package(reader_paths.packages)
    reader_paths.glossary.write_text("german,english\nWetter,climate\n", encoding="utf-8")
    window = make_window(engine=AlignedEngine())
    path = tmp_path / "bericht.txt"
    path.write_text(TEXT, encoding="utf-8")
    window.open_file(path)
    qtbot.waitUntil(lambda: window.checks.controller.count == 3, timeout=10_000)
    sid = next(s for s in window.view.sentence_ids() if window.view.german_for(s) == WEATHER)
    return window, sid, path


def _replace_button(box: QMessageBox):  # type: ignore[no-untyped-def]
    return next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)


def test_edit_menu_previews_and_replaces_with_the_glossary_term(
    qtbot, make_window, reader_paths, tmp_path: Path
) -> None:
    window, sid, path = _window(qtbot, make_window, reader_paths, tmp_path)
    fixer = window.checks.glossary_fix
    [finding] = window.checks.controller.findings[sid]
    assert finding.kind is CheckKind.GLOSSARY
    window.view.set_current(sid)
    fixer.action.trigger()
    box = fixer.preview
    assert box is not None and box.isVisible()
    assert box.informativeText() == "The weather was good.\n→\nThe climate was good."
    _replace_button(box).click()
    assert window.view.english_for(sid) == "The climate was good."
    assert window.checks.edits.edited == {sid}
    assert EditStore(reader_paths.edits).load(document_key(path)) == {
        WEATHER: "The climate was good."
    }
    qtbot.waitUntil(lambda: sid not in window.checks.controller.findings, timeout=10_000)
    # The words the fix left keep their links to the German (hover, aligned words); the
    # replaced word has none. So does the kept edit when the document opens again.
    kept = (LINKS[0], LINKS[2], LINKS[3])
    assert window.translation.translations[sid].alignment == kept
    window.close()
    again = make_window(engine=AlignedEngine())
    again.open_file(path)
    qtbot.waitUntil(
        lambda: (
            again.translation.translations.get(sid) is not None
            and again.translation.translations[sid].text == "The climate was good."
        ),
        timeout=10_000,
    )
    assert again.translation.translations[sid].alignment == kept


def test_cancel_changes_nothing_and_other_findings_offer_no_fix(
    qtbot, make_window, reader_paths, tmp_path: Path
) -> None:
    window, sid, _path = _window(qtbot, make_window, reader_paths, tmp_path)
    fixer = window.checks.glossary_fix
    panel = window.checks.list
    rows = {panel.item(r).data(Qt.ItemDataRole.UserRole): r for r in range(panel.count())}
    panel.setCurrentRow(rows[sid])
    assert panel.currentItem().data(FINDING_ROLE) == 0
    assert fixer.panel_action in panel.actions()
    fixer.panel_action.trigger()
    box = fixer.preview
    assert box is not None and box.isVisible()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert window.view.english_for(sid) == ENGLISH[WEATHER]
    assert window.checks.edits.edited == set()
    # A number finding has no glossary fix: nothing is offered.
    number_sid = next(s for s in rows if s != sid and window.checks.controller.findings.get(s))
    window.view.set_current(number_sid)
    assert fixer.offer_current() is None
    assert fixer.offer(number_sid, 0) is None
