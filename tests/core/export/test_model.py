"""Sentence pairs, TSV, the clipboard and the format switch (reader.core.export.model)."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

import pytest

from reader.core.document.model import MarkKind
from reader.core.export.formats import export_to_file, render
from reader.core.export.model import (
    ExportFormat,
    SentencePair,
    pairs_as_clipboard,
    pairs_for_ids,
    sentence_pairs,
    to_tsv,
)
from tests.core.export.export_samples import sample

UNICODE_PIECES = ("ß", "„Straße“", "🙂", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢")


def expected_pairs() -> list[tuple[int, str, str]]:
    bilingual = sample()
    return [(s.id, s.text, bilingual.translations[s.id].text) for s in bilingual.sentences]


def parse_tsv(text: str) -> list[tuple[int, str, str]]:
    lines = text.splitlines()
    assert lines[0] == "id\tgerman\tenglish"
    rows = []
    for line in lines[1:]:
        fields = line.split("\t")
        assert len(fields) == 3, line
        rows.append((int(fields[0]), fields[1], fields[2]))
    return rows


def test_sentence_pairs_follow_ids_and_leave_missing_english_empty() -> None:
    bilingual = sample()
    translations = dict(bilingual.translations)
    del translations[2]
    partial = dataclasses.replace(bilingual, translations=translations)
    pairs = sentence_pairs(partial)
    assert [p.id for p in pairs] == list(range(7))
    assert pairs[2] == SentencePair(2, "Sie traf den Bürgermeister.", "")
    assert pairs[1].english == "Angela Merkel visited Cologne on Monday."


def test_pairs_for_ids_keeps_document_order_and_ignores_unknown_ids() -> None:
    pairs = pairs_for_ids(sample(), [5, 1, 99])
    assert [p.id for p in pairs] == [1, 5]


def test_tsv_parses_back_to_exactly_the_pairs() -> None:
    assert parse_tsv(to_tsv(sample())) == expected_pairs()


def test_tsv_is_readable_by_the_csv_module_as_tab_separated() -> None:
    rows = list(csv.reader(to_tsv(sample()).splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows[0] == ["id", "german", "english"]
    assert [(int(r[0]), r[1], r[2]) for r in rows[1:]] == expected_pairs()


def test_tsv_turns_tabs_and_line_breaks_inside_text_into_spaces() -> None:
    bilingual = sample()
    sentence = dataclasses.replace(bilingual.sentences[0], text="Ein\tTag\nin\r\nKöln")
    translation = dataclasses.replace(bilingual.translations[0], text="A\tday\u2028in Cologne")
    changed = dataclasses.replace(
        bilingual,
        sentences=(sentence, *bilingual.sentences[1:]),
        translations={**bilingual.translations, 0: translation},
    )
    rows = parse_tsv(to_tsv(changed))
    assert rows[0] == (0, "Ein Tag in Köln", "A day in Cologne")
    assert len(rows) == len(bilingual.sentences)


def test_clipboard_gives_plain_text_and_escaped_html() -> None:
    pairs = pairs_for_ids(sample(), [3, 4])
    plain, rich = pairs_as_clipboard(pairs)
    assert plain == (
        "Erstens: „Straße“ mit ß.\nFirst: “street” with ß.\n\n"
        "Zweitens <script>alert(1)</script> | Pipe.\nSecond <script>alert(1)</script> | pipe."
    )
    assert "<script" not in rich
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rich
    assert rich.count('<td lang="de">') == 2
    assert rich.count('<td lang="en">') == 2
    assert "Erstens: „Straße“ mit ß." in rich


def test_clipboard_of_nothing_is_empty() -> None:
    assert pairs_as_clipboard([]) == ("", "")


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_unicode_survives_every_text_format(fmt: ExportFormat, tmp_path: Path) -> None:
    target = tmp_path / f"out.{fmt.value}"
    export_to_file(sample(), fmt, target)
    written = target.read_text(encoding="utf-8")
    for piece in UNICODE_PIECES:
        assert piece in written, (fmt, piece)
    assert written == render(sample(), fmt)


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError):
        render(sample(), "docx")


def test_control_characters_never_reach_the_output() -> None:
    bilingual = sample()
    translation = dataclasses.replace(bilingual.translations[0], text="A\x00day\x07 in\x1b Köln")
    changed = dataclasses.replace(
        bilingual, translations={**bilingual.translations, 0: translation}
    )
    for fmt in ExportFormat:
        output = render(changed, fmt)
        assert not any(ch in output for ch in "\x00\x07\x1b"), fmt
        assert "Aday in Köln" in output or "Aday in K&ouml;ln" in output, fmt


def test_failed_write_leaves_no_file_behind(tmp_path: Path) -> None:
    missing_folder = tmp_path / "nope" / "out.html"
    with pytest.raises(OSError):
        export_to_file(sample(), "html", missing_folder)
    assert list(tmp_path.iterdir()) == []


def test_runs_cover_the_text_exactly_and_carry_sentences_and_entities() -> None:
    from reader.core.export.runs import english_runs, german_runs

    bilingual = sample()
    for block in bilingual.document.blocks:
        assert "".join(r.text for r in german_runs(bilingual, block)) == block.text
    block = bilingual.document.blocks[1]
    german = german_runs(bilingual, block)
    assert {r.sentence_id for r in german} == {1, 2, None}
    merkel = next(r for r in german if r.text == "Angela Merkel")
    assert merkel.entity is not None and merkel.entity.label == "PER"
    assert MarkKind.BOLD in merkel.marks
    english = english_runs(bilingual, block)
    assert "".join(r.text for r in english) == (
        "Angela Merkel visited Cologne on Monday. She met the mayor."
    )
    cologne = next(r for r in english if r.text == "Cologne")
    assert cologne.entity is not None and cologne.sentence_id == 1
