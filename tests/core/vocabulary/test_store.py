"""The vocabulary database: save, search, delete; whole saves through kill -9; corrupt files
set aside."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from reader.core.vocabulary.store import NewWord, VocabularyStore

HOUSE = NewWord("Haus", "Häuser", "house", "Die Häuser sind alt.", "The houses are old.", "a.md", 3)


def test_save_search_delete(tmp_path: Path) -> None:
    store = VocabularyStore(tmp_path / "vocabulary.sqlite3")
    saved = store.add(HOUSE)
    assert (saved.lemma, saved.form, saved.gloss, saved.sentence_id) == (
        "Haus",
        "Häuser",
        "house",
        3,
    )
    store.add(NewWord("Baum", "Baum", "tree", "Ein Baum.", "A tree."))
    assert [w.lemma for w in store.words()] == ["Baum", "Haus"]  # newest first
    assert [w.lemma for w in store.words("HOUSE")] == ["Haus"]  # gloss, any case
    assert [w.lemma for w in store.words("alt")] == ["Haus"]  # the sentence
    assert store.words("100%") == []  # LIKE wildcards are literal
    again = store.add(NewWord("Haus", "Häuser", "home", HOUSE.german, HOUSE.english))
    assert again.id == saved.id and again.gloss == "home"  # one entry, gloss updated
    store.delete(saved.id)
    assert [w.lemma for w in store.words()] == ["Baum"]
    store.close()
    reopened = VocabularyStore(tmp_path / "vocabulary.sqlite3")
    assert [w.lemma for w in reopened.words()] == ["Baum"]
    assert reopened.set_aside is None
    reopened.close()


def test_a_corrupt_database_is_set_aside_not_deleted(tmp_path: Path) -> None:
    path = tmp_path / "vocabulary.sqlite3"
    path.write_bytes(b"this is not a database" * 200)
    store = VocabularyStore(path)
    assert store.set_aside is not None
    assert store.set_aside.read_bytes().startswith(b"this is not a database")
    assert store.words() == []
    store.add(HOUSE)  # the fresh one works
    assert len(store.words()) == 1
    store.close()


def test_an_unusable_folder_keeps_words_in_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    store = VocabularyStore(blocker / "vocabulary.sqlite3")
    assert store.unavailable is not None
    store.add(HOUSE)
    assert [w.lemma for w in store.words()] == ["Haus"]
    assert blocker.read_text(encoding="utf-8") == "a file where the folder should be"
    store.close()


CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from reader.core.vocabulary.store import NewWord, VocabularyStore

    store = VocabularyStore(Path(sys.argv[1]))
    for number in range(1_000_000):
        store.add(NewWord(f"Wort{number}", "w", "word", f"Satz {number}.", "x" * 2000))
        print(number, flush=True)  # only after the commit returned
    """
)


def test_kill_9_during_saves_keeps_every_committed_word(tmp_path: Path) -> None:
    path = tmp_path / "vocabulary.sqlite3"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert child.stdout is not None
    committed = -1
    for line in child.stdout:
        committed = int(line)
        if committed >= 200:  # well into saving: kill it in the middle of the next one
            break
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    store = VocabularyStore(path)
    assert store.set_aside is None  # nothing to repair: WAL kept whole transactions
    lemmas = {word.lemma for word in store.words()}
    assert {f"Wort{n}" for n in range(committed + 1)} <= lemmas
    assert all(word.english == "x" * 2000 for word in store.words())  # no torn rows
    store.close()
