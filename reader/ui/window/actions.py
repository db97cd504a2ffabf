"""The menu bar and its actions; the window owns the behaviour, this module the wiring."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from reader.ui.dialogs import help as help_dialogs

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow


translate = QCoreApplication.translate


@dataclass
class Actions:
    """Actions the window and tests reach directly."""

    open: QAction
    recent_menu: QMenu
    export: QAction
    quit: QAction
    copy_pair: QAction
    find: QAction
    find_next: QAction
    find_previous: QAction
    next_sentence: QAction
    previous_sentence: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    full_screen: QAction
    highlight_entities: QAction
    theme_group: QActionGroup
    preferences: QAction
    models: QAction
    cancel_translation: QAction


def build_menus(window: MainWindow) -> Actions:
    """Create the menus of ``window`` and connect them to its methods."""
    bar = window.menuBar()

    def action(menu: QMenu, text: str, slot, shortcut=None) -> QAction:  # type: ignore[no-untyped-def]
        item = QAction(text, window)
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            item.setShortcuts([QKeySequence(s) for s in shortcuts])
        item.triggered.connect(lambda _checked=False: slot())
        menu.addAction(item)
        return item

    file_menu = bar.addMenu(translate("Menu", "&File"))
    open_action = action(
        file_menu, translate("Menu", "&Open…"), window.choose_file, QKeySequence.StandardKey.Open
    )
    recent_menu = file_menu.addMenu(translate("Menu", "Open &Recent"))
    recent_menu.aboutToShow.connect(window.fill_recent_menu)
    export = action(file_menu, translate("Menu", "&Export as…"), window.export_document, "Ctrl+E")
    file_menu.addSeparator()
    quit_action = action(
        file_menu, translate("Menu", "&Quit"), window.close, QKeySequence.StandardKey.Quit
    )

    edit_menu = bar.addMenu(translate("Menu", "&Edit"))
    copy_pair = action(
        edit_menu, translate("Menu", "Copy Sentence &Pair"), window.copy_pair, "Ctrl+Shift+C"
    )
    edit_menu.addSeparator()
    find = action(
        edit_menu,
        translate("Menu", "&Find…"),
        window.find_bar.open_bar,
        QKeySequence.StandardKey.Find,
    )
    find_next = action(edit_menu, translate("Menu", "Find &Next"), window.find_bar.find_next, "F3")
    find_previous = action(
        edit_menu, translate("Menu", "Find Pre&vious"), window.find_bar.find_previous, "Shift+F3"
    )
    edit_menu.addSeparator()
    preferences = action(
        edit_menu, translate("Menu", "Pre&ferences…"), window.edit_preferences, "Ctrl+,"
    )

    view_menu = bar.addMenu(translate("Menu", "&View"))
    next_sentence = action(
        view_menu,
        translate("Menu", "&Next Sentence"),
        lambda: window.view.move_current(1),
        "Alt+Down",
    )
    previous_sentence = action(
        view_menu,
        translate("Menu", "&Previous Sentence"),
        lambda: window.view.move_current(-1),
        "Alt+Up",
    )
    view_menu.addSeparator()
    zoom_in = action(
        view_menu, translate("Menu", "Zoom &In"), lambda: window.zoom_by(1), ["Ctrl++", "Ctrl+="]
    )
    zoom_out = action(
        view_menu, translate("Menu", "Zoom &Out"), lambda: window.zoom_by(-1), "Ctrl+-"
    )
    zoom_reset = action(view_menu, translate("Menu", "&Reset Zoom"), window.reset_zoom, "Ctrl+0")
    view_menu.addSeparator()
    highlight_entities = QAction(translate("Menu", "Highlight &Names"), window)
    highlight_entities.setCheckable(True)
    highlight_entities.setChecked(window.settings.highlight_entities)
    highlight_entities.setShortcut(QKeySequence("Ctrl+Shift+N"))
    highlight_entities.setToolTip(
        translate("Menu", "People, organisations, places and other names")
    )
    highlight_entities.toggled.connect(window.set_entity_highlighting)
    view_menu.addAction(highlight_entities)
    theme_menu = view_menu.addMenu(translate("Menu", "&Theme"))
    theme_group = QActionGroup(window)
    for key, label in (
        ("system", translate("Menu", "Follow the &System")),
        ("light", translate("Menu", "&Light")),
        ("dark", translate("Menu", "&Dark")),
    ):
        item = QAction(label, window)
        item.setCheckable(True)
        item.setData(key)
        item.setChecked(window.settings.theme == key)
        item.triggered.connect(lambda _checked=False, k=key: window.set_theme(k))
        theme_group.addAction(item)
        theme_menu.addAction(item)
    full_screen = action(
        view_menu, translate("Menu", "&Full Screen"), window.toggle_full_screen, "F11"
    )
    full_screen.setCheckable(True)

    tools_menu = bar.addMenu(translate("Menu", "&Tools"))
    models = action(tools_menu, translate("Menu", "Translation &Models…"), window.manage_models)
    cancel_translation = action(
        tools_menu, translate("Menu", "&Cancel Translation"), window.cancel_translation
    )
    cancel_translation.setEnabled(False)

    help_menu = bar.addMenu(translate("Menu", "&Help"))
    action(help_menu, translate("Menu", "&Keyboard Shortcuts"), window.show_shortcuts, "F1")
    action(
        help_menu,
        translate("Menu", "Open &Log Folder"),
        lambda: help_dialogs.open_log_folder(window.paths.logs),
    )
    help_menu.addSeparator()
    action(help_menu, translate("Menu", "&About Bilingual Reader"), window.show_about)

    return Actions(
        open=open_action,
        recent_menu=recent_menu,
        export=export,
        quit=quit_action,
        copy_pair=copy_pair,
        find=find,
        find_next=find_next,
        find_previous=find_previous,
        next_sentence=next_sentence,
        previous_sentence=previous_sentence,
        zoom_in=zoom_in,
        zoom_out=zoom_out,
        zoom_reset=zoom_reset,
        full_screen=full_screen,
        highlight_entities=highlight_entities,
        theme_group=theme_group,
        preferences=preferences,
        models=models,
        cancel_translation=cancel_translation,
    )
