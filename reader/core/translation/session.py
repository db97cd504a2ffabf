"""One translation session: the engine and the cache for one package, the beam per call.

Every caller that translates (the CLI commands, the GUI's translation thread) does the same
steps: open the cache, make an engine for the package, translate, keep the cache under its
cap, close. The session does them once. The engine is made on first use and kept for the
session's life; the beam size is chosen per ``translate`` call, so switching between
Accurate and Fast never reloads the model.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Protocol, runtime_checkable

from reader.core.cancel import CancelToken
from reader.core.document.model import Translation
from reader.core.packages.store import InstalledPackage
from reader.core.translation.batching import DEFAULT_BATCH_TOKENS
from reader.core.translation.cache import CachedTranslation, TranslationCache
from reader.core.translation.decoding import DEFAULT_BEAM_SIZE
from reader.core.translation.engine import TranslationEngine
from reader.core.translation.threads import SENTENCES_IN_FLIGHT

log = logging.getLogger(__name__)

BatchCallback = Callable[[list[Translation]], None]


class Engine(Protocol):
    """What a session needs of an engine (``TranslationEngine``, or a fake in tests)."""

    def translate(
        self,
        sentences: Sequence[tuple[int, str]],
        *,
        on_batch: BatchCallback | None = None,
        cancel: CancelToken | None = None,
        align: bool = True,
        beam_size: int | None = None,
        by_length: bool = False,
    ) -> list[Translation]: ...

    def close(self) -> None: ...


@runtime_checkable
class AlternativesEngine(Protocol):
    """An engine that can also give a sentence's n-best translations."""

    def alternatives(self, source: str, count: int) -> list[CachedTranslation]: ...


EngineFactory = Callable[[InstalledPackage], Engine]


class TranslationSession:
    """Translates with one installed package; open, translate (any beam), close.

    ``cache`` is used but not closed by the session unless ``owns_cache`` (``open`` opens
    one it owns). ``engine_factory`` replaces the real engine (tests). ``batch_tokens`` caps
    each model call after the first small ones (None: the engine's default);
    ``calls_in_flight`` calls are queued in the model at once when translating in order;
    ``sentences_in_flight`` bounds the sentences decoded at once.
    """

    def __init__(
        self,
        package: InstalledPackage,
        *,
        cache: TranslationCache | None = None,
        owns_cache: bool = False,
        engine_factory: EngineFactory | None = None,
        threads: int | None = None,
        batch_tokens: int | None = None,
        calls_in_flight: int = 1,
        sentences_in_flight: int = SENTENCES_IN_FLIGHT,
    ) -> None:
        self.package = package
        self._batch_tokens = batch_tokens  # None: the engine's default (the command line's)
        self._calls_in_flight = calls_in_flight
        self._sentences_in_flight = sentences_in_flight
        self.cache = cache
        self._owns_cache = owns_cache
        self._factory = engine_factory
        self._threads = threads
        self._engine: Engine | None = None
        self._translated = False

    @classmethod
    def open(
        cls, package: InstalledPackage, cache_path: Path | None, *, threads: int | None = None
    ) -> TranslationSession:
        """A session with its own cache at ``cache_path`` (None: translate without one)."""
        cache = None
        if cache_path is not None:  # the cache makes its folder; a failure means no cache
            cache = TranslationCache(cache_path)
        return cls(package, cache=cache, owns_cache=cache is not None, threads=threads)

    @property
    def engine(self) -> Engine:
        """The engine, made on first use (the model itself loads on the first miss)."""
        if self._engine is None:
            if self._factory is not None:
                self._engine = self._factory(self.package)
            else:
                self._engine = TranslationEngine(
                    self.package,
                    threads=self._threads,
                    cache=self.cache,
                    batch_tokens=self._batch_tokens or DEFAULT_BATCH_TOKENS,
                    calls_in_flight=self._calls_in_flight,
                    sentences_in_flight=self._sentences_in_flight,
                )
        return self._engine

    def translate(
        self,
        sentences: Sequence[tuple[int, str]],
        *,
        beam_size: int = DEFAULT_BEAM_SIZE,
        on_batch: BatchCallback | None = None,
        cancel: CancelToken | None = None,
        align: bool = True,
        by_length: bool = False,
    ) -> list[Translation]:
        """Translate ``(sentence id, German)`` pairs with this beam; see ``TranslationEngine``."""
        engine = self.engine
        self._translated = True
        if by_length:  # fakes in tests need not know the option
            return engine.translate(
                sentences,
                on_batch=on_batch,
                cancel=cancel,
                align=align,
                beam_size=beam_size,
                by_length=True,
            )
        return engine.translate(
            sentences, on_batch=on_batch, cancel=cancel, align=align, beam_size=beam_size
        )

    def alternatives(self, source: str, count: int) -> list[CachedTranslation]:
        """Up to ``count`` distinct n-best translations of ``source`` (none from an engine
        that cannot give them)."""
        engine = self.engine
        if not isinstance(engine, AlternativesEngine):
            return []
        return engine.alternatives(source, count)

    def cached(
        self, sources: Iterable[str], *, beam_size: int = DEFAULT_BEAM_SIZE
    ) -> dict[str, CachedTranslation]:
        """What the cache already holds for these German sentences; never runs the model."""
        engine = self.engine
        if self.cache is None or not isinstance(engine, TranslationEngine):
            return {}
        return self.cache.get_many(engine.model_key, engine.settings_key_for(beam_size), sources)

    def prune(self) -> None:
        """Keep the cache under its cap (one query when under it, as it nearly always is);
        pruning a disposable cache is never worth failing the work for."""
        if self.cache is None:
            return
        try:
            self.cache.prune()
        except Exception:
            log.warning("pruning the translation cache failed", exc_info=True)

    def close(self) -> None:
        """Free the model; prune and close the cache if the session opened it."""
        engine, self._engine = self._engine, None
        if engine is not None:
            engine.close()
        if self._owns_cache and self.cache is not None:
            if self._translated:
                self.prune()
            try:
                self.cache.close()
            except Exception:  # closing a broken cache is not worth a crash
                log.debug("closing the translation cache failed", exc_info=True)
            self.cache = None

    def __enter__(self) -> TranslationSession:
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _error: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        self.close()
