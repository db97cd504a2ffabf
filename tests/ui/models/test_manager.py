"""The model manager dialog: list, install (off-thread), refuse hostile files, remove,
download from a local index, cancel, and a clear message when the index is unreachable."""

from __future__ import annotations

import contextlib
import dataclasses
import threading
import zipfile
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reader.core import errors
from reader.core.packages.store import BrokenPackage, InstalledPackage
from reader.core.paths import DataPaths, resolve_paths
from reader.ui.models import manager as model_manager
from reader.ui.models.manager import ModelManagerDialog
from reader.workers.jobs import cancel_all_jobs, job_pool
from tests.fixtures.model_builder import build_package_dir
from tests.fixtures.package_server import closed_port, index_entry, serve

WAIT_MS = 20_000


@pytest.fixture
def tiny_archive(tiny_package_file: Path) -> Path:
    """The session's real tiny de→en ``.argosmodel`` (read only)."""
    return tiny_package_file


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
    assert job_pool().waitForDone(WAIT_MS)


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
    normal = dialog.package_list.palette().color(QPalette.ColorRole.Text)
    assert item.foreground(0).color() != normal  # greyed
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
    values: list[int] = []
    dialog.progress_bar.valueChanged.connect(values.append)
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
    assert values and values[-1] == 1000  # unpacking progress reached the end
    assert dialog.progress_bar.isHidden()


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


# --- download ----------------------------------------------------------------------


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    # urllib would send even 127.0.0.1 requests to a proxy named in the environment.
    for name in (
        "http_proxy",
        "https_proxy",
        "all_proxy",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def server():
    with serve() as running:
        yield running


def available_codes(dialog: ModelManagerDialog) -> list[tuple[str, str]]:
    tree = dialog.available_list
    return [
        (
            tree.topLevelItem(i).data(0, model_manager.ITEM_ROLE).from_code,
            tree.topLevelItem(i).data(0, model_manager.ITEM_ROLE).to_code,
        )
        for i in range(tree.topLevelItemCount())
    ]


def test_download_lists_german_english_models_then_installs_with_progress(
    qtbot, make_dialog, server, paths: DataPaths, tiny_archive: Path
) -> None:
    link = server.add_package("/translate-de_en-1_0.argosmodel", tiny_archive)
    index = server.add_index(
        [
            index_entry(link),
            index_entry(server.url("/en_de.argosmodel"), from_code="en", to_code="de"),
            index_entry(server.url("/fr_en.argosmodel"), from_code="fr", to_code="en"),
        ]
    )
    dialog = make_dialog(index_url=index)
    assert server.requests == []  # opening the dialog fetched nothing

    dialog.download_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=WAIT_MS)
    assert server.requests == ["/index.json"]
    assert available_codes(dialog) == [("de", "en"), ("en", "de")]
    assert dialog.available_list.topLevelItem(1).text(2) == "English → German"  # from codes
    assert "2 model" in dialog.status_label.text()
    assert dialog.available_box.isVisible() or not dialog.isVisible()

    values: list[int] = []
    dialog.progress_bar.valueChanged.connect(values.append)
    shown: list[str] = []
    show_status = dialog._show_status
    dialog._show_status = lambda text, **kw: (shown.append(text), show_status(text, **kw))
    dialog.available_list.setCurrentItem(dialog.available_list.topLevelItem(0))
    with qtbot.waitSignal(dialog.packages_changed, timeout=WAIT_MS):
        dialog.download_selected_button.click()
    assert server.requests[-1] == "/translate-de_en-1_0.argosmodel"
    assert values and values[-1] == 1000  # the bar reached the end
    assert shown[0].startswith("Downloading translate-de_en")
    assert any(text.startswith("Checking and installing") for text in shown)
    qtbot.waitUntil(lambda: len(rows(dialog)) == 1, timeout=WAIT_MS)
    assert rows(dialog)[0].code == "translate-de_en"
    dialog.start_download()  # the list now marks what is installed
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=WAIT_MS)
    assert dialog.available_list.topLevelItem(0).text(1) == "1.0 (installed)"
    assert dialog.available_list.topLevelItem(1).text(1) == "1.0"
    assert [p.name for p in paths.packages.iterdir()] == ["translate-de_en"]  # no temp file


