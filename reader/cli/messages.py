"""Words for core errors on the command line (the GUI has its own, translatable, in ui/)."""

from __future__ import annotations

from reader.core import errors


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
                "(open .md, .markdown, .txt, .html or .htm)"
            )
        case errors.FileTooLarge(path=path, size=size, limit=limit):
            return f"{path}: file is {size:,} bytes, over the limit of {limit:,} bytes"
        case errors.BinaryFile(path=path):
            return f"{path}: binary file, not text"
        case errors.EmptyDocument(path=path):
            return f"{path}: the document has no text"
        case errors.ReadFailed(path=path, reason=reason):
            return f"{path}: could not be read ({reason})"
        case errors.NoTranslationModel(from_code=from_code, to_code=to_code):
            return (
                f"no {from_code}→{to_code} translation model is installed "
                "(see: reader models --help)"
            )
        case errors.ModelLoadFailed(path=path, reason=reason):
            return f"{path}: the translation model could not be loaded ({reason})"
    return str(error) or type(error).__name__
