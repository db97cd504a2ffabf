"""Where an entity sits in the reading view, what its label is called, how it is grouped.

Entities count code points in their block (German) or their sentence's English; the view
counts UTF-16 positions in one QTextDocument; the renderer converts (``german_range``,
``english_range``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.core.document.model import Entity, EntityLabel
from reader.core.entities.rules import entity_key
from reader.ui.view.document_renderer import DocumentRenderer

LABEL_ORDER = (EntityLabel.PER, EntityLabel.ORG, EntityLabel.LOC, EntityLabel.MISC)


def label_name(label: EntityLabel) -> str:
    """The label as a reader calls it ("Person", "Place"…), translated."""
    names = {
        EntityLabel.PER: QCoreApplication.translate("EntityNames", "Person"),
        EntityLabel.ORG: QCoreApplication.translate("EntityNames", "Organisation"),
        EntityLabel.LOC: QCoreApplication.translate("EntityNames", "Place"),
        EntityLabel.MISC: QCoreApplication.translate("EntityNames", "Other"),
    }
    return names[label]


def group_key(entity: Entity) -> str:
    """The name mentions are grouped under ("Merkels" → "Merkel")."""
    return entity.key or entity_key(entity.text, entity.label) or entity.text


def german_span(renderer: DocumentRenderer, entity: Entity) -> tuple[int, int] | None:
    """Document positions of the entity in the German column (None: row not built yet)."""
    index = renderer.row_of_sentence.get(entity.sentence_id)
    if index is None:
        return None
    if renderer.rows[index].block.index != entity.block:
        return None
    return renderer.german_range(index, entity.start, entity.end)


def english_span(renderer: DocumentRenderer, entity: Entity) -> tuple[int, int] | None:
    """Document positions of the entity's English counterpart (None: not projected)."""
    if entity.target_start is None or entity.target_end is None:
        return None
    return renderer.english_range(entity.sentence_id, entity.target_start, entity.target_end)


def english_text(renderer: DocumentRenderer, entity: Entity) -> str | None:
    """The English words the entity was projected onto, if any."""
    english = renderer.english.get(entity.sentence_id)
    if english is None or entity.target_start is None or entity.target_end is None:
        return None
    return english[entity.target_start : entity.target_end]
