"""read_local_resource: bytes only for size-capped regular files below the document folder."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from reader.core.document.resources import read_local_resource

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    base = tmp_path / "artikel"
    (base / "bilder").mkdir(parents=True)
    (base / "bilder" / "foto.png").write_bytes(PNG)
    (base / "Bild mit Leerzeichen.png").write_bytes(PNG)
    (tmp_path / "draussen.png").write_bytes(PNG)
    return base


@pytest.mark.parametrize(
    "url",
    [
        "bilder/foto.png",
        "./bilder/foto.png",
        "bilder/foto.png?x=1#frag",
        "Bild%20mit%20Leerzeichen.png",
    ],
)
def test_regular_file_below_base_is_read(folder: Path, url: str) -> None:
    assert read_local_resource(folder, url) == PNG


def test_absolute_and_file_urls_inside_base_are_read(folder: Path) -> None:
    inside = folder / "bilder" / "foto.png"
    assert read_local_resource(folder, str(inside)) == PNG
    assert read_local_resource(folder, inside.as_uri()) == PNG


@pytest.mark.parametrize(
    "url",
    [
        "",
        "https://example.org/bild.png",
        "http://127.0.0.1/bild.png",
        "data:image/png;base64,iVBORw0KGgo=",
        "//server/share/bild.png",
        "file://server/bild.png",
        "../draussen.png",
        "bilder/../../draussen.png",
        "/dev/zero",
        "file:///dev/zero",
        "/etc/passwd",
        "bilder",
        "fehlt.png",
        "bilder/foto.png\x00.txt",
        "C:/Windows/win.ini",
    ],
)
def test_everything_else_is_refused(folder: Path, url: str) -> None:
    assert read_local_resource(folder, url) is None


def test_outside_file_by_absolute_url_is_refused(folder: Path) -> None:
    outside = folder.parent / "draussen.png"
    assert read_local_resource(folder, str(outside)) is None
    assert read_local_resource(folder, outside.as_uri()) is None


def test_symlink_out_of_base_is_refused(folder: Path) -> None:
    (folder / "link.png").symlink_to(folder.parent / "draussen.png")
    (folder / "null.png").symlink_to("/dev/zero")
    assert read_local_resource(folder, "link.png") is None
    assert read_local_resource(folder, "null.png") is None


def test_symlink_inside_base_is_followed(folder: Path) -> None:
    (folder / "kurz.png").symlink_to(folder / "bilder" / "foto.png")
    assert read_local_resource(folder, "kurz.png") == PNG


def test_size_cap(folder: Path) -> None:
    assert read_local_resource(folder, "bilder/foto.png", max_bytes=len(PNG)) == PNG
    assert read_local_resource(folder, "bilder/foto.png", max_bytes=len(PNG) - 1) is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_refused_without_blocking(folder: Path) -> None:
    os.mkfifo(folder / "rohr.png")
    result: list[bytes | None] = []
    worker = threading.Thread(
        target=lambda: result.append(read_local_resource(folder, "rohr.png")), daemon=True
    )
    worker.start()
    worker.join(timeout=10)
    if worker.is_alive():
        # Unblock the reader so the test process can finish, then fail.
        with open(folder / "rohr.png", "wb"):
            pass
        pytest.fail("read_local_resource blocked on a FIFO")
    assert result == [None]


def test_base_dir_itself_is_refused(folder: Path) -> None:
    assert read_local_resource(folder, ".") is None
    assert read_local_resource(folder, str(folder)) is None
