"""Package tokenizers that encode and detokenize exactly as Argos Translate 1.11 does.

SentencePiece packages use ``sentencepiece`` directly; BPE packages use Argos's own
``BPETokenizer`` (``argostranslate.tokenizer`` imports only sentencepiece, and sacremoses
lazily, so it is safe to import). Both can also report where each piece lies in the text
(character offsets, whitespace trimmed), which the word alignment needs.

Argos's detokenization has quirks we keep on purpose so our English matches Argos's
sentence for sentence: after SentencePiece decodes, every ``▁`` *and every underscore*
becomes a space, and one leading space is dropped. The only deviation: a package's
``target_prefix`` token is removed from the pieces before decoding (Argos removes it from the
decoded text, which its underscore replacement breaks for prefixes like ``__en__``).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

Span = tuple[int, int] | None


class Tokenizer(Protocol):
    """What the engine needs from a package tokenizer."""

    def encode(self, text: str) -> list[str]:
        """Source pieces for one sentence."""
        ...

    def encode_with_spans(self, text: str) -> tuple[list[str], list[Span]]:
        """Source pieces and each piece's character span in ``text`` (None if it has none)."""
        ...

    def decode_with_spans(self, pieces: Sequence[str]) -> tuple[str, list[Span]]:
        """The detokenized target text (as Argos makes it) and each piece's span in it."""
        ...


def open_tokenizer(package_dir: Path, from_code: str, to_code: str) -> Tokenizer:
    """The tokenizer Argos would pick for this package folder: SentencePiece first, then BPE."""
    sentencepiece_model = package_dir / "sentencepiece.model"
    if sentencepiece_model.is_file():
        return SentencePieceTokenizer(sentencepiece_model)
    bpe_model = package_dir / "bpe.model"
    if bpe_model.is_file():
        return BPETokenizer(bpe_model, from_code, to_code)
    raise FileNotFoundError(f"{package_dir}: no sentencepiece.model or bpe.model")


def argos_cleanup(raw: str, spans: list[Span]) -> tuple[str, list[Span]]:
    """Argos's post-processing of decoded text: ``▁``/``_`` to spaces, one leading space off.

    Replacements keep the length, so spans stay valid; dropping the first character shifts
    them by one.
    """
    text = raw.replace("▁", " ").replace("_", " ")
    if not text.startswith(" "):
        return text, spans
    shifted: list[Span] = []
    for span in spans:
        if span is None:
            shifted.append(None)
            continue
        start, end = max(0, span[0] - 1), span[1] - 1
        shifted.append((start, end) if end > start else None)
    return text[1:], shifted


class SentencePieceTokenizer:
    """A package's ``sentencepiece.model``, loaded once."""

    def __init__(self, model_file: Path) -> None:
        import sentencepiece

        self.model_file = model_file
        self.processor = sentencepiece.SentencePieceProcessor(model_file=str(model_file))

    def encode(self, text: str) -> list[str]:
        pieces: list[str] = self.processor.encode(text, out_type=str)
        return pieces

    def encode_with_spans(self, text: str) -> tuple[list[str], list[Span]]:
        # SentencePiece's own offsets (0.2.1 and later) give the same spans as reading its
        # serialized proto here, ~7x faster: every sentence of a document is encoded so
        # before its first call (1,919 WMT14 sentences: 24 ms against 165 ms).
        offset_mapping = getattr(self.processor, "EncodeAsOffsetMapping", None)
        if offset_mapping is not None:
            found = offset_mapping(text)
            spans = [_trim(text, start, end) for start, end in found["offsets"]]
            return list(found["pieces"]), spans
        return self._encode_with_spans_from_proto(text)

    def _encode_with_spans_from_proto(self, text: str) -> tuple[list[str], list[Span]]:
        serialized = self.processor.encode(text, out_type="serialized_proto")
        _decoded, parsed = parse_sentencepiece_text(serialized)
        pieces = [piece for piece, _begin, _end in parsed]
        return pieces, _spans_of_bytes(text, parsed)

    def decode_with_spans(self, pieces: Sequence[str]) -> tuple[str, list[Span]]:
        pieces = list(pieces)
        raw = self.processor.decode_pieces(pieces)
        spans = joined_piece_spans(raw, pieces)
        if spans is None:
            spans = self._decoded_spans_from_proto(raw, pieces)
        text, spans = argos_cleanup(raw, spans)
        return text, [_trim(text, *span) if span else None for span in spans]

    def _decoded_spans_from_proto(self, raw: str, pieces: list[str]) -> list[Span]:
        serialized = self.processor.decode_pieces(pieces, out_type="serialized_proto")
        decoded, parsed = parse_sentencepiece_text(serialized)
        if decoded == raw and len(parsed) == len(pieces):
            return _spans_of_bytes(raw, parsed)
        return find_piece_spans(raw, pieces)


