"""Typed errors raised by the core. They carry data; the UI turns them into words."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class ReaderError(Exception):
    """Base class of every error the core raises on purpose."""


# --- loading -------------------------------------------------------------------------


@dataclass
class LoadError(ReaderError):
    """A file could not be turned into a Document."""

    path: Path

    def __str__(self) -> str:
        return f"{type(self).__name__}: {self.path}"


@dataclass
class FileMissing(LoadError):
    pass


@dataclass
class NotAFile(LoadError):
    """A directory, FIFO, device or other non-regular file."""


@dataclass
class NoPermission(LoadError):
    pass


@dataclass
class UnsupportedFormat(LoadError):
    suffix: str = ""


@dataclass
class FileTooLarge(LoadError):
    size: int = 0
    limit: int = 0


@dataclass
class BinaryFile(LoadError):
    pass


@dataclass
class EmptyDocument(LoadError):
    """Empty, whitespace only, or nothing readable left after sanitizing."""


@dataclass
class ReadFailed(LoadError):
    """The operating system reported an error while reading."""

    reason: str = ""
