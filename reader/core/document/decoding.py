"""Bytes to text: BOM, BOM-less UTF-16/32, UTF-8 (stray bytes repaired), cp1252; else refused.

cp1252 and never latin-1: German text from Windows has „ “ € – in bytes 0x80–0x9F, which
latin-1 would turn into invisible control characters (docs/ARCHITECTURE.md).

A few invalid bytes in an otherwise UTF-8 file (one 0xFF in a text full of umlauts) are shown
as U+FFFD and counted, instead of reading the whole file as cp1252 ("gelÃ¶scht"). Bytes that
decode only to control characters, unassigned code points or a text with hardly any letters
(random data of any kind) are refused as not text.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

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
# Judged on the decoded start of the file; real prose is ~75 % letters, tables of numbers
# still well above these shares, random bytes far below or far above.
_JUDGE_CHARS = 65536
_MIN_JUDGED_CHARS = 32
_MIN_LETTER_SHARE = 0.3
_MAX_STRANGE_SHARE = 0.05
_FREE_REPLACEMENTS = 8
# cp1252 German is almost all ASCII (umlauts and ß are ~2 % of letters); random high bytes
# decode to mostly accented letters and symbols.
_MAX_CP1252_NON_ASCII_SHARE = 0.3
# Characters allowed although they are controls.
_TEXT_CONTROLS = frozenset("\t\n\r\x0c\x1b")
# Share of NUL bytes at one position of each code unit that marks BOM-less UTF-16/32 text.
_WIDE_NUL_SHARE = 0.6


@dataclass(frozen=True)
class Decoded:
    """Decoded file contents: the text, the codec used and how many bytes were replaced."""

    text: str
    encoding: str
    replaced: int = 0


class NotText(ValueError):
    """The bytes are not a text file; ``kind`` says why ("nul", "control" or a format)."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file contents; return ``(text, encoding name)``. Raises ``NotText``."""
    decoded = decode_text(data)
    return decoded.text, decoded.encoding


def decode_text(data: bytes) -> Decoded:
    """Decode file contents. Raises ``NotText``.

    The encoding name is a Python codec name ("utf-8", "utf-8-sig", "utf-16-le", "cp1252"…).
    A BOM is trusted; bytes that do not fit it become U+FFFD rather than failing the file.
    """
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise NotText(kind)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _judged(_replacing(data[len(bom) :], encoding.removesuffix("-sig"), encoding))
    if b"\x00" in data:
        wide = _wide_encoding(data)
        if wide is None:
            raise NotText("nul")
        return _judged(_replacing(data, wide, wide))
    head = data[:_SNIFF_BYTES]
    if head and len(head.translate(None, _CONTROL_BYTES)) < len(head) * (1 - _MAX_CONTROL_SHARE):
        raise NotText("control")
    try:
        return _judged(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    repaired = _replacing(data, "utf-8", "utf-8")
    if _valid_multibyte_count(repaired.text) > repaired.replaced:
        return _judged(repaired)  # UTF-8 with a few stray bytes, not a cp1252 file
    # cp1252 leaves five bytes undefined (0x81 0x8D 0x8F 0x90 0x9D); show them as U+FFFD.
    decoded = _judged(_replacing(data, "cp1252", "cp1252"))
    sample = "".join(decoded.text[:_JUDGE_CHARS].split())
    if len(sample) >= _MIN_JUDGED_CHARS and sum(not ch.isascii() for ch in sample) > len(sample) * (
        _MAX_CP1252_NON_ASCII_SHARE
    ):
        raise NotText("garbage")
    return decoded


def _replacing(data: bytes, codec: str, name: str) -> Decoded:
    """Decode with U+FFFD for bad bytes, counting the replaced runs."""
    text = data.decode(codec, "replace")
    # Each U+FFFD the codec inserted stands for one bad sequence; ones in the file stay.
    replaced = text.count("\ufffd") - _literal_replacement_count(data, codec)
    return Decoded(text, name, max(0, replaced))


def _literal_replacement_count(data: bytes, codec: str) -> int:
    marker = "\ufffd".encode(codec) if codec != "cp1252" else b""
    return data.count(marker) if marker else 0


def _valid_multibyte_count(text: str) -> int:
    return sum(1 for ch in text if not ch.isascii() and ch != "\ufffd")


def _wide_encoding(data: bytes) -> str | None:
    """UTF-32 or UTF-16 without BOM, told by where the NUL bytes sit; None when neither."""
    head = data[: _SNIFF_BYTES - _SNIFF_BYTES % 4]
    if len(head) < 4:
        return None
    for unit, patterns in (
        (4, (("utf-32-le", (1, 2, 3)), ("utf-32-be", (0, 1, 2)))),
        (2, (("utf-16-le", (1,)), ("utf-16-be", (0,)))),
    ):
        count = len(head) // unit
        for codec, positions in patterns:
            if all(head[p::unit].count(0) >= count * _WIDE_NUL_SHARE for p in positions):
                return codec if len(data) % unit == 0 else None
    return None


def _judged(decoded: Decoded) -> Decoded:
    """Refuse text that is mostly controls, unassigned or private code points, or no letters."""
    sample = decoded.text[:_JUDGE_CHARS]
    # Zero-width and other format characters are neither letters nor garbage: not counted.
    visible = [ch for ch in sample if not ch.isspace() and unicodedata.category(ch) != "Cf"]
    if len(visible) < _MIN_JUDGED_CHARS:
        return decoded
    # A handful of stray bytes is repaired, not a verdict on the file.
    strange = sum(1 for ch in visible if _is_strange(ch))
    strange -= min(visible.count("\ufffd"), _FREE_REPLACEMENTS)
    if strange > len(visible) * _MAX_STRANGE_SHARE:
        raise NotText("control")
    # ASCII punctuation runs ("[[[…", ">>>…") are odd but harmless text; symbol soup from
    # the rest of Unicode with hardly a letter is what random bytes decode to.
    ascii_count = sum(1 for ch in visible if ch.isascii())
    letters = sum(1 for ch in visible if ch.isalpha())
    if ascii_count < len(visible) / 2 and letters < len(visible) * _MIN_LETTER_SHARE:
        raise NotText("garbage")
    return decoded


def _is_strange(ch: str) -> bool:
    if ch in _TEXT_CONTROLS:
        return False
    return ch == "\ufffd" or unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs")
