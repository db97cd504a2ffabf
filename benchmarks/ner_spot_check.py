"""Spot check of the names the reader highlights in real news: 100 entities to judge by eye.

    uv run python benchmarks/ner_spot_check.py [--data ../shared/data/segmentation]
        [--seed 15] [--count 100] [--verdicts VERDICTS.tsv] [--out bench-results/ner_spot.json]

The WMT newstest German files (``wmt14.de``, ``wmt16.de``) hold one sentence a line in
document order without document marks; a line without a closing punctuation mark is taken as
a headline that starts a new article. Articles are drawn with a fixed seed, each is run
through ``EntityRecognizer.recognize`` as the app runs it (one block per line, the tagger,
the document-level vote and the German rules), and entities are taken from the drawn
articles in order until ``--count``, at most ``--per-article`` from one article (drawn with
the same seed, kept in document order) so the sample spreads over many articles. Each is
printed with its label and context, numbered, for a person to judge.

``--verdicts`` reads a judgement per number (``N<TAB>class``, ``#`` comments allowed), the
classes being ``ok`` or one of ``ERROR_CLASSES`` below, and prints the tally; a number left
out counts as not judged. Misses cannot be seen in a sample of what was found: this measures
the precision side only.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import sys  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.document.model import Block, BlockKind, Document, Entity, Sentence  # noqa: E402

FILES = ("wmt14.de", "wmt16.de")
# The error classes (issue 15), one code each.
ERROR_CLASSES = {
    "role": "a name after a role or title noun not labelled as a person",
    "org": "an organisation or company (AG, Verband, Partei, acronym) not labelled ORG",
    "geo": "a place (multi-word geographic name, city) split, cut or mislabelled",
    "nonname": "a currency, unit, event or common noun highlighted as a name",
    "clause": "a span that runs across a verb or a clause",
    "inside": "a name inside an organisation name split out on its own",
    "ship": "a ship or vehicle labelled as a person",
    "label": "another wrong label on a real name",
    "span": "another wrong span boundary on a real name",
}
_CLOSING = tuple(".!?:\"'“”»«)…")


def articles(lines: list[str]) -> list[list[str]]:
    """Runs of lines, a new one at each line that does not end like a sentence."""
    out: list[list[str]] = []
    for line in lines:
        text = line.strip()
        if not text:
            continue
        if not out or not text.endswith(_CLOSING):
            out.append([])
        out[-1].append(text)
    return [a for a in out if len(a) >= 3]


def as_document(name: str, lines: list[str]) -> tuple[Document, list[Sentence]]:
    """One block and one sentence per line, as a segmented document."""
    blocks = tuple(Block(i, BlockKind.PARAGRAPH, text) for i, text in enumerate(lines))
    sentences = [Sentence(i, i, 0, len(text), text) for i, text in enumerate(lines)]
    return Document(name, blocks), sentences


def context(text: str, entity: Entity, width: int = 45) -> str:
    """The entity in brackets with up to ``width`` characters either side."""
    left = text[max(0, entity.start - width) : entity.start]
    right = text[entity.end : entity.end + width]
    return f"{left}[{text[entity.start : entity.end]}]{right}".replace("\n", " ")


def read_verdicts(path: Path) -> dict[int, str]:
    """``N<TAB>class`` lines as ``{N: class}``."""
    verdicts: dict[int, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        number, _, verdict = line.partition("#")[0].strip().partition("\t")
        if number.strip().isdigit() and verdict.strip():
            verdicts[int(number)] = verdict.strip().split()[0]
    return verdicts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/segmentation")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--per-article", type=int, default=6)
    parser.add_argument("--verdicts", type=Path, help="judgements: N<TAB>class per line")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results/ner_spot.json")
    args = parser.parse_args()

    pool: list[list[str]] = []
    for name in FILES:
        path = args.data / name
        if not path.is_file():
            print(f"WMT file not found at {path}", file=sys.stderr)
            return 1
        pool.extend(articles(path.read_text(encoding="utf-8").splitlines()))
    draw = random.Random(args.seed)
    draw.shuffle(pool)

    from reader.core.entities.recognizer import EntityRecognizer

    recognizer = EntityRecognizer()
    sample: list[dict[str, object]] = []
    labels: Counter[str] = Counter()
    drawn = 0
    for article in pool:
        if len(sample) >= args.count:
            break
        drawn += 1
        document, sentences = as_document(f"article {drawn}", article)
        found = recognizer.recognize(document, sentences)
        chosen = sorted(draw.sample(range(len(found)), min(args.per_article, len(found))))
        for entity in (found[i] for i in chosen):
            if len(sample) >= args.count:
                break
            labels[entity.label.value] += 1
            sample.append(
                {
                    "n": len(sample) + 1,
                    "article": drawn,
                    "label": entity.label.value,
                    "text": entity.text,
                    "context": context(article[entity.block], entity),
                }
            )
    for row in sample:
        head = f"{row['n']:>3} a{row['article']:<3} {row['label']:<4} {row['text']!s:<28}"
        print(f"{head} | {row['context']}")
    print(f"\n{len(sample)} entities from {drawn} articles (of {len(pool)}), seed {args.seed}")
    print("labels: " + ", ".join(f"{k} {v}" for k, v in sorted(labels.items())))

    result: dict[str, object] = {"seed": args.seed, "articles": drawn, "sample": sample}
    if args.verdicts:
        verdicts = read_verdicts(args.verdicts)
        tally = Counter(verdicts.get(int(str(row["n"])), "unjudged") for row in sample)
        unknown = set(tally) - set(ERROR_CLASSES) - {"ok", "unjudged"}
        if unknown:
            print(f"unknown classes in {args.verdicts}: {sorted(unknown)}", file=sys.stderr)
            return 1
        print("\nverdicts:")
        for code in ("ok", *ERROR_CLASSES, "unjudged"):
            if tally[code]:
                print(f"  {code:<9} {tally[code]:>3}  {ERROR_CLASSES.get(code, '')}")
        judged = len(sample) - tally["unjudged"]
        if judged:
            print(f"  right: {tally['ok']}/{judged} = {tally['ok'] / judged:.2f}")
        result["verdicts"] = dict(tally)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"written {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
