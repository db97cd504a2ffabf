"""The model manager dialog: list, install (off-thread), refuse hostile files, remove,
download from a local index, cancel, and a clear message when the index is unreachable."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reader.core.package_store import BrokenPackage, InstalledPackage
from reader.core.paths import DataPaths, resolve_paths
from reader.ui import model_manager
from reader.ui.model_manager import ModelManagerDialog
from tests.fixtures.model_builder import build_argos_package, build_package_dir

WAIT_MS = 20_000


@pytest.fixture(scope="module")
def tiny_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One real tiny de→en ``.argosmodel`` shared by this module's tests."""
    return build_argos_package(tmp_path_factory.mktemp("archives"), shape="tiny")


@pytest.fixture
def paths(data_dir: Path) -> DataPaths:
    return resolve_paths(data_dir).ensure()


@pytest.fixture
def make_dialog(qtbot, paths: DataPaths) -> Iterator[Callable[..., ModelManagerDialog]]:
    """Open a dialog and wait for its first scan; stop its jobs at teardown."""
    dialogs: list[ModelManagerDialog] = []

    def make(**kwargs: object) -> ModelManagerDialog:
        dialog = ModelManagerDialog(paths, **kwargs)  # type: ignore[arg-type]
        qtbot.addWidget(dialog)
        dialogs.append(dialog)
        qtbot.waitUntil(lambda: dialog._scan is None, timeout=WAIT_MS)
        return dialog

    yield make
    for dialog in dialogs:
        dialog.runner.cancel_all()
        assert dialog.runner.wait(WAIT_MS)


def rows(dialog: ModelManagerDialog) -> list[object]:
    tree = dialog.package_list
    return [
        tree.topLevelItem(i).data(0, model_manager.ITEM_ROLE)
        for i in range(tree.topLevelItemCount())
    ]


def installed_children(paths: DataPaths) -> list[str]:
    return sorted(p.name for p in paths.packages.iterdir())


def test_lists_an_installed_package_with_version_languages_size_and_readme(
    make_dialog, paths: DataPaths
) -> None:
    build_package_dir(paths.packages, shape="tiny")
    dialog = make_dialog()
    [package] = rows(dialog)
    assert isinstance(package, InstalledPackage)
    item = dialog.package_list.topLevelItem(0)
    assert item.text(0) == "translate-de_en"
    assert item.text(1) == "1.0"
    assert item.text(2) == "German → English"
    assert item.text(3)  # size on disk, formatted
    dialog.package_list.setCurrentItem(item)
    assert "Test package de→en" in dialog.readme_view.toPlainText()
    assert dialog.remove_button.isEnabled()


def test_broken_folder_is_greyed_with_its_reason_and_not_removable(
    make_dialog, paths: DataPaths
) -> None:
    (paths.packages / "leftover").mkdir()
    dialog = make_dialog()
    [broken] = rows(dialog)
    assert isinstance(broken, BrokenPackage)
    item = dialog.package_list.topLevelItem(0)
    assert "leftover" in item.text(0)
    assert "no metadata.json" in item.text(0)
    grey = dialog.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert item.foreground(0).color() == grey
    dialog.package_list.setCurrentItem(item)
    assert not dialog.remove_button.isEnabled()
    assert "no metadata.json" in dialog.readme_view.toPlainText()


def test_opening_does_not_touch_the_network(make_dialog) -> None:
    # conftest turns any non-loopback connect into an error; opening must not even try.
    dialog = make_dialog(index_url="http://127.0.0.1:9/index.json")
    assert not dialog.is_busy()
    assert dialog.available_box.isHidden()


def test_installing_a_real_package_adds_it_and_emits_packages_changed(
    qtbot, make_dialog, paths: DataPaths, tiny_archive: Path
) -> None:
    dialog = make_dialog()
    assert rows(dialog) == []
    with qtbot.waitSignal(dialog.packages_changed, timeout=WAIT_MS):
        job = dialog.install_from_path(tiny_archive)
        assert job is not None
        assert dialog.is_busy()
        assert not dialog.install_button.isEnabled()
    qtbot.waitUntil(lambda: len(rows(dialog)) == 1, timeout=WAIT_MS)
    [package] = rows(dialog)
    assert isinstance(package, InstalledPackage)
    assert package.path.parent == paths.packages
    assert (package.path / "model" / "model.bin").is_file()
    assert dialog.status_label.property("kind") == "info"
    assert "Installed" in dialog.status_label.text()
    assert dialog.install_button.isEnabled()


