"""Start-up cost: a plain-text document never imports python-markdown or nh3, whether it is
translated on the command line or only loaded; a Markdown file still does."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("markdown", "nh3", "PySide6")
# What translating a .txt needs none of: the other commands, the checks (name tables, fuzzy
# matching: ~0.1 s), multiprocessing (only a frozen bundle's child check needs it), the
# HTML parser and the zip checks (~8 ms), the check's wording and the reader's own English
# when there is none (~5 ms), and the progress bar of a run that is not on a terminal.
NOT_FOR_TRANSLATING = (
    "reader.cli.check",
    "reader.cli.export",
    "reader.cli.entities",
    "reader.cli.findings",
    "reader.core.checks.document",
    "reader.core.document.html_blocks",
    "reader.core.edits.store",
    "reader.core.document.archive",
    "html.parser",
    "rapidfuzz",
    "multiprocessing",
    "rich",
)

PROBE = r"""
import json, sys
from reader.app import main
heavy = json.loads(sys.argv.pop(1))
code = main(sys.argv[1:])
sys.stdout.flush()
print(json.dumps({"code": code, "loaded": [m for m in heavy if m in sys.modules]}))
"""


def probe(*argv: str, modules: tuple[str, ...] = HEAVY) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(modules), *argv],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["code"] == 0
    return report


@pytest.fixture
def installed(data_dir: Path, tiny_package_dir: Path) -> Path:
    shutil.copytree(tiny_package_dir, data_dir / "data" / "packages" / tiny_package_dir.name)
    return data_dir


def test_translating_a_text_file_imports_no_markdown(installed: Path, tmp_path: Path) -> None:
    text = tmp_path / "artikel.txt"
    text.write_text("Die Stadt Köln plant eine neue Brücke.\n", encoding="utf-8")
    assert probe("translate", str(text), "--format", "tsv")["loaded"] == []
    assert probe("sentences", str(text))["loaded"] == []


def test_translating_loads_no_other_command_nor_the_checks(installed: Path, tmp_path: Path) -> None:
    text = tmp_path / "artikel.txt"
    text.write_text("Die Stadt Köln plant eine neue Brücke.\n", encoding="utf-8")
    loaded = probe("translate", str(text), "--format", "txt", modules=NOT_FOR_TRANSLATING)
    assert loaded["loaded"] == []
    many = probe("translate", str(text), "-o", str(tmp_path / "out"), modules=NOT_FOR_TRANSLATING)
    assert many["loaded"] == []
    # --check asks for the checks, and gets them.
    checked = probe("translate", str(text), "--check", modules=NOT_FOR_TRANSLATING)
    assert "reader.core.checks.document" in checked["loaded"]  # type: ignore[operator]


def test_a_markdown_file_still_goes_through_markdown(tmp_path: Path) -> None:
    page = tmp_path / "artikel.md"
    page.write_text("# Köln\n\nDie Stadt plant eine **neue** Brücke.\n", encoding="utf-8")
    assert probe("sentences", str(page))["loaded"] == ["markdown", "nh3"]
