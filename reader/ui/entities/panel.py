"""The names panel: a dock listing the document's names by type, with a filter.

Type → name with its mention count ("Merkel (3)"), most mentioned first. Activating a name
(click or Enter) asks the window to jump to its next mention.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.document.model import Entity, EntityLabel
from reader.ui.entities.positions import LABEL_ORDER, group_key, label_name

LABEL_ROLE = Qt.ItemDataRole.UserRole
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def entry_of(item: QTreeWidgetItem) -> tuple[EntityLabel, str]:
    """The (label, key) a name's tree item stands for."""
    return EntityLabel(item.data(0, LABEL_ROLE)), str(item.data(0, KEY_ROLE))


def group_entities(
    entities: Iterable[Entity],
) -> dict[EntityLabel, list[tuple[str, list[Entity]]]]:
    """Per label, (key, mentions in reading order) sorted by mention count, then name."""
    groups: dict[EntityLabel, dict[str, list[Entity]]] = {}
    for entity in entities:
        groups.setdefault(entity.label, {}).setdefault(group_key(entity), []).append(entity)
    out: dict[EntityLabel, list[tuple[str, list[Entity]]]] = {}
    for label in LABEL_ORDER:
        by_key = groups.get(label, {})
        entries = [
            (key, sorted(mentions, key=lambda e: (e.block, e.start)))
            for key, mentions in by_key.items()
        ]
        entries.sort(key=lambda item: (-len(item[1]), item[0].casefold(), item[0]))
        if entries:
            out[label] = entries
    return out


class NameTree(QTreeWidget):
    """The tree; Enter on a name activates it (Qt's own activation differs per platform).

    Signals:
        entry_activated(QTreeWidgetItem): a name was clicked or Enter was pressed on it.
        escaped(): Escape: the reader wants back to the text.
    """

    entry_activated = Signal(QTreeWidgetItem)
    escaped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.itemClicked.connect(self._on_item_clicked)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            if item.parent() is None:
                item.setExpanded(not item.isExpanded())
            else:
                self.entry_activated.emit(item)
            return
        super().keyPressEvent(event)

    def _on_item_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.parent() is not None:
            self.entry_activated.emit(item)


class FilterField(QLineEdit):
    """The filter line; Down moves into the list, Escape clears (then leaves).

    Signals:
        down_pressed(): the reader wants to go down into the list.
        escaped(): Escape on an empty filter.
    """

    down_pressed = Signal()
    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
        elif event.key() == Qt.Key.Key_Escape:
            if self.text():
                self.clear()
            else:
                self.escaped.emit()
        else:
            super().keyPressEvent(event)


