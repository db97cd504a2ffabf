"""Word alignment: pieces to words, exact character spans on both sides."""

from __future__ import annotations

from pathlib import Path

from reader.core.document.model import AlignedSpan
from reader.core.packages.store import InstalledPackage
from reader.core.translation.alignment import align_words, word_spans
from reader.core.translation.engine import TranslationEngine
from reader.core.translation.tokenizers import argos_cleanup, find_piece_spans, open_tokenizer


def words_of(text: str) -> list[str]:
    return [text[a:b] for a, b in word_spans(text)]


def test_words_and_punctuation() -> None:
    assert words_of("Er sagte: „Nord-Süd ist’s!“ 2,5") == [
        "Er", "sagte", ":", "„", "Nord-Süd", "ist’s", "!", "“", "2", ",", "5",
    ]  # fmt: skip


def test_copy_model_aligns_word_i_to_word_i(tiny_package: InstalledPackage) -> None:
    engine = TranslationEngine(tiny_package, threads=1)
    sentences = [
        "Die Stadt Köln plant eine neue Brücke über den Rhein.",
        "Er sagte: „Wir müssen schneller handeln.“",
        "  Führende Leerzeichen, Straße_Nr und 😀 Emoji.",
    ]
    for result in engine.translate(list(enumerate(sentences))):
        source_words = word_spans(result.source)
        target_words = word_spans(result.text)
        assert len(source_words) == len(target_words)
        expected = tuple(
            AlignedSpan(s[0], s[1], t[0], t[1])
            for s, t in zip(source_words, target_words, strict=True)
        )
        assert result.alignment == expected, result.source


def test_alignment_follows_attention_not_position() -> None:
    source = "Gestern kam er."
    target = "He came yesterday."
    # pieces: ▁Gestern ▁kam ▁er .   /   ▁He ▁came ▁yesterday .
    source_spans = [(0, 7), (8, 11), (12, 14), (14, 15)]
    target_spans = [(0, 2), (3, 7), (8, 17), (17, 18)]
    attention = [
        [0.1, 0.1, 0.7, 0.1],
        [0.1, 0.8, 0.05, 0.05],
        [0.9, 0.05, 0.03, 0.02],
        [0.0, 0.0, 0.1, 0.9],
    ]
    links = align_words(source, source_spans, target, target_spans, attention)
    pairs = [
        (source[a.source_start : a.source_end], target[a.target_start : a.target_end])
        for a in links
    ]
    assert pairs == [("er", "He"), ("kam", "came"), ("Gestern", "yesterday"), (".", ".")]


def test_pieces_of_one_word_vote_for_its_source_word() -> None:
    source = "Bundeskanzlerin spricht"
    target = "Chancellor speaks"
    source_spans = [(0, 6), (6, 15), (16, 23)]
    target_spans = [(0, 5), (5, 10), (11, 17)]
    attention = [[0.6, 0.4, 0.0], [0.2, 0.7, 0.1], [0.0, 0.1, 0.9]]
    links = align_words(source, source_spans, target, target_spans, attention)
    assert links == (AlignedSpan(0, 15, 0, 10), AlignedSpan(16, 23, 11, 17))


def test_pieces_without_text_are_skipped() -> None:
    links = align_words("Ja .", [None, (0, 2), (3, 4)], "Yes .", [None, (0, 3), (4, 5)],
                        [[0.9, 0.1, 0.0], [0.8, 0.2, 0.0], [0.0, 0.0, 1.0]])  # fmt: skip
    assert links == (AlignedSpan(0, 2, 0, 3), AlignedSpan(3, 4, 4, 5))


def test_empty_inputs_give_no_links() -> None:
    assert align_words("", [], "", [], []) == ()
    assert align_words("Ja", [(0, 2)], "", [], [[1.0]]) == ()


def test_argos_cleanup_shifts_spans_with_the_leading_space() -> None:
    text, spans = argos_cleanup(" a_b▁c", [(1, 4), None, (5, 6)])
    assert text == "a b c"
    assert spans == [(0, 3), None, (4, 5)]


def test_find_piece_spans_handles_bpe_markers_and_escapes() -> None:
    text = "Tom & Jerry laufen."
    pieces = ["Tom", "&amp;", "Jer@@", "ry", "lau@@", "fen", "."]
    spans = find_piece_spans(text, pieces)
    assert [text[a:b] for a, b in spans] == ["Tom", "&", "Jer", "ry", "lau", "fen", "."]


