"""Where the application keeps its settings, caches, models and logs: one resolver."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "bilingual-reader"
DATA_DIR_ENV = "READER_DATA_DIR"


@dataclass(frozen=True)
class DataPaths:
    """Every folder the application writes to. Created on demand by ``ensure``."""

    config: Path
    data: Path
    cache: Path
    state: Path

    @property
    def packages(self) -> Path:
        """Our own folder of installed Argos packages."""
        return self.data / "packages"

    @property
    def translation_cache(self) -> Path:
        return self.cache / "translations.sqlite3"

    @property
    def glossary(self) -> Path:
        """The user's glossary: German term, English term (CSV)."""
        return self.data / "glossary.csv"

    @property
    def edits(self) -> Path:
        """The reader's own English for sentences, per document (``core/edits/store.py``)."""
        return self.data / "edits.sqlite3"

    @property
    def logs(self) -> Path:
        return self.state / "logs"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.ini"

    def ensure(self) -> DataPaths:
        """Create the folders; one that cannot be made (read-only, a file in its place) is
        left out: its cache, log or settings are then simply not kept."""
        for folder in (self.config, self.data, self.cache, self.state, self.packages):
            with contextlib.suppress(OSError):
                folder.mkdir(parents=True, exist_ok=True)
        return self


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> DataPaths:
    """``--data-dir`` wins, then ``READER_DATA_DIR``, then the XDG base directories."""
    chosen = data_dir or os.environ.get(DATA_DIR_ENV)
    if chosen:
        root = Path(chosen).expanduser().resolve()
        return DataPaths(root / "config", root / "data", root / "cache", root / "state")
    home = Path.home()

    def xdg(name: str, fallback: str) -> Path:
        value = os.environ.get(name)
        return (Path(value) if value else home / fallback) / APP_NAME

    return DataPaths(
        xdg("XDG_CONFIG_HOME", ".config"),
        xdg("XDG_DATA_HOME", ".local/share"),
        xdg("XDG_CACHE_HOME", ".cache"),
        xdg("XDG_STATE_HOME", ".local/state"),
    )


def sqlite_file_bytes(path: Path | None) -> int:
    """Bytes a SQLite database takes on disk with its ``-wal`` and ``-shm`` files; 0 when
    missing. Only stats: cheap enough for the GUI thread."""
    if path is None:
        return 0
    total = 0
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            total += Path(f"{path}{suffix}").stat().st_size
    return total
