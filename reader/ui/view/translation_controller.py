"""Drives translation of the open document: order by viewport, stream into the view.

Results arrive in batches from the translation thread. They are applied to the view a few
rows per event-loop turn (one edit block each), so a large batch never freezes the window.
When the reader scrolls to text still waiting, the running job is cancelled between batches
and the rest is queued again with the visible sentences first; whatever a cancelled job
already finished is kept (results are per sentence, not per job).
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from reader.core.document.model import BlockKind, Translation
from reader.core.packages.store import InstalledPackage
from reader.core.translation.decoding import DEFAULT_BEAM_SIZE
from reader.ui.view.bilingual_view import BilingualView
from reader.workers.translation_worker import TranslationService

TICK_BUDGET_S = 0.015  # GUI time per turn spent drawing streamed English
TICK_INTERVAL_MS = 5  # leave room between turns for input and painting
REORDER_LOOKAHEAD = 48  # visible text queued this close to the front needs no reorder


class TranslationController(QObject):
    """Connects the view, the translation service and the status bar.

    Signals:
        progress_changed(int, int): sentences with English, sentences to translate.
        translation_finished(bool): the document is done (False) or the user cancelled (True).
        translation_failed(object): the error that stopped translation.
        translations_applied(dict[int, Translation]): this English is now on screen.
    """

    progress_changed = Signal(int, int)
    translations_applied = Signal(object)
    translation_finished = Signal(bool)
    translation_failed = Signal(object)

    def __init__(self, view: BilingualView, service: TranslationService) -> None:
        super().__init__(view)
        self.view = view
        self.service = service
        self.translations: dict[int, Translation] = {}
        self.package: InstalledPackage | None = None
        self.beam_size = DEFAULT_BEAM_SIZE
        self._job = 0
        self._live_jobs: set[int] = set()
        self._order: list[int] = []
        self._to_translate: list[int] = []
        self._incoming: dict[int, Translation] = {}
        self._finish_pending: bool | None = None  # set when the job ended, before the drain
        self._kinds: dict[int, BlockKind] = {}
        self._wanted: set[int] = set()
        self._done = 0
        self._chars: dict[int, int] = {}  # characters of each sentence to translate
        self._chars_done = self._chars_total = 0
        self._apply_timer = QTimer(self)
        self._apply_timer.setSingleShot(True)
        self._apply_timer.setInterval(TICK_INTERVAL_MS)
        self._rows_per_tick = 4.0  # adapted so one turn costs about TICK_BUDGET_S
        self._apply_timer.timeout.connect(self._on_apply_timer_timeout)
        service.batch_translated.connect(self._on_service_batch_translated)
        service.translation_finished.connect(self._on_service_translation_finished)
        service.translation_failed.connect(self._on_service_translation_failed)
        view.visible_range_settled.connect(self._on_view_visible_range_settled)

    @property
    def running(self) -> bool:
        return self._job != 0

    def reset(self) -> None:
        """A new document: forget everything, stop whatever runs."""
        if self._live_jobs:
            self.service.cancel()
        self._live_jobs.clear()
        self._job = 0
        self._order = []
        self._incoming.clear()
        self._apply_timer.stop()
        self.translations = {}
        self._finish_pending = None
        source = self.view.renderer.source
        self._kinds = {block.index: block.kind for block in source.blocks} if source else {}
        self._to_translate = [sid for sid in self.view.sentence_ids() if self._translatable(sid)]
        self._count_done()

    def start(self, package: InstalledPackage, beam_size: int) -> None:
        """Translate what has no English yet with ``package``, visible text first."""
        self.package = package
        self.beam_size = beam_size
        self._queue_remaining()

    def retranslate(self, beam_size: int) -> None:
        """Decoding settings changed: translate the whole document again."""
        self.stop(silent=True)
        self.translations = {}
        self._count_done()
        self.view.renderer.english.clear()
        self.view.relayout()
        if self.package is not None:
            self.start(self.package, beam_size)

    def cancel(self) -> None:
        """The user's Cancel: stop after the current batch; keep what is done."""
        self.stop(silent=False)

    def stop(self, *, silent: bool) -> None:
        if self._job:
            self.service.cancel(self._job)
            if silent:
                self._live_jobs.discard(self._job)
            self._job = 0 if silent else self._job

    def replace(self, translation: Translation) -> None:
        """The reader chose another English for one sentence: show it, and tell the names
        and the checks (``translations_applied``) as for any English that arrives."""
        self.translations[translation.sentence_id] = translation
        self.view.set_translations({translation.sentence_id: translation.text})
        self.translations_applied.emit({translation.sentence_id: translation})

    def done_count(self) -> tuple[int, int]:
        done = sum(1 for sid in self._to_translate if sid in self.translations)
        return done, len(self._to_translate)

    def work(self) -> tuple[int, int]:
        """The German's characters with English and in all, of what is to be translated
        (what a time-left estimate goes by: the window sends sentences shortest first)."""
        return self._chars_done, self._chars_total

    def _count_done(self) -> None:
        self._wanted = set(self._to_translate)
        sentences = self.view.renderer.sentences
        self._chars = {sid: len(sentences[sid].text) for sid in self._wanted}
        self._chars_total = sum(self._chars.values())
        self._done = sum(1 for sid in self._wanted if sid in self.translations)
        self._chars_done = sum(self._chars[sid] for sid in self._wanted if sid in self.translations)

    def _translatable(self, sentence_id: int) -> bool:
        sentence = self.view.renderer.sentences.get(sentence_id)
        if sentence is None or not sentence.text.strip():
            return False
        return self._kinds.get(sentence.block) is not BlockKind.CODE

    def _pending(self) -> list[int]:
        return [sid for sid in self._to_translate if sid not in self.translations]

    def _queue_remaining(self) -> None:
        pending = self._pending()
        if self.package is None:
            return
        if not pending:
            self.progress_changed.emit(*self.done_count())
            self.translation_finished.emit(False)
            return
        self._order = self.view.reading_order(pending)
        sentences = self.view.renderer.sentences
        pairs = [(sid, sentences[sid].text) for sid in self._order]
        self._job = self.service.translate(self.package, pairs, self.beam_size)
        self._live_jobs.add(self._job)
        self.progress_changed.emit(*self.done_count())

    def make_way(self) -> None:
        """Let a job queued since (a word card's glosses) run next: the document's job
        stops after its current batch and the rest is queued again behind it."""
        if not self._job or self.package is None:
            return
        self.service.cancel(self._job)
        self._job = 0
        self._queue_remaining()

    def _on_view_visible_range_settled(self) -> None:
        if not self._job or self.package is None:
            return
        pending = set(self._pending())
        visible = [sid for sid in self.view.visible_sentence_ids() if sid in pending]
        if not visible:
            return
        waiting = [sid for sid in self._order if sid not in self.translations]
        front = set(waiting[:REORDER_LOOKAHEAD])
        if all(sid in front for sid in visible):
            return
        # Cancel between batches and queue again in the new reading order; the old job's
        # remaining batches still count (same document), only its "finished" is ignored.
        self.service.cancel(self._job)
        self._job = 0
        self._queue_remaining()

    def _on_service_batch_translated(self, job_id: int, batch: Sequence[Translation]) -> None:
        if job_id not in self._live_jobs:
            return  # from a document that is no longer shown
        for translation in batch:
            self._incoming[translation.sentence_id] = translation
        if not self._apply_timer.isActive():
            self._apply_timer.start()

    def _on_apply_timer_timeout(self) -> None:
        started = time.perf_counter()
        renderer = self.view.renderer
        chunk: dict[int, Translation] = {}
        rows: set[int] = set()
        limit = max(1, int(self._rows_per_tick))
        for sentence_id in list(self._incoming):
            row = renderer.row_of_sentence.get(sentence_id, -1)
            if row not in rows and len(rows) >= limit:
                break
            rows.add(row)
            chunk[sentence_id] = self._incoming.pop(sentence_id)
        if chunk:
            self.translations.update(chunk)
            self.view.set_translations({sid: t.text for sid, t in chunk.items()}, chunk)
            self.translations_applied.emit(chunk)
            self._done += sum(1 for sid in chunk if sid in self._wanted)
            self._chars_done += sum(self._chars.get(sid, 0) for sid in chunk)
            self.progress_changed.emit(self._done, len(self._to_translate))
            # Aim the next turn at the budget: rows cost more in long, wide documents.
            elapsed = max(time.perf_counter() - started, 1e-4)
            scale = max(0.5, min(2.0, TICK_BUDGET_S / elapsed))
            self._rows_per_tick = max(1.0, min(64.0, self._rows_per_tick * scale))
        if self._incoming:
            self._apply_timer.start()
        elif self._finish_pending is not None:
            cancelled, self._finish_pending = self._finish_pending, None
            self.translation_finished.emit(cancelled)

    def _on_service_translation_finished(self, job_id: int, cancelled: bool) -> None:
        # Signals from one thread arrive in order: no batch of this job follows its end.
        self._live_jobs.discard(job_id)
        if job_id != self._job:
            return  # a job replaced by a reordered one
        self._job = 0
        # Report the end once everything received is on screen.
        self._finish_pending = cancelled or bool(set(self._pending()) - set(self._incoming))
        if not self._apply_timer.isActive():
            self._apply_timer.start()

    def _on_service_translation_failed(self, job_id: int, error: object) -> None:
        self._live_jobs.discard(job_id)
        if job_id != self._job:
            return
        self._job = 0
        self.translation_failed.emit(error)
