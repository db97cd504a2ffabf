"""The translation engine on the tiny copy-model package: known answers, batching, cancel."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.document.model import Translation
from reader.core.errors import ModelLoadFailed
from reader.core.packages.store import InstalledPackage, read_package
from reader.core.translation.batching import even_sub_batch_tokens
from reader.core.translation.engine import CancelToken, TranslationCancelled, TranslationEngine
from reader.core.translation.threads import (
    TOKENS_IN_FLIGHT,
    available_cores,
    default_threads,
    thread_layout,
)
from tests.core.translation.argos_reference import argos_translations
from tests.fixtures.model_builder import build_package_dir, expected_translation

GERMAN = [
    "Die Stadt Köln plant eine neue Brücke über den Rhein.",
    "Der Bürgermeister sagte am Montag, die Arbeiten sollen im Frühjahr beginnen.",
    "Er sagte: „Wir müssen schneller handeln.“",
    "Am 3. Oktober feiern die Deutschen den Tag der Einheit.",
    "Die Kosten liegen bei 2,5 Millionen Euro.",
    "Ein Wort, das der Tokenizer nie sah: Xylophonquartett 😀!",
    "Straße_mit_Unterstrich und  doppeltem Leerzeichen.",
]


@pytest.fixture
def engine(tiny_package: InstalledPackage) -> TranslationEngine:
    return TranslationEngine(tiny_package, threads=1)


def test_copy_model_returns_the_tokenizer_round_trip(
    engine: TranslationEngine, tiny_package_dir: Path
) -> None:
    results = engine.translate(list(enumerate(GERMAN)))
    assert [r.sentence_id for r in results] == list(range(len(GERMAN)))
    assert [r.source for r in results] == GERMAN
    assert [r.text for r in results] == [expected_translation(tiny_package_dir, s) for s in GERMAN]
    # Plain sentences come back unchanged; Argos turns "_" into spaces and SentencePiece
    # collapses runs of spaces, so the last one changes exactly that way.
    assert results[0].text == GERMAN[0]
    assert results[2].text == GERMAN[2]
    assert results[6].text == "Straße mit Unterstrich und doppeltem Leerzeichen."
    assert all(r.score <= 0.0 for r in results)


def test_matches_argos_apply_packaged_translation(
    engine: TranslationEngine, tiny_package_dir: Path, tmp_path: Path
) -> None:
    ours = engine.translate(list(enumerate(GERMAN)))
    theirs = argos_translations(tiny_package_dir, GERMAN, tmp_path)
    assert [r.text for r in ours] == [t["text"] for t in theirs]
    for mine, reference in zip(ours, theirs, strict=True):
        assert mine.score == pytest.approx(reference["score"], abs=1e-4)


def test_bpe_package_matches_argos_too(tmp_path: Path) -> None:
    folder = build_package_dir(tmp_path / "package", tokenizer="bpe")
    sentences = [*GERMAN[:5], "Tom & Jerry kosten 2,5 Euro (z. B.)!"]
    ours = TranslationEngine(read_package(folder), threads=1).translate(list(enumerate(sentences)))
    theirs = argos_translations(folder, sentences, tmp_path / "sandbox")
    assert [r.text for r in ours] == [t["text"] for t in theirs]


def test_target_prefix_is_forced_and_removed(tmp_path: Path) -> None:
    folder = build_package_dir(tmp_path, target_prefix="__en__")
    engine = TranslationEngine(read_package(folder), threads=1)
    results = engine.translate([(0, GERMAN[0]), (1, GERMAN[3])])
    assert [r.text for r in results] == [GERMAN[0], GERMAN[3]]
    first = results[0]
    assert [
        (first.source[a.source_start : a.source_end], first.text[a.target_start : a.target_end])
        for a in first.alignment[:2]
    ] == [("Die", "Die"), ("Stadt", "Stadt")]


def test_batches_stream_in_the_given_order(tiny_package: InstalledPackage) -> None:
    engine = TranslationEngine(tiny_package, threads=1, batch_tokens=40, first_batch_tokens=20)
    order = [5, 2, 0, 6, 1, 4, 3]  # e.g. the visible sentences first
    batches: list[list[Translation]] = []
    results = engine.translate([(i, GERMAN[i]) for i in order], on_batch=batches.append)
    assert len(batches) > 2
    assert engine.model_calls == len(batches)
    streamed = [t.sentence_id for batch in batches for t in batch]
    assert streamed == order
    assert [r.sentence_id for r in results] == order


def test_duplicates_and_blank_sentences_cost_nothing_extra(engine: TranslationEngine) -> None:
    batches: list[list[Translation]] = []
    results = engine.translate(
        [(0, GERMAN[0]), (1, "   "), (2, GERMAN[0]), (3, "")], on_batch=batches.append
    )
    assert [r.text for r in results] == [GERMAN[0], "", GERMAN[0], ""]
    assert [t.sentence_id for t in batches[0]] == [1, 3]  # no model needed: delivered first
    assert engine.model_calls == 1


def test_cancel_between_batches_keeps_finished_work(tiny_package: InstalledPackage) -> None:
    engine = TranslationEngine(tiny_package, threads=1, batch_tokens=30, first_batch_tokens=30)
    token = CancelToken()
    seen: list[Translation] = []

    def on_batch(batch: list[Translation]) -> None:
        seen.extend(batch)
        token.cancel()

    with pytest.raises(TranslationCancelled) as raised:
        engine.translate(list(enumerate(GERMAN)), on_batch=on_batch, cancel=token)
    assert engine.model_calls == 1
    assert raised.value.completed == seen
    assert 0 < len(seen) < len(GERMAN)


def test_cancelled_before_start_never_loads_the_model(engine: TranslationEngine) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(TranslationCancelled) as raised:
        engine.translate([(0, GERMAN[0])], cancel=token)
    assert raised.value.completed == []
    assert not engine.loaded


def test_faster_beam_gives_the_same_copy(tiny_package: InstalledPackage) -> None:
    engine = TranslationEngine(tiny_package, threads=1, beam_size=1)
    assert engine.translate([(0, GERMAN[1])])[0].text == GERMAN[1]
    assert "beam=1" in engine.settings_key


def test_without_alignment(engine: TranslationEngine) -> None:
    result = engine.translate([(0, GERMAN[0])], align=False)[0]
    assert result.text == GERMAN[0]
    assert result.alignment == ()


def test_default_threads_use_every_core_unless_one_is_left_free(
    tiny_package: InstalledPackage,
) -> None:
    cores = available_cores()
    assert TranslationEngine(tiny_package).threads == cores
    assert default_threads(leave_one_free=True) == max(1, cores - 1)
    assert TranslationEngine(tiny_package, threads=0).threads == 1


def test_threads_become_parallel_batches_first() -> None:
    assert thread_layout(1) == (1, 1)
    assert thread_layout(2) == (2, 1)
    assert thread_layout(4) == (4, 1)
    assert thread_layout(8) == (4, 2)


def test_parallel_batches_and_a_length_sorted_pass_give_the_same_english(
    tiny_package: InstalledPackage, tiny_package_dir: Path
) -> None:
    sentences = [(i, GERMAN[i % len(GERMAN)] + f" Nummer {i}.") for i in range(40)]
    one = TranslationEngine(tiny_package, threads=1).translate(sentences)
    parallel = TranslationEngine(tiny_package, threads=2, batch_tokens=64)
    assert parallel.parallel_batches == 2
    batches: list[list[Translation]] = []
    sorted_pass = parallel.translate(sentences, on_batch=batches.append, by_length=True)
    assert [r.sentence_id for r in sorted_pass] == [i for i, _text in sentences]
    assert [r.text for r in sorted_pass] == [r.text for r in one]
    assert [r.text for r in one] == [
        expected_translation(tiny_package_dir, t) for _i, t in sentences
    ]
    assert [r.alignment for r in sorted_pass] == [r.alignment for r in one]
    # Shortest first across the whole pass, in more than one call.
    tokenizer = parallel._tokenizer
    assert tokenizer is not None
    streamed = [len(tokenizer.encode(t.source)) for batch in batches for t in batch]
    assert len(batches) > 1
    assert streamed == sorted(streamed)
    assert streamed != [len(tokenizer.encode(t)) for _i, t in sentences]
    ordered = parallel.translate(sentences)
    assert [r.text for r in ordered] == [r.text for r in one]


def test_a_call_is_split_so_every_parallel_decoder_gets_a_share(
    tiny_package: InstalledPackage,
) -> None:
    engine = TranslationEngine(tiny_package, threads=2, batch_tokens=2048)
    cap = engine.budget.tokens
    assert even_sub_batch_tokens([30] * 20, engine.parallel_batches, cap) == 300  # one half each
    # Never more than TOKENS_IN_FLIGHT at once over all decoders: memory stays bounded.
    assert cap == TOKENS_IN_FLIGHT // 2
    assert even_sub_batch_tokens([64] * 32, engine.parallel_batches, cap) == TOKENS_IN_FLIGHT // 2
    assert even_sub_batch_tokens([40] * 2500, engine.parallel_batches, cap) == cap
    single = TranslationEngine(tiny_package, threads=1)
    assert even_sub_batch_tokens([35] * 20, single.parallel_batches, single.budget.tokens) == 700
    assert single.budget.tokens == TOKENS_IN_FLIGHT


def test_damaged_model_is_a_typed_error(tmp_path: Path) -> None:
    folder = build_package_dir(tmp_path)
    (folder / "model" / "model.bin").write_bytes(b"not a model")
    engine = TranslationEngine(read_package(folder), threads=1)
    with pytest.raises(ModelLoadFailed):
        engine.translate([(0, GERMAN[0])])


ISOLATION = r"""
import os, sys
from pathlib import Path
from reader.core.packages.store import read_package
from reader.core.translation.engine import TranslationEngine
from reader.core.translation.argos_import import import_argos_package

