"""German UI without truncation: every dialog, shown in German, fits its words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from reader.ui import i18n


@pytest.fixture
def german(qapp, tmp_path: Path) -> Iterator[None]:
    installed = i18n.install_translators(qapp, i18n.locale_for("de"), tmp_path / "cache")
    assert installed, "the German catalogue did not load"
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


def clipped(root: QWidget) -> list[str]:
    """Labels and buttons whose text needs more room than they got."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel) and widget.text().strip():
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height() + 1:
                    found.append(
                        f"{widget.text()!r}: needs {needed} px high, has {widget.height()}"
                    )
            elif widget.sizeHint().width() > widget.width() + 1:
                found.append(
                    f"{widget.text()!r}: needs {widget.sizeHint().width()} px, has {widget.width()}"
                )
        elif (
            isinstance(widget, QAbstractButton)
            and widget.text().strip()
            and widget.sizeHint().width() > widget.width() + 1
        ):
            found.append(
                f"{widget.text()!r}: needs {widget.sizeHint().width()} px, has {widget.width()}"
            )
    return found


def shown(dialog: QWidget) -> QWidget:
    dialog.show()
    for _ in range(3):
        QApplication.processEvents()
    return dialog


def test_the_check_finds_a_clipped_label(qtbot) -> None:
    label = QLabel("Eine Erklärung, die viel länger ist als der Platz, den sie bekommt")
    qtbot.addWidget(label)
    label.setFixedWidth(60)
    label.show()
    assert clipped(label)
    label.setWordWrap(True)
    label.setFixedHeight(20)
    assert clipped(label)


def test_the_model_manager_names_the_languages_in_german(qtbot, german) -> None:
    from types import SimpleNamespace

    from reader.ui.models.manager_text import languages

    package = SimpleNamespace(from_name="German", from_code="de", to_name="English", to_code="en")
    assert languages(package) == "Deutsch → Englisch"


def test_no_dialog_clips_its_german_words(qtbot, german, make_window, reader_paths) -> None:
    from reader.ui.dialogs import help as help_dialogs
    from reader.ui.dialogs.preferences import Preferences, PreferencesDialog
    from tests.ui.window_helpers import install_fake_package

    install_fake_package(reader_paths.packages)
    window = make_window()
    preferences = PreferencesDialog(Preferences("Sans", 12, "system", 4, False, 50), window)
    about = help_dialogs.about_dialog(window)
    shortcuts = help_dialogs.shortcuts_dialog(window.main_menu.shortcut_entries(), window)
    for dialog in (preferences, about, shortcuts):
        qtbot.addWidget(dialog)
    window.main_menu.models.trigger()
    manager = window.model_dialog
    assert manager is not None
    problems = {
        name: clipped(shown(dialog))
        for name, dialog in (
            ("Preferences", preferences),
            ("About", about),
            ("Shortcuts", shortcuts),
            ("Models", manager),
        )
    }
    manager.close()
    assert "Einstellungen" in preferences.windowTitle()  # really German
    assert preferences.accurate.text() == "&Genau (empfohlen)"  # plain words, no jargon
    assert all(not found for found in problems.values()), problems
