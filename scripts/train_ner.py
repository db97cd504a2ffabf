"""Train the reader's German NER pipeline (spaCy, CPU, from scratch).

    uv run python scripts/train_ner.py --data ../shared/data/ner --out resources/ner/de_reader_ner

Trains on GermEval 2014 test-part1 (repeated: it is the only in-domain news data), WikiANN
train (silver), Europeana newspapers (OCR, chunked) and LER (court decisions, mapped to
coarse labels). GermEval dev is held out and used only to pick the best epoch. Runs on one
thread with a wall-clock cap and prints progress; the best epoch is written to ``--out``.
"""

from __future__ import annotations

import os

# One thread: the machine's cores are shared. Must be set before numpy is imported.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import ner_data  # noqa: E402

CONFIG = """
[nlp]
lang = "de"
pipeline = {pipeline}
batch_size = 256

[components]
{gazetteer_block}
[components.ner]
factory = "ner"
moves = null
update_with_oracle_cut_size = 100
incorrect_spans_key = null

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = {hidden}
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2Vec.v2"

[components.ner.model.tok2vec.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = {width}
attrs = {attrs}
rows = {rows}
include_static_vectors = false

[components.ner.model.tok2vec.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {width}
depth = {depth}
window_size = 1
maxout_pieces = 3

[training]
seed = 0

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 0.00000001
learn_rate = {learn_rate}
"""


def load_training_data(data: Path, args: argparse.Namespace) -> list[ner_data.Sentence]:
    """The training mix; repeats/fractions are the knobs that were compared on dev."""
    rng = random.Random(0)
    germeval, wikiann, europeana, ler = ner_data.training_corpora(data)

    def sample(items: list[ner_data.Sentence], fraction: float) -> list[ner_data.Sentence]:
        return rng.sample(items, int(len(items) * fraction)) if fraction < 1 else items

    mix = germeval * args.germeval_repeat
    mix += sample(wikiann, args.wikiann)
    mix += sample(europeana, args.europeana)
    mix += sample(ler, args.ler)
    print(
        f"data: germeval {len(germeval)}x{args.germeval_repeat}, wikiann {len(wikiann)}"
        f"*{args.wikiann}, europeana {len(europeana)}*{args.europeana}, "
        f"ler {len(ler)}*{args.ler} -> {len(mix)} sentences",
        flush=True,
    )
    return mix


def to_examples(nlp, sentences: list[ner_data.Sentence]) -> list:
    from spacy.training import Example

    # The gazetteer is not trained: run it once on the predicted docs so the NER sees tags.
    gazetteer = nlp.get_pipe("reader_gazetteer") if "reader_gazetteer" in nlp.pipe_names else None
    examples = []
    for words, tags in sentences:
        text, spans = ner_data.to_text(words, tags)
        predicted = nlp.make_doc(text)
        if gazetteer is not None:
            gazetteer(predicted)
        entities = [(s.start, s.end, s.label) for s in spans]
        try:
            examples.append(Example.from_dict(predicted, {"entities": entities}))
        except ValueError:
            continue  # overlapping or unalignable gold spans: skip the sentence
    return examples


