"""Every package is checked in a child process before its model is loaded in ours.

The installer checks what it installs, but a folder placed by hand in a package directory
(or ``ARGOS_PACKAGES_DIR``) was loaded straight into the reader: a ``model.bin`` with one
byte changed (decoder heads 2 → 5) killed ``reader translate`` with SIGFPE, nothing printed,
and the window the same way. So before the first load the child of ``check.check_model``
loads the model and translates three words; its verdict is remembered, in this process and
in a small JSON file, under a fingerprint of the package's files (name, size and
modification time of each), so an unchanged package is checked once, and a changed file is
checked again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
from pathlib import Path

from reader.core import errors
from reader.core.bounded_json import JsonRejected, read_json_file
from reader.core.packages.store import InstalledPackage
from reader.core.safe_io import write_text_atomically

VERDICTS_FILE_NAME = "model-checks.json"
MAX_VERDICTS = 64  # packages remembered; older fingerprints are dropped
MAX_FILES = 1000  # a real package has about ten; more is not a package we load
CHECK_TIMEOUT = 60.0

_memo: dict[str, str] = {}  # fingerprint -> problem ("" when sound)
_lock = threading.Lock()


def package_fingerprint(folder: Path) -> str:
    """A digest of the names, sizes and modification times of the package's files."""
    # Not the folder's path: a copy (same names, sizes and times) is the same package.
    digest = hashlib.sha256()
    count = 0
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            count += 1
            if count > MAX_FILES:
                digest.update(b"too many files")
                return digest.hexdigest()
            path = Path(root) / name
            try:
                info = path.lstat()
            except OSError:
                continue
            relative = str(path.relative_to(folder)).encode("utf-8", "surrogateescape")
            digest.update(relative + f"\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def model_problem(
    package: InstalledPackage, verdicts_file: Path | None, *, timeout: float = CHECK_TIMEOUT
) -> str | None:
    """Why the package's model cannot be used, or None; checked in a child at most once."""
    fingerprint = package_fingerprint(package.path)
    with _lock:
        known = _memo.get(fingerprint)
        if known is None and verdicts_file is not None:
            known = _read(verdicts_file).get(fingerprint)
        if known is not None:
            _memo[fingerprint] = known
            return known or None
        from reader.core.packages.check import check_model  # the child's entry point

        try:
            check_model(package.path, timeout=timeout)
            problem = ""
        except errors.PackageModelBroken as error:
            problem = error.reason
        _memo[fingerprint] = problem
        if verdicts_file is not None:
            _remember(verdicts_file, fingerprint, problem)
        return problem or None


def require_sound_model(package: InstalledPackage, verdicts_file: Path | None) -> None:
    """Raise ``ModelLoadFailed`` when the child could not load or run the model."""
    problem = model_problem(package, verdicts_file)
    if problem:
        raise errors.ModelLoadFailed(package.path, problem)


def forget_verdicts() -> None:
    """Drop what this process remembers (tests; the file stays)."""
    with _lock:
        _memo.clear()


def _read(path: Path) -> dict[str, str]:
    try:
        data = read_json_file(path, max_bytes=1 << 20)
    except (OSError, JsonRejected):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def _remember(path: Path, fingerprint: str, problem: str) -> None:
    verdicts = _read(path)
    verdicts.pop(fingerprint, None)
    verdicts[fingerprint] = problem
    kept = dict(list(verdicts.items())[-MAX_VERDICTS:])
    with contextlib.suppress(OSError):  # no writable cache: checked again next start
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomically(path, json.dumps(kept))
