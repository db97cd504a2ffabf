"""Hostile neighbours: the single-instance socket, what is sent to it, and the network.

The socket must live where only this user can reach it (``XDG_RUNTIME_DIR`` or a private
0700 folder), so another local user can neither take the name first nor receive the paths
we open; a line sent to it that is not ours is ignored; nothing touches the network.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import os
import socket
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.workers.single_instance import SingleInstance, private_socket_dir, server_name
from tests.hostile.conftest import NOBODY, as_nobody, needs_root, run_in_process

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def runtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private XDG_RUNTIME_DIR and a temp dir of our own for the fallback."""
    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    fallback = tmp_path / "tmp"
    fallback.mkdir(mode=0o1777)
    fallback.chmod(0o1777)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(fallback))
    yield folder


def test_socket_lives_in_the_runtime_dir_with_mode_0700(runtime: Path, tmp_path: Path) -> None:
    name = server_name(tmp_path / "data")
    assert name is not None
    assert Path(name).parent == runtime / "bilingual-reader"
    assert stat.S_IMODE(os.stat(runtime / "bilingual-reader").st_mode) == 0o700


@pytest.mark.parametrize("kind", ["world-writable", "missing", "a-file", "group-readable"])
def test_unsafe_runtime_dir_falls_back_to_a_private_folder(
    runtime: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    bad = tmp_path / "bad-run"
    if kind == "world-writable":
        bad.mkdir()
        bad.chmod(0o777)
    elif kind == "a-file":
        bad.write_text("x")
    elif kind == "group-readable":
        bad.mkdir()
        bad.chmod(0o750)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(bad))
    folder = private_socket_dir()
    assert folder == Path(tempfile.gettempdir()) / f"bilingual-reader-{os.getuid()}"
    info = os.lstat(folder)
    assert stat.S_IMODE(info.st_mode) == 0o700 and info.st_uid == os.getuid()
    assert not (bad / "bilingual-reader").exists()


@needs_root
def test_runtime_dir_of_another_user_is_not_used(
    runtime: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    foreign = tmp_path / "foreign-run"
    foreign.mkdir(mode=0o700)
    os.chown(foreign, NOBODY, NOBODY)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(foreign))
    folder = private_socket_dir()
    assert folder is not None and not str(folder).startswith(str(foreign))


