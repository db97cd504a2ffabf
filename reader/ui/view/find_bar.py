"""Find (Ctrl+F): search German and English, jump to the sentence, light up its pair."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextEdit, QToolButton, QWidget

from reader.ui.view.bilingual_view import BilingualView
from reader.ui.view.block_formats import Side
from reader.ui.view.text_positions import Utf16Map, to_utf16

MAX_MARKS = 5000  # more marks than this would slow every redraw; the count still says all


@dataclass(frozen=True)
class Match:
    """A hit: code-point span in one sentence's German or English."""

    sentence_id: int
    side: Side
    start: int
    end: int


def find_matches(view: BilingualView, needle: str) -> list[Match]:
    """Every case-insensitive occurrence of ``needle``, in reading order, German first."""
    if not needle:
        return []
    pattern = re.compile(re.escape(needle), re.IGNORECASE)
    found: list[Match] = []
    for sentence_id in view.sentence_ids():
        for side, text in (
            (Side.GERMAN, view.german_for(sentence_id)),
            (Side.ENGLISH, view.english_for(sentence_id)),
        ):
            if text:
                found += [
                    Match(sentence_id, side, m.start(), m.end()) for m in pattern.finditer(text)
                ]
    return found


class FindBar(QWidget):
    """The find bar under the text. F3 / Shift+F3 step through matches; Esc closes.

    Signals:
        closed(): the bar was hidden; focus should go back to the text.
    """

    closed = Signal()

    def __init__(self, view: BilingualView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.matches: list[Match] = []
        self.index = -1
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Find in German or English"))
        self.field.setAccessibleName(self.tr("Find text"))
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self._on_field_text_changed)
        self.field.returnPressed.connect(self.find_next)
        label = QLabel(self.tr("&Find:"), self)
        label.setBuddy(self.field)
        self.previous_button = self._button("↑", self.tr("Previous match (Shift+F3)"))
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button = self._button("↓", self.tr("Next match (F3)"))
        self.next_button.clicked.connect(self.find_next)
        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Find result"))
        self.status.setMinimumWidth(110)
        close = self._button("✕", self.tr("Close the find bar (Esc)"))
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(label)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.hide()

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        return button

    def open_bar(self) -> None:
        """Show the bar and put the cursor in the field, its text selected."""
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self.refresh()

    def close_bar(self) -> None:
        if self.isVisible():
            self.hide()
            self.view.find_marks = None
            self.view.clear_match()
            self.closed.emit()

    def refresh(self) -> None:
        """Search again (the text changed or more English arrived)."""
        self.matches = find_matches(self.view, self.field.text())
        self.index = -1
        self._update_status()
        self.view.find_marks = self._mark_selections if self.matches else None
        self.view.update_highlights()

    def _mark_selections(self) -> list[QTextEdit.ExtraSelection]:
        """Every match but the current one, in both columns, on a lighter green."""
        char_format = QTextCharFormat()
        color = QColor(self.view.colors.match_background)
        color.setAlpha(120)
        char_format.setBackground(color)
        selections = []
        for number, match in enumerate(self.matches[:MAX_MARKS]):
            span = self.view.renderer.span(match.sentence_id, match.side)
            text = (
                self.view.german_for(match.sentence_id)
                if match.side is Side.GERMAN
                else self.view.english_for(match.sentence_id)
            )
            if span is None or not text or number == self.index:
                continue
            to16 = Utf16Map(text)
            cursor = QTextCursor(self.view.document())
            cursor.setPosition(span[0] + to16(match.start))
            cursor.setPosition(span[0] + to16(match.end), QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = char_format
            selections.append(selection)
        return selections

    def find_next(self) -> None:
        self._step(1)

    def find_previous(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        if not self.matches:
            self.refresh()
        if not self.matches:
            return
        self.index = (self.index + direction) % len(self.matches)
        match = self.matches[self.index]
        text = (
            self.view.german_for(match.sentence_id)
            if match.side is Side.GERMAN
            else self.view.english_for(match.sentence_id)
        ) or ""
        self.view.highlight_match(
            match.sentence_id, match.side, to_utf16(text, match.start), to_utf16(text, match.end)
        )
        self._update_status()

    def _update_status(self) -> None:
        if not self.field.text():
            self.status.setText("")
        elif not self.matches:
            self.status.setText(self.tr("No matches"))
        elif self.index < 0:
            self.status.setText(self.tr("%n match(es)", "", len(self.matches)))
        else:
            self.status.setText(
                self.tr("{current} of {total}").format(
                    current=self.index + 1, total=len(self.matches)
                )
            )

    def _on_field_text_changed(self, _text: str) -> None:
        self.refresh()
        if self.matches:
            self.find_next()
        else:
            self.view.clear_match()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)