class GatedServer:
    """Sends the first 64 KiB of a body, then waits until ``release`` is set."""

    def __init__(self, body: bytes) -> None:
        self.first_part_sent = threading.Event()
        self.release = threading.Event()
        gate = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[: 64 * 1024])
                self.wfile.flush()
                gate.first_part_sent.set()
                gate.release.wait(30)  # bounded even if the test fails first
                with contextlib.suppress(OSError):  # the client hangs up after cancelling
                    self.wfile.write(body[64 * 1024 :])

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def stop(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


def test_cancel_stops_a_download_and_installs_nothing(
    qtbot, make_dialog, server, paths: DataPaths, tiny_archive: Path
) -> None:
    gated = GatedServer(tiny_archive.read_bytes())
    try:
        index = server.add_index([index_entry(gated.url("/slow.argosmodel"))])
        dialog = make_dialog(index_url=index)
        dialog.start_download()
        qtbot.waitUntil(lambda: dialog.available_list.topLevelItemCount() == 1, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=WAIT_MS)
        dialog.available_list.setCurrentItem(dialog.available_list.topLevelItem(0))
        with qtbot.assertNotEmitted(dialog.packages_changed):
            dialog.download_selected()
            assert dialog.cancel_button.isVisible() or not dialog.isVisible()
            assert dialog.cancel_button.isEnabled()
            qtbot.waitUntil(gated.first_part_sent.is_set, timeout=WAIT_MS)
            # The stalled transfer shows how far it got, not a stale 0 %.
            qtbot.waitUntil(lambda: dialog.progress_bar.value() > 0, timeout=WAIT_MS)
            assert f"{QLocale().formattedDataSize(64 * 1024)} of" in dialog.progress_bar.text()
            dialog.cancel_button.click()
            gated.release.set()
            qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=WAIT_MS)
        assert "cancelled" in dialog.status_label.text().lower()
        assert dialog.status_label.property("kind") == "info"
        assert list(paths.packages.iterdir()) == []  # no package, no partial download
    finally:
        gated.stop()


def test_unreachable_index_gives_a_clear_message(qtbot, make_dialog) -> None:
    dialog = make_dialog(index_url=f"http://127.0.0.1:{closed_port()}/index.json")
    dialog.start_download()
    qtbot.waitUntil(lambda: error_shown(dialog), timeout=WAIT_MS)
    assert "Could not reach the model index" in dialog.status_label.text()
    assert dialog.available_list.topLevelItemCount() == 0
    assert dialog.download_button.isEnabled()  # the user can try again


def test_index_without_german_english_models_says_so(qtbot, make_dialog, server) -> None:
    index = server.add_index([index_entry(server.url("/x"), from_code="fr", to_code="en")])
    dialog = make_dialog(index_url=index)
    dialog.start_download()
    qtbot.waitUntil(lambda: error_shown(dialog), timeout=WAIT_MS)
    assert "no German–English models" in dialog.status_label.text()
    assert not dialog.download_selected_button.isEnabled()


def test_a_failed_download_reports_it_and_leaves_nothing(
    qtbot, make_dialog, server, paths: DataPaths
) -> None:
    index = server.add_index([index_entry(server.url("/missing.argosmodel"))])
    dialog = make_dialog(index_url=index)
    dialog.start_download()
    qtbot.waitUntil(lambda: dialog.available_list.topLevelItemCount() == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=WAIT_MS)
    dialog.download_selected()
    qtbot.waitUntil(lambda: error_shown(dialog), timeout=WAIT_MS)
    assert "The download failed" in dialog.status_label.text()
    assert "404" in dialog.status_label.text()
    assert list(paths.packages.iterdir()) == []


