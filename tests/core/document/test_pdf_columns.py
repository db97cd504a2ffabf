"""PDF pages set in columns are read column by column, whatever order the file stores."""

from __future__ import annotations

from pathlib import Path

from reader.core.document.loading import load_document
from reader.core.document.pdf_columns import PlacedLine, reading_order
from reader.core.document.pdf_source import read_pdf
from tests.fixtures.documents import placed_pdf_bytes as placed_pdf

LEFT = [  # one paragraph, wrapped to a narrow column
    "In Berlin regnet es heute sehr",
    "lange und der Verkehr ist",
    "gestört, sagte die Polizei am",
    "Morgen in einer Mitteilung.",
]
RIGHT = [
    "Auch in Hamburg bleibt es",
    "nass, die Fähren fahren",
    "seltener als sonst, und am",
    "Hafen warten viele Leute.",
]
BODY_SIZE = 11.0
LEADING = 14.0
LEFT_X = 72.0
RIGHT_X = 310.0


def _column(lines: list[str], x: float, top: float) -> list[tuple[str, float, float, float]]:
    return [(text, x, top - i * LEADING, BODY_SIZE) for i, text in enumerate(lines)]


def _text(path: Path, data: bytes) -> list[str]:
    path.write_bytes(data)
    return [line for line in read_pdf(path, data).text.split("\n") if line]


def test_two_columns_stored_interleaved_are_read_column_by_column(tmp_path: Path) -> None:
    left = _column(LEFT, LEFT_X, 760.0)
    right = _column(RIGHT, RIGHT_X, 760.0)
    # Stored row by row, right column first: the file's order mixes the columns.
    stored = [line for pair in zip(right, left, strict=True) for line in pair]
    assert _text(tmp_path / "spalten.pdf", placed_pdf([stored])) == LEFT + RIGHT


def test_full_width_heading_stays_above_both_columns(tmp_path: Path) -> None:
    heading = ("Unwetter in Norddeutschland am Wochenende", LEFT_X, 790.0, 20.0)
    left = _column(LEFT, LEFT_X, 750.0)
    right = _column(RIGHT, RIGHT_X, 750.0)
    data = placed_pdf([[*right, heading, *left]])
    path = tmp_path / "titel.pdf"
    assert _text(path, data) == [heading[0], *LEFT, *RIGHT]
    document = load_document(path)
    assert document.title == heading[0]
    body = " ".join(block.text for block in document.blocks[1:])
    assert body.index("In Berlin regnet") < body.index("Morgen in einer")
    assert body.index("Morgen in einer") < body.index("Auch in Hamburg")


def test_full_width_paragraph_between_two_column_bands(tmp_path: Path) -> None:
    wide = "Eine Zeile quer über die ganze Seite, die beide Spalten trennt und weiterläuft."
    top_left = _column(LEFT, LEFT_X, 760.0)
    top_right = _column(RIGHT, RIGHT_X, 760.0)
    bottom_left = _column(LEFT, LEFT_X, 640.0)
    bottom_right = _column(RIGHT, RIGHT_X, 640.0)
    stored = [*bottom_right, *top_right, (wide, LEFT_X, 690.0, BODY_SIZE)]
    stored += [*bottom_left, *top_left]
    assert _text(tmp_path / "baender.pdf", placed_pdf([stored])) == [
        *LEFT,
        *RIGHT,
        wide,
        *LEFT,
        *RIGHT,
    ]


def test_single_column_page_keeps_its_order(tmp_path: Path) -> None:
    # Indented first lines and a short last line: left edges vary, yet there is one column.
    lines = [
        ("    In Berlin regnet es heute sehr lange und der Verkehr ist weiterhin", 90.0),
        ("gestört, sagte die Polizei am Morgen in einer kurzen Mitteilung an", LEFT_X),
        ("die Presse.", LEFT_X),
        ("    Auch in Hamburg bleibt es nass, die Fähren fahren seltener als", 90.0),
        ("sonst, und am Hafen warten viele Leute auf das nächste Schiff nach", LEFT_X),
        ("Finkenwerder.", LEFT_X),
        ("Seite 1", 280.0),
    ]
    stored = [(text, x, 760.0 - i * LEADING, BODY_SIZE) for i, (text, x) in enumerate(lines)]
    assert _text(tmp_path / "eine.pdf", placed_pdf([stored])) == [
        " ".join(text.split()) for text, _x in lines[:-1]
    ]


def test_three_columns_are_read_left_to_right() -> None:
    columns = [
        [PlacedLine(700.0 - i * LEADING, x, f"{name} Zeile {i}", BODY_SIZE) for i in range(5)]
        for name, x in (("Links", 40.0), ("Mitte", 220.0), ("Rechts", 400.0))
    ]
    stored = [line for row in zip(*columns, strict=True) for line in row]
    order = [line.text for line in reading_order(stored)]
    assert order == [line.text for column in columns for line in column]


def test_a_table_like_block_in_a_long_page_is_no_column() -> None:
    body = [
        PlacedLine(800.0 - i * LEADING, 72.0, "Ein langer Satz quer über die Seite " * 2, 11.0)
        for i in range(20)
    ]
    table = [
        PlacedLine(500.0 - i * LEADING, x, text, 11.0)
        for i in range(3)
        for x, text in ((72.0, f"Schiff {i}"), (300.0, f"Flagge {i}"))
    ]
    lines = body + table
    assert reading_order(lines) == lines
