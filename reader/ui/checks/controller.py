"""The translation check in the window: findings per sentence, kept in step with the English.

Each time English arrives (and again when the names of the document are known) the pairs
are checked off the GUI thread through the job API; findings come back by sentence id and
are laid over the text as calm marks: the German span and the English that replaced it (or
the whole English sentence when nothing replaced it) get an amber dotted underline. Once
the document is translated, the sentences the model was least sure of get a faint grey
dotted underline on their English (``reader.core.checks.confidence``).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QTextCharFormat

from reader.core.cancel import CancelToken
from reader.core.checks.confidence import confidence, least_confident
from reader.core.checks.glossary import GlossaryError, Term, load_glossary
from reader.core.checks.model import Finding
from reader.core.checks.pairs import NumberedPair, check_numbered
from reader.core.document.model import Document, Translation
from reader.ui.entities.highlights import EntityController
from reader.ui.view.bilingual_view import BilingualView
from reader.ui.view.block_formats import Side
from reader.ui.view.document_renderer import ExtraFormat
from reader.ui.view.translation_controller import TranslationController
from reader.workers.child_process import ChildStopped
from reader.workers.jobs import JobCancelled, JobRunner, ProgressFn

log = logging.getLogger(__name__)
MARK_COLOR = QColor(188, 108, 0)
MARK_BACKGROUND = QColor(255, 196, 0, 48)
UNSURE_COLOR = QColor(128, 128, 128)
CHECK_BATCH = 64  # sentences per check job


def mark_format(
    background: bool, color: QColor = MARK_COLOR, *, span: bool = True
) -> QTextCharFormat:
    """The calm mark of a finding: an amber wavy underline under the words at fault (no name
    kind uses a wave, so it never reads as a name's mark), a dotted one under a whole English
    sentence when the words are not known, and a faint tint on the German."""
    char_format = QTextCharFormat()
    styles = QTextCharFormat.UnderlineStyle
    char_format.setUnderlineStyle(styles.WaveUnderline if span else styles.DotLine)
    char_format.setUnderlineColor(color)
    if background:
        char_format.setBackground(MARK_BACKGROUND)
    return char_format


def english_span(english: str, finding: Finding) -> tuple[int, int]:
    """Where the English shows what replaced the German span; the whole sentence if unknown."""
    if finding.found:
        at = english.find(finding.found)
        if at >= 0:
            return at, at + len(finding.found)
    return 0, len(english)


class ChecksController(QObject):
    """Findings of the open document by sentence id, and their marks in the view.

    Signals:
        findings_changed(int): how many findings the document has now.
    """

    findings_changed = Signal(int)

    def __init__(
        self,
        view: BilingualView,
        translation: TranslationController,
        entities: EntityController,
        *,
        enabled: bool,
        glossary: Path | None = None,
    ) -> None:
        super().__init__(view)
        self._glossary_path = glossary
        self.glossary: list[Term] = []
        self.view = view
        self.translation = translation
        self.entities = entities
        self.enabled = enabled
        self.findings: dict[int, tuple[Finding, ...]] = {}
        self.confidence: dict[int, float] = {}
        self.unsure: list[int] = []  # least confident first, once the document is translated
        self.edited: set[int] = set()  # sentences showing the reader's own English
        self._source: Document | None = None
        self._generation = 0
        self._runner = JobRunner(self)
        # English waiting to be checked: one check job runs at a time and takes everything
        # that arrived meanwhile, so streaming English costs a few jobs, not one per batch.
        self._waiting: dict[int, Translation] = {}
        self._waiting_generation = 0
        # English off screen while the document still translates: checked once the
        # translation ends (or the reader scrolls to it), so the checks never compete with
        # the translation for the CPU (on two cores they slowed it by ~10 %).
        self._deferred: dict[int, Translation] = {}
        self._deferred_generation = 0
        self._checking = False
        translation.translations_applied.connect(self._on_translation_translations_applied)
        entities.entities_changed.connect(self._on_entities_entities_changed)
        entities.recognition_started.connect(self._forget_other_document)
        translation.translation_finished.connect(self._on_translation_translation_finished)
        translation.translation_failed.connect(self._check_deferred)
        view.visible_range_settled.connect(self._on_view_visible_range_settled)

    @property
    def count(self) -> int:
        """How many findings the open document has."""
        return sum(len(found) for found in self.findings.values())

    def flagged_ids(self) -> list[int]:
        """Sentences with findings, in reading order."""
        return [sid for sid in self.view.renderer.order if self.findings.get(sid)]

    def next_flagged(self, step: int) -> int | None:
        """The flagged sentence after (``step`` 1) or before (-1) the current one, wrapping."""
        flagged = self.flagged_ids()
        if not flagged:
            return None
        order = self.view.renderer.order
        current = self.view.current
        where = order.index(current) if current in order else -1
        if step > 0:
            later = [sid for sid in flagged if order.index(sid) > where]
            return later[0] if later else flagged[0]
        earlier = [sid for sid in flagged if where < 0 or order.index(sid) < where]
        return earlier[-1] if earlier else flagged[-1]

    def next_unsure(self) -> int | None:
        """The next sentence in least-confident-first order after the current one, wrapping."""
        if not self.unsure:
            return None
        current = self.view.current
        at = self.unsure.index(current) if current in self.unsure else -1
        return self.unsure[(at + 1) % len(self.unsure)]

    def go_to(self, sentence_id: int) -> None:
        """Make a flagged sentence the current one, on screen."""
        self.view.set_current(sentence_id)

    def set_enabled(self, enabled: bool) -> None:
        """View › Check Translation."""
        if enabled == self.enabled:
            return
        self.enabled = enabled
        self._generation += 1
        self.findings = {}
        self.redraw()
        if enabled:
            self._check(self.translation.translations)
        self.findings_changed.emit(self.count)

    def reload_glossary(self) -> None:
        """The glossary was edited: read it again and check the document again."""
        self.glossary = self._read_glossary()
        self._generation += 1
        self.findings = {}
        self.redraw()
        self.findings_changed.emit(0)
        if self.enabled:
            self._check(self.translation.translations)

    def recheck_all(self) -> None:
        """Check every translated sentence again (names became known, or were reset)."""
        self._forget_other_document()
        if self.enabled:
            self._check(self.translation.translations)

    # --- checking ----------------------------------------------------------------------

    def _forget_other_document(self) -> None:
        source = self.view.renderer.source
        if source is not self._source:
            self._source = source
            self._generation += 1
            self.glossary = self._read_glossary()  # edited elsewhere: read per document
            self.confidence = {}
            self.unsure = []
            if self.findings:
                self.findings = {}
                self.findings_changed.emit(0)

    def _read_glossary(self) -> list[Term]:
        if self._glossary_path is None:
            return []
        try:
            return load_glossary(self._glossary_path)
        except GlossaryError as error:
            log.warning("glossary not used: %s", error)
            return []

    def _check(self, translations: Mapping[int, Translation]) -> None:
        if self._waiting_generation != self._generation:
            self._waiting, self._waiting_generation = {}, self._generation
        self._waiting.update(translations)
        if not self._checking:
            self._check_waiting()

    def _check_waiting(self) -> None:
        if self._waiting_generation != self._generation:
            self._waiting = {}
        # At most CHECK_BATCH a job: the English that waited off screen arrives at once at
        # the translation's end, and its findings are laid a job at a time, not in one stall.
        translations = dict(itertools.islice(self._waiting.items(), CHECK_BATCH))
        for sid in translations:
            del self._waiting[sid]
        if self.translation.running:
            if self._deferred_generation != self._generation:
                self._deferred, self._deferred_generation = {}, self._generation
            visible = set(self.view.visible_sentence_ids())
            self._deferred.update((sid, t) for sid, t in translations.items() if sid not in visible)
            translations = {sid: t for sid, t in translations.items() if sid in visible}
        sentences = self.view.renderer.sentences
        pairs: list[NumberedPair] = []
        for sid, translation in translations.items():
            sentence = sentences.get(sid)
            if sentence is None or not translation.text:
                continue
            spans = tuple(
                (e.start - sentence.start, e.end - sentence.start, e.label.value)
                for e in self.entities.names_in(sid)
            )
            pairs.append((sid, sentence.text, translation.text, spans))
        if not pairs:
            if self._waiting:  # nothing to check in this chunk: on to the next
                self._check_waiting()
            return
        generation = self._generation
        glossary = tuple(self.glossary)
        # In the names' child process: its word tables (~110 MiB) stay out of the window's
        # memory, beside the translation model (in this process only with a test's names).
        child = self.entities.service.child

        def work(_progress: ProgressFn, _cancel: CancelToken) -> dict[int, tuple[Finding, ...]]:
            if child is None:
                return check_numbered(pairs, glossary)
            try:
                return child.run(check_numbered, pairs, glossary, retry=True)
            except ChildStopped:
                raise JobCancelled() from None  # the window is closing

        self._checking = True
        self._runner.start(
            work,
            success=lambda found: self._on_checked(generation, found),
            failure=self._on_check_failed,
            name="check translation",
        )

    def _on_check_failed(self, error: BaseException) -> None:
        if not isinstance(error, JobCancelled):
            log.warning("checking the translation failed: %s", error)
        self._next_check()

    def _next_check(self) -> None:
        self._checking = False
        if self._waiting:
            self._check_waiting()

    def _on_checked(self, generation: int, found: dict[int, tuple[Finding, ...]]) -> None:
        try:
            self._apply_findings(generation, found)
        finally:
            self._next_check()

    def _apply_findings(self, generation: int, found: dict[int, tuple[Finding, ...]]) -> None:
        if generation != self._generation or not self.enabled:
            return  # another document, or checks switched off meanwhile
        changed = [sid for sid, findings in found.items() if self.findings.get(sid, ()) != findings]
        if not changed:
            return
        marked_before = any(sid in self.findings for sid in changed)
        for sid in changed:
            if found[sid]:
                self.findings[sid] = found[sid]
            else:
                self.findings.pop(sid, None)
        if marked_before:  # old marks must go: lay everything again
            self.redraw()
        else:
            self.view.add_extra_formats(self._formats({sid: found[sid] for sid in changed}))
        self.findings_changed.emit(self.count)

    # --- marks -------------------------------------------------------------------------

    def _formats(self, found: Mapping[int, tuple[Finding, ...]]) -> list[ExtraFormat]:
        renderer = self.view.renderer
        formats = []
        for sid, findings in found.items():
            sentence = renderer.sentences.get(sid)
            english = renderer.english.get(sid, "")
            if sentence is None:
                continue
            for finding in findings:
                start, end = sentence.start + finding.de_start, sentence.start + finding.de_end
                formats.append(
                    ExtraFormat(Side.GERMAN, sentence.block, start, end, mark_format(True))
                )
                en_start, en_end = english_span(english, finding)
                whole = (en_start, en_end) == (0, len(english))
                formats.append(
                    ExtraFormat(
                        Side.ENGLISH, sid, en_start, en_end, mark_format(False, span=not whole)
                    )
                )
        return formats

    def _unsure_formats(self) -> list[ExtraFormat]:
        english = self.view.renderer.english
        return [
            ExtraFormat(
                Side.ENGLISH,
                sid,
                0,
                len(english.get(sid, "")),
                mark_format(False, UNSURE_COLOR, span=False),
            )
            for sid in self.unsure
            if sid not in self.findings
        ]

    def redraw(self) -> None:
        """Marks again from scratch: the names' highlights, then ours on top."""
        base = self.entities.all_formats() if self.entities.enabled else []
        ours = self._formats(self.findings) + self._unsure_formats() if self.enabled else []
        self.view.set_extra_formats(base + ours + self._edited_formats())

    def _edited_formats(self) -> list[ExtraFormat]:
        """The reader's own English is set in italics (shown with checks on or off)."""
        italic = QTextCharFormat()
        italic.setFontItalic(True)
        english = self.view.renderer.english
        return [
            ExtraFormat(Side.ENGLISH, sid, 0, len(english.get(sid, "")), italic)
            for sid in sorted(self.edited)
        ]

    def _on_translation_translations_applied(self, translations: Mapping[int, Translation]) -> None:
        self._forget_other_document()
        for sid, translation in translations.items():
            if translation.text:
                self.confidence[sid] = confidence(translation.score, translation.text)
        if self.enabled:
            self._check(translations)

    def _check_deferred(self, *_ended: object) -> None:
        """The translation ended: check the English that waited off screen."""
        deferred, self._deferred = self._deferred, {}
        if deferred and self.enabled and self._deferred_generation == self._generation:
            self._check(deferred)

    def _on_view_visible_range_settled(self) -> None:
        if self._deferred_generation != self._generation:
            self._deferred = {}
        shown = [sid for sid in self.view.visible_sentence_ids() if sid in self._deferred]
        if shown and self.enabled:
            self._check({sid: self._deferred.pop(sid) for sid in shown})

    def _on_translation_translation_finished(self, _cancelled: bool) -> None:
        self._check_deferred()
        self.unsure = least_confident(self.confidence)
        if self.enabled and self.unsure:
            self.redraw()

    def _on_entities_entities_changed(self, _count: int) -> None:
        self.recheck_all()
