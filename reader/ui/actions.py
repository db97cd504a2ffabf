"""The menu bar and its actions; the window owns the behaviour, this module the wiring."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


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
    tr = window.tr
    bar = window.menuBar()

    def action(menu: QMenu, text: str, slot, shortcut=None) -> QAction:  # type: ignore[no-untyped-def]
        item = QAction(text, window)
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            item.setShortcuts([QKeySequence(s) for s in shortcuts])
        item.triggered.connect(lambda _checked=False: slot())
        menu.addAction(item)
        return item

    file_menu = bar.addMenu(tr("&File"))
    open_action = action(file_menu, tr("&Open…"), window.choose_file, QKeySequence.StandardKey.Open)
    recent_menu = file_menu.addMenu(tr("Open &Recent"))
    recent_menu.aboutToShow.connect(window.fill_recent_menu)
    export = action(file_menu, tr("&Export as…"), window.export_document, "Ctrl+E")
    file_menu.addSeparator()
    quit_action = action(file_menu, tr("&Quit"), window.close, QKeySequence.StandardKey.Quit)

    edit_menu = bar.addMenu(tr("&Edit"))
    copy_pair = action(edit_menu, tr("Copy Sentence &Pair"), window.copy_pair, "Ctrl+Shift+C")
    edit_menu.addSeparator()
    find = action(edit_menu, tr("&Find…"), window.find_bar.open_bar, QKeySequence.StandardKey.Find)
    find_next = action(edit_menu, tr("Find &Next"), window.find_bar.find_next, "F3")
    find_previous = action(
        edit_menu, tr("Find Pre&vious"), window.find_bar.find_previous, "Shift+F3"
    )
    edit_menu.addSeparator()
    preferences = action(edit_menu, tr("Pre&ferences…"), window.edit_preferences, "Ctrl+,")

    view_menu = bar.addMenu(tr("&View"))
    next_sentence = action(
        view_menu, tr("&Next Sentence"), lambda: window.view.move_current(1), "Alt+Down"
    )
    previous_sentence = action(
        view_menu, tr("&Previous Sentence"), lambda: window.view.move_current(-1), "Alt+Up"
    )
    view_menu.addSeparator()
    zoom_in = action(view_menu, tr("Zoom &In"), lambda: window.zoom_by(1), ["Ctrl++", "Ctrl+="])
    zoom_out = action(view_menu, tr("Zoom &Out"), lambda: window.zoom_by(-1), "Ctrl+-")
    zoom_reset = action(view_menu, tr("&Reset Zoom"), window.reset_zoom, "Ctrl+0")
    view_menu.addSeparator()
    highlight_entities = QAction(tr("Highlight &Names"), window)
    highlight_entities.setCheckable(True)
    highlight_entities.setChecked(window.settings.highlight_entities)
    highlight_entities.setShortcut(QKeySequence("Ctrl+Shift+N"))
    highlight_entities.setToolTip(tr("People, organisations, places and other names"))
    highlight_entities.toggled.connect(window.set_entity_highlighting)
    view_menu.addAction(highlight_entities)
    theme_menu = view_menu.addMenu(tr("&Theme"))
    theme_group = QActionGroup(window)
    for key, label in (
        ("system", tr("Follow the &System")),
        ("light", tr("&Light")),
        ("dark", tr("&Dark")),
    ):
        item = QAction(label, window)
        item.setCheckable(True)
        item.setData(key)
        item.setChecked(window.settings.theme == key)
        item.triggered.connect(lambda _checked=False, k=key: window.set_theme(k))
        theme_group.addAction(item)
        theme_menu.addAction(item)
    full_screen = action(view_menu, tr("&Full Screen"), window.toggle_full_screen, "F11")
    full_screen.setCheckable(True)

    tools_menu = bar.addMenu(tr("&Tools"))
    models = action(tools_menu, tr("Translation &Models…"), window.manage_models)
    cancel_translation = action(tools_menu, tr("&Cancel Translation"), window.cancel_translation)
    cancel_translation.setEnabled(False)

    help_menu = bar.addMenu(tr("&Help"))
    action(help_menu, tr("&Keyboard Shortcuts"), window.show_shortcuts, "F1")
    action(help_menu, tr("&About"), window.show_about)

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
