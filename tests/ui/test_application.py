"""Start-up: which file opens, the first paint without heavy imports, single instance."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from reader.core.paths import DataPaths
from reader.ui.application import initial_file, sample_document
from reader.ui.settings import Settings
from reader.ui.window import recent_files

REPO = Path(__file__).resolve().parents[2]


def test_initial_file_prefers_argument_then_last_document_then_sample(
    qapp, reader_paths: DataPaths, tmp_path: Path
) -> None:
    settings = Settings.for_paths(reader_paths)
    last = tmp_path / "gestern.md"
    last.write_text("Ein Satz.")
    recent_files.remember(settings, last)
    given = argparse.Namespace(file=str(tmp_path / "heute.md"))
    none = argparse.Namespace(file=None)
    assert initial_file(given, settings) == tmp_path / "heute.md"
    assert initial_file(none, settings) == sample_document()
    settings.reopen_last = True
    assert initial_file(none, settings) == last.absolute()
    last.unlink()
    assert initial_file(none, settings) == sample_document()
    assert sample_document().is_file()


def test_first_paint_comes_without_heavy_imports(tmp_path: Path) -> None:
    marker = tmp_path / "painted"
    modules = tmp_path / "modules"
    env = dict(os.environ)
    env.update(
        READER_FIRST_PAINT_FILE=str(marker),
        READER_EXIT_AFTER_FIRST_PAINT="1",
        READER_MODULES_FILE=str(modules),
        READER_DATA_DIR=str(tmp_path / "data"),
        QT_QPA_PLATFORM="offscreen",
    )
    result = subprocess.run(
        [sys.executable, "-m", "reader"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert marker.is_file()
    assert modules.read_text().split() == []  # no ctranslate2, spaCy, Argos, torch …
    assert (tmp_path / "data" / "config" / "settings.ini").is_file()


def test_a_second_launch_hands_its_file_to_the_window(qtbot, make_window, tmp_path) -> None:
    window = make_window()
    path = tmp_path / "zweiter.txt"
    path.write_text("Ein Satz. Noch einer.")
    with qtbot.waitSignal(window.documents.document_loaded, timeout=5000):
        window.open_from_other_launch([str(path)])
    assert window.path == path


def test_qt_translators_load_for_german(qapp) -> None:
    from PySide6.QtCore import QCoreApplication, QLocale

    from reader.ui.application import install_translators

    installed = install_translators(qapp, QLocale(QLocale.Language.German))
    try:
        if not installed:
            import pytest

            pytest.skip("no German Qt translations in this Qt build")
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
