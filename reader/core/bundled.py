"""Where the files shipped with the application live (sample, icons, NER pipeline, .qm).

In a source checkout they are in ``resources/`` and ``translations/`` beside the package; in
a PyInstaller bundle they sit under ``sys._MEIPASS``. One resolver for both.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

APP_ID = "io.github.bilingualreader.BilingualReader"


@cache
def app_root() -> Path:
    """The folder holding ``resources/`` and ``translations/`` (found once: the checks ask
    for shipped tables per word, and resolving the path each time cost more than the
    lookup)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parents[2]


def resource_path(*parts: str) -> Path:
    return app_root().joinpath("resources", *parts)


def resource_pairs(*parts: str) -> list[tuple[str, str]]:
    """The two tab-separated columns of a shipped table, as written (lines starting with
    ``#`` and lines without a tab skipped); empty when the file cannot be read."""
    try:
        lines = resource_path(*parts).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    pairs = []
    for line in lines:
        if not line.startswith("#") and "\t" in line:
            first, second = line.split("\t", 1)
            pairs.append((first, second))
    return pairs


def translations_dir() -> Path:
    return app_root() / "translations"


def sample_article() -> Path:
    return resource_path("sample.md")
