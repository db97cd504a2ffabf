"""A second launch hands its file to the first; a stale socket from a crash is handled."""

from __future__ import annotations

import os
import socket
from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.workers.single_instance import SingleInstance, server_name


def _name(tmp_path: Path) -> str:
    name = server_name(tmp_path)
    assert name is not None
    return name


def test_second_instance_hands_files_to_the_first(qtbot: QtBot, tmp_path: Path) -> None:
    name = _name(tmp_path)
    first = SingleInstance(name)
    assert first.listen()
    try:
        second = SingleInstance(name)
        target = tmp_path / "artikel.md"
        target.write_text("# Titel\n", encoding="utf-8")
        with qtbot.waitSignal(first.files_received, timeout=5000) as blocker:
            assert second.hand_over([str(target)])
        assert blocker.args == [[str(target.resolve())]]
    finally:
        first.close()


def test_hand_over_fails_when_nobody_runs(tmp_path: Path, qapp: object) -> None:
    assert not SingleInstance(_name(tmp_path)).hand_over(["x.md"], timeout_ms=200)


def test_stale_socket_from_a_crash_is_replaced(qtbot: QtBot, tmp_path: Path) -> None:
    name = _name(tmp_path)
    # A crashed instance leaves its socket file behind: bound, never accepting, then gone.
    path = name
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(path)
    stale.close()
    assert os.path.exists(path)
    assert not SingleInstance(name).hand_over([], timeout_ms=200)
    instance = SingleInstance(name)
    try:
        assert instance.listen()
        with qtbot.waitSignal(instance.files_received, timeout=5000) as blocker:
            assert SingleInstance(name).hand_over([])
        assert blocker.args == [[]]
    finally:
        instance.close()


def test_garbage_on_the_socket_is_ignored(qtbot: QtBot, tmp_path: Path) -> None:
    name = _name(tmp_path)
    instance = SingleInstance(name)
    assert instance.listen()
    received: list[list[str]] = []
    instance.files_received.connect(received.append)
    try:
        client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        client.connect(name)
        client.sendall(b"not json\n")
        client.close()
        # A well-formed message after the garbage still arrives, so the garbage was dropped.
        with qtbot.waitSignal(instance.files_received, timeout=5000):
            assert SingleInstance(name).hand_over(["b.md"])
        assert len(received) == 1
    finally:
        instance.close()
