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
                "(.md), plain text (.txt) or HTML (.html) files.",
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
