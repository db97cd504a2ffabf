"""The offline translation engine: an Argos package driven through CTranslate2 directly.

We never import ``argostranslate.translate`` (it pulls torch and stanza). Decoding uses
Argos's own settings (``decoding.py``: beam 4, ``length_penalty=0.2``; ``replace_unknowns``,
the package's ``target_prefix``) and detokenizes as Argos does, so each sentence's English
equals what ``argostranslate``'s ``apply_packaged_translation`` gives for that sentence. What
we do differently is everything around it: a whole document goes in one pass sorted by
length, one sub-batch a call with calls queued for every decoder (``thread_layout``), or in
the caller's order (visible text first); results stream call by call, a persistent cache
answers repeats without touching the model, and cancelling takes effect between calls.

Cancellation raises ``TranslationCancelled``, which carries every translation finished so
far (those were also delivered through ``on_batch``). CTranslate2 is not fork-safe: never
fork a process after ``load()``."""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.cancel import CancelToken, is_cancelled
from reader.core.document.model import Translation
from reader.core.errors import ModelLoadFailed
from reader.core.packages.store import InstalledPackage
from reader.core.packages.verdicts import VERDICTS_FILE_NAME, require_sound_model
from reader.core.translation.batching import (
    DEFAULT_BATCH_TOKENS,
    FIRST_BATCH_TOKENS,
    SCREEN_TOKENS,
    plan_batches,
    plan_sorted_pass,
    plan_streaming,
)
from reader.core.translation.cache import CachedTranslation, TranslationCache, file_digest
from reader.core.translation.decoding import DEFAULT_BEAM_SIZE, LENGTH_PENALTY
from reader.core.translation.model_calls import (
    ModelCall,
    Pending,
    batches_until,
    call_tokens,
    collect,
    queued_calls,
    submit,
    submit_shaped,
)
from reader.core.translation.threads import (
    SENTENCES_IN_FLIGHT,
    default_threads,
    sub_batch_budget,
    thread_layout,
)
from reader.core.translation.tokenizers import Tokenizer, open_tokenizer

if TYPE_CHECKING:
    from ctranslate2 import Translator

log = logging.getLogger(__name__)

BatchCallback = Callable[[list[Translation]], None]
_EMPTY = CachedTranslation("", 0.0, ())


class TranslationCancelled(Exception):
    """Raised when a CancelToken stopped ``translate``; holds what was finished."""

    def __init__(self, completed: list[Translation]) -> None:
        super().__init__(f"cancelled after {len(completed)} sentences")
        self.completed = completed


def _verdicts_file() -> Path:
    from reader.core.paths import resolve_paths

    return resolve_paths().cache / VERDICTS_FILE_NAME


