"""Where the files shipped with the application live (sample, icons, NER pipeline, .qm).

In a source checkout they are in ``resources/`` and ``translations/`` beside the package; in
a PyInstaller bundle they sit under ``sys._MEIPASS``. One resolver for both.
"""

from __future__ import annotations

import sys
from pathlib import Path

APP_ID = "io.github.bilingualreader.BilingualReader"


def app_root() -> Path:
    """The folder holding ``resources/`` and ``translations/``."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parents[2]


def resource_path(*parts: str) -> Path:
    return app_root().joinpath("resources", *parts)


def translations_dir() -> Path:
    return app_root() / "translations"


def sample_article() -> Path:
    return resource_path("sample.md")
