"""The NER evaluation's own pieces: GermEval reading, span scoring, name parts apart."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import ner_data  # noqa: E402

GERMEVAL = (
    "#\thttp://example.org\n"
    "1\tDie\tO\tO\n"
    "2\tUS-Regierung\tB-LOCpart\tO\n"
    "3\tund\tO\tO\n"
    "4\tAngela\tB-PER\tO\n"
    "5\tMerkel\tI-PER\tO\n"
    "6\tbesuchten\tO\tO\n"
    "7\tdeutsche\tB-LOCderiv\tO\n"
    "8\tStädte\tO\tO\n"
    "9\twie\tO\tO\n"
    "10\tBerlin\tB-LOC\tO\n"
    "11\t.\tO\tO\n"
    "\n"
)


def _eval_module():
    spec = importlib.util.spec_from_file_location("ner_eval", ROOT / "benchmarks/ner_eval.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def sentence(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.tsv"
    path.write_text(GERMEVAL, encoding="utf-8")
    return path


def test_outer_level_keeps_names_and_drops_parts_and_derivations(sentence: Path):
    ((words, tags),) = ner_data.read_germeval(sentence)
    text, gold = ner_data.to_text(words, tags)
    assert [(text[s.start : s.end], s.label) for s in gold] == [
        ("Angela Merkel", "PER"),
        ("Berlin", "LOC"),
    ]
    ((_, part_tags),) = ner_data.read_germeval(sentence, mapping=ner_data.GERMEVAL_PART_MAP)
    _, parts = ner_data.to_text(words, part_tags)
    assert [(text[s.start : s.end], s.label) for s in parts] == [("US-Regierung", "LOC")]


def test_scorer_counts_exact_spans_only(sentence: Path):
    ((words, tags),) = ner_data.read_germeval(sentence)
    text, gold = ner_data.to_text(words, tags)
    merkel = text.index("Merkel")
    scorer = ner_data.Scorer()
    scorer.add(
        gold,
        [
            ner_data.Span(merkel, merkel + 6, "PER"),  # boundary error: FP and FN
            ner_data.Span(text.index("Berlin"), text.index("Berlin") + 6, "LOC"),
        ],
    )
    report = scorer.report()
    assert report["LOC"]["f1"] == 1.0
    assert report["PER"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "support": 1}
    assert report["overall"]["p"] == 0.5 and report["overall"]["r"] == 0.5


def test_name_parts_are_scored_against_part_tags(sentence: Path):
    ner_eval = _eval_module()
    ((words, tags),) = ner_data.read_germeval(sentence, mapping=ner_data.GERMEVAL_PART_MAP)
    text, parts = ner_data.to_text(words, tags)
    us = ner_data.Span(text.index("US"), text.index("US") + 2, "LOC")
    berlin = ner_data.Span(text.index("Berlin"), text.index("Berlin") + 6, "LOC")
    assert ner_eval._inside_a_word(text, us)
    assert not ner_eval._inside_a_word(text, berlin)

    right = ner_data.Counts()
    ner_eval._score_parts(right, parts, [us])
    assert (right.tp, right.fp, right.fn) == (1, 0, 0)
    wrong = ner_data.Counts()
    ner_eval._score_parts(wrong, parts, [ner_data.Span(us.start, us.end, "ORG")])
    assert (wrong.tp, wrong.fp, wrong.fn) == (0, 1, 1)


def test_each_sentence_is_given_its_source_article(tmp_path: Path):
    ner_eval = _eval_module()
    path = tmp_path / "two.tsv"
    path.write_text(
        "#\thttp://a.example/1\t[2010-01-01]\n1\tBerlin\tB-LOC\tO\n\n"
        "#\thttp://b.example/2\t[2010-01-02]\n1\tParis\tB-LOC\tO\n\n"
        "#\thttp://a.example/1\t[2010-01-01]\n1\tRom\tB-LOC\tO\n\n",
        encoding="utf-8",
    )
    assert ner_eval._sources(path) == [
        "http://a.example/1",
        "http://b.example/2",
        "http://a.example/1",
    ]
    assert len(ner_data.read_germeval(path)) == 3