def test_install_button_goes_through_the_file_picker(
    qtbot, make_dialog, tiny_archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def fake_picker(parent, caption, directory, filters):
        asked.append(filters)
        return str(tiny_archive), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake_picker))
    dialog = make_dialog()
    with qtbot.waitSignal(dialog.packages_changed, timeout=WAIT_MS):
        dialog.install_button.click()
    assert "*.argosmodel" in asked[0]


def test_cancelled_file_picker_installs_nothing(
    make_dialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *args: ("", "")))
    dialog = make_dialog()
    assert dialog.open_install_dialog() is None
    assert not dialog.is_busy()


def error_shown(dialog: ModelManagerDialog) -> bool:
    return dialog.status_label.property("kind") == "error" and not dialog.is_busy()


def test_a_file_that_is_not_a_zip_gives_a_message_and_leaves_nothing(
    qtbot, make_dialog, paths: DataPaths, tmp_path: Path
) -> None:
    junk = tmp_path / "holiday-photo.argosmodel"
    junk.write_bytes(b"\xff\xd8\xff\xe0 not a zip at all" * 100)
    dialog = make_dialog()
    with qtbot.assertNotEmitted(dialog.packages_changed):
        dialog.install_from_path(junk)
        qtbot.waitUntil(lambda: error_shown(dialog), timeout=WAIT_MS)
    assert "holiday-photo.argosmodel is not a model package" in dialog.status_label.text()
    assert installed_children(paths) == []
    assert dialog.install_button.isEnabled()


def test_a_zip_that_climbs_out_is_refused_and_leaves_nothing(
    qtbot, make_dialog, paths: DataPaths, tmp_path: Path
) -> None:
    hostile = tmp_path / "hostile.argosmodel"
    with zipfile.ZipFile(hostile, "w") as zf:
        zf.writestr("pkg/metadata.json", '{"from_code": "de", "to_code": "en"}')
        zf.writestr("pkg/../../escaped.txt", "gotcha")
    dialog = make_dialog()
    dialog.install_from_path(hostile)
    qtbot.waitUntil(lambda: error_shown(dialog), timeout=WAIT_MS)
    assert "unsafe file name" in dialog.status_label.text()
    assert installed_children(paths) == []
    assert not (paths.data / "escaped.txt").exists()
    assert not (paths.packages.parent.parent / "escaped.txt").exists()


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])
def test_remove_asks_first_and_deletes_only_on_yes(
    qtbot, make_dialog, paths: DataPaths, monkeypatch: pytest.MonkeyPatch, answer
) -> None:
    folder = build_package_dir(paths.packages, shape="tiny")
    questions: list[str] = []

    def fake_question(parent, title, text, *args):
        questions.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(fake_question))
    dialog = make_dialog()
    dialog.package_list.setCurrentItem(dialog.package_list.topLevelItem(0))
    if answer == QMessageBox.StandardButton.Yes:
        with qtbot.waitSignal(dialog.packages_changed, timeout=WAIT_MS):
            dialog.remove_button.click()
        qtbot.waitUntil(lambda: rows(dialog) == [], timeout=WAIT_MS)
        assert not folder.exists()
        assert "Removed" in dialog.status_label.text()
    else:
        with qtbot.assertNotEmitted(dialog.packages_changed):
            assert dialog.remove_selected() is None
        assert folder.is_dir()
    assert len(questions) == 1
    assert "translate-de_en" in questions[0]


def test_packages_in_a_shared_folder_cannot_be_removed(
    make_dialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared-argos"
    build_package_dir(shared, shape="tiny")
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(shared))
    dialog = make_dialog()
    [package] = rows(dialog)
    assert isinstance(package, InstalledPackage) and not package.writable
    dialog.package_list.setCurrentItem(dialog.package_list.topLevelItem(0))
    assert not dialog.remove_button.isEnabled()
    assert dialog.remove_selected() is None
    assert any(shared.iterdir())


def test_every_button_is_keyboard_reachable_and_named(make_dialog) -> None:
    dialog = make_dialog()
    for widget in (
        dialog.install_button,
        dialog.download_button,
        dialog.remove_button,
        dialog.close_button,
        dialog.package_list,
        dialog.readme_view,
    ):
        assert widget.focusPolicy() != 0
        assert widget.accessibleName() or widget.text()  # type: ignore[attr-defined]
