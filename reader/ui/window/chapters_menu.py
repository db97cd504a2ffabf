"""View › Chapters: the open book's chapters (EPUB), each jumping to its first sentence."""

from __future__ import annotations

import bisect

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget

from reader.core.document.model import Chapter
from reader.ui.view.bilingual_view import BilingualView

MAX_TITLE = 60


class ChaptersMenu(QMenu):
    """Fills itself from the document the view shows, each time it opens.

    Signals:
        chapter_shown(int): the sentence id the view jumped to.
    """

    chapter_shown = Signal(int)

    def __init__(self, title: str, view: BilingualView, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._view = view
        self.aboutToShow.connect(self.fill)

    def chapters(self) -> tuple[Chapter, ...]:
        source = self._view.renderer.source
        return source.chapters if source is not None else ()

    def fill(self) -> None:
        """One item per chapter, numbered for the keyboard; a disabled note when none."""
        self.clear()
        for number, chapter in enumerate(self.chapters(), 1):
            title = chapter.title
            if len(title) > MAX_TITLE:
                title = title[:MAX_TITLE].rsplit(" ", 1)[0] + "…"
            prefix = f"&{number} " if number < 10 else ""
            item = self.addAction(prefix + title.replace("&", "&&"))
            item.triggered.connect(lambda _checked=False, c=chapter: self.show_chapter(c))
        if not self.actions():
            self.addAction(self.tr("This document has no chapters")).setEnabled(False)

    def show_chapter(self, chapter: Chapter) -> None:
        """Scroll to the chapter's first sentence and make it the current one."""
        sentences = sorted(self._view.renderer.sentences.values(), key=lambda s: s.id)
        blocks = [sentence.block for sentence in sentences]
        at = bisect.bisect_left(blocks, chapter.block)
        if at >= len(sentences):
            return
        sentence_id = sentences[at].id
        self._view.scroll_to_sentence(sentence_id)
        self._view.set_current(sentence_id, ensure_visible=False)
        self.chapter_shown.emit(sentence_id)