def _fallback(runtime: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    return Path(tempfile.gettempdir()) / f"bilingual-reader-{os.getuid()}"


@pytest.mark.parametrize("kind", ["owned-by-nobody", "mode-0777", "symlink", "a-file"])
def test_fallback_folder_taken_first_means_no_single_instance(
    runtime: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object, kind: str
) -> None:
    folder = _fallback(runtime, monkeypatch)
    if kind == "owned-by-nobody":
        if os.geteuid() != 0:
            pytest.skip("making a folder another user owns needs root")
        folder.mkdir(mode=0o700)
        os.chown(folder, NOBODY, NOBODY)
    elif kind == "mode-0777":
        folder.mkdir()
        folder.chmod(0o777)
    elif kind == "symlink":
        target = tmp_path / "elsewhere"
        target.mkdir(mode=0o700)
        folder.symlink_to(target)
    else:
        folder.write_text("x")
    assert server_name(tmp_path / "data") is None
    instance = SingleInstance(None)
    assert not instance.hand_over(["a.md"], timeout_ms=200)
    assert not instance.listen()  # the reader runs on, as its own instance
    assert os.lstat(folder).st_mode == os.lstat(folder).st_mode


def test_listener_at_the_old_guessable_name_gets_nothing(
    runtime: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    data = tmp_path / "data"
    digest = hashlib.sha1(str(data.resolve()).encode("utf-8")).hexdigest()[:12]
    old = Path(tempfile.gettempdir()) / f"bilingual-reader-{getpass.getuser()}-{digest}"
    squatter = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    squatter.bind(str(old))
    squatter.listen(1)
    squatter.settimeout(0.2)
    try:
        assert not SingleInstance(server_name(data)).hand_over(["geheim.md"], timeout_ms=300)
        with pytest.raises(TimeoutError):
            squatter.accept()
    finally:
        squatter.close()


@needs_root
def test_another_user_cannot_reach_or_take_the_socket(
    runtime: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    tmp_path.chmod(0o755)
    runtime.chmod(0o700)
    name = server_name(tmp_path / "data")
    assert name is not None
    instance = SingleInstance(name)
    assert instance.listen()
    received: list[list[str]] = []
    instance.files_received.connect(received.append)
    try:

        def intrude() -> int:
            for action in ("connect", "bind"):
                probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                try:
                    if action == "connect":
                        probe.connect(name)
                        probe.sendall(b'{"open": ["/etc/shadow"]}\n')
                    else:
                        probe.bind(str(Path(name).with_name("instance-evil")))
                    return 1  # reached or took it
                except PermissionError:
                    pass
                finally:
                    probe.close()
            return 0

        outcome = as_nobody(intrude, tmp_path)
        assert outcome.code == 0, outcome.err
        qtbot.wait(200)
        assert received == []
        assert not Path(name).with_name("instance-evil").exists()
    finally:
        instance.close()


# --- what arrives on the socket ----------------------------------------------------------


@pytest.fixture
def listening(runtime: Path, tmp_path: Path) -> Iterator[tuple[str, SingleInstance]]:
    """A running reader's socket (its name and its instance), closed afterwards."""
    name = server_name(tmp_path / "data")
    assert name is not None
    instance = SingleInstance(name)
    assert instance.listen()
    yield name, instance
    instance.close()


HOSTILE_LINES = {
    "deep": b"[" * 100_000,
    "deep-open": b'{"open": ' + b"[" * 10_000 + b"]" * 10_000 + b"}",
    "long-number": b'{"open": [], "n": ' + b"9" * 50_000 + b"}",
    "nan": b'{"open": NaN}',
    "list": b'["a.md"]',
    "open-string": b'{"open": "a.md"}',
    "open-numbers": b'{"open": [1, 2, 3]}',
    "not-utf8": b'{"open": ["\xff\xfe"]}',
    "not-json": b"hallo",
    "empty": b"",
    "null": b"null",
}


@pytest.mark.parametrize("kind", sorted(HOSTILE_LINES))
def test_lines_that_are_not_ours_are_ignored(
    listening: tuple[str, SingleInstance], tmp_path: Path, qtbot: QtBot, kind: str
) -> None:
    name, instance = listening
    received: list[list[str]] = []
    instance.files_received.connect(received.append)
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(name)
    client.sendall(HOSTILE_LINES[kind] + b"\n")
    client.close()
    assert SingleInstance(name).hand_over([str(tmp_path / "b.md")])
    qtbot.waitUntil(lambda: len(received) >= 1, timeout=5000)
    qtbot.wait(50)
    assert received == [[str((tmp_path / "b.md").resolve())]]  # the bad line gave nothing


def test_paths_with_nul_are_dropped(listening: tuple[str, SingleInstance], qtbot: QtBot) -> None:
    name, instance = listening
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(name)
    with qtbot.waitSignal(instance.files_received, timeout=5000) as blocker:
        client.sendall(b'{"open": ["a\\u0000b.md", "/tmp/gut.md"]}\n')
    client.close()
    assert blocker.args == [["/tmp/gut.md"]]


def test_oversized_line_is_cut_off(
    listening: tuple[str, SingleInstance], tmp_path: Path, qtbot: QtBot
) -> None:
    name, instance = listening
    received: list[list[str]] = []
    instance.files_received.connect(received.append)
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(name)
    client.settimeout(2.0)  # the event loop is not reading while we send
    # A hang-up (or a full buffer) part way is the point: the line is too long.
    with contextlib.suppress(OSError):
        client.sendall(b'{"open": ["' + b"a" * 200_000 + b'"]}\n')
    client.close()
    with qtbot.waitSignal(instance.files_received, timeout=5000):
        assert SingleInstance(name).hand_over([])
    assert received == [[]]


# --- no network without a click ------------------------------------------------------------


@pytest.fixture
def connections(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every connect() made from Python, loopback and local sockets included."""
    made: list[object] = []
    real = socket.socket.connect

    def record(self: socket.socket, address: object) -> object:
        made.append(address)
        if isinstance(address, tuple):
            raise OSError("network use in a test")
        return real(self, address)

    monkeypatch.setattr(socket.socket, "connect", record)
    return made


REMOTE_MARKDOWN = (
    "# Titel\n\n![Bild](https://example.org/a.png) Text mit [Link](https://example.org).\n\n"
    '<img src="http://198.51.100.7/track.gif"> <iframe src="https://example.org"></iframe>\n'
)


@pytest.mark.parametrize("command", ["sentences", "translate", "export-html", "models-list"])
def test_commands_never_touch_the_network(
    installed: Path,
    tmp_path: Path,
    connections: list[object],
    capsys: pytest.CaptureFixture[str],
    command: str,
) -> None:
    article = tmp_path / "fern.md"
    article.write_text(REMOTE_MARKDOWN, encoding="utf-8")
    args = {
        "sentences": ["sentences", str(article)],
        "translate": ["translate", str(article)],
        "export-html": ["export", str(article), "-o", str(tmp_path / "o.html"), "--no-entities"],
        "models-list": ["models", "list"],
    }[command]
    outcome = run_in_process(args, capsys)
    assert outcome.code == 0, outcome.err
    assert [a for a in connections if isinstance(a, tuple)] == []


def test_window_showing_remote_images_never_touches_the_network(
    make_window, tmp_path: Path, qtbot: QtBot, connections: list[object]
) -> None:
    article = tmp_path / "fern.md"
    article.write_text(REMOTE_MARKDOWN, encoding="utf-8")
    window = make_window(real_loading=True)
    with qtbot.waitSignal(window.documents.document_loaded, timeout=10_000):
        window.open_file(article)
    qtbot.waitUntil(lambda: window.path == article, timeout=5000)
    qtbot.wait(100)
    assert "Text mit Link" in window.view.toPlainText()
    assert [a for a in connections if isinstance(a, tuple)] == []
