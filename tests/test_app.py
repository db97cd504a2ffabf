"""Entry points: version, help, python -m, and the data-dir resolution."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader import __version__
from reader.app import main
from reader.core.paths import resolve_paths


def test_version_flag_prints_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"reader {__version__}"


def test_help_lists_options_and_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "--data-dir" in out
    assert "sentences" in out


def test_python_dash_m_runs_without_qt() -> None:
    script = (
        "import sys, runpy\n"
        "sys.argv = ['reader', '--version']\n"
        "try:\n"
        "    runpy.run_module('reader', run_name='__main__')\n"
        "except SystemExit as e:\n"
        "    assert e.code == 0, e.code\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'\n"
        "print('clean')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"reader {__version__}", "clean"]


def test_data_dir_argument_relocates_everything(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "portable")
    root = (tmp_path / "portable").resolve()
    for folder in (paths.config, paths.data, paths.cache, paths.state, paths.packages):
        assert root in folder.parents
    assert paths.translation_cache.parent == paths.cache


def test_environment_variable_relocates_when_no_argument(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "env"))
    assert resolve_paths().data == (tmp_path / "env").resolve() / "data"
    # The argument wins over the environment.
    assert resolve_paths(tmp_path / "arg").data == (tmp_path / "arg").resolve() / "data"


def test_xdg_defaults_without_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("READER_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cch"))
    paths = resolve_paths()
    assert paths.config == tmp_path / "cfg" / "bilingual-reader"
    assert paths.cache == tmp_path / "cch" / "bilingual-reader"
