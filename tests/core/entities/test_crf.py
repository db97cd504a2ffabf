"""The CRF name tagger's pieces: tokenizer, features, tag decoding, and the shipped model."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.entities import crf as ner_crf
from reader.core.entities.recognizer import (
    EntityRecognizer,
    NerModelUnavailable,
    default_model_path,
)


def _words(text: str) -> list[str]:
    return [text[s:e] for s, e in ner_crf.tokenize(text)]


def test_tokenizer_splits_edge_punctuation_and_keeps_abbreviations():
    text = "„Dr. Müller (SPD) kam am 3. Mai nach Baden-Baden, sagte er z.B. in der EU."
    assert _words(text) == [
        "„",
        "Dr.",
        "Müller",
        "(",
        "SPD",
        ")",
        "kam",
        "am",
        "3.",
        "Mai",
        "nach",
        "Baden-Baden",
        ",",
        "sagte",
        "er",
        "z.B.",
        "in",
        "der",
        "EU",
        ".",
    ]


def test_token_offsets_point_into_the_text():
    text = "  Er sagte: »Berlin!«  "
    for start, end in ner_crf.tokenize(text):
        assert text[start:end].strip() == text[start:end] != ""


def test_shape_collapses_runs():
    assert ner_crf.shape("Merkel") == "Xx"
    assert ner_crf.shape("G7-Staaten") == "Xd-Xx"
    assert ner_crf.shape("NATO") == "X"


def test_spans_from_tags_joins_and_restarts():
    tokens = [(0, 5), (6, 12), (13, 16), (17, 23), (24, 27)]
    tags = ["B-PER", "I-PER", "O", "I-LOC", "B-LOC"]
    assert list(ner_crf.spans_from_tags(tokens, tags)) == [
        (0, 12, "PER"),
        (17, 23, "LOC"),
        (24, 27, "LOC"),
    ]


def test_features_use_lists_clusters_and_neighbours():
    names = {"Merkel": "P"}
    clusters = {"Merkel": "4,17,9,0", "sagte": "2,30,12,0"}
    feats = ner_crf.sentence_features(["Merkel", "sagte"], names, clusters)
    first, second = feats
    assert {"w=Merkel", "g=P", "c=4", "cf=17", "first", "firstcap"} <= set(first)
    assert "1l=sagte" in first and "-1g=P" in second
    assert "rare" not in first
    # A genitive finds its base name in the list.
    assert "g=P" in ner_crf.sentence_features(["Merkels"], names, {})[0]


def test_unlisted_compound_takes_the_codes_of_its_longest_listed_tail():
    names = {"Meisterschaft": "N", "Schaft": "N", "Kreditbank": "No", "Bank": "N"}
    own = set(ner_crf.sentence_features(["Weltmeisterschaft"], names, {})[0])
    assert "gt=N" in own and not any(f.startswith("g=") for f in own)
    assert {"gt=N", "gt=o"} <= set(ner_crf.sentence_features(["Industriekreditbank"], names, {})[0])
    # Listed words keep their own codes; short words and tails under five letters get none.
    assert "gt=N" not in ner_crf.sentence_features(["Meisterschaft"], names, {})[0]
    assert not any(
        f.startswith("gt=") for f in ner_crf.sentence_features(["Sparbank"], names, {})[0]
    )


def test_domain_copies_every_feature():
    plain = ner_crf.sentence_features(["Paris"], {}, {})[0]
    copied = ner_crf.sentence_features(["Paris"], {}, {}, "news")[0]
    assert copied == plain + [f"news|{f}" for f in plain]


def test_shipped_model_is_a_crf_and_tags_plain_sentences():
    folder = default_model_path()
    assert (folder / ner_crf.MODEL_FILE).is_file()
    tagger = ner_crf.CrfTagger(folder)
    text = "Angela Merkel traf Emmanuel Macron in Paris."
    found = {(text[s:e], label) for s, e, label in tagger.spans(text)}
    assert ("Angela Merkel", "PER") in found
    assert ("Paris", "LOC") in found
    assert tagger.spans("") == []


def test_folder_with_meta_but_broken_model_raises_typed_error(tmp_path: Path):
    (tmp_path / "meta.json").write_text("{}", encoding="utf-8")
    (tmp_path / ner_crf.MODEL_FILE).write_bytes(b"not a model")
    (tmp_path / ner_crf.NAMES_FILE).write_text("", encoding="utf-8")
    with pytest.raises(NerModelUnavailable):
        EntityRecognizer(tmp_path).load()


def test_genitive_of_a_listed_name_finds_its_base():
    tagger = ner_crf.CrfTagger(default_model_path())
    assert tagger.genitive_base("Merkels") == "Merkel"
    assert tagger.genitive_base("Merkel") == ""
    assert tagger.genitive_base("Hauses") == ""
