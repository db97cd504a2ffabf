"""The UI's languages: compiling ``translations/*.ts`` and installing the translators.

Compiled ``.qm`` files are never committed. A source checkout compiles them itself, on the
first start after a ``.ts`` changed: ``lrelease`` (shipped with PySide6) turns the catalogue
into ``translations/NAME.qm`` beside it, or into the cache directory when that folder is not
writable. It takes about a tenth of a second and happens again only when the ``.ts`` is newer
than the ``.qm``. A PyInstaller bundle ships no ``.ts``: its build runs
``python -m reader.ui.i18n`` first, and the bundle's ``.qm`` files are used as they are.

The language is the system's unless the settings say ``en`` or ``de``; Qt's own ``qtbase``
catalogue (Cancel, Open, the file dialog …) is installed with ours.
"""

from __future__ import annotations

import contextlib
import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reader.core.bundled import translations_dir

log = logging.getLogger(__name__)

CATALOGUE = "reader"
LRELEASE_TIMEOUT_S = 60


def language_names() -> dict[str, str]:
    """Names for the Preferences list; each language is named in itself."""
    return {
        "system": QCoreApplication.translate("Languages", "System default"),
        "en": "English",
        "de": "Deutsch",
    }


def locale_for(language: str) -> QLocale:
    """The locale whose catalogues to load for a setting value."""
    if language == "de":
        return QLocale(QLocale.Language.German, QLocale.Country.Germany)
    if language == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return QLocale.system()


def lrelease_command() -> list[str] | None:
    """How to run Qt's lrelease here, or None (a frozen bundle has none)."""
    import PySide6

    exe = ".exe" if sys.platform == "win32" else ""
    binary = Path(PySide6.__file__).resolve().parent / f"lrelease{exe}"
    if binary.is_file():
        return [str(binary)]
    wrapper = Path(sys.executable).parent / f"pyside6-lrelease{exe}"
    if wrapper.is_file():
        return [str(wrapper)]
    return None


def compile_catalogue(ts_file: Path, qm_file: Path) -> Path:
    """Compile ``ts_file`` into ``qm_file`` (atomically); raises OSError when it cannot."""
    command = lrelease_command()
    if command is None:
        raise OSError("lrelease is not available")
    qm_file.parent.mkdir(parents=True, exist_ok=True)
    # Another reader (or a test) may compile at the same moment: write aside, then rename.
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{qm_file.stem}.", suffix=".qm", dir=qm_file.parent
    )
    os.close(handle)
    try:
        result = subprocess.run(
            [*command, "-silent", str(ts_file), "-qm", temp_name],
            capture_output=True,
            text=True,
            timeout=LRELEASE_TIMEOUT_S,
            check=False,
        )
        if result.returncode != 0 or os.path.getsize(temp_name) == 0:
            raise OSError(f"lrelease failed ({result.returncode}): {result.stderr.strip()}")
        os.chmod(temp_name, 0o644)  # mkstemp made it private; a catalogue is not
        os.replace(temp_name, qm_file)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
    return qm_file


def _is_fresh(qm_file: Path, ts_file: Path) -> bool:
    try:
        qm, ts = qm_file.stat(), ts_file.stat()
    except OSError:
        return False
    return qm_file.is_file() and qm.st_size > 0 and qm.st_mtime >= ts.st_mtime


def catalogue_folder(name: str, cache_dir: Path | None = None) -> Path | None:
    """The folder holding an up-to-date ``name.qm``, compiling it first when needed."""
    source_dir = translations_dir()
    ts_file = source_dir / f"{name}.ts"
    beside = source_dir / f"{name}.qm"
    if not ts_file.is_file():  # a bundle: whatever was compiled for it
        return source_dir if beside.is_file() else None
    if _is_fresh(beside, ts_file):
        return source_dir
    targets = [beside]
    if cache_dir is not None:
        cached = cache_dir / "i18n" / f"{name}.qm"
        if _is_fresh(cached, ts_file):
            return cached.parent
        targets.append(cached)
    for target in targets:  # beside the .ts first; the cache when the checkout is read-only
        try:
            return compile_catalogue(ts_file, target).parent
        except (OSError, subprocess.SubprocessError) as error:
            log.warning("could not compile %s into %s: %s", ts_file.name, target, error)
    # An older catalogue still beats none: only the newest strings stay English.
    stale = next((target for target in targets if target.is_file()), None)
    return stale.parent if stale is not None else None


def _qt_catalogue_dirs() -> list[str]:
    import PySide6

    folders = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)]
    folders.append(str(Path(PySide6.__file__).resolve().parent / "Qt" / "translations"))
    return folders


def install_translators(
    app: QCoreApplication, locale: QLocale | None = None, cache_dir: Path | None = None
) -> list[QTranslator]:
    """Qt's own words (Cancel, Open …) and ours, in ``locale`` (default: the system's)."""
    locale = locale or QLocale.system()
    installed: list[QTranslator] = []
    if locale.language() in (QLocale.Language.English, QLocale.Language.C):
        # The source strings are English; only their plural forms need a catalogue.
        _install_catalogue(app, f"{CATALOGUE}_en", cache_dir, installed)
        return installed
    for folder in _qt_catalogue_dirs():
        translator = QTranslator(app)
        if translator.load(locale, "qtbase", "_", folder, ".qm"):
            app.installTranslator(translator)
            installed.append(translator)
            break
    languages = [name.replace("-", "_").split("_")[0] for name in locale.uiLanguages()]
    for language in dict.fromkeys(languages):
        if language == "en":
            # English is preferred over the languages after it: the source strings, with
            # their plural forms.
            _install_catalogue(app, f"{CATALOGUE}_en", cache_dir, installed)
            break
        if _install_catalogue(app, f"{CATALOGUE}_{language}", cache_dir, installed):
            break
    return installed


def _install_catalogue(
    app: QCoreApplication, name: str, cache_dir: Path | None, installed: list[QTranslator]
) -> bool:
    folder = catalogue_folder(name, cache_dir)
    if folder is None:
        return False
    translator = QTranslator(app)
    if not translator.load(str(folder / f"{name}.qm")):
        return False
    app.installTranslator(translator)
    installed.append(translator)
    return True


def compile_all(target_dir: Path | None = None) -> list[Path]:
    """Compile every ``translations/*.ts`` (for a bundle build); returns the ``.qm`` files."""
    source_dir = translations_dir()
    out = target_dir or source_dir
    return [compile_catalogue(ts, out / f"{ts.stem}.qm") for ts in sorted(source_dir.glob("*.ts"))]


if __name__ == "__main__":
    for path in compile_all():
        print(path)
