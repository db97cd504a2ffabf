"""The word level as the window gets it: lookup card, vocabulary and practice layouts, each
with its entry in the menus."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QWidget

from reader.ui.entities.highlights import EntityController
from reader.ui.settings import Settings
from reader.ui.view.bilingual_view import BilingualView
from reader.ui.view.translation_controller import TranslationController
from reader.ui.window.menu_bar import MainMenu
from reader.ui.words.controller import WordsController
from reader.ui.words.practice import PracticeLayouts
from reader.ui.words.vocabulary import VocabularyController


def add_word_tools(
    window: QMainWindow,
    menu: MainMenu,
    parts: tuple[BilingualView, TranslationController, EntityController, QWidget, Settings],
    data_dir: Path,
    document: Callable[[], Path | None],
    open_document: Callable[[str], object],
    document_shown: SignalInstance,
    after: QAction,
) -> tuple[WordsController, VocabularyController, PracticeLayouts]:
    """Build the three word parts; their View entries go after ``after``. ``parts``: the
    reading view, translations, names, the column headers and the settings."""
    view, translation, entities, headers, settings = parts
    words = WordsController(view, translation, entities, parent=window)
    menu.insert_after(menu.previous_sentence, words.look_up_action)
    vocabulary = VocabularyController(
        data_dir, words, view, window, document, open_document, document_shown
    )
    practice = PracticeLayouts(view, headers, settings, window)
    menu.insert_after(after, vocabulary.panel_action)
    menu.insert_after(vocabulary.panel_action, practice.interleave_action)
    menu.insert_after(vocabulary.panel_action, practice.hide_action)
    return words, vocabulary, practice
