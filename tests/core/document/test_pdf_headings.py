"""PDF headings found from type size: larger short lines become headings, by level."""

from __future__ import annotations

from pathlib import Path

from reader.core.document.loading import load_document
from reader.core.document.model import BlockKind

BODY = [  # one paragraph, wrapped
    "In Berlin regnet es heute sehr lange und der Verkehr ist weiterhin",
    "gestört, sagte die Polizei am Morgen in einer kurzen Mitteilung an",
    "die Presse, und auch in Hamburg bleibt es nass, die Fähren fahren",
    "seltener als sonst.",
]


def _string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def sized_pdf(pages: list[list[tuple[str, float]]]) -> bytes:
    """A PDF whose pages show (line, type size) top to bottom, each line placed on its own."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        (
            "<< /Type /Pages /Kids ["
            + " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
            + f"] /Count {len(pages)} >>"
        ).encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, lines in enumerate(pages):
        y = 780.0
        parts = []
        for text, size in lines:
            y -= size * 1.3
            parts.append(f"BT /F1 {size} Tf 72 {y:.1f} Td ".encode() + _string(text) + b" Tj ET")
        content = b"\n".join(parts)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode()
        )
        objects.append(
            f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream"
        )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


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
