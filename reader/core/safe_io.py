"""Writing a user's file: whole or not at all, with the mode a new file would get, never
over a device; and reading one without ever taking more than a limit (``read_at_most``).

A temporary file in the same folder renamed over the target means a reader never sees half
a file. Two traps of that pattern are closed here: the temporary file is created 0600, so
the export kept that mode instead of the user's usual one (umask); and renaming over a
device or pipe replaces it — measured as root, ``-o /dev/null`` turned the device into a
regular file — while as a normal user ``-o /dev/stdout`` failed with a misleading
"Permission denied" from creating the temporary file in ``/dev``.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

NOT_REGULAR_REASON = "not a regular file (a device, pipe, socket or folder)"


class NotRegularTarget(OSError):
    """The target exists and is not a regular file; it is left untouched."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path}: {NOT_REGULAR_REASON}")
        self.strerror = NOT_REGULAR_REASON
        self.filename = str(path)


READ_CHUNK = 1 << 20


def read_at_most(fd: int, max_bytes: int) -> bytes:
    """Up to ``max_bytes + 1`` bytes from an open file, in 1 MiB reads: one byte more than
    allowed tells the caller the file is too large (it may have grown since ``stat``)."""
    chunks: list[bytes] = []
    total = 0
    while total <= max_bytes:
        chunk = os.read(fd, min(READ_CHUNK, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def current_umask() -> int:
    """The process's umask, read without changing it where the system tells it."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status") as status:
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    # Fallback: set and restore at once (briefly racy with threads creating files).
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def check_target(path: Path) -> os.stat_result | None:
    """The target's status when it is a regular file, None when it does not exist yet.

    Raises ``NotRegularTarget`` for anything else (symbolic links are followed).
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularTarget(path)
    return info


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data``; an existing file keeps its mode, a new one gets
    0666 minus the umask. Raises OSError (``NotRegularTarget`` for devices and the like)."""
    path = Path(path)
    existing = check_target(path)
    mode = stat.S_IMODE(existing.st_mode) if existing else 0o666 & ~current_umask()
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fchmod(stream.fileno(), mode)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def write_text_atomically(path: Path, text: str) -> None:
    """``write_bytes_atomically`` for UTF-8 text with ``\\n`` line ends."""
    write_bytes_atomically(path, text.encode("utf-8"))


def replace_with_temporary(path: Path, temp_name: str) -> None:
    """Move a finished temporary file over ``path`` with the mode ``write_bytes_atomically``
    would give it (for writers that need a file name, like Qt's PDF writer)."""
    existing = check_target(path)
    mode = stat.S_IMODE(existing.st_mode) if existing else 0o666 & ~current_umask()
    os.chmod(temp_name, mode)
    os.replace(temp_name, path)
