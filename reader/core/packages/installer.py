"""A validating installer for Argos ``.argosmodel`` packages (zip archives).

``argostranslate.package.install_from_path`` is unfit for files from elsewhere
(docs/ARCHITECTURE.md): no size or entry limits, extraction straight into the shared
package root, and one stray folder hides every package. This one checks every entry name and
type before writing a byte, counts sizes while it streams (zip headers may lie), extracts
into a hidden temp folder inside the package folder (same filesystem, so the final move is
one rename), validates ``metadata.json`` and the model files, optionally loads the model,
and only then moves the package into place. Any failure leaves the package folder as it was.

Replacing: installing a package whose code is already installed replaces it (the choice
we made; pass ``replace=False`` to get ``PackageAlreadyInstalled`` instead). The new folder
is complete before the old one is touched; the old one is renamed aside, the new one
renamed in, then the old one deleted; should the second rename fail, the old one is put back.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from reader.core import errors
from reader.core.bounded_json import JsonRejected, loads_bounded
from reader.core.cancel import CancelToken, is_cancelled
from reader.core.packages.store import (
    MODEL_FILE,
    TOKENIZER_FILES,
    InstalledPackage,
    clean_leftovers,
    read_package,
    scan_packages,
)

ProgressCallback = Callable[[int, int], None]

_CHUNK = 1 << 20
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}$")
_SAFE_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
_DRIVE = re.compile(r"^[A-Za-z]:")
_STAGING_PREFIX = ".install-"


@dataclass(frozen=True)
class InstallLimits:
    """Caps that keep a hostile archive from filling the disk or memory.

    Real de→en packages are ~90 MB zipped, ~100–200 MB unpacked, under 100 entries.
    """

    max_archive_size: int = 2 << 30
    max_entries: int = 5_000
    max_entry_size: int = 1 << 30
    max_total_size: int = 3 << 29  # 1.5 GiB
    max_metadata_size: int = 1 << 20
    # Loading the model proves model.bin is whole; above this we trust the CRC alone.
    max_model_check_size: int = 1 << 30


def install_package(
    archive: Path,
    packages_dir: Path,
    *,
    limits: InstallLimits | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    expect: tuple[str, str] | None = None,
    replace: bool = True,
    check_model: bool = True,
) -> InstalledPackage:
    """Validate ``archive`` and install it into ``packages_dir``; return the installed package.

    ``expect=("de", "en")`` refuses packages for any other pair. ``progress(done, total)``
    gets unpacked bytes. Raises a ``PackageError`` subclass for every way it can fail.
    """
    limits = limits or InstallLimits()
    archive = Path(archive)
    packages_dir = Path(packages_dir)
    try:
        archive_size = archive.stat().st_size
        if not archive.is_file():
            raise errors.PackageUnreadable(archive, "not a regular file")
    except OSError as error:
        raise errors.PackageUnreadable(archive, error.strerror or str(error)) from error
    if archive_size > limits.max_archive_size:
        raise errors.PackageTooLarge(limits.max_archive_size, "archive", archive.name)
    try:
        zip_file = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError) as error:
        raise errors.PackageNotZip(archive) from error
    except OSError as error:
        raise errors.PackageUnreadable(archive, error.strerror or str(error)) from error
    with zip_file:
        plan = _plan(zip_file, limits)
        metadata = _read_metadata(zip_file, plan, limits)
        if expect is not None and (metadata["from_code"], metadata["to_code"]) != expect:
            raise errors.PackageWrongLanguages(
                metadata["from_code"], metadata["to_code"], expect[0], expect[1]
            )
        clean_leftovers(packages_dir)
        staging = _make_staging(packages_dir)
        try:
            unpacked = staging / "package"
            _extract(zip_file, plan, unpacked, limits, progress, cancel, archive)
            if check_model:
                try:
                    _check_model(unpacked, limits, cancel)
                except errors.PackageInstallCancelled as error:
                    raise errors.PackageInstallCancelled(archive) from error
            return _move_into_place(unpacked, packages_dir, metadata["code"], replace)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


@dataclass(frozen=True)
class _Plan:
    """What the archive holds once its names have been checked."""

    top: str
    files: tuple[zipfile.ZipInfo, ...]  # relative names are info.filename minus top + "/"
    dirs: tuple[str, ...]
    declared_total: int


def _plan(zip_file: zipfile.ZipFile, limits: InstallLimits) -> _Plan:
    infos = zip_file.infolist()
    if len(infos) > limits.max_entries:
        raise errors.PackageTooManyEntries(limits.max_entries, len(infos))
    tops: set[str] = set()
    files: list[zipfile.ZipInfo] = []
    file_keys: set[str] = set()
    dirs: list[str] = []
    seen: set[str] = set()
    declared_total = 0
    loose: set[str] = set()  # files at top level, beside the package folder
    for info in infos:
        parts = _checked_parts(info)
        key = "/".join(parts)
        if key in seen:
            raise errors.PackageUnsafePath(info.filename)  # a second entry would overwrite
        seen.add(key)
        if info.is_dir() or len(parts) > 1:
            tops.add(parts[0])
        if info.is_dir():
            dirs.append(key)
            continue
        if len(parts) == 1:
            loose.add(key)
            continue
        if info.file_size > limits.max_entry_size:
            raise errors.PackageTooLarge(limits.max_entry_size, "entry", info.filename)
        declared_total += info.file_size
        if declared_total > limits.max_total_size:
            raise errors.PackageTooLarge(limits.max_total_size, "total", info.filename)
        files.append(info)
        file_keys.add(key)
    if len(tops) != 1 or loose:
        shown = ", ".join(sorted(tops | loose)) or "nothing"
        raise errors.PackageLayout(f"{len(tops | loose)} top-level items: {shown}")
    for key in seen:
        parent = key.rpartition("/")[0]
        while parent:
            if parent in file_keys:  # "a" is a file and "a/b" wants it to be a folder
                raise errors.PackageUnsafePath(key)
            parent = parent.rpartition("/")[0]
    top = tops.pop()
    return _Plan(top, tuple(files), tuple(dirs), declared_total)


def _checked_parts(info: zipfile.ZipInfo) -> list[str]:
    """The entry's path components; raises for anything but a plain relative path."""
    name = info.filename
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise errors.PackageSymlink(name)
    if stat.S_IFMT(mode) and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise errors.PackageUnsafePath(name)  # device, FIFO, socket
    if info.flag_bits & 0x1:
        raise errors.PackageTruncated(name, "encrypted entry")
    if (
        not name
        or name.startswith("/")
        or "\\" in name
        or "\x00" in name
        or _DRIVE.match(name)
        or len(name.encode("utf-8", "surrogateescape")) > 1024
    ):
        raise errors.PackageUnsafePath(name)
    parts = name.rstrip("/").split("/") if info.is_dir() else name.split("/")
    for part in parts:
        if part in ("", ".", "..") or len(part.encode("utf-8", "surrogateescape")) > 255:
            raise errors.PackageUnsafePath(name)
    return parts


