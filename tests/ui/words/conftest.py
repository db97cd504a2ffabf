"""Fixtures of the word-level window tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.words.helpers import TEXT


@pytest.fixture
def article(tmp_path: Path) -> Path:
    """The short article of ``helpers.TEXT`` as a text file."""
    path = tmp_path / "drucker.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path
