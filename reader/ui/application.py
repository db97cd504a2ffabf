"""Start the GUI: QApplication, settings, the window, the first document.

Nothing heavy is imported on the way to the first paint (no ctranslate2, spaCy or Argos):
the document loads in a pool thread and the engine in the translation thread afterwards.
With ``READER_FIRST_PAINT_FILE`` set, the time of the first paint (``time.time()``) is
written there — ``benchmarks/startup_bench.py`` measures start-up with it.
"""

from __future__ import annotations

import argparse
import linecache
import os
import signal
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QTimer
from PySide6.QtWidgets import QApplication

from reader.core.bundled import APP_ID
from reader.core.paths import resolve_paths
from reader.ui.i18n import install_translators, locale_for
from reader.ui.settings import Settings
from reader.ui.window import recent_files
from reader.ui.window.main_window import MainWindow

__all__ = ["create_application", "initial_file", "install_translators", "run_gui"]

FIRST_PAINT_ENV = "READER_FIRST_PAINT_FILE"
EXIT_AFTER_PAINT_ENV = "READER_EXIT_AFTER_FIRST_PAINT"
MODULES_ENV = "READER_MODULES_FILE"
HEAVY_MODULES = ("ctranslate2", "spacy", "argostranslate", "torch", "stanza", "sentencepiece")
ORGANIZATION = "bilingual-reader"
APPLICATION = "Bilingual Reader"


def sample_document() -> Path:
    """The German sample article opened when no file is given."""
    from reader.core.bundled import sample_article

    return sample_article()


class _FirstPaintMarker(QObject):
    """Writes the time of the view's first paint to a file, once."""

    def __init__(self, target: Path, quit_after: bool) -> None:
        super().__init__()
        self.target = target
        self.quit_after = quit_after
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            # Wall clock for the benchmark, and CPU time (which machine load does not skew).
            self.target.write_text(
                f"{time.time():.6f} {time.process_time():.6f}\n", encoding="utf-8"
            )
            modules_file = os.environ.get(MODULES_ENV)
            if modules_file:  # which heavy modules were imported before the first paint
                heavy = [name for name in HEAVY_MODULES if name in sys.modules]
                Path(modules_file).write_text(" ".join(heavy), encoding="utf-8")
            if self.quit_after:
                QTimer.singleShot(0, QApplication.quit)
        return False


def _forget_module_sources() -> None:
    """PySide6's import hook reads the whole source of every module imported after it into
    ``linecache`` (it looks for "PySide6" there) and leaves it: ~9 MiB of lines by the time a
    document translates. Drop what it read, and have it drop what it reads later; a traceback
    reads the lines it needs again. Without that hook (another PySide6), nothing to do."""
    linecache.clearcache()  # before any worker thread could be formatting a traceback
    feature = sys.modules.get("shibokensupport.feature")
    check = getattr(feature, "_mod_uses_pyside", None)
    if check is None or getattr(check, "forgets_sources", False):
        return

    def uses_pyside(module: object) -> object:
        before = set(linecache.cache)
        try:
            return check(module)
        finally:
            for filename in set(linecache.cache) - before:
                linecache.cache.pop(filename, None)

    uses_pyside.forgets_sources = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]


def create_application(argv: list[str] | None = None, language: str = "system") -> QApplication:
    """The QApplication with our names and translators; reuses one that exists (tests).

    ``language`` is the setting (``system``, ``en``, ``de``); it takes effect on a new start.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
        _forget_module_sources()
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setDesktopFileName(APP_ID)
    app.setStyle("Fusion")
    if getattr(app, "_reader_translators", None) is None:
        if language != "system":  # numbers and sizes then read like the chosen language
            QLocale.setDefault(locale_for(language))
        app._reader_translators = install_translators(  # type: ignore[attr-defined]
            app, locale_for(language), resolve_paths().cache
        )
        # Window managers show "title — display name" unless the title already ends with it.
        app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", "Bilingual Reader"))
    return app


def initial_file(args: argparse.Namespace, settings: Settings) -> Path:
    """The command-line file, else the last document (when asked to), else the sample."""
    if getattr(args, "file", None):
        return Path(args.file)
    if settings.reopen_last:
        last = recent_files.last_document(settings)
        if last is not None:
            return last
    return sample_document()


def _quit_on_signals(app: QApplication) -> None:
    """SIGTERM (logout, ``kill``) and Ctrl+C in the terminal close the window the normal way:
    the place is saved and the name-finding child process is stopped, never orphaned."""

    def request_quit(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, app.quit)

    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, request_quit)
    # Python runs signal handlers only between bytecodes; a idle tick lets it do so while
    # Qt's event loop waits.
    tick = QTimer(app)
    tick.timeout.connect(lambda: None)
    tick.start(250)


def run_gui(args: argparse.Namespace) -> int:
    """Show the window and run the event loop; returns the exit code."""
    paths = resolve_paths(getattr(args, "data_dir", None)).ensure()
    settings = Settings.for_paths(paths)
    app = create_application(language=settings.language)
    from reader.workers.jobs import cancel_all_jobs
    from reader.workers.single_instance import SingleInstance, server_name

    instance = SingleInstance(server_name(paths.data))
    files = [args.file] if getattr(args, "file", None) else []
    if instance.hand_over(files):
        return 0  # the running reader opens it and comes to the front
    instance.listen()
    window = MainWindow(paths, settings)
    instance.files_received.connect(window.open_from_other_launch)
    app.aboutToQuit.connect(window.shutdown)  # threads stop even if the window never closed
    # A download or export still running is cancelled; its cleanup gets a moment to finish.
    app.aboutToQuit.connect(lambda: cancel_all_jobs(2000))
    marker_path = os.environ.get(FIRST_PAINT_ENV)
    marker = None
    if marker_path:
        marker = _FirstPaintMarker(Path(marker_path), bool(os.environ.get(EXIT_AFTER_PAINT_ENV)))
        window.view.viewport().installEventFilter(marker)
    window.show()
    window.view.setFocus()  # J/K and the arrow keys work from the start
    window.open_file(initial_file(args, settings))
    _quit_on_signals(app)
    if getattr(args, "self_test", False):
        QTimer.singleShot(0, app.quit)
    code = app.exec()
    if window.isVisible():
        window.close()
    instance.close()
    return int(code)
