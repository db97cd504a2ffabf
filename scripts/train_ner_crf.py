"""Train the reader's German CRF name tagger (CRFsuite, one thread, about 10 CPU-minutes).

    uv run python scripts/train_ner_crf.py          # -> resources/ner/de_reader_crf

The defaults are the shipped settings. Steps: word clusters from all the German text here
except GermEval dev (``train_ner_clusters.py``; ``--clusters FILE`` reuses a table); name
lists (surnames, towns, countries, filtered; "silver" lists of words the WikiANN, Europeana
and LER annotations mostly mark as PER/LOC/ORG; every capitalised noun form of German
Wiktionary from the ``german-nouns`` package, marked as common noun, place, first name,
surname or other proper noun); then a CRF over GermEval 2014 test-part1 (the only in-domain
news/Wikipedia data), a share of WikiANN train, Europeana newspapers (OCR, chunked) and LER
court decisions (coarse labels), every feature copied per corpus so silver conventions stay
apart from GermEval's (``--no-augment``). GermEval dev is held out: it is only scored at the
end (``--no-dev`` skips that).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

import ner_data  # noqa: E402
import train_ner_clusters  # noqa: E402

# The corpus name of GermEval (news and Wikipedia): with --augment, tagging uses its features.
NEWS = "news"

from reader.core.entities import crf as ner_crf  # noqa: E402


def load_training_data(data: Path, args: argparse.Namespace) -> list[tuple[ner_data.Sentence, str]]:
    """The training mix as (sentence, corpus) pairs, shuffled with a fixed seed."""
    rng = random.Random(0)
    germeval, wikiann, europeana, ler = ner_data.training_corpora(data)

    def sample(items: list[ner_data.Sentence], fraction: float, corpus: str):
        return [(s, corpus) for s in items if rng.random() < fraction]

    mix = [(s, NEWS) for s in germeval] * args.germeval_repeat
    mix += sample(wikiann, args.wikiann, "wiki")
    mix += sample(europeana, args.europeana, "ocr")
    mix += sample(ler, args.ler, "law")
    rng.shuffle(mix)
    print(
        f"data: germeval {len(germeval)}x{args.germeval_repeat}, wikiann {len(wikiann)}"
        f"*{args.wikiann}, europeana {len(europeana)}*{args.europeana}, "
        f"ler {len(ler)}*{args.ler} -> {len(mix)} sentences",
        flush=True,
    )
    return mix


def read_silver(data: Path) -> list[ner_data.Sentence]:
    """Every sentence of the silver corpora: WikiANN (all splits), Europeana and LER."""
    out: list[ner_data.Sentence] = []
    for name in ("train", "dev", "test"):
        out += ner_data.read_wikiann(data / "wikiann-de" / name)
    for path in sorted((data / "europeana").glob("*.bio")):
        out += ner_data.read_europeana(path)
    for name in ("ler_dev.conll", "ler_test.conll"):
        out += ner_data.read_ler(data / "ler" / name, keep_empty=1.0)
    return out


def evaluate(folder: Path, dev: list[ner_data.Sentence]) -> dict[str, dict[str, float]]:
    """Span scores on raw dev text, tokenized by the tagger as the app does it."""
    tagger = ner_crf.CrfTagger(folder)
    scorer = ner_data.Scorer()
    for words, tags in dev:
        text, gold = ner_data.to_text(words, tags)
        scorer.add(gold, [ner_data.Span(s, e, label) for s, e, label in tagger.spans(text)])
    return scorer.report()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/ner")
    parser.add_argument("--out", type=Path, default=ROOT / "resources/ner/de_reader_crf")
    parser.add_argument(
        "--clusters", type=Path, default=None, help="word<TAB>ids TSV (default: learn them)"
    )
    parser.add_argument("--germeval-repeat", type=int, default=1)
    parser.add_argument("--wikiann", type=float, default=0.8)
    parser.add_argument("--europeana", type=float, default=0.5)
    parser.add_argument("--ler", type=float, default=0.5)
    parser.add_argument("--c1", type=float, default=0.02, help="L1 (keeps the model small)")
    parser.add_argument("--c2", type=float, default=0.05, help="L2")
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--min-freq", type=int, default=1, help="feature.minfreq")
    parser.add_argument("--companies", action="store_true", help="company list feature F")
    parser.add_argument(
        "--silver-lists",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="name lists from the silver corpora",
    )
    parser.add_argument(
        "--augment",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="feature copies per corpus (domain adaptation)",
    )
    parser.add_argument(
        "--nouns",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="Wiktionary noun forms as list codes N/W/V/S/E (german-nouns package)",
    )
    parser.add_argument("--silver-min", type=int, default=2)
    parser.add_argument("--silver-share", type=float, default=0.5)
    parser.add_argument("--no-dev", action="store_true", help="do not score GermEval dev")
    train_ner_clusters.add_arguments(parser)
    args = parser.parse_args()

    import pycrfsuite

    started = time.perf_counter()
    train = load_training_data(args.data, args)
    sentences = [s for s, _ in train]
    names = ner_data.build_gazetteer(args.data / "gazetteers", sentences, companies=args.companies)
    if args.silver_lists:
        silver = ner_data.silver_lists(
            read_silver(args.data), min_count=args.silver_min, min_share=args.silver_share
        )
        for word, code in silver.items():
            names[word] = "".join(sorted(set(names.get(word, "") + code)))
        print(f"silver lists: {len(silver)} words", flush=True)
    if args.nouns:
        nouns = ner_data.wiktionary_nouns()
        for word, code in nouns.items():
            names[word] = "".join(sorted(set(names.get(word, "") + code)))
        print(f"Wiktionary nouns: {len(nouns)} forms", flush=True)
    if args.clusters is None:  # learn them now from the unlabeled text
        args.clusters = args.out / ner_crf.CLUSTERS_FILE
        args.out.mkdir(parents=True, exist_ok=True)
        train_ner_clusters.build(args.data.parent, args.clusters, args)
    clusters = ner_crf.read_table(args.clusters)
    print(f"lists: {len(names)} names, {len(clusters)} clustered words", flush=True)

    trainer = pycrfsuite.Trainer(verbose=False)
    for (words, tags), corpus in train:
        domain = corpus if args.augment else ""
        trainer.append(ner_crf.sentence_features(words, names, clusters, domain), tags)
    trainer.set_params(
        {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.iterations,
            "feature.possible_transitions": True,
            "feature.minfreq": args.min_freq,
        }
    )
    args.out.mkdir(parents=True, exist_ok=True)
    lines = [f"{word}\t{code}" for word, code in sorted(names.items())]
    (args.out / ner_crf.NAMES_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = [f"{word}\t{ids}" for word, ids in sorted(clusters.items())]
    (args.out / ner_crf.CLUSTERS_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"features built in {time.perf_counter() - started:.0f}s; training", flush=True)
    trainer.train(str(args.out / ner_crf.MODEL_FILE))
    seconds = time.perf_counter() - started
    print(f"trained in {seconds:.0f}s", flush=True)

    meta = {
        "name": "de_reader_crf",
        "kind": "crfsuite",
        "lang": "de",
        "labels": list(ner_data.LABELS),
        "domain": NEWS if args.augment else "",
        "licence": "CC BY 4.0 (weights); names.tsv CC BY-SA 4.0, see resources/ner/MODEL_CARD.md",
    }
    (args.out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    info: dict[str, object] = {
        "settings": {k: str(v) for k, v in vars(args).items()},
        "train_sentences": len(train),
        "seconds": round(seconds),
    }
    if not args.no_dev:
        dev = ner_data.read_germeval(args.data / "germeval2014" / "NER-de-dev.tsv")
        report = evaluate(args.out, dev)
        info["dev"] = report
        for label in ("PER", "LOC", "ORG", "overall", "MISC"):
            r = report[label]
            print(f"  {label:>8} P {r['p']:.3f} R {r['r']:.3f} F1 {r['f1']:.3f}", flush=True)
    (args.out / "training.json").write_text(json.dumps(info, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
