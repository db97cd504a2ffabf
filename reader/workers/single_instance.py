"""One reader per user: a second launch hands its files to the running window.

A per-user local socket (named after the user and the data dir, so portable installs and
tests do not collide). A socket left behind by a crash is detected — nothing answers on
it — and removed before listening.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

MAX_MESSAGE_BYTES = 64 * 1024


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha1(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:12]
    return f"bilingual-reader-{getpass.getuser()}-{digest}"


class SingleInstance(QObject):
    """Listen for other launches, or hand files over to the instance already running.

    Signals:
        files_received(list): paths a later launch asked us to open (may be empty: just
            come to the front).
    """

    files_received = Signal(list)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytearray] = {}

    def hand_over(self, files: list[str], timeout_ms: int = 1000) -> bool:
        """Send ``files`` to a running instance; False when none answers."""
        socket = QLocalSocket()
        socket.connectToServer(self._name)
        if not socket.waitForConnected(timeout_ms):
            return False
        message = json.dumps({"open": [str(Path(f).resolve()) for f in files]}) + "\n"
        socket.write(message.encode("utf-8"))
        socket.flush()
        # flush() may already have written everything, in which case there is nothing left
        # for waitForBytesWritten to wait for (it then reports False).
        delivered = socket.bytesToWrite() == 0 or socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        return delivered

    def listen(self) -> bool:
        """Become the running instance; removes a stale socket from a crash first."""
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
            message = json.loads(raw.decode("utf-8"))
            files = [str(f) for f in message.get("open", []) if isinstance(f, str)]
        except (ValueError, AttributeError):
            return  # not one of ours: ignore
        self.files_received.emit(files)
