"""One reader per user: a second launch hands its files to the running window.

A per-user local socket, named after the data dir so portable installs and tests do not
collide. It lives in a directory only this user can enter (``private_socket_dir``): a name
in the shared ``/tmp`` could be taken first by another local user, whose listener then
received the paths we open while the reader exited silently. Both ends also check the
peer's user id. A socket left behind by a crash is detected — nothing answers on it — and
removed before listening.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket as pysocket
import stat
import struct
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from reader.core.bounded_json import JsonRejected, loads_bounded

MAX_MESSAGE_BYTES = 64 * 1024
SOCKET_DIR_NAME = "bilingual-reader"


def private_socket_dir() -> Path | None:
    """A directory owned by this user with mode 0700 for the socket; None when none is safe.

    ``XDG_RUNTIME_DIR`` when it is ours and private, else ``<tmp>/bilingual-reader-<uid>``
    created with mode 0700. A folder of that name another user made first is not used.
    """
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and _is_private_dir(Path(runtime)):
        base = Path(runtime) / SOCKET_DIR_NAME
    else:
        base = Path(tempfile.gettempdir()) / f"{SOCKET_DIR_NAME}-{os.getuid()}"
    try:
        base.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return None
    return base if _is_private_dir(base) else None


def server_name(data_dir: Path) -> str | None:
    """The socket's full path for this data dir; None when no private place exists."""
    folder = private_socket_dir()
    if folder is None:
        return None
    digest = hashlib.sha1(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:12]
    return str(folder / f"instance-{digest}")


def _is_private_dir(path: Path) -> bool:
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.getuid()
        and stat.S_IMODE(info.st_mode) & 0o077 == 0
    )


def peer_is_this_user(socket: QLocalSocket) -> bool:
    """True when the process at the other end runs as this user (Linux ``SO_PEERCRED``)."""
    descriptor = int(socket.socketDescriptor())
    peercred = getattr(pysocket, "SO_PEERCRED", None)
    if descriptor < 0 or peercred is None:
        return peercred is None  # no way to ask: the private directory is the guard
    probe = pysocket.socket(fileno=os.dup(descriptor))
    try:
        raw = probe.getsockopt(pysocket.SOL_SOCKET, peercred, struct.calcsize("3i"))
    except OSError:
        return False
    finally:
        probe.close()
    _pid, uid, _gid = struct.unpack("3i", raw)
    return bool(uid == os.getuid())


class SingleInstance(QObject):
    """Listen for other launches, or hand files over to the instance already running.

    Signals:
        files_received(list): paths a later launch asked us to open (may be empty: just
            come to the front).
    """

    files_received = Signal(list)

    def __init__(self, name: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytearray] = {}

    def hand_over(self, files: list[str], timeout_ms: int = 1000) -> bool:
        """Send ``files`` to a running instance of this user; False when none answers."""
        if self._name is None:
            return False
        socket = QLocalSocket()
        socket.connectToServer(self._name)
        if not socket.waitForConnected(timeout_ms):
            return False
        if not peer_is_this_user(socket):
            socket.abort()  # never hand our paths to another user's listener
            return False
        message = json.dumps({"open": [str(Path(f).resolve()) for f in files]}) + "\n"
        socket.write(message.encode("utf-8"))
        socket.flush()
        # flush() may already have written everything, in which case there is nothing left
        # for waitForBytesWritten to wait for (it then reports False).
        delivered = socket.bytesToWrite() == 0 or socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        return bool(delivered)

    def listen(self) -> bool:
        """Become the running instance; removes a stale socket from a crash first."""
        if self._name is None:
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self._name):
            # Nobody answered hand_over, so whatever holds the name is a leftover.
            QLocalServer.removeServer(self._name)
            if not server.listen(self._name):
                return False
        server.newConnection.connect(self._on_server_new_connection)
        self._server = server
        return True

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None

    def _on_server_new_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if not peer_is_this_user(socket):
                socket.abort()
                socket.deleteLater()
                continue
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(self._on_socket_ready_read)
            socket.disconnected.connect(self._on_socket_disconnected)

    def _on_socket_ready_read(self) -> None:
        socket = self.sender()
        if not isinstance(socket, QLocalSocket) or socket not in self._buffers:
            return
        buffer = self._buffers[socket]
        buffer.extend(bytes(socket.readAll().data()))
        if len(buffer) > MAX_MESSAGE_BYTES:
            socket.abort()
        elif b"\n" in buffer:
            line = bytes(buffer).split(b"\n", 1)[0]
            buffer.clear()
            self._deliver(line)
            socket.disconnectFromServer()

    def _on_socket_disconnected(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket) and self._buffers.pop(socket, None) is not None:
            socket.deleteLater()

    def _deliver(self, raw: bytes) -> None:
        try:
            message = loads_bounded(raw, max_bytes=MAX_MESSAGE_BYTES, max_depth=2)
        except JsonRejected:
            return  # not one of ours: ignore
        wanted = message.get("open") if isinstance(message, dict) else None
        if not isinstance(wanted, list):
            return
        files = [f for f in wanted if isinstance(f, str) and "\0" not in f]
        if wanted and not files:
            return  # only things that are not paths: not one of ours
        self.files_received.emit(files)
