"""Headless commands: ``reader sentences|translate|models|entities|export …``.

Each command lives in its own module with ``register(subparsers)``. None imports Qt, except
``export --to pdf``, which draws the PDF with QtGui (``reader.qtgui.pdf_export``; its help
says so).
"""

from __future__ import annotations

import argparse
import importlib
import os
from collections.abc import Sequence

from reader.cli.common import add_common_options, start_logging

# command name -> module under reader.cli that implements it
COMMANDS: dict[str, str] = {
    "sentences": "reader.cli.sentences",
    "entities": "reader.cli.entities",
    "models": "reader.cli.models",
    "translate": "reader.cli.translate",
    "export": "reader.cli.export",
    "check": "reader.cli.check",
    "vocabulary": "reader.cli.vocabulary",
    "glossary": "reader.cli.glossary",
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The commands' parser; with ``command`` (a name in ``COMMANDS``) only that command's,
    so that running one command never imports the others (``reader check`` alone pulls in
    ~0.2 s of name tables and fuzzy matching)."""
    parser = argparse.ArgumentParser(prog="reader")
    subparsers = parser.add_subparsers(dest="command", required=True)
    names = [command] if command in COMMANDS else list(COMMANDS)
    for name in names:
        module = importlib.import_module(COMMANDS[name])
        sub = module.register(subparsers)
        add_common_options(sub)
    return parser


def run_command(argv: Sequence[str]) -> int:
    """Run one headless command; errors become one line on stderr and exit code 1."""
    from reader.core.errors import ReaderError

    argv = list(argv)
    args = build_parser(argv[0] if argv else None).parse_args(argv)
    if args.data_dir:
        os.environ["READER_DATA_DIR"] = args.data_dir
    start_logging(verbose=args.verbose)
    try:
        return int(args.handler(args) or 0)
    except ReaderError as error:
        from reader.cli.messages import complain, describe

        complain(describe(error))
        return 1
    except BrokenPipeError:
        return 0
