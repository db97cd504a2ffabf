"""File › Export as… through the window's menu: the ExportController and its collaborators."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ui.dialogs import export as export_dialog
from tests.ui.window_helpers import german_text, install_fake_package


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "bericht.txt"
    path.write_text(german_text(), encoding="utf-8")
    return path


def test_export_menu_asks_beside_the_open_file_and_writes(
    qtbot, make_window, article, reader_paths, tmp_path, monkeypatch
) -> None:
    install_fake_package(reader_paths.packages)
    window = make_window()
    with qtbot.waitSignal(window.translation.translation_finished, timeout=5000):
        window.open_file(article)
    target = tmp_path / "ausgabe"
    asked: list[str] = []

    def choose(_parent: object, _title: str, suggested: str, filters: str) -> tuple[str, str]:
        asked.append(suggested)
        tmx = next(f for f in filters.split(";;") if "tmx" in f.lower())
        return str(target), tmx

    monkeypatch.setattr(export_dialog.QFileDialog, "getSaveFileName", choose)
    with qtbot.waitSignal(window.exports.export_finished, timeout=30_000) as done:
        window.main_menu.export.trigger()
    assert Path(asked[0]).parent == article.parent  # starts beside the open document
    written = target.with_suffix(".tmx")  # the chosen filter's suffix is added
    assert done.args == [str(written)]
    assert "<tmx" in written.read_text(encoding="utf-8")
    assert "Exported to" in window.statusBar().currentMessage()


def test_export_menu_without_a_document_only_says_so(qtbot, make_window, monkeypatch) -> None:
    window = make_window()
    asked: list[object] = []
    monkeypatch.setattr(
        export_dialog.QFileDialog, "getSaveFileName", lambda *args: asked.append(args)
    )
    window.main_menu.export.trigger()
    assert asked == []
    assert window.statusBar().currentMessage() == "Open a document first."
