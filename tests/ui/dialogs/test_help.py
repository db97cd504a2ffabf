"""Help menu: the log folder opens in the file manager, About names versions and licences."""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication

from reader import __version__
from reader.core.bundled import resource_path
from reader.ui.dialogs import help as help_dialogs

REPO = Path(__file__).resolve().parents[3]


def help_actions(window) -> dict[str, object]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    return {action.text(): action for action in menu.actions() if action.text()}


def test_open_log_folder_opens_the_logs_directory(qtbot, make_window, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        help_dialogs.QDesktopServices, "openUrl", lambda url: opened.append(url) or True
    )
    window = make_window()
    help_actions(window)["Open &Log Folder"].trigger()
    assert len(opened) == 1
    assert opened[0].isLocalFile()
    assert Path(opened[0].toLocalFile()) == window.paths.logs
    assert window.paths.logs.is_dir()  # created, so the file manager has something to show


def test_log_folder_defaults_to_the_resolved_state_dir(data_dir) -> None:
    from reader.core.paths import resolve_paths

    url = help_dialogs.log_folder_url()
    assert Path(url.toLocalFile()) == resolve_paths().logs
    assert str(data_dir) in url.toLocalFile()


def test_help_menu_lists_shortcuts_log_folder_and_about(qtbot, make_window) -> None:
    window = make_window()
    assert list(help_actions(window)) == [
        "&Keyboard Shortcuts",
        "Open &Log Folder",
        "&About Bilingual Reader",
    ]


def test_about_names_versions_of_every_component(qtbot) -> None:
    dialog = help_dialogs.about_dialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert __version__ in text
    assert qVersion() in text
    for distribution in ("ctranslate2", "spacy", "argostranslate", "pyside6-essentials"):
        assert importlib.metadata.version(distribution) in text, distribution
    assert dict(help_dialogs.versions())["CTranslate2"] == importlib.metadata.version("ctranslate2")
    assert help_dialogs.version_of("no-such-distribution-here") == "not installed"


def test_about_states_the_licences_the_model_card_gives(qtbot) -> None:
    dialog = help_dialogs.about_dialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "MIT" in text
    card = resource_path("ner", "MODEL_CARD.md").read_text(encoding="utf-8")
    card = card.split("## Training data", 1)[1].split("\n## ", 1)[0]
    for source, licence in help_dialogs.data_licences():
        assert f"{source}: {licence}" in text
    # Each source the About box credits is one the model card lists, with the same licence.
    for name, licence in (
        ("GermEval 2014", "CC BY 4.0"),
        ("WikiANN", "Wikipedia"),
        ("Europeana", "CC0"),
        ("Legal Entity Recognition", "CC BY 4.0"),
        ("WMT newstest", "research use"),
        ("FLORES-200", "CC BY-SA 4.0"),
        ("GermaNER", "Apache License 2.0"),
        ("OpenStreetMap", "CC BY-SA 2.0"),
        ("Auswärtiges Amt", "5 UrhG"),
        ("Wiktionary", "CC BY-SA 4.0"),
        ("GeoNames", "CC BY 4.0"),
    ):
        row = next((line for line in card.splitlines() if name in line and "|" in line), "")
        assert licence in row, (name, row)
        assert name in text and licence in text


def test_about_is_scrollable_selectable_and_copies_all(qtbot) -> None:
    dialog = help_dialogs.about_dialog()
    qtbot.addWidget(dialog)
    flags = dialog.browser.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
    assert dialog.browser.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == dialog.browser.toPlainText()
    assert "CTranslate2" in QGuiApplication.clipboard().text()


def test_shortcuts_dialog_lists_the_keys(qtbot, make_window) -> None:
    window = make_window()
    dialog = help_dialogs.shortcuts_dialog(window.main_menu.shortcut_entries())
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    for key in ("Ctrl+F", "F11", "Ctrl+Shift+N", "Alt+Down"):
        assert key in text
    # Missing from the hand-written list this dialog replaced:
    for key in ("Ctrl+Shift+E", "Ctrl+Shift+C", "Ctrl+,"):
        assert key in text
    assert "Names Panel" in text and "Copy Sentence Pair" in text and "Preferences" in text
    assert dialog.windowTitle() == "Keyboard shortcuts"


def test_every_action_with_a_shortcut_is_in_the_shortcuts_dialog(qtbot, make_window) -> None:
    from PySide6.QtGui import QAction, QKeySequence

    window = make_window()
    entries = window.main_menu.shortcut_entries()
    dialog = help_dialogs.shortcuts_dialog(entries)
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    native = QKeySequence.SequenceFormat.NativeText
    with_keys = [
        action
        for action in window.findChildren(QAction)
        if any(not key.isEmpty() for key in action.shortcuts())
    ]
    assert len(with_keys) >= 16  # the menus have 15 or 16 (Quit's keys are the platform's)
    for action in with_keys:
        name = action.text().replace("&", "").rstrip("…")
        keys = tuple(key.toString(native) for key in action.shortcuts() if not key.isEmpty())
        assert help_dialogs.ShortcutEntry(name, keys) in entries
        assert name in text and all(key in text for key in keys), (name, keys)
    assert all(entry.keys and all(entry.keys) for entry in entries)


def test_the_shortcuts_dialog_names_the_keys_the_text_handles(qtbot) -> None:
    dialog = help_dialogs.shortcuts_dialog([help_dialogs.ShortcutEntry("Find", ("Ctrl+F",))])
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "Ctrl+F" in text and "Find" in text
    for keys, _meaning in help_dialogs.text_keys():
        assert keys in text
    assert "J / K" in text and "Esc" in text


def test_about_reads_versions_without_importing_the_engines() -> None:
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from reader.ui.dialogs import help as help_dialogs\n"
        "assert 'CTranslate2' in help_dialogs.about_html()\n"
        "print(' '.join(m for m in ('ctranslate2', 'spacy', 'argostranslate') "
        "if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
