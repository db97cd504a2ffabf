"""Headless commands: ``reader sentences|translate|models|entities|export …``.

Each command lives in its own module with ``register(subparsers)``; none imports Qt.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
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
    "glossary": "reader.cli.glossary",
}


def beam_argument(text: str) -> int:
    """``--beam``'s value, checked against the beams the settings accept too."""
    from reader.cli.messages import describe
    from reader.core.errors import InvalidBeamSize
    from reader.core.translation.decoding import check_beam_size

    try:
        return check_beam_size(text)
    except InvalidBeamSize as error:
        raise argparse.ArgumentTypeError(describe(error)) from None


def add_decoding_options(parser: argparse.ArgumentParser) -> None:
    """``--beam`` and ``--no-cache``, for every command that translates."""
    from reader.core.translation.decoding import BEAM_SIZES, DEFAULT_BEAM_SIZE

    others = " or ".join(str(beam) for beam in BEAM_SIZES if beam != DEFAULT_BEAM_SIZE)
    parser.add_argument(
        "--beam",
        type=beam_argument,
        default=DEFAULT_BEAM_SIZE,
        metavar="N",
        help=f"beam size: {DEFAULT_BEAM_SIZE} (default) decodes as Argos does, {others} is "
        "faster; the settings accept the same",
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="neither read nor write the translation cache"
    )


def build_parser() -> argparse.ArgumentParser:
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
    start_logging(verbose=args.verbose)
    try:
        return int(args.handler(args) or 0)
    except ReaderError as error:
        from reader.cli.messages import describe

        print(f"reader: {describe(error)}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
