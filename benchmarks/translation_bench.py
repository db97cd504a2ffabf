"""Translation speed, whole processes side by side: ``reader translate`` against Argos's own
settings and raw CTranslate2, on ~150, ~1,000 and ~10,000-word documents.

Usage: ``uv run python benchmarks/translation_bench.py [--sizes 150,1000,10000]
[--rounds N] [--threads N] [--baseline DIR]``

Every measurement is a fresh process (imports, model load, translation), as a user runs it,
with the real-shape test model (6+6 layers, d_model 512, int8, 32k vocabulary; built once by
``translation_engine_bench.build_real_package``) and the same number of threads:

(a) ``reader translate FILE --no-cache --threads T`` as shipped;
(b) Argos's own settings: per paragraph, ``translate_batch(max_batch_size=32,
    batch_type="tokens")``, one decoder with T threads;
(c) raw CTranslate2: all sentences in one call, 4,096-token batches, one decoder with T
    threads.

With ``--baseline DIR`` (a checkout of other code, e.g. ``git worktree add /tmp/main main``)
its ``reader translate`` runs too, as "before", in the same rounds: before/after side by side.

(b) and (c) decode with beam 4, ``length_penalty=0.2``, ``replace_unknowns`` and get the
reader's own sentences (segmentation happens in this script, not in their process). The
documents are consecutive lines of ``../shared/data/segmentation/wmt16.de`` in paragraphs of
four. The machine is shared: the three run in alternating order, round after round, and the
ratios are taken per round (paired) before the median. Peak memory is each process's own
peak RSS (``wait4``). Before the timed runs the reader translates one sentence once: a
package copied in by hand (as here) is checked in a child process at its first use, once
(the installer checks what it installs); that first use is printed apart. Prints a table
and writes ``bench-results/translation.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from translation_engine_bench import build_article, build_real_package  # noqa: E402

from reader.core.document.loading import load_document  # noqa: E402
from reader.core.document.segmentation import segment_document  # noqa: E402
from reader.core.translation.threads import available_cores  # noqa: E402

RESULTS = ROOT / "bench-results"
RUNNERS = ("reader", "argos", "raw")

# (b) and (c): a few lines of CTranslate2, as a user of Argos or of CTranslate2 would write.
CHILD = r"""
import json, sys
import ctranslate2
sys.path.insert(0, sys.argv[1])
from reader.core.translation.tokenizers import open_tokenizer
from reader.core.packages.store import read_package
from pathlib import Path
mode, package, threads = sys.argv[2], read_package(Path(sys.argv[3])), int(sys.argv[4])
paragraphs = json.loads(Path(sys.argv[5]).read_text(encoding="utf-8"))
tokenizer = open_tokenizer(package.path, package.from_code, package.to_code)
translator = ctranslate2.Translator(
    str(package.model_dir), device="cpu", inter_threads=1, intra_threads=threads
)
options = dict(beam_size=4, length_penalty=0.2, replace_unknowns=True, batch_type="tokens")
if mode == "argos":
    groups, size = paragraphs, 32
else:
    groups, size = [[s for paragraph in paragraphs for s in paragraph]], 4096
english = []
for group in groups:
    results = translator.translate_batch(
        [tokenizer.encode(s) for s in group], max_batch_size=size, **options
    )
    english += [tokenizer.decode_with_spans(r.hypotheses[0])[0] for r in results]
Path(sys.argv[6]).write_text(json.dumps(english), encoding="utf-8")
"""


def write_document(words: int, folder: Path) -> Path:
    """A .txt of about ``words`` words: paragraphs of four WMT16 lines, blank lines between."""
    paragraphs = build_article(words)
    path = folder / f"artikel-{words}.txt"
    path.write_text("\n\n".join(" ".join(p) for p in paragraphs) + "\n", encoding="utf-8")
    return path


def paragraphs_of(path: Path) -> list[list[str]]:
    """The reader's own sentences, grouped by paragraph (Argos translates per paragraph)."""
    groups: dict[int, list[str]] = {}
    for sentence in segment_document(load_document(path)):
        groups.setdefault(sentence.block, []).append(sentence.text)
    return list(groups.values())


