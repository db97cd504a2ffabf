"""The one safe way to read a resource (an image) that a document refers to.

A plain QTextBrowser reads local images by itself: ``![x](/dev/zero)`` crashed it and a FIFO
hung it (docs/ARCHITECTURE.md). The UI must read resources only through
``read_local_resource``, which returns bytes only for a size-capped regular file below the
document's folder.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from urllib.parse import unquote, urlsplit

from reader.core.safe_io import read_at_most

# Large enough for any photo in an article, small enough to never hurt the viewer.
MAX_RESOURCE_BYTES = 10 * 1024 * 1024


def read_local_resource(
    base_dir: Path, url: str, *, max_bytes: int = MAX_RESOURCE_BYTES
) -> bytes | None:
    """Bytes of the regular file ``url`` names below ``base_dir``, or ``None``.

    ``None`` for remote URLs, ``file:`` URLs or paths outside ``base_dir`` (also through
    symlinks or ``..``), devices, FIFOs, directories, missing files and files over
    ``max_bytes``. Never blocks on a FIFO: the type is checked before opening, and the open
    is non-blocking.
    """
    try:
        target = _resolve_inside(Path(base_dir), url)
        if target is None:
            return None
        info = os.stat(target)
        if not stat.S_ISREG(info.st_mode) or info.st_size > max_bytes:
            return None
        return _read_regular(target, info, max_bytes)
    except (OSError, ValueError):
        return None


def _resolve_inside(base_dir: Path, url: str) -> Path | None:
    """The real path ``url`` names, if it lies below the real ``base_dir``."""
    if not url or "\x00" in url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme:
        # Only file URLs without a host are local; Windows drive letters parse as a scheme.
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            return None
    elif parts.netloc:
        return None  # "//host/share"
    path_text = unquote(parts.path)
    if not path_text or "\x00" in path_text:
        return None
    relative = Path(path_text)
    if ".." in relative.parts:
        return None
    base = Path(os.path.realpath(base_dir))
    candidate = relative if relative.is_absolute() else base / relative
    real = Path(os.path.realpath(candidate))
    if real == base or not real.is_relative_to(base):
        return None
    return real


def _read_regular(path: Path, info: os.stat_result, max_bytes: int) -> bytes | None:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        opened = os.fstat(fd)
        # The file must still be the one checked above (not swapped for a FIFO or device).
        if not stat.S_ISREG(opened.st_mode) or (opened.st_dev, opened.st_ino) != (
            info.st_dev,
            info.st_ino,
        ):
            return None
        data = read_at_most(fd, max_bytes)
    finally:
        os.close(fd)
    return None if len(data) > max_bytes else data
