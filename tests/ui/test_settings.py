"""Settings live in the data dir's INI file; recent files drop what is gone."""

from __future__ import annotations

from pathlib import Path

from reader.core.paths import DataPaths
from reader.ui.settings import MAX_RECENT, Settings
from reader.ui.window import recent_files


def test_settings_file_is_in_the_data_dir(qapp, reader_paths: DataPaths) -> None:
    settings = Settings.for_paths(reader_paths)
    settings.zoom = 125
    settings.theme = "dark"
    settings.sync()
    assert reader_paths.settings_file.is_file()
    assert "zoom=125" in reader_paths.settings_file.read_text()
    again = Settings.for_paths(reader_paths)
    assert (again.zoom, again.theme) == (125, "dark")


def test_bad_values_fall_back_to_defaults(qapp, tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("[view]\nzoom=7\ntheme=purple\nfont_size=abc\n[translation]\nbeam_size=9\n")
    settings = Settings(path)
    assert settings.zoom == 100
    assert settings.theme == "system"
    assert settings.font_size == 12
    assert settings.beam_size == 4


def test_recent_files_newest_first_capped_and_missing_dropped(qapp, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    files = []
    for number in range(MAX_RECENT + 2):
        path = tmp_path / f"doc{number}.md"
        path.write_text("Hallo.")
        files.append(path)
        recent_files.remember(settings, path)
    recent_files.remember(settings, files[5])  # opened again: moves to the front
    listed = recent_files.existing(settings)
    assert listed[0] == files[5].absolute()
    assert len(listed) == MAX_RECENT
    files[5].unlink()
    listed = recent_files.existing(settings)
    assert files[5].absolute() not in listed
    assert len(settings.recent_files) == MAX_RECENT - 1  # dropped from the settings too
    assert recent_files.last_document(settings) == listed[0]


def test_every_beam_the_command_line_accepts_is_kept(qapp, tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("[translation]\nbeam_size=2\n")
    assert Settings(path).beam_size == 2
    settings = Settings(path)
    settings.beam_size = 1
    assert Settings(path).beam_size == 1
