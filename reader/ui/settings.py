"""The one wrapper over QSettings: typed getters and setters, an INI file in our config dir.

Never the platform default location: the file is ``resolve_paths().settings_file`` so
``--data-dir``/``READER_DATA_DIR`` (and tests) keep settings where they keep everything else.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from reader.core.bounded_json import JsonRejected, loads_bounded
from reader.core.errors import InvalidBeamSize
from reader.core.paths import DataPaths
from reader.core.translation.decoding import DEFAULT_BEAM_SIZE, check_beam_size

log = logging.getLogger(__name__)

MAX_RECENT = 10
ZOOM_STEPS = (50, 67, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)
THEMES = ("system", "light", "dark")
DEFAULT_MAX_LINE_CHARS = 75  # a comfortable line; the columns are centred beyond it
MIN_LINE_CHARS, MAX_LINE_CHARS = 40, 200
LANGUAGES = ("system", "en", "de")  # the UI's language; "system" follows the desktop
# Ten remembered files need well under 10 KB; a huge value must not slow every start.
MAX_POSITIONS_BYTES = 64 * 1024


def _as_bool(value: object, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).lower() in ("1", "true", "yes", "on")


def _as_int(value: object, default: int) -> int:
    if not isinstance(value, (str, int, float)):
        return default
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return default


def _file_key(path: str) -> str:
    return str(Path(path).expanduser().absolute())


class Settings:
    """Typed access to the reader's settings; every key lives here and nowhere else."""

    def __init__(self, path: Path) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:  # read-only or a file in the way: defaults, nothing saved
            log.warning("settings cannot be kept in %s: %s", path.parent, error)
        self.path = path
        self._qsettings = QSettings(str(path), QSettings.Format.IniFormat)

    @classmethod
    def for_paths(cls, paths: DataPaths) -> Settings:
        return cls(paths.settings_file)

    def sync(self) -> None:
        self._qsettings.sync()

    # --- window ----------------------------------------------------------------------

    @property
    def geometry(self) -> QByteArray | None:
        value = self._qsettings.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._qsettings.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        """Docks and their places (QMainWindow.saveState)."""
        value = self._qsettings.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._qsettings.setValue("window/state", value)

    @property
    def german_column_percent(self) -> int:
        value = _as_int(self._qsettings.value("view/german_column_percent"), 50)
        return max(25, min(75, value))

    @german_column_percent.setter
    def german_column_percent(self, value: int) -> None:
        self._qsettings.setValue("view/german_column_percent", max(25, min(75, int(value))))

    @property
    def max_line_chars(self) -> int:
        """The longest line of a column, in characters; wider windows centre the text."""
        value = _as_int(self._qsettings.value("view/max_line_chars"), DEFAULT_MAX_LINE_CHARS)
        return max(MIN_LINE_CHARS, min(MAX_LINE_CHARS, value))

    @max_line_chars.setter
    def max_line_chars(self, value: int) -> None:
        value = max(MIN_LINE_CHARS, min(MAX_LINE_CHARS, int(value)))
        self._qsettings.setValue("view/max_line_chars", value)

    # --- reading -----------------------------------------------------------------------

    @property
    def zoom(self) -> int:
        """Zoom in percent, one of ``ZOOM_STEPS``."""
        value = _as_int(self._qsettings.value("view/zoom"), 100)
        return value if value in ZOOM_STEPS else 100

    @zoom.setter
    def zoom(self, value: int) -> None:
        self._qsettings.setValue("view/zoom", int(value))

    @property
    def font_family(self) -> str:
        return str(self._qsettings.value("view/font_family", "") or "")

    @font_family.setter
    def font_family(self, value: str) -> None:
        self._qsettings.setValue("view/font_family", value)

    @property
    def font_size(self) -> int:
        return max(6, min(48, _as_int(self._qsettings.value("view/font_size"), 12)))

    @font_size.setter
    def font_size(self, value: int) -> None:
        self._qsettings.setValue("view/font_size", int(value))

    @property
    def theme(self) -> str:
        """``system``, ``light`` or ``dark``."""
        value = str(self._qsettings.value("view/theme", "system") or "system")
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._qsettings.setValue("view/theme", value if value in THEMES else "system")

    @property
    def beam_size(self) -> int:
        """Any beam the command line accepts too; the default for anything else."""
        value = self._qsettings.value("translation/beam_size")
        if value is None:
            return DEFAULT_BEAM_SIZE
        try:
            return check_beam_size(value)
        except InvalidBeamSize:
            log.warning("settings: ignoring beam size %r", value)
            return DEFAULT_BEAM_SIZE

    @beam_size.setter
    def beam_size(self, value: int) -> None:
        self._qsettings.setValue("translation/beam_size", check_beam_size(value))

    @property
    def leave_core_free(self) -> bool:
        """Translate on every core but one (off: every core)."""
        return _as_bool(self._qsettings.value("translation/leave_core_free"), False)

    @leave_core_free.setter
    def leave_core_free(self, value: bool) -> None:
        self._qsettings.setValue("translation/leave_core_free", bool(value))

    @property
    def highlight_entities(self) -> bool:
        return _as_bool(self._qsettings.value("view/highlight_entities"), True)

    @highlight_entities.setter
    def highlight_entities(self, value: bool) -> None:
        self._qsettings.setValue("view/highlight_entities", bool(value))

    @property
    def check_translation(self) -> bool:
        """View › Check Translation: flag numbers, dates and names the English lost."""
        return _as_bool(self._qsettings.value("view/check_translation"), True)

    @check_translation.setter
    def check_translation(self, value: bool) -> None:
        self._qsettings.setValue("view/check_translation", bool(value))

    @property
    def hide_english(self) -> bool:
        """View › Hide English (reading practice)."""
        return _as_bool(self._qsettings.value("view/hide_english"), False)

    @hide_english.setter
    def hide_english(self, value: bool) -> None:
        self._qsettings.setValue("view/hide_english", bool(value))

    @property
    def interleaved(self) -> bool:
        """View › Interleaved: English under German in one column."""
        return _as_bool(self._qsettings.value("view/interleaved"), False)

    @interleaved.setter
    def interleaved(self, value: bool) -> None:
        self._qsettings.setValue("view/interleaved", bool(value))

    @property
    def name_pipeline(self) -> str:
        """An installed spaCy pipeline to find names with ("de_core_news_lg"), "" for ours."""
        return str(self._qsettings.value("names/pipeline", "") or "")

    @name_pipeline.setter
    def name_pipeline(self, value: str) -> None:
        self._qsettings.setValue("names/pipeline", value)

    @property
    def language(self) -> str:
        """The UI language, one of ``LANGUAGES``; read once at start."""
        value = str(self._qsettings.value("view/language", "system") or "system")
        return value if value in LANGUAGES else "system"

    @language.setter
    def language(self, value: str) -> None:
        self._qsettings.setValue("view/language", value if value in LANGUAGES else "system")

    @property
    def hidden_entity_labels(self) -> list[str]:
        """Entity labels (PER, ORG, LOC, MISC) whose highlighting the legend switched off."""
        value = self._qsettings.value("view/hidden_entity_labels")
        if isinstance(value, str):
            value = [value] if value else []
        known = ("PER", "ORG", "LOC", "MISC")
        return [str(item) for item in (value or []) if str(item) in known]

    @hidden_entity_labels.setter
    def hidden_entity_labels(self, value: list[str]) -> None:
        # An empty list is stored as "" (QSettings would write an @Invalid() list).
        self._qsettings.setValue("view/hidden_entity_labels", list(value) if value else "")

    # --- files -------------------------------------------------------------------------

    @property
    def reopen_last(self) -> bool:
        return _as_bool(self._qsettings.value("files/reopen_last"), False)

    @reopen_last.setter
    def reopen_last(self, value: bool) -> None:
        self._qsettings.setValue("files/reopen_last", bool(value))

    @property
    def recent_files(self) -> list[str]:
        value = self._qsettings.value("files/recent")
        if isinstance(value, str):
            value = [value] if value else []
        return [str(item) for item in (value or []) if item][:MAX_RECENT]

    @recent_files.setter
    def recent_files(self, value: list[str]) -> None:
        self._qsettings.setValue("files/recent", list(value)[:MAX_RECENT])

    def reading_position(self, path: str) -> tuple[int, float]:
        """Where the reader was in ``path``: the top sentence and how far into it
        (a fraction of its height); sentence -1: none remembered."""
        return self._positions().get(_file_key(path), (-1, 0.0))

    def set_reading_position(self, path: str, sentence_id: int, fraction: float = 0.0) -> None:
        # Kept only for files in the recent list, so the map never grows without bound.
        key = _file_key(path)
        recent = {_file_key(entry) for entry in self.recent_files} | {key}
        positions = {k: list(v) for k, v in self._positions().items() if k in recent}
        positions[key] = [int(sentence_id), round(float(fraction), 4)]
        self._qsettings.setValue("files/positions", json.dumps(positions))

    def _positions(self) -> dict[str, tuple[int, float]]:
        """The stored map; entries that do not validate are dropped with a log line."""
        raw = self._qsettings.value("files/positions", "{}") or "{}"
        try:
            value = loads_bounded(str(raw), max_bytes=MAX_POSITIONS_BYTES, max_depth=2)
        except JsonRejected as error:
            log.warning("files/positions in settings ignored: %s", error.reason)
            return {}
        if not isinstance(value, dict):
            log.warning("files/positions in settings ignored: not a JSON object")
            return {}
        positions: dict[str, tuple[int, float]] = {}
        for key, place in value.items():
            # a plain sentence id (older settings) or [sentence id, fraction into it]
            sentence, fraction = (
                place if isinstance(place, list) and len(place) == 2 else (place, 0.0)
            )
            if (
                type(sentence) is int
                and 0 <= sentence < 1 << 31
                and type(fraction) in (int, float)
                and 0.0 <= fraction <= 1.0
            ):
                positions[str(key)] = (sentence, float(fraction))
        if len(positions) < len(value):
            log.warning("files/positions: %d invalid entries dropped", len(value) - len(positions))
        return positions