class TranslationEngine:
    """Translates sentences with one installed package; the model is loaded once, lazily."""

    def __init__(
        self,
        package: InstalledPackage,
        *,
        threads: int | None = None,
        beam_size: int = DEFAULT_BEAM_SIZE,
        cache: TranslationCache | None = None,
        batch_tokens: int = DEFAULT_BATCH_TOKENS,
        first_batch_tokens: int | None = FIRST_BATCH_TOKENS,
        verdicts_file: Path | None = None,
        calls_in_flight: int = 1,
        sentences_in_flight: int = SENTENCES_IN_FLIGHT,
    ) -> None:
        self.package = package
        # Where the child check's verdicts are kept; None: the data dir's cache folder.
        self.verdicts_file = verdicts_file if verdicts_file is not None else _verdicts_file()
        self.threads = max(1, threads) if threads is not None else default_threads()
        self.parallel_batches, self.threads_per_batch = thread_layout(self.threads)
        self.beam_size = max(1, int(beam_size))
        self.cache = cache
        self.batch_tokens = batch_tokens
        # Per decoder: tokens and sentences (each sentence's buffers cost memory).
        self.budget = sub_batch_budget(self.parallel_batches, batch_tokens, sentences_in_flight)
        self.first_batch_tokens = first_batch_tokens
        # Calls kept queued in document order (see ``_stream``): 1, one call at a time.
        self.calls_in_flight = max(1, calls_in_flight)
        self.model_calls = 0  # translate_batch calls made; tests check caching with it
        self._translator: Translator | None = None
        self._tokenizer: Tokenizer | None = None
        self._model_key: str | None = None
        self._lock = threading.Lock()

    # --- model ----------------------------------------------------------------------

    @property
    def loaded(self) -> bool:
        return self._translator is not None

    def load(self) -> None:
        """Load tokenizer and model now (otherwise the first ``translate`` does it)."""
        with self._lock:
            if self._translator is not None:
                return
            import ctranslate2

            package = self.package
            # Never load a model in this process that a child has not loaded and run first:
            # a damaged one can kill the process (SIGFPE, SIGSEGV) instead of raising.
            require_sound_model(package, self.verdicts_file)
            try:
                tokenizer = open_tokenizer(package.path, package.from_code, package.to_code)
                translator = ctranslate2.Translator(
                    str(package.model_dir),
                    device="cpu",
                    compute_type="auto",
                    inter_threads=self.parallel_batches,
                    intra_threads=self.threads_per_batch,
                )
            except (OSError, RuntimeError, ValueError) as error:
                raise ModelLoadFailed(package.path, str(error)) from error
            self._tokenizer = tokenizer
            self._translator = translator

    def close(self) -> None:
        """Free the model's memory."""
        with self._lock:
            self._translator = None
            self._tokenizer = None

    def alternatives(self, source: str, count: int) -> list[CachedTranslation]:
        """Up to ``count`` distinct n-best translations of ``source``, best first."""
        from reader.core.translation.alternatives import n_best

        self.load()
        assert self._translator is not None and self._tokenizer is not None
        prefix = self.package.target_prefix
        return n_best(self._translator, self._tokenizer, prefix, source, count)

    @property
    def model_key(self) -> str:
        """The model's identity for the cache: code, version and a digest of the weights."""
        if self._model_key is None:
            package = self.package
            weights = package.model_dir / "model.bin"
            try:
                digest = file_digest(weights, self.cache)
            except OSError as error:
                raise ModelLoadFailed(package.path, str(error)) from error
            self._model_key = f"{package.code}@{package.package_version}#{digest}"
        return self._model_key

    @property
    def settings_key(self) -> str:
        """The decoding settings that change results (part of the cache key)."""
        return self.settings_key_for(self.beam_size)

    def settings_key_for(self, beam_size: int) -> str:
        return f"beam={beam_size};lp={LENGTH_PENALTY};prefix={self.package.target_prefix}"

    # --- translating ----------------------------------------------------------------

    def translate(
        self,
        sentences: Sequence[tuple[int, str]],
        *,
        on_batch: BatchCallback | None = None,
        cancel: CancelToken | None = None,
        align: bool = True,
        beam_size: int | None = None,
        by_length: bool = False,
    ) -> list[Translation]:
        """Translate ``(sentence id, German)`` pairs; return Translations in the given order.

        ``by_length``: one pass over all sentences sorted by length (least padding: fastest
        for a whole document, as on the command line), batches then arrive out of order;
        otherwise batches follow the given order, starting small (visible text first).
        ``beam_size`` overrides the engine's for this call (the model stays loaded). Cached
        and empty sentences are delivered first, in one ``on_batch`` call, without
        touching the model; the rest follow batch by batch in the given order. With a cache,
        alignments are always computed (so stored entries are complete).
        """
        results: list[Translation | None] = [None] * len(sentences)
        done: list[Translation] = []
        ready: list[Translation] = []
        missing: dict[str, list[int]] = {}
        beam = self.beam_size if beam_size is None else max(1, int(beam_size))
        settings = self.settings_key_for(beam)
        cached = self._cached({text for _id, text in sentences if text.strip()}, settings)
        for position, (sentence_id, text) in enumerate(sentences):
            hit = cached.get(text)
            if not text.strip() or hit is not None:
                translation = Translation(
                    sentence_id,
                    text,
                    hit.text if hit else "",
                    hit.score if hit else 0.0,
                    hit.alignment if hit else (),
                )
                results[position] = translation
                ready.append(translation)
            else:
                missing.setdefault(text, []).append(position)
        if ready:
            done.extend(ready)
            if on_batch is not None:
                on_batch(ready)
        if missing:
            self._translate_missing(
                sentences,
                missing,
                results,
                done,
                on_batch,
                cancel,
                align or self.cache is not None,
                (beam, settings),
                by_length,
            )
        return [translation for translation in results if translation is not None]

    def _cached(self, sources: set[str], settings: str) -> dict[str, CachedTranslation]:
        if self.cache is None or not sources:
            return {}
        return self.cache.get_many(self.model_key, settings, sources)

    def _translate_missing(
        self,
        sentences: Sequence[tuple[int, str]],
        missing: dict[str, list[int]],
        results: list[Translation | None],
        done: list[Translation],
        on_batch: BatchCallback | None,
        cancel: CancelToken | None,
        align: bool,
        decoding: tuple[int, str],
        by_length: bool = False,
    ) -> None:
        beam, settings = decoding
        if cancel is not None and cancel.cancelled:
            raise TranslationCancelled(list(done))
        self.load()
        tokenizer = self._tokenizer
        assert tokenizer is not None
        pending = []
        for source in missing:
            if align:
                pieces, spans = tokenizer.encode_with_spans(source)
            else:
                pieces, spans = tokenizer.encode(source), []
            if pieces:
                pending.append(Pending(source, pieces, spans))
            else:  # nothing the tokenizer can see (e.g. only zero-width characters)
                placed = self._place(sentences, missing, results, source, _EMPTY)
                done.extend(placed)
                if on_batch is not None:
                    on_batch(placed)
        if by_length:
            pending.sort(key=lambda item: len(item.pieces))
        lengths = [len(p.pieces) for p in pending]
        first = self.first_batch_tokens
        if by_length:  # one sub-batch a call, two per decoder queued: none waits for another
            batches = plan_sorted_pass(lengths, self.parallel_batches, self.budget)
            self.model_calls += len(batches)  # (fewer when cancelled)
            calls = queued_calls(
                self._translator,
                tokenizer,
                self.package,
                batches_until(pending, batches, cancel),
                beam=beam,
                align=align,
                budget=self.budget,
                in_flight=2 * self.parallel_batches,
                cancel=cancel,
            )
        elif self.calls_in_flight > 1:  # small calls, sorted after the first screen
            batches = plan_streaming(
                lengths,
                call_tokens=self.batch_tokens,
                call_sentences=self.budget.sentences,
                first_tokens=first,
            )
            calls = self._stream([[pending[i] for i in b] for b in batches], align, beam, cancel)
        else:
            batches = plan_batches(lengths, max_tokens=self.batch_tokens, first_tokens=first)
            calls = (
                (items, self._decode(items, align, beam))
                for items in batches_until(pending, batches, cancel)
            )
        for items, outputs in calls:
            finished: list[Translation] = []
            for item, output in zip(items, outputs, strict=True):
                finished.extend(self._place(sentences, missing, results, item.source, output))
            if self.cache is not None:
                self.cache.put_many(
                    self.model_key,
                    settings,
                    [(item.source, output) for item, output in zip(items, outputs, strict=True)],
                )
            done.extend(finished)
            if on_batch is not None:
                on_batch(finished)
        if cancel is not None and cancel.cancelled and len(done) < len(sentences):
            raise TranslationCancelled(list(done))

    def _stream(
        self, batches: list[list[Pending]], align: bool, beam: int, cancel: CancelToken | None
    ) -> Iterator[tuple[list[Pending], list[CachedTranslation]]]:
        """Batches in order, with up to ``calls_in_flight`` calls queued in the model at
        once, each whole on one decoder after the first screen (whose calls every decoder
        shares, for a quick first English): the decoders never wait for this thread's
        detokenizing, aligning and storing, nor for the slowest decoder of a call, while a
        cancel still waits only for the calls already queued."""
        translator, tokenizer = self._translator, self._tokenizer
        assert translator is not None and tokenizer is not None
        queued: deque[ModelCall] = deque()
        upcoming = iter(batches)
        screen = 0  # tokens sent so far: the first SCREEN_TOKENS are the first screen
        while True:
            while len(queued) < self.calls_in_flight and not is_cancelled(cancel):
                items = next(upcoming, None)
                if items is None:
                    break
                tokens = call_tokens(items)
                parts = self.parallel_batches if screen < SCREEN_TOKENS else 1  # screen: shared
                screen += tokens
                self.model_calls += 1
                queued.append(
                    submit(
                        translator,
                        self.package,
                        items,
                        beam=beam,
                        align=align,
                        max_batch_tokens=ModelCall.sub_batch(items, parts, self.batch_tokens),
                        asynchronous=True,
                    )
                )
            if not queued:
                return
            call = queued.popleft()
            yield call.items, collect(call, tokenizer, self.package)

    @staticmethod
    def _place(
        sentences: Sequence[tuple[int, str]],
        missing: dict[str, list[int]],
        results: list[Translation | None],
        source: str,
        output: CachedTranslation,
    ) -> list[Translation]:
        """Fill in every occurrence of ``source``; return the new Translations."""
        placed = []
        for position in missing[source]:
            translation = Translation(
                sentences[position][0], source, output.text, output.score, output.alignment
            )
            results[position] = translation
            placed.append(translation)
        return placed

    def _decode(self, items: list[Pending], align: bool, beam: int) -> list[CachedTranslation]:
        """One ``translate_batch`` call for ``items``, waited for (``model_calls.py``)."""
        translator, tokenizer = self._translator, self._tokenizer
        assert translator is not None and tokenizer is not None
        self.model_calls += 1
        parts, budget = self.parallel_batches, self.budget
        call = submit_shaped(
            translator, self.package, items, beam=beam, align=align, parts=parts, budget=budget
        )
        return collect(call, tokenizer, self.package)
