"""A block's text cut into runs that share one sentence, one entity and one set of marks.

Every rich exporter (HTML here, the Qt PDF in the UI) walks these runs, so sentence spans,
entity highlights and inline marks are decided in one place and nest the same way.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from itertools import groupby, pairwise

from reader.core.document.model import Block, Entity, Mark, MarkKind
from reader.core.export.model import BilingualDocument, entities_in_sentence, projected_entities
from reader.core.translation.mark_projection import project_marks


@dataclass(frozen=True)
class Run:
    """Text with one sentence (or none: text between sentences), entity and set of marks."""

    text: str
    sentence_id: int | None = None
    entity: Entity | None = None
    marks: frozenset[MarkKind] = frozenset()
    href: str | None = None  # the link target when ``MarkKind.LINK`` is in marks


def german_runs(bilingual: BilingualDocument, block: Block) -> list[Run]:
    """The block's German with sentence ids, entities and bold/italic/link marks."""
    text = block.text
    sentences = []
    position = 0
    for sentence in bilingual.sentences_of(block):
        if sentence.start >= position:  # overlapping sentences: keep the text once
            sentences.append(sentence)
            position = sentence.end
    entities = [e for s in sentences for e in entities_in_sentence(bilingual, s)]
    cuts = {0, len(text)}
    spans = [(item.start, item.end) for item in sentences]
    spans += [(item.start, item.end) for item in entities]
    spans += [(item.start, item.end) for item in block.marks]
    for start, end in spans:
        cuts.update(p for p in (start, end) if 0 <= p <= len(text))
    runs = []
    for left, right in pairwise(sorted(cuts)):
        covering = next((s for s in sentences if s.start <= left and right <= s.end), None)
        entity = next((e for e in entities if e.start <= left and right <= e.end), None)
        marks = [m for m in block.marks if m.start <= left and right <= m.end]
        runs.append(
            Run(
                text[left:right],
                covering.id if covering else None,
                entity,
                frozenset(m.kind for m in marks),
                _link_target(marks),
            )
        )
    return runs


def english_runs(bilingual: BilingualDocument, block: Block) -> list[Run]:
    """The English of the block's sentences, one space apart, with projected entities and
    the German's bold, italic and links placed on the aligned English words."""
    runs: list[Run] = []
    for index, sentence in enumerate(bilingual.sentences_of(block)):
        if index:
            runs.append(Run(" "))
        english = bilingual.english(sentence.id)
        spans = projected_entities(bilingual, sentence)
        translation = bilingual.translations.get(sentence.id)
        marks = project_marks(block, sentence, translation) if translation else ()
        cuts = {0, len(english)} | {p for start, end, _e in spans for p in (start, end)}
        cuts |= {p for mark in marks for p in (mark.start, mark.end)}
        if len(cuts) == 1:  # no English yet: an empty run still carries the sentence id
            runs.append(Run("", sentence.id))
            continue
        for left, right in pairwise(sorted(cuts)):
            entity = next((e for s, t, e in spans if s <= left and right <= t), None)
            covering = [m for m in marks if m.start <= left and right <= m.end]
            runs.append(
                Run(
                    english[left:right],
                    sentence.id,
                    entity,
                    frozenset(m.kind for m in covering),
                    _link_target(covering),
                )
            )
    return runs


def cells_of(
    bilingual: BilingualDocument, block: Block, runs: list[Run], *, english: bool
) -> list[list[Run]]:
    """A table row's runs (German or English) split by cell, one list per cell.

    German runs go to the cell their text starts in; English runs to the cell of their
    sentence; the spaces between cells (or between sentences) are left out.
    """
    cells: list[list[Run]] = [[] for _ in block.cells]
    if not cells:
        return [runs]
    column_of_sentence = {
        s.id: max(0, bisect.bisect_right(block.cells, s.start) - 1)
        for s in bilingual.sentences_of(block)
    }
    offset = 0
    for run in runs:
        if english:
            column = column_of_sentence.get(run.sentence_id if run.sentence_id is not None else -1)
        else:
            column = max(0, bisect.bisect_right(block.cells, offset) - 1)
        offset += len(run.text)
        if column is None:
            continue
        if english and cells[column] and cells[column][-1].sentence_id != run.sentence_id:
            cells[column].append(Run(" "))
        cells[column].append(run)
    return [_trimmed(cell) for cell in cells]


def _trimmed(runs: list[Run]) -> list[Run]:
    """Without the blank runs between sentences at a cell's edges (the cells' separator)."""

    def blank(run: Run) -> bool:
        return run.sentence_id is None and not run.text.strip()

    start, end = 0, len(runs)
    while start < end and blank(runs[start]):
        start += 1
    while end > start and blank(runs[end - 1]):
        end -= 1
    return runs[start:end]


def group_by_sentence(runs: list[Run]) -> list[tuple[int | None, list[Run]]]:
    """Consecutive runs of one sentence (``None`` for text between sentences)."""
    return [(key, list(group)) for key, group in groupby(runs, key=lambda r: r.sentence_id)]


def group_by_entity(runs: list[Run]) -> list[tuple[Entity | None, list[Run]]]:
    """Consecutive runs inside one entity (``None`` for text outside any)."""
    groups: list[tuple[Entity | None, list[Run]]] = []
    for run in runs:
        if groups and groups[-1][0] is run.entity:
            groups[-1][1].append(run)
        else:
            groups.append((run.entity, [run]))
    return groups


def _link_target(marks: list[Mark]) -> str | None:
    return next((m.href for m in marks if m.kind is MarkKind.LINK and m.href), None)