def test_closing_during_a_download_cancels_it_without_waiting(
    qtbot, make_dialog, server, paths: DataPaths, tiny_archive: Path
) -> None:
    gated = GatedServer(tiny_archive.read_bytes())
    try:
        index = server.add_index([index_entry(gated.url("/slow.argosmodel"))])
        dialog = make_dialog(index_url=index)
        dialog.show()
        dialog.start_download()
        qtbot.waitUntil(lambda: dialog.available_list.topLevelItemCount() == 1, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=WAIT_MS)
        job = dialog.download_selected()
        assert job is not None
        qtbot.waitUntil(gated.first_part_sent.is_set, timeout=WAIT_MS)
        dialog.close_button.click()  # returns at once although the server is stalled
        assert not dialog.isVisible()
        assert job.token.cancelled
        gated.release.set()
        assert job.returned.wait(WAIT_MS / 1000)
        assert list(paths.packages.iterdir()) == []
    finally:
        gated.stop()


def package_error_classes() -> list[type[errors.PackageError]]:
    found: list[type[errors.PackageError]] = []
    pending = list(errors.PackageError.__subclasses__())
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    return sorted(found, key=lambda cls: cls.__name__)


def sample(cls: type[errors.PackageError]) -> errors.PackageError:
    values = {"Path": Path("/tmp/sample.argosmodel"), "str": "sample", "int": 1 << 20}
    kwargs = {}
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]
        kwargs[field.name] = values.get(str(field.type), ("model/model.bin",))
    return cls(**kwargs)


@pytest.mark.parametrize("cls", package_error_classes(), ids=lambda cls: cls.__name__)
def test_every_package_error_has_its_own_message(make_dialog, cls) -> None:
    dialog = make_dialog()
    text = dialog.describe_error(sample(cls))
    assert text
    assert "Something went wrong" not in text
    assert "sample(" not in text and cls.__name__ not in text  # words, not a repr


def test_an_unexpected_error_still_gets_a_sentence(make_dialog) -> None:
    dialog = make_dialog()
    assert "Something went wrong" in dialog.describe_error(RuntimeError("boom"))


def test_delete_key_on_the_list_asks_to_remove(
    qtbot, make_dialog, paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_package_dir(paths.packages, shape="tiny")
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(lambda parent, title, text, *a: asked.append(text) or QMessageBox.No),
    )
    dialog = make_dialog()
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.package_list.setCurrentItem(dialog.package_list.topLevelItem(0))
    dialog.package_list.setFocus()
    qtbot.keyClick(dialog.package_list, Qt.Key.Key_Delete)
    assert len(asked) == 1


def test_a_dialog_shown_again_rescans(qtbot, make_dialog, paths: DataPaths) -> None:
    dialog = make_dialog()
    dialog.show()
    dialog.reject()
    build_package_dir(paths.packages, shape="tiny")
    dialog.show()
    qtbot.waitUntil(lambda: len(rows(dialog)) == 1, timeout=WAIT_MS)


def test_cancel_all_jobs_stops_work_started_by_a_deleted_dialog(
    qtbot, server, paths: DataPaths, tiny_archive: Path
) -> None:
    gated = GatedServer(tiny_archive.read_bytes())
    try:
        index = server.add_index([index_entry(gated.url("/slow.argosmodel"))])
        dialog = ModelManagerDialog(paths, index_url=index)  # not qtbot's: deleted below
        dialog.start_download()
        qtbot.waitUntil(lambda: dialog.available_list.topLevelItemCount() == 1, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=WAIT_MS)
        job = dialog.download_selected()
        assert job is not None
        qtbot.waitUntil(gated.first_part_sent.is_set, timeout=WAIT_MS)
        dialog.deleteLater()
        qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=WAIT_MS)
        cancel_all_jobs()
        assert job.token.cancelled
        gated.release.set()
        assert cancel_all_jobs(WAIT_MS)
        assert list(paths.packages.iterdir()) == []
    finally:
        gated.stop()