def _relative(info: zipfile.ZipInfo) -> str:
    return info.filename.split("/", 1)[1]


def _read_metadata(zip_file: zipfile.ZipFile, plan: _Plan, limits: InstallLimits) -> dict[str, str]:
    by_name = {_relative(info): info for info in plan.files}
    missing = []
    if "metadata.json" not in by_name:
        missing.append("metadata.json")
    if MODEL_FILE not in by_name:
        missing.append(MODEL_FILE)
    if not any(name in by_name for name in TOKENIZER_FILES):
        missing.append(TOKENIZER_FILES[0])
    if "metadata.json" in missing:
        raise errors.PackageIncomplete(tuple(missing))
    info = by_name["metadata.json"]
    try:
        with zip_file.open(info) as member:
            raw = member.read(limits.max_metadata_size + 1)
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError) as error:
        raise errors.PackageTruncated(info.filename, str(error)) from error
    if len(raw) > limits.max_metadata_size:
        raise errors.PackageTooLarge(limits.max_metadata_size, "entry", info.filename)
    metadata = validate_metadata(raw)
    if missing:
        raise errors.PackageIncomplete(tuple(missing))
    return metadata


def validate_metadata(raw: bytes) -> dict[str, str]:
    """Check ``metadata.json`` bytes; return the fields we rely on, normalized.

    Raises ``PackageMetadataInvalid`` with the first problem found.
    """
    try:
        data = loads_bounded(raw)
    except JsonRejected as error:
        raise errors.PackageMetadataInvalid(error.reason) from error
    if not isinstance(data, dict):
        raise errors.PackageMetadataInvalid("not a JSON object")
    fields: dict[str, str] = {}
    for key in ("from_code", "to_code"):
        value = data.get(key)
        if not isinstance(value, str) or not _LANGUAGE.match(value):
            raise errors.PackageMetadataInvalid(f"{key} must be a 2–3 letter code")
        fields[key] = value.lower()
    package_type = data.get("type", "translate")
    if package_type != "translate":
        raise errors.PackageMetadataInvalid(f"type is {package_type!r}, not 'translate'")
    version = data.get("package_version")
    if not isinstance(version, str) or not version.strip():
        raise errors.PackageMetadataInvalid("package_version must be a non-empty string")
    fields["package_version"] = version
    code = data.get("code", f"translate-{fields['from_code']}_{fields['to_code']}")
    if not isinstance(code, str) or not _SAFE_CODE.match(code):
        raise errors.PackageMetadataInvalid("code must be letters, digits, '.', '_' or '-'")
    fields["code"] = code
    for key in ("from_name", "to_name", "target_prefix"):
        if key in data and data[key] is not None and not isinstance(data[key], str):
            raise errors.PackageMetadataInvalid(f"{key} must be a string")
    return fields


