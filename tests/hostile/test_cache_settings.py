"""Hostile state: settings values, cache rows and cache files that do not validate.

The rule under test: a state value that does not validate is dropped (with a log line) and
the reader goes on with the default — it never stops showing documents or translating.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.core.document.model import AlignedSpan
from reader.core.translation.cache import CachedTranslation, TranslationCache
from reader.ui.settings import Settings
from tests.hostile.conftest import assert_clear_message, run_reader

pytestmark = pytest.mark.timeout(120)

ARTICLE = "Die Stadt plant eine Brücke. Der Rat ist dafür.\n"

BAD_POSITIONS = {
    "null-value": '{"%s": null}',
    "string-value": '{"%s": "abc"}',
    "float-value": '{"%s": 1.5}',
    "negative": '{"%s": -7}',
    "bool": '{"%s": true}',
    "huge-int": '{"%s": ' + "9" * 5000 + "}",
    "overflow": '{"%s": 99999999999999999999}',
    "list-value": '{"%s": [1, 2]}',
    "deep": "[" * 100_000,
    "not-json": "{nicht json",
    "list": "[1, 2, 3]",
    "nan": '{"%s": NaN}',
    "huge-blob": '{"x": "' + "a" * 200_000 + '"}',
}


def _settings_with_positions(folder: Path, raw: str, key: str) -> Settings:
    settings = Settings(folder / "settings.ini")
    value = raw % key if "%s" in raw else raw
    settings._qsettings.setValue("files/positions", value)
    settings.sync()
    return Settings(folder / "settings.ini")


@pytest.mark.parametrize("kind", sorted(BAD_POSITIONS))
def test_bad_reading_position_is_dropped_with_a_log_line(
    qapp: object, tmp_path: Path, kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    key = str((tmp_path / "a.txt").absolute())
    settings = _settings_with_positions(tmp_path, BAD_POSITIONS[kind], key)
    with caplog.at_level(logging.WARNING, logger="reader.ui.settings"):
        assert settings.reading_position(key) == (-1, 0.0)
    assert any("files/positions" in record.getMessage() for record in caplog.records)
    settings.set_reading_position(key, 3)  # writing heals the stored value
    assert settings.reading_position(key) == (3, 0.0)
    assert (tmp_path / "settings.ini").is_file()


def test_good_positions_survive_beside_bad_ones(qapp: object, tmp_path: Path) -> None:
    good, bad = str(tmp_path / "gut.txt"), str(tmp_path / "schlecht.txt")
    raw = json.dumps({good: 12, bad: "abc"})
    settings = _settings_with_positions(tmp_path, raw, "")
    assert settings.reading_position(good) == (12, 0.0)
    assert settings.reading_position(bad) == (-1, 0.0)


@pytest.mark.parametrize("kind", ["null-value", "string-value", "deep", "huge-int"])
def test_window_shows_the_document_despite_a_bad_position(
    make_window, reader_paths, qtbot: QtBot, tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "artikel.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    window = make_window(real_loading=True)
    raw = BAD_POSITIONS[kind]
    window.settings._qsettings.setValue(
        "files/positions", raw % str(path.absolute()) if "%s" in raw else raw
    )
    with qtbot.waitSignal(window.documents.document_loaded, timeout=10_000):
        window.open_file(path)
    qtbot.waitUntil(lambda: window.path == path, timeout=5000)
    assert "Die Stadt plant eine Brücke." in window.view.toPlainText()


SETTING_VALUES = [
    ("view/zoom", "abc"),
    ("view/zoom", "1e400"),
    ("view/zoom", "9" * 5000),
    ("view/font_size", "-3"),
    ("view/font_size", "99999999999999999999"),
    ("view/german_column_percent", "nan"),
    ("view/theme", "[[[["),
    ("view/language", "zz\x1b[2J"),
    ("translation/beam_size", "abc"),
    ("translation/beam_size", "0"),
    ("view/highlight_entities", "vielleicht"),
    ("files/recent", ""),
]


@pytest.mark.parametrize(("key", "value"), SETTING_VALUES)
def test_every_setting_falls_back_to_a_valid_value(
    qapp: object, tmp_path: Path, key: str, value: str
) -> None:
    settings = Settings(tmp_path / "settings.ini")
    settings._qsettings.setValue(key, value)
    assert 50 <= settings.zoom <= 300
    assert 6 <= settings.font_size <= 48
    assert 0 < settings.german_column_percent < 100
    assert settings.theme in ("system", "light", "dark")
    assert settings.language in ("system", "en", "de")
    assert settings.beam_size in (1, 2, 4)
    assert isinstance(settings.highlight_entities, bool)
    assert all(isinstance(item, str) and item for item in settings.recent_files)


# --- cache rows --------------------------------------------------------------------------

MODEL, SETTINGS_KEY, SOURCE = "m", "s", "Die Stadt plant eine Brücke."

BAD_ROWS = {
    "score-text": ("text", "abc", "[]"),
    "score-inf": ("text", float("inf"), "[]"),
    "score-blob": ("text", b"\x00\x01", "[]"),
    "score-huge-text": ("text", "9" * 10_000, "[]"),
    "alignment-deep": ("text", 0.5, "[" * 100_000),
    "alignment-long-number": ("text", 0.5, "[[" + "1" * 10_000 + ",1,1,1]]"),
    "alignment-wrong-arity": ("text", 0.5, "[[1,2,3]]"),
    "alignment-negative": ("text", 0.5, "[[-1,2,3,4]]"),
    "alignment-not-json": ("text", 0.5, "{nicht"),
    "alignment-integer": ("text", 0.5, 5),
    "alignment-floats": ("text", 0.5, "[[0.5,1,2,3]]"),
    "text-integer": (42, 0.5, "[]"),
    "text-blob": (b"\xff", 0.5, "[]"),
}


def _seed(path: Path, row: tuple[object, object, object]) -> None:
    cache = TranslationCache(path)
    cache.put_many(MODEL, SETTINGS_KEY, [(SOURCE, CachedTranslation("x", 0.1, ()))])
    cache.close()
    connection = sqlite3.connect(path)
    # Damage as another program might: SQLite keeps whatever type it is given.
    connection.execute(
        "UPDATE translations SET text = ?, score = ?, alignment = ? WHERE source = ?",
        (*row, SOURCE),
    )
    connection.commit()
    connection.close()


@pytest.mark.parametrize("kind", sorted(BAD_ROWS))
def test_damaged_cache_row_never_crashes_a_lookup(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "t.sqlite3"
    _seed(path, BAD_ROWS[kind])
    cache = TranslationCache(path)
    found = cache.get_many(MODEL, SETTINGS_KEY, [SOURCE])
    cache.close()
    for hit in found.values():
        assert isinstance(hit.text, str)
        assert isinstance(hit.score, float)
        assert all(isinstance(span, AlignedSpan) for span in hit.alignment)
        assert all(v >= 0 for span in hit.alignment for v in vars(span).values())
    assert path.is_file()


def test_translation_goes_on_over_a_cache_of_bad_rows(installed: Path, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    first = run_reader("translate", str(article), data_dir=installed)
    assert first.code == 0, first.err
    cache = installed / "cache" / "translations.sqlite3"
    connection = sqlite3.connect(cache)
    connection.execute("UPDATE translations SET score = 'abc', alignment = '[[[['")
    connection.commit()
    connection.close()
    second = run_reader("translate", str(article), data_dir=installed)
    assert second.code == 0, second.err
    assert [json.loads(line)["en"] for line in second.out.splitlines()] == [
        "Die Stadt plant eine Brücke.",
        "Der Rat ist dafür.",
    ]
    assert_clear_message(second.err, max_lines=0)


CACHE_FILES = ["garbage", "directory", "fifo", "empty", "dev-null"]


@pytest.mark.parametrize("kind", CACHE_FILES)
def test_cache_file_that_is_not_a_database(installed: Path, tmp_path: Path, kind: str) -> None:
    cache = installed / "cache" / "translations.sqlite3"
    cache.parent.mkdir(parents=True)
    if kind == "garbage":
        cache.write_bytes(b"SQLite format 3\x00" + os.urandom(5000))
    elif kind == "directory":
        cache.mkdir()
    elif kind == "fifo":
        os.mkfifo(cache)
    elif kind == "empty":
        cache.write_bytes(b"")
    else:
        cache.symlink_to("/dev/null")
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    outcome = run_reader("translate", str(article), data_dir=installed, timeout=60)
    assert outcome.code == 0, outcome.err
    assert len(outcome.out.splitlines()) == 2
    assert "Traceback" not in outcome.err
    if kind == "directory":
        assert cache.is_dir()
    if kind == "fifo":
        assert stat.S_ISFIFO(os.lstat(cache).st_mode)
    if kind == "dev-null":
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
