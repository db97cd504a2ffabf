"""Headless commands: ``reader sentences|translate|models|entities|export …``.

Each command lives in its own module with ``register(subparsers)``; none imports Qt.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

# command name -> module under reader.cli that implements it
COMMANDS: dict[str, str] = {
    "sentences": "reader.cli.sentences",
    "entities": "reader.cli.entities",
    "models": "reader.cli.models",
    "translate": "reader.cli.translate",
    "export": "reader.cli.export",
}


def add_decoding_options(parser: argparse.ArgumentParser) -> None:
    """``--beam`` and ``--no-cache``, for every command that translates."""
    parser.add_argument(
        "--beam",
        type=int,
        choices=(1, 2, 4),
        default=4,
        help="beam size: 4 (default) decodes as Argos does, 1 or 2 is faster",
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="neither read nor write the translation cache"
    )


def build_parser() -> argparse.ArgumentParser:
    from reader.app import add_common_options

    parser = argparse.ArgumentParser(prog="reader")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for module_name in COMMANDS.values():
        module = importlib.import_module(module_name)
        sub = module.register(subparsers)
        add_common_options(sub)
    return parser


def run_command(argv: Sequence[str]) -> int:
    """Run one headless command; errors become one line on stderr and exit code 1."""
    from reader.core.errors import ReaderError

    args = build_parser().parse_args(list(argv))
    if args.data_dir:
        os.environ["READER_DATA_DIR"] = args.data_dir
    from reader.app import start_logging

    start_logging(verbose=args.verbose)
    try:
        return int(args.handler(args) or 0)
    except ReaderError as error:
        from reader.cli.messages import describe

        print(f"reader: {describe(error)}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
