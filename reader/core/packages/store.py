"""Installed Argos packages: discovery, inspection and removal.

We read ``metadata.json`` ourselves (plain JSON, no Argos import needed for listing), so a
broken folder in a package directory is reported and skipped instead of hiding the others.
Installing is ``package_installer``'s job; downloading is ``package_index``'s.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.core.bounded_json import JsonRejected, read_json_file
from reader.core.errors import NoTranslationModel, PackageNotOwned
from reader.core.paths import DataPaths

ARGOS_PACKAGES_ENV = "ARGOS_PACKAGES_DIR"
TOKENIZER_FILES = ("sentencepiece.model", "bpe.model")
MODEL_FILE = "model/model.bin"
# Hidden names our installer, downloader and remover use while they work.
LEFTOVER_PREFIXES = (".install-", ".download-", ".removing-", ".replaced-")
# A real metadata.json is well under 1 KB; a hostile folder must not make listing read GBs.
METADATA_READ_LIMIT = 1 << 20
# A real package has about ten files.
MAX_COUNTED_FILES = 10_000
# "de-en", "de_en", "de→en", "de>en": a language pair rather than a package code.
_PAIR = re.compile(r"^\s*([A-Za-z]{2,3})\s*(?:-|_|→|>|->)\s*([A-Za-z]{2,3})\s*$")


@dataclass(frozen=True)
class InstalledPackage:
    """One installed package folder and what its ``metadata.json`` says."""

    path: Path
    code: str
    package_version: str
    from_code: str
    to_code: str
    from_name: str = ""
    to_name: str = ""
    type: str = "translate"
    target_prefix: str = ""
    writable: bool = True  # False for folders we do not own (ARGOS_PACKAGES_DIR)

    @property
    def model_dir(self) -> Path:
        return self.path / "model"

    @property
    def tokenizer_path(self) -> Path | None:
        for name in TOKENIZER_FILES:
            if (self.path / name).is_file():
                return self.path / name
        return None

    def size_on_disk(self) -> int:
        """Bytes of the package's files; counting stops after ``MAX_COUNTED_FILES`` (a folder
        linked to a big tree must not make listing walk the whole disk)."""
        total = 0
        counted = 0
        for root, _dirs, files in os.walk(self.path):
            for name in files:
                counted += 1
                if counted > MAX_COUNTED_FILES:
                    return total
                with contextlib.suppress(OSError):
                    total += (Path(root) / name).lstat().st_size
        return total

    def readme(self) -> str:
        try:
            return (self.path / "README.md").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""


@dataclass(frozen=True)
class BrokenPackage:
    """A folder in a package directory that is not a usable package, and why."""

    path: Path
    reason: str


def package_dirs(paths: DataPaths) -> list[tuple[Path, bool]]:
    """Folders to search, each with whether it is ours (writable): ours first."""
    dirs: list[tuple[Path, bool]] = [(paths.packages, True)]
    extra = os.environ.get(ARGOS_PACKAGES_ENV)
    if extra:
        extra_path = Path(extra).expanduser()
        if extra_path.resolve() != paths.packages.resolve():
            dirs.append((extra_path, False))
    return dirs


def read_package(folder: Path, *, writable: bool = True) -> InstalledPackage:
    """Parse one package folder; raises ValueError with a reason when it is not usable."""
    metadata_path = folder / "metadata.json"
    try:
        # Only a regular file is opened, never blocking: a FIFO here hung the listing.
        metadata = read_json_file(metadata_path, max_bytes=METADATA_READ_LIMIT)
    except FileNotFoundError as error:
        raise ValueError("no metadata.json") from error
    except JsonRejected as error:
        raise ValueError(f"unreadable metadata.json: {error.reason}") from error
    except OSError as error:
        raise ValueError(f"unreadable metadata.json: {error.strerror or error}") from error
    if not isinstance(metadata, dict):
        raise ValueError("metadata.json is not an object")
    from_code = metadata.get("from_code")
    to_code = metadata.get("to_code")
    if not isinstance(from_code, str) or not isinstance(to_code, str):
        raise ValueError("metadata.json lacks from_code/to_code")
    # A folder that lists fine but cannot translate would only fail later, far from here.
    if not (folder / MODEL_FILE).is_file():
        raise ValueError(f"no {MODEL_FILE}")
    if not any((folder / name).is_file() for name in TOKENIZER_FILES):
        raise ValueError("no sentencepiece.model or bpe.model")
    code = metadata.get("code") or f"translate-{from_code}_{to_code}"
    return InstalledPackage(
        path=folder,
        code=str(code),
        package_version=str(metadata.get("package_version", "")),
        from_code=from_code,
        to_code=to_code,
        from_name=str(metadata.get("from_name", "")),
        to_name=str(metadata.get("to_name", "")),
        type=str(metadata.get("type", "translate")),
        target_prefix=str(metadata.get("target_prefix", "") or ""),
        writable=writable,
    )


def scan_packages(
    dirs: Iterable[tuple[Path, bool]],
) -> tuple[list[InstalledPackage], list[BrokenPackage]]:
    """All usable packages and all broken folders, in directory order."""
    found: list[InstalledPackage] = []
    broken: list[BrokenPackage] = []
    for directory, writable in dirs:
        try:
            children = sorted(p for p in directory.iterdir() if p.is_dir())
        except OSError:
            continue
        for child in children:
            if child.name.startswith("."):
                continue  # our installer's temp folders
            try:
                found.append(read_package(child, writable=writable))
            except ValueError as error:
                broken.append(BrokenPackage(child, str(error)))
    return found, broken


def find_translation_package(
    packages: Sequence[InstalledPackage], from_code: str = "de", to_code: str = "en"
) -> InstalledPackage | None:
    """The package for the language pair, newest version first; ours win ties."""
    candidates = [
        p
        for p in packages
        if p.from_code == from_code
        and p.to_code == to_code
        and p.type == "translate"
        and p.model_dir.is_dir()
        and p.tokenizer_path is not None
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda p: (_version_key(p.package_version), p.writable))


def split_pair(wanted: str) -> tuple[str, str] | None:
    """``"de-en"`` (also ``de_en``, ``de→en``) as ``("de", "en")``; None for anything else."""
    match = _PAIR.match(wanted)
    if match is None:
        return None
    return match.group(1).lower(), match.group(2).lower()


def match_packages(packages: Sequence[InstalledPackage], wanted: str) -> list[InstalledPackage]:
    """Packages whose code is ``wanted``, or that translate the pair ``wanted`` names."""
    by_code = [p for p in packages if p.code == wanted.strip()]
    if by_code:
        return by_code
    pair = split_pair(wanted)
    if pair is None:
        return []
    return [p for p in packages if (p.from_code, p.to_code) == pair]


def remove_package(package: InstalledPackage) -> None:
    """Delete a package folder we own; raises ``PackageNotOwned`` for any other folder.

    The folder is first renamed to a hidden name, so a removal cut short leaves nothing
    that lists as a broken package.
    """
    if not package.writable:
        raise PackageNotOwned(package.path)
    doomed = package.path.with_name(f".removing-{package.path.name}-{uuid.uuid4().hex[:8]}")
    os.replace(package.path, doomed)
    shutil.rmtree(doomed, ignore_errors=True)


def clean_leftovers(packages_dir: Path, *, older_than: float = 3600.0) -> list[Path]:
    """Tidy what a crash left in our package folder; return what was removed or restored.

    Hidden staging, download and removal leftovers older than ``older_than`` seconds are
    deleted (younger ones may belong to an install running in another process). An old
    package renamed aside for a replacement whose new copy never arrived is put back.
    """
    tidied: list[Path] = []
    try:
        entries = list(packages_dir.iterdir())
    except OSError:
        return tidied
    now = time.time()
    for entry in entries:
        if not entry.name.startswith(LEFTOVER_PREFIXES):
            continue
        try:
            if now - entry.lstat().st_mtime < older_than:
                continue
            if entry.name.startswith(".replaced-"):
                original = packages_dir / entry.name[len(".replaced-") : -9]  # minus "-" + 8 hex
                if not original.exists():
                    os.replace(entry, original)
                    tidied.append(original)
                    continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
            tidied.append(entry)
        except OSError:
            continue  # best effort: a leftover is hidden and harmless
    return tidied


def _version_key(version: str) -> tuple[int, ...]:
    parts = []
    for piece in version.split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def installed_translation_package(
    paths: DataPaths, from_code: str = "de", to_code: str = "en"
) -> InstalledPackage | None:
    """The installed package for the pair, searched in every package folder; None if none."""
    packages, _broken = scan_packages(package_dirs(paths))
    return find_translation_package(packages, from_code, to_code)


def require_translation_package(
    paths: DataPaths, from_code: str = "de", to_code: str = "en"
) -> InstalledPackage:
    """Like ``installed_translation_package``, but raises ``NoTranslationModel`` if none."""
    package = installed_translation_package(paths, from_code, to_code)
    if package is None:
        raise NoTranslationModel(from_code, to_code)
    return package
