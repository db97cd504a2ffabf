"""How soon a long document's names show where the reader is, while it translates.

Usage: ``uv run python benchmarks/names_first_bench.py [--sentences 2000] [--rounds 2]
[--ref CHECKOUT]``

Each run is a fresh process with the real window (offscreen, 1000x700), the shipped name
recognizer in its child process and the real-shape test model (built as in
``translation_bench.py``), every core, no cache: the first ~``sentences`` lines of
``../shared/data/segmentation/wmt14.de`` in paragraphs of four (a .txt) are opened, and
from ``open_file`` it measures when the first names of the sentences on screen are known
(``names on screen``) and when the whole document's are (``all names``, the names panel's
count), while the English streams in. ``--ref CHECKOUT`` runs another checkout's window in
the same rounds, in alternating order. Prints each run and the medians; writes
``bench-results/names_first.json``.
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from translation_engine_bench import build_real_package  # noqa: E402
from window_vs_cli_bench import fresh_data, write_document  # noqa: E402

RESULTS = ROOT / "bench-results"

WINDOW = r"""
import json, os, sys, time
sys.path.insert(0, sys.argv[1])
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QTimer
from reader.core.paths import resolve_paths
from reader.ui.application import create_application
from reader.ui.settings import Settings
from reader.ui.window.main_window import MainWindow

paths = resolve_paths(sys.argv[2]).ensure()
app = create_application()
window = MainWindow(paths, Settings.for_paths(paths))
window.resize(1000, 700)
window.show()
marks = {}

def poll():
    now = time.perf_counter() - started
    entities = window.entities
    if "screen" not in marks and entities.entities:
        visible = set(window.view.visible_sentence_ids())
        if any(e.sentence_id in visible for e in entities.entities):
            marks["screen"] = now
            marks["done_then"] = len(window.translation.translations)
    if "screen" in marks and "all" in marks:
        app.quit()
    elif now > 300:
        app.quit()

def on_changed(count):
    marks.setdefault("all", time.perf_counter() - started)
    marks["count"] = count

window.entities.entities_changed.connect(on_changed)
timer = QTimer()
timer.timeout.connect(poll)
timer.start(5)
started = time.perf_counter()
window.open_file(Path(sys.argv[3]))
app.exec()
print(json.dumps(marks))
window.translation.stop(silent=True)
window.close()
"""


def run(checkout: Path, data: Path, document: Path) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, "-c", WINDOW, str(checkout), str(data), str(document)],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ,
        timeout=900,
    ).stdout
    row: dict[str, float] = json.loads(output.strip().splitlines()[-1])
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--ref", type=Path, default=None, help="another checkout's window")
    args = parser.parse_args()
    package = build_real_package()
    names = ["this"] + (["ref"] if args.ref else [])
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in names}
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        document = write_document(args.sentences, scratch)
        for index in range(args.rounds):
            for name in names if index % 2 == 0 else names[::-1]:
                data = fresh_data(package, scratch / f"data-{name}-{index}")
                row = run(ROOT if name == "this" else args.ref, data, document)
                runs[name].append(row)
                print(
                    f"round {index + 1} {name:4}: names on screen {row.get('screen', -1):6.2f} s"
                    f" (with {row.get('done_then', 0):.0f} sentences in English by then), all"
                    f" {row.get('count', 0):.0f} names {row.get('all', -1):6.2f} s",
                    flush=True,
                )
    summary: dict[str, object] = {"runs": runs, "load_average": os.getloadavg()[0]}
    for name, rows in runs.items():
        screen = statistics.median(r.get("screen", float("nan")) for r in rows)
        whole = statistics.median(r.get("all", float("nan")) for r in rows)
        summary[name] = {"names_on_screen_s": screen, "all_names_s": whole}
        print(f"{name}: names on screen median {screen:.2f} s, all names {whole:.2f} s")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "names_first.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(f"load average {summary['load_average']:.1f}; wrote {RESULTS / 'names_first.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
