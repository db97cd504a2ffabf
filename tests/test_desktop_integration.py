"""The desktop entry, metainfo and icon validate and install for the current user."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reader.app import main
from reader.core.bundled import APP_ID, resource_path

DESKTOP = resource_path("desktop", f"{APP_ID}.desktop")
METAINFO = resource_path("desktop", f"{APP_ID}.metainfo.xml")
ICON = resource_path("icons", f"{APP_ID}.svg")


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed on this machine (.ci/run installs it)")
    return found


def test_desktop_file_validates() -> None:
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def test_metainfo_validates_and_lists_screenshots() -> None:
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert len(root.findall("./screenshots/screenshot")) >= 1


def test_desktop_file_declares_the_document_types() -> None:
    text = DESKTOP.read_text(encoding="utf-8")
    mime_line = next(line for line in text.splitlines() if line.startswith("MimeType="))
    types = set(mime_line.removeprefix("MimeType=").strip(";").split(";"))
    assert types == {"text/markdown", "text/plain", "text/html"}


def test_icon_is_svg() -> None:
    root = ET.parse(ICON).getroot()
    assert root.tag.endswith("svg")


def test_install_desktop_entry_writes_user_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert main(["--install-desktop-entry"]) == 0
    desktop = tmp_path / "share" / "applications" / f"{APP_ID}.desktop"
    assert desktop.is_file()
    exec_line = next(line for line in desktop.read_text().splitlines() if line.startswith("Exec="))
    assert exec_line.endswith(" %f") and "reader" in exec_line
    assert (tmp_path / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    icon = tmp_path / "share" / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert icon.read_bytes() == ICON.read_bytes()
    assert "installed" in capsys.readouterr().out
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(
            ["desktop-file-validate", str(desktop)], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout
