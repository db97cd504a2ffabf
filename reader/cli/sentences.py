"""``reader sentences FILE``: the sentences of a German document, as the reader splits them.

``--format jsonl`` (default) prints one JSON object a line, ``{"block", "start", "end",
"text"}`` with offsets into the block's text; ``--format txt`` prints one sentence a line.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import TextIO

from reader.core.document.model import Document
from reader.core.document.segmentation import segment_document

_LINE_BREAKS = re.compile(r"\s*[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]\s*")


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """Add the ``sentences`` command."""
    parser = subparsers.add_parser(
        "sentences",
        help="print the sentences of a document",
        description="Split a German document into sentences, the way the reader links them "
        "to their translations.",
    )
    parser.add_argument("file", help="Markdown, text or HTML file")
    parser.add_argument(
        "--format",
        choices=("jsonl", "txt"),
        default="jsonl",
        help="jsonl (default): one JSON object per sentence with its block and offsets; "
        "txt: one sentence per line",
    )
    parser.set_defaults(handler=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Load the file and print its sentences."""
    from reader.cli.common import load_document_for_command

    document = load_document_for_command(Path(args.file))
    write_sentences(document, args.format, sys.stdout)
    return 0


def write_sentences(document: Document, output_format: str, out: TextIO) -> None:
    """Write every sentence of ``document`` to ``out`` as jsonl or one per line."""
    for sentence in segment_document(document):
        if output_format == "txt":
            # One sentence, one line: line breaks inside a sentence become spaces.
            out.write(_LINE_BREAKS.sub(" ", sentence.text) + "\n")
        else:
            record = {
                "block": sentence.block,
                "start": sentence.start,
                "end": sentence.end,
                "text": sentence.text,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
