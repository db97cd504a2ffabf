"""``reader translate FILE``: German sentences and their English, in document order.

``--format jsonl`` (default): one ``{"id", "de", "en", "score"}`` object a line; ``tsv``:
``id<TAB>de<TAB>en``; ``txt``: the German line, the English line, a blank line. Lines are
printed as soon as they and everything before them are translated. Uses the installed de→en
package and the translation cache; no Qt.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import TextIO

from reader.cli.common import add_decoding_options
from reader.core.document.model import Translation

_LINE_BREAKS = re.compile(r"\s*[\t\r\n\v\f\x1c-\x1e\x85\u2028\u2029]\s*")


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
    parser.add_argument("file", help="Markdown, text or HTML file")
    parser.add_argument(
        "--format",
        choices=("jsonl", "tsv", "txt"),
        default="jsonl",
        help="jsonl (default): {id, de, en, score} per line; tsv: id, German, English; "
        "txt: German line, English line, blank line",
    )
    add_decoding_options(parser)
    parser.set_defaults(handler=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Load, segment, translate and print the document."""
    from reader.cli.common import load_document_for_command
    from reader.core.document.segmentation import segment_document
    from reader.core.packages.store import require_translation_package
    from reader.core.paths import resolve_paths
    from reader.core.translation.session import TranslationSession

    document = load_document_for_command(Path(args.file))
    paths = resolve_paths()
    package = require_translation_package(paths)
    sentences = [(s.id, s.text) for s in segment_document(document)]
    cache_path = None if args.no_cache else paths.translation_cache
    with TranslationSession.open(package, cache_path) as session:
        printer = InOrderPrinter([sentence_id for sentence_id, _text in sentences], args.format)
        session.translate(sentences, beam_size=args.beam, on_batch=printer.take, align=False)
        printer.flush()
    return 0


class InOrderPrinter:
    """Prints translations in document order as soon as all earlier ones are known."""

    def __init__(self, order: list[int], output_format: str, out: TextIO | None = None) -> None:
        self.order = order
        self.output_format = output_format
        self.out = out if out is not None else sys.stdout
        self.waiting: dict[int, Translation] = {}
        self.next = 0

    def take(self, batch: list[Translation]) -> None:
        for translation in batch:
            self.waiting[translation.sentence_id] = translation
        while self.next < len(self.order) and self.order[self.next] in self.waiting:
            write_pair(self.waiting.pop(self.order[self.next]), self.output_format, self.out)
            self.next += 1
        self.out.flush()

    def flush(self) -> None:
        self.take([])


def write_pair(translation: Translation, output_format: str, out: TextIO) -> None:
    """Write one German/English pair in the chosen format."""
    german, english = translation.source, translation.text
    if output_format == "jsonl":
        record = {
            "id": translation.sentence_id,
            "de": german,
            "en": english,
            "score": round(translation.score, 4) + 0.0,  # no "-0.0"
        }
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif output_format == "tsv":
        out.write(f"{translation.sentence_id}\t{_one_line(german)}\t{_one_line(english)}\n")
    else:
        out.write(f"{_one_line(german)}\n{_one_line(english)}\n\n")


def _one_line(text: str) -> str:
    return _LINE_BREAKS.sub(" ", text).strip()
