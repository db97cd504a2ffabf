"""``reader translate FILE... | DIR -o OUTDIR``: many documents with one loaded model.

Every readable document is loaded and segmented first (so the progress bar knows the total),
then translated with one session, many documents together in one pass sorted by sentence
length (``groups``); each one's sentence pairs go to ``OUTDIR`` in the chosen ``--format``
as soon as its pass is done, or, with ``--to
md|html|tsv|tmx|epub``, the whole bilingual export of it (the one ``reader export`` writes,
without names marked). A file that cannot be read is
reported on standard error and skipped; the exit status is the number of documents that
failed. The cache makes an interrupted run resumable: done sentences are not translated
again.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.document.model import Document, Sentence, Translation

if TYPE_CHECKING:
    from rich.progress import Progress

EXTENSIONS = {"jsonl": ".jsonl", "tsv": ".tsv", "txt": ".txt"}
MAX_EXIT_STATUS = 125  # higher statuses mean "killed by a signal" to shells
# Documents go through the model together, in one pass sorted by sentence length, up to this
# many sentences a pass (which bounds what is held before writing): the parallel decoders
# then always get sentences of one length, whichever document they come from.
# benchmarks/many_documents_bench.py, 10 documents of 150-1,000 words (321 sentences), 2
# threads, real-shape model: 56.7 s together against 87.8 s one document after another
# (0.65x paired, the same English).
PASS_SENTENCES = 2000


@dataclass(frozen=True)
class Job:
    """One readable document: where it came from, where its output goes, its sentences."""

    source: Path
    target: Path
    document: Document
    segments: tuple[Sentence, ...]

    @property
    def sentences(self) -> list[tuple[int, str]]:
        """``(id, German)`` for every sentence, as the session takes them."""
        return [(s.id, s.text) for s in self.segments]


def collect(paths: Iterable[str]) -> list[tuple[Path, Path]]:
    """``(file, name under OUTDIR)`` for the given files and every supported file in the
    given folders (recursively, sorted; the folder's layout is kept under OUTDIR)."""
    from reader.core.document.loading import SUPPORTED_SUFFIXES

    found: list[tuple[Path, Path]] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found += [
                (file, file.relative_to(path))
                for file in sorted(path.rglob("*"))
                if file.is_file() and file.suffix.lower() in SUPPORTED_SUFFIXES
            ]
        else:
            found.append((path, Path(path.name)))
    return found


def run_many(args: argparse.Namespace) -> int:
    """Translate every document; return how many failed."""
    from reader.cli.messages import describe
    from reader.core.document.loading import load_document
    from reader.core.document.segmentation import segment_document
    from reader.core.errors import ReaderError
    from reader.core.packages.store import require_translation_package
    from reader.core.paths import resolve_paths
    from reader.core.translation.session import TranslationSession

    paths = resolve_paths()
    package = require_translation_package(paths)  # no model: one clear error, as for one file
    outdir = Path(args.output_dir)
    export_to: str | None = getattr(args, "to", None)
    suffix = f".{export_to}" if export_to else EXTENSIONS[args.format]
    failed = 0
    jobs: list[Job] = []
    used: set[Path] = set()
    for source, relative in collect(args.file):
        try:
            document = load_document(source)
        except ReaderError as error:
            failed += 1
            print(f"reader: skipped {source}: {describe(error)}", file=sys.stderr)
            continue
        target = _unique(outdir / relative.with_suffix(suffix), used)
        jobs.append(Job(source, target, document, tuple(segment_document(document))))
    cache_path = None if args.no_cache else paths.translation_cache
    total = sum(len(job.segments) for job in jobs)
    characters = sum(len(s.text) for job in jobs for s in job.segments)
    with (
        TranslationSession.open(package, cache_path, threads=args.threads) as session,
        ProgressBar(total, characters) as bar,
    ):
        for group in groups(jobs):
            try:
                done = session.translate(
                    together(group),
                    beam_size=args.beam,
                    on_batch=bar.advance,
                    align=False,
                    by_length=True,
                )
            except ReaderError as error:
                failed += len(group)
                for job in group:
                    print(f"reader: failed {job.source}: {describe(error)}", file=sys.stderr)
                continue
            for job, translations in zip(group, apart(group, done), strict=True):
                try:
                    if export_to:
                        _export(job, translations, export_to, package.code, package.package_version)
                    else:
                        _write(job, translations, args.format)
                except (ReaderError, OSError) as error:
                    failed += 1
                    text = describe(error) if isinstance(error, ReaderError) else str(error)
                    print(f"reader: failed {job.source}: {text}", file=sys.stderr)
    return min(failed, MAX_EXIT_STATUS)


def groups(jobs: list[Job], limit: int = PASS_SENTENCES) -> list[list[Job]]:
    """Consecutive documents in groups of about ``limit`` sentences (a longer document is a
    group of its own): each group is translated in one pass."""
    found: list[list[Job]] = []
    size = 0
    for job in jobs:
        if not found or size + len(job.segments) > limit:
            found.append([])
            size = 0
        found[-1].append(job)
        size += len(job.segments)
    return found


def together(group: list[Job]) -> list[tuple[int, str]]:
    """Every sentence of the group, numbered through (ids are only unique per document)."""
    return list(enumerate(text for job in group for _id, text in job.sentences))


def apart(group: list[Job], done: list[Translation]) -> list[list[Translation]]:
    """``done`` (in the order ``together`` gave) split by document, with their own ids."""
    parts: list[list[Translation]] = []
    start = 0
    for job in group:
        mine = done[start : start + len(job.segments)]
        parts.append(
            [replace(t, sentence_id=s.id) for t, s in zip(mine, job.segments, strict=True)]
        )
        start += len(job.segments)
    return parts


def _unique(target: Path, used: set[Path]) -> Path:
    """``target``, or ``name-2.ext``, ``name-3.ext``… when two inputs would share it."""
    candidate, number = target, 1
    while candidate in used:
        number += 1
        candidate = target.with_name(f"{target.stem}-{number}{target.suffix}")
    used.add(candidate)
    return candidate


def _write(job: Job, done: list[Translation], output_format: str) -> None:
    from reader.cli.pair_output import write_pair

    job.target.parent.mkdir(parents=True, exist_ok=True)
    partial = job.target.with_name(job.target.name + ".part")
    with partial.open("w", encoding="utf-8", newline="\n") as out:
        for translation in done:
            write_pair(translation, output_format, out)
    partial.replace(job.target)  # never a half-written file under the final name


def _export(
    job: Job, done: list[Translation], fmt: str, model_name: str, model_version: str
) -> None:
    """Write the document as one bilingual export (the format ``reader export`` writes)."""
    from reader.core.export.model import BilingualDocument

    bilingual = BilingualDocument(
        document=job.document,
        sentences=job.segments,
        translations={t.sentence_id: t for t in done},
        model_name=model_name,
        model_version=model_version,
    )
    job.target.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "epub":
        from reader.core.export.epub_book import write_epub

        write_epub(bilingual, job.target)
    else:
        from reader.core.export.formats import export_to_file

        export_to_file(bilingual, fmt, job.target)  # written atomically


class ProgressBar:
    """A progress bar on standard error (rich): sentences done, sentences/s, time left.

    Only on a terminal: piped or redirected, the run stays silent (no bar's last frame in a
    log) and rich is never imported (~50 ms of a short document's run). The bar and the time
    left go by the German's characters, not by sentences: the pass is sorted by length,
    shortest first, so a pace in sentences ran fast early and promised too little time.
    """

    def __init__(self, total: int, characters: int, *, shown: bool | None = None) -> None:
        if shown is None:
            shown = sys.stderr is not None and sys.stderr.isatty()
        self._progress: Progress | None = None
        self._sentences = 0
        if not shown:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            TextColumn("translating"),
            BarColumn(),
            TextColumn("{task.fields[sentences]}/{task.fields[sentences_total]}"),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]} sentences/s"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
        )
        self._task = self._progress.add_task(
            "translating", total=max(1, characters), sentences=0, sentences_total=total, rate="-"
        )

    def __enter__(self) -> ProgressBar:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()

    def advance(self, batch: Sequence[Translation]) -> None:
        """These sentences are done."""
        if self._progress is None:
            return
        self._sentences += len(batch)
        elapsed = self._progress.tasks[0].elapsed
        rate = f"{self._sentences / elapsed:.1f}" if elapsed else "-"
        self._progress.update(
            self._task,
            advance=sum(len(t.source) for t in batch),
            sentences=self._sentences,
            rate=rate,
        )
