"""Plain-text paragraphs: how many of the true paragraphs come out exactly, old rule vs new.

    uv run python benchmarks/text_layout_bench.py [--data DIR]

Reads real German news (WMT newstest, one sentence a line, document order) from
``../shared/data/segmentation`` and lays it out three ways: one paragraph per line (as news
dumps and pasted web text come), hard-wrapped at 72 columns with blank lines between
paragraphs, and hard-wrapped without blank lines. Prints the share of true paragraphs each
rule reproduces exactly and writes ``bench-results/text_layout.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reader.core.document.text_layout import text_blocks  # noqa: E402
from reader.core.document.unwrap import split_paragraphs  # noqa: E402

DATA = REPO.parent / "shared" / "data" / "segmentation"
RESULTS = REPO / "bench-results" / "text_layout.json"
SENTENCES_PER_PARAGRAPH = 4
LINES_PER_FILE = 200


def layouts(lines: list[str]) -> dict[str, tuple[str, list[str]]]:
    """Name -> (file text, true paragraphs)."""
    paragraphs = [
        " ".join(lines[i : i + SENTENCES_PER_PARAGRAPH])
        for i in range(0, len(lines), SENTENCES_PER_PARAGRAPH)
    ]
    wrapped = ["\n".join(textwrap.wrap(p, 72)) for p in paragraphs]
    return {
        "one_per_line": ("\n".join(lines), lines),
        "wrapped_blank_lines": ("\n\n".join(wrapped), paragraphs),
        "wrapped_no_blank_lines": ("\n".join(wrapped), paragraphs),
    }


def score(rule: Callable[[str], list[str]], text: str, truth: list[str]) -> tuple[int, int]:
    found = set(rule(text))
    return sum(paragraph in found for paragraph in truth), len(truth)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="folder with wmt14.de, wmt16.de")
    args = parser.parse_args()
    rules: dict[str, Callable[[str], list[str]]] = {
        "old": split_paragraphs,
        "new": lambda text: [b.text for b in text_blocks(text)],
    }
    totals: dict[str, dict[str, list[int]]] = {}
    for name in ("wmt14.de", "wmt16.de"):
        path = args.data / name
        if not path.exists():
            print(f"needs {path}", file=sys.stderr)
            return 1
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        lines = [line for line in lines if line]
        for start in range(0, len(lines), LINES_PER_FILE):
            chunk = lines[start : start + LINES_PER_FILE]
            for layout, (text, truth) in layouts(chunk).items():
                for rule_name, rule in rules.items():
                    hit, count = score(rule, text, truth)
                    entry = totals.setdefault(layout, {}).setdefault(rule_name, [0, 0])
                    entry[0] += hit
                    entry[1] += count
    results = {}
    print(f"{'layout':26} {'old':>8} {'new':>8}   (share of true paragraphs found exactly)")
    for layout, by_rule in totals.items():
        shares = {rule: round(hit / count, 4) for rule, (hit, count) in by_rule.items()}
        results[layout] = {**shares, "paragraphs": by_rule["new"][1]}
        print(f"{layout:26} {shares['old']:8.3f} {shares['new']:8.3f}")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
