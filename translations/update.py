"""Refresh ``reader_de.ts`` from the source: ``uv run python translations/update.py``.

Runs ``pyside6-lupdate`` over every Python file under ``reader/ui``, ``reader/workers`` and ``reader/qtgui``
(strings marked with ``self.tr(…)``, or ``translate("Context", …)`` /
``QCoreApplication.translate("Context", …)`` in module code) and drops strings that are gone.
Then translate what is new (Qt Linguist: ``uv run pyside6-linguist translations/reader_de.ts``,
or edit the XML). The ``.qm`` is not committed: the reader compiles it on start
(``reader.ui.i18n``), a bundle build with ``uv run python -m reader.ui.i18n``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("de",)


def main() -> int:
    sources = sorted(
        str(path.relative_to(ROOT))
        for folder in ("reader/ui", "reader/workers", "reader/qtgui")
        for path in (ROOT / folder).rglob("*.py")
    )
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    for language in LANGUAGES:
        target = f"translations/reader_{language}.ts"
        command = [str(lupdate), "-no-obsolete", "-locations", "relative"]
        command += ["-target-language", language, *sources, "-ts", target]
        result = subprocess.run(command, cwd=ROOT, check=False)
        if result.returncode != 0:
            return result.returncode
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
