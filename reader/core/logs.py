"""Logging: a rotating file in the state directory, debug with ``-v``.

Privacy rule: document text (sentences, translations, entities) is only ever logged at DEBUG
level; INFO and above carry file names, counts and timings.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
from pathlib import Path

LOG_FILE_NAME = "reader.log"
MAX_LOG_BYTES = 1_000_000
LOG_BACKUPS = 3


def configure_logging(log_dir: Path, *, verbose: bool = False, console: bool = False) -> Path:
    """Send the ``reader`` logger to ``log_dir/reader.log`` (rotated); returns the file."""
    log_dir.mkdir(parents=True, exist_ok=True)
    log_file = log_dir / LOG_FILE_NAME
    logger = logging.getLogger("reader")
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(logger.handlers):
        if getattr(handler, "_reader_handler", False):
            logger.removeHandler(handler)
            handler.close()
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    handlers: list[logging.Handler] = []
    # A read-only state dir must not stop the reader.
    with contextlib.suppress(OSError):
        handlers.append(
            logging.handlers.RotatingFileHandler(
                log_file, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
            )
        )
    if console or verbose:
        handlers.append(logging.StreamHandler())
    for handler in handlers:
        handler.setFormatter(formatter)
        handler._reader_handler = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.propagate = False
    return log_file
