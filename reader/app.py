"""Bootstrap: parse the command line, resolve paths, then run a headless command or the GUI.

Headless commands (``reader sentences FILE`` …) never import Qt widgets. The GUI path imports
only what the first paint needs; engines load later in a worker.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from reader import __version__
from reader.cli import COMMANDS, run_command
from reader.cli.common import add_common_options, start_logging


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Offline bilingual reader for German texts: the German original beside "
        "an English translation made on this machine.",
        epilog="Commands (run 'reader COMMAND --help'): " + ", ".join(sorted(COMMANDS)),
    )
    parser.add_argument("file", nargs="?", help="Markdown, text or HTML file to open")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    add_common_options(parser)
    parser.add_argument("--self-test", action="store_true", help="check the installation and exit")
    parser.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="add the reader to this user's application menu and file associations, then exit",
    )
    return parser


def prepare_environment() -> None:
    """Settings that must be in place before any third-party import."""
    # onnxruntime (never imported by us) would otherwise write a device id under ~/.cache.
    os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")


def main(argv: Sequence[str] | None = None) -> int:
    # The package installer checks models in a child process; a frozen bundle needs this
    # before anything else so that the child runs the check instead of a second reader.
    # Outside a bundle it does nothing, and importing multiprocessing costs every command.
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()
    args_list = list(sys.argv[1:] if argv is None else argv)
    prepare_environment()
    if args_list and args_list[0] in COMMANDS:
        return run_command(args_list)
    args = _gui_parser().parse_args(args_list)
    if args.data_dir:
        os.environ["READER_DATA_DIR"] = args.data_dir
    if args.self_test:
        from reader.selftest import run_self_test

        return run_self_test(args.data_dir)
    if args.install_desktop_entry:
        from reader.core.desktop_entry import install_desktop_entry

        for path in install_desktop_entry():
            print(f"installed {path}")
        return 0
    start_logging(verbose=args.verbose)
    from reader.platform_check import prepare_display

    problem = prepare_display()
    if problem is not None:
        print(problem, file=sys.stderr)
        return 3
    from reader.ui.application import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
