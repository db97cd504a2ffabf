"""The words controller: opens the lookup card on a clicked word (or W), fills it, closes it.

It receives its collaborators (the reading view and the translation controller, whose
service owns the translation thread) and talks to them only through their public methods
and signals. The lookup (lemma, noun facts, parts, dictionary) runs on the job pool; the
model's translations of the lemma and the parts run in the translation thread as one small
job of their own, so they land in the translation cache like any sentence.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QWidget

from reader.core.cancel import CancelToken
from reader.core.document.model import Translation
from reader.core.entities.projection import exonyms
from reader.core.words.lookup import WordInfo, WordLookup
from reader.ui.view.bilingual_view import BilingualView
from reader.ui.view.translation_controller import TranslationController
from reader.ui.words.aligned_words import AlignedWords
from reader.ui.words.card import WordCard
from reader.ui.words.locate import WordSpot, sentence_words, word_at, word_rect
from reader.ui.words.placement import card_position
from reader.workers.gloss_lane import GlossLane
from reader.workers.jobs import JobRunner, ProgressFn

if TYPE_CHECKING:
    from reader.ui.entities.highlights import EntityController

log = logging.getLogger(__name__)


class WordsController(QObject):
    """Owns the lookup card over ``view``.

    Signals:
        card_shown(object): the card opened or moved to this ``WordSpot``.
        card_filled(object): the lookup of the shown word arrived (its ``WordInfo``).
        glosses_arrived(dict): the model's English for the lemma and parts, by German text.
        card_closed(): the card went away.
        save_requested(): Save word on the card, or S while it is open.
    """

    card_shown = Signal(object)
    card_filled = Signal(object)
    glosses_arrived = Signal(dict)
    card_closed = Signal()
    save_requested = Signal()

    def __init__(
        self,
        view: BilingualView,
        translation: TranslationController,
        entities: EntityController | None = None,
        lookup: WordLookup | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or view)
        self.view = view
        self.translation = translation
        self.lookup = lookup or WordLookup()
        self.card = WordCard(view.viewport())
        self.spot: WordSpot | None = None
        self.info: WordInfo | None = None
        self.glosses: dict[str, str] = {}
        self._gloss_job = 0
        self._gloss_texts: tuple[str, ...] = ()
        self._gloss_note = ""
        self._jobs = JobRunner(self, latest_only=True)
        # German form, lemma or part -> the model's English, from every card so far: the
        # lexicon that backs aligned words.
        self.known: dict[str, str] = {}
        self.entities = entities
        self.aligned = AlignedWords(
            view, translation, self.lexicon, exonyms().get, self.projected_names, self
        )
        if entities is not None:
            entities.entities_changed.connect(lambda *_args: self.aligned.forget())
        self._warming = False
        self.look_up_action = QAction(self.tr("Look Up &Word"), view)
        self.look_up_action.setShortcut("W")
        self.look_up_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.look_up_action.setToolTip(self.tr("Show the card of the word under the pointer"))
        self.look_up_action.triggered.connect(lambda _checked=False: self.open_current())
        view.addAction(self.look_up_action)
        self._place_timer = QTimer(self)
        self._place_timer.setSingleShot(True)
        self._place_timer.setInterval(0)
        self._place_timer.timeout.connect(self._place)
        self._viewport = view.viewport()  # kept: the filter must not call into a dying view
        self._viewport.installEventFilter(self)
        view.installEventFilter(self)
        view.verticalScrollBar().valueChanged.connect(lambda _v: self._place_timer.start())
        view.document().contentsChanged.connect(self._place_timer.start)
        self.card.closed.connect(self._on_card_closed)
        self.card.save_requested.connect(self.save_requested)
        service = translation.service
        service.batch_translated.connect(self._on_service_batch_translated)
        service.translation_failed.connect(self._on_service_translation_failed)
        # While the document translates, glosses skip its queue (its batch runs seconds).
        self.gloss_lane = GlossLane(service.cache_path, service.engine_factory, self)
        self.gloss_lane.glosses_translated.connect(self._on_service_batch_translated)
        self.gloss_lane.glosses_failed.connect(self._on_service_translation_failed)
        self.use_gloss_lane = True  # False: behind the document's running batch (benchmark)
        translation.translation_finished.connect(self._on_translation_finished)

    # --- opening and closing -------------------------------------------------------------

    def open_at(self, spot: WordSpot) -> None:
        """Show the card for ``spot`` and look the word up."""
        self.spot = spot
        self.info = None
        self.glosses = {}
        self._gloss_note = ""
        self.card.show_word(spot.text, None, {})
        self.card.show()
        self.card.raise_()
        self._place()
        if self.card.isVisible():
            self.card_shown.emit(spot)
        lookup, word = self.lookup, spot.text

        def work(_progress: ProgressFn, _cancel: CancelToken) -> WordInfo:
            return lookup.look_up(word)

        def done(info: WordInfo) -> None:
            self._on_lookup_finished(spot, info)

        self._jobs.start(work, success=done, failure=self._on_lookup_failed, name="word lookup")

    def open_current(self) -> None:
        """W: the word under the pointer, else the first word of the current sentence."""
        pointer = self.view.viewport().mapFromGlobal(self.view.cursor().pos())
        spot = (
            word_at(self.view, pointer) if self.view.viewport().rect().contains(pointer) else None
        )
        if spot is None and self.view.current >= 0:
            words = sentence_words(self.view, self.view.current)
            spot = words[0] if words else None
        if spot is not None:
            self.open_at(spot)

    def step(self, delta: int) -> None:
        """Move the card to the next (+1) or previous (-1) word of its sentence."""
        if self.spot is None:
            return
        words = sentence_words(self.view, self.spot.sentence_id)
        index = next((i for i, w in enumerate(words) if w.start == self.spot.start), -1)
        target = index + delta
        if index >= 0 and 0 <= target < len(words):
            self.open_at(words[target])

    def close(self) -> None:
        self.card.close_card()

    def projected_names(self, sentence_id: int) -> list[tuple[tuple[int, int], tuple[int, int]]]:
        """(German span, English span) of the names projected in a sentence, in its own
        offsets: evidence for aligned words."""
        sentence = self.view.renderer.sentences.get(sentence_id)
        if self.entities is None or sentence is None:
            return []
        return [
            ((e.start - sentence.start, e.end - sentence.start), (e.target_start, e.target_end))
            for e in self.entities.projected.get(sentence_id, ())
            if e.target_start is not None and e.target_end is not None
        ]

    def lexicon(self, word: str) -> list[str]:
        """English for a German word: the model's glosses from the cards so far, and the
        installed dictionary's entries (only once its tables are read)."""
        found = [self.known[word]] if word in self.known else []
        if self.lookup.warm_done:
            found += [e.english for e in self.lookup.dictionary_entries(word)]
        return found

    @property
    def is_open(self) -> bool:
        return self.card.isVisible()

    # --- events ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseMove and not self._warming and watched is self._viewport:
            self._start_warming()
        elif kind == QEvent.Type.MouseButtonRelease and watched is self._viewport:
            assert isinstance(event, QMouseEvent)
            if (
                event.button() == Qt.MouseButton.LeftButton
                and event.modifiers() == Qt.KeyboardModifier.NoModifier
            ):
                point = event.position().toPoint()
                # After the view has handled the release: a drag that selected text wins.
                QTimer.singleShot(0, self, lambda: self._on_view_clicked(point))
        elif kind == QEvent.Type.KeyPress and watched is self.view and self.is_open:
            assert isinstance(event, QKeyEvent)
            if event.modifiers() == Qt.KeyboardModifier.NoModifier:
                if event.key() == Qt.Key.Key_Escape:
                    self.close()
                    return True
                if event.key() == Qt.Key.Key_S and self.card.save_button.isVisible():
                    self.save_requested.emit()
                    return True
                if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                    self.step(1 if event.key() == Qt.Key.Key_Right else -1)
                    return True
        return super().eventFilter(watched, event)

    def _start_warming(self) -> None:
        """The pointer is over the text: read the lemma and noun tables now, off the GUI
        thread, so the first card does not wait for them."""
        self._warming = True
        if self.lookup.warm_done:
            return
        lookup = self.lookup

        def work(_progress: ProgressFn, _cancel: CancelToken) -> None:
            lookup.warm()

        JobRunner(self).start(work, success=lambda _none: None, name="word tables")

    def _on_view_clicked(self, point: QPoint) -> None:
        if self.view.textCursor().hasSelection():
            return
        spot = word_at(self.view, point)
        if spot is None:
            self.close()
        elif spot != self.spot or not self.is_open:
            self.open_at(spot)

    def _place(self) -> None:
        """Put the card beside its word; hide it while the word is scrolled away."""
        if self.spot is None or (not self.card.isVisible() and self.info is None):
            return
        german = self.view.german_for(self.spot.sentence_id)
        if german is None or german[self.spot.start : self.spot.end] != self.spot.text:
            self.close()  # another document
            return
        rect = word_rect(self.view, self.spot)
        viewport: QWidget = self.view.viewport()
        if rect is None or not viewport.rect().intersects(rect):
            self.card.hide()
            return
        self.card.adjustSize()
        self.card.move(card_position(rect, self.card.size(), viewport.rect()))
        if self.card.isHidden() and self.spot is not None:
            self.card.show()

    def _on_card_closed(self) -> None:
        self.spot = None
        self.info = None
        self.card_closed.emit()

    # --- results -----------------------------------------------------------------------

    def _on_lookup_finished(self, spot: WordSpot, info: WordInfo) -> None:
        if spot != self.spot:
            return
        self.info = info
        self._request_glosses(info.glossable)
        self._refresh()
        self.card_filled.emit(info)

    def _on_lookup_failed(self, error: BaseException) -> None:
        log.warning("word lookup failed: %s", error)

    def _request_glosses(self, texts: Sequence[str]) -> None:
        package = self.translation.package
        if package is None:
            self._gloss_note = self.tr("no translation model")
            return
        self._gloss_texts = tuple(texts)
        if self.translation.running and self.use_gloss_lane:
            self._gloss_job = self.gloss_lane.translate(
                package, list(enumerate(self._gloss_texts)), self.translation.beam_size
            )
            return
        self._gloss_job = self.translation.service.translate(
            package, list(enumerate(self._gloss_texts)), self.translation.beam_size
        )
        self.translation.make_way()  # a long document waits one batch, not to its end

    def _on_service_batch_translated(self, job_id: int, batch: Sequence[Translation]) -> None:
        if job_id != self._gloss_job:
            return
        for item in batch:
            if 0 <= item.sentence_id < len(self._gloss_texts):
                self.glosses[self._gloss_texts[item.sentence_id]] = item.text
                self.known[self._gloss_texts[item.sentence_id]] = item.text
        if self.spot is not None and self.info is not None and self.info.lemma in self.glosses:
            self.known[self.spot.text] = self.glosses[self.info.lemma]
        self.aligned.forget()  # the lexicon grew
        self._refresh()
        self.glosses_arrived.emit(dict(self.glosses))

    def _on_translation_finished(self, _cancelled: bool) -> None:
        self.gloss_lane.release()  # the document is done: its queue is short again

    def _on_service_translation_failed(self, job_id: int, _error: object) -> None:
        if job_id == self._gloss_job:
            self._gloss_note = self.tr("translation failed")
            self._refresh()

    def _refresh(self) -> None:
        if self.spot is not None:
            self.card.show_word(
                self.spot.text, self.info, self.glosses, self._gloss_note, self.aligned_english()
            )
            self._place()

    def aligned_english(self) -> str:
        """The English the card's word is confidently linked to in its sentence ("": none)."""
        spot = self.spot
        translation = self.translation.translations.get(spot.sentence_id) if spot else None
        if spot is None or translation is None:
            return ""
        linked = sorted(
            link.english
            for link in self.aligned.links(spot.sentence_id)
            if link.german == (spot.start, spot.end)
        )
        return " ".join(translation.text[start:end] for start, end in linked)
