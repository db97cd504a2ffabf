"""Word clusters for the CRF name tagger, learned from unlabeled German text (numpy only).

    uv run python scripts/train_ner_clusters.py --data ../shared/data --out /tmp/clusters.tsv

(``train_ner_crf.py`` runs this itself when not given ``--clusters``.)

Each frequent word is described by which frequent words stand directly left and right of it
(positive PMI), reduced by a randomized SVD and grouped by spherical k-means at two
granularities; the output is ``word<TAB>coarse,fine,log2 count,lowercase form seen``.
The text: every token of the NER corpora used for training (labels ignored), WikiANN
dev/test, and the WMT/FLORES German sentences. GermEval dev is never read.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import sys  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

import ner_data  # noqa: E402

from reader.core.entities import crf as ner_crf  # noqa: E402


def sentences(data: Path) -> list[list[str]]:
    """Token lists from every unlabeled or labeled source except GermEval dev."""
    ner = data / "ner"
    out = [w for w, _ in ner_data.read_germeval(ner / "germeval2014" / "NER-de-test-part1.tsv")]
    for name in ("train", "dev", "test"):
        out += [w for w, _ in ner_data.read_wikiann(ner / "wikiann-de" / name)]
    for path in sorted((ner / "europeana").glob("*.bio")):
        out += [w for w, _ in ner_data.read_europeana(path)]
    for name in ("ler_dev.conll", "ler_test.conll"):
        out += [w for w, _ in ner_data.read_ler(ner / "ler" / name, keep_empty=1.0)]
    for path in sorted((data / "segmentation").glob("*.de")):
        for line in path.read_text(encoding="utf-8").splitlines():
            out.append([line[s:e] for s, e in ner_crf.tokenize(line)])
    return out


def kmeans(x: np.ndarray, k: int, rng: np.random.Generator, rounds: int = 20) -> np.ndarray:
    """Spherical k-means on unit rows; returns each row's cluster."""
    centers = x[rng.choice(len(x), size=k, replace=False)]
    assign = np.zeros(len(x), dtype=np.int64)
    for _ in range(rounds):
        assign = np.argmax(x @ centers.T, axis=1)
        for c in range(k):
            members = x[assign == c]
            if len(members):
                centre = members.sum(axis=0)
                centers[c] = centre / (np.linalg.norm(centre) + 1e-9)
            else:
                centers[c] = x[rng.integers(len(x))]
    return assign


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The clustering options (shared with ``train_ner_crf.py``); defaults are the shipped ones."""
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--contexts", type=int, default=1500)
    parser.add_argument("--window", type=int, default=2, help="context words each side")
    parser.add_argument("--dims", type=int, default=100)
    parser.add_argument("--coarse", type=int, default=100)
    parser.add_argument("--fine", type=int, default=1000)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data")
    parser.add_argument("--out", type=Path, required=True)
    add_arguments(parser)
    args = parser.parse_args()
    build(args.data, args.out, args)
    return 0


def word_vectors(
    sents: list[list[str]], args: argparse.Namespace, rng: np.random.Generator
) -> tuple[list[str], Counter[str], np.ndarray]:
    """Frequent words, all word counts and the words' unit vectors (PPMI of the contexts,
    randomized SVD to ``args.dims``)."""
    counts: Counter[str] = Counter(w for s in sents for w in s)
    print(f"{len(sents)} sentences, {sum(counts.values())} tokens, {len(counts)} types")
    words = [w for w, c in counts.most_common() if c >= args.min_count]
    index = {w: i for i, w in enumerate(words)}
    lower_counts: Counter[str] = Counter()
    for w, c in counts.items():
        lower_counts[w.lower()] += c
    contexts = [w for w, _ in lower_counts.most_common(args.contexts)]
    cindex = {w: i for i, w in enumerate(contexts)}
    n_ctx = len(contexts) + 1  # last column: any other word or the sentence edge
    offsets = [o for o in range(-args.window, args.window + 1) if o]
    matrix = np.zeros((len(words), len(offsets) * n_ctx), dtype=np.float32)
    rows: list[int] = []
    cols: list[int] = []
    for s in sents:
        for i, w in enumerate(s):
            row = index.get(w)
            if row is None:
                continue
            for block, offset in enumerate(offsets):
                j = i + offset
                other = cindex.get(s[j].lower(), n_ctx - 1) if 0 <= j < len(s) else n_ctx - 1
                rows.append(row)
                cols.append(block * n_ctx + other)
    np.add.at(matrix, (np.array(rows), np.array(cols)), 1.0)
    total = matrix.sum()
    pw = matrix.sum(axis=1, keepdims=True) / total
    pc = matrix.sum(axis=0, keepdims=True) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log((matrix / total) / (pw * pc + 1e-12))
    ppmi = np.nan_to_num(np.maximum(pmi, 0.0), posinf=0.0).astype(np.float32)
    probe = rng.standard_normal((ppmi.shape[1], args.dims + 20)).astype(np.float32)
    q, _ = np.linalg.qr(ppmi @ probe)
    _, _, vt = np.linalg.svd(q.T @ ppmi, full_matrices=False)
    vectors = ppmi @ vt[: args.dims].T
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    return words, counts, vectors


def build(data: Path, out: Path, args: argparse.Namespace) -> None:
    """Cluster the words of the text under ``data`` and write the table to ``out``."""
    rng = np.random.default_rng(0)
    words, counts, vectors = word_vectors(sentences(data), args, rng)
    coarse = kmeans(vectors, args.coarse, rng)
    fine = kmeans(vectors, args.fine, rng)
    # Also how frequent the word is (rounded log2) and whether its lowercase form occurs too
    # ("Deutsche"/"deutsche": capitalised only by position, unlike most names).
    lines = [
        f"{w}\t{coarse[i]},{fine[i]},{counts[w].bit_length()},"
        f"{int(w != w.lower() and counts.get(w.lower(), 0) > 0)}"
        for i, w in enumerate(words)
    ]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(words)} words clustered -> {out}", flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
