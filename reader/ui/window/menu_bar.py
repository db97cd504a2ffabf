"""The menu bar and its actions.

The menu owns the actions and knows nothing of what they do: the window connects each
action's ``triggered`` (and the few signals below) to the part that does the work.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from reader.ui.dialogs.help import ShortcutEntry
from reader.ui.settings import Settings
from reader.ui.window.file_menu import RecentMenu

Shortcut = str | QKeySequence.StandardKey


def plain_text(action: QAction) -> str:
    """A menu text as a sentence: without the & mnemonic and the trailing ellipsis."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


class MainMenu(QObject):
    """File, Edit, View, Tools and Help on ``bar``; the actions are this object's attributes.

    Signals:
        theme_chosen(str): View › Theme picked "system", "light" or "dark".
    """

    theme_chosen = Signal(str)

    def __init__(self, bar: QMenuBar, settings: Settings, window: QWidget) -> None:
        super().__init__(window)
        self._bar = bar
        # Actions belong to the window so their shortcuts work wherever the focus is.
        self._window = window

        file_menu = bar.addMenu(self.tr("&File"))
        self.open = self._action(file_menu, self.tr("&Open…"), QKeySequence.StandardKey.Open)
        self.recent_menu = RecentMenu(self.tr("Open &Recent"), settings, file_menu)
        file_menu.addMenu(self.recent_menu)
        self.export = self._action(file_menu, self.tr("&Export as…"), "Ctrl+E")
        file_menu.addSeparator()
        self.quit = self._action(file_menu, self.tr("&Quit"), QKeySequence.StandardKey.Quit)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.copy_pair = self._action(edit_menu, self.tr("Copy Sentence &Pair"), "Ctrl+Shift+C")
        edit_menu.addSeparator()
        self.find = self._action(edit_menu, self.tr("&Find…"), QKeySequence.StandardKey.Find)
        self.find_next = self._action(edit_menu, self.tr("Find &Next"), "F3")
        self.find_previous = self._action(edit_menu, self.tr("Find Pre&vious"), "Shift+F3")
        edit_menu.addSeparator()
        self.preferences = self._action(edit_menu, self.tr("Pre&ferences…"), "Ctrl+,")

        view_menu = bar.addMenu(self.tr("&View"))
        self.next_sentence = self._action(view_menu, self.tr("&Next Sentence"), "Alt+Down")
        self.previous_sentence = self._action(view_menu, self.tr("&Previous Sentence"), "Alt+Up")
        view_menu.addSeparator()
        self.zoom_in = self._action(view_menu, self.tr("Zoom &In"), "Ctrl++", "Ctrl+=")
        self.zoom_out = self._action(view_menu, self.tr("Zoom &Out"), "Ctrl+-")
        self.zoom_reset = self._action(view_menu, self.tr("&Reset Zoom"), "Ctrl+0")
        view_menu.addSeparator()
        self.highlight_entities = self._action(
            view_menu, self.tr("Highlight &Names"), "Ctrl+Shift+N"
        )
        self.highlight_entities.setCheckable(True)
        self.highlight_entities.setChecked(settings.highlight_entities)
        self.highlight_entities.setToolTip(self.tr("People, organisations, places and other names"))
        theme_menu = view_menu.addMenu(self.tr("&Theme"))
        self.theme_group = QActionGroup(window)
        for key, label in (
            ("system", self.tr("Follow the &System")),
            ("light", self.tr("&Light")),
            ("dark", self.tr("&Dark")),
        ):
            item = self._action(theme_menu, label)
            item.setCheckable(True)
            item.setData(key)
            item.triggered.connect(lambda _checked=False, k=key: self.theme_chosen.emit(k))
            self.theme_group.addAction(item)
        self.show_theme(settings.theme)
        self.full_screen = self._action(view_menu, self.tr("&Full Screen"), "F11")
        self.full_screen.setCheckable(True)

        tools_menu = bar.addMenu(self.tr("&Tools"))
        self.models = self._action(tools_menu, self.tr("Translation &Models…"))
        self.cancel_translation = self._action(tools_menu, self.tr("&Cancel Translation"))
        self.cancel_translation.setEnabled(False)
        self.translate_rest = self._action(tools_menu, self.tr("&Translate the Rest"))
        self.translate_rest.setToolTip(self.tr("Translate the sentences that have no English yet"))
        self.translate_rest.setEnabled(False)

        help_menu = bar.addMenu(self.tr("&Help"))
        self.shortcuts = self._action(help_menu, self.tr("&Keyboard Shortcuts"), "F1")
        self.log_folder = self._action(help_menu, self.tr("Open &Log Folder"))
        help_menu.addSeparator()
        self.about = self._action(help_menu, self.tr("&About Bilingual Reader"))

    def _action(self, menu: QMenu, text: str, *shortcuts: Shortcut) -> QAction:
        item = QAction(text, self._window)
        if shortcuts:
            item.setShortcuts([QKeySequence(key) for key in shortcuts])
        menu.addAction(item)
        return item

    def show_theme(self, key: str) -> None:
        """Check the theme item for ``key`` ("system", "light" or "dark")."""
        for item in self.theme_group.actions():
            item.setChecked(item.data() == key)

    def insert_after(self, anchor: QAction, action: QAction) -> None:
        """Put ``action`` (owned by another part) right after ``anchor`` in its menu."""
        for menu in anchor.associatedObjects():
            if isinstance(menu, QMenu):
                items = menu.actions()
                after = items.index(anchor) + 1
                if after < len(items):
                    menu.insertAction(items[after], action)
                else:
                    menu.addAction(action)

    def all_actions(self) -> list[QAction]:
        """Every action in every menu and submenu, in menu order (separators left out)."""
        found: list[QAction] = []

        def walk(items: Sequence[QAction]) -> None:
            for item in items:
                submenu = item.menu()
                if isinstance(submenu, QMenu):
                    walk(submenu.actions())
                elif not item.isSeparator():
                    found.append(item)

        walk(self._bar.actions())
        return found

    def shortcut_entries(self) -> list[ShortcutEntry]:
        """Each action with a keyboard shortcut, in menu order: what the Shortcuts dialog lists."""
        entries = []
        native = QKeySequence.SequenceFormat.NativeText
        for item in self.all_actions():
            # A standard key the platform does not bind (Quit on some) leaves an empty one.
            keys = tuple(key.toString(native) for key in item.shortcuts() if not key.isEmpty())
            if keys:
                entries.append(ShortcutEntry(plain_text(item), keys))
        return entries
