"""The names around the highlights: legend toggles, tooltips, the names panel, mention cycling."""

from __future__ import annotations

import re
import shutil
import threading
from collections.abc import Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

from reader.core.document.model import Document, Entity, EntityLabel, Sentence
from reader.ui.entities.legend import SWATCH
from reader.ui.entities.panel import group_entities
from reader.ui.entities.positions import english_span, german_span
from reader.ui.settings import Settings
from reader.ui.view.document_renderer import Side
from tests.ui.entities.test_entities import format_at, is_entity
from tests.ui.window_helpers import install_fake_package

TEXT = (
    "Merkel besucht Köln. Die Partei Merkels tagt in Köln.\n\n"
    "Merkel spricht mit Siemens. Danach fährt Merkel nach Berlin.\n"
)
# name -> (label, key): "Merkels" is a mention of Merkel.
NAMES = {
    "Merkels": ("PER", "Merkel"),
    "Merkel": ("PER", "Merkel"),
    "Köln": ("LOC", "Köln"),
    "Berlin": ("LOC", "Berlin"),
    "Siemens": ("ORG", "Siemens"),
}


class KnownNames:
    """Finds the names above with their keys, as the real recognizer reports them."""

    def __init__(self, gate: threading.Event | None = None) -> None:
        self.gate = gate

    def recognize(self, _document: Document, sentences: Sequence[Sentence]):  # type: ignore[no-untyped-def]
        if self.gate is not None:
            self.gate.wait(10)
        found = []
        for sentence in sentences:
            for match in re.finditer(r"\b(" + "|".join(NAMES) + r")\b", sentence.text):
                label, key = NAMES[match.group()]
                start = sentence.start + match.start()
                found.append(
                    Entity(
                        sentence.block,
                        start,
                        start + len(match.group()),
                        EntityLabel(label),
                        match.group(),
                        sentence_id=sentence.id,
                        key=key,
                    )
                )
        return tuple(sorted(found, key=lambda e: (e.block, e.start)))


@pytest.fixture
def names_file(tmp_path: Path) -> Path:
    path = tmp_path / "merkel.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def open_with_names(qtbot, window, path: Path) -> None:
    with qtbot.waitSignal(window.entities.entities_changed, timeout=5000):
        window.open_file(path)
    qtbot.waitUntil(lambda: not window.entities.busy, timeout=5000)


def translated(qtbot, window) -> None:
    ids = window.view.sentence_ids()
    qtbot.waitUntil(lambda: all(window.view.english_for(i) for i in ids), timeout=10_000)
    qtbot.waitUntil(lambda: set(ids) <= set(window.entities.projected), timeout=5000)
    qtbot.waitUntil(lambda: not window.entities.busy, timeout=5000)


def test_the_copy_model_gives_english_spans_equal_to_the_german(
    qtbot, make_window, reader_paths, tiny_package_dir, names_file
) -> None:
    shutil.copytree(tiny_package_dir, reader_paths.packages / tiny_package_dir.name)
    window = make_window(real_engine=True, recognizer=KnownNames())
    open_with_names(qtbot, window, names_file)
    translated(qtbot, window)
    renderer = window.view.renderer
    document = window.view.document()
    projected = [e for group in window.entities.projected.values() for e in group]
    assert len(projected) == len(window.entities.entities) == 8
    for entity in projected:
        spans = german_span(renderer, entity), english_span(renderer, entity)
        assert None not in spans
        words = [document.characterAt(p) for span in spans for p in range(*span)]
        assert "".join(words) == entity.text * 2
    first = window.view.sentence_ids()[0]
    assert is_entity(format_at(window, first, Side.ENGLISH, "Köln"), window, EntityLabel.LOC)
    assert is_entity(format_at(window, first, Side.GERMAN, "Merkel"), window, EntityLabel.PER)


