"""The Help menu's dialogs: keyboard shortcuts, About (versions and licences), the log folder."""

from __future__ import annotations

import contextlib
import html
import importlib.metadata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.core.paths import resolve_paths

# Distributions whose versions the About box lists (read from metadata: importing spaCy or
# CTranslate2 just to ask would cost seconds).
COMPONENTS = (
    ("CTranslate2", "ctranslate2"),
    ("Argos Translate", "argostranslate"),
    ("spaCy", "spacy"),
    ("SentencePiece", "sentencepiece"),
    ("python-crfsuite", "python-crfsuite"),
)


# By this name lupdate sees each string's context and text.
translate = QCoreApplication.translate


@dataclass(frozen=True)
class ShortcutEntry:
    """One menu action with its keys, as the Shortcuts dialog lists it."""

    text: str  # the menu text without its & mnemonic and trailing ellipsis
    keys: tuple[str, ...]  # in the platform's native spelling, e.g. "Ctrl+Shift+C"


def text_keys() -> list[tuple[str, str]]:
    """(keys, what they do) for keys the text itself handles: they have no menu action."""
    return [
        (translate("Help", "J / K"), translate("Help", "Next / previous sentence")),
        (
            translate("Help", "Enter"),
            translate("Help", "Copy the German and English of the current sentence"),
        ),
        (translate("Help", "Esc"), translate("Help", "Close the find bar")),
        (translate("Help", "Ctrl+wheel"), translate("Help", "Zoom in or out")),
        (translate("Help", "Click a German word"), translate("Help", "Open its lookup card")),
        (
            translate("Help", "← / →, S, Esc"),
            translate("Help", "On the card: previous / next word, save it, close it"),
        ),
        (
            translate("Help", "E"),
            translate("Help", "With the English hidden: show or cover the current sentence's"),
        ),
    ]


def shortcuts_html(entries: Sequence[ShortcutEntry]) -> str:
    """One table: every menu action's keys, then the keys the text handles itself."""

    def rows(pairs: Sequence[tuple[str, str]]) -> str:
        return "".join(
            f"<tr><td><b>{html.escape(keys)}</b></td><td>&nbsp;&nbsp;{html.escape(text)}</td></tr>"
            for keys, text in pairs
        )

    def heading(title: str) -> str:
        return f"<tr><td colspan='2'><h3>{html.escape(title)}</h3></td></tr>"

    # Not inside the f-string: lupdate does not look into f-strings.
    menus_title = translate("Help", "In the menus")
    text_title = translate("Help", "In the text")
    menu_rows = [(", ".join(entry.keys), entry.text) for entry in entries]
    return (
        f"<table cellspacing='2'>{heading(menus_title)}{rows(menu_rows)}"
        f"{heading(text_title)}{rows(text_keys())}</table>"
    )


def version_of(distribution: str) -> str:
    """The installed version of ``distribution``, without importing it."""
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return translate("Help", "not installed")


def versions() -> list[tuple[str, str]]:
    """(component, version) rows for the About box, the reader first."""
    from reader import __version__

    rows = [
        (translate("Help", "Bilingual Reader"), __version__),
        ("Qt", qVersion()),
        ("PySide6", pyside_version),
    ]
    rows += [(name, version_of(distribution)) for name, distribution in COMPONENTS]
    return rows


def data_licences() -> list[tuple[str, str]]:
    """(source, licence) of the shipped name recognizer's training data and name lists, as
    resources/ner/MODEL_CARD.md states them (a test checks the card names each source)."""
    return [
        ("GermEval 2014 NER (Benikova, Biemann, Reznicek)", "CC BY 4.0"),
        (
            "WikiANN (Pan et al., 2017)",
            translate("Help", "derived from Wikipedia, no licence stated"),
        ),
        ("Europeana Newspapers", "CC0"),
        ("Legal Entity Recognition, LER (Leitner, Rehm, Moreno-Schneider)", "CC BY 4.0"),
        ("WMT newstest 2014/2016", translate("Help", "research use")),
        ("FLORES-200", "CC BY-SA 4.0"),
        (translate("Help", "GermaNER surname list"), "Apache License 2.0"),
        (
            translate("Help", "OpenStreetMap town names"),
            translate("Help", "CC BY-SA 2.0, © OpenStreetMap contributors"),
        ),
        (
            translate("Help", "Country names of the Auswärtiges Amt"),
            translate("Help", "official work, free to use (§ 5 UrhG)"),
        ),
        ("GeoNames (geonames.org)", "CC BY 4.0"),
        (
            translate("Help", "German Wiktionary nouns (german-nouns package)"),
            translate("Help", "CC BY-SA 4.0, © Wiktionary contributors"),
        ),
    ]