def test_source_spans_point_into_the_original_text(tiny_package_dir: Path) -> None:
    tokenizer = open_tokenizer(tiny_package_dir, "de", "en")
    text = "  Größe: 😀 Köln"
    pieces, spans = tokenizer.encode_with_spans(text)
    assert pieces == tokenizer.encode(text)
    covered = "".join(text[s[0] : s[1]] for s in spans if s)
    assert covered == "Größe:😀Köln"


def test_sentencepiece_offsets_give_the_spans_its_serialized_proto_gives(
    tiny_package: InstalledPackage,
) -> None:
    import random

    from reader.core.translation.tokenizers import SentencePieceTokenizer

    tokenizer = open_tokenizer(tiny_package.path, "de", "en")
    assert isinstance(tokenizer, SentencePieceTokenizer)
    assert hasattr(tokenizer.processor, "EncodeAsOffsetMapping")  # the quick path is taken
    rng = random.Random(5)
    alphabet = "aZ09 .,-'\tßẞäÖüéÅøŁİĳﬁ²½\u00a0\u2009\u0301Σς东😀\u200b"
    texts = ["", " ", "Köln liegt am Rhein.", "ﬁnale Straße ½ 　voll　breit", "x\u0301y"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(400)]
    for text in texts:
        expected = tokenizer._encode_with_spans_from_proto(text)
        assert tokenizer.encode_with_spans(text) == expected, repr(text)


def test_joined_piece_spans_are_the_spans_sentencepiece_reports(
    tiny_package: InstalledPackage,
) -> None:
    import random

    from reader.core.translation.tokenizers import SentencePieceTokenizer, joined_piece_spans

    tokenizer = open_tokenizer(tiny_package.path, "de", "en")
    assert isinstance(tokenizer, SentencePieceTokenizer)
    rng = random.Random(7)
    alphabet = "aZ09 .,-'\tßäÖüé²½\u00a0Σς东😀▁_"
    texts = ["Köln liegt am Rhein.", "  zwei  Leerzeichen ", "a__b", "▁"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(300)]
    lists = [tokenizer.encode(text) for text in texts]
    lists += [["▁"], ["▁", "▁Hallo"], ["Hallo"], ["▁a", "▁"], ["<unk>"], ["</s>"], ["<s>", "▁a"]]
    quick = 0
    for pieces in lists:
        raw = tokenizer.processor.decode_pieces(pieces)
        spans = joined_piece_spans(raw, pieces)
        if spans is not None:
            quick += 1
            assert spans == tokenizer._decoded_spans_from_proto(raw, pieces), pieces
    assert quick >= len(lists) - 10  # the quick path is the usual one
    # Control symbols decode to nothing: not their joined surfaces, so SentencePiece is asked.
    assert joined_piece_spans(tokenizer.processor.decode_pieces(["</s>"]), ["</s>"]) is None
    text, spans = tokenizer.decode_with_spans(["▁Köln", "▁liegt", "."])
    assert (text, spans) == ("Köln liegt.", [(0, 4), (5, 10), (10, 11)])


def test_the_most_attended_usable_piece_wins_ties_first_and_skips_unusable_columns() -> None:
    source, target = "a b c", "x"
    spans = [(0, 1), None, (2, 3), (4, 5)]  # column 1 (a space piece) and 4 (</s>) unusable
    # the row's maximum sits on unusable columns: the best usable one wins
    links = align_words(source, spans, target, [(0, 1)], [[0.1, 0.9, 0.3, 0.2, 0.95]])
    assert links == (AlignedSpan(2, 3, 0, 1),)
    # equal weights: the first usable column
    links = align_words(source, spans, target, [(0, 1)], [[0.0, 0.5, 0.4, 0.4, 0.0]])
    assert links == (AlignedSpan(2, 3, 0, 1),)
    # a row shorter than the source (a column past its end counts for nothing)
    links = align_words(source, spans, target, [(0, 1)], [[0.0, 0.9]])
    assert links == (AlignedSpan(0, 1, 0, 1),)
    links = align_words(source, spans, target, [(0, 1)], [[]])
    assert links == (AlignedSpan(0, 1, 0, 1),)
