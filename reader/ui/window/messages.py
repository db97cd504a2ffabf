"""Words for the errors the core raises, through Qt's translation system."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from reader.core import errors

# Called by this name so that lupdate sees the context and text of every message.
translate = QCoreApplication.translate


def describe_load_error(error: BaseException) -> str:
    """One or two sentences saying what went wrong with which file, and what to do."""
    name = getattr(getattr(error, "path", None), "name", "") or translate("Messages", "the file")
    match error:
        case errors.FileMissing():
            return translate(
                "Messages", "“{name}” could not be found. It may have been moved or deleted."
            ).format(name=name)
        case errors.NotAFile():
            return translate(
                "Messages", "“{name}” is not a regular file (a folder or a device?)."
            ).format(name=name)
        case errors.NoPermission():
            return translate("Messages", "You do not have permission to read “{name}”.").format(
                name=name
            )
        case errors.UnsupportedFormat(suffix=suffix):
            return translate(
                "Messages",
                "“{name}” has a format the reader cannot open ({suffix}). Open Markdown "
                "(.md), plain text (.txt), HTML (.html), EPUB, Word (.docx) or PDF files.",
            ).format(name=name, suffix=suffix or translate("Messages", "no file extension"))
        case errors.FileTooLarge(size=size, limit=limit):
            return translate(
                "Messages", "“{name}” is too large to show ({size} MB; the limit is {limit} MB)."
            ).format(name=name, size=_megabytes(size), limit=_megabytes(limit))
        case errors.BinaryFile():
            return translate(
                "Messages", "“{name}” is not a text file (it contains binary data)."
            ).format(name=name)
        case errors.EmptyDocument():
            return translate("Messages", "“{name}” contains no text to show.").format(name=name)
        case errors.ReadFailed(reason=reason):
            return translate("Messages", "“{name}” could not be read: {reason}").format(
                name=name, reason=reason or translate("Messages", "unknown error")
            )
    return _describe_document_error(error, name)


def _describe_document_error(error: BaseException, name: str) -> str:
    """Words for errors of books, Word files and PDFs."""
    match error:
        case errors.ArchiveUnsafe(reason="entries", limit=limit):
            return translate(
                "Messages", "“{name}” was refused: it holds more than {limit} files."
            ).format(name=name, limit=limit)
        case errors.ArchiveUnsafe(reason="size" | "ratio"):
            return translate(
                "Messages",
                "“{name}” was refused: it unpacks to far more data than a document holds "
                "(a zip bomb?).",
            ).format(name=name)
        case errors.ArchiveUnsafe(reason="entities"):
            return translate(
                "Messages",
                "“{name}” was refused: it declares XML entities, which the reader never expands.",
            ).format(name=name)
        case errors.ArchiveUnsafe(name=entry):
            return translate(
                "Messages",
                "“{name}” was refused: its entry “{entry}” is a link or an unsafe path.",
            ).format(name=name, entry=entry)
        case errors.DocumentDamaged(reason=reason):
            return translate(
                "Messages", "“{name}” is damaged and cannot be read ({reason})."
            ).format(name=name, reason=reason or translate("Messages", "unknown error"))
        case errors.DocumentEncrypted():
            return translate(
                "Messages",
                "“{name}” is protected by a password or copy protection; the reader cannot "
                "open it.",
            ).format(name=name)
        case errors.NoTextLayer():
            return translate(
                "Messages",
                "“{name}” has no text to read: its pages are images (a scan). Run text "
                "recognition (OCR) on it first.",
            ).format(name=name)
        case errors.TooManyPages(pages=pages, limit=limit):
            return translate(
                "Messages", "“{name}” has {pages} pages; the reader opens at most {limit}."
            ).format(name=name, pages=pages, limit=limit)
        case errors.LoadCancelled():
            return translate("Messages", "Opening “{name}” was stopped.").format(name=name)
    return translate("Messages", "“{name}” could not be opened: {error}").format(
        name=name, error=str(error)
    )


def describe_translation_error(error: object) -> str:
    """Words for a failed translation job."""
    if isinstance(error, errors.ModelLoadFailed):
        return translate(
            "Messages",
            "The translation model in “{folder}” could not be loaded. Reinstall it from "
            "Tools › Translation models.",
        ).format(folder=error.path.name or str(error.path))
    return translate("Messages", "Translation stopped: {error}").format(
        error=str(error) or type(error).__name__
    )


def _megabytes(size: int) -> str:
    return QLocale().toString(size / 1_000_000, "f", 1)  # 1,5 in German
