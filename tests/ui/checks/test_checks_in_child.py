"""In the window as shipped, the translation check runs in the names' child process: the
findings arrive, and the word tables behind them never load into the window's process
(they are ~110 MiB beside the translation model)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]

WINDOW = r"""
import json, os, re, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QTimer
from reader.core.document.model import Translation
from reader.core.paths import resolve_paths
from reader.ui.application import create_application
from reader.ui.settings import Settings
from reader.ui.window.main_window import MainWindow
from reader.workers.translation_worker import TranslationService
from tests.ui.window_helpers import FakeEngine, install_fake_package


class OffByOne(FakeEngine):
    def translation_for(self, sentence_id, text):
        number = int(re.search(r"\d+", text).group())
        return Translation(sentence_id, text, f"{number + 1} guests came.")


paths = resolve_paths(sys.argv[1]).ensure()
install_fake_package(paths.packages)
settings = Settings.for_paths(paths)
settings.check_translation = True
app = create_application()
engine = OffByOne(batch=8)
translations = TranslationService(cache_path=None, engine_factory=lambda _package: engine)
window = MainWindow(paths, settings, translations=translations)  # the real names' service
window.resize(1000, 700)
window.show()
controller = window.checks.controller
result = {}


def look():
    if len(controller.findings) >= 3:
        result["findings"] = sorted(
            (f.de, f.found) for found in controller.findings.values() for f in found
        )
        result["child"] = window.entities.service.child.running
        from reader.core.entities import crf
        from reader.core.words import nouns

        result["tables_here"] = {
            "crf word lists": crf._read_once.cache_info().currsize,
            "noun table": nouns._shipped.cache_info().currsize,
            "simplemma": int("simplemma" in sys.modules),
        }
        app.quit()


timer = QTimer()
timer.timeout.connect(look)
timer.start(50)
QTimer.singleShot(90_000, app.quit)
window.open_file(Path(sys.argv[2]))
app.exec()
window.close()
print(json.dumps(result))
"""


def test_the_window_checks_in_the_child_process_without_its_word_tables(tmp_path: Path) -> None:
    document = tmp_path / "gaeste.txt"
    document.write_text("\n\n".join(f"Es kamen {n} Gäste." for n in (12, 30, 45)), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", WINDOW, str(tmp_path / "data"), str(document)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result.get("findings") == [["12", "13"], ["30", "31"], ["45", "46"]], done.stderr[-2000:]
    assert result["child"] is True
    assert result["tables_here"] == {"crf word lists": 0, "noun table": 0, "simplemma": 0}
