"""Hostile paths: special files, odd names, and data dirs that cannot be written.

Each case checks the one-line message and that the path is what it was afterwards (a FIFO is
still a FIFO, a device still a device, nothing created).
"""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest

from tests.hostile.conftest import (
    as_nobody,
    assert_clear_message,
    needs_root,
    run_in_process,
    run_reader,
)

pytestmark = pytest.mark.timeout(120)

ARTICLE = "Die Stadt plant eine Brücke. Der Rat ist dafür.\n"


def _mode(path: Path) -> int:
    return os.lstat(path).st_mode


def _special(tmp_path: Path, kind: str) -> Path:
    """A path of the given kind, named like a document."""
    path = tmp_path / f"{kind}.md"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "directory":
        path.mkdir()
    elif kind == "socket":
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(str(path))
        server.close()
    elif kind == "symlink-loop":
        path.symlink_to(path.name)
    elif kind == "dangling-symlink":
        path.symlink_to(tmp_path / "nirgends.md")
    elif kind == "symlink-to-dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "symlink-to-fifo":
        os.mkfifo(tmp_path / "pipe")
        path.symlink_to(tmp_path / "pipe")
    elif kind == "under-a-file":
        (tmp_path / "datei").write_text("x")
        path = tmp_path / "datei" / "a.md"
    elif kind == "missing":
        pass
    elif kind == "name-too-long":
        path = tmp_path / ("x" * 300 + ".md")
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "whitespace":
        path.write_bytes(b" \n\t\n" * 100)
    elif kind == "no-suffix":
        path = tmp_path / "README"
        path.write_text(ARTICLE)
    elif kind == "pdf-suffix":
        path = tmp_path / "a.pdf"
        path.write_text(ARTICLE)
    elif kind == "too-large":
        with path.open("wb") as handle:
            handle.truncate(5 * 1024 * 1024)
    else:
        raise AssertionError(kind)
    return path


