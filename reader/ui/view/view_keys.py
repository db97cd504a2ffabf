"""The reading view's own keys: sentence steps, copy, Esc, and the two ends of the text
(Home/End and Ctrl+Home/Ctrl+End: ``row_window`` builds what they show first)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

if TYPE_CHECKING:
    from reader.ui.view.bilingual_view import BilingualView


def handle_key(view: BilingualView, event: QKeyEvent) -> bool:
    """Act on a key the view gives a meaning of its own; False: let Qt have it."""
    key = event.key()
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    plain = modifiers == Qt.KeyboardModifier.NoModifier
    alt = modifiers == Qt.KeyboardModifier.AltModifier
    ctrl = modifiers == Qt.KeyboardModifier.ControlModifier
    if (plain and key == Qt.Key.Key_J) or (alt and key == Qt.Key.Key_Down):
        view.move_current(1)
    elif (plain and key == Qt.Key.Key_K) or (alt and key == Qt.Key.Key_Up):
        view.move_current(-1)
    elif (
        plain
        and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        and (view.current >= 0 or view.textCursor().hasSelection())
    ):
        view.copy_current_pair()
    elif plain and key == Qt.Key.Key_Escape and view.current >= 0:
        view.set_current(-1, ensure_visible=False)
    elif (ctrl or plain) and key == Qt.Key.Key_Home:
        view.row_window.go_to_start()
    elif (ctrl or plain) and key == Qt.Key.Key_End:
        view.row_window.go_to_end()
    else:
        return False
    return True
