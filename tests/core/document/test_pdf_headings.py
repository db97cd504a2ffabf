"""PDF headings found from type size: larger short lines become headings, by level."""

from __future__ import annotations

from pathlib import Path

from reader.core.document.loading import load_document
from reader.core.document.model import BlockKind
from tests.fixtures.documents import placed_pdf_bytes

BODY = [  # one paragraph, wrapped
    "In Berlin regnet es heute sehr lange und der Verkehr ist weiterhin",
    "gestört, sagte die Polizei am Morgen in einer kurzen Mitteilung an",
    "die Presse, und auch in Hamburg bleibt es nass, die Fähren fahren",
    "seltener als sonst.",
]


def sized_pdf(pages: list[list[tuple[str, float]]]) -> bytes:
    """A PDF whose pages show (line, type size) top to bottom, each line placed on its own."""
    placed = []
    for lines in pages:
        y, page = 780.0, []
        for text, size in lines:
            y -= size * 1.3
            page.append((text, 72.0, y, size))
        placed.append(page)
    return placed_pdf_bytes(placed)


def test_larger_lines_become_headings_by_size(tmp_path: Path) -> None:
    path = tmp_path / "bericht.pdf"
    body = [(line, 11.0) for line in BODY]
    path.write_bytes(
        sized_pdf(
            [
                [("Das Wetter im Norden", 20.0), *body, ("Regen in Hamburg", 14.0), *body],
                [("Ausblick", 14.0), *body],
            ]
        )
    )
    document = load_document(path)
    headings = [(b.text, b.level) for b in document.blocks if b.kind is BlockKind.HEADING]
    assert headings == [
        ("Das Wetter im Norden", 1),
        ("Regen in Hamburg", 2),
        ("Ausblick", 2),
    ]
    assert document.title == "Das Wetter im Norden"
    # The body stays paragraphs, each heading apart from the text after it.
    paragraphs = [b.text for b in document.blocks if b.kind is BlockKind.PARAGRAPH]
    assert len(paragraphs) == 3
    assert all(p.startswith("In Berlin regnet es") for p in paragraphs)


def test_a_large_sentence_or_long_line_is_no_heading(tmp_path: Path) -> None:
    path = tmp_path / "zitat.pdf"
    body = [(line, 11.0) for line in BODY]
    long_line = " ".join(["Wort"] * 20)
    path.write_bytes(sized_pdf([[*body, ("Es regnet.", 16.0), *body, (long_line, 16.0), *body]]))
    document = load_document(path)
    assert not [b for b in document.blocks if b.kind is BlockKind.HEADING]


def test_a_pdf_in_one_size_has_no_headings(tmp_path: Path) -> None:
    path = tmp_path / "gleich.pdf"
    body = [(line, 11.0) for line in BODY]
    path.write_bytes(sized_pdf([[*body, ("Ausblick", 11.0), *body]]))
    document = load_document(path)
    assert not [b for b in document.blocks if b.kind is BlockKind.HEADING]
    assert "Ausblick" in " ".join(b.text for b in document.blocks)
