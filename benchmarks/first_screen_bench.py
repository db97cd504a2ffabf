"""The first screen first: how soon the sentences on screen have English in the window.

Usage: ``uv run python benchmarks/first_screen_bench.py [--article 1000] [--long 10000]
[--jump 0.6] [--rounds 2] [--ref CHECKOUT]``

Each round runs two fresh processes with the real window (offscreen, 1000×700) and the
real-shape test model (built as in ``translation_bench.py``), no cache:

- open: a ~``article``-word .txt is opened; measured from ``open_file`` to every sentence
  visible in the first screen showing its English (model load included; target 2 s);
- jump: a ~``long``-word .txt is opened, its first screen is waited for, then the view jumps
  to the sentence ``jump`` (60 %) of the way through; measured from the jump to every
  visible sentence showing its English (target 1 s).

"Showing its English" is read from the view itself (``english_for``), polled every 5 ms on
the GUI thread. After a jump it also prints when the view settled (the controller then
reorders) and when each batch arrived, with its size: the batch running at the jump must
finish before the reordered job starts. ``--ref CHECKOUT`` (e.g. ``git archive main | tar -x
-C /tmp/mainref``) runs another checkout's window in the same rounds, in alternating order.
Prints each run and the medians; writes ``bench-results/first_screen.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import cast

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

RESULTS = ROOT / "bench-results"
TARGETS = {"open": 2.0, "jump": 1.0}

CHILD = r"""
import json, os, shutil, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QEventLoop, QTimer
from reader.core.paths import resolve_paths
from reader.ui.application import create_application
from reader.ui.settings import Settings
from reader.ui.window.main_window import MainWindow
from reader.workers.entity_worker import EntityService
from reader.workers.translation_worker import TranslationService

class NoNames:
    def recognize(self, _document, _sentences):
        return ()

mode, jump = sys.argv[5], float(sys.argv[6])
paths = resolve_paths(sys.argv[2]).ensure()
package = Path(sys.argv[3])
shutil.copytree(package, paths.packages / package.name, dirs_exist_ok=True)
app = create_application()
window = MainWindow(
    paths,
    Settings.for_paths(paths),
    translations=TranslationService(cache_path=None),
    entities=EntityService(factory=lambda: NoNames()),
)
window.resize(1000, 700)
window.show()
view = window.view

def screen_done():
    visible = view.visible_sentence_ids()
    return bool(visible) and all(
        view.english_for(sid) is not None
        for sid in visible
        if (view.german_for(sid) or "").strip()
    ), len(visible)

def wait_for_screen(limit_s=600.0):
    loop = QEventLoop()
    seen = [0]
    def poll():
        done, count = screen_done()
        seen[0] = count
        if done or time.perf_counter() - started > limit_s:
            loop.quit()
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(poll)
    started = time.perf_counter()
    timer.start()
    loop.exec()
    timer.stop()
    return time.perf_counter() - started, seen[0]

started = time.perf_counter()
window.open_file(Path(sys.argv[4]))
_seconds, first_visible = wait_for_screen()
result = {"open_s": time.perf_counter() - started, "visible": first_visible,
          "sentences": len(view.sentence_ids())}
if mode == "jump":
    ids = view.sentence_ids()
    target = ids[int(len(ids) * jump)]
    events = []
    view.visible_range_settled.connect(
        lambda: events.append(("settled", time.perf_counter() - jumped, 0))
    )
    window.translation.service.batch_translated.connect(
        lambda _job, batch: events.append(("batch", time.perf_counter() - jumped, len(batch)))
    )
    jumped = time.perf_counter()
    view.scroll_to_sentence(target)
    _seconds, visible = wait_for_screen()
    result.update(jump_s=time.perf_counter() - jumped, jump_visible=visible,
                  jump_sentence=target,
                  translated_before_jump=sum(1 for s in ids if view.english_for(s) is not None),
                  events=[e for e in events if e[1] <= _seconds + 0.01])
print(json.dumps(result))
window.translation.stop(silent=True)
window.close()
"""


def run_child(
    mode: str, document: Path, package: Path, data: Path, jump: float, checkout: Path = ROOT
) -> dict[str, float]:
    command = [sys.executable, "-c", CHILD, str(checkout), str(data), str(package), str(document)]
    result = subprocess.run(
        [*command, mode, str(jump)], capture_output=True, text=True, check=True, env=os.environ
    )
    row: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return row


def main() -> int:
    from translation_bench import write_document
    from translation_engine_bench import build_real_package

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--article", type=int, default=1000, help="words of the opened article")
    parser.add_argument("--long", type=int, default=10000, help="words of the jumped document")
    parser.add_argument("--jump", type=float, default=0.6, help="where to jump (0..1)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--ref", type=Path, default=None, help="another checkout, side by side")
    args = parser.parse_args()
    package = build_real_package()
    checkouts = {"this": ROOT} | ({"ref": args.ref} if args.ref is not None else {})
    opens: dict[str, list[dict[str, float]]] = {name: [] for name in checkouts}
    jumps: dict[str, list[dict[str, float]]] = {name: [] for name in checkouts}
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        article = write_document(args.article, scratch)
        long_document = write_document(args.long, scratch)
        for index in range(args.rounds):
            order = list(checkouts.items())
            for name, checkout in order if index % 2 == 0 else order[::-1]:
                data = scratch / f"{name}-open-{index}"
                row = run_child("open", article, package, data, args.jump, checkout)
                opens[name].append(row)
                print(
                    f"round {index + 1} {name} open {args.article} words: first screen "
                    f"({row['visible']} sentences) in {row['open_s']:.2f} s",
                    flush=True,
                )
                data = scratch / f"{name}-jump-{index}"
                row = run_child("jump", long_document, package, data, args.jump, checkout)
                jumps[name].append(row)
                print(
                    f"round {index + 1} {name} jump to {args.jump:.0%} of {args.long} words "
                    f"({row['sentences']} sentences): screen ({row['jump_visible']} sentences) "
                    f"in {row['jump_s']:.2f} s (first screen {row['open_s']:.2f} s)",
                    flush=True,
                )
                events = cast(list[tuple[str, float, int]], row["events"])
                steps = ", ".join(f"{kind} {at:.2f} s ({size})" for kind, at, size in events)
                print(f"  after the jump: {steps}", flush=True)
    summary = {
        "cores": os.cpu_count(),
        "load_average": os.getloadavg()[0],
        "open": {
            "words": args.article,
            "median_s": statistics.median(r["open_s"] for r in opens["this"]),
            "target_s": TARGETS["open"],
            "runs": opens["this"],
        },
        "jump": {
            "words": args.long,
            "at": args.jump,
            "median_s": statistics.median(r["jump_s"] for r in jumps["this"]),
            "target_s": TARGETS["jump"],
            "runs": jumps["this"],
        },
    }
    if args.ref is not None:
        summary["ref"] = {
            "open_median_s": statistics.median(r["open_s"] for r in opens["ref"]),
            "jump_median_s": statistics.median(r["jump_s"] for r in jumps["ref"]),
            "open_runs": opens["ref"],
            "jump_runs": jumps["ref"],
        }
    for name in ("open", "jump"):
        part: dict[str, float] = summary[name]  # type: ignore[assignment]
        line = f"{name:>4}: median {part['median_s']:.2f} s (target {part['target_s']:.0f} s)"
        if args.ref is not None:
            line += f"; ref {summary['ref'][f'{name}_median_s']:.2f} s"  # type: ignore[index]
        print(line)
    print(f"load average {summary['load_average']:.1f}")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "first_screen.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(f"wrote {RESULTS / 'first_screen.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