class BPETokenizer:
    """A package's ``bpe.model`` through Argos's Moses + subword-nmt tokenizer."""

    def __init__(self, model_file: Path, from_code: str, to_code: str) -> None:
        from argostranslate.tokenizer import BPETokenizer as ArgosBPETokenizer

        self.model_file = model_file
        self.inner = ArgosBPETokenizer(model_file, from_code, to_code)

    def encode(self, text: str) -> list[str]:
        return list(self.inner.encode(text))

    def encode_with_spans(self, text: str) -> tuple[list[str], list[Span]]:
        pieces = self.encode(text)
        return pieces, find_piece_spans(text, pieces)

    def decode_with_spans(self, pieces: Sequence[str]) -> tuple[str, list[Span]]:
        text = self.inner.decode(list(pieces))
        return text, find_piece_spans(text, pieces)


def joined_piece_spans(raw: str, pieces: Sequence[str]) -> list[Span] | None:
    """Each piece's span in ``raw``, SentencePiece's decoding of ``pieces``, when that is
    their surfaces joined (``▁`` as a space, the first piece's leading one dropped): the
    spans SentencePiece itself reports then, found without its serialized proto (every
    sentence the model writes is decoded so: 300 real-shape-model sentences 33 -> 11 ms).
    None when the decoding is anything else (byte pieces, control symbols): the caller asks
    SentencePiece."""
    surfaces = [piece.replace("▁", " ") for piece in pieces]
    joined = "".join(surfaces)
    dropped = 1 if joined.startswith(" ") else 0
    if joined[dropped:] != raw:
        return None
    spans: list[Span] = []
    position = -dropped
    for surface in surfaces:
        start, position = position, position + len(surface)
        spans.append(_trim(raw, max(0, start), max(0, position)))
    return spans


def find_piece_spans(text: str, pieces: Sequence[str]) -> list[Span]:
    """Locate each piece in ``text`` left to right; pieces that cannot be found get None."""
    spans: list[Span] = []
    cursor = 0
    for piece in pieces:
        surface = html.unescape(piece.replace("@@", "")).replace("▁", " ").strip()
        if not surface:
            spans.append(None)
            continue
        found = text.find(surface, cursor)
        if found < 0 or found - cursor > 40:
            spans.append(None)
            continue
        spans.append((found, found + len(surface)))
        cursor = found + len(surface)
    return spans


def parse_sentencepiece_text(data: bytes) -> tuple[str, list[tuple[str, int, int]]]:
    """Read a serialized ``SentencePieceText``: its text and (piece, begin, end) byte spans.

    A dozen lines of protobuf wire format, so we need no protobuf dependency.
    """
    text = ""
    pieces: list[tuple[str, int, int]] = []
    for field, value in _proto_fields(data):
        if field == 1 and isinstance(value, bytes):
            text = value.decode("utf-8", errors="replace")
        elif field == 2 and isinstance(value, bytes):
            piece, begin, end = "", 0, 0
            for inner_field, inner in _proto_fields(value):
                if inner_field == 1 and isinstance(inner, bytes):
                    piece = inner.decode("utf-8", errors="replace")
                elif inner_field == 4 and isinstance(inner, int):
                    begin = inner
                elif inner_field == 5 and isinstance(inner, int):
                    end = inner
            pieces.append((piece, begin, end))
    return text, pieces


def _proto_fields(data: bytes) -> list[tuple[int, int | bytes]]:
    fields: list[tuple[int, int | bytes]] = []
    position = 0
    while position < len(data):
        key, position = _varint(data, position)
        field, wire_type = key >> 3, key & 7
        if wire_type == 0:
            value, position = _varint(data, position)
            fields.append((field, value))
        elif wire_type == 2:
            length, position = _varint(data, position)
            fields.append((field, data[position : position + length]))
            position += length
        elif wire_type == 5:
            position += 4
        elif wire_type == 1:
            position += 8
        else:
            raise ValueError(f"unexpected protobuf wire type {wire_type}")
    return fields


def _varint(data: bytes, position: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        byte = data[position]
        position += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, position
        shift += 7


def _spans_of_bytes(text: str, parsed: Sequence[tuple[str, int, int]]) -> list[Span]:
    """SentencePiece's (piece, begin, end) UTF-8 byte offsets as trimmed character spans."""
    char_at = _byte_to_char_offsets(text)
    return [_trim(text, char_at[begin], char_at[end]) for _piece, begin, end in parsed]


def _byte_to_char_offsets(text: str) -> list[int]:
    """Map every UTF-8 byte offset of ``text`` (and its end) to a character offset."""
    offsets: list[int] = []
    for index, char in enumerate(text):
        offsets.extend([index] * len(char.encode("utf-8")))
    offsets.append(len(text))
    return offsets


def _trim(text: str, start: int, end: int) -> Span:
    """Shrink a span to exclude surrounding whitespace; None if nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
