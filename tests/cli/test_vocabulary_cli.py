"""``reader vocabulary list|export``: the saved words, headless."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pytest

from reader.cli import run_command
from reader.core.paths import resolve_paths
from reader.core.vocabulary.store import NewWord, VocabularyStore, vocabulary_path


@pytest.fixture
def saved(data_dir: Path) -> Path:
    paths = resolve_paths(data_dir).ensure()
    store = VocabularyStore(vocabulary_path(paths.data))
    store.add(NewWord("Haus", "Häuser", "house", "Die Häuser\nsind alt.", "The houses are old."))
    store.add(NewWord("Baum", "Baum", "tree", "Ein Baum.", "A tree."))
    store.close()
    return data_dir


def test_list_prints_tsv_and_jsonl(saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_command(["vocabulary", "list", "--data-dir", str(saved)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "Baum\tBaum\ttree\tEin Baum.\tA tree.",
        "Haus\tHäuser\thouse\tDie Häuser sind alt.\tThe houses are old.",  # one line each
    ]
    assert (
        run_command(
            [
                "vocabulary",
                "list",
                "--search",
                "haus",
                "--format",
                "jsonl",
                "--data-dir",
                str(saved),
            ]
        )
        == 0
    )
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["lemma"], r["gloss"]) for r in records] == [("Haus", "house")]


def test_export_apkg_and_csv(saved: Path, tmp_path: Path) -> None:
    deck = tmp_path / "words.apkg"
    assert run_command(["vocabulary", "export", "-o", str(deck), "--data-dir", str(saved)]) == 0
    with zipfile.ZipFile(deck) as archive:
        assert "collection.anki2" in archive.namelist()
    table = tmp_path / "words.csv"
    assert run_command(["vocabulary", "export", "-o", str(table), "--data-dir", str(saved)]) == 0
    with table.open(encoding="utf-8", newline="") as handle:
        assert [row["lemma"] for row in csv.DictReader(handle)] == ["Baum", "Haus"]


def test_export_to_an_unwritable_place_fails_with_a_message(
    saved: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "missing" / "words.csv"
    assert run_command(["vocabulary", "export", "-o", str(target), "--data-dir", str(saved)]) == 1
    assert "could not write" in capsys.readouterr().err
