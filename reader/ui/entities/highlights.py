"""Named entities in both columns: recognized on the German side in a worker, projected onto
each sentence's English as it arrives, drawn as extra character formats.

Each label has its own tint *and* its own underline style (person solid, organisation
dashed, place dotted, other dash-dotted), so labels are told apart without colour.
"""

from __future__ import annotations

import heapq
import time
from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCharFormat

from reader.core.document.model import Document, Entity, EntityLabel, Sentence, Translation
from reader.ui.theme import ReaderColors
from reader.ui.view.bilingual_view import BilingualView
from reader.ui.view.block_formats import Side
from reader.ui.view.document_renderer import ExtraFormat
from reader.workers.entity_worker import EntityService

TICK_BUDGET_S = 0.012  # GUI time per event-loop turn spent laying highlights
# Sentences where the reader is whose names are found first, alone, when the document has
# more than twice as many: the whole document's names take seconds (1,919 news sentences:
# ~1.3 s of CPU), and more while the translation has the cores.
FIRST_LOOK = 40
UNIT = 8  # sentences projected or formats laid between two looks at the clock
LABELS = (EntityLabel.PER, EntityLabel.ORG, EntityLabel.LOC, EntityLabel.MISC)
UNDERLINES = {
    EntityLabel.PER: QTextCharFormat.UnderlineStyle.SingleUnderline,
    EntityLabel.ORG: QTextCharFormat.UnderlineStyle.DashUnderline,
    EntityLabel.LOC: QTextCharFormat.UnderlineStyle.DotLine,
    EntityLabel.MISC: QTextCharFormat.UnderlineStyle.DashDotLine,
}


def entity_format(label: EntityLabel, colors: ReaderColors) -> QTextCharFormat:
    """Tint plus a label-specific underline."""
    index = LABELS.index(label)
    char_format = QTextCharFormat()
    char_format.setBackground(colors.entity_backgrounds[index])
    char_format.setUnderlineStyle(UNDERLINES[label])
    char_format.setUnderlineColor(colors.entity_lines[index])
    return char_format


def german_formats(entities: Iterable[Entity], colors: ReaderColors) -> list[ExtraFormat]:
    return [
        ExtraFormat(Side.GERMAN, e.block, e.start, e.end, entity_format(e.label, colors))
        for e in entities
    ]


def english_formats(entities: Iterable[Entity], colors: ReaderColors) -> list[ExtraFormat]:
    """Formats for entities whose span in the English is known."""
    return [
        ExtraFormat(
            Side.ENGLISH,
            e.sentence_id,
            e.target_start,
            e.target_end,
            entity_format(e.label, colors),
        )
        for e in entities
        if e.target_start is not None and e.target_end is not None
    ]