def about_html() -> str:
    """The About text: what the reader is, versions, licences."""
    rows = "".join(
        f"<tr><td>{html.escape(name)}</td><td>&nbsp;&nbsp;{html.escape(version)}</td></tr>"
        for name, version in versions()
    )
    data = "".join(
        f"<li>{html.escape(source)}: {html.escape(licence)}</li>"
        for source, licence in data_licences()
    )
    about = translate(
        "Help",
        "Reads German articles beside an English translation made on this computer. "
        "Nothing you open leaves it.",
    )
    app_licence = translate(
        "Help",
        "The reader is free software under the MIT licence. It uses Qt and PySide6 (LGPL 3), "
        "CTranslate2 (MIT), Argos Translate (MIT), spaCy (MIT), SentencePiece (Apache 2.0) "
        "and CRFsuite (BSD).",
    )
    ner_licence = translate(
        "Help",
        "The name recognizer shipped with the reader was trained on the data below; its "
        "weights are released under CC BY 4.0 with these attributions, its lists of names "
        "and words under CC BY-SA 4.0 (© Wiktionary contributors, © OpenStreetMap "
        "contributors) and the Apache License 2.0, its word clusters under CC BY-SA 4.0.",
    )
    words_licence = translate(
        "Help",
        "The word card uses simplemma (MIT; its lemma lists come from open data under ODbL, "
        "CC BY-SA and similar licences) and a table of German Wiktionary nouns (CC BY-SA 4.0, "
        "© Wiktionary contributors; resources/words/DATA_CARD.md). Anki decks are written "
        "with genanki (MIT). A Ding dictionary installed on the system is read, never shipped.",
    )
    models_licence = translate(
        "Help",
        "Translation models are downloaded from the Argos Translate package index only when "
        "you ask; each package names its own licence.",
    )
    # Not inside the f-string: lupdate does not look into f-strings.
    title = translate("Help", "Bilingual Reader")
    versions_title = translate("Help", "Versions")
    licences_title = translate("Help", "Licences")
    return (
        f"<h2>{html.escape(title)}</h2>"
        f"<p>{html.escape(about)}</p>"
        f"<h3>{html.escape(versions_title)}</h3><table>{rows}</table>"
        f"<h3>{html.escape(licences_title)}</h3>"
        f"<p>{html.escape(app_licence)}</p>"
        f"<p>{html.escape(ner_licence)}</p><ul>{data}</ul>"
        f"<p>{html.escape(words_licence)}</p>"
        f"<p>{html.escape(models_licence)}</p>"
    )


class TextDialog(QDialog):
    """A scrollable, selectable text with Copy and Close buttons."""

    def __init__(self, title: str, body_html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)  # nothing in here navigates anywhere
        self.browser.setHtml(body_html)
        self.browser.setAccessibleName(title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("&Copy All"), self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_all)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(560, 480)

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self.browser.toPlainText())


def shortcuts_dialog(entries: Sequence[ShortcutEntry], parent: QWidget | None = None) -> TextDialog:
    """The keyboard shortcuts: ``entries`` from the window's menus, plus the text's keys."""
    return TextDialog(translate("Help", "Keyboard shortcuts"), shortcuts_html(entries), parent)


def about_dialog(parent: QWidget | None = None) -> TextDialog:
    return TextDialog(translate("Help", "About Bilingual Reader"), about_html(), parent)


def show_shortcuts(parent: QWidget, entries: Sequence[ShortcutEntry]) -> None:
    shortcuts_dialog(entries, parent).exec()


def show_about(parent: QWidget) -> None:
    about_dialog(parent).exec()


def log_folder_url(folder: Path | None = None) -> QUrl:
    """The folder the log file is written to (``resolve_paths().logs``), as a file URL."""
    folder = folder or resolve_paths().logs
    with contextlib.suppress(OSError):  # the file manager still shows where it would be
        folder.mkdir(parents=True, exist_ok=True)
    return QUrl.fromLocalFile(str(folder))


def open_log_folder(folder: Path | None = None) -> bool:
    """Show the log folder in the file manager; False when none could be opened."""
    return QDesktopServices.openUrl(log_folder_url(folder))
