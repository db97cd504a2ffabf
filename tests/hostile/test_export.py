"""Hostile exports: formula cells, devices and pipes as targets, file modes, inert HTML.

Each case checks the message and the target afterwards: a device is still a device, a pipe
still a pipe, a refused target untouched, a written file has the mode a new file of the
user gets (umask), never the temporary file's 0600.
"""

from __future__ import annotations

import contextlib
import csv
import os
import socket
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hostile.conftest import assert_clear_message, run_in_process, run_reader

pytestmark = pytest.mark.timeout(120)

ARTICLE = "Die Stadt plant eine Brücke. Der Rat ist dafür.\n"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "artikel.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _export(
    capsys: pytest.CaptureFixture[str], article: Path, output: str, *extra: str
) -> tuple[int, str, str]:
    outcome = run_in_process(
        ["export", str(article), "-o", output, "--no-entities", *extra], capsys
    )
    return outcome.code, outcome.out, outcome.err


# --- spreadsheet formulas ---------------------------------------------------------------

FORMULAS = [
    '=HYPERLINK("http://example.org")',
    "=1+1",
    "+49 30 1234",
    "-Minus am Anfang",
    "@SUM(A1:A2)",
    "=cmd|' /C calc'!A0",
]


@pytest.mark.parametrize("start", FORMULAS)
def test_tsv_cells_that_start_a_formula_are_neutralized(
    installed: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    start: str,
) -> None:
    article = tmp_path / "formel.txt"
    article.write_text(f"{start} steht hier.\n", encoding="utf-8")
    out = tmp_path / "out.tsv"
    code, _out, err = _export(capsys, article, str(out))
    assert code == 0, err
    rows = list(csv.reader(out.read_text(encoding="utf-8").splitlines(), delimiter="\t"))
    german, english = rows[1][1], rows[1][2]
    assert german.startswith("'") and english.startswith("'")
    assert german[1:].startswith(start.split(" ")[0][:2])


def test_harmless_cells_are_unchanged(
    installed: Path, article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.tsv"
    assert _export(capsys, article, str(out))[0] == 0
    assert out.read_text(encoding="utf-8").splitlines()[1] == (
        "0\tDie Stadt plant eine Brücke.\tDie Stadt plant eine Brücke."
    )


# --- targets that are not regular files -------------------------------------------------


@pytest.fixture
def fifo_reader(tmp_path: Path) -> Iterator[Path]:
    """A FIFO with a reader attached, so a wrong open for writing would not block forever."""
    path = tmp_path / "pipe.tsv"
    os.mkfifo(path)
    stop = threading.Event()

    def drain() -> None:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        try:
            while not stop.wait(0.05):
                with contextlib.suppress(BlockingIOError):
                    os.read(fd, 65536)
        finally:
            os.close(fd)

    thread = threading.Thread(target=drain, daemon=True)
    thread.start()
    yield path
    stop.set()
    thread.join(5)


@pytest.mark.parametrize("device", ["/dev/null", "/dev/full", "/dev/zero"])
@pytest.mark.parametrize("suffix", ["tsv", "html", "md", "tmx"])
def test_devices_are_refused_and_left_alone(
    installed: Path,
    article: Path,
    capsys: pytest.CaptureFixture[str],
    device: str,
    suffix: str,
) -> None:
    before = os.stat(device)
    code, out, err = _export(capsys, article, device, "--to", suffix)
    assert code == 1
    assert "not a regular file" in err and "-o -" in err
    assert out == ""
    assert_clear_message(err, max_lines=1)
    after = os.stat(device)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


def test_dev_stdout_gets_a_hint_not_permission_denied(installed: Path, article: Path) -> None:
    outcome = run_reader(
        "export", str(article), "-o", "/dev/stdout", "--to", "tsv", data_dir=installed
    )
    assert outcome.code == 1
    assert "Permission denied" not in outcome.err
    assert "give -o - for standard output" in outcome.err


def test_fifo_target_is_refused_without_blocking(
    installed: Path, article: Path, fifo_reader: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = _export(capsys, article, str(fifo_reader))
    assert code == 1
    assert "not a regular file" in err
    assert stat.S_ISFIFO(os.lstat(fifo_reader).st_mode)


@pytest.mark.parametrize("kind", ["directory", "socket", "symlink-to-directory"])
def test_other_special_targets_are_refused(
    installed: Path,
    article: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
) -> None:
    target = tmp_path / "ziel.html"
    if kind == "directory":
        target.mkdir()
    elif kind == "socket":
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(str(target))
        server.close()
    else:
        (tmp_path / "ordner").mkdir()
        target.symlink_to(tmp_path / "ordner")
    mode = os.lstat(target).st_mode
    code, _out, err = _export(capsys, article, str(target))
    assert code == 1
    assert "not a regular file" in err
    assert os.lstat(target).st_mode == mode
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".ziel")]


