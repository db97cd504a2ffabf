"""Logging: a rotating file in the state directory, debug with ``-v``.

Privacy rule: document text (sentences, translations, entities) is only ever logged at DEBUG
level; INFO and above carry file names, counts and timings.

The log is never a reason to fail: a state directory that cannot be created (read-only, or a
file in its place) or a log file that stops taking writes (full disk) costs one line on
standard error, after which warnings go to standard error and the rest is dropped —
measured before: a full disk printed 41 logging tracebacks for one command.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

LOG_FILE_NAME = "reader.log"
MAX_LOG_BYTES = 1_000_000
LOG_BACKUPS = 3


class _FileHandler(logging.handlers.RotatingFileHandler):
    """The log file; the first failed write says so once and hands over to stderr."""

    def handleError(self, record: logging.LogRecord) -> None:
        error = sys.exc_info()[1]
        logger = logging.getLogger("reader")
        logger.removeHandler(self)
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        _fall_back_to_stderr(
            logger, f"the log file {self.baseFilename} cannot be written ({reason})"
        )


def _fall_back_to_stderr(logger: logging.Logger, why: str) -> None:
    print(f"reader: {why}; warnings go to standard error instead", file=sys.stderr)
    if any(isinstance(h, _StderrFallback) for h in logger.handlers):
        return
    fallback = _StderrFallback()
    fallback.setLevel(logging.WARNING)
    fallback.setFormatter(logging.Formatter("reader: %(levelname)s %(name)s: %(message)s"))
    fallback._reader_handler = True  # type: ignore[attr-defined]
    logger.addHandler(fallback)


class _StderrFallback(logging.StreamHandler):  # type: ignore[type-arg]
    """Warnings on stderr while the log file cannot be written."""


def configure_logging(log_dir: Path, *, verbose: bool = False, console: bool = False) -> Path:
    """Send the ``reader`` logger to ``log_dir/reader.log`` (rotated); returns the file."""
    log_file = log_dir / LOG_FILE_NAME
    logger = logging.getLogger("reader")
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(logger.handlers):
        if getattr(handler, "_reader_handler", False):
            logger.removeHandler(handler)
            handler.close()
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    handlers: list[logging.Handler] = []
    problem = ""
    # A read-only state dir or a file where it should be must not stop the reader.
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handlers.append(
            _FileHandler(
                log_file, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
            )
        )
    except OSError as error:
        problem = f"no log file in {log_dir} ({error.strerror or error})"
    if console or verbose:
        handlers.append(logging.StreamHandler())
    for handler in handlers:
        handler.setFormatter(formatter)
        handler._reader_handler = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.propagate = False
    if problem:
        _fall_back_to_stderr(logger, problem)
    return log_file
