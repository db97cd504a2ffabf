"""Test set-up that must happen before anything imports Qt or Argos.

- Qt runs offscreen; every XDG folder and the reader's data dir point into a temp dir, so no
  test writes into the real home.
- Network access is blocked for every test: any connection to a non-loopback address fails.
  Tests that serve files on 127.0.0.1 work; nothing else can phone home.
"""

from __future__ import annotations

import os
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest_plugins = ["tests.fixtures.plugin"]

_SESSION_HOME = Path(tempfile.mkdtemp(prefix="reader-tests-"))
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["ORT_DISABLE_TELEMETRY"] = "1"
for _name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = str(_SESSION_HOME / _name.lower())
os.environ["READER_DATA_DIR"] = str(_SESSION_HOME / "reader-data")
os.environ.pop("ARGOS_PACKAGES_DIR", None)


class NetworkBlocked(RuntimeError):
    """Raised when a test tries to reach anything but the loopback interface."""


_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _is_loopback(address: object) -> bool:
    if isinstance(address, tuple) and address:
        host = str(address[0])
        return host in ("localhost", "::1") or host.startswith("127.")
    # AF_UNIX paths (Qt local sockets, single-instance) are local by definition.
    return isinstance(address, (str, bytes))


def _guarded_connect(self: socket.socket, address: object) -> object:
    if not _is_loopback(address):
        raise NetworkBlocked(f"test tried to connect to {address!r}")
    return _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: object) -> object:
    if not _is_loopback(address):
        raise NetworkBlocked(f"test tried to connect to {address!r}")
    return _real_connect_ex(self, address)


@pytest.fixture(autouse=True)
def block_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded_connect_ex)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh reader data dir for one test (settings, caches, models)."""
    folder = tmp_path / "reader-data"
    monkeypatch.setenv("READER_DATA_DIR", str(folder))
    return folder


@pytest.fixture(scope="session", autouse=True)
def background_jobs_end() -> Iterator[None]:
    """After the last test, every background job has returned: the job pool's threads are
    idle before Python tears the pool down, so no thread is destroyed while running."""
    yield
    import sys

    jobs = sys.modules.get("reader.workers.jobs")
    if jobs is not None:
        assert jobs.cancel_all_jobs(20_000), "a background job was still running at the end"


@pytest.fixture(scope="session", autouse=True)
def clipboard_emptied_at_end() -> Iterator[None]:
    """After the last test, the clipboard holds nothing: PySide6 (6.11, offscreen) crashes
    at interpreter exit when the clipboard still owns QMimeData that a test put there."""
    yield
    import sys

    widgets = sys.modules.get("PySide6.QtWidgets")
    app = widgets.QApplication.instance() if widgets is not None else None
    if app is not None:
        widgets.QApplication.clipboard().clear()
