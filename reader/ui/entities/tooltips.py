"""Tooltips over highlighted names: the type and the counterpart in the other language.

"Place · München → Munich" over either side; "not found in the English" when projection
found no counterpart, "not translated yet" while the sentence waits for its English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QToolTip

from reader.core.document.model import Entity
from reader.ui.entities.highlights import EntityController
from reader.ui.entities.positions import english_span, english_text, german_span, label_name
from reader.ui.view.bilingual_view import BilingualView


def describe_entity(entity: Entity, counterpart: str | None, translated: bool) -> str:
    """The tooltip text of one name."""
    label = label_name(entity.label)
    if counterpart:
        return f"{label} · {entity.text} → {counterpart}"
    if translated:
        note = QCoreApplication.translate("EntityTooltips", "not found in the English")
    else:
        note = QCoreApplication.translate("EntityTooltips", "not translated yet")
    return f"{label} · {entity.text} — {note}"


class EntityTooltips(QObject):
    """Shows the tooltip of the highlighted name under the pointer in the reading view."""

    def __init__(self, view: BilingualView, controller: EntityController) -> None:
        super().__init__(view)
        self.view = view
        self.controller = controller
        view.viewport().installEventFilter(self)

    def entity_at(self, point: QPoint) -> Entity | None:
        """The shown name at a viewport point (German or English), with its English span."""
        controller = self.controller
        if not controller.enabled or not controller.entities:
            return None
        renderer = self.view.renderer
        position = self.view.cursorForPosition(point).position()
        row = renderer.row_at(position)
        if row is None:
            return None
        ids = set(renderer.rows[row].sentence_ids)
        for entity in controller.shown(controller.entities):
            if entity.sentence_id not in ids:
                continue
            projected = controller.projected_version(entity)
            for span in (german_span(renderer, entity), english_span(renderer, projected)):
                if span is not None and span[0] <= position <= span[1]:
                    return projected
        return None

    def text_at(self, point: QPoint) -> str | None:
        """The tooltip for a viewport point, or None when no name is there."""
        entity = self.entity_at(point)
        if entity is None:
            return None
        renderer = self.view.renderer
        translated = entity.sentence_id in renderer.english
        return describe_entity(entity, english_text(renderer, entity), translated)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.text_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.view.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)
