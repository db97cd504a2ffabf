"""The window's model calls alone: CPU time and peak memory of its streaming plan.

Usage: ``uv run python benchmarks/window_calls_bench.py [--sentences 1919] [--calls 384,512]
[--in-flight 16] [--rounds 1] [--ref CHECKOUT]``

Each run is a fresh process that translates the first ``sentences`` lines of
``../shared/data/segmentation/wmt14.de`` with the real-shape test model (built as in
``translation_bench.py``), 2 threads, no cache, alignments on, as the window's translation
thread does (``calls_in_flight=3``: one a decoder and one waiting, visible-first order,
``batch_tokens`` = each ``--calls`` size, at most each ``--in-flight`` sentences decoded at
once), and, for comparison, as ``reader translate`` does (one length-sorted pass). With
``--ref CHECKOUT`` (e.g. ``git archive main | tar -x -C /tmp/mainref``) the window's plan of
that checkout runs too, at its own call size and sentences in flight. Rounds alternate the
order. CPU seconds (user + system of the process, CTranslate2's threads included) vary less
than wall time on a shared machine. Prints each run; writes ``bench-results/window_calls.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from translation_engine_bench import DATA, build_real_package  # noqa: E402

RESULTS = ROOT / "bench-results"

CHILD = r"""
import json, resource, sys, tempfile, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from reader.core.packages.store import read_package
from reader.core.translation.engine import TranslationEngine

lines = Path(sys.argv[3]).read_text(encoding="utf-8").splitlines()
mode, calls, in_flight = sys.argv[4], int(sys.argv[5]), int(sys.argv[6])
verdicts = Path(tempfile.mkdtemp()) / "verdicts"
if mode == "cli":
    engine = TranslationEngine(read_package(Path(sys.argv[2])), threads=2, verdicts_file=verdicts)
else:
    engine = TranslationEngine(
        read_package(Path(sys.argv[2])), threads=2, batch_tokens=calls, calls_in_flight=3,
        verdicts_file=verdicts, **({"sentences_in_flight": in_flight} if in_flight else {}),
    )
engine.load()
before = resource.getrusage(resource.RUSAGE_SELF)
started = time.perf_counter()
engine.translate(list(enumerate(lines)), align=True, by_length=mode == "cli")
after = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({
    "cpu_s": after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime,
    "wall_s": time.perf_counter() - started,
    "peak_mib": after.ru_maxrss / 1024,
    "model_calls": engine.model_calls,
}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=1919)
    parser.add_argument("--calls", default="384,512", help="the window's call sizes to run")
    parser.add_argument(
        "--in-flight",
        default="",
        help="the window's sentences decoded at once to run (default: this checkout's)",
    )
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--ref", type=Path, default=None, help="another checkout's window plan")
    args = parser.parse_args()
    package = build_real_package()
    lines = [
        line.strip()
        for line in (DATA / "wmt14.de").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ][: args.sentences]
    RESULTS.mkdir(exist_ok=True)
    text = RESULTS / "window_calls_input.txt"
    text.write_text("\n".join(lines) + "\n", encoding="utf-8")
    from reader.core.translation.batching import WINDOW_SENTENCES_IN_FLIGHT

    in_flight = [int(n) for n in args.in_flight.split(",")] if args.in_flight else []
    runs: list[tuple[str, Path, str, int, int]] = [("cli", ROOT, "cli", 0, 0)]
    runs += [
        (f"window {size}/{n}", ROOT, "window", int(size), n)
        for size in args.calls.split(",")
        for n in in_flight or [WINDOW_SENTENCES_IN_FLIGHT]
    ]
    if args.ref is not None:
        from reader.core.translation.batching import WINDOW_BATCH_TOKENS

        ref_size = _ref_constant(args.ref, "WINDOW_BATCH_TOKENS", WINDOW_BATCH_TOKENS)
        ref_flight = _ref_constant(args.ref, "WINDOW_SENTENCES_IN_FLIGHT", 0)
        runs.append((f"ref window {ref_size}", args.ref, "window", ref_size, ref_flight))
    results: dict[str, list[dict[str, float]]] = {name: [] for name, *_rest in runs}
    for index in range(args.rounds):
        for name, checkout, mode, size, sentences in runs if index % 2 == 0 else runs[::-1]:
            output = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    CHILD,
                    str(checkout),
                    str(package),
                    str(text),
                    mode,
                    str(size),
                    str(sentences),
                ],
                capture_output=True,
                text=True,
                check=True,
                env=os.environ,
            ).stdout
            row = json.loads(output.strip().splitlines()[-1])
            results[name].append(row)
            print(
                f"round {index + 1} {name:16} CPU {row['cpu_s']:6.1f} s, wall {row['wall_s']:6.1f}"
                f" s, peak {row['peak_mib']:4.0f} MiB, {row['model_calls']} calls",
                flush=True,
            )
    summary = {"sentences": len(lines), "load_average": os.getloadavg()[0], "runs": results}
    (RESULTS / "window_calls.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(f"load average {summary['load_average']:.1f}; wrote {RESULTS / 'window_calls.json'}")
    return 0


def _ref_constant(checkout: Path, name: str, default: int) -> int:
    """A whole-number constant of the other checkout's ``batching.py`` (its window call size,
    its sentences in flight), ``default`` when it has none."""
    source = (checkout / "reader/core/translation/batching.py").read_text(encoding="utf-8")
    for line in source.splitlines():
        if line.startswith(f"{name} ="):
            return int(line.split("=")[1].split("#")[0])
    return default


if __name__ == "__main__":
    sys.exit(main())
