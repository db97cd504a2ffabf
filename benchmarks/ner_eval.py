"""Score the shipped NER model on held-out GermEval 2014 dev and measure its speed.

    uv run python benchmarks/ner_eval.py [--model resources/ner/de_reader_crf]
        [--data ../shared/data/ner | --file ANY-GERMEVAL.tsv] [--out bench-results/ner.json]

``--file`` scores any file in the GermEval 2014 TSV format instead of dev (another split).

Exact-match span P/R/F1 per label; "overall" is micro-averaged over PER/LOC/ORG on the outer
level (GermEval deriv/part tags count as O). MISC is scored against GermEval's OTH and
reported separately. Scored three ways: the raw model; with the reader's German rules
(``refine_spans``) as the app runs it, where a name the rules cut out of a longer word
("US" in "US-Präsident") is scored against GermEval's own class for that, the *part tags,
in a row of its own; and the same rules counted strictly (every such name part a false
positive against the outer level). Speed is words per second on one thread. The model is
run through ``EntityRecognizer`` (a CRF model folder or a spaCy pipeline folder), as the app
runs it. "rules + consistency" adds the document-level label vote the app runs over a whole
document (``reader/core/entities/consistency.py``), with the sentences of one GermEval source
article as a document; nearly every dev sentence is an article of its own, so this mostly
measures the vote inside single sentences.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

import ner_data  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=ROOT / "resources/ner/de_reader_crf")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/ner")
    parser.add_argument("--file", type=Path, help="a GermEval 2014 TSV file (default: dev)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results/ner.json")
    args = parser.parse_args()

    dev_path = args.file or args.data / "germeval2014" / "NER-de-dev.tsv"
    if not dev_path.is_file():
        print(f"GermEval file not found at {dev_path}", file=sys.stderr)
        return 1
    from reader.core.entities.cues import LEVERS
    from reader.core.entities.recognizer import EntityRecognizer
    from reader.core.entities.rules import refine_spans

    started = time.perf_counter()
    load_cpu_started = time.process_time()
    recognizer = EntityRecognizer(args.model)
    recognizer.load()
    load_seconds = time.perf_counter() - started
    load_cpu_seconds = time.process_time() - load_cpu_started

    dev = ner_data.read_germeval(dev_path)
    dev_parts = ner_data.read_germeval(dev_path, mapping=ner_data.GERMEVAL_PART_MAP)
    pairs = [ner_data.to_text(words, tags) for words, tags in dev]
    part_gold = [ner_data.to_text(words, tags)[1] for words, tags in dev_parts]
    texts = [text for text, _ in pairs]
    words = sum(len(w) for w, _ in dev)

    recognizer.spans(texts[:50])  # warm-up
    # CPU time as well as wall time: the machine is shared, and one thread's CPU time is what
    # the pipeline costs; wall time depends on who else is running.
    started = time.perf_counter()
    cpu_started = time.process_time()
    found = recognizer.spans(texts)
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started

    raw = ner_data.Scorer()
    ruled = ner_data.Scorer()
    strict = ner_data.Scorer()
    parts = ner_data.Counts()
    for (text, gold), spans, gold_parts in zip(pairs, found, part_gold, strict=True):
        raw.add(gold, [ner_data.Span(s.start, s.end, s.label) for s in spans])
        refined = [ner_data.Span(s.start, s.end, s.label) for s in refine_spans(text, spans)]
        strict.add(gold, refined)
        inner = [s for s in refined if _inside_a_word(text, s)]
        ruled.add(gold, [s for s in refined if s not in inner])
        _score_parts(parts, gold_parts, inner)

    # The document-level vote and the context cues, one GermEval source article as a document.
    scored_started = time.process_time()
    recognizer.scored_spans(texts)  # timed: the confidences the vote needs
    scored_cpu_seconds = time.process_time() - scored_started
    articles: dict[str, list[int]] = {}
    for index, source in enumerate(_sources(dev_path)):
        articles.setdefault(source, []).append(index)

    def as_app(levers: tuple[str, ...]) -> ner_data.Scorer:
        """Scores of ``document_spans`` (vote, rules, the context cues in ``levers``)."""
        scorer = ner_data.Scorer()
        for members in articles.values():
            found = recognizer.document_spans([texts[i] for i in members], levers)
            for i, spans in zip(members, found, strict=True):
                text, gold = pairs[i]
                kept = [ner_data.Span(s.start, s.end, s.label) for s in spans]
                scorer.add(gold, [s for s in kept if not _inside_a_word(text, s)])
        return scorer

    consistent = as_app(())
    cued = as_app(LEVERS)
    # Each context cue alone on top of the vote and the rules.
    lever_reports = {lever: as_app((lever,)).report() for lever in LEVERS}

    size = sum(p.stat().st_size for p in args.model.rglob("*") if p.is_file())
    result = {
        "model": str(args.model),
        "data": str(dev_path),
        "dev_sentences": len(dev),
        "words": words,
        "words_per_second": round(words / seconds),
        "words_per_cpu_second": round(words / cpu_seconds),
        "load_seconds": round(load_seconds, 3),
        "load_cpu_seconds": round(load_cpu_seconds, 3),
        # with the confidences the document-level vote needs, as the app's recognize() runs
        "scored_words_per_cpu_second": round(words / scored_cpu_seconds),
        "model_bytes": size,
        "raw_model": raw.report(),
        "with_rules": ruled.report(),
        "with_rules_name_parts": parts.scores(),
        "with_rules_strict": strict.report(),
        "with_rules_and_consistency": consistent.report(),
        "with_cues": cued.report(),
        "each_cue": lever_reports,
        "articles": len(articles),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1), encoding="utf-8")

    print(f"{dev_path.name}: {len(dev)} sentences, {words} words; model {size / 1e6:.1f} MB")
    reports = (
        ("raw model", result["raw_model"]),
        ("with rules", result["with_rules"]),
        ("rules, strict", result["with_rules_strict"]),
        (f"rules + consistency ({len(articles)} articles)", result["with_rules_and_consistency"]),
        ("rules + consistency + context cues (the app)", result["with_cues"]),
    )
    for name, report in reports:
        print(f"\n{name}:  label      P      R     F1  support")
        for label in ("PER", "LOC", "ORG", "overall", "MISC"):
            r = report[label]
            shown = "MISC(OTH)" if label == "MISC" else label
            print(f"  {shown:>17} {r['p']:.3f} {r['r']:.3f} {r['f1']:.3f} {r['support']:>6}")
        if name == "with rules":
            r = result["with_rules_name_parts"]
            row = f"{r['p']:.3f} {r['r']:.3f} {r['f1']:.3f} {r['support']:>6}"
            print(f"  {'name parts (*part)':>17} {row}")
    print("\neach context cue alone on rules + consistency: P R F1 | PER LOC ORG | MISC")
    for lever, report in lever_reports.items():
        o = report["overall"]
        per, loc, org = (report[k]["f1"] for k in ("PER", "LOC", "ORG"))
        print(
            f"  {lever:>9} {o['p']:.3f} {o['r']:.3f} {o['f1']:.3f} | "
            f"{per:.3f} {loc:.3f} {org:.3f} | {report['MISC']['f1']:.3f}"
        )
    print(
        f"\nspeed: {result['words_per_second']:,} words/s wall, "
        f"{result['words_per_cpu_second']:,} words per CPU-second (1 thread); "
        f"load {load_seconds:.2f}s ({load_cpu_seconds:.2f} CPU-s); "
        "with confidences (as the app runs it) "
        f"{result['scored_words_per_cpu_second']:,} words per CPU-second"
    )
    print(f"written {args.out}")
    return 0


def _sources(path: Path) -> list[str]:
    """The source article of each sentence: the URL on its "#" line."""
    sources: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#\t"):
            sources.append(line.split("\t")[1])
    return sources


def _inside_a_word(text: str, span: ner_data.Span) -> bool:
    """A span that starts or ends inside a space-separated token: a name part."""
    starts_inside = span.start > 0 and not text[span.start - 1].isspace()
    ends_inside = span.end < len(text) and not text[span.end].isspace()
    return starts_inside or ends_inside


def _score_parts(
    counts: ner_data.Counts, gold: list[ner_data.Span], predicted: list[ner_data.Span]
) -> None:
    """Name parts against GermEval *part tokens: right when inside one of the same label."""
    found: set[ner_data.Span] = set()
    for span in predicted:
        hit = next(
            (
                g
                for g in gold
                if g.label == span.label and g.start <= span.start and span.end <= g.end
            ),
            None,
        )
        if hit is None:
            counts.fp += 1
        else:
            counts.tp += 1
            found.add(hit)
    counts.fn += sum(1 for g in gold if g.label != "MISC" and g not in found)


if __name__ == "__main__":
    raise SystemExit(main())