class EntityPanel(QDockWidget):
    """Dockable list of the names found, grouped by type.

    Signals:
        entry_activated(object, str): label and key of the name the reader chose.
        escaped(): Escape in the panel: back to the text.
    """

    entry_activated = Signal(object, str)
    escaped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Names"), parent)
        self.setObjectName("namesPanel")
        self.setAccessibleName(self.tr("Names panel"))
        self.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(6)
        self.filter = FilterField(body)
        self.filter.setPlaceholderText(self.tr("Filter names"))
        self.filter.setAccessibleName(self.tr("Filter names"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.filter.returnPressed.connect(self._on_filter_return_pressed)
        self.tree = NameTree(body)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Names found, by type"))
        self.tree.setAccessibleDescription(
            self.tr("Press Enter on a name to go to its next mention in the text.")
        )
        self.tree.setUniformRowHeights(True)
        self.tree.setStyleSheet("QTreeView::item { padding: 2px 0px; }")  # room to read
        self.tree.entry_activated.connect(self._on_tree_entry_activated)
        self.tree.escaped.connect(self.escaped)
        self.filter.escaped.connect(self.escaped)
        self.filter.down_pressed.connect(self._on_filter_down_pressed)
        self.empty = QLabel(body)
        self.empty.setObjectName("namesPanelEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty.setEnabled(False)  # drawn in the muted text colour
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty, 1)
        self.setWidget(body)
        self.setFocusProxy(self.tree)
        self.groups: dict[EntityLabel, list[tuple[str, list[Entity]]]] = {}
        self._state = "none"
        self._show_state()

    # --- content -----------------------------------------------------------------------

    def show_finding(self) -> None:
        """Recognition is running for a new document."""
        self.groups = {}
        self.tree.clear()
        self._state = "finding"
        self._show_state()

    def show_switched_off(self) -> None:
        """View › Highlight Names is off: names are not looked for."""
        self.groups = {}
        self.tree.clear()
        self._state = "off"
        self._show_state()

    def set_entities(self, entities: Iterable[Entity]) -> None:
        """The names of the open document (grouped, counted and sorted here)."""
        self.groups = group_entities(entities)
        self._state = "ready"
        self.tree.clear()
        for label, entries in self.groups.items():
            top = QTreeWidgetItem(
                [self.tr("{label} ({count})").format(label=label_name(label), count=len(entries))]
            )
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for key, mentions in entries:
                child = QTreeWidgetItem(
                    [self.tr("{name} ({count})").format(name=key, count=len(mentions))]
                )
                child.setData(0, LABEL_ROLE, label.value)
                child.setData(0, KEY_ROLE, key)
                forms = sorted({m.text for m in mentions})
                child.setToolTip(0, " · ".join(forms))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self._apply_filter(self.filter.text())

    def entry_item(self, label: EntityLabel, key: str) -> QTreeWidgetItem | None:
        """The tree item of one name (tests, keyboard selection)."""
        for _group, children in self._items():
            for child in children:
                if entry_of(child) == (label, key):
                    return child
        return None

    def visible_entries(self) -> list[tuple[EntityLabel, str]]:
        """(label, key) of every name the filter lets through, top to bottom."""
        return [
            entry_of(child)
            for group, children in self._items()
            if not group.isHidden()
            for child in children
            if not child.isHidden()
        ]

    # --- internals ---------------------------------------------------------------------

    def _items(self) -> list[tuple[QTreeWidgetItem, list[QTreeWidgetItem]]]:
        """Each label's group item with its name items, top to bottom."""
        found = []
        for top in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(top)
            if group is not None:
                children = [group.child(row) for row in range(group.childCount())]
                found.append((group, [child for child in children if child is not None]))
        return found

    def _apply_filter(self, text: str) -> None:
        wanted = text.strip().casefold()
        for label, (group, children) in zip(self.groups, self._items(), strict=False):
            entries = dict(self.groups[label])
            shown = 0
            for child in children:
                _label, key = entry_of(child)
                forms = [key, *(m.text for m in entries[key])]
                match = not wanted or any(wanted in form.casefold() for form in forms)
                child.setHidden(not match)
                shown += match
            group.setHidden(shown == 0)
        self._show_state()

    def _show_state(self) -> None:
        has_rows = self._state == "ready" and bool(self.visible_entries())
        self.tree.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        self.filter.setEnabled(self._state == "ready" and bool(self.groups))
        if self._state == "finding":
            text = self.tr("Finding names…")
        elif self._state == "off":
            text = self.tr("Names are not highlighted (View › Highlight Names).")
        elif self._state == "ready" and not self.groups:
            text = self.tr("No names found")
        elif self._state == "ready":
            text = self.tr("No names match “{text}”").format(text=self.filter.text().strip())
        else:
            text = self.tr("Open a document to see the names in it.")
        self.empty.setText(text)
        self.empty.setAccessibleName(text)

    def _on_filter_return_pressed(self) -> None:
        entries = self.visible_entries()
        if entries:
            item = self.entry_item(*entries[0])
            if item is not None:
                self.tree.setCurrentItem(item)
            self.tree.setFocus()
            self.entry_activated.emit(*entries[0])

    def _on_filter_down_pressed(self) -> None:
        entries = self.visible_entries()
        if entries:
            item = self.entry_item(*entries[0])
            if item is not None:
                self.tree.setCurrentItem(item)
            self.tree.setFocus()

    def _on_tree_entry_activated(self, item: QTreeWidgetItem) -> None:
        label, key = entry_of(item)
        self.entry_activated.emit(label, key)