def evaluate(nlp, dev: list[ner_data.Sentence]) -> dict[str, dict[str, float]]:
    """Span scores on held-out GermEval dev (PER/LOC/ORG outer level; MISC = OTH)."""
    scorer = ner_data.Scorer()
    pairs = [ner_data.to_text(w, t) for w, t in dev]
    for (_, gold), doc in zip(
        pairs, nlp.pipe([text for text, _ in pairs], batch_size=256), strict=True
    ):
        predicted = [ner_data.Span(e.start_char, e.end_char, e.label_) for e in doc.ents]
        scorer.add(gold, predicted)
    return scorer.report()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ner"))
    parser.add_argument("--out", type=Path, default=Path("resources/ner/de_reader_ner"))
    parser.add_argument("--minutes", type=float, default=0, help="wall-clock cap (0: none)")
    parser.add_argument("--max-epochs", type=int, default=2)
    parser.add_argument("--width", type=int, default=96)
    parser.add_argument("--depth", type=int, default=4)
    parser.add_argument("--hidden", type=int, default=64)
    parser.add_argument("--rows-norm", type=int, default=20000)
    parser.add_argument("--learn-rate", type=float, default=0.001)
    parser.add_argument("--dropout", type=float, default=0.15)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--germeval-repeat", type=int, default=2)
    parser.add_argument("--wikiann", type=float, default=0.4)
    parser.add_argument("--europeana", type=float, default=0.25)
    parser.add_argument("--ler", type=float, default=0.3)
    parser.add_argument("--patience", type=int, default=4, help="epochs without improvement")
    parser.add_argument(
        "--no-gazetteer",
        dest="gazetteer",
        action="store_false",
        help="leave out the list-membership features (surnames, towns, countries)",
    )
    args = parser.parse_args()

    import spacy
    from spacy.util import minibatch
    from thinc.api import Config

    spacy.util.fix_random_seed(0)
    attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
    rows = [args.rows_norm, 3000, 6000, 1000]
    pipeline = ["ner"]
    gazetteer_block = ""
    if args.gazetteer:
        import reader.core.entities.gazetteer  # noqa: F401 - registers the factory

        attrs.append("TAG")
        rows.append(64)
        pipeline.insert(0, "reader_gazetteer")
        gazetteer_block = '[components.reader_gazetteer]\nfactory = "reader_gazetteer"\n'
    config = Config().from_str(
        CONFIG.format(
            pipeline=json.dumps(pipeline),
            gazetteer_block=gazetteer_block,
            attrs=json.dumps(attrs),
            rows=json.dumps(rows),
            width=args.width,
            depth=args.depth,
            hidden=args.hidden,
            learn_rate=args.learn_rate,
        )
    )
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    nlp.meta.update(
        name="reader_ner",
        version="1.0.0",
        description="German NER (PER, LOC, ORG, MISC) for the bilingual reader; "
        "trained from scratch on CPU. See MODEL_CARD.md.",
        license="CC BY 4.0 (weights); reader_gazetteer/names.tsv: see MODEL_CARD.md",
        sources=[
            {"name": "GermEval 2014 NER (test part 1)", "license": "CC BY 4.0"},
            {"name": "WikiANN German (train)", "license": "none stated (Wikipedia)"},
            {"name": "Europeana Newspapers NER (German)", "license": "CC0"},
            {"name": "Legal Entity Recognition (LER)", "license": "CC BY 4.0"},
            {"name": "GermaNER surname list", "license": "Apache-2.0"},
            {"name": "OpenStreetMap town names", "license": "CC BY-SA 2.0"},
            {"name": "Auswärtiges Amt country names", "license": "official work (§5 UrhG)"},
        ],
    )
    ner = nlp.get_pipe("ner")
    for label in ner_data.LABELS:
        ner.add_label(label)

    started = time.monotonic()
    sentences = load_training_data(args.data, args)
    if args.gazetteer:
        names = ner_data.build_gazetteer(args.data / "gazetteers", sentences)
        nlp.get_pipe("reader_gazetteer").set_names(names)
        print(f"gazetteer: {len(names)} names", flush=True)
    train = to_examples(nlp, sentences)
    dev = ner_data.read_germeval(args.data / "germeval2014" / "NER-de-dev.tsv")
    print(f"{len(train)} training examples built in {time.monotonic() - started:.0f}s", flush=True)
    optimizer = nlp.initialize(lambda: train[:3000])

    rng = random.Random(0)
    best = -1.0
    best_epoch = 0
    history = []
    deadline = started + args.minutes * 60 if args.minutes > 0 else float("inf")
    for epoch in range(1, args.max_epochs + 1):
        rng.shuffle(train)
        losses: dict[str, float] = {}
        epoch_start = time.monotonic()
        for i, batch in enumerate(minibatch(train, size=args.batch)):
            nlp.update(batch, drop=args.dropout, sgd=optimizer, losses=losses)
            if i % 200 == 0:
                print(f"  epoch {epoch} batch {i} loss {losses.get('ner', 0):.0f}", flush=True)
            if time.monotonic() > deadline:
                break
        with nlp.use_params(optimizer.averages):
            scores = evaluate(nlp, dev)
            f1 = scores["overall"]["f1"]
            history.append({"epoch": epoch, "scores": scores})
            print(
                f"epoch {epoch}: loss {losses.get('ner', 0):.0f} dev F1 {f1:.4f} "
                + " ".join(f"{k} {v['f1']:.3f}" for k, v in scores.items())
                + f" ({time.monotonic() - epoch_start:.0f}s)",
                flush=True,
            )
            if f1 > best:
                best, best_epoch = f1, epoch
                nlp.to_disk(args.out)
        if time.monotonic() > deadline:
            print("time cap reached", flush=True)
            break
        if epoch - best_epoch >= args.patience:
            print("no improvement, stopping", flush=True)
            break
    meta = {
        "best_epoch": best_epoch,
        "best_dev_f1": best,
        "args": {k: str(v) for k, v in vars(args).items()},
        "history": history,
    }
    (args.out / "training.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    print(f"best dev F1 {best:.4f} at epoch {best_epoch}; saved to {args.out}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
