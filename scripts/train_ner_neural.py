"""Train the small neural name tagger (char CNN + word features + BiLSTM) with PyTorch.

PyTorch is not a dependency of the reader: train in a separate venv outside the repository,
the CRF's dev marginals come from the project's own environment first:

    python3 -m venv /tmp/torchenv && /tmp/torchenv/bin/pip install torch==2.13.0 numpy
    uv run python scripts/train_ner_neural.py crf-marginals --out /tmp/crf_dev.npz
    /tmp/torchenv/bin/python scripts/train_ner_neural.py train --crf-dev /tmp/crf_dev.npz \
        --out resources/ner/de_reader_crf/neural.npz

The net reads the shipped CRF's lists and clusters (``names.tsv``, ``clusters.tsv``), word
vectors learned here from the same unlabeled text as the clusters (PPMI + SVD,
``train_ner_clusters.py``), characters, shapes and a corpus id (tagging uses "news"). The
training mix is the CRF's: GermEval 2014 test-part1, WikiANN, Europeana, LER. After each
epoch it scores GermEval dev (held out from training) alone and averaged with the CRF's
marginals at several weights; the epoch and weight with the best ensemble F1 are exported,
weights as float16, to the ``.npz`` that ``reader/core/entities/neural.py`` runs in NumPy.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

import ner_data  # noqa: E402
import train_ner_clusters  # noqa: E402

from reader.core.entities import crf as ner_crf  # noqa: E402
from reader.core.entities import neural  # noqa: E402

MODEL = ROOT / "resources/ner/de_reader_crf"
WEIGHTS = (0.3, 0.4, 0.5, 0.6, 0.7, 1.0)


def dev_sentences(data: Path) -> list[tuple[list[str], list[tuple[int, int]], list[ner_data.Span]]]:
    """GermEval dev as the app sees it: joined text retokenized; words, token spans, gold."""
    out = []
    for words, tags in ner_data.read_germeval(data / "germeval2014" / "NER-de-dev.tsv"):
        text, gold = ner_data.to_text(words, tags)
        tokens = ner_crf.tokenize(text)
        out.append(([text[s:e] for s, e in tokens], tokens, gold))
    return out


def crf_marginals(args: argparse.Namespace) -> int:
    """The shipped CRF's marginals of every tag on dev (run in the project's environment)."""
    tagger = ner_crf.CrfTagger(args.model)
    rows = [
        np.array(tagger.marginals(words, neural.TAGS), dtype=np.float32)
        for words, _, _ in dev_sentences(args.data)
    ]
    np.savez(args.out, *rows)
    print(f"{len(rows)} sentences -> {args.out}")
    return 0


def self_label(args: argparse.Namespace) -> int:
    """Tag the unlabeled WMT/FLORES German sentences with the shipped tagger (CRF + net):
    JSON lines of words and BIO tags, for ``train --self-train``."""
    from reader.core.entities.ensemble import EnsembleTagger

    tagger = EnsembleTagger(args.model)
    lines = []
    for path in sorted((args.data.parent / "segmentation").glob("*.de")):
        lines += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    with args.out.open("w", encoding="utf-8") as out:
        for text, spans in zip(lines, tagger.spans_many(lines), strict=True):
            tokens = ner_crf.tokenize(text)
            tags = ["O"] * len(tokens)
            for start, end, label in spans:
                inside = [i for i, (a, b) in enumerate(tokens) if a >= start and b <= end]
                for n, i in enumerate(inside):
                    tags[i] = ("B-" if n == 0 else "I-") + label
            words = [text[a:b] for a, b in tokens]
            out.write(json.dumps({"words": words, "tags": tags}, ensure_ascii=False) + "\n")
    print(f"{len(lines)} sentences -> {args.out}")
    return 0


def score(dev: list, tag_lists: list[list[str]]) -> dict[str, dict[str, float]]:
    scorer = ner_data.Scorer()
    for (_, tokens, gold), tags in zip(dev, tag_lists, strict=True):
        spans = [
            ner_data.Span(s, e, label) for s, e, label in ner_crf.spans_from_tags(tokens, tags)
        ]
        scorer.add(gold, spans)
    return scorer.report()


def line(report: dict[str, dict[str, float]]) -> str:
    o = report["overall"]
    per = " ".join(f"{k} {report[k]['f1']:.3f}" for k in ("PER", "LOC", "ORG"))
    return f"P {o['p']:.3f} R {o['r']:.3f} F1 {o['f1']:.3f} ({per})"


def train(args: argparse.Namespace) -> int:
    import torch
    from torch import nn
    from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    started = time.perf_counter()
    names = ner_crf.read_table(args.model / ner_crf.NAMES_FILE)
    clusters = ner_crf.read_table(args.model / ner_crf.CLUSTERS_FILE)

    germeval, wikiann, europeana, ler = ner_data.training_corpora(args.data)
    mix = [(s, 0) for s in germeval] * args.germeval_repeat
    mix += [(s, 1) for s in wikiann if rng.random() < args.wikiann]
    mix += [(s, 2) for s in europeana if rng.random() < args.europeana]
    mix += [(s, 3) for s in ler if rng.random() < args.ler]
    if args.self_train:
        for text in args.self_train.read_text(encoding="utf-8").splitlines():
            item = json.loads(text)
            mix.append(((item["words"], item["tags"]), 0))
    mix = [m for m in mix if m[0][0]]
    print(f"training sentences: {len(mix)}", flush=True)

    # Word vectors from the unlabeled text (the clusters' PPMI + SVD, more dimensions).
    vec_args = argparse.Namespace(
        min_count=args.min_count, contexts=1500, window=2, dims=args.word_dim
    )
    unlabeled = train_ner_clusters.sentences(args.data.parent)
    vec_words, _, vectors = train_ner_clusters.word_vectors(
        unlabeled, vec_args, np.random.default_rng(0)
    )
    train_counts = Counter(w for (words, _), _ in mix for w in words)
    extra = [w for w, c in train_counts.items() if c >= 2 and w not in set(vec_words)]
    vocab_words = list(vec_words) + sorted(extra)
    char_counts = Counter(c for (words, _), _ in mix for w in words for c in w)
    vocab_chars = sorted(c for c, n in char_counts.items() if n >= 5)
    shape_counts = Counter(ner_crf.shape(w) for (words, _), _ in mix for w in words)
    vocab_shapes = sorted(s for s, n in shape_counts.items() if n >= 3)
    vocab = neural.Vocab.from_lists(vocab_words, vocab_chars, vocab_shapes)
    print(
        f"vocab: {len(vocab_words)} words ({len(vec_words)} with vectors), "
        f"{len(vocab_chars)} chars, {len(vocab_shapes)} shapes; "
        f"{time.perf_counter() - started:.0f}s",
        flush=True,
    )

    tag_index = {t: i for i, t in enumerate(neural.TAGS)}

    def tensors(items: list) -> dict[str, torch.Tensor]:
        batch = neural.encode([w for (w, _), _ in items], vocab, names, clusters)
        tags = np.full(batch.words.shape, -100, dtype=np.int64)
        for b, ((_, t), _) in enumerate(items):
            tags[b, : len(t)] = [tag_index[x] for x in t]
        corpus = np.array([c for _, c in items], dtype=np.int64)
        return {
            "lengths": torch.from_numpy(batch.lengths),
            "words": torch.from_numpy(batch.words),
            "chars": torch.from_numpy(batch.chars),
            "shapes": torch.from_numpy(batch.shapes),
            "coarse": torch.from_numpy(batch.coarse),
            "fine": torch.from_numpy(batch.fine),
            "dense": torch.from_numpy(batch.dense),
            "corpus": torch.from_numpy(corpus),
            "tags": torch.from_numpy(tags),
        }

    mix.sort(key=lambda m: len(m[0][0]))
    batches = [tensors(mix[i : i + args.batch]) for i in range(0, len(mix), args.batch)]
    dev = dev_sentences(args.data)
    dev_batches = []
    for i in range(0, len(dev), 256):
        items = [((w, ["O"] * len(w)), 0) for w, _, _ in dev[i : i + 256]]
        dev_batches.append(tensors(items))
    crf_dev = None
    if args.crf_dev:
        with np.load(args.crf_dev) as data:
            crf_dev = [data[f"arr_{i}"] for i in range(len(dev))]
    print(f"encoded in {time.perf_counter() - started:.0f}s", flush=True)

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.word_emb = nn.Embedding(len(vocab_words) + 2, args.word_dim, padding_idx=0)
            with torch.no_grad():
                self.word_emb.weight[2 : 2 + len(vec_words)] = torch.from_numpy(vectors)
            self.char_emb = nn.Embedding(len(vocab_chars) + 2, args.char_dim, padding_idx=0)
            self.char_conv = nn.Conv1d(args.char_dim, args.char_filters, 3, padding=1)
            self.shape_emb = nn.Embedding(len(vocab_shapes) + 2, 8)
            self.coarse_emb = nn.Embedding(102, 8)
            self.fine_emb = nn.Embedding(1002, 16)
            self.corpus_emb = nn.Embedding(len(neural.CORPORA), 4)
            size = args.word_dim + args.char_filters + 8 + 8 + 16 + neural.N_DENSE + 4
            self.drop = nn.Dropout(args.dropout)
            self.word_drop = args.word_dropout
            self.lstm = nn.LSTM(size, args.hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * args.hidden, len(neural.TAGS))

        def forward(self, b: dict[str, torch.Tensor]) -> torch.Tensor:
            words = b["words"]
            if self.training and self.word_drop:
                unk = (torch.rand(words.shape) < self.word_drop) & (words > 0)
                words = torch.where(unk, torch.ones_like(words), words)
            bsz, steps, nchar = b["chars"].shape
            chars = self.char_emb(b["chars"].view(-1, nchar)).transpose(1, 2)
            chars = torch.tanh(self.char_conv(chars)).max(dim=2).values.view(bsz, steps, -1)
            corpus = self.corpus_emb(b["corpus"])[:, None, :].expand(bsz, steps, -1)
            x = torch.cat(
                [
                    self.word_emb(words),
                    chars,
                    self.shape_emb(b["shapes"]),
                    self.coarse_emb(b["coarse"]),
                    self.fine_emb(b["fine"]),
                    b["dense"],
                    corpus,
                ],
                dim=-1,
            )
            x = self.drop(x)
            packed = pack_padded_sequence(x, b["lengths"], batch_first=True, enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = pad_packed_sequence(h, batch_first=True, total_length=steps)
            return self.out(self.drop(h))

    net = Net()
    optimizer = torch.optim.Adam(net.parameters(), lr=args.lr)
    loss_fn = nn.CrossEntropyLoss(ignore_index=-100)

    def dev_probs() -> list[np.ndarray]:
        net.eval()
        out: list[np.ndarray] = []
        with torch.no_grad():
            for b in dev_batches:
                probs = torch.softmax(net(b), dim=-1).numpy()
                out += [probs[i, : int(n)] for i, n in enumerate(b["lengths"])]
        return out

    best = (-1.0, 0, 0.0)
    history = []
    for epoch in range(1, args.epochs + 1):
        net.train()
        order = list(range(len(batches)))
        rng.shuffle(order)
        total = 0.0
        for i in order:
            b = batches[i]
            optimizer.zero_grad()
            logits = net(b)
            loss = loss_fn(logits.reshape(-1, len(neural.TAGS)), b["tags"].reshape(-1))
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            optimizer.step()
            total += float(loss.detach())
        probs = dev_probs()
        row: dict[str, object] = {"epoch": epoch, "loss": round(total / len(batches), 4)}
        alone = score(dev, [neural.viterbi(p) for p in probs])
        row["net"] = alone
        msg = f"epoch {epoch} loss {total / len(batches):.4f} net {line(alone)}"
        if crf_dev is not None:
            for weight in WEIGHTS[:-1]:
                mixed = [
                    neural.ensemble_tags(p, c, weight)[0]
                    for p, c in zip(probs, crf_dev, strict=True)
                ]
                report = score(dev, mixed)
                row[f"ensemble_{weight}"] = report
                f1 = report["overall"]["f1"]
                msg += f"\n    w {weight}: {line(report)}"
                if f1 > best[0]:
                    best = (f1, epoch, weight)
                    export(net, vocab_words, vocab_chars, vocab_shapes, weight, args.out)
                    if args.dev_probs:
                        np.savez(args.dev_probs, *probs)
        elif alone["overall"]["f1"] > best[0]:
            best = (alone["overall"]["f1"], epoch, 1.0)
            export(net, vocab_words, vocab_chars, vocab_shapes, 1.0, args.out)
        history.append(row)
        print(f"{msg}\n    {time.perf_counter() - started:.0f}s", flush=True)
    print(f"best: F1 {best[0]:.3f} at epoch {best[1]}, weight {best[2]} -> {args.out}")
    info = {
        "settings": {k: str(v) for k, v in vars(args).items()},
        "best": {"f1": best[0], "epoch": best[1], "weight": best[2]},
        "seconds": round(time.perf_counter() - started),
        "history": history,
    }
    args.out.with_suffix(".json").write_text(json.dumps(info, indent=1), encoding="utf-8")
    return 0


def export(
    net, words: list[str], chars: list[str], shapes: list[str], weight: float, out: Path
) -> None:
    """The weights as float16 and the vocabularies as string arrays (no pickles)."""
    state = {k: v.detach().numpy() for k, v in net.state_dict().items()}
    arrays = {
        "word_emb": state["word_emb.weight"],
        "char_emb": state["char_emb.weight"],
        "char_conv_w": state["char_conv.weight"],
        "char_conv_b": state["char_conv.bias"],
        "shape_emb": state["shape_emb.weight"],
        "coarse_emb": state["coarse_emb.weight"],
        "fine_emb": state["fine_emb.weight"],
        "corpus_emb": state["corpus_emb.weight"],
        "lstm_w_ih": state["lstm.weight_ih_l0"],
        "lstm_w_hh": state["lstm.weight_hh_l0"],
        "lstm_b": state["lstm.bias_ih_l0"] + state["lstm.bias_hh_l0"],
        "lstm_w_ih_r": state["lstm.weight_ih_l0_reverse"],
        "lstm_w_hh_r": state["lstm.weight_hh_l0_reverse"],
        "lstm_b_r": state["lstm.bias_ih_l0_reverse"] + state["lstm.bias_hh_l0_reverse"],
        "out_w": state["out.weight"],
        "out_b": state["out.bias"],
    }
    packed = {k: v.astype(np.float16) for k, v in arrays.items()}
    packed["ensemble_weight"] = np.float32(weight)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        out,
        vocab_words=np.array(words),
        vocab_chars=np.array(chars),
        vocab_shapes=np.array(shapes),
        **packed,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("train", "crf-marginals", "self-label"))
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/ner")
    parser.add_argument("--model", type=Path, default=MODEL, help="the CRF model folder")
    parser.add_argument("--out", type=Path, default=MODEL / ner_crf.NET_FILE)
    parser.add_argument("--crf-dev", type=Path, help="CRF dev marginals (crf-marginals)")
    parser.add_argument("--self-train", type=Path, help="JSON lines from self-label, as news")
    parser.add_argument("--dev-probs", type=Path, help="save the best epoch's dev probabilities")
    parser.add_argument("--germeval-repeat", type=int, default=2)
    parser.add_argument("--wikiann", type=float, default=0.3)
    parser.add_argument("--europeana", type=float, default=0.2)
    parser.add_argument("--ler", type=float, default=0.2)
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--word-dim", type=int, default=64)
    parser.add_argument("--char-dim", type=int, default=16)
    parser.add_argument("--char-filters", type=int, default=32)
    parser.add_argument("--hidden", type=int, default=64)
    parser.add_argument("--dropout", type=float, default=0.5)
    parser.add_argument("--word-dropout", type=float, default=0.05)
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if args.command == "self-label":
        return self_label(args)
    return crf_marginals(args) if args.command == "crf-marginals" else train(args)


if __name__ == "__main__":
    raise SystemExit(main())
