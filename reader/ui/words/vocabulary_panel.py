"""The Vocabulary panel: the saved words, searchable; delete, export, back to the sentence."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.vocabulary.store import SavedWord

ID_ROLE = Qt.ItemDataRole.UserRole
CONTEXT = 32  # characters of the sentence shown on each side of the word


def context_snippet(sentence: str, form: str) -> str:
    """The part of ``sentence`` around ``form``, cut at spaces: "… als Staffelführer Dilokrit …"."""
    at = sentence.find(form) if form else -1
    if at < 0 or len(sentence) <= 2 * CONTEXT + len(form):
        return sentence if len(sentence) <= 2 * CONTEXT + 20 else sentence[: 2 * CONTEXT] + " …"
    start = max(0, at - CONTEXT)
    end = min(len(sentence), at + len(form) + CONTEXT)
    if start > 0:
        space = sentence.find(" ", start, at)
        start = space + 1 if space >= 0 else start
    if end < len(sentence):
        space = sentence.rfind(" ", at + len(form), end)
        end = space if space >= 0 else end
    before = "… " if start > 0 else ""
    after = " …" if end < len(sentence) else ""
    return f"{before}{sentence[start:end]}{after}"


class WordList(QListWidget):
    """The list; Delete removes the chosen word.

    Signals:
        delete_pressed(): the Delete key.
    """

    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.delete_pressed.emit()
        else:
            super().keyPressEvent(event)


class VocabularyPanel(QDockWidget):
    """Dockable list of saved words.

    Signals:
        search_changed(str): the search text changed.
        word_activated(int): the reader chose a word (its id) to go back to its sentence.
        delete_requested(int): delete this word.
        export_requested(str): "apkg" or "csv".
    """

    search_changed = Signal(str)
    word_activated = Signal(int)
    delete_requested = Signal(int)
    export_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Vocabulary"), parent)
        self.setObjectName("vocabularyPanel")
        self.setAccessibleName(self.tr("Vocabulary panel"))
        self.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 6)
        self.notice = QLabel(body)
        self.notice.setObjectName("vocabularyNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.search = QLineEdit(body)
        self.search.setPlaceholderText(self.tr("Search words and sentences"))
        self.search.setAccessibleName(self.tr("Search the vocabulary"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.search_changed)
        self.list = WordList(body)
        self.list.setAccessibleName(self.tr("Saved words"))
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(self._on_list_item_activated)
        self.list.delete_pressed.connect(self._on_delete_clicked)
        self.empty = QLabel(body)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.delete_button = QPushButton(self.tr("&Delete"), body)
        self.delete_button.setToolTip(self.tr("Delete the chosen word (Del)"))
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.export_button = QToolButton(body)
        self.export_button.setText(self.tr("E&xport"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        anki = menu.addAction(self.tr("Anki deck (.apkg)…"))
        anki.triggered.connect(lambda _checked=False: self.export_requested.emit("apkg"))
        table = menu.addAction(self.tr("CSV table (.csv)…"))
        table.triggered.connect(lambda _checked=False: self.export_requested.emit("csv"))
        self.export_button.setMenu(menu)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        layout.addWidget(self.notice)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.setFocusProxy(self.list)
        self.show_words([])

    def show_words(self, words: Sequence[SavedWord]) -> None:
        """List ``words`` (lemma — gloss, the sentence below)."""
        self.list.clear()
        for word in words:
            gloss = f" — {word.gloss}" if word.gloss else ""
            item = QListWidgetItem(
                f"{word.lemma}{gloss}\n    {context_snippet(word.german, word.form)}"
            )
            item.setData(ID_ROLE, word.id)
            item.setToolTip(
                f"<p><b>{escape(word.form)}</b></p><p>{escape(word.german)}</p>"
                f"<p><i>{escape(word.english)}</i></p>"
            )
            self.list.addItem(item)
        has_words = bool(words)
        self.list.setVisible(has_words)
        self.empty.setVisible(not has_words)
        self.delete_button.setEnabled(has_words)
        if self.search.text():
            self.empty.setText(
                self.tr("No saved word matches “{text}”").format(text=self.search.text())
            )
        else:
            self.empty.setText(
                self.tr("No saved words yet. Click a German word and press Save word (or S).")
            )

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        self.word_activated.emit(int(item.data(ID_ROLE)))

    def _on_delete_clicked(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.delete_requested.emit(int(item.data(ID_ROLE)))
