"""Everything the window shows about names besides the highlights themselves.

The legend (status bar), the names panel (a dock), the tooltips, and the mention cycling:
activating a name in the panel jumps to its next mention, scrolls it into view and marks
it on both sides, in the label's strong colour, on top of the sentence-pair highlight.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from reader.core.document.model import Entity, EntityLabel
from reader.ui.entities.highlights import EntityController
from reader.ui.entities.legend import EntityLegend
from reader.ui.entities.panel import EntityPanel
from reader.ui.entities.positions import LABEL_ORDER, english_span, german_span
from reader.ui.entities.tooltips import EntityTooltips
from reader.ui.settings import Settings
from reader.ui.view.bilingual_view import BilingualView


class EntityDisplay(QObject):
    """Owns the names panel, its action, the tooltips and mention cycling; drives the legend.

    The window places the panel (a dock) and the legend (in the status bar), and shows the
    messages this part signals.

    Signals:
        mention_shown(str): a mention was marked; the words say which one.
        mention_cleared(): no mention is marked any more (those words are out of date).
    """

    mention_shown = Signal(str)
    mention_cleared = Signal()

    def __init__(
        self,
        view: BilingualView,
        controller: EntityController,
        settings: Settings,
        legend: EntityLegend,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.controller = controller
        self._settings = settings
        self.controller.set_hidden(legend.hidden)
        self.legend = legend
        self.legend.setVisible(self.controller.enabled)
        self.legend.hidden_changed.connect(self._on_legend_hidden_changed)

        self.panel = EntityPanel(parent)
        self.panel.setMinimumWidth(220)
        self.panel.hide()  # until View › Names Panel (or a restored window state) shows it
        self.panel.entry_activated.connect(self.show_next_mention)
        self.panel.escaped.connect(self.view.setFocus)
        self.panel_action = self.panel.toggleViewAction()
        self.panel_action.setText(self.tr("Names &Panel"))
        self.panel_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.panel_action.setToolTip(self.tr("List the names in the document"))
        self.panel_action.triggered.connect(self._on_panel_action_triggered)
        self.panel.visibilityChanged.connect(self._on_panel_visibility_changed)
        if not self.controller.enabled:
            self.panel.show_switched_off()

        self.tooltips = EntityTooltips(self.view, self.controller)
        self.mention: Entity | None = None
        self._next: dict[tuple[EntityLabel, str], int] = {}
        self.view.overlay = self._mention_selections
        self.view.current_sentence_changed.connect(self._on_view_current_sentence_changed)
        self.controller.recognition_started.connect(self._on_controller_recognition_started)
        self.controller.entities_changed.connect(self._on_controller_entities_changed)

    def set_highlighting(self, enabled: bool) -> None:
        """View › Highlight Names changed (the controller already knows)."""
        self.legend.setVisible(enabled)
        if not enabled:
            self.clear_mention()
            self.panel.show_switched_off()
        elif self.controller.entities:
            self.panel.set_entities(self.controller.entities)

    # --- mentions ----------------------------------------------------------------------

    def show_next_mention(self, label: EntityLabel, key: str) -> Entity | None:
        """Jump to the next mention of a name (wrapping), mark it, say which one it is."""
        entries = dict(self.panel.groups.get(label, []))
        mentions = entries.get(key)
        if not mentions:
            return None
        index = self._next.get((label, key), 0) % len(mentions)
        self._next[(label, key)] = index + 1
        entity = mentions[index]
        self.mention = entity  # before set_current: its signal must not clear the mark
        self.view.set_current(entity.sentence_id)
        self.view.update_highlights()
        self.mention_shown.emit(
            self.tr("Mention {number} of {total} — {name}").format(
                number=index + 1, total=len(mentions), name=key
            )
        )
        return entity

    def clear_mention(self) -> None:
        if self.mention is not None:
            self.mention = None
            self.view.update_highlights()
            self.mention_cleared.emit()

    def mention_spans(self) -> list[tuple[int, int]]:
        """Document positions of the marked mention: German, then English when known."""
        if self.mention is None:
            return []
        renderer = self.view.renderer
        projected = self.controller.projected_version(self.mention)
        spans = [german_span(renderer, self.mention), english_span(renderer, projected)]
        return [span for span in spans if span is not None and span[0] < span[1]]

    def _mention_selections(self) -> list[QTextEdit.ExtraSelection]:
        if self.mention is None:
            return []
        colors = self.view.colors
        char_format = QTextCharFormat()
        # The label's strong line colour as background: unlike the pale pair highlight.
        char_format.setBackground(colors.entity_lines[LABEL_ORDER.index(self.mention.label)])
        char_format.setForeground(QColor(0x1B, 0x1B, 0x1D) if colors.dark else QColor("white"))
        selections = []
        for start, end in self.mention_spans():
            cursor = QTextCursor(self.view.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = char_format
            selections.append(selection)
        return selections

    # --- slots -------------------------------------------------------------------------

    def _on_legend_hidden_changed(self, hidden: frozenset[EntityLabel]) -> None:
        self._settings.hidden_entity_labels = [
            label.value for label in LABEL_ORDER if label in hidden
        ]
        self.controller.set_hidden(hidden)

    def _on_panel_action_triggered(self, checked: bool) -> None:
        if checked:
            self.panel.raise_()
            # Keyboard users land in the list (or the filter while the list is empty).
            if self.panel.tree.isVisibleTo(self.panel):
                self.panel.tree.setFocus()
            elif self.panel.filter.isEnabled():
                self.panel.filter.setFocus()
        else:
            self.view.setFocus()

    def _on_view_current_sentence_changed(self, sentence_id: int) -> None:
        if self.mention is not None and sentence_id != self.mention.sentence_id:
            self.clear_mention()  # the reader moved on

    def _on_panel_visibility_changed(self, visible: bool) -> None:
        if not visible and self.panel.isHidden():  # closed, not just tabbed away
            self.clear_mention()  # stepping through a name's mentions ends with the panel

    def _on_controller_recognition_started(self) -> None:
        self._forget_mentions()
        self.panel.show_finding()

    def _on_controller_entities_changed(self, _count: int) -> None:
        self._forget_mentions()
        self.panel.set_entities(self.controller.entities)

    def _forget_mentions(self) -> None:
        had_mention, self.mention, self._next = self.mention is not None, None, {}
        if had_mention:
            self.mention_cleared.emit()
