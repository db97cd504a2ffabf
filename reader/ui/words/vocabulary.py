"""The vocabulary in the window: Save word from the card, the panel, export, back to a sentence.

The controller receives its collaborators (the words controller, the reading view, the
window that hosts the panel, a way to ask which document is open and the signal that says a
new one is shown) and reports to the window through ``message_posted`` and
``open_requested``. The database is small and SQLite answers in a millisecond, so saving and
listing run on the GUI thread; exports run on the job pool.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow

from reader.core.cancel import CancelToken
from reader.core.vocabulary.store import NewWord, SavedWord, VocabularyStore, vocabulary_path
from reader.ui.view.bilingual_view import BilingualView
from reader.ui.words.controller import WordsController
from reader.ui.words.vocabulary_panel import VocabularyPanel
from reader.workers.jobs import JobRunner, ProgressFn

log = logging.getLogger(__name__)


class VocabularyController(QObject):
    """Owns the vocabulary database and its panel.

    Signals:
        message_posted(str): something to tell the reader (shown in the window's status bar).
        word_saved(object): this ``SavedWord`` was stored.
    """

    message_posted = Signal(str)
    word_saved = Signal(object)

    def __init__(
        self,
        data_dir: Path,
        words: WordsController,
        view: BilingualView,
        window: QMainWindow,
        document: Callable[[], Path | None],
        open_document: Callable[[str], object],
        document_shown: SignalInstance,
    ) -> None:
        super().__init__(window)
        self.words = words
        self.view = view
        self._window = window
        self._document = document
        self._open_document = open_document
        self._pending_jump: SavedWord | None = None
        self.store = VocabularyStore(vocabulary_path(data_dir))
        self.panel = VocabularyPanel(window)
        self.panel.hide()
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
        self.panel_action: QAction = self.panel.toggleViewAction()
        self.panel_action.setText(self.tr("&Vocabulary"))
        self.panel_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.panel_action.setToolTip(self.tr("List the words you saved"))
        self._jobs = JobRunner(self)
        words.card.save_button.show()
        words.save_requested.connect(self.save_current)
        self.panel.search_changed.connect(lambda _text: self.refresh())
        self.panel.word_activated.connect(self._on_panel_word_activated)
        self.panel.delete_requested.connect(self._on_panel_delete_requested)
        self.panel.export_requested.connect(self._on_panel_export_requested)
        # The window shows the document in its own slot of the same signal: jump after it.
        document_shown.connect(lambda *_args: QTimer.singleShot(0, self, self._jump_pending))
        self.message_posted.connect(lambda text: window.statusBar().showMessage(text, 8000))
        text = ""
        if self.store.set_aside is not None:
            text = self.tr(
                "Your vocabulary could not be read and was put aside as {name}; "
                "a new, empty one was started."
            ).format(name=self.store.set_aside.name)
        elif self.store.unavailable is not None:
            text = self.tr(
                "Your vocabulary cannot be stored ({reason}); words you save now are kept "
                "only until the reader closes."
            ).format(reason=self.store.unavailable)
        if text:
            self.panel.show_notice(text)
            QTimer.singleShot(0, self, lambda: self.message_posted.emit(text))
        self.refresh()

    # --- saving ------------------------------------------------------------------------

    def current_word(self) -> NewWord | None:
        """The word on the card as it would be saved (None: no card, or not looked up)."""
        spot, info = self.words.spot, self.words.info
        if spot is None or info is None:
            return None
        gloss = self.words.glosses.get(info.lemma, "")
        if not gloss and info.entries:
            gloss = info.entries[0].english
        document = self._document()
        return NewWord(
            lemma=info.lemma,
            form=spot.text,
            gloss=gloss,
            german=self.view.german_for(spot.sentence_id) or "",
            english=self.view.english_for(spot.sentence_id) or "",
            document=str(document) if document else "",
            sentence_id=spot.sentence_id,
        )

    def save_current(self) -> SavedWord | None:
        """Save the word on the card; says so in the status bar."""
        word = self.current_word()
        if word is None:
            return None
        try:
            saved = self.store.add(word)
        except Exception as error:  # a full disk must not take the window down
            log.warning("saving a word failed: %s", error)
            self.message_posted.emit(
                self.tr("Could not save “{word}”: {reason}").format(word=word.form, reason=error)
            )
            return None
        self.message_posted.emit(
            self.tr("Saved “{lemma}” to your vocabulary.").format(lemma=saved.lemma)
        )
        self.refresh()
        self.word_saved.emit(saved)
        return saved

    def refresh(self) -> None:
        self.panel.show_words(self.store.words(self.panel.search.text()))

    # --- the panel ---------------------------------------------------------------------

    def _find(self, word_id: int) -> SavedWord | None:
        return next((w for w in self.store.words() if w.id == word_id), None)

    def _on_panel_delete_requested(self, word_id: int) -> None:
        self.store.delete(word_id)
        self.refresh()

    def _on_panel_word_activated(self, word_id: int) -> None:
        word = self._find(word_id)
        if word is None:
            return
        current = self._document()
        if word.document and (current is None or str(current) != word.document):
            self._pending_jump = word
            self._open_document(word.document)
            return
        self._jump(word)

    def _jump_pending(self) -> None:
        word, self._pending_jump = self._pending_jump, None
        if word is not None:
            self._jump(word)

    def _jump(self, word: SavedWord) -> None:
        """Make the word's sentence current (found again by its text if ids moved)."""
        target = -1
        if self.view.german_for(word.sentence_id) == word.german:
            target = word.sentence_id
        else:
            target = next(
                (i for i in self.view.sentence_ids() if self.view.german_for(i) == word.german),
                -1,
            )
        if target < 0:
            self.message_posted.emit(self.tr("That sentence is not in the open document."))
            return
        self.view.set_current(target)
        self.view.setFocus()

    def _on_panel_export_requested(self, kind: str) -> None:
        if kind == "csv":
            title, pattern, suffix = self.tr("Export vocabulary as CSV"), "*.csv", ".csv"
        else:
            title, pattern, suffix = self.tr("Export vocabulary as Anki deck"), "*.apkg", ".apkg"
        name, _filter = QFileDialog.getSaveFileName(
            self._window, title, str(Path.home() / f"vocabulary{suffix}"), pattern
        )
        if name:
            self.export(Path(name), kind)

    def export(self, path: Path, kind: str) -> None:
        """Write every saved word to ``path`` ("apkg" or "csv") on the job pool."""
        words = self.store.words()

        def work(_progress: ProgressFn, _cancel: CancelToken) -> int:
            from reader.core.vocabulary.export import export_apkg, export_csv

            if kind == "csv":
                export_csv(words, path)
            else:
                export_apkg(words, path)
            return len(words)

        def done(count: int) -> None:
            self.message_posted.emit(
                self.tr("Exported {count} words to {path}").format(count=count, path=str(path))
            )

        def failed(error: BaseException) -> None:
            self.message_posted.emit(
                self.tr("Could not export the vocabulary: {reason}").format(reason=error)
            )

        self._jobs.start(work, success=done, failure=failed, name="vocabulary export")

    def close(self) -> None:
        self.store.close()
