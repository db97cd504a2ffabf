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


FRESH_IMPORT = r"""
import linecache, os, sys, traceback
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from reader.ui.application import create_application

create_application()
kept_at_start = len(linecache.cache)
sys.path.insert(0, sys.argv[1])
import fresh_module  # imported after PySide6: its import hook reads the whole source
kept_after_import = fresh_module.__file__ in linecache.cache
try:
    fresh_module.fail()
except ValueError:
    shown = traceback.format_exc()
print(kept_at_start, kept_after_import, "raise ValueError" in shown)
"""


def test_pyside_import_hook_keeps_no_module_sources_and_tracebacks_still_show_lines(
    tmp_path: Path,
) -> None:
    (tmp_path / "fresh_module.py").write_text(
        "# " + "x" * 5000 + "\n\ndef fail():\n    raise ValueError('shown')\n", encoding="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-c", FRESH_IMPORT, str(tmp_path)],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    kept_at_start, kept_after_import, shown = done.stdout.split()
    assert kept_at_start == "0"  # what PySide6 read while the reader's modules loaded
    assert kept_after_import == "False"
    assert shown == "True"  # read again when a traceback needs it
