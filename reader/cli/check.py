"""``reader check FILE``: what the English of each sentence lost or changed.

``FILE`` ending in ``.tsv`` is read as pairs, one ``German<TAB>English`` a line (or the
``id``, German, English columns ``reader export --to tsv`` writes); problems are reported
by 1-based ``line``. Any other file is a document: it is translated first (as ``reader
translate`` does) and problems are reported by sentence ``id``; where the reader wrote or
chose their own English in the window, theirs is checked (``--machine-only``: the
model's). ``--format jsonl`` (default) prints one ``{"line"|"id", "kind", "de", "en",
"message"}`` object a problem; ``txt`` one line a problem. Exit status: 0 nothing
flagged, 1 something flagged, 2 error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from reader.cli.common import add_decoding_options, add_edits_option, user_edits
from reader.cli.findings import finding_record, message
from reader.cli.glossary import user_glossary
from reader.core.checks.document import SpanFinder, check_pairs
from reader.core.checks.glossary import GlossaryError, load_glossary
from reader.core.checks.model import Finding
from reader.core.checks.pairs_file import PairsFileError, read_pairs_file
from reader.core.errors import ReaderError

_REASONS = {
    "missing": "no such file",
    "unreadable": "could not be read",
    "too_large": "file too large",
    "binary": "binary file, not text",
    "no_tab": "no tab between the German and the English",
    "too_long": "line too long",
}


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """Add the ``check`` command."""
    parser = subparsers.add_parser(
        "check",
        help="flag numbers, currencies, dates and names the English lost or changed",
        description="Check German/English sentence pairs: numbers, currencies, dates and "
        "times, and names of the German that the English lost or changed. FILE.tsv holds "
        "pairs (German<TAB>English, or what 'reader export --to tsv' writes); any other "
        "file is translated first. Exit status 0: nothing flagged, 1: something flagged, "
        "2: error.",
    )
    parser.add_argument("file", help="pairs (.tsv) or a Markdown, text or HTML document")
    parser.add_argument(
        "--format",
        choices=("jsonl", "txt"),
        default="jsonl",
        help='jsonl (default): {"line" or "id", "kind", "de", "en", "message"} per problem; '
        "txt: one line per problem",
    )
    parser.add_argument("--no-names", action="store_true", help="do not check names (faster)")
    parser.add_argument(
        "--glossary",
        metavar="CSV",
        help="check the terms of this glossary (german,english) instead of yours "
        "('reader glossary')",
    )
    add_edits_option(parser)
    add_decoding_options(parser)
    parser.set_defaults(handler=run)
    return parser


def describe_pairs_error(error: PairsFileError) -> str:
    """One line for a pairs file that cannot be read."""
    where = f"{error.path}, line {error.line}" if error.line else str(error.path)
    reason = _REASONS.get(error.reason, error.reason)
    return f"{where}: {reason}" + (f" ({error.detail})" if error.detail else "")


def name_finder() -> SpanFinder | None:
    """The shipped name recognizer, or None (with a note) when it cannot be loaded."""
    from reader.core.entities.recognizer import EntityRecognizer, NerModelUnavailable

    recognizer = EntityRecognizer()
    try:
        recognizer.load()
    except NerModelUnavailable as error:
        print(f"reader: names not checked ({error})", file=sys.stderr)
        return None
    return recognizer


def run(args: argparse.Namespace) -> int:
    """Check pairs or a document; print the problems."""
    path = Path(args.file)
    try:
        if path.suffix.lower() == ".tsv":
            lines = read_pairs_file(path)
            keys: list[tuple[str, int]] = [("line", p.line) for p in lines]
            pairs = [(p.german, p.english) for p in lines]
        else:
            keys, pairs = _translated(path, args)
        glossary = load_glossary(Path(args.glossary)) if args.glossary else user_glossary()
    except PairsFileError as error:
        print(f"reader: {describe_pairs_error(error)}", file=sys.stderr)
        return 2
    except GlossaryError as error:
        where = f"{error.path}, line {error.line}" if error.line else str(error.path)
        print(f"reader: {where}: {error.reason}", file=sys.stderr)
        return 2
    except ReaderError as error:
        from reader.cli.messages import describe

        print(f"reader: {describe(error)}", file=sys.stderr)
        return 2
    finder = None if args.no_names else name_finder()
    found = check_pairs(pairs, finder, glossary)
    write_findings(keys, found, args.format, sys.stdout)
    return 1 if any(found) else 0


def _translated(
    path: Path, args: argparse.Namespace
) -> tuple[list[tuple[str, int]], list[tuple[str, str]]]:
    from reader.core.document.loading import load_document
    from reader.core.document.segmentation import segment_document
    from reader.core.packages.store import require_translation_package
    from reader.core.paths import resolve_paths
    from reader.core.translation.session import TranslationSession

    document = load_document(path)
    sentences = [(s.id, s.text) for s in segment_document(document)]
    paths = resolve_paths()
    package = require_translation_package(paths)
    cache_path = None if args.no_cache else paths.translation_cache
    with TranslationSession.open(package, cache_path, threads=args.threads) as session:
        done = session.translate(sentences, beam_size=args.beam, align=False, by_length=True)
    edits = {} if args.machine_only else user_edits(path)
    english = {t.sentence_id: edits.get(t.source, t.text) for t in done}
    keys = [("id", sentence_id) for sentence_id, _text in sentences]
    return keys, [(text, english.get(sentence_id, "")) for sentence_id, text in sentences]


def write_findings(
    keys: Sequence[tuple[str, int]],
    found: Sequence[Sequence[Finding]],
    output_format: str,
    out: TextIO,
) -> None:
    """Print each finding, keyed by line or sentence id."""
    for (key, value), findings in zip(keys, found, strict=True):
        for finding in findings:
            if output_format == "jsonl":
                record: dict[str, object] = {key: value, **finding_record(finding)}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                out.write(f"{key} {value}: {finding.kind.value}: {message(finding)}\n")
    out.flush()
