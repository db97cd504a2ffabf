"""``reader translate FILE``: German sentences and their English, in document order.

``--format jsonl`` (default): one ``{"id", "de", "en", "score"}`` object a line; ``tsv``:
``id<TAB>de<TAB>en``; ``txt``: the German line, the English line, a blank line. Lines are
printed as soon as they and everything before them are translated. Uses the installed de→en
package and the translation cache; no Qt. A sentence the reader wrote or chose their own
English for in the window is printed with theirs (``--machine-only``: the model's).
``--check`` adds what the English lost or changed (see ``reader check``): a ``checks`` list
in jsonl, a fourth column in tsv, ``! `` lines in txt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeAlias

from reader.cli.common import add_decoding_options, add_edits_option, user_edits
from reader.cli.pair_output import write_pair
from reader.core.document.model import Translation

if TYPE_CHECKING:
    from reader.core.checks.model import Finding

Checker: TypeAlias = "Callable[[Sequence[Translation]], list[list[Finding]]]"


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """Add the ``translate`` command."""
    parser = subparsers.add_parser(
        "translate",
        help="translate a document sentence by sentence",
        description="Translate a German document into English offline, sentence by "
        "sentence, with the installed Argos de→en model.",
    )
    parser.add_argument(
        "file", nargs="+", help="Markdown, text or HTML file; several files or folders with -o"
    )
    parser.add_argument(
        "-o",
        "--output-dir",
        metavar="OUTDIR",
        help="translate many documents with one loaded model: one file per document in "
        "OUTDIR, a progress bar, broken files skipped (exit status: how many failed)",
    )
    parser.add_argument(
        "--format",
        choices=("jsonl", "tsv", "txt"),
        default="jsonl",
        help="jsonl (default): {id, de, en, score} per line; tsv: id, German, English; "
        "txt: German line, English line, blank line",
    )
    parser.add_argument(
        "--to",
        choices=("md", "html", "tsv", "tmx", "epub"),
        help="with -o: write each document as this bilingual export (as 'reader export' "
        "does, without names marked) instead of sentence pairs in --format",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="flag numbers, currencies, dates and names the English lost or changed",
    )
    add_edits_option(parser)
    add_decoding_options(parser)
    parser.set_defaults(handler=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Load, segment, translate and print the document (or many, with ``-o``)."""
    if args.output_dir is not None:
        from reader.cli.batch import run_many

        return run_many(args)
    if args.to is not None:
        print("reader: --to needs -o OUTDIR (for one file, see 'reader export')", file=sys.stderr)
        return 2
    if len(args.file) > 1:
        print("reader: give -o OUTDIR to translate several documents", file=sys.stderr)
        return 2
    from reader.cli.common import load_document_for_command
    from reader.core.document.segmentation import segment_document
    from reader.core.packages.store import require_translation_package
    from reader.core.paths import resolve_paths
    from reader.core.translation.session import TranslationSession

    document = load_document_for_command(Path(args.file[0]))
    edits = {} if args.machine_only else user_edits(Path(args.file[0]))
    paths = resolve_paths()
    package = require_translation_package(paths)
    sentences = [(s.id, s.text) for s in segment_document(document)]
    cache_path = None if args.no_cache else paths.translation_cache
    with TranslationSession.open(package, cache_path, threads=args.threads) as session:
        order = [sentence_id for sentence_id, _text in sentences]
        printer = InOrderPrinter(order, args.format, checker=_checker() if args.check else None)
        # One pass sorted by length is fastest for a whole document; the printer restores
        # document order.
        # The reader's own English (from the window) is printed, and checked, in place of
        # the model's.
        session.translate(
            sentences,
            beam_size=args.beam,
            on_batch=_with_edits(printer.take, edits),
            align=False,
            by_length=True,
        )
        printer.flush()
    return 0


def _with_edits(
    take: Callable[[list[Translation]], None], edits: dict[str, str]
) -> Callable[[list[Translation]], None]:
    """``take`` given the reader's own English in place of the model's (as is, when the
    document has no edits: the edit store's module is then never imported)."""
    if not edits:
        return take
    from reader.core.edits.store import edited

    return lambda batch: take([edited(t, edits) for t in batch])


def _checker() -> Checker:
    from reader.cli.check import name_finder
    from reader.cli.glossary import user_glossary
    from reader.core.checks.document import check_pairs

    finder = name_finder()
    glossary = user_glossary()

    def check(batch: Sequence[Translation]) -> list[list[Finding]]:
        return check_pairs([(t.source, t.text) for t in batch], finder, glossary)

    return check


class InOrderPrinter:
    """Prints translations in document order as soon as all earlier ones are known."""

    def __init__(
        self,
        order: list[int],
        output_format: str,
        out: TextIO | None = None,
        checker: Checker | None = None,
    ) -> None:
        self.order = order
        self.output_format = output_format
        self.out = out if out is not None else sys.stdout
        self.checker = checker
        self.waiting: dict[int, tuple[Translation, list[Finding] | None]] = {}
        self.next = 0

    def take(self, batch: list[Translation]) -> None:
        checked = self.checker(batch) if self.checker and batch else [None] * len(batch)
        for translation, findings in zip(batch, checked, strict=True):
            self.waiting[translation.sentence_id] = (translation, findings)
        while self.next < len(self.order) and self.order[self.next] in self.waiting:
            translation, findings = self.waiting.pop(self.order[self.next])
            write_pair(translation, self.output_format, self.out, findings)
            self.next += 1
        self.out.flush()

    def flush(self) -> None:
        self.take([])
