"""The store of the reader's own English: per document and sentence, kept across opens."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.edits.store import EditStore, EditStoreError, document_key


def test_edits_are_kept_per_document_and_sentence(tmp_path: Path) -> None:
    path = tmp_path / "data" / "edits.sqlite3"
    store = EditStore(path)
    assert store.load("a.txt") == {}
    assert not path.exists()  # reading makes no file
    store.put("a.txt", "Es kamen 30 Gäste.", "Thirty guests came.")
    store.put("b.txt", "Es kamen 30 Gäste.", "30 guests arrived.")
    store.put("a.txt", "Das Wetter war gut.", "Nice weather.")
    store.put("a.txt", "Das Wetter war gut.", "The weather was fine.")  # replaces
    again = EditStore(path)  # a new session reads the same file
    assert again.load("a.txt") == {
        "Es kamen 30 Gäste.": "Thirty guests came.",
        "Das Wetter war gut.": "The weather was fine.",
    }
    assert again.load("b.txt") == {"Es kamen 30 Gäste.": "30 guests arrived."}
    again.remove("a.txt", "Es kamen 30 Gäste.")
    assert store.load("a.txt") == {"Das Wetter war gut.": "The weather was fine."}
    assert store.load("b.txt") == {"Es kamen 30 Gäste.": "30 guests arrived."}


def test_a_damaged_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "edits.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    store = EditStore(path)
    with pytest.raises(EditStoreError) as error:
        store.load("a.txt")
    assert error.value.path == path
    with pytest.raises(EditStoreError):
        store.put("a.txt", "Satz.", "Sentence.")


def test_document_key_is_the_absolute_path(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    assert document_key(Path("a.txt")) == str(tmp_path.resolve() / "a.txt")


def test_with_edits_replaces_only_edited_sentences() -> None:
    from reader.core.document.model import AlignedSpan, Translation
    from reader.core.edits.store import with_edits

    link = (AlignedSpan(0, 3, 0, 3),)
    translations = {
        0: Translation(0, "Satz eins.", "Sentence one.", -0.1, link),
        1: Translation(1, "Satz zwei.", "Sentence two.", -0.2, link),
    }
    result = with_edits(translations, {"Satz zwei.": "Second sentence."})
    assert result[0] == translations[0]
    assert (result[1].text, result[1].score, result[1].alignment) == ("Second sentence.", -0.2, ())
