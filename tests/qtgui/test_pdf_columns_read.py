"""A two-column page painted by Qt's own PDF writer (embedded font, real widths, the right
column stored first) reads back heading first, then the left column, then the right."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.document.pdf_source import read_pdf

HEADING = "Unwetter im ganzen Land"
LEFT = (
    "Links beginnt der Bericht über das Wetter in Berlin, wo es seit dem frühen Morgen "
    "regnet und der Verkehr auf vielen Straßen stockt. Die Polizei bittet alle Fahrer um "
    "Geduld und empfiehlt, auf Bus und Bahn umzusteigen, solange der Regen anhält."
)
RIGHT = (
    "Rechts geht es weiter mit Hamburg, wo die Fähren seltener fahren und viele Menschen "
    "am Hafen warten. Am Abend soll der Regen nachlassen, sagt der Wetterdienst, doch "
    "für morgen ist schon der nächste Sturm angekündigt."
)


@pytest.fixture(autouse=True)
def fonts(qapp: object) -> None:
    """Qt draws no text without a font; a bare machine needs e.g. fonts-dejavu-core."""
    from PySide6.QtGui import QFontDatabase

    if not QFontDatabase.families():
        pytest.skip("no fonts installed (apt-get install fonts-dejavu-core)")


def _paint(path: Path) -> None:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(72)
    painter = QPainter(writer)
    wrap = Qt.TextFlag.TextWordWrap
    painter.setFont(QFont("DejaVu Sans", 10))
    painter.drawText(QRectF(300, 80, 240, 700), wrap, RIGHT)
    painter.setFont(QFont("DejaVu Sans", 18))
    painter.drawText(QRectF(40, 30, 500, 40), wrap, HEADING)
    painter.setFont(QFont("DejaVu Sans", 10))
    painter.drawText(QRectF(40, 80, 240, 700), wrap, LEFT)
    painter.end()


def _words(text: str) -> list[str]:
    # Qt may set "fi" as a ligature; compare words, the ligature spelled out.
    return text.replace("\ufb01", "fi").split()


def test_qt_painted_columns_read_in_order(tmp_path: Path) -> None:
    path = tmp_path / "spalten.pdf"
    _paint(path)
    pdf = read_pdf(path, path.read_bytes())
    assert _words(pdf.text) == _words(f"{HEADING} {LEFT} {RIGHT}")
    assert pdf.headings == {HEADING: 1}
