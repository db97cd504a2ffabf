"""``reader models list|show|install|download|remove``: manage Argos model packages headlessly.

Only ``list --available`` and ``download`` touch the network, and only the package index
and the links it gives. Progress goes to stderr, results to stdout.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from reader.cli.messages import complain, escape_controls, format_size
from reader.core import errors
from reader.core.packages.store import (
    InstalledPackage,
    match_packages,
    package_dirs,
    remove_package,
    scan_packages,
    split_pair,
)
from reader.core.paths import DataPaths, resolve_paths


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """Add ``models`` and its actions to the ``reader`` command line."""
    parser = subparsers.add_parser(
        "models",
        help="list, install, download or remove translation models",
        description="Manage Argos Translate model packages. Only 'list --available' and "
        "'download' use the network.",
    )
    actions = parser.add_subparsers(dest="action", required=True)

    listing = actions.add_parser("list", help="installed packages and broken folders")
    listing.add_argument(
        "--available",
        action="store_true",
        help="list the German/English packages in the online index instead (uses the network)",
    )
    _add_network_options(listing)
    listing.set_defaults(handler=_list)

    show = actions.add_parser("show", help="details and README of an installed package")
    show.add_argument(
        "package", metavar="CODE", help="package code (translate-de_en) or pair (de-en)"
    )
    show.set_defaults(handler=_show)

    install = actions.add_parser("install", help="install a local .argosmodel file")
    install.add_argument("file", type=Path, metavar="FILE")
    install.add_argument(
        "--pair", metavar="FROM-TO", help="refuse packages for any other pair, e.g. de-en"
    )
    install.set_defaults(handler=_install)

    download = actions.add_parser(
        "download", help="download and install a package from the index (uses the network)"
    )
    download.add_argument(
        "package", metavar="CODE", help="package code (translate-de_en) or pair (de-en)"
    )
    _add_network_options(download)
    download.set_defaults(handler=_download)

    remove = actions.add_parser("remove", help="remove an installed package")
    remove.add_argument(
        "package", metavar="CODE", help="package code (translate-de_en) or pair (de-en)"
    )
    remove.set_defaults(handler=_remove)
    for action in (listing, show, install, download, remove):
        _add_common_options_after_action(action)
    return parser


def _add_common_options_after_action(parser: argparse.ArgumentParser) -> None:
    # So "reader models list --data-dir DIR" works as well as "reader models --data-dir DIR
    # list". SUPPRESS: an option not given here must not overwrite the one given before.
    parser.add_argument(
        "--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )


def _add_network_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--index",
        metavar="URL",
        help="package index base URL (default: $ARGOS_PACKAGE_INDEX or Argos's own index)",
    )
    parser.add_argument(
        "--timeout", type=float, default=10.0, metavar="SECONDS", help="network timeout"
    )


def _paths(args: argparse.Namespace) -> DataPaths:
    return resolve_paths(getattr(args, "data_dir", None))


def _list(args: argparse.Namespace) -> int:
    if args.available:
        return _list_available(args)
    paths = _paths(args)
    installed, broken = scan_packages(package_dirs(paths))
    if not installed:
        print(f"No translation packages installed in {paths.packages}.")
    else:
        print(f"Installed packages ({len(installed)}):")
        for package in installed:
            print("  " + escape_controls(_package_line(package)))
    if broken:
        print(f"Broken folders ({len(broken)}), skipped:")
        for folder in broken:
            print(escape_controls(f"  {folder.path}: {folder.reason}"))
    return 0


def _package_line(package: InstalledPackage) -> str:
    where = "" if package.writable else "  (external, read-only)"
    return (
        f"{package.code:<18} {package.package_version:<8} "
        f"{package.from_code}→{package.to_code}  {format_size(package.size_on_disk()):>9}  "
        f"{package.path}{where}"
    )


def _list_available(args: argparse.Namespace) -> int:
    from reader.core.packages.index import fetch_index, index_url, reader_packages

    url = index_url(args.index)
    available = reader_packages(fetch_index(url, timeout=args.timeout))
    installed, _broken = scan_packages(package_dirs(_paths(args)))
    versions = {p.code: p.package_version for p in installed}
    if not available:
        print(f"The index {url} lists no German/English packages.")
        return 0
    print(f"Available German/English packages ({url}):")
    for package in available:
        names = f"{package.from_name or package.from_code} → {package.to_name or package.to_code}"
        mark = ""
        if package.code in versions:
            mark = f"  [installed {versions[package.code]}]"
        print(
            f"  {package.code:<18} {package.package_version:<8} {names:<20} "
            f"{format_size(package.size):>9}{mark}"
        )
    return 0


def _find_installed(paths: DataPaths, wanted: str) -> list[InstalledPackage]:
    installed, _broken = scan_packages(package_dirs(paths))
    matches = match_packages(installed, wanted)
    if not matches:
        raise errors.PackageNotInstalled(wanted)
    return matches


def _show(args: argparse.Namespace) -> int:
    for package in _find_installed(_paths(args), args.package):
        names = f"{package.from_name or package.from_code} → {package.to_name or package.to_code}"
        folder = f"{package.path}{'' if package.writable else ' (external, read-only)'}"
        for line in (
            f"code:       {package.code}",
            f"version:    {package.package_version}",
            f"languages:  {package.from_code}→{package.to_code} ({names})",
            f"size:       {format_size(package.size_on_disk())}",
            f"folder:     {folder}",
        ):
            print(escape_controls(line))
        readme = package.readme().strip()
        print()
        print(readme if readme else "(no README)")
        print()
    return 0


def _install(args: argparse.Namespace) -> int:
    from reader.core.packages.installer import install_package

    expect = None
    if args.pair:
        expect = split_pair(args.pair)
        if expect is None:
            complain(f"--pair must look like de-en, not {args.pair!r}")
            return 2
    reporter = _Progress(f"installing {args.file.name}")
    try:
        package = install_package(
            args.file, _paths(args).packages, progress=reporter, expect=expect
        )
    finally:
        reporter.close()
    print(
        f"installed {package.code} {package.package_version} "
        f"({package.from_code}→{package.to_code}) in {package.path}"
    )
    return 0


def _download(args: argparse.Namespace) -> int:
    from reader.core.packages.index import download_and_install, fetch_index, find_available

    package = find_available(fetch_index(args.index, timeout=args.timeout), args.package)
    reporter = _Progress(f"downloading {package.code} {package.package_version}")
    try:
        installed = download_and_install(
            package, _paths(args).packages, timeout=args.timeout, progress=reporter
        )
    except KeyboardInterrupt:
        reporter.close()
        complain("download cancelled; nothing was changed")
        return 130
    finally:
        reporter.close()
    print(
        f"installed {installed.code} {installed.package_version} "
        f"({installed.from_code}→{installed.to_code}) in {installed.path}"
    )
    return 0


def _remove(args: argparse.Namespace) -> int:
    matches = _find_installed(_paths(args), args.package)
    ours = [p for p in matches if p.writable]
    if not ours:
        raise errors.PackageNotOwned(matches[0].path)
    for package in ours:
        remove_package(package)
        print(f"removed {package.code} {package.package_version} ({package.path})")
    return 0


class _Progress:
    """Progress on stderr: one updating line on a terminal, a few lines otherwise."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.tty = sys.stderr.isatty()
        self.last_time = 0.0
        self.last_step = -1
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if total > 0:
            step = done * 10 // total  # every 10 % when not on a terminal
            percent = done * 100 // total
            text = f"{self.label}: {format_size(done)} of {format_size(total)} ({percent}%)"
        else:
            step = done // (10 << 20)  # every 10 MB when the size is unknown
            text = f"{self.label}: {format_size(done)}"
        now = time.monotonic()
        if self.tty:
            if now - self.last_time >= 0.1 or (total and done >= total):
                print("\r" + text + "\x1b[K", end="", file=sys.stderr, flush=True)
                self.last_time = now
                self.shown = True
        elif step != self.last_step:
            print(text, file=sys.stderr, flush=True)
            self.last_step = step

    def close(self) -> None:
        if self.tty and self.shown:
            print(file=sys.stderr, flush=True)
            self.shown = False
