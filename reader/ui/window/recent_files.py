"""File › Recent: the last ten documents, newest first, missing files dropped."""

from __future__ import annotations

from pathlib import Path

from reader.ui.settings import MAX_RECENT, Settings


def remember(settings: Settings, path: Path) -> list[str]:
    """Put ``path`` first in the recent list and return the new list."""
    key = str(Path(path).expanduser().absolute())
    entries = [key] + [entry for entry in settings.recent_files if entry != key]
    settings.recent_files = entries[:MAX_RECENT]
    return settings.recent_files


def existing(settings: Settings) -> list[Path]:
    """Recent files that still exist; the others are dropped from the settings for good."""
    kept = [entry for entry in settings.recent_files if Path(entry).is_file()]
    if kept != settings.recent_files:
        settings.recent_files = kept
    return [Path(entry) for entry in kept]


def last_document(settings: Settings) -> Path | None:
    """The most recently opened file that still exists, for "reopen last document"."""
    files = existing(settings)
    return files[0] if files else None