def test_the_legend_hides_and_shows_one_type_on_both_sides(
    qtbot, make_window, reader_paths, names_file
) -> None:
    install_fake_package(reader_paths.packages)
    window = make_window(recognizer=KnownNames())
    open_with_names(qtbot, window, names_file)
    translated(qtbot, window)
    legend = window.entity_display.legend
    assert legend.isVisible()
    assert legend.buttons[EntityLabel.LOC].accessibleName() == "Highlight Place names"
    first = window.view.sentence_ids()[0]

    legend.buttons[EntityLabel.LOC].click()
    qtbot.waitUntil(lambda: not window.entities.busy, timeout=5000)
    for side in Side:
        assert not is_entity(format_at(window, first, side, "Köln"), window, EntityLabel.LOC)
        assert is_entity(format_at(window, first, side, "Merkel"), window, EntityLabel.PER)
    assert Settings.for_paths(reader_paths).hidden_entity_labels == ["LOC"]

    legend.buttons[EntityLabel.LOC].click()
    qtbot.waitUntil(lambda: not window.entities.busy, timeout=5000)
    for side in Side:
        assert is_entity(format_at(window, first, side, "Köln"), window, EntityLabel.LOC)
    assert Settings.for_paths(reader_paths).hidden_entity_labels == []


def test_a_hidden_type_stays_hidden_in_the_next_window(
    qtbot, make_window, reader_paths, names_file
) -> None:
    settings = Settings.for_paths(reader_paths)
    settings.hidden_entity_labels = ["PER"]
    settings.sync()
    window = make_window(recognizer=KnownNames())
    open_with_names(qtbot, window, names_file)
    assert not window.entity_display.legend.buttons[EntityLabel.PER].isChecked()
    first = window.view.sentence_ids()[0]
    assert not is_entity(format_at(window, first, Side.GERMAN, "Merkel"), window, EntityLabel.PER)
    assert is_entity(format_at(window, first, Side.GERMAN, "Köln"), window, EntityLabel.LOC)


def test_the_panel_groups_by_type_and_counts_mentions(qtbot, make_window, names_file) -> None:
    window = make_window(recognizer=KnownNames())
    open_with_names(qtbot, window, names_file)
    panel = window.entity_display.panel
    tree = panel.tree
    groups = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert [g.text(0) for g in groups] == ["Person (1)", "Organisation (1)", "Place (2)"]
    places = [groups[2].child(i).text(0) for i in range(groups[2].childCount())]
    assert places == ["Köln (2)", "Berlin (1)"]  # most mentions first
    assert groups[0].child(0).text(0) == "Merkel (4)"  # "Merkels" counts as Merkel

    panel.filter.setText("öln")
    assert panel.visible_entries() == [(EntityLabel.LOC, "Köln")]
    panel.filter.setText("merkels")  # a surface form finds its entry
    assert panel.visible_entries() == [(EntityLabel.PER, "Merkel")]
    panel.filter.setText("Hamburg")
    assert not tree.isVisibleTo(panel)
    assert panel.empty.text() == "No names match “Hamburg”"
    panel.filter.clear()
    assert len(panel.visible_entries()) == 4


def test_ties_are_sorted_by_name() -> None:
    entities = [
        Entity(0, s, s + 1, EntityLabel.LOC, name, sentence_id=0, key=name)
        for s, name in enumerate(["Zug", "Aachen", "Bonn", "Bonn"])
    ]
    keys = [key for key, _ in group_entities(entities)[EntityLabel.LOC]]
    assert keys == ["Bonn", "Aachen", "Zug"]


def test_the_panel_says_when_names_are_being_found_or_none_exist(
    qtbot, make_window, names_file, tmp_path
) -> None:
    gate = threading.Event()
    window = make_window(recognizer=KnownNames(gate))
    panel = window.entity_display.panel
    with qtbot.waitSignal(window.documents.document_loaded, timeout=5000):
        window.open_file(names_file)
    assert panel.empty.text() == "Finding names…"
    with qtbot.waitSignal(window.entities.entities_changed, timeout=5000):
        gate.set()
    assert panel.tree.topLevelItemCount() == 3

    plain = tmp_path / "leer.txt"
    plain.write_text("Es regnet heute.\n", encoding="utf-8")
    with qtbot.waitSignal(window.entities.entities_changed, timeout=5000):
        window.open_file(plain)
    assert panel.empty.text() == "No names found"
    assert panel.tree.topLevelItemCount() == 0

    window.main_menu.highlight_entities.trigger()
    assert "Highlight Names" in panel.empty.text()
    assert not window.entity_display.legend.isVisibleTo(window)


