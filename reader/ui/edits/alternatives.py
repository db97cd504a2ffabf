"""Alternative translations of one sentence: the model's n-best, offered in a small menu.

Alt+A (Edit › Alternative Translations…) or the English side's context menu asks the
translation thread for up to four translations of the current sentence by the same model
(remembered there, so asking again is instant; a document being translated pauses after
its current batch to let them through). They come back as a small menu beside the
sentence, the English now shown ticked; picking one replaces the sentence's English, and
its names and checks follow as for any English that arrives.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from reader.core.document.model import Translation
from reader.core.translation.alternatives import MAX_ALTERNATIVES
from reader.ui.view.bilingual_view import BilingualView
from reader.ui.view.block_formats import Side
from reader.ui.view.geometry import span_rect
from reader.ui.view.translation_controller import TranslationController

LABEL_CHARS = 90  # longer alternatives are shortened in the menu (the tooltip has them whole)


def menu_label(text: str) -> str:
    """One alternative as a menu entry: shortened, ``&`` kept literal."""
    short = text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"
    return short.replace("&", "&&")


class AlternativesChooser(QObject):
    """Asks for a sentence's alternatives and lets the reader pick one.

    Signals:
        alternatives_shown(int): the menu of a sentence's alternatives is open.
        alternative_chosen(int): a sentence's English was replaced by an alternative.
        context_menu_opening(QMenu, int): the English side's context menu of a sentence is
            about to open (others add their entries to it).
    """

    alternatives_shown = Signal(int)
    alternative_chosen = Signal(int)
    context_menu_opening = Signal(QMenu, int)

    def __init__(
        self,
        view: BilingualView,
        translation: TranslationController,
        window: QWidget,
        apply: Callable[[Translation], None] | None = None,
    ) -> None:
        super().__init__(window)
        self.view = view
        self.translation = translation
        # What picking does (the reader's edits keep it); by default just show it.
        self._apply = apply or translation.replace
        self.menu = QMenu(view)
        self.menu.setToolTipsVisible(True)
        self.action = QAction(self.tr("&Alternative Translations…"), window)
        self.action.setShortcut(QKeySequence("Alt+A"))
        self.action.setToolTip(self.tr("Other translations of this sentence by the same model"))
        self.action.triggered.connect(lambda _checked=False: self.request(view.current))
        self._job = 0
        self._sentence = -1
        translation.service.alternatives_found.connect(self._on_service_alternatives_found)
        view.viewport().installEventFilter(self)

    def request(self, sentence_id: int) -> bool:
        """Ask for the alternatives of a translated sentence; False when it has no English
        yet or no model is chosen."""
        current = self.translation.translations.get(sentence_id)
        package = self.translation.package
        if current is None or package is None or not current.source.strip():
            return False
        self._sentence = sentence_id
        self._job = self.translation.service.alternatives(
            package, sentence_id, current.source, MAX_ALTERNATIVES
        )
        self.translation.make_way()  # a long document waits one batch, not to its end
        return True

    def choose(self, alternative: Translation) -> None:
        """Make ``alternative`` the English of its sentence."""
        self._apply(alternative)
        self.alternative_chosen.emit(alternative.sentence_id)

    def _on_service_alternatives_found(self, job_id: int, found: Sequence[Translation]) -> None:
        if job_id != self._job:
            return  # an older ask, or another window's
        self._job = 0
        current = self.translation.translations.get(self._sentence)
        if current is None:
            return  # the document changed meanwhile
        self.menu.clear()
        if not found:
            empty = self.menu.addAction(self.tr("No alternatives"))
            empty.setEnabled(False)
        for alternative in found:
            entry = self.menu.addAction(menu_label(alternative.text))
            entry.setToolTip(alternative.text)
            entry.setCheckable(True)
            entry.setChecked(alternative.text == current.text)
            entry.triggered.connect(lambda _checked=False, chosen=alternative: self.choose(chosen))
        self.menu.popup(self._menu_position(self._sentence))
        self.alternatives_shown.emit(self._sentence)

    def _menu_position(self, sentence_id: int) -> QPoint:
        rect = span_rect(self.view, sentence_id, Side.ENGLISH)
        viewport = self.view.viewport()
        if rect is None or not viewport.rect().intersects(rect):
            return viewport.mapToGlobal(viewport.rect().center())
        return viewport.mapToGlobal(rect.bottomLeft())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The English side's context menu: the view's own entries plus this one.
        if event.type() == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            found = self.view.sentence_at(event.pos())
            if found is not None and found[1] is Side.ENGLISH:
                sentence_id = found[0]
                if sentence_id in self.translation.translations:
                    menu = self.view.createStandardContextMenu(event.pos())
                    menu.addSeparator()
                    entry = menu.addAction(self.action.text())
                    entry.triggered.connect(
                        lambda _checked=False, sid=sentence_id: self.request(sid)
                    )
                    self.context_menu_opening.emit(menu, sentence_id)
                    menu.popup(event.globalPos())
                    menu.aboutToHide.connect(menu.deleteLater)
                    return True
        return bool(super().eventFilter(watched, event))
