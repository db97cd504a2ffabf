"""Bytes to text: BOM first, then strict UTF-8, then cp1252; binary data is refused.

cp1252 and never latin-1: German text from Windows has „ “ € – in bytes 0x80–0x9F, which
latin-1 would turn into invisible control characters (docs/ARCHITECTURE.md).
"""

from __future__ import annotations

import codecs

# UTF-32 LE must be tried before UTF-16 LE: its BOM starts with the UTF-16 LE BOM.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Leading bytes of common binary formats, named for the error.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"PK\x07\x08", "zip"),
    (b"\x1f\x8b", "gzip"),
    (b"%PDF-", "pdf"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"\x7fELF", "elf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\x00asm", "wasm"),
)

# Bytes that do not occur in text files (tab, newlines, form feed and ESC do).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_SNIFF_BYTES = 8192
_MAX_CONTROL_SHARE = 0.1


class NotText(ValueError):
    """The bytes are not a text file; ``kind`` says why ("nul", "control" or a format)."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file contents; return ``(text, encoding name)``. Raises ``NotText``.

    The encoding name is a Python codec name ("utf-8", "utf-8-sig", "utf-16-le", "cp1252"…).
    A BOM is trusted; bytes that do not fit it become U+FFFD rather than failing the file.
    """
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise NotText(kind)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding.removesuffix("-sig"), "replace"), encoding
    if b"\x00" in data:
        raise NotText("nul")
    head = data[:_SNIFF_BYTES]
    if head and len(head.translate(None, _CONTROL_BYTES)) < len(head) * (1 - _MAX_CONTROL_SHARE):
        raise NotText("control")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # cp1252 leaves five bytes undefined (0x81 0x8D 0x8F 0x90 0x9D); show them as U+FFFD.
    return data.decode("cp1252", "replace"), "cp1252"