def test_activating_a_name_cycles_through_its_mentions_and_wraps(
    qtbot, make_window, reader_paths, names_file
) -> None:
    install_fake_package(reader_paths.packages)
    window = make_window(recognizer=KnownNames())
    open_with_names(qtbot, window, names_file)
    translated(qtbot, window)
    display = window.entity_display
    window.entity_display.panel_action.trigger()
    assert display.panel.isVisible()
    tree = display.panel.tree
    item = display.panel.entry_item(EntityLabel.PER, "Merkel")
    tree.setCurrentItem(item)
    tree.setFocus()
    ids = window.view.sentence_ids()
    seen = []
    for number in range(1, 6):
        qtbot.keyClick(tree, Qt.Key.Key_Return)
        mention = display.mention
        seen.append((mention.sentence_id, mention.text))
        assert window.view.current == mention.sentence_id
        shown = (number - 1) % 4 + 1
        assert window.statusBar().currentMessage().startswith(f"Mention {shown} of 4")
        # Marked on both sides: the German name and its English counterpart.
        spans = display.mention_spans()
        assert len(spans) == 2
        strong = window.view.colors.entity_lines[0]  # the person's line colour
        overlay = [s for s in window.view.extraSelections() if s.format.background() == strong]
        marked = {(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in overlay}
        assert set(spans) <= marked
    assert seen[:4] == [
        (ids[0], "Merkel"),
        (ids[1], "Merkels"),
        (ids[2], "Merkel"),
        (ids[3], "Merkel"),
    ]
    assert seen[4] == seen[0]  # wrapped around


def test_the_mention_message_leaves_with_the_names_panel(
    qtbot, make_window, reader_paths, names_file
) -> None:
    install_fake_package(reader_paths.packages)
    window = make_window(recognizer=KnownNames())
    open_with_names(qtbot, window, names_file)
    translated(qtbot, window)
    display = window.entity_display
    display.panel_action.trigger()
    display.show_next_mention(EntityLabel.PER, "Merkel")
    assert window.statusBar().currentMessage().startswith("Mention 1 of 4")
    display.panel_action.trigger()  # View › Names Panel: closed
    assert not display.panel.isVisible()
    assert window.statusBar().currentMessage() == ""
    assert display.mention is None

    # Closed with its own close button: the same.
    display.panel_action.trigger()
    display.show_next_mention(EntityLabel.LOC, "Köln")
    assert window.statusBar().currentMessage().startswith("Mention 1 of 2")
    display.panel.close()
    assert window.statusBar().currentMessage() == ""

    # Moving on to another sentence ends the mention, and its words go with it.
    display.panel_action.trigger()
    display.show_next_mention(EntityLabel.PER, "Merkel")
    window.view.move_current(1)
    assert display.mention is None
    assert window.statusBar().currentMessage() == ""

    # Someone else's message stays when the panel closes.
    display.show_next_mention(EntityLabel.PER, "Merkel")
    window.main_menu.zoom_in.trigger()
    assert window.statusBar().currentMessage().startswith("Zoom")
    display.panel_action.trigger()
    assert window.statusBar().currentMessage().startswith("Zoom")


def test_a_click_on_another_name_starts_at_its_first_mention(
    qtbot, make_window, names_file
) -> None:
    window = make_window(recognizer=KnownNames())
    open_with_names(qtbot, window, names_file)
    display = window.entity_display
    display.panel.show()
    item = display.panel.entry_item(EntityLabel.LOC, "Köln")
    rect = display.panel.tree.visualItemRect(item)
    qtbot.mouseClick(display.panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    ids = window.view.sentence_ids()
    assert (display.mention.sentence_id, display.mention.text) == (ids[0], "Köln")
    window.view.move_current(1)  # the reader moves on: the mark goes
    window.view.move_current(1)
    assert display.mention is None


def test_tooltips_name_the_type_and_the_counterpart(
    qtbot, make_window, reader_paths, names_file
) -> None:
    install_fake_package(reader_paths.packages)
    window = make_window(recognizer=KnownNames())
    open_with_names(qtbot, window, names_file)
    translated(qtbot, window)
    view = window.view
    tooltips = window.entity_display.tooltips
    first = view.sentence_ids()[0]

    def point_on(side: Side, word: str):  # type: ignore[no-untyped-def]
        text = view.german_for(first) if side is Side.GERMAN else view.english_for(first)
        start, _end = view.renderer.span(first, side)
        cursor = QTextCursor(view.document())
        cursor.setPosition(start + text.index(word) + 1)
        return view.cursorRect(cursor).center()

    assert tooltips.text_at(point_on(Side.GERMAN, "Köln")) == "Place · Köln → Köln"
    assert tooltips.text_at(point_on(Side.ENGLISH, "Merkel")) == "Person · Merkel → Merkel"
    assert tooltips.text_at(point_on(Side.GERMAN, "besucht")) is None

    # The real event path: a tooltip request on the viewport shows the text.
    point = point_on(Side.GERMAN, "Köln")
    viewport = view.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert QToolTip.text() == "Place · Köln → Köln"
    QToolTip.hideText()


def test_tooltip_when_the_english_has_no_counterpart() -> None:
    from reader.ui.entities.tooltips import describe_entity

    entity = Entity(0, 0, 7, EntityLabel.LOC, "München", sentence_id=0)
    assert describe_entity(entity, "Munich", True) == "Place · München → Munich"
    assert describe_entity(entity, None, True) == "Place · München — not found in the English"
    assert describe_entity(entity, None, False) == "Place · München — not translated yet"


def test_the_names_panel_is_remembered_with_the_window(qtbot, make_window, names_file) -> None:
    window = make_window(recognizer=KnownNames())
    open_with_names(qtbot, window, names_file)
    action = window.entity_display.panel_action
    assert action.shortcut().toString() == "Ctrl+Shift+E"
    assert action in window.menuBar().actions()[2].menu().actions()  # View
    assert not window.entity_display.panel.isVisible()
    action.trigger()
    assert window.entity_display.panel.isVisible()
    panel = window.entity_display.panel
    assert panel.accessibleName() == "Names panel"
    assert panel.tree.accessibleName() == "Names found, by type"
    assert panel.filter.accessibleName() == "Filter names"
    qtbot.waitUntil(panel.tree.hasFocus, timeout=2000)  # keyboard users land in the list
    window.close()
    again = make_window()
    assert again.entity_display.panel.isVisible()


def test_the_panel_is_reachable_by_keyboard(qtbot, make_window, names_file) -> None:
    window = make_window(recognizer=KnownNames())
    open_with_names(qtbot, window, names_file)
    display = window.entity_display
    display.panel.show()
    panel = display.panel
    panel.filter.setFocus()
    qtbot.keyClicks(panel.filter, "berl")
    qtbot.keyClick(panel.filter, Qt.Key.Key_Down)
    qtbot.waitUntil(panel.tree.hasFocus, timeout=2000)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert display.mention.text == "Berlin"
    qtbot.keyClick(panel.tree, Qt.Key.Key_Escape)
    qtbot.waitUntil(window.view.hasFocus, timeout=2000)


def test_hiding_a_type_in_a_long_document_still_builds_every_row(
    qtbot, make_window, tmp_path
) -> None:
    path = tmp_path / "lang.txt"
    path.write_text("\n\n".join(f"Absatz {n} in Köln." for n in range(120)) + "\n", "utf-8")
    window = make_window(recognizer=KnownNames())
    open_with_names(qtbot, window, path)
    renderer = window.view.renderer
    qtbot.waitUntil(lambda: renderer.complete, timeout=10_000)
    window.entity_display.legend.buttons[EntityLabel.LOC].click()
    # Replacing formats rebuilds the document from its first rows; the rest must follow.
    qtbot.waitUntil(lambda: renderer.complete, timeout=10_000)
    assert len(renderer.rows) == 120


def test_the_legend_swatches_follow_the_theme(qtbot, make_window) -> None:
    window = make_window()
    window.view_preferences.set_theme("light")
    button = window.entity_display.legend.buttons[EntityLabel.PER]

    def swatch_colour():  # type: ignore[no-untyped-def]
        image = button.icon().pixmap(SWATCH).toImage()
        return image.pixelColor(image.width() // 2, image.height() // 4)

    light = swatch_colour()
    assert light == window.view.colors.entity_backgrounds[0]
    window.view_preferences.set_theme("dark")
    qtbot.waitUntil(lambda: swatch_colour() == window.view.colors.entity_backgrounds[0])
    assert swatch_colour() != light
