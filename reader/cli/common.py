"""What every entry point shares, the GUI's and the commands': common options, logging;
and the decoding options of the commands that translate.

Lives under ``reader.cli`` so that ``reader.app`` imports the commands and this module, and
nothing here imports ``reader.app`` back.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.document.model import Document


def add_common_options(parser: argparse.ArgumentParser) -> None:
    """Options every entry point understands."""
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="keep settings, caches and models in DIR (also READER_DATA_DIR)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")


def start_logging(*, verbose: bool) -> None:
    from reader.core.logs import configure_logging
    from reader.core.paths import resolve_paths

    configure_logging(resolve_paths().logs, verbose=verbose)


def beam_argument(text: str) -> int:
    """``--beam``'s value, checked against the beams the settings accept too."""
    from reader.cli.messages import describe
    from reader.core.errors import InvalidBeamSize
    from reader.core.translation.decoding import check_beam_size

    try:
        return check_beam_size(text)
    except InvalidBeamSize as error:
        raise argparse.ArgumentTypeError(describe(error)) from None


def threads_argument(text: str) -> int:
    """``--threads``' value: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def add_decoding_options(parser: argparse.ArgumentParser) -> None:
    """``--beam``, ``--threads`` and ``--no-cache``, for every command that translates."""
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
        "--threads",
        type=threads_argument,
        default=None,
        metavar="N",
        help="CPU threads for translating (default: every core)",
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="neither read nor write the translation cache"
    )


def load_document_for_command(path: Path) -> Document:
    """Load a document for a command, saying on stderr how many bad bytes were replaced."""
    from reader.cli.messages import complain
    from reader.core.document.loading import load_document

    document = load_document(path)
    if document.replaced_bytes:
        count = document.replaced_bytes
        complain(
            f"{path}: {count} invalid byte{'s' if count != 1 else ''} "
            f"({document.encoding}) shown as \ufffd"
        )
    return document


def add_edits_option(parser: argparse.ArgumentParser) -> None:
    """``--machine-only``, for every command that shows a document's English."""
    parser.add_argument(
        "--machine-only",
        action="store_true",
        help="the model's English only, without the English you wrote or chose in the window",
    )


def user_edits(path: Path) -> dict[str, str]:
    """The English the reader wrote or chose in the window for the document at ``path``, by
    German sentence; none, said on standard error, when the edits file cannot be read."""
    from reader.core.paths import resolve_paths

    store_path = resolve_paths().edits
    if not store_path.exists():
        return {}  # nothing edited yet (and the store's module is never imported)
    from reader.cli.messages import complain
    from reader.core.edits.store import EditStore, EditStoreError, document_key

    try:
        return EditStore(store_path).load(document_key(path))
    except EditStoreError as error:
        complain(f"your own English is left out: {error}")
        return {}
