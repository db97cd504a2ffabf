"""The model manager's background work: scan, install, remove, fetch the index, download.

Each is a plain function ``work(progress, cancel) -> result`` for ``reader.workers.jobs``,
which runs it off the GUI thread; the core polls the cancel token, and a cancelled job
reports ``JobCancelled`` so the UI has one path for every outcome.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.cancel import CancelToken
from reader.core.packages.store import (
    BrokenPackage,
    InstalledPackage,
    package_dirs,
    remove_package,
    scan_packages,
)
from reader.core.paths import DataPaths
from reader.workers.jobs import JobCancelled, ProgressFn, Work

if TYPE_CHECKING:
    from reader.core.packages.index import AvailablePackage


@dataclass(frozen=True)
class PackageListing:
    """What the package folders hold, with each usable package's size on disk."""

    installed: list[InstalledPackage]
    broken: list[BrokenPackage]
    sizes: dict[Path, int] = field(default_factory=dict)


# --- the work functions ------------------------------------------------------------


def scan_work(paths: DataPaths) -> Work[PackageListing]:
    """List installed and broken packages and measure each one's size."""

    def work(progress: ProgressFn, cancel: CancelToken) -> PackageListing:
        installed, broken = scan_packages(package_dirs(paths))
        sizes: dict[Path, int] = {}
        for number, package in enumerate(installed, start=1):
            if cancel.cancelled:
                raise JobCancelled()
            sizes[package.path] = package.size_on_disk()
            progress(number, len(installed))
        return PackageListing(installed, broken, sizes)

    return work


def remove_work(package: InstalledPackage) -> Work[InstalledPackage]:
    """Delete a package folder we own; returns the removed package."""

    def work(_progress: ProgressFn, _cancel: CancelToken) -> InstalledPackage:
        remove_package(package)
        return package

    return work


def install_work(archive: Path, paths: DataPaths) -> Work[InstalledPackage]:
    """Validate and install one ``.argosmodel`` file into our package folder."""

    def work(progress: ProgressFn, cancel: CancelToken) -> InstalledPackage:
        from reader.core.packages.installer import install_package

        paths.packages.mkdir(parents=True, exist_ok=True)
        return install_package(archive, paths.packages, progress=progress, cancel=cancel)

    return work


def index_work(index_url: str | None) -> Work[list[AvailablePackage]]:
    """Fetch the Argos package index; returns its list of ``AvailablePackage``."""

    def work(_progress: ProgressFn, cancel: CancelToken) -> list[AvailablePackage]:
        from reader.core.packages.index import fetch_index

        return fetch_index(index_url, cancel=cancel)

    return work


def download_work(available: AvailablePackage, paths: DataPaths) -> Work[InstalledPackage]:
    """Download one available package and install it through the validating installer."""

    def work(progress: ProgressFn, cancel: CancelToken) -> InstalledPackage:
        from reader.core.packages.index import download_and_install

        return download_and_install(available, paths.packages, progress=progress, cancel=cancel)

    return work
