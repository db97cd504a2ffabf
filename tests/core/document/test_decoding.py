"""Decoding: BOM first, strict UTF-8, cp1252 fallback, binary refused."""

from __future__ import annotations

import codecs

import pytest

from reader.core.document.decoding import NotText, decode_bytes

GERMAN = "„Grüße“ kosten 5 €, sagt Maß."


def test_plain_utf8() -> None:
    assert decode_bytes(GERMAN.encode("utf-8")) == (GERMAN, "utf-8")


def test_empty_bytes_are_empty_utf8() -> None:
    assert decode_bytes(b"") == ("", "utf-8")


@pytest.mark.parametrize(
    ("bom", "codec", "name"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    ],
)
def test_bom_decides_and_is_removed(bom: bytes, codec: str, name: str) -> None:
    text, encoding = decode_bytes(bom + GERMAN.encode(codec))
    assert (text, encoding) == (GERMAN, name)


def test_utf16_with_bom_is_not_binary_despite_nul_bytes() -> None:
    data = codecs.BOM_UTF16_LE + "Hallo Welt".encode("utf-16-le")
    assert b"\x00" in data
    assert decode_bytes(data)[0] == "Hallo Welt"


def test_cp1252_quotes_and_euro() -> None:
    data = GERMAN.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode_bytes(data) == (GERMAN, "cp1252")


def test_cp1252_not_latin1_for_quotes() -> None:
    text, encoding = decode_bytes(b"\x84Zitat\x93 \x80")
    assert encoding == "cp1252"
    assert text == "„Zitat“ €"


def test_cp1252_undefined_bytes_become_replacement_characters() -> None:
    text, encoding = decode_bytes(b"a\x81b\xe4")
    assert (text, encoding) == ("a\ufffdbä", "cp1252")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "png"),
        (b"PK\x03\x04rest of a zip", "zip"),
        (b"%PDF-1.7\n", "pdf"),
        (b"Text with a \x00 NUL byte", "nul"),
        (bytes(range(1, 9)) * 100, "control"),
    ],
)
def test_binary_data_is_refused(data: bytes, kind: str) -> None:
    with pytest.raises(NotText) as info:
        decode_bytes(data)
    assert info.value.kind == kind


def test_tabs_form_feeds_and_escape_are_text() -> None:
    data = b"a\tb\x0cc\x1b[0m\r\n"
    assert decode_bytes(data) == ("a\tb\x0cc\x1b[0m\r\n", "utf-8")
