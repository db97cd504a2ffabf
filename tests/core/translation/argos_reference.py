"""Run Argos Translate's own ``apply_packaged_translation`` in a subprocess (test helper).

``argostranslate.translate`` imports stanza and minisbd (not installed here; the application
never imports that module) and spacy (slow to import). None of them is used when the input is
one sentence, so the child process stubs them before importing it, points the XDG folders
Argos writes to into a temp dir, and prints Argos's English for each sentence as JSON.
Sentence splitting is bypassed: each input is one sentence, as our engine gets them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

CHILD = r"""
import json, sys, types

for name in ("stanza", "minisbd", "minisbd.models", "spacy"):
    module = types.ModuleType(name)
    module.SBDetect = object
    module.models = module
    module.Pipeline = object
    sys.modules[name] = module

import ctranslate2
from argostranslate import package, translate

request = json.load(sys.stdin)
pkg = package.Package(request["package"])
translator = ctranslate2.Translator(
    request["package"] + "/model", device="cpu", compute_type="auto", intra_threads=1
)


class OneSentence:
    def split_sentences(self, text):
        return [text]


out = []
for sentence in request["sentences"]:
    hypotheses = translate.apply_packaged_translation(
        pkg, sentence, translator, OneSentence(), num_hypotheses=1
    )
    out.append({"text": hypotheses[0].value, "score": hypotheses[0].score})
print(json.dumps(out))
"""


def argos_translations(
    package_dir: Path, sentences: Sequence[str], sandbox: Path
) -> list[dict[str, object]]:
    """Argos's English (and score) for each sentence, computed in a fresh process."""
    env = dict(os.environ)
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[name] = str(sandbox / name.lower())
    env["ARGOS_DEVICE_TYPE"] = "cpu"
    result = subprocess.run(
        [sys.executable, "-c", CHILD],
        input=json.dumps({"package": str(package_dir), "sentences": list(sentences)}),
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])