engine = TranslationEngine(read_package(Path(sys.argv[1])), threads=1)
assert engine.translate([(0, "Die Stadt plant eine Brücke.")])[0].text
before = {k: v for k, v in os.environ.items() if k.startswith("XDG_")}
package = import_argos_package(Path(sys.argv[2]))
assert package.__name__ == "argostranslate.package"
assert {k: v for k, v in os.environ.items() if k.startswith("XDG_")} == before
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("torch", "stanza", "PySide6")
               or m == "argostranslate.translate")
print("heavy:", heavy)
"""


def test_engine_imports_nothing_heavy_and_writes_nothing_home(
    tiny_package_dir: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {
        key: value for key, value in __import__("os").environ.items() if not key.startswith("XDG_")
    }
    env["HOME"] = str(home)
    result = subprocess.run(
        [sys.executable, "-c", ISOLATION, str(tiny_package_dir), str(tmp_path / "sandbox")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "heavy: []" in result.stdout
    assert list(home.iterdir()) == []
    assert (tmp_path / "sandbox" / "xdg_config_home" / "argos-translate").is_dir()


def test_bpe_package_copies_through_moses_and_subword_nmt(tmp_path: Path) -> None:
    folder = build_package_dir(tmp_path, tokenizer="bpe")
    assert (folder / "bpe.model").is_file()
    assert not (folder / "sentencepiece.model").exists()
    engine = TranslationEngine(read_package(folder), threads=1)
    sentences = [GERMAN[0], "Tom & Jerry kosten 2,5 Euro (z. B.)!"]
    results = engine.translate(list(enumerate(sentences)))
    assert [r.text for r in results] == sentences
    assert [r.text for r in results] == [expected_translation(folder, s) for s in sentences]
    first = results[0]
    assert [first.text[a.target_start : a.target_end] for a in first.alignment][:3] == [
        "Die",
        "Stadt",
        "Köln",
    ]


def test_tokenizer_choice_follows_argos(tmp_path: Path, tiny_package_dir: Path) -> None:
    from reader.core.translation.tokenizers import (
        BPETokenizer,
        SentencePieceTokenizer,
        open_tokenizer,
    )

    assert isinstance(open_tokenizer(tiny_package_dir, "de", "en"), SentencePieceTokenizer)
    (tmp_path / "bpe.model").write_text("#version: 0.2\nd i\n", encoding="utf-8")
    assert isinstance(open_tokenizer(tmp_path, "de", "en"), BPETokenizer)
    (tmp_path / "bpe.model").unlink()
    with pytest.raises(FileNotFoundError):
        open_tokenizer(tmp_path, "de", "en")


def test_overlong_sentence_is_translated_in_chunks(engine: TranslationEngine) -> None:
    words = [f"Wort{i % 10}" for i in range(300)]  # ~600 pieces, no sentence end
    sentence = " ".join(words) + "."
    result = engine.translate([(0, sentence)])[0]
    assert result.text == sentence
    assert engine.model_calls == 1
    # Word i still links to word i across the chunk borders: spans are exact.
    assert len(result.alignment) == len(words) + 1
    assert all(
        (a.source_start, a.source_end) == (a.target_start, a.target_end) for a in result.alignment
    )


def test_split_long_cuts_at_word_starts() -> None:
    from reader.core.translation.chunks import split_long

    pieces = ["▁Ab", "c", "▁de", "▁f", "g", "h", "▁i"] * 20
    spans = [(i, i + 1) for i in range(len(pieces))]
    chunks = split_long(pieces, spans, limit=30)
    assert [p for chunk, _spans in chunks for p in chunk] == pieces
    assert [s for _chunk, chunk_spans in chunks for s in chunk_spans] == spans
    assert all(len(chunk) <= 30 and chunk[0].startswith("▁") for chunk, _spans in chunks)
    assert split_long(pieces[:5], spans[:5], limit=30) == [(pieces[:5], spans[:5])]


def test_invisible_sentence_needs_no_model(engine: TranslationEngine) -> None:
    result = engine.translate([(0, "\u200b")])
    assert [r.text for r in result] == [""]
    assert engine.model_calls == 0