def test_missing_folder_is_a_clear_message(
    installed: Path, article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = _export(capsys, article, str(tmp_path / "fehlt" / "out.html"))
    assert code == 1
    assert "No such file or directory" in err
    assert_clear_message(err, max_lines=1)
    assert not (tmp_path / "fehlt").exists()


@pytest.mark.parametrize("fmt", ["tsv", "html", "md", "tmx"])
def test_dash_writes_standard_output(
    installed: Path, article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    code, out, err = _export(capsys, article, "-", "--to", fmt)
    assert code == 0, err
    assert "Brücke" in out
    assert not (tmp_path / "-").exists()


def test_output_name_with_escape_sequences_is_escaped(
    installed: Path, article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "fehlt" / "\x1b[2Jname\n.tsv"
    code, _out, err = _export(capsys, article, str(target))
    assert code == 1
    assert "\\x1b[2Jname\\n.tsv" in err
    assert_clear_message(err, max_lines=1)


# --- file modes ---------------------------------------------------------------------------


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
@pytest.mark.parametrize("fmt", ["tsv", "html"])
def test_new_export_gets_the_users_usual_mode(
    installed: Path,
    article: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    umask: int,
    mode: int,
    fmt: str,
) -> None:
    out = tmp_path / f"out.{fmt}"
    old = os.umask(umask)
    try:
        code, _out, err = _export(capsys, article, str(out))
    finally:
        os.umask(old)
    assert code == 0, err
    assert stat.S_IMODE(out.stat().st_mode) == mode
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_replaced_export_keeps_its_mode(
    installed: Path, article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.tsv"
    out.write_text("alt")
    out.chmod(0o640)
    assert _export(capsys, article, str(out))[0] == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert "Brücke" in out.read_text(encoding="utf-8")


def test_export_through_a_symlink_replaces_the_link_with_the_file(
    installed: Path, article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "echt.tsv"
    real.write_text("alt")
    link = tmp_path / "link.tsv"
    link.symlink_to(real)
    assert _export(capsys, article, str(link))[0] == 0
    assert "Brücke" in link.read_text(encoding="utf-8")
    assert real.read_text() == "alt"  # the link's target is never written through


# --- HTML stays inert ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "markdown",
    [
        '<script>alert(1)</script>\n\nText. <img src=x onerror="alert(1)">',
        "[klick](javascript:alert(1)) Text.",
        '<iframe src="https://example.org"></iframe>\n\nText.',
        "<a href='data:text/html,<script>alert(1)</script>'>x</a> Text.",
    ],
    ids=["script", "javascript-link", "iframe", "data-url"],
)
def test_html_export_of_hostile_markdown_is_inert(
    installed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], markdown: str
) -> None:
    article = tmp_path / "böse.md"
    article.write_text(markdown, encoding="utf-8")
    out = tmp_path / "out.html"
    code, _out, err = _export(capsys, article, str(out))
    assert code == 0, err
    html = out.read_text(encoding="utf-8").lower()
    for needle in ("<script", "javascript:", "onerror", "<iframe", "data:text/html"):
        assert needle not in html
