"""The lookup card: one German word, its lemma, gender and plural, parts, glosses, entries."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from reader.core.words.lookup import WordInfo

CARD_WIDTH = 340


class WordCard(QFrame):
    """A small frame over the reading view's viewport; the controller places and fills it.

    Signals:
        closed(): Esc or the close button.
        save_requested(): the Save word button.
    """

    closed = Signal()
    save_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("wordCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setFixedWidth(CARD_WIDTH)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the view keeps the keyboard
        self.setAccessibleName(self.tr("Word lookup"))
        self.body = QLabel(self)
        self.body.setObjectName("wordCardBody")
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton(self.tr("Save word"), self)
        self.save_button.setToolTip(self.tr("Keep this word in your vocabulary (S)"))
        self.save_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.save_button.clicked.connect(self.save_requested)
        self.save_button.hide()  # shown once a vocabulary is attached
        close = QPushButton(self.tr("Close"), self)
        close.setToolTip(self.tr("Close the card (Esc)"))
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.clicked.connect(self.close_card)
        hint = QLabel(self.tr("← → other words · S saves · Esc closes"), self)
        hint.setObjectName("wordCardHint")
        hint.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.body)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        self.hide()

    def show_word(
        self,
        word: str,
        info: WordInfo | None,
        glosses: Mapping[str, str],
        gloss_note: str = "",
        aligned: str = "",
    ) -> None:
        """Fill the card: ``info`` None while the lookup runs; ``glosses`` maps German to
        the model's English (missing ones show as pending unless ``gloss_note`` says why);
        ``aligned`` is the English the word is linked to in this sentence."""
        self.body.setText(self._html(word, info, glosses, gloss_note, aligned))
        self.adjustSize()

    def close_card(self) -> None:
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_card()
        else:
            super().keyPressEvent(event)

    def _html(
        self, word: str, info: WordInfo | None, glosses: Mapping[str, str], note: str, aligned: str
    ) -> str:
        lines = [f"<p style='margin:0'><b style='font-size:large'>{escape(word)}</b></p>"]
        if info is None:
            looking = self.tr("Looking up…")
            lines.append(f"<p>{escape(looking)}</p>")
            return "".join(lines)

        def gloss(text: str) -> str:
            found = glosses.get(text)
            if found is not None:
                return escape(found)
            return escape(note) if note else "…"

        facts = []
        if info.lemma != info.word:
            facts.append(self.tr("from {lemma}").format(lemma=f"<b>{escape(info.lemma)}</b>"))
        if info.noun is not None:
            articles = " / ".join(info.noun.articles)
            facts.append(self.tr("noun, {articles}").format(articles=articles))
            if info.noun.plural:
                facts.append(
                    self.tr("plural {plural}").format(plural=f"die {escape(info.noun.plural)}")
                )
        if facts:
            lines.append(f"<p style='margin:0'>{' · '.join(facts)}</p>")
        if aligned:
            here = self.tr("In this sentence:")
            lines.append(f"<p style='margin-bottom:0'>{escape(here)} <b>{escape(aligned)}</b></p>")
        model, parts_label = self.tr("Model:"), self.tr("Parts:")
        lines.append(f"<p>{escape(model)} <b>{escape(info.lemma)}</b> → {gloss(info.lemma)}")
        if info.parts:
            parts = " · ".join(f"{escape(part)} <i>({gloss(part)})</i>" for part in info.parts)
            lines.append(f"<br>{escape(parts_label)} {parts}")
        lines.append("</p>")
        if info.entries:
            dictionary = self.tr("Dictionary (Ding):")
            lines.append(f"<p style='margin-bottom:0'>{escape(dictionary)}</p>")
            lines.append("<ul style='margin-top:0'>")
            for entry in info.entries:
                lines.append(f"<li><i>{escape(entry.german)}</i> — {escape(entry.english)}</li>")
            lines.append("</ul>")
        return "".join(lines)
