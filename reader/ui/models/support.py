"""Where the window meets the model manager: the no-model banner and Tools › Models."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from reader.core.paths import DataPaths
from reader.ui.models.banner import ModelBanner

if TYPE_CHECKING:
    from reader.ui.models.manager import ModelManagerDialog


def make_model_banner(parent: QWidget) -> ModelBanner:
    """The banner shown while no German→English model is installed."""
    return ModelBanner(parent)


def open_model_manager(
    parent: QWidget,
    paths: DataPaths,
    intent: str = "",
    on_closed: Callable[[], None] | None = None,
) -> ModelManagerDialog:
    """Open the model manager (window-modal, not blocking); ``intent`` is "install" to ask
    for a file right away or "download" to fetch the list of models. ``on_closed`` runs
    when the dialog closes or installs/removes a package."""
    # Imported on first use: the manager pulls in download and install code that the
    # first paint does not need.
    from reader.ui.models.manager import ModelManagerDialog

    dialog = ModelManagerDialog(paths, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_closed is not None:
        dialog.finished.connect(lambda _result: on_closed())
        dialog.packages_changed.connect(on_closed)
    dialog.open()
    if intent == "install":
        dialog.open_install_dialog()
    elif intent == "download":
        dialog.start_download()
    return dialog
