"""Code-point ↔ UTF-16 conversion, the one helper every Qt position goes through."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.ui.view.text_positions import Utf16Map, from_utf16, to_utf16, utf16_length


def test_ascii_and_umlauts_count_one_unit_each() -> None:
    assert utf16_length("Grüße") == 5
    assert to_utf16("Grüße aus Köln", 9) == 9


def test_emoji_counts_two_units() -> None:
    text = "Ja 😀 nein"
    assert utf16_length(text) == len(text) + 1
    assert to_utf16(text, 3) == 3  # before the emoji
    assert to_utf16(text, 4) == 5  # after it
    assert from_utf16(text, 5) == 4
    assert from_utf16(text, 4) == 3  # inside the surrogate pair: the emoji itself


def test_offsets_are_clamped() -> None:
    assert to_utf16("abc", 10) == 3
    assert to_utf16("abc", -1) == 0
    assert from_utf16("a😀", 99) == 2


@given(st.text(max_size=40), st.data())
def test_round_trip_and_map_agree(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(min_value=0, max_value=len(text)))
    position = to_utf16(text, offset)
    assert from_utf16(text, position) == offset
    assert Utf16Map(text)(offset) == position
    assert len(text[:offset].encode("utf-16-le")) // 2 == position
