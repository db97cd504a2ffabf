"""The reader's own English: edits and chosen alternatives, kept per document, revertible.

F2 (Edit › Edit Translation…) or a double-click on a sentence's English opens a small
editor; a chosen alternative (``AlternativesChooser``) is an edit too. The reader's version
replaces the model's on screen, in exports and for the checks (they listen to
``translations_applied`` like for any English), is kept in the data folder by document and
German sentence (``reader.core.edits.store``) so it comes back when the document is opened
again, and is set in italics with a tooltip. *Restore Machine Translation* brings the
model's English back.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QMenu, QWidget

from reader.core.document.model import Document, Translation
from reader.core.edits.alignment import carry_alignment
from reader.core.edits.store import EditStore, EditStoreError, document_key
from reader.ui.checks.controller import ChecksController
from reader.ui.edits.editor import SentenceEditor
from reader.ui.view.block_formats import Side

log = logging.getLogger(__name__)


class EditsController(QObject):
    """Holds the reader's English of the open document and keeps it shown and stored.

    Signals:
        edits_changed(int): how many sentences now show the reader's own English.
    """

    edits_changed = Signal(int)

    def __init__(self, checks: ChecksController, store: EditStore, window: QWidget) -> None:
        super().__init__(window)
        self.checks = checks
        self.view = checks.view
        self.translation = checks.translation
        self.store = store
        self.window = window
        self.machine: dict[int, Translation] = {}  # the model's English, by sentence
        self.user: dict[str, str] = {}  # the reader's English by German sentence
        self.editor: SentenceEditor | None = None
        self._source: Document | None = None
        self._key: str | None = None
        self._replacing = False
        self.edit_action = QAction(self.tr("&Edit Translation…"), window)
        self.edit_action.setShortcut(QKeySequence("F2"))
        self.edit_action.setToolTip(self.tr("Write your own English for the current sentence"))
        self.edit_action.triggered.connect(lambda _checked=False: self.edit(self.view.current))
        self.restore_action = QAction(self.tr("&Restore Machine Translation"), window)
        self.restore_action.setToolTip(self.tr("Show the model's English of the sentence again"))
        self.restore_action.triggered.connect(
            lambda _checked=False: self.restore(self.view.current)
        )
        self.translation.translations_applied.connect(self._on_translation_translations_applied)
        checks.entities.entities_changed.connect(self._redraw_soon)
        # A new document: the last one's marks and versions must not carry over.
        checks.entities.recognition_started.connect(self._follow_document)
        self.view.viewport().installEventFilter(self)

    @property
    def edited(self) -> set[int]:
        """Sentences showing the reader's English (the checks mark them)."""
        return self.checks.edited

    def edit(self, sentence_id: int) -> SentenceEditor | None:
        """Open the editor of a translated sentence's English (None: nothing to edit)."""
        current = self.translation.translations.get(sentence_id)
        if current is None or not current.text:
            return None
        if self.editor is not None:
            self.editor.close()
        self.editor = SentenceEditor(sentence_id, current.source, current.text, self.window)
        self.editor.english_edited.connect(lambda sid, text: self.set_english(sid, text))
        self.editor.open()
        return self.editor

    def set_english(
        self, sentence_id: int, text: str, alignment: Translation | None = None
    ) -> None:
        """Make ``text`` the sentence's English and keep it; the model's own text restores.
        ``alignment``: a Translation whose word alignment fits ``text`` (an alternative)."""
        current = self.translation.translations.get(sentence_id)
        if current is None:
            return
        self._follow_document()
        machine = self.machine.setdefault(sentence_id, current)
        if text == machine.text:
            self.restore(sentence_id)
            return
        self.user[machine.source] = text
        if self._key is not None:
            try:
                self.store.put(self._key, machine.source, text)
            except EditStoreError as error:  # shown now, just not kept for next time
                log.warning("edit not kept: %s", error)
        # an alternative brings its own alignment; an edit keeps the links of unchanged words
        if alignment is not None:
            words = alignment.alignment
        else:
            words = carry_alignment(machine.text, machine.alignment, text)
        for sid in self._same_german(machine.source):
            self._show(replace(self.translation.translations[sid], text=text, alignment=words))
        self._changed()

    def add_menu_entries(self, menu: QMenu, sentence_id: int) -> None:
        """The English side's context menu: edit the sentence, and restore it once edited."""
        edit = menu.addAction(self.edit_action.text())
        edit.triggered.connect(lambda _checked=False: self.edit(sentence_id))
        if sentence_id in self.edited:
            restore = menu.addAction(self.restore_action.text())
            restore.triggered.connect(lambda _checked=False: self.restore(sentence_id))

    def use_alternative(self, alternative: Translation) -> None:
        """A chosen alternative becomes the reader's English of its sentence."""
        self.set_english(alternative.sentence_id, alternative.text, alternative)

    def restore(self, sentence_id: int) -> None:
        """Show the model's English again and forget the reader's."""
        machine = self.machine.get(sentence_id)
        if machine is None or sentence_id not in self.edited:
            return
        self.user.pop(machine.source, None)
        if self._key is not None:
            try:
                self.store.remove(self._key, machine.source)
            except EditStoreError as error:
                log.warning("edit not forgotten: %s", error)
        for sid in self._same_german(machine.source):
            self._show(self.machine.get(sid, machine), mine=False)
        self._changed()

    def _same_german(self, source: str) -> list[int]:
        return [sid for sid, t in self.translation.translations.items() if t.source == source]

    def _show(self, translation: Translation, *, mine: bool = True) -> None:
        self._replacing = True
        try:
            self.translation.replace(translation)
        finally:
            self._replacing = False
        if mine:
            self.edited.add(translation.sentence_id)
        else:
            self.edited.discard(translation.sentence_id)

    def _changed(self) -> None:
        self.checks.redraw()
        self.edits_changed.emit(len(self.edited))

    def _follow_document(self) -> None:
        source = self.view.renderer.source
        if source is self._source:
            return
        self._source = source
        self.machine = {}
        self.edited.clear()
        self.user = {}
        self._key = document_key(source.source) if source and source.source else None
        if self._key is not None:
            try:
                self.user = self.store.load(self._key)
            except EditStoreError as error:
                log.warning("edits not read: %s", error)

    def _on_translation_translations_applied(self, translations: Mapping[int, Translation]) -> None:
        if self._replacing:
            return
        self._follow_document()
        mine = []
        for sid, translation in translations.items():
            self.machine[sid] = translation
            self.edited.discard(sid)
            text = self.user.get(translation.source)
            if text is not None and translation.text and text != translation.text:
                words = carry_alignment(translation.text, translation.alignment, text)
                mine.append(replace(translation, text=text, alignment=words))
        for translation in mine:
            self._show(translation)
        if mine:
            self._changed()

    def _redraw_soon(self, *_changed: object) -> None:
        if self.edited:
            QTimer.singleShot(0, self.checks.redraw)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A double-click on a translated sentence's English opens its editor.
        if event.type() == QEvent.Type.MouseButtonDblClick and isinstance(event, QMouseEvent):
            found = self.view.sentence_at(event.position().toPoint())
            on_english = found is not None and found[1] is Side.ENGLISH
            if on_english and found is not None and self.edit(found[0]) is not None:
                return True
        return bool(super().eventFilter(watched, event))
