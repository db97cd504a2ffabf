from __future__ import annotations

import logging
from pathlib import Path

from reader.core.logs import configure_logging


def test_log_file_in_state_dir_and_debug_only_when_verbose(tmp_path: Path) -> None:
    log_file = configure_logging(tmp_path / "logs", verbose=False)
    logger = logging.getLogger("reader.test")
    logger.info("opened %s", "artikel.md")
    logger.debug("sentence text: %s", "Geheimer Satz.")
    for handler in logging.getLogger("reader").handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "opened artikel.md" in text
    assert "Geheimer Satz" not in text

    configure_logging(tmp_path / "logs", verbose=True)
    logger.debug("sentence text: %s", "Sichtbar im Debug.")
    for handler in logging.getLogger("reader").handlers:
        handler.flush()
    assert "Sichtbar im Debug." in log_file.read_text(encoding="utf-8")
    # Reconfiguring replaces our handlers instead of stacking them.
    ours = [h for h in logging.getLogger("reader").handlers if getattr(h, "_reader_handler", 0)]
    assert len(ours) == 2  # file + console (verbose)
    configure_logging(tmp_path / "logs", verbose=False)
