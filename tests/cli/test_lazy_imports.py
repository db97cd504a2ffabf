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

PROBE = r"""
import json, sys
from reader.app import main
code = main(sys.argv[1:])
sys.stdout.flush()
print(json.dumps({"code": code, "loaded": [m for m in HEAVY if m in sys.modules]}))
""".replace("HEAVY", repr(HEAVY))


def probe(*argv: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
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


def test_a_markdown_file_still_goes_through_markdown(tmp_path: Path) -> None:
    page = tmp_path / "artikel.md"
    page.write_text("# Köln\n\nDie Stadt plant eine **neue** Brücke.\n", encoding="utf-8")
    assert probe("sentences", str(page))["loaded"] == ["markdown", "nh3"]