class EntityController(QObject):
    """Keeps the view's entity highlights in step with the document and its English.

    Signals:
        entities_changed(int): how many entities the open document has (after recognition).
        recognition_started(): a new document is being searched for names.
        highlights_relaid(): names were laid at once over what was drawn (the first look's),
            or replaced every extra format (the document's after it): the checks lay their
            marks again, on top.
    """

    entities_changed = Signal(int)
    recognition_started = Signal()
    highlights_relaid = Signal()

    def __init__(
        self,
        view: BilingualView,
        service: EntityService,
        *,
        enabled: bool,
        hidden: Iterable[EntityLabel] = (),
    ) -> None:
        super().__init__(view)
        self.view = view
        self.service = service
        self.enabled = enabled
        self.hidden = frozenset(hidden)  # labels the legend switched off
        self.entities: tuple[Entity, ...] = ()
        self._entities_of: dict[int, list[Entity]] = {}  # by sentence id, in document order
        self.projected: dict[int, tuple[Entity, ...]] = {}  # sentence id -> with English spans
        self._sentences: dict[int, Sentence] = {}
        self._translations: dict[int, Translation] = {}
        self._job = 0
        self._previewed = False  # the names on screen came first, the document's are due
        self._document: Document | None = None
        # Work done a little per event-loop turn: formats to lay, sentences to project.
        self._pending_formats: list[ExtraFormat] = []
        self._pending_projection: set[int] = set()
        self._timer = QTimer(self)
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._on_timer_timeout)
        service.entities_previewed.connect(self._on_service_entities_previewed)
        service.entities_recognized.connect(self._on_service_entities_recognized)
        service.recognition_failed.connect(self._on_service_recognition_failed)

    def reset(self, document: Document, sentences: Sequence[Sentence]) -> None:
        """A new document: forget the old names and look for new ones (when enabled)."""
        self._document = document
        self._sentences = {s.id: s for s in sentences}
        self._translations = {}
        self._set_entities(())
        self.projected = {}
        self._pending_formats = []
        self._pending_projection = set()
        self._previewed = False
        self._job = self._recognize() if self.enabled else 0
        if self._job:
            self.recognition_started.emit()

    def _recognize(self) -> int:
        """Ask for the open document's names, those where the reader is first."""
        assert self._document is not None
        sentences = list(self._sentences.values())
        first: list[Sentence] = []
        if len(sentences) > 2 * FIRST_LOOK:
            near = self.view.reading_order([s.id for s in sentences])[:FIRST_LOOK]
            first = [self._sentences[sid] for sid in sorted(near)]
        return self.service.recognize(self._document, sentences, first)

    def recognize_again(self) -> None:
        """Another recognizer was chosen: look for the open document's names again."""
        if self._document is None:
            return
        translations = self._translations
        if self.enabled:
            self.view.set_extra_formats([])
        self.reset(self._document, list(self._sentences.values()))
        self._translations = translations  # the English stays; new names are projected onto it

    def set_enabled(self, enabled: bool) -> None:
        """View › Highlight Names."""
        if enabled == self.enabled:
            return
        self.enabled = enabled
        if not enabled:
            self._job = 0
            self._pending_formats = []
            self._pending_projection = set()
            self.view.set_extra_formats([])
        elif self.entities:
            self.view.set_extra_formats(self.all_formats())
        elif self._document is not None:
            self._previewed = False
            self._job = self._recognize()
            self.recognition_started.emit()

    def set_hidden(self, labels: Iterable[EntityLabel]) -> None:
        """The legend's toggles: these labels are not highlighted (on either side)."""
        hidden = frozenset(labels)
        if hidden == self.hidden:
            return
        self.hidden = hidden
        if self.enabled and self.entities:
            self._pending_formats = []  # all_formats covers what is recognized and projected
            self.view.set_extra_formats(self.all_formats())

    def shown(self, entities: Iterable[Entity]) -> list[Entity]:
        """The entities whose label is not hidden."""
        return [e for e in entities if e.label not in self.hidden]

    def projected_version(self, entity: Entity) -> Entity:
        """The entity with its English span when projection found one (else as given)."""
        for candidate in self.projected.get(entity.sentence_id, ()):
            if (candidate.block, candidate.start, candidate.end) == (
                entity.block,
                entity.start,
                entity.end,
            ):
                return candidate
        return entity

    @property
    def busy(self) -> bool:
        """Highlights are still being laid (a little per event-loop turn)."""
        return bool(self._pending_formats or self._pending_projection)

    def all_formats(self) -> list[ExtraFormat]:
        colors = self.view.colors
        english = [e for group in self.projected.values() for e in group]
        return german_formats(self.shown(self.entities), colors) + english_formats(
            self.shown(english), colors
        )

    def prepare_recolor(self) -> None:
        """Store formats in the view's new colours before it rebuilds (theme change)."""
        if self.enabled:
            self.view.renderer.set_extra_formats(self.all_formats(), redraw=False)

    def forget_english(self) -> None:
        """The English is being redone (other decoding settings): old spans no longer fit."""
        self._translations = {}
        self.projected = {}
        self._pending_projection = set()
        self._pending_formats = [f for f in self._pending_formats if f.side is Side.GERMAN]
        if self.enabled:
            colors = self.view.colors
            self.view.renderer.set_extra_formats(
                german_formats(self.shown(self.entities), colors), redraw=False
            )

    def on_translations(self, translations: Mapping[int, Translation]) -> None:
        """New English is on screen: find each name of those sentences in it."""
        self._translations.update(translations)
        if self.enabled and self.entities:
            self._pending_projection.update(translations)
            self._timer.start()

    def _project(self, sentence_ids: set[int]) -> None:
        from reader.core.entities.projection import project_entities

        # By sentence: a pass over every entity of the document per unit made projecting
        # while a long document translates grow with the square of its length.
        wanted = [e for sid in sorted(sentence_ids) for e in self.names_in(sid)]
        if not wanted:
            return
        sentences = [self._sentences[i] for i in sentence_ids if i in self._sentences]
        found = project_entities(wanted, sentences, self._translations)
        by_sentence: dict[int, list[Entity]] = {}
        for entity in found:
            by_sentence.setdefault(entity.sentence_id, []).append(entity)
        fresh: list[Entity] = []
        for sentence_id, group in by_sentence.items():
            if sentence_id not in self.projected:
                self.projected[sentence_id] = tuple(group)
                fresh.extend(group)
        self._pending_formats.extend(english_formats(self.shown(fresh), self.view.colors))

    def names_in(self, sentence_id: int) -> Sequence[Entity]:
        """The recognized names of one sentence, in document order."""
        return self._entities_of.get(sentence_id, ())

    def _set_entities(self, entities: tuple[Entity, ...]) -> None:
        self.entities = entities
        self._entities_of = {}
        for entity in entities:
            self._entities_of.setdefault(entity.sentence_id, []).append(entity)

    def _on_service_entities_previewed(self, job_id: int, entities: tuple[Entity, ...]) -> None:
        """The names where the reader is, before the whole document's: shown at once."""
        if job_id != self._job or not self.enabled:
            return
        self._previewed = True
        self._set_entities(entities)
        # A few dozen names: laid at once, so none lands later over a check's mark.
        self.view.add_extra_formats(german_formats(self.shown(entities), self.view.colors))
        self.highlights_relaid.emit()
        self._pending_projection.update(self._translations)
        self._timer.start()

    def _on_service_entities_recognized(self, job_id: int, entities: tuple[Entity, ...]) -> None:
        if job_id != self._job or not self.enabled:
            return
        formats = german_formats(self.shown(entities), self.view.colors)
        self._set_entities(entities)
        if self._previewed:  # the document's names replace the first look's (labels vote)
            self._previewed = False
            self.projected = {}
            self._pending_formats = []
            self.view.set_extra_formats(formats)
            self.highlights_relaid.emit()
        else:
            self._pending_formats.extend(formats)
        self._pending_projection.update(self._translations)
        self._timer.start()
        self.entities_changed.emit(len(entities))

    def _on_timer_timeout(self) -> None:
        # Small units until the turn's budget is spent: one unit is a few milliseconds.
        started = time.perf_counter()
        while self.busy and time.perf_counter() - started < TICK_BUDGET_S:
            if self._pending_projection:
                chosen = heapq.nsmallest(UNIT, self._pending_projection)
                self._pending_projection.difference_update(chosen)
                self._project(set(chosen))
            else:
                chunk = self._pending_formats[:UNIT]
                del self._pending_formats[:UNIT]
                self.view.add_extra_formats(chunk)
        if not self.busy:
            self._timer.stop()

    def _on_service_recognition_failed(self, job_id: int, _error: object) -> None:
        if job_id == self._job:
            self._set_entities(())
            self.entities_changed.emit(0)
