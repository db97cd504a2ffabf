"""Sentence-end precision, recall and F1 of our splitter against pysbd and SoMaJo.

Running text is rebuilt from one-sentence-a-line files (``*.de``): consecutive lines are
joined with a single space into paragraphs of 3–8 lines (random lengths, fixed seed). A
line without sentence-final punctuation (a headline, a line ending in ":") closes its
paragraph, as a heading or an introduced quote would be its own block in a real document.
Gold ends are the line ends inside a paragraph; the end of a paragraph is not counted, since
every splitter gets it for free. Each splitter sees the same paragraphs.

    uv run python benchmarks/segmentation_bench.py [--data DIR] [--show-errors N]

SoMaJo is GPL-3 and used here only as a yardstick; ``reader/`` never imports it.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reader.core.document.segmentation import split_sentences  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data" / "segmentation"
RESULTS = REPO / "bench-results" / "segmentation.json"
SEED = 20240229
_FINAL = re.compile(r"[.!?…][\"'“”»«’‘›‹)\]]*$")

Splitter = Callable[[list[str]], list[set[int]]]


@dataclass
class Paragraph:
    text: str
    ends: set[int]  # gold sentence ends inside the paragraph


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, float]:
        return {
            **asdict(self),
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def build_paragraphs(lines: Iterable[str], seed: int) -> list[Paragraph]:
    """Join runs of 3–8 lines; a line without final punctuation closes its paragraph."""
    rng = random.Random(seed)
    paragraphs: list[Paragraph] = []
    run: list[str] = []
    target = rng.randint(3, 8)

    def close() -> None:
        nonlocal run, target
        if run:
            text = " ".join(run)
            ends, offset = set(), 0
            for line in run[:-1]:
                offset += len(line)
                ends.add(offset)
                offset += 1
            paragraphs.append(Paragraph(text, ends))
        run = []
        target = rng.randint(3, 8)

    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            close()
            continue
        run.append(line)
        if len(run) >= target or not _FINAL.search(line):
            close()
    close()
    return paragraphs


def internal_ends(text: str, spans: Iterable[tuple[int, int]]) -> set[int]:
    """Sentence ends before the end of the paragraph, trailing whitespace removed."""
    ends = set()
    for _start, end in spans:
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end < len(text.rstrip()):
            ends.add(end)
    return ends


def ours(texts: list[str]) -> list[set[int]]:
    return [internal_ends(text, split_sentences(text)) for text in texts]


def pysbd_splitter() -> Splitter:
    import pysbd

    segmenter = pysbd.Segmenter(language="de", clean=False, char_span=True)

    def split(texts: list[str]) -> list[set[int]]:
        return [
            internal_ends(text, [(s.start, s.end) for s in segmenter.segment(text)])
            for text in texts
        ]

    return split


def somajo_splitter() -> Splitter:
    from somajo import SoMaJo

    tokenizer = SoMaJo("de_CMC", split_sentences=True, character_offsets=True)

    def split(texts: list[str]) -> list[set[int]]:
        results = []
        for text in texts:
            spans = [
                (sentence[0].character_offset[0], sentence[-1].character_offset[1])
                for sentence in tokenizer.tokenize_text([text])
                if sentence
            ]
            results.append(internal_ends(text, spans))
        return results

    return split


def score(
    paragraphs: list[Paragraph],
    predicted: list[set[int]],
    ignored: list[set[int]] | None = None,
) -> Score:
    """Count sentence ends; positions in ``ignored`` count neither way."""
    result = Score()
    for index, (paragraph, found) in enumerate(zip(paragraphs, predicted, strict=True)):
        ends = found - ignored[index] if ignored else found
        result.tp += len(ends & paragraph.ends)
        result.fp += len(ends - paragraph.ends)
        result.fn += len(paragraph.ends - ends)
    return result


def show_errors(
    paragraphs: list[Paragraph], predicted: dict[str, list[set[int]]], limit: int
) -> None:
    """Print a sample of our false positives and negatives, and who else made them."""
    errors = []
    others = [name for name in predicted if name != "ours"]
    for index, (paragraph, ends) in enumerate(zip(paragraphs, predicted["ours"], strict=True)):
        for position in sorted(ends - paragraph.ends):
            same = [name for name in others if position in predicted[name][index]]
            errors.append(("FP", paragraph.text, position, same))
        for position in sorted(paragraph.ends - ends):
            same = [name for name in others if position not in predicted[name][index]]
            errors.append(("FN", paragraph.text, position, same))
    random.Random(1).shuffle(errors)
    errors.sort(key=lambda error: len(error[3]))  # our own mistakes first
    for kind in ("FP", "FN"):
        chosen = [error for error in errors if error[0] == kind][:limit]
        print(f"\n{kind} ({sum(1 for e in errors if e[0] == kind)} in all), sample:")
        for _kind, text, position, same in chosen:
            left = text[max(0, position - 70) : position].replace("\n", " ")
            right = text[position : position + 50].replace("\n", " ")
            print(f"  …{left}‖{right}…  [{'+'.join(same) or 'only ours'}]")


def time_one_megabyte(paragraphs: list[Paragraph]) -> dict[str, float]:
    """Our time for 1 MB of German: the paragraphs repeated, separated by blank lines."""
    corpus = "\n\n".join(paragraph.text for paragraph in paragraphs)
    text = corpus
    while len(text.encode("utf-8")) < 1_000_000:
        text += "\n\n" + corpus
    text = text.encode("utf-8")[:1_000_000].decode("utf-8", errors="ignore")
    seconds = float("inf")
    for _attempt in range(3):  # best of three: the machine is shared
        started = time.perf_counter()
        sentences = len(split_sentences(text))
        seconds = min(seconds, time.perf_counter() - started)
    return {
        "bytes": len(text.encode("utf-8")),
        "seconds": round(seconds, 3),
        "sentences": sentences,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of *.de files")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--show-errors", type=int, default=0, metavar="N", help="sample size")
    parser.add_argument("--only-ours", action="store_true", help="skip pysbd and SoMaJo")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)

    files = sorted(args.data.glob("*.de"))
    if not files:
        print(f"no *.de files in {args.data}", file=sys.stderr)
        return 1
    systems: dict[str, Splitter] = {"ours": ours}
    if not args.only_ours:
        systems["pysbd"] = pysbd_splitter()
        systems["somajo"] = somajo_splitter()

    report: dict[str, object] = {"seed": args.seed, "files": {}}
    file_ranges: dict[str, tuple[int, int]] = {}
    overall = {name: Score() for name in systems}
    seconds = {name: 0.0 for name in systems}
    all_paragraphs: list[Paragraph] = []
    predicted_all: dict[str, list[set[int]]] = {name: [] for name in systems}
    header = f"{'file':<16}{'system':<8}{'gold':>6}{'tp':>6}{'fp':>5}{'fn':>5}"
    header += f"{'prec':>8}{'recall':>8}{'F1':>8}"
    print(header)
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines()
        paragraphs = build_paragraphs(lines, args.seed)
        texts = [paragraph.text for paragraph in paragraphs]
        gold = sum(len(paragraph.ends) for paragraph in paragraphs)
        file_report = {"paragraphs": len(paragraphs), "gold_ends": gold}
        for name, splitter in systems.items():
            started = time.perf_counter()
            predicted = splitter(texts)
            seconds[name] += time.perf_counter() - started
            result = score(paragraphs, predicted)
            overall[name].add(result)
            file_report[name] = result.as_dict()
            print(_row(path.name, name, gold, result))
            predicted_all[name].extend(predicted)
        file_ranges[path.name] = (len(all_paragraphs), len(all_paragraphs) + len(paragraphs))
        all_paragraphs.extend(paragraphs)
        report["files"][path.name] = file_report  # type: ignore[index]
    gold = sum(len(paragraph.ends) for paragraph in all_paragraphs)
    for name, result in overall.items():
        print(_row("overall", name, gold, result))
    report["overall"] = {name: result.as_dict() for name, result in overall.items()}
    report["seconds"] = {name: round(value, 3) for name, value in seconds.items()}
    if "pysbd" in systems and "somajo" in systems:
        report["adjudicated"] = adjudicated(all_paragraphs, predicted_all, file_ranges)
    speed = time_one_megabyte(all_paragraphs)
    report["ours_1mb"] = speed
    print(
        f"\nours on {speed['bytes']:,} bytes of German: {speed['seconds']:.3f} s "
        f"({speed['sentences']:,} sentences)"
    )
    if args.show_errors:
        show_errors(all_paragraphs, predicted_all, args.show_errors)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"\nwrote {args.output}")
    return 0


def adjudicated(
    paragraphs: list[Paragraph],
    predicted: dict[str, list[set[int]]],
    file_ranges: dict[str, tuple[int, int]],
) -> dict[str, dict[str, dict[str, float]]]:
    """Scores with the gold's blind spots set aside, printed as a second table.

    Some source lines hold two sentences (a translator split one sentence in two), so a
    correct split inside a line counts as a false positive. Where both independent
    splitters (pysbd and SoMaJo) end a sentence inside a line, that position is ignored for
    every system alike.
    """
    ignored = [
        (pysbd_ends & somajo_ends) - paragraph.ends
        for paragraph, pysbd_ends, somajo_ends in zip(
            paragraphs, predicted["pysbd"], predicted["somajo"], strict=True
        )
    ]
    total = sum(len(positions) for positions in ignored)
    print(f"\nadjudicated: {total} ends inside a line that pysbd and SoMaJo both find are ignored")
    print(f"{'file':<16}{'system':<8}{'gold':>6}{'tp':>6}{'fp':>5}{'fn':>5}", end="")
    print(f"{'prec':>8}{'recall':>8}{'F1':>8}")
    report: dict[str, dict[str, dict[str, float]]] = {}
    for label, (first, last) in [*file_ranges.items(), ("overall", (0, len(paragraphs)))]:
        gold = sum(len(paragraph.ends) for paragraph in paragraphs[first:last])
        report[label] = {}
        for name, ends in predicted.items():
            result = score(paragraphs[first:last], ends[first:last], ignored[first:last])
            report[label][name] = result.as_dict()
            print(_row(label, name, gold, result))
    return report


def _row(file: str, system: str, gold: int, result: Score) -> str:
    return (
        f"{file:<16}{system:<8}{gold:>6}{result.tp:>6}{result.fp:>5}{result.fn:>5}"
        f"{result.precision:>8.4f}{result.recall:>8.4f}{result.f1:>8.4f}"
    )


if __name__ == "__main__":
    sys.exit(main())
