"""The remote Argos package index and explicit downloads (the only network code we have).

Nothing here runs unless the user asks: listing what is available and downloading one
package. Every request has a timeout (connect and each read), downloads can be cancelled
between chunks, and a downloaded archive goes through the same validating installer as a
local file. The index carries no checksums (docs/ARCHITECTURE.md), so the installer's checks are all
the trust we have. urllib only: no extra dependency.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader import __version__
from reader.core import errors
from reader.core.bounded_json import JsonRejected, loads_bounded
from reader.core.cancel import CancelToken, is_cancelled
from reader.core.packages.installer import InstallLimits, install_package
from reader.core.packages.store import InstalledPackage, split_pair

INDEX_ENV = "ARGOS_PACKAGE_INDEX"
DEFAULT_INDEX_BASE = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
DEFAULT_TIMEOUT = 10.0  # seconds, for the connect and for every read
READER_PAIRS = (("de", "en"), ("en", "de"))
MAX_INDEX_SIZE = 16 << 20  # the real index is ~50 KB
_CHUNK = 64 << 10
_USER_AGENT = f"bilingual-reader/{__version__}"

ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class AvailablePackage:
    """One package the index offers. ``size`` is None when the index does not say."""

    code: str
    package_version: str
    from_code: str
    to_code: str
    links: tuple[str, ...]
    from_name: str = ""
    to_name: str = ""
    argos_version: str = ""
    size: int | None = None


def index_url(base: str | None = None) -> str:
    """The index URL: ``base`` if given, else ``$ARGOS_PACKAGE_INDEX``, else Argos's default.

    Like Argos, the setting is a base URL to which ``index.json`` is appended; a URL that
    already ends in ``.json`` is taken as it is.
    """
    chosen = base or os.environ.get(INDEX_ENV) or DEFAULT_INDEX_BASE
    if chosen.endswith(".json"):
        return chosen
    return chosen.rstrip("/") + "/index.json"


def fetch_index(
    url: str | None = None, *, timeout: float = DEFAULT_TIMEOUT, cancel: CancelToken | None = None
) -> list[AvailablePackage]:
    """Download and parse the index; ``IndexUnreachable``/``IndexInvalid`` on failure.

    ``timeout`` bounds the connect and each read; the whole fetch gets three times that,
    so a server that drips a byte at a time cannot hold us either.
    """
    url = index_url(url)
    _require_http(url, errors.IndexUnreachable)
    deadline = time.monotonic() + 3 * timeout
    chunks: list[bytes] = []
    size = 0
    try:
        with _open(url, timeout) as response:
            while size <= MAX_INDEX_SIZE:
                if is_cancelled(cancel):
                    raise errors.DownloadCancelled(url)
                if time.monotonic() > deadline:
                    raise errors.IndexUnreachable(url, "timed out")
                chunk = response.read1(_CHUNK)  # what has arrived: keeps cancel and deadline live
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
    except urllib.error.HTTPError as error:
        raise errors.IndexUnreachable(url, f"HTTP {error.code} {error.reason}") from error
    except urllib.error.URLError as error:
        raise errors.IndexUnreachable(url, _reason(error.reason)) from error
    except (OSError, http.client.HTTPException, ValueError) as error:
        raise errors.IndexUnreachable(url, _reason(error)) from error
    if size > MAX_INDEX_SIZE:
        raise errors.IndexInvalid(url, f"larger than {MAX_INDEX_SIZE} bytes")
    return parse_index(b"".join(chunks), url)


def parse_index(data: bytes, url: str = "") -> list[AvailablePackage]:
    """Turn index JSON into records; entries we cannot use are skipped, not fatal."""
    try:
        entries = loads_bounded(data, max_bytes=MAX_INDEX_SIZE)
    except JsonRejected as error:
        raise errors.IndexInvalid(url, error.reason) from error
    if not isinstance(entries, list):
        raise errors.IndexInvalid(url, "not a JSON list")
    packages = []
    for entry in entries:
        package = _parse_entry(entry)
        if package is not None:
            packages.append(package)
    return packages


def _parse_entry(entry: object) -> AvailablePackage | None:
    if not isinstance(entry, dict) or entry.get("type", "translate") != "translate":
        return None
    from_code, to_code = entry.get("from_code"), entry.get("to_code")
    links = entry.get("links")
    if not (isinstance(from_code, str) and isinstance(to_code, str) and isinstance(links, list)):
        return None
    links = tuple(link for link in links if isinstance(link, str) and link)
    if not links:
        return None
    size = entry.get("size")
    return AvailablePackage(
        code=str(entry.get("code") or f"translate-{from_code}_{to_code}"),
        package_version=str(entry.get("package_version", "")),
        from_code=from_code,
        to_code=to_code,
        links=links,
        from_name=str(entry.get("from_name", "")),
        to_name=str(entry.get("to_name", "")),
        argos_version=str(entry.get("argos_version", "")),
        size=size if isinstance(size, int) and size >= 0 else None,
    )


def reader_packages(
    available: Iterable[AvailablePackage], pairs: Sequence[tuple[str, str]] = READER_PAIRS
) -> list[AvailablePackage]:
    """Only the packages for the given language pairs (German↔English by default)."""
    return [p for p in available if (p.from_code, p.to_code) in pairs]


def find_available(available: Sequence[AvailablePackage], wanted: str) -> AvailablePackage:
    """The newest package whose code is ``wanted`` or that translates the pair it names."""
    matches = [p for p in available if p.code == wanted.strip()]
    pair = split_pair(wanted)
    if not matches and pair is not None:
        matches = [p for p in available if (p.from_code, p.to_code) == pair]
    if not matches:
        raise errors.PackageNotAvailable(wanted)
    return max(matches, key=lambda p: _version_key(p.package_version))


def download_package(
    package: AvailablePackage,
    dest_dir: Path,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    max_size: int = InstallLimits().max_archive_size,
) -> Path:
    """Download the archive to a hidden temp file in ``dest_dir``; return its path.

    Tries each link in turn. ``progress(done, total)`` has ``total`` 0 when the server
    sends no Content-Length. The caller deletes the file. Nothing is left on failure.
    """
    failure: errors.PackageError = errors.DownloadFailed(package.code, "no links")
    for url in package.links:
        try:
            return _download(url, dest_dir, timeout, progress, cancel, max_size)
        except errors.DownloadFailed as error:
            failure = error  # try the next mirror
    raise failure


def download_and_install(
    package: AvailablePackage,
    packages_dir: Path,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    limits: InstallLimits | None = None,
    check_model: bool = True,
) -> InstalledPackage:
    """Download ``package`` and install it with the validating installer.

    The archive must hold the language pair the index promised (``PackageWrongLanguages``
    otherwise). ``progress`` reports the download; installing takes about a second.
    """
    limits = limits or InstallLimits()
    try:
        packages_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise errors.PackageDirNotWritable(packages_dir, error.strerror or str(error)) from error
    archive = download_package(
        package,
        packages_dir,
        timeout=timeout,
        progress=progress,
        cancel=cancel,
        max_size=limits.max_archive_size,
    )
    try:
        return install_package(
            archive,
            packages_dir,
            limits=limits,
            cancel=cancel,
            expect=(package.from_code, package.to_code),
            check_model=check_model,
        )
    finally:
        archive.unlink(missing_ok=True)


def _download(
    url: str,
    dest_dir: Path,
    timeout: float,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
    max_size: int,
) -> Path:
    _require_http(url, errors.DownloadFailed)
    try:
        handle, name = tempfile.mkstemp(prefix=".download-", suffix=".argosmodel", dir=dest_dir)
    except OSError as error:
        raise errors.PackageDirNotWritable(dest_dir, error.strerror or str(error)) from error
    target = Path(name)
    try:
        with os.fdopen(handle, "wb") as output:
            _stream(url, output, timeout, progress, cancel, max_size)
        return target
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def _stream(
    url: str,
    output: Any,
    timeout: float,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
    max_size: int,
) -> None:
    try:
        with _open(url, timeout) as response:
            total = _content_length(response)
            if total is not None and total > max_size:
                raise errors.PackageTooLarge(max_size, "download", url)
            done = 0
            if progress is not None:
                progress(0, total or 0)
            while True:
                if is_cancelled(cancel):
                    raise errors.DownloadCancelled(url)
                chunk = response.read1(_CHUNK)  # what has arrived: keeps cancel and deadline live
                if not chunk:
                    break
                done += len(chunk)
                if done > max_size:
                    raise errors.PackageTooLarge(max_size, "download", url)
                output.write(chunk)
                if progress is not None:
                    progress(done, total or 0)
            if total is not None and done != total:
                raise errors.DownloadFailed(url, f"got {done} of {total} bytes")
    except urllib.error.HTTPError as error:
        raise errors.DownloadFailed(url, f"HTTP {error.code} {error.reason}") from error
    except urllib.error.URLError as error:
        raise errors.DownloadFailed(url, _reason(error.reason)) from error
    except (OSError, http.client.HTTPException, ValueError) as error:
        raise errors.DownloadFailed(url, _reason(error)) from error


def _open(url: str, timeout: float) -> Any:
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    return urllib.request.urlopen(request, timeout=timeout)


def _content_length(response: Any) -> int | None:
    with contextlib.suppress(TypeError, ValueError):
        value = int(response.headers.get("Content-Length"))
        if value >= 0:
            return value
    return None


def _require_http(url: str, error: type[errors.IndexUnreachable | errors.DownloadFailed]) -> None:
    # file:// or ftp:// links in a downloaded index must not read local files or go elsewhere.
    if not url.lower().startswith(("http://", "https://")):
        raise error(url, "only http and https URLs are allowed")


def _reason(error: object) -> str:
    if isinstance(error, TimeoutError):
        return "timed out"
    if isinstance(error, http.client.IncompleteRead):
        return "connection closed before the end of the data"
    text = str(error)
    return text or type(error).__name__


def _version_key(version: str) -> tuple[int, ...]:
    parts = []
    for piece in version.split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)
