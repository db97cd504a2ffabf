"""Safe reading of zip-based documents (EPUB, DOCX): every entry checked before it is read.

The model installer's rules apply (DESIGN.md): entry names must be plain relative paths, no
symlinks or devices, no duplicates; sizes are capped while streaming because zip headers
may lie, and an entry that inflates far beyond its compressed size is a zip bomb. Nothing
is ever written to disk: entries are read into memory, each capped.
"""

from __future__ import annotations

import io
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from reader.core import errors

_CHUNK = 1 << 16
_DRIVE = re.compile(r"^[A-Za-z]:")
# "<!ENTITY" in a DTD: billion-laughs and external entities start here. Documents need none.
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)


@dataclass(frozen=True)
class ArchiveLimits:
    """Caps for one document archive.

    A 1 MB-of-text EPUB with pictures is a few MB; Word files with photos reach tens of MB.
    Text compresses about 3-10x; a ratio over 200 is no honest document.
    """

    max_entries: int = 10_000
    max_entry_size: int = 64 << 20
    max_total_size: int = 256 << 20
    max_ratio: int = 200
    ratio_floor: int = 1 << 20  # small entries may compress well (runs of spaces)


class SafeArchive:
    """A zip archive whose entry names were checked; ``read`` streams one entry with caps."""

    def __init__(self, path: Path, data: bytes, limits: ArchiveLimits | None = None) -> None:
        self.path = path
        self.limits = limits or ArchiveLimits()
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError) as error:
            raise errors.DocumentDamaged(path, reason=f"not a zip archive ({error})") from None
        if len(infos) > self.limits.max_entries:
            raise errors.ArchiveUnsafe(path, reason="entries", limit=self.limits.max_entries)
        self._infos: dict[str, zipfile.ZipInfo] = {}
        declared = 0
        for info in infos:
            name = _checked_name(path, info)
            if name in self._infos:
                raise errors.ArchiveUnsafe(path, reason="path", name=info.filename)
            self._infos[name] = info
            declared += info.file_size
            if declared > self.limits.max_total_size:
                raise errors.ArchiveUnsafe(
                    path, reason="size", name=info.filename, limit=self.limits.max_total_size
                )
            self._check_ratio(info.filename, info.file_size, info.compress_size)
        self._read_total = 0

    @property
    def names(self) -> tuple[str, ...]:
        """File entries (folders left out), in archive order."""
        return tuple(name for name, info in self._infos.items() if not info.is_dir())

    def has(self, name: str) -> bool:
        info = self._infos.get(name)
        return info is not None and not info.is_dir()

    def size(self, name: str) -> int | None:
        """The size the archive declares for a file entry (checked again when read)."""
        info = self._infos.get(name)
        return None if info is None or info.is_dir() else info.file_size

    def read(self, name: str) -> bytes:
        """The entry's bytes; raises ``DocumentDamaged`` when missing or corrupt."""
        info = self._infos.get(name)
        if info is None or info.is_dir():
            raise errors.DocumentDamaged(self.path, reason=f"{name} is missing")
        limit = self.limits.max_entry_size
        chunks: list[bytes] = []
        size = 0
        try:
            with self._zip.open(info) as member:
                while chunk := member.read(_CHUNK):
                    size += len(chunk)
                    self._read_total += len(chunk)
                    if size > limit:
                        raise errors.ArchiveUnsafe(self.path, reason="size", name=name, limit=limit)
                    if self._read_total > self.limits.max_total_size:
                        raise errors.ArchiveUnsafe(
                            self.path, reason="size", name=name, limit=self.limits.max_total_size
                        )
                    self._check_ratio(name, size, info.compress_size)
                    chunks.append(chunk)
        except errors.LoadError:
            raise
        except (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError, OSError) as error:
            reason = f"{name}: {error or type(error).__name__}"
            raise errors.DocumentDamaged(self.path, reason=reason) from None
        return b"".join(chunks)

    def read_xml(self, name: str) -> bytes:
        """``read``, refusing XML with entity declarations (never expanded, never fetched)."""
        data = self.read(name)
        if _ENTITY.search(data):
            raise errors.ArchiveUnsafe(self.path, reason="entities", name=name)
        return data

    def check_all(self) -> None:
        """Stream every entry once, so a library that reads the archive itself meets no bomb."""
        for name in self.names:
            self.read(name)
        self._read_total = 0

    def _check_ratio(self, name: str, size: int, compressed: int) -> None:
        if size > self.limits.ratio_floor and size > self.limits.max_ratio * max(compressed, 1):
            raise errors.ArchiveUnsafe(
                self.path, reason="ratio", name=name, limit=self.limits.max_ratio
            )


def _checked_name(path: Path, info: zipfile.ZipInfo) -> str:
    name = info.filename
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise errors.ArchiveUnsafe(path, reason="symlink", name=name)
    unsafe = (
        (stat.S_IFMT(mode) and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)))
        or not name
        or name.startswith("/")
        or "\\" in name
        or "\x00" in name
        or _DRIVE.match(name) is not None
        or any(part in ("", ".", "..") for part in name.rstrip("/").split("/"))
    )
    if unsafe:
        raise errors.ArchiveUnsafe(path, reason="path", name=name)
    if info.flag_bits & 0x1:
        raise errors.DocumentEncrypted(path)
    return name.rstrip("/") if info.is_dir() else name


def resolve_member(base: str, href: str) -> str | None:
    """``href`` (relative to the entry ``base``) as an entry name; None if it climbs out."""
    href = href.split("#", 1)[0].split("?", 1)[0]
    if not href or "://" in href or href.startswith("/"):
        return None
    parts = base.split("/")[:-1]
    for part in unquote(href).split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(part)
    return "/".join(parts) or None