KINDS = {
    "fifo": "not a regular file",
    "directory": "not a regular file",
    "socket": "not a regular file",
    "symlink-loop": "could not be read",
    "dangling-symlink": "no such file",
    "symlink-to-dev-zero": "not a regular file",
    "symlink-to-fifo": "not a regular file",
    "under-a-file": "no such file",
    "missing": "no such file",
    "name-too-long": "could not be read",
    "empty": "has no text",
    "whitespace": "has no text",
    "no-suffix": "unsupported format",
    "pdf-suffix": "damaged, cannot be read",  # text named .pdf: PDFs open, this is none
    "too-large": "over the limit",
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_special_paths_get_one_clear_line(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _special(tmp_path, kind)
    before = _mode(path) if os.path.lexists(path) else None
    outcome = run_in_process(["sentences", str(path)], capsys)
    assert outcome.code == 1
    assert KINDS[kind] in outcome.err
    assert outcome.err.startswith("reader: ")
    assert_clear_message(outcome.err, max_lines=1)
    assert (_mode(path) if os.path.lexists(path) else None) == before


@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero", "/dev/full", "/dev/urandom"])
def test_devices_are_not_documents(device: str, capsys: pytest.CaptureFixture[str]) -> None:
    outcome = run_in_process(["sentences", device], capsys)
    assert outcome.code == 1
    assert "not a regular file" in outcome.err or "unsupported format" in outcome.err
    assert_clear_message(outcome.err, max_lines=1)
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_fifo_never_blocks_the_window_or_a_command(tmp_path: Path) -> None:
    path = _special(tmp_path, "fifo")
    outcome = run_reader("translate", str(path), data_dir=tmp_path / "data", timeout=60)
    assert outcome.code == 1
    assert "not a regular file" in outcome.err
    assert stat.S_ISFIFO(_mode(path))


def test_name_that_is_not_utf8_is_read_and_shown_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = os.fsdecode(b"artikel-\xff\xfe.txt")
    (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    outcome = run_in_process(["sentences", str(tmp_path / name)], capsys)
    assert outcome.code == 0
    assert "Die Stadt plant eine Brücke." in outcome.out
    missing = run_in_process(["sentences", str(tmp_path / os.fsdecode(b"weg-\xff.md"))], capsys)
    assert missing.code == 1
    assert "\\udcff" in missing.err
    assert_clear_message(missing.err, max_lines=1)


# --- data dirs the reader cannot write ---------------------------------------------------


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "artikel.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_data_dir_that_is_a_file_costs_one_line(tmp_path: Path, article: Path) -> None:
    data = tmp_path / "data"
    data.write_text("kein Ordner")
    outcome = run_reader("sentences", str(article), data_dir=data)
    assert outcome.code == 0
    assert "Die Stadt plant eine Brücke." in outcome.out
    assert "no log file" in outcome.err
    assert_clear_message(outcome.err, max_lines=1)
    assert data.read_text() == "kein Ordner"


def test_data_dir_under_proc_is_read_only_even_for_root(tmp_path: Path, article: Path) -> None:
    outcome = run_reader("sentences", str(article), data_dir=Path("/proc/reader-data"))
    assert outcome.code == 0
    assert "Die Stadt plant eine Brücke." in outcome.out
    assert_clear_message(outcome.err, max_lines=1)


def test_translate_with_data_dir_a_file_says_no_model(tmp_path: Path, article: Path) -> None:
    data = tmp_path / "data"
    data.write_text("kein Ordner")
    outcome = run_reader("translate", str(article), data_dir=data)
    assert outcome.code == 1
    assert "no de→en translation model is installed" in outcome.err
    assert_clear_message(outcome.err, max_lines=2)


def test_models_list_with_data_dir_a_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.write_text("kein Ordner")
    outcome = run_reader("models", "list", data_dir=data)
    assert outcome.code == 0
    assert "No translation packages installed" in outcome.out
    assert_clear_message(outcome.err, max_lines=1)


def test_full_disk_gives_one_line_not_a_traceback_per_log_record(
    installed: Path, article: Path
) -> None:
    logs = installed / "state" / "logs"
    logs.mkdir(parents=True)
    (logs / "reader.log").symlink_to("/dev/full")
    cache = installed / "cache" / "translations.sqlite3"
    cache.parent.mkdir(parents=True)
    cache.write_bytes(b"not a database " * 100)  # makes the cache log a warning
    outcome = run_reader("translate", "-v", str(article), data_dir=installed)
    assert outcome.code == 0, outcome.err
    assert "Die Stadt plant eine Brücke." in outcome.out
    assert "No space left on device" in outcome.err
    assert outcome.err.count("cannot be written") == 1
    assert "Traceback" not in outcome.err
    assert (logs / "reader.log").is_symlink()


@needs_root
def test_read_only_data_dir_as_a_normal_user(shared_dir: Path) -> None:
    article = shared_dir / "artikel.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    article.chmod(0o644)
    data = shared_dir / "data"
    data.mkdir(mode=0o755)  # owned by root: nobody may read, not write

    def command() -> int:
        from reader.cli import run_command

        os.environ["READER_DATA_DIR"] = str(data)
        return run_command(["sentences", str(article)])

    outcome = as_nobody(command, shared_dir)
    assert outcome.code == 0, outcome.err
    assert "Die Stadt plant eine Brücke." in outcome.out
    assert "no log file" in outcome.err
    assert_clear_message(outcome.err, max_lines=1)
    assert list(data.iterdir()) == []


def test_window_starts_with_a_data_dir_that_is_a_file(tmp_path: Path, article: Path) -> None:
    data = tmp_path / "data"
    data.write_text("kein Ordner")
    marker = tmp_path / "painted"
    outcome = run_reader(
        str(article),
        data_dir=data,
        env={"READER_FIRST_PAINT_FILE": str(marker), "READER_EXIT_AFTER_FIRST_PAINT": "1"},
    )
    assert outcome.code == 0, outcome.err
    assert marker.is_file()
    assert "Traceback" not in outcome.err
    assert data.read_text() == "kein Ordner"
