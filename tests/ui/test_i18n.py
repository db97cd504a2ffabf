"""The German UI: the catalogue is complete, compiles on demand, and every window and dialog
shows German once it is installed (no visible string is left in its English source form)."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)

from reader.core.bundled import translations_dir
from reader.ui import i18n
from tests.ui.window_helpers import german_text, install_fake_package

REPO = Path(__file__).resolve().parents[2]
TS_FILE = translations_dir() / "reader_de.ts"
# Visible strings that are the same in both languages on purpose (names, formats, codes).
SAME_IN_BOTH = {"OK", "Markdown", "HTML", "PDF", "TMX", "UTF-8", "Status"}
PLACEHOLDER = re.compile(r"\{\w+\}|%n|%p|%\d")


def catalogue() -> list[tuple[str, str, list[str], bool]]:
    """(context, source, translations, unfinished) for every message of the German .ts."""
    rows = []
    for context in ET.parse(TS_FILE).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [form.text or "" for form in translation.iter("numerusform")]
            if not forms:
                forms = [translation.text or ""]
            unfinished = translation.get("type") in ("unfinished", "obsolete", "vanished")
            rows.append((name, message.findtext("source") or "", forms, unfinished))
    return rows


def english_patterns() -> list[tuple[re.Pattern[str], str]]:
    """A pattern for each English source whose German differs, placeholders as wildcards."""
    patterns = []
    for _context, source, forms, _unfinished in catalogue():
        for text, german in (
            (source, forms[0]),
            (source.replace("&", ""), forms[0].replace("&", "")),
        ):
            if text == german or text in SAME_IN_BOTH or not text.strip():
                continue
            parts = PLACEHOLDER.split(text)
            # Mostly placeholders ("{current} of {total}"): they stand for single words.
            loose = sum(char.isalpha() for part in parts for char in part) >= 5
            body = (r"(.+?)" if loose else r"(\S+?)").join(re.escape(part) for part in parts)
            patterns.append((re.compile(rf"^{body}$", re.DOTALL), source))
    return patterns


def test_catalogue_is_complete_and_keeps_placeholders_and_accelerators() -> None:
    rows = catalogue()
    assert len(rows) > 150
    unfinished = [(context, source) for context, source, _forms, flag in rows if flag]
    assert unfinished == []
    for context, source, forms, _unfinished in rows:
        for german in forms:
            assert german.strip(), (context, source)
            wanted = sorted(set(PLACEHOLDER.findall(source)))
            assert sorted(set(PLACEHOLDER.findall(german))) == wanted, (context, source, german)
            assert german.count("&") == source.count("&"), (context, source, german)


def test_menu_accelerators_do_not_clash(qapp, german) -> None:
    translate = QCoreApplication.translate
    menu_titles = ["&File", "&Edit", "&View", "&Tools", "&Help"]
    keys = [translate("MainMenu", title).lower().split("&")[1][0] for title in menu_titles]
    assert len(set(keys)) == len(keys), keys


@pytest.fixture
def ts_copy(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "translations"
    folder.mkdir()
    shutil.copy(TS_FILE, folder / "reader_de.ts")
    monkeypatch.setattr(i18n, "translations_dir", lambda: folder)
    return folder


def test_catalogue_compiles_when_missing_and_again_when_the_ts_changes(ts_copy: Path) -> None:
    assert i18n.lrelease_command() is not None
    assert i18n.catalogue_folder("reader_de") == ts_copy
    qm = ts_copy / "reader_de.qm"
    first = qm.stat().st_mtime_ns
    assert i18n.catalogue_folder("reader_de") == ts_copy
    assert qm.stat().st_mtime_ns == first  # fresh: not compiled again
    later = first / 1e9 + 10
    os.utime(ts_copy / "reader_de.ts", (later, later))
    assert i18n.catalogue_folder("reader_de") == ts_copy
    assert qm.stat().st_mtime_ns != first
    assert not list(ts_copy.glob(".*"))  # no temporary files left behind


def test_catalogue_goes_to_the_cache_when_beside_the_ts_fails(ts_copy: Path, tmp_path) -> None:
    (ts_copy / "reader_de.qm").mkdir()  # cannot be replaced by a file (root ignores modes)
    cache = tmp_path / "cache"
    assert i18n.catalogue_folder("reader_de", cache) == cache / "i18n"
    assert (cache / "i18n" / "reader_de.qm").stat().st_size > 0


def test_an_older_catalogue_is_used_when_it_cannot_be_compiled(ts_copy: Path, monkeypatch) -> None:
    old = ts_copy / "reader_de.qm"
    old.write_bytes(b"older")
    os.utime(old, (1, 1))
    monkeypatch.setattr(i18n, "lrelease_command", lambda: None)
    assert i18n.catalogue_folder("reader_de") == ts_copy
    old.unlink()
    assert i18n.catalogue_folder("reader_de") is None


def test_a_bundle_uses_its_shipped_catalogue_and_copes_without_one(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    assert i18n.catalogue_folder("reader_de") is None
    (tmp_path / "reader_de.qm").write_bytes(b"shipped")
    assert i18n.catalogue_folder("reader_de") == tmp_path


def test_english_installs_only_its_plural_forms(qapp, tmp_path) -> None:
    installed = i18n.install_translators(qapp, i18n.locale_for("en"), tmp_path)
    try:
        assert len(installed) == 1
        translate = QCoreApplication.translate
        assert translate("StatusBar", "%n sentence(s)", "", 1) == "1 sentence"
        assert translate("StatusBar", "%n sentence(s)", "", 87) == "87 sentences"
        assert translate("FindBar", "%n match(es)", "", 1) == "1 match"
        assert translate("MainMenu", "&File") == "&File"  # everything else: the source
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_german_installs_both_catalogues(qapp, tmp_path) -> None:
    installed = i18n.install_translators(qapp, i18n.locale_for("de"), tmp_path)
    try:
        assert QCoreApplication.translate("MainMenu", "&File") == "&Datei"
        assert QCoreApplication.translate("StatusBar", "%n sentence(s)", "", 1) == "1 Satz"
        assert QCoreApplication.translate("StatusBar", "%n sentence(s)", "", 3) == "3 Sätze"
        if len(installed) == 2:  # Qt's own German is part of PySide6's wheel
            assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert installed


def test_the_language_setting_is_remembered_and_offered(qtbot, reader_paths) -> None:
    from reader.ui.dialogs.preferences import Preferences, PreferencesDialog
    from reader.ui.settings import Settings

    settings = Settings.for_paths(reader_paths)
    assert settings.language == "system"
    dialog = PreferencesDialog(Preferences("Sans", 12, "system", 4, False, 50, "de"))
    qtbot.addWidget(dialog)
    assert dialog.preferences().language == "de"
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
    settings.language = dialog.preferences().language
    assert Settings.for_paths(reader_paths).language == "en"
    settings.language = "klingon"
    assert settings.language == "system"
    assert i18n.locale_for("de").language() == QLocale.Language.German


# --- every window and dialog in German ------------------------------------------------------


@pytest.fixture
def german(qapp, tmp_path) -> Iterator[None]:
    installed = i18n.install_translators(qapp, i18n.locale_for("de"), tmp_path / "cache")
    assert installed, "the German catalogue did not load"
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


def visible_strings(root: QWidget, skip: tuple[QWidget, ...] = ()) -> list[tuple[str, str]]:
    """(where, text) for every string a user can see or hear in ``root`` and its children."""
    found: list[tuple[str, str]] = []

    def add(where: object, *texts: str) -> None:
        for text in texts:
            if text and text.strip():
                found.append((type(where).__name__ + " " + where.objectName(), text))

    skipped = [root for root in skip]
    for widget in [root, *root.findChildren(QWidget)]:
        if any(widget is s or s.isAncestorOf(widget) for s in skipped):
            continue  # document text, not UI words
        add(widget, widget.windowTitle(), widget.toolTip(), widget.statusTip())
        add(widget, widget.accessibleName(), widget.accessibleDescription(), widget.whatsThis())
        if isinstance(widget, QLabel):
            add(widget, widget.text())
        if isinstance(widget, QAbstractButton):
            add(widget, widget.text())
        if isinstance(widget, QLineEdit):
            add(widget, widget.placeholderText())
        if isinstance(widget, QGroupBox):
            add(widget, widget.title())
        if isinstance(widget, QProgressBar):
            add(widget, widget.format())
        if isinstance(widget, QAbstractSpinBox):
            add(widget, widget.specialValueText())
            add(widget, getattr(widget, "suffix", lambda: "")(), getattr(widget, "prefix", str)())
        if isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                add(widget, widget.tabText(index), widget.tabToolTip(index))
        if isinstance(widget, QComboBox) and not widget.inherits("QFontComboBox"):
            add(widget, *(widget.itemText(index) for index in range(widget.count())))
        if isinstance(widget, QTreeView | QTableView) and widget.model() is not None:
            header = widget.header() if isinstance(widget, QTreeView) else widget.horizontalHeader()
            for column in range(header.count()):
                title = widget.model().headerData(column, Qt.Orientation.Horizontal)
                add(widget, str(title or ""))
            model = widget.model()
            for row in range(min(model.rowCount(), 50)):  # top level: groups such as "Person (3)"
                for column in range(header.count()):
                    add(widget, str(model.index(row, column).data() or ""))
        if isinstance(widget, QMenu):
            add(widget, widget.title())
        if isinstance(widget, QTextEdit) and widget.isReadOnly():
            add(widget, *widget.toPlainText().splitlines())
    for action in root.findChildren(QAction):
        add(action, action.text(), action.toolTip(), action.statusTip(), action.iconText())
    return found


def untranslated(strings: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    patterns = english_patterns()
    return [
        (where, text, source)
        for where, text in strings
        for pattern, source in patterns
        if pattern.match(text)
    ]


def test_the_main_window_and_every_dialog_speak_german(
    qtbot, german, make_window, reader_paths, tmp_path, monkeypatch
) -> None:
    from reader.ui.dialogs import export_actions
    from reader.ui.dialogs import help as help_dialogs
    from reader.ui.dialogs.preferences import Preferences, PreferencesDialog

    seen: list[tuple[str, str]] = []
    window = make_window(real_loading=True)
    main_view = window.view
    # No model yet: the banner, and an error in the error bar.
    with qtbot.waitSignal(window.documents.load_failed, timeout=5000):
        window.open_file(tmp_path / "fehlt.md")
    assert window.error_bar.isVisible()
    article = tmp_path / "bericht.txt"
    article.write_text(german_text(), encoding="utf-8")
    with qtbot.waitSignal(window.documents.document_loaded, timeout=5000):
        window.open_file(article)
    assert window.model_banner.isVisible()
    window.error_bar.show_message(window.error_bar.text(), error=True)
    seen += visible_strings(window, (main_view,))
    # A model: translation progress, then done; the reload bar, the find bar, the menus.
    install_fake_package(reader_paths.packages)
    with qtbot.waitSignal(window.translation.translation_finished, timeout=5000):
        window._on_models_changed()
    window.status_bar.set_progress(0, 9)
    window.status_bar.show_progress(True)
    seen += visible_strings(window, (main_view,))
    window.status_bar.set_progress(3, 9)
    seen += visible_strings(window, (main_view,))
    window.status_bar.show_progress(False)
    window.file_notice.show_changed(article)
    assert window.file_bar.isVisible() and window.file_bar.buttons
    window.find_bar.open_bar()
    window.find_bar.field.setText("Haus")
    seen += visible_strings(window, (main_view,))
    window.find_bar.field.setText("Qxzzy")
    seen += visible_strings(window, (main_view,))
    window.file_notice.show_deleted(article)
    window.main_menu.recent_menu.fill()
    seen += visible_strings(window, (main_view,))
    for action in window.menuBar().actions():
        assert action.menu() is not None
        seen.append(("menu", action.text()))
    # The dialogs.
    preferences = PreferencesDialog(Preferences("Sans", 12, "system", 4, False, 50), window)
    about = help_dialogs.about_dialog(window)
    shortcuts = help_dialogs.shortcuts_dialog(window.main_menu.shortcut_entries(), window)
    window.main_menu.models.trigger()
    manager = window.model_dialog
    assert manager is not None
    for dialog in (preferences, about, shortcuts):
        qtbot.addWidget(dialog)
    for dialog in (preferences, about, shortcuts, manager):
        seen += visible_strings(dialog)
    assert "Versionen" in about.browser.toPlainText()
    # The export dialog is Qt's file dialog (translated by qtbase); ours are its filters.
    seen += [("export filter", text) for text in export_actions.export_filters()]
    manager.close()

    assert len(seen) > 100
    left = untranslated(seen)
    assert left == [], "\n".join(
        f"{where}: {text!r} (source {source!r})" for where, text, source in left
    )
    german_words = {text for _where, text in seen}
    for expected in (
        "&Datei",
        "Zuletzt &geöffnet",
        "&Ansicht",
        "E&xtras",
        "&Hilfe",
        "Einstellungen",
    ):
        assert expected in german_words


def test_the_walk_finds_english_when_no_translator_is_installed(qtbot, make_window) -> None:
    """The check itself works: without German, the English menu words are reported."""
    window = make_window()
    left = untranslated(visible_strings(window, (window.view,)))
    assert {"&File", "&Help"} <= {text for _where, text, _source in left}
    QApplication.processEvents()


@pytest.mark.parametrize(
    ("system", "setting", "expected"),
    [("C", "de", "&Datei"), ("de_DE.UTF-8", "en", "&File"), ("de_DE.UTF-8", "system", "&Datei")],
)
def test_the_setting_overrides_the_system_language_at_start(
    tmp_path, system, setting, expected
) -> None:
    code = (
        "from PySide6.QtCore import QCoreApplication\n"
        "from reader.core.paths import resolve_paths\n"
        "from reader.ui.application import create_application\n"
        "from reader.ui.settings import Settings\n"
        "settings = Settings.for_paths(resolve_paths())\n"
        f"settings.language = {setting!r}\n"
        "create_application(language=settings.language)\n"
        "print(QCoreApplication.translate('MainMenu', '&File'))\n"
    )
    env = dict(os.environ, LANG=system, LC_ALL=system, LANGUAGE="", QT_QPA_PLATFORM="offscreen")
    env["READER_DATA_DIR"] = str(tmp_path / "data")
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


# --- strings that never reach tr() ------------------------------------------------------------

TEXT_SETTERS = {
    "setText",
    "setToolTip",
    "setWindowTitle",
    "setPlaceholderText",
    "setStatusTip",
    "setAccessibleName",
    "setAccessibleDescription",
    "setTitle",
    "setWhatsThis",
    "addMenu",
    "showMessage",
    "addItem",
    "addAction",
    "setTabText",
    "setHeaderLabels",
    "setLabelText",
    "setSuffix",
    "setPrefix",
    "setSpecialValueText",
    "QLabel",
    "QPushButton",
    "QToolButton",
    "QAction",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QMenu",
    "show_message",
}
TRANSLATING_CALLS = {"tr", "translate", "_tr"}


def _has_words(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(re.search(r"[A-Za-z]{2}", node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_has_words(part) for part in node.values)
    if isinstance(node, ast.List | ast.Tuple):
        return any(_has_words(item) for item in node.elts)
    return False


def _is_text(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _lupdate_sees(name: str, node: ast.Call) -> bool:
    """tr("literal") and translate("Context", "literal"); a helper passing a variable on is
    fine (its callers are checked), painter.translate(x, y) is not about text at all."""
    if name == "translate":
        if not _is_text(node.args[0]) or len(node.args) < 2:
            return True
        text = node.args[1]
    else:
        text = node.args[0]
    return _is_text(text) or isinstance(text, ast.Name)


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def bypasses(source: str, filename: str) -> list[str]:
    """Literal words handed to a widget, or tr() of text that lupdate cannot extract."""
    problems = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = _call_name(node)
        where = f"{filename}:{node.lineno}"
        if name in TEXT_SETTERS and node.args and _has_words(node.args[0]):
            problems.append(f"{where}: {name}() with untranslated words")
        if name in TRANSLATING_CALLS and node.args and not _lupdate_sees(name, node):
            problems.append(f"{where}: {name}() of text lupdate cannot read")
    return problems


def test_the_bypass_check_finds_literal_and_built_strings() -> None:
    source = (
        "label = QLabel('Hello there')\n"
        "button.setToolTip(f'Close {name}')\n"
        "self.tr(f'{n} matches')\n"
        "translate('Ctx', 'Zoom ' + str(percent))\n"
        "close.setText('✕')\n"
        "painter.translate(0, -top)\n"
        "self.tr('Fine {n}').format(n=1)\n"
    )
    assert [problem.split(": ")[0] for problem in bypasses(source, "x")] == [
        "x:1",
        "x:2",
        "x:3",
        "x:4",
    ]


def test_no_ui_text_bypasses_translation() -> None:
    problems = []
    for folder in ("reader/ui", "reader/workers"):
        for path in sorted((REPO / folder).glob("*.py")):
            source = path.read_text(encoding="utf-8")
            problems += bypasses(source, str(path.relative_to(REPO)))
    assert problems == []