def _make_staging(packages_dir: Path) -> Path:
    try:
        packages_dir.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=_STAGING_PREFIX, dir=packages_dir))
    except OSError as error:
        raise errors.PackageDirNotWritable(packages_dir, error.strerror or str(error)) from error


def _extract(
    zip_file: zipfile.ZipFile,
    plan: _Plan,
    target: Path,
    limits: InstallLimits,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
    archive: Path,
) -> None:
    try:
        target.mkdir()
        for key in plan.dirs:
            rest = key.partition("/")[2]
            if rest:
                (target / rest).mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise errors.PackageDirNotWritable(target.parent.parent, str(error)) from error
    done = 0
    if progress is not None:
        progress(0, plan.declared_total)
    for info in plan.files:
        destination = target / _relative(info)
        try:
            destination.parent.mkdir(parents=True, exist_ok=True)
            output = destination.open("xb")
        except OSError as error:
            raise errors.PackageDirNotWritable(target.parent.parent, str(error)) from error
        with output:
            try:
                member = zip_file.open(info)
            except (zipfile.BadZipFile, EOFError, NotImplementedError, OSError) as error:
                raise errors.PackageTruncated(info.filename, str(error)) from error
            with member:
                entry_budget = limits.max_entry_size
                while True:
                    if is_cancelled(cancel):
                        raise errors.PackageInstallCancelled(archive)
                    chunk = _read_chunk(member, info.filename)
                    if not chunk:
                        break
                    # Counted here, not taken from the header: the header may lie.
                    entry_budget -= len(chunk)
                    done += len(chunk)
                    if entry_budget < 0:
                        raise errors.PackageTooLarge(limits.max_entry_size, "entry", info.filename)
                    if done > limits.max_total_size:
                        raise errors.PackageTooLarge(limits.max_total_size, "total", info.filename)
                    try:
                        output.write(chunk)
                    except OSError as error:
                        raise errors.PackageDirNotWritable(
                            target.parent.parent, str(error)
                        ) from error
                    if progress is not None:
                        progress(done, max(done, plan.declared_total))


def _read_chunk(member: IO[bytes], name: str) -> bytes:
    try:
        return member.read(_CHUNK)
    except Exception as error:
        # BadZipFile for a CRC mismatch (also what a lying size turns into, since zipfile
        # stops at the declared size), EOFError for data cut short, zlib.error for garbage.
        raise errors.PackageTruncated(name, str(error) or type(error).__name__) from error


def _check_model(folder: Path, limits: InstallLimits, cancel: CancelToken | None) -> None:
    """Load the model and tokenizer once (in a child process: see ``package_check``)."""
    if (folder / MODEL_FILE).stat().st_size > limits.max_model_check_size:
        return
    from reader.core.packages.check import check_model

    check_model(folder, cancel=cancel)


def _move_into_place(
    unpacked: Path, packages_dir: Path, code: str, replace: bool
) -> InstalledPackage:
    final = packages_dir / code
    others, _broken = scan_packages([(packages_dir, True)])
    same_code = [p for p in others if p.code == code]
    if not replace and (same_code or final.exists()):
        raise errors.PackageAlreadyInstalled(code, same_code[0].path if same_code else final)
    aside: Path | None = None
    try:
        if final.exists() or final.is_symlink():
            aside = packages_dir / f".replaced-{code}-{uuid.uuid4().hex[:8]}"
            os.replace(final, aside)
        try:
            os.replace(unpacked, final)
        except OSError:
            if aside is not None:
                os.replace(aside, final)  # put the old one back
                aside = None
            raise
    except OSError as error:
        raise errors.PackageDirNotWritable(packages_dir, str(error)) from error
    if aside is not None:
        _remove_tree(aside)
    for old in same_code:
        if old.path != final:
            # Same package under another folder name (e.g. installed by Argos itself);
            # hidden first so a removal cut short never lists as a broken package.
            hidden = packages_dir / f".replaced-{old.path.name}-{uuid.uuid4().hex[:8]}"
            try:
                os.replace(old.path, hidden)
            except OSError:
                continue
            _remove_tree(hidden)
    try:
        return read_package(final)
    except ValueError as error:  # cannot happen after validation, but never lie about it
        raise errors.PackageIncomplete((str(error),)) from error


def _remove_tree(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)
