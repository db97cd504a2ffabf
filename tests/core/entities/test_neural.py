"""The small neural tagger in NumPy, its ensemble with the CRF, and the CRF fallback."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from reader.core.entities import crf as ner_crf
from reader.core.entities import ensemble, neural
from reader.core.entities.ensemble import EnsembleTagger
from reader.core.entities.recognizer import EntityRecognizer, default_model_path

TAG_COUNT = len(neural.TAGS)


def _random_net(path: Path, seed: int = 0) -> None:
    """A net with random weights in the exported layout (what the training script writes)."""
    rng = np.random.default_rng(seed)
    words, chars, shapes = ["Berlin", "in", "Merkel"], list("abcdefghijklmnopqrstuvwxyzBM"), ["Xx"]
    word_dim, char_dim, filters, hidden = 6, 4, 5, 7
    size = word_dim + filters + 8 + 8 + 16 + neural.N_DENSE + 4

    def r(*shape: int) -> np.ndarray:
        return rng.standard_normal(shape).astype(np.float16)

    np.savez(
        path,
        vocab_words=np.array(words),
        vocab_chars=np.array(chars),
        vocab_shapes=np.array(shapes),
        word_emb=r(len(words) + 2, word_dim),
        char_emb=r(len(chars) + 2, char_dim),
        char_conv_w=r(filters, char_dim, 3),
        char_conv_b=r(filters),
        shape_emb=r(len(shapes) + 2, 8),
        coarse_emb=r(102, 8),
        fine_emb=r(1002, 16),
        corpus_emb=r(len(neural.CORPORA), 4),
        lstm_w_ih=r(4 * hidden, size),
        lstm_w_hh=r(4 * hidden, hidden),
        lstm_b=r(4 * hidden),
        lstm_w_ih_r=r(4 * hidden, size),
        lstm_w_hh_r=r(4 * hidden, hidden),
        lstm_b_r=r(4 * hidden),
        out_w=r(TAG_COUNT, 2 * hidden),
        out_b=r(TAG_COUNT),
        ensemble_weight=np.float32(0.4),
    )


@pytest.fixture
def net(tmp_path: Path) -> neural.NeuralTagger:
    _random_net(tmp_path / ner_crf.NET_FILE)
    return neural.NeuralTagger(tmp_path / ner_crf.NET_FILE, {"Berlin": "T"}, {"in": "3,40,9,0"})


def test_probabilities_are_distributions_per_token(net: neural.NeuralTagger):
    sentences = [["Merkel", "war", "in", "Berlin", "."], ["Ja"]]
    probs = net.probabilities(sentences)
    assert [p.shape for p in probs] == [(5, TAG_COUNT), (1, TAG_COUNT)]
    for p in probs:
        assert np.allclose(p.sum(axis=1), 1.0, atol=1e-5)
        assert (p >= 0).all()
    assert net.weight == pytest.approx(0.4)


def test_padding_never_leaks_into_a_shorter_sentence(net: neural.NeuralTagger):
    # The backward LSTM must start at each sentence's own last token, not at the padding.
    short = ["Merkel", "in", "Berlin"]
    alone = net.probabilities([short])[0]
    batched = net.probabilities([short, ["Die", "Leute", "in", "Rom", "und", "Paris", "."]])[0]
    assert np.allclose(alone, batched, atol=1e-5)


def test_context_changes_a_tokens_probabilities(net: neural.NeuralTagger):
    left = net.probabilities([["Merkel", "in", "Berlin"]])[0][2]
    other = net.probabilities([["Berlin", "in", "Berlin"]])[0][2]
    assert not np.allclose(left, other)


def test_batches_keep_to_the_token_budget_and_skip_empty_sentences():
    lengths = [3, 0, 5000, 40, 40, 2, *([10] * 100)]
    found = ensemble.batches(lengths)
    assert sorted(i for chunk in found for i in chunk) == [i for i, n in enumerate(lengths) if n]
    for chunk in found:
        longest = max(lengths[i] for i in chunk)
        assert len(chunk) <= ensemble.BATCH
        assert len(chunk) == 1 or len(chunk) * longest <= ensemble.TOKEN_BUDGET
    assert [2] in found  # the very long one alone


def test_a_long_sentence_is_tagged_like_a_short_one(net: neural.NeuralTagger):
    words = ["Merkel", "in", "Berlin", "."] * 300
    probs = net.probabilities([words])[0]
    assert probs.shape == (1200, TAG_COUNT)
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-5)


def test_reverse_keeps_padding_at_the_end():
    x = np.arange(8, dtype=np.float32).reshape(2, 4, 1)
    reversed_x = neural._reverse(x, np.array([4, 2]))
    assert reversed_x[:, :, 0].tolist() == [[3, 2, 1, 0], [5, 4, 6, 7]]


def test_encode_marks_lists_unknown_words_and_padding():
    vocab = neural.Vocab.from_lists(["Berlin"], list("Berlin"), ["Xx"])
    batch = neural.encode([["Berlin", "Zzz"], ["Berlins"]], vocab, {"Berlin": "T"}, {})
    assert batch.lengths.tolist() == [2, 1]
    assert batch.words.tolist() == [[2, 1], [1, 0]]
    town = neural.CODES.index("T")
    assert batch.dense[0, 0, town] == 1.0
    assert batch.dense[1, 0, town] == 1.0  # genitive of a listed town
    assert batch.dense[1, 0, len(neural.CODES)] == 1.0  # the genitive flag
    assert batch.dense[0, 1, town] == 0.0
    assert (batch.chars[1, 1] == 0).all()


def test_viterbi_never_starts_a_name_with_inside():
    o, b_per, i_per, i_loc = (neural.TAGS.index(t) for t in ("O", "B-PER", "I-PER", "I-LOC"))
    probs = np.full((3, TAG_COUNT), 0.01, dtype=np.float32)
    probs[0, i_per] = 0.6  # the greedy choice would be an orphan I-PER
    probs[0, b_per] = 0.3
    probs[1, i_loc] = 0.5  # and I-LOC after a person
    probs[1, i_per] = 0.4
    probs[2, o] = 0.9
    assert neural.viterbi(probs) == ["B-PER", "I-PER", "O"]


def test_ensemble_weight_moves_between_crf_and_net():
    net = np.zeros((2, TAG_COUNT), dtype=np.float32)
    crf = np.zeros((2, TAG_COUNT), dtype=np.float32)
    net[:, neural.TAGS.index("B-ORG")] = 1.0
    crf[:, neural.TAGS.index("O")] = 1.0
    assert neural.ensemble_tags(net, crf, 0.2)[0] == ["O", "O"]
    tags, confidence = neural.ensemble_tags(net, crf, 0.8)
    assert tags == ["B-ORG", "B-ORG"]
    assert confidence.tolist() == pytest.approx([0.8, 0.8])


@pytest.fixture(scope="module")
def shipped() -> EnsembleTagger:
    return EnsembleTagger(default_model_path())


def test_shipped_model_has_the_net_and_the_recognizer_uses_it(shipped: EnsembleTagger):
    assert (default_model_path() / ner_crf.NET_FILE).is_file()
    recognizer = EntityRecognizer()
    recognizer.load()
    assert isinstance(recognizer._crf, EnsembleTagger)


def test_shipped_ensemble_finds_names(shipped: EnsembleTagger):
    texts = [
        "Bundeskanzlerin Angela Merkel traf in Paris den Chef von Siemens.",
        "",
        "Der Bayern-Trainer Thomas Tuchel sprach mit der Deutschen Bank in Frankfurt.",
    ]
    found = shipped.spans_many(texts)
    assert found[1] == []
    labelled = [{texts[i][s:e]: label for s, e, label in spans} for i, spans in enumerate(found)]
    assert labelled[0].get("Angela Merkel") == "PER"
    assert labelled[0].get("Paris") == "LOC"
    assert labelled[2].get("Thomas Tuchel") == "PER"
    assert labelled[2].get("Frankfurt") == "LOC"
    for spans in shipped.scored_spans_many(texts):
        assert all(0.0 < score <= 1.0 for *_, score in spans)


def test_the_ensemble_shares_the_crfs_name_lists(shipped: EnsembleTagger):
    assert shipped.names is shipped.crf.names
    assert "N" in shipped.names.get("Wald", "")


def test_crf_marginals_are_distributions(shipped: EnsembleTagger):
    marginals = np.array(shipped.crf.marginals(["Merkel", "kam", "nach", "Rom"], neural.TAGS))
    assert marginals.shape == (4, TAG_COUNT)
    assert np.allclose(marginals.sum(axis=1), 1.0, atol=1e-4)


def test_without_the_net_the_crf_alone_tags(tmp_path: Path):
    folder = tmp_path / "crf_only"
    shutil.copytree(default_model_path(), folder, ignore=shutil.ignore_patterns(ner_crf.NET_FILE))
    recognizer = EntityRecognizer(folder)
    recognizer.load()
    assert isinstance(recognizer._crf, ner_crf.CrfTagger)
    text = "Angela Merkel war in Berlin."
    spans = recognizer.spans([text])[0]
    assert {text[s.start : s.end]: s.label for s in spans} == {
        "Angela Merkel": "PER",
        "Berlin": "LOC",
    }


def test_the_crf_alone_never_imports_numpy(tmp_path: Path):
    folder = tmp_path / "crf_only"
    shutil.copytree(default_model_path(), folder, ignore=shutil.ignore_patterns(ner_crf.NET_FILE))
    code = (
        "import sys; from pathlib import Path; "
        "from reader.core.entities.recognizer import EntityRecognizer; "
        f"EntityRecognizer(Path({str(folder)!r})).load(); "
        "print('numpy' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "False"


def test_the_net_runs_numpys_matrix_products_on_one_thread(tmp_path: Path):
    # OpenBLAS's spinning worker threads multiplied the names' CPU time on a shared machine.
    _random_net(tmp_path / ner_crf.NET_FILE)
    script = (
        "import json, sys; from pathlib import Path\n"
        "from threadpoolctl import threadpool_info, threadpool_limits\n"
        "from reader.core.entities import neural\n"
        "threadpool_limits(limits=2, user_api='blas')\n"
        "def blas(): return [i['num_threads'] for i in threadpool_info()"
        " if i['user_api'] == 'blas']\n"
        "before = blas()\n"
        "neural.NeuralTagger(Path(sys.argv[1]), {}, {})\n"
        "print(json.dumps([before, blas()]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / ner_crf.NET_FILE)],
        capture_output=True,
        text=True,
        check=True,
    )
    before, after = json.loads(done.stdout)
    assert before and set(before) == {2}
    assert after == [1] * len(before)


def test_cached_token_inputs_match_the_ones_worked_out_afresh(shipped: EnsembleTagger):
    # The taggers keep frequent words' inputs; a cached word must give what it always gave,
    # at the start of a sentence and inside one.
    sentences = [
        ["Merkel", "traf", "Merkel", "in", "Berlin", "."],
        ["Berlin", "und", "die", "Weltmeisterschaft", "in", "Berlin", "."],
    ]
    net, crf = shipped.net, shipped.crf
    assert net is not None
    for _ in range(2):  # the second pass comes from the caches
        cached = neural.encode(sentences, net.vocab, net.names, net.clusters, net._row)
        fresh = neural.encode(sentences, net.vocab, net.names, net.clusters)
        for name in ("words", "chars", "shapes", "coarse", "fine", "dense"):
            assert np.array_equal(getattr(cached, name), getattr(fresh, name)), name
        for words in sentences:
            assert crf.features(words) == ner_crf.sentence_features(
                words, crf.names, crf.clusters, crf.domain
            )
    assert net._row.cache_info().hits > 0
