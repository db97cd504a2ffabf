"""Where an entity sits in the reading view, what its label is called, how it is grouped.

Entities count code points in their block (German) or their sentence's English; the view
counts UTF-16 positions in one QTextDocument. The conversion goes through ``Utf16Map``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.core.document import Entity, EntityLabel
from reader.core.entity_rules import entity_key
from reader.ui.document_renderer import DocumentRenderer, Side
from reader.ui.text_positions import Utf16Map

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
    row = renderer.rows[index]
    if row.block.index != entity.block:
        return None
    to16 = Utf16Map(row.block.text)
    base = row.cell_start(Side.GERMAN)
    return base + to16(entity.start), base + to16(entity.end)


def english_span(renderer: DocumentRenderer, entity: Entity) -> tuple[int, int] | None:
    """Document positions of the entity's English counterpart (None: not projected)."""
    if entity.target_start is None or entity.target_end is None:
        return None
    english = renderer.english.get(entity.sentence_id)
    span = renderer.span(entity.sentence_id, Side.ENGLISH)
    if english is None or span is None:
        return None
    to16 = Utf16Map(english)
    end = min(span[0] + to16(entity.target_end), span[1])
    return span[0] + to16(entity.target_start), end


def english_text(renderer: DocumentRenderer, entity: Entity) -> str | None:
    """The English words the entity was projected onto, if any."""
    english = renderer.english.get(entity.sentence_id)
    if english is None or entity.target_start is None or entity.target_end is None:
        return None
    return english[entity.target_start : entity.target_end]
