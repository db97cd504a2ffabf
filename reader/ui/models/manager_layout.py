"""The model manager's widgets and their arrangement (what Designer's ``setupUi`` would do)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

# Called by this name so that lupdate sees the context and text of every message.
translate = QCoreApplication.translate


def make_tree(parent: QWidget, headers: list[str]) -> QTreeWidget:
    """A flat single-selection list whose first column takes the spare width."""
    tree = QTreeWidget(parent)
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setAllColumnsShowFocus(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.header().setStretchLastSection(False)
    tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(headers)):
        tree.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return tree


class ManagerLayout(QDialog):
    """The model manager's widgets (``ModelManagerDialog`` derives from it and wires them)."""

    package_list: QTreeWidget
    readme_view: QPlainTextEdit
    available_box: QGroupBox
    available_list: QTreeWidget
    download_selected_button: QPushButton
    status_label: QLabel
    progress_bar: QProgressBar
    cancel_button: QPushButton
    install_button: QPushButton
    download_button: QPushButton
    remove_button: QPushButton
    close_button: QPushButton

    def build_widgets(self) -> None:
        """Create the widgets as attributes and lay them out; the subclass wires them."""
        dialog = self
        heading = QLabel(translate("ModelManagerDialog", "Installed models"), dialog)
        headers = [
            translate("ModelManagerDialog", "Model"),
            translate("ModelManagerDialog", "Version"),
            translate("ModelManagerDialog", "Languages"),
            translate("ModelManagerDialog", "Size"),
        ]
        dialog.package_list = make_tree(dialog, headers)
        dialog.package_list.setAccessibleName(translate("ModelManagerDialog", "Installed models"))
        heading.setBuddy(dialog.package_list)

        dialog.readme_view = QPlainTextEdit(dialog)
        dialog.readme_view.setReadOnly(True)  # plain text: a package README is untrusted
        dialog.readme_view.setAccessibleName(
            translate("ModelManagerDialog", "About the selected model")
        )
        dialog.readme_view.setPlaceholderText(
            translate("ModelManagerDialog", "Select a model to read about it.")
        )

        splitter = QSplitter(Qt.Orientation.Vertical, dialog)
        splitter.addWidget(dialog.package_list)
        splitter.addWidget(dialog.readme_view)
        splitter.setChildrenCollapsible(False)

        dialog.available_box = QGroupBox(
            translate("ModelManagerDialog", "Available to download"), dialog
        )
        dialog.available_list = make_tree(dialog, headers)
        dialog.available_list.setAccessibleName(
            translate("ModelManagerDialog", "Models available to download")
        )
        dialog.download_selected_button = QPushButton(
            translate("ModelManagerDialog", "Download and &install"), dialog
        )
        box_layout = QVBoxLayout(dialog.available_box)
        box_layout.addWidget(dialog.available_list)
        box_layout.addWidget(dialog.download_selected_button, 0, Qt.AlignmentFlag.AlignRight)
        dialog.available_box.hide()

        dialog.status_label = QLabel(dialog)
        dialog.status_label.setWordWrap(True)
        dialog.status_label.setAccessibleName(translate("ModelManagerDialog", "Status"))
        dialog.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        dialog.progress_bar = QProgressBar(dialog)
        dialog.progress_bar.setAccessibleName(translate("ModelManagerDialog", "Progress"))
        dialog.cancel_button = QPushButton(translate("ModelManagerDialog", "&Cancel"), dialog)
        dialog.cancel_button.setAccessibleName(
            translate("ModelManagerDialog", "Cancel the running task")
        )
        progress_row = QHBoxLayout()
        progress_row.addWidget(dialog.progress_bar, 1)
        progress_row.addWidget(dialog.cancel_button)
        dialog.progress_bar.hide()
        dialog.cancel_button.hide()

        dialog.install_button = QPushButton(
            translate("ModelManagerDialog", "Install from &file…"), dialog
        )
        dialog.download_button = QPushButton(translate("ModelManagerDialog", "&Download…"), dialog)
        dialog.remove_button = QPushButton(translate("ModelManagerDialog", "&Remove"), dialog)
        dialog.close_button = QPushButton(translate("ModelManagerDialog", "Close"), dialog)
        buttons = QHBoxLayout()
        for button in (dialog.install_button, dialog.download_button, dialog.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(dialog.close_button)
        for button in (dialog.install_button, dialog.download_button, dialog.remove_button):
            button.setAutoDefault(False)
        dialog.close_button.setDefault(True)

        layout = QVBoxLayout(dialog)
        layout.addWidget(heading)
        layout.addWidget(splitter, 3)
        layout.addWidget(dialog.available_box, 2)
        layout.addWidget(dialog.status_label)
        layout.addLayout(progress_row)
        layout.addLayout(buttons)

    def show_status(self, text: str, *, error: bool = False) -> None:
        """Show ``text`` in the status line; errors in a red that stays readable."""
        dialog = self
        dialog.status_label.setText(text)
        dialog.status_label.setProperty("kind", "error" if error else "info")
        palette = dialog.status_label.palette()
        color = dialog.palette().color(QPalette.ColorRole.WindowText)
        if error:
            # A red that keeps its contrast: dark on light windows, light on dark ones.
            dark_window = dialog.palette().color(QPalette.ColorRole.Window).lightness() < 128
            color = QColor("#ff8a80") if dark_window else QColor("#b00020")
        palette.setColor(QPalette.ColorRole.WindowText, color)
        dialog.status_label.setPalette(palette)
        dialog.status_label.setAccessibleDescription(text)