def run_process(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, the peak RSS in MiB and the CPU seconds of the process (and its
    children: ``sh`` execs the reader, so that is the reader's own)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{command[:4]} failed with {process.returncode}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def first_use(scratch: Path, data: Path, threads: int, env: dict[str, str]) -> float:
    """``reader translate`` once, on one sentence, before the timed runs: a package copied in
    (not installed through the reader) is checked once, in a child process, at its first
    use, and that verdict is kept; no later run pays it. Returns that run's seconds."""
    warm = scratch / "erster-satz.txt"
    warm.write_text("Die Stadt Köln plant eine neue Brücke.\n", encoding="utf-8")
    command = [sys.executable, "-c", "import sys; from reader.app import main; "
               "sys.exit(main(sys.argv[1:]))", "translate", str(warm), "--no-cache",
               "--threads", str(threads), "--data-dir", str(data)]  # fmt: skip
    return run_process(command, env)[0]


def one_line(text: str) -> str:
    return " ".join(text.split())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="150,1000,10000", help="document sizes in words")
    parser.add_argument("--rounds", type=int, default=2, help="paired rounds per size")
    parser.add_argument("--threads", type=int, default=None, help="default: every core")
    parser.add_argument("--baseline", help="another checkout whose reader runs as 'before'")
    args = parser.parse_args()
    runners = RUNNERS + (("before",) if args.baseline else ())
    threads = args.threads or available_cores()
    package_dir = build_real_package()
    summary: dict[str, object] = {"threads": threads, "cores": os.cpu_count(), "sizes": {}}
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        data = scratch / "reader-data"
        shutil.copytree(package_dir, data / "data" / "packages" / package_dir.name)
        env = {**os.environ, "READER_DATA_DIR": str(data)}
        summary["first_use_s"] = first_use(scratch, data, threads, env)
        print(
            f"first use of the copied package (its one-time check in a child process, as for "
            f"any package placed by hand), one sentence: {summary['first_use_s']:.2f} s",
            flush=True,
        )
        for words in [int(size) for size in args.sizes.split(",")]:
            document = write_document(words, scratch)
            paragraphs = paragraphs_of(document)
            sentences = [s for paragraph in paragraphs for s in paragraph]
            source = scratch / f"sentences-{words}.json"
            source.write_text(json.dumps(paragraphs), encoding="utf-8")
            tsv = scratch / f"reader-{words}.tsv"
            commands = {
                "reader": [
                    sys.executable,
                    "-c",
                    "import sys; from reader.app import main; sys.exit(main(sys.argv[1:]))",
                    "translate",
                    str(document),
                    "--no-cache",
                    "--threads",
                    str(threads),
                    "--format",
                    "tsv",
                    "--data-dir",
                    str(data),
                ],
            }
            for mode in ("argos", "raw"):
                commands[mode] = [
                    sys.executable,
                    "-c",
                    CHILD,
                    str(ROOT),
                    mode,
                    str(package_dir),
                    str(threads),
                    str(source),
                    str(scratch / f"{mode}-{words}.json"),
                ]
            # The reader's output goes to a file so that it can be compared.
            reader_command = commands["reader"]
            commands["reader"] = ["sh", "-c", 'exec "$@" > "$0"', str(tsv), *reader_command]
            if args.baseline:
                before = scratch / f"before-{words}.tsv"
                # Its own code first on the path (``python -c`` puts the working folder first).
                baseline = str(Path(args.baseline).resolve())
                code = f"import sys; sys.path.insert(0, {baseline!r}); " + reader_command[2]
                commands["before"] = ["sh", "-c", 'exec "$@" > "$0"', str(before)]
                commands["before"] += [reader_command[0], "-c", code, *reader_command[3:]]
            runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in runners}
            print(f"~{words} words: {len(sentences)} sentences, {threads} threads", flush=True)
            for round_index in range(args.rounds):
                shift = round_index % len(runners)
                for name in runners[shift:] + runners[:shift]:
                    seconds, peak, cpu = run_process(commands[name], env)
                    runs[name].append((seconds, peak, cpu))
                    print(
                        f"  round {round_index + 1} {name:6} {seconds:7.2f} s {peak:6.0f} MiB "
                        f"cpu {cpu:7.2f} s"
                    )
            ours = [one_line(line.split("\t")[2]) for line in tsv.read_text().splitlines()]
            same = {
                mode: ours
                == [one_line(t) for t in json.loads((scratch / f"{mode}-{words}.json").read_text())]
                for mode in ("argos", "raw")
            }
            rounds = range(args.rounds)
            if args.baseline:
                theirs = [line.split("\t")[2] for line in before.read_text().splitlines()]
                same["before"] = ours == [one_line(t) for t in theirs]
            summary["sizes"][str(words)] = {  # type: ignore[index]
                "words": sum(len(s.split()) for s in sentences),
                "sentences": len(sentences),
                "median_s": {n: statistics.median(r[0] for r in runs[n]) for n in runners},
                "peak_mib": {n: max(r[1] for r in runs[n]) for n in runners},
                # CPU seconds: steadier than wall time on a shared machine (with one thread
                # they are the time it would take on an idle one).
                "median_cpu_s": {n: statistics.median(r[2] for r in runs[n]) for n in runners},
                "cpu_over_raw": {
                    n: statistics.median(runs[n][i][2] / runs["raw"][i][2] for i in rounds)
                    for n in runners
                },
                "over_raw": {
                    n: statistics.median(runs[n][i][0] / runs["raw"][i][0] for i in rounds)
                    for n in runners
                },
                "reader_over_raw": statistics.median(
                    runs["reader"][i][0] / runs["raw"][i][0] for i in rounds
                ),
                "argos_over_reader": statistics.median(
                    runs["argos"][i][0] / runs["reader"][i][0] for i in rounds
                ),
                "same_english_as": same,
                "runs": runs,
            }
    summary["load_average"] = os.getloadavg()[0]
    print()
    print(
        f"{'words':>6} {'sent.':>6} {'reader s':>9} {'argos s':>8} {'raw s':>7} "
        f"{'reader/raw':>10} {'argos/reader':>12} {'peak MiB r/a/c':>16} same"
    )
    for size in summary["sizes"].values():  # type: ignore[attr-defined]
        median, peak = size["median_s"], size["peak_mib"]
        print(
            f"{size['words']:6} {size['sentences']:6} {median['reader']:9.2f} "
            f"{median['argos']:8.2f} {median['raw']:7.2f} {size['reader_over_raw']:10.3f} "
            f"{size['argos_over_reader']:12.2f} "
            f"{peak['reader']:5.0f}/{peak['argos']:4.0f}/{peak['raw']:4.0f} "
            f"{'yes' if all(size['same_english_as'].values()) else 'NO'}"
        )
        cpu, cpu_ratio = size["median_cpu_s"], size["cpu_over_raw"]
        print(
            f"{'':13} CPU s: reader {cpu['reader']:.2f}, raw {cpu['raw']:.2f}, reader/raw "
            f"{cpu_ratio['reader']:.3f}"
        )
        if args.baseline:
            print(
                f"{'':13} before {median['before']:7.2f} s, before/raw "
                f"{size['over_raw']['before']:.3f}, peak {peak['before']:.0f} MiB; CPU "
                f"{cpu['before']:.2f} s, before/raw {cpu_ratio['before']:.3f}"
            )
    print(
        f"threads {threads}, load average {summary['load_average']:.1f} on {os.cpu_count()} "
        "cores; ratios are medians of per-round (paired) ratios"
    )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "translation.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(f"wrote {RESULTS / 'translation.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
