"""The model manager's two package lists: installed models and models to download."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from reader.core.packages.index import AvailablePackage
from reader.core.packages.store import InstalledPackage
from reader.ui.models.manager_text import available_version, languages, package_title
from reader.ui.theme import mix
from reader.workers.model_jobs import PackageListing

ITEM_ROLE = Qt.ItemDataRole.UserRole
WANTED_PAIRS = (("de", "en"), ("en", "de"))

# Called by this name so that lupdate sees the context and text of every message.
translate = QCoreApplication.translate


def fill_installed(tree: QTreeWidget, listing: PackageListing) -> None:
    """A row per installed package, then greyed rows for broken ones; keeps the selection."""
    current = tree.currentItem()
    selected = None if current is None else current.data(0, ITEM_ROLE)
    selected_path = getattr(selected, "path", None)
    tree.clear()
    for package in listing.installed:
        size = listing.sizes.get(package.path)
        item = QTreeWidgetItem(
            [
                package_title(package),
                package.package_version,
                languages(package),
                "" if size is None else QLocale().formattedDataSize(size),
            ]
        )
        item.setData(0, ITEM_ROLE, package)
        tip = str(package.path)
        if not package.writable:
            tip += "\n" + translate(
                "ModelManagerDialog", "Shared folder: not removed by this application."
            )
        item.setToolTip(0, tip)
        tree.addTopLevelItem(item)
    # Halfway between text and background: greyed in light and dark palettes alike.
    palette = tree.palette()
    grey = mix(palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), 0.5)
    for broken in listing.broken:
        item = QTreeWidgetItem(
            [
                translate("ModelManagerDialog", "{folder} (not usable: {reason})").format(
                    folder=broken.path.name, reason=broken.reason
                ),
                "",
                "",
                "",
            ]
        )
        item.setData(0, ITEM_ROLE, broken)
        item.setToolTip(0, str(broken.path))
        for column in range(4):
            item.setForeground(column, grey)
        tree.addTopLevelItem(item)
    for index in range(tree.topLevelItemCount()):
        row = tree.topLevelItem(index)
        if row is None:
            continue
        if selected_path is not None and row.data(0, ITEM_ROLE).path == selected_path:
            tree.setCurrentItem(row)


def wanted_packages(packages: object) -> list[AvailablePackage]:
    """The index entries that translate German to English or English to German."""
    entries = packages if isinstance(packages, (list, tuple)) else []
    return [
        p
        for p in entries
        if isinstance(p, AvailablePackage) and (p.from_code, p.to_code) in WANTED_PAIRS
    ]


def fill_available(
    tree: QTreeWidget, packages: Sequence[AvailablePackage], installed: Iterable[InstalledPackage]
) -> None:
    """A row per package of the index, its version marked if already installed."""
    installed = list(installed)
    tree.clear()
    for package in packages:
        size = getattr(package, "size", 0) or 0
        item = QTreeWidgetItem(
            [
                package_title(package),
                available_version(package, installed),
                languages(package),
                QLocale().formattedDataSize(size) if size else "",
            ]
        )
        item.setData(0, ITEM_ROLE, package)
        tree.addTopLevelItem(item)
