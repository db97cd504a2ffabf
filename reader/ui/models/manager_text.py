"""Words for the model manager: package names, languages, versions and typed errors.

The strings keep the ``ModelManagerDialog`` context they had as ``self.tr`` calls in the
dialog, so the existing translations still apply.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QLocale

from reader.core import errors
from reader.core.packages.store import InstalledPackage
from reader.workers.jobs import JobCancelled

# Called by this name so that lupdate sees the context and text of every message.
translate = QCoreApplication.translate


def language_name(package: object, name_attribute: str, code_attribute: str) -> str:
    """The package's language name, or Qt's name for its code when it gives only a code."""
    name = str(getattr(package, name_attribute, "") or "")
    code = str(getattr(package, code_attribute, "") or "")
    if name and name != code:
        return name
    language = QLocale(code).language() if code else QLocale.Language.C
    if language in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        return code
    return QLocale.languageToString(language)


def package_title(package: object) -> str:
    """The package's name, else its code, else a stand-in."""
    code = getattr(package, "code", "") or ""
    name = getattr(package, "name", "") or ""
    return name or code or translate("ModelManagerDialog", "(unnamed model)")


def available_version(package: object, installed: Iterable[InstalledPackage]) -> str:
    """An index package's version, marked when that very version is already installed."""
    version = str(getattr(package, "package_version", ""))
    is_installed = any(
        p.code == getattr(package, "code", None) and p.package_version == version for p in installed
    )
    return (
        translate("ModelManagerDialog", "{version} (installed)").format(version=version)
        if is_installed
        else version
    )


def languages(package: object) -> str:
    """Source and target language names, as in "German → English" (in the interface's
    language for the two this reader knows; packages name them in English)."""
    codes = (getattr(package, "from_code", ""), getattr(package, "to_code", ""))
    if codes == ("de", "en"):
        return translate("ModelManagerDialog", "German → English")
    if codes == ("en", "de"):
        return translate("ModelManagerDialog", "English → German")
    source = language_name(package, "from_name", "from_code")
    target = language_name(package, "to_name", "to_code")
    return translate("ModelManagerDialog", "{source} → {target}").format(
        source=source, target=target
    )


def describe_error(error: object) -> str:
    """One clear sentence for each typed error the install, download or scan can raise."""
    size = QLocale().formattedDataSize
    match error:
        case errors.PackageUnreadable(path=path, reason=reason):
            return translate("ModelManagerDialog", "Could not read {file}: {reason}").format(
                file=path.name, reason=reason
            )
        case errors.PackageNotZip(path=path):
            return translate(
                "ModelManagerDialog",
                "{file} is not a model package: it is not a zip archive, or it is damaged.",
            ).format(file=path.name)
        case errors.PackageUnsafePath(name=name):
            return translate(
                "ModelManagerDialog",
                "The package was refused: it contains an unsafe file name ({name}).",
            ).format(name=name)
        case errors.PackageSymlink(name=name):
            return translate(
                "ModelManagerDialog",
                "The package was refused: it contains a symbolic link ({name}).",
            ).format(name=name)
        case errors.PackageTooLarge(limit=limit, what="archive" | "download"):
            return translate(
                "ModelManagerDialog", "The package file is larger than the limit of {limit}."
            ).format(limit=size(limit))
        case errors.PackageTooLarge(limit=limit):
            return translate(
                "ModelManagerDialog",
                "The package would unpack to more than {limit}; it was not installed.",
            ).format(limit=size(limit))
        case errors.PackageTooManyEntries(limit=limit):
            return translate(
                "ModelManagerDialog", "The package holds more than {limit} files; it was refused."
            ).format(limit=limit)
        case errors.PackageLayout(reason=reason):
            return translate(
                "ModelManagerDialog",
                "The package is not laid out like an Argos model (one folder holding "
                "everything): {reason}",
            ).format(reason=reason)
        case errors.PackageMetadataInvalid(reason=reason):
            return translate(
                "ModelManagerDialog", "The package's metadata.json is not valid: {reason}"
            ).format(reason=reason)
        case errors.PackageWrongLanguages(from_code=src, to_code=dst):
            return translate(
                "ModelManagerDialog",
                "This package translates {source}→{target}, not German↔English.",
            ).format(source=src, target=dst)
        case errors.PackageIncomplete(missing=missing):
            return translate(
                "ModelManagerDialog", "The package is incomplete; missing: {files}"
            ).format(files=", ".join(missing))
        case errors.PackageTruncated(name=name):
            return translate(
                "ModelManagerDialog", "The package is damaged ({name}); download or copy it again."
            ).format(name=name)
        case errors.PackageModelBroken(reason=reason):
            return translate(
                "ModelManagerDialog", "The package's model files cannot be loaded: {reason}"
            ).format(reason=reason)
        case errors.PackageDirNotWritable(path=path):
            return translate(
                "ModelManagerDialog",
                "Cannot write to the model folder {folder}. Check its permissions and free space.",
            ).format(folder=str(path))
        case errors.PackageInstallCancelled() | JobCancelled():
            return translate("ModelManagerDialog", "Cancelled. Nothing was installed.")
        case errors.DownloadCancelled():
            return translate("ModelManagerDialog", "Download cancelled. Nothing was installed.")
        case errors.PackageAlreadyInstalled(code=code):
            return translate("ModelManagerDialog", "{code} is already installed.").format(code=code)
        case errors.PackageNotOwned(path=path) | errors.PackageNotInstalled(wanted=path):
            return translate(
                "ModelManagerDialog",
                "{what} is not in this application's own model folder and was not removed.",
            ).format(what=str(path))
        case errors.IndexUnreachable():
            return translate(
                "ModelManagerDialog",
                "Could not reach the model index. Check your internet connection and try "
                "again, or install a model from a file.",
            )
        case errors.IndexInvalid():
            return translate(
                "ModelManagerDialog", "The model index could not be understood. Try again later."
            )
        case errors.PackageNotAvailable(wanted=wanted):
            return translate("ModelManagerDialog", "The index lists no model {wanted}.").format(
                wanted=wanted
            )
        case errors.DownloadFailed(reason=reason):
            return translate(
                "ModelManagerDialog", "The download failed: {reason}. Nothing was installed."
            ).format(reason=reason)
        case PermissionError() | OSError():
            return translate("ModelManagerDialog", "The operation failed: {reason}").format(
                reason=getattr(error, "strerror", None) or str(error)
            )
    return translate(
        "ModelManagerDialog", "Something went wrong ({kind}). Nothing was changed."
    ).format(kind=type(error).__name__)
