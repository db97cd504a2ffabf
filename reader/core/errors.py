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


@dataclass
class ArchiveUnsafe(LoadError):
    """An EPUB or DOCX (a zip archive) was refused before anything was unpacked.

    ``reason`` is "entries" (more than ``limit`` entries), "size" (unpacks to more than
    ``limit`` bytes), "ratio" (an entry compressed more than ``limit`` times: a zip bomb),
    "path" (absolute, ``..`` or duplicate name), "symlink" or "entities" (XML entity
    declarations, which are never expanded); ``name`` is the entry at fault.
    """

    reason: str = ""
    name: str = ""
    limit: int = 0


@dataclass
class DocumentDamaged(LoadError):
    """The file is not a valid document of its format (truncated, malformed, not a zip)."""

    reason: str = ""


@dataclass
class DocumentEncrypted(LoadError):
    """A password-protected PDF (or DRM-encrypted EPUB) the reader cannot open."""


@dataclass
class NoTextLayer(LoadError):
    """A PDF whose pages carry no text (scanned images): there is nothing to translate."""


@dataclass
class TooManyPages(LoadError):
    pages: int = 0
    limit: int = 0


@dataclass
class LoadCancelled(LoadError):
    """The user stopped a long load."""


# --- model packages (install, download, remove) ---------------------------------------


class PackageError(ReaderError):
    """An Argos model package could not be installed, downloaded, found or removed."""

    def __str__(self) -> str:
        # Dataclass subclasses do not pass their fields to Exception.__init__; show them.
        values = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({values})"


@dataclass
class PackageUnreadable(PackageError):
    """The archive file is missing or cannot be read."""

    path: Path
    reason: str = ""


@dataclass
class PackageNotZip(PackageError):
    """The file is not a zip archive (or its central directory is damaged)."""

    path: Path


@dataclass
class PackageUnsafePath(PackageError):
    """An entry name is absolute, climbs with ``..``, uses backslashes or a drive letter,
    repeats or collides with another entry, or is not a regular file or folder."""

    name: str


@dataclass
class PackageSymlink(PackageError):
    """An entry is a symbolic link."""

    name: str


@dataclass
class PackageTooLarge(PackageError):
    """Over a size limit: ``what`` is "archive", "entry", "total" or "download"."""

    limit: int
    what: str = "total"
    name: str = ""


@dataclass
class PackageTooManyEntries(PackageError):
    limit: int
    count: int = 0


@dataclass
class PackageLayout(PackageError):
    """Not exactly one top-level folder holding everything."""

    reason: str


@dataclass
class PackageMetadataInvalid(PackageError):
    reason: str


@dataclass
class PackageWrongLanguages(PackageError):
    """The package translates ``from_code``→``to_code``, the caller asked for another pair."""

    from_code: str
    to_code: str
    expected_from: str = "de"
    expected_to: str = "en"


@dataclass
class PackageIncomplete(PackageError):
    """Required files are missing (paths relative to the package folder)."""

    missing: tuple[str, ...]


@dataclass
class PackageTruncated(PackageError):
    """A member is damaged: bad CRC, truncated data, lying size, unsupported compression."""

    name: str
    reason: str = ""


@dataclass
class PackageModelBroken(PackageError):
    """The files are all there but CTranslate2 or SentencePiece cannot load them."""

    reason: str


@dataclass
class PackageDirNotWritable(PackageError):
    """The package folder cannot be created or written to."""

    path: Path
    reason: str = ""


@dataclass
class PackageAlreadyInstalled(PackageError):
    """Raised only when the caller asked not to replace an installed package."""

    code: str
    path: Path


@dataclass
class PackageInstallCancelled(PackageError):
    path: Path


@dataclass
class PackageNotInstalled(PackageError):
    """No installed package matches a code or language pair."""

    wanted: str


@dataclass
class PackageNotOwned(PackageError):
    """The package lives in a folder we do not own (``ARGOS_PACKAGES_DIR``)."""

    path: Path


@dataclass
class IndexUnreachable(PackageError):
    """The package index could not be fetched: offline, refused, timed out, HTTP error."""

    url: str
    reason: str = ""


@dataclass
class IndexInvalid(PackageError):
    """The package index was fetched but is not the JSON list we expect."""

    url: str
    reason: str = ""


@dataclass
class PackageNotAvailable(PackageError):
    """The index lists no package with that code or language pair."""

    wanted: str


@dataclass
class DownloadFailed(PackageError):
    """Downloading a package archive failed: refused, timed out, HTTP error, cut short."""

    url: str
    reason: str = ""


@dataclass
class DownloadCancelled(PackageError):
    url: str


# --- translation ---------------------------------------------------------------------


@dataclass
class TranslationError(ReaderError):
    """Translating failed for a reason the user can act on."""


@dataclass
class NoTranslationModel(TranslationError):
    """No installed package translates ``from_code`` to ``to_code``."""

    from_code: str = "de"
    to_code: str = "en"


@dataclass
class ModelLoadFailed(TranslationError):
    """The package's model or tokenizer could not be loaded (damaged or incompatible)."""

    path: Path
    reason: str = ""


@dataclass
class InvalidBeamSize(TranslationError):
    """A beam size the reader does not offer (the command line or a settings file)."""

    value: str
    allowed: tuple[int, ...] = ()
