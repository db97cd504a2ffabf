"""Aligned words: hovering a word of the current sentence pair lights up the word(s) it is
linked to on the other side, and the word itself, when the link is confident.

The links come from ``reader.core.words.word_alignment`` (attention backed by spelling,
numbers, exonyms and the glosses the reader has looked up); they are worked out once per
pair and English, on the GUI thread (a sentence takes well under a millisecond).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QMouseEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from reader.core.words.word_alignment import WordLink, link_words, sentence_words
from reader.ui.view.bilingual_view import BilingualView
from reader.ui.view.block_formats import Side
from reader.ui.view.text_positions import from_utf16, to_utf16
from reader.ui.view.translation_controller import TranslationController

Overlay = Callable[[], list[QTextEdit.ExtraSelection]]
Lexicon = Callable[[str], Iterable[str] | None]
Marked = list[tuple[Side, int, int]]  # side, code-point span in that side's sentence
Names = Callable[[int], Sequence[tuple[tuple[int, int], tuple[int, int]]]]


class AlignedWords(QObject):
    """Draws the links of the hovered word of ``view``'s current pair.

    Signals:
        words_lit(int, list): sentence id and the (side, start, end) spans now lit.
    """

    words_lit = Signal(int, list)

    def __init__(
        self,
        view: BilingualView,
        translation: TranslationController,
        lexicon: Lexicon | None = None,
        exonyms: Callable[[str], str | None] | None = None,
        names: Names | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or view)
        self.view = view
        self.translation = translation
        self.lexicon = lexicon
        self.exonyms = exonyms
        self.names = names
        self.lit: Marked = []
        self._sentence = -1
        self._cache: dict[tuple[int, str], tuple[WordLink, ...]] = {}
        self._previous_overlay: Overlay | None = view.overlay
        view.overlay = self._overlay
        self._viewport = view.viewport()
        self._viewport.installEventFilter(self)
        view.current_sentence_changed.connect(lambda _sid: self._light(-1, []))

    def forget(self) -> None:
        """Drop the links worked out so far (the lexicon changed)."""
        self._cache.clear()

    def links(self, sentence_id: int) -> tuple[WordLink, ...]:
        """The confident links of a translated pair (() while it has no English)."""
        translation = self.translation.translations.get(sentence_id)
        german = self.view.german_for(sentence_id)
        if translation is None or german is None:
            return ()
        key = (sentence_id, translation.text)
        if key not in self._cache:
            if len(self._cache) > 256:
                self._cache.clear()
            self._cache[key] = link_words(
                german,
                translation.text,
                translation.alignment,
                lexicon=self.lexicon,
                exonyms=self.exonyms,
                names=self.names(sentence_id) if self.names else (),
            )
        return self._cache[key]

    def light_word(self, sentence_id: int, side: Side, offset: int) -> Marked:
        """Light the word at code-point ``offset`` of the pair's ``side`` and its links."""
        text = (
            self.view.german_for(sentence_id)
            if side is Side.GERMAN
            else self.translation.translations[sentence_id].text
            if sentence_id in self.translation.translations
            else None
        )
        marked: Marked = []
        if text is not None:
            word = next((w for w in sentence_words(text) if w[0] <= offset < w[1]), None)
            for link in self.links(sentence_id) if word is not None else ():
                mine, other = (
                    (link.german, link.english)
                    if side is Side.GERMAN
                    else (link.english, link.german)
                )
                if mine == word:
                    if not marked:
                        marked.append((side, *word))
                    marked.append((Side.ENGLISH if side is Side.GERMAN else Side.GERMAN, *other))
        self._light(sentence_id, marked)
        return marked

    # --- events ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseMove and watched is self._viewport:
            assert isinstance(event, QMouseEvent)
            self._on_pointer(event)
        elif kind == QEvent.Type.Leave and watched is self._viewport and self.lit:
            self._light(-1, [])
        return super().eventFilter(watched, event)

    def _on_pointer(self, event: QMouseEvent) -> None:
        view = self.view
        if view.current < 0:
            return
        position = view.cursorForPosition(event.position().toPoint()).position()
        found = view.renderer.sentence_at(position)
        if found is None or found[0] != view.current:
            if self.lit:
                self._light(-1, [])
            return
        sentence_id, side = found
        span = view.renderer.span(sentence_id, side)
        text = (
            view.german_for(sentence_id) if side is Side.GERMAN else view.english_for(sentence_id)
        )
        if span is None or not text:
            return
        self.light_word(sentence_id, side, from_utf16(text, position - span[0]))

    # --- drawing -----------------------------------------------------------------------

    def _light(self, sentence_id: int, marked: Marked) -> None:
        if marked == self.lit and sentence_id == self._sentence:
            return
        self.lit = marked
        self._sentence = sentence_id
        self.view.update_highlights()
        self.words_lit.emit(sentence_id, list(marked))

    def _overlay(self) -> list[QTextEdit.ExtraSelection]:
        selections = self._previous_overlay() if self._previous_overlay else []
        if not self.lit or self._sentence < 0:
            return selections
        lit = QTextCharFormat()
        lit.setBackground(self.view.colors.match_background)
        lit.setFontUnderline(True)
        lit.setUnderlineColor(self.view.colors.current_underline)
        document = self.view.document()
        for side, start, end in self.lit:
            span = self.view.renderer.span(self._sentence, side)
            text = (
                self.view.german_for(self._sentence)
                if side is Side.GERMAN
                else self.view.english_for(self._sentence)
            )
            if span is None or text is None:
                continue
            cursor = QTextCursor(document)
            cursor.setPosition(span[0] + to_utf16(text, start))
            cursor.setPosition(span[0] + to_utf16(text, end), QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = lit
            selections.append(selection)
        return selections
