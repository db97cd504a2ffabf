"""Words for core errors on the command line (the GUI has its own, translatable, in ui/)."""

from __future__ import annotations

import sys
import unicodedata

from reader.core import errors

# Invisible characters that move the cursor, clear the screen, reorder text or forge a new
# line when a file or folder name carrying them is printed.
_HIDDEN_CATEGORIES = frozenset(("Cc", "Cf", "Cs", "Zl", "Zp"))


def escape_controls(text: str) -> str:
    """``text`` with control, format and separator characters written as escapes (\\x1b)."""
    if text.isprintable():
        return text
    return "".join(
        ch.encode("unicode_escape", "backslashreplace").decode("ascii")
        if unicodedata.category(ch) in _HIDDEN_CATEGORIES
        else ch
        for ch in text
    )


def complain(message: str) -> None:
    """Print one ``reader: …`` line on standard error, control characters escaped."""
    print(f"reader: {escape_controls(message)}", file=sys.stderr)


def describe(error: errors.ReaderError) -> str:
    """One line that tells a user what went wrong with what."""
    match error:
        case errors.FileMissing(path=path):
            return f"{path}: no such file"
        case errors.NotAFile(path=path):
            return f"{path}: not a regular file"
        case errors.NoPermission(path=path):
            return f"{path}: permission denied"
        case errors.UnsupportedFormat(path=path, suffix=suffix):
            return (
                f"{path}: unsupported format '{suffix or '(none)'}' "
                "(open .md, .markdown, .txt, .html, .htm, .epub, .docx or .pdf)"
            )
        case errors.FileTooLarge(path=path, size=size, limit=limit):
            return f"{path}: file is {size:,} bytes, over the limit of {limit:,} bytes"
        case errors.BinaryFile(path=path):
            return f"{path}: not a text file (binary data or random bytes)"
        case errors.EmptyDocument(path=path):
            return f"{path}: the document has no text"
        case errors.ReadFailed(path=path, reason=reason):
            return f"{path}: could not be read ({reason})"
        case errors.ArchiveUnsafe(path=path, reason=reason, name=name, limit=limit):
            what = {
                "entries": f"more than {limit:,} entries",
                "size": f"{name or 'it'} unpacks to more than {format_size(limit)}",
                "ratio": f"{name} is compressed more than {limit}x (a zip bomb?)",
                "entities": f"{name} declares XML entities (never expanded)",
                "symlink": f"entry {name!r} is a symbolic link",
            }.get(reason, f"unsafe entry name {name!r}")
            return f"{path}: refused: {what}"
        case errors.DocumentDamaged(path=path, reason=reason):
            return f"{path}: damaged, cannot be read ({reason})"
        case errors.DocumentEncrypted(path=path):
            return f"{path}: protected by a password or DRM"
        case errors.NoTextLayer(path=path):
            return f"{path}: no text layer (scanned pages?); run OCR first"
        case errors.TooManyPages(path=path, pages=pages, limit=limit):
            return f"{path}: {pages:,} pages, more than the limit of {limit:,}"
        case errors.LoadCancelled(path=path):
            return f"{path}: loading cancelled"
        case errors.NoTranslationModel(from_code=from_code, to_code=to_code):
            return (
                f"no {from_code}→{to_code} translation model is installed "
                "(see: reader models --help)"
            )
        case errors.ModelLoadFailed(path=path, reason=reason):
            return f"{path}: the translation model could not be loaded ({reason})"
        case errors.InvalidBeamSize(value=value, allowed=allowed):
            choices = ", ".join(str(beam) for beam in allowed)
            return f"invalid beam size {value!r} (choose one of {choices})"
    if isinstance(error, errors.PackageError):
        return describe_package_error(error)
    return str(error) or type(error).__name__


def describe_package_error(error: errors.PackageError) -> str:
    """Words for model package install, download and removal errors."""
    match error:
        case errors.PackageUnreadable(path=path, reason=reason):
            return f"{path}: cannot read the package file ({reason})"
        case errors.PackageNotZip(path=path):
            return f"{path}: not an Argos package (.argosmodel is a zip archive; this is not one)"
        case errors.PackageUnsafePath(name=name):
            return f"package refused: unsafe or duplicate entry name {name!r}"
        case errors.PackageSymlink(name=name):
            return f"package refused: entry {name!r} is a symbolic link"
        case errors.PackageTooLarge(limit=limit, what="archive" | "download"):
            return f"package refused: the file is larger than the limit of {format_size(limit)}"
        case errors.PackageTooLarge(limit=limit, what="entry", name=name):
            return (
                f"package refused: {name or 'an entry'} unpacks to more than {format_size(limit)}"
            )
        case errors.PackageTooLarge(limit=limit):
            return f"package refused: it unpacks to more than {format_size(limit)}"
        case errors.PackageTooManyEntries(limit=limit, count=count):
            return f"package refused: {count:,} entries, more than the limit of {limit:,}"
        case errors.PackageLayout(reason=reason):
            return f"package refused: it must hold exactly one top-level folder ({reason})"
        case errors.PackageMetadataInvalid(reason=reason):
            return f"package refused: metadata.json is invalid ({reason})"
        case errors.PackageWrongLanguages(
            from_code=got_from, to_code=got_to, expected_from=want_from, expected_to=want_to
        ):
            return f"package refused: it translates {got_from}→{got_to}, not {want_from}→{want_to}"
        case errors.PackageIncomplete(missing=missing):
            return f"package refused: missing {', '.join(missing)}"
        case errors.PackageTruncated(name=name, reason=reason):
            return f"package refused: {name} is damaged ({reason or 'bad data'})"
        case errors.PackageModelBroken(reason=reason):
            return f"package refused: the model does not load ({reason})"
        case errors.PackageDirNotWritable(path=path, reason=reason):
            return f"{path}: cannot write the package folder ({reason or 'not writable'})"
        case errors.PackageAlreadyInstalled(code=code, path=path):
            return f"{code} is already installed in {path}"
        case errors.PackageInstallCancelled():
            return "installation cancelled; nothing was changed"
        case errors.PackageNotInstalled(wanted=wanted):
            return f"no installed package matches {wanted!r} (see: reader models list)"
        case errors.PackageNotOwned(path=path):
            return (
                f"{path}: not in the reader's own package folder (ARGOS_PACKAGES_DIR); "
                "remove it with Argos Translate"
            )
        case errors.IndexUnreachable(url=url, reason=reason):
            return f"cannot reach the package index {url} ({reason}); are you offline?"
        case errors.IndexInvalid(url=url, reason=reason):
            return f"the package index {url} is not valid ({reason})"
        case errors.PackageNotAvailable(wanted=wanted):
            return (
                f"the package index has no package {wanted!r} (see: reader models list --available)"
            )
        case errors.DownloadFailed(url=url, reason=reason):
            return f"download failed: {url} ({reason})"
        case errors.DownloadCancelled():
            return "download cancelled; nothing was changed"
    return str(error) or type(error).__name__


def format_size(size: int | None) -> str:
    """Bytes as a short human size: ``"91.2 MB"``; ``"unknown"`` for None."""
    if size is None:
        return "unknown"
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} GB"
