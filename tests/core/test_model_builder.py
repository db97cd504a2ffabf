"""The test-package builder makes real Argos packages whose model copies its input."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import ctranslate2
import pytest
import sentencepiece as spm

from tests.fixtures.model_builder import build_package_dir, expected_translation

SENTENCES = [
    "Die Stadt Köln plant eine neue Brücke über den Rhein.",
    "Er sagte: „Wir müssen schneller handeln.“",
    "Am 3. Oktober ist ein Feiertag.",
]


def test_zip_has_one_top_level_folder_with_package_files(tiny_package_file: Path) -> None:
    with zipfile.ZipFile(tiny_package_file) as zf:
        names = zf.namelist()
        tops = {name.split("/", 1)[0] for name in names}
        assert tops == {"translate-de_en-1_0"}
        top = tops.pop()
        for required in ("metadata.json", "sentencepiece.model", "README.md", "model/model.bin"):
            assert f"{top}/{required}" in names
        metadata = json.loads(zf.read(f"{top}/metadata.json"))
    assert metadata["from_code"] == "de"
    assert metadata["to_code"] == "en"
    assert metadata["package_version"] == "1.0"
    assert metadata["type"] == "translate"


def test_model_copies_its_input(tiny_package_dir: Path) -> None:
    processor = spm.SentencePieceProcessor(model_file=str(tiny_package_dir / "sentencepiece.model"))
    translator = ctranslate2.Translator(str(tiny_package_dir / "model"), intra_threads=1)
    tokens = [processor.encode(s, out_type=str) for s in SENTENCES]
    results = translator.translate_batch(tokens, beam_size=4, length_penalty=0.2)
    assert [r.hypotheses[0] for r in results] == tokens


def test_expected_translation_is_the_tokenizer_round_trip(tiny_package_dir: Path) -> None:
    assert expected_translation(tiny_package_dir, SENTENCES[0]) == SENTENCES[0]
    # SentencePiece's NFKC normalization collapses runs of spaces.
    assert expected_translation(tiny_package_dir, "Die  Stadt") == "Die Stadt"


def test_version_and_languages_are_configurable(tmp_path: Path) -> None:
    folder = build_package_dir(tmp_path, code_version="2.3", from_code="fr", to_code="de")
    metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    assert folder.name == "translate-fr_de-2_3"
    assert (metadata["package_version"], metadata["from_code"], metadata["to_code"]) == (
        "2.3",
        "fr",
        "de",
    )


@pytest.mark.slow
def test_real_shape_int8_model_copies_too(tmp_path: Path) -> None:
    folder = build_package_dir(tmp_path, shape="real")
    config = json.loads((folder / "model" / "config.json").read_text(encoding="utf-8"))
    assert config["add_source_eos"] is True
    vocabulary = json.loads(
        (folder / "model" / "shared_vocabulary.json").read_text(encoding="utf-8")
    )
    assert len(vocabulary) == 32000
    translator = ctranslate2.Translator(str(folder / "model"), intra_threads=1)
    processor = spm.SentencePieceProcessor(model_file=str(folder / "sentencepiece.model"))
    tokens = [processor.encode(s, out_type=str) for s in SENTENCES]
    results = translator.translate_batch(tokens, beam_size=4, length_penalty=0.2)
    assert [r.hypotheses[0] for r in results] == tokens
