"""``reader --self-test``: check that an installation (source or frozen bundle) really works.

Each check imports or runs one part the application depends on and prints one line:
``ok   NAME  detail`` or ``FAIL NAME  reason``. The exit code is 0 only when every check passed.
It exercises the real code paths (package discovery, the translation engine, the shipped NER
pipeline, bundled files), so a bundle that forgot a shared library, a data file or a hidden
import fails here instead of on a user's machine. No window is opened: Qt is touched only to
load a ``.qm`` into a QTranslator (QtCore).
"""

from __future__ import annotations

import platform
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from reader.core.paths import DataPaths, resolve_paths

# Written for this check; every word is in the test packages' tokenizer training text, so a
# copy model gives it back unchanged.
TRANSLATION_SENTENCE = "Die Stadt Köln plant eine neue Brücke über den Rhein."
NER_SENTENCE = "Angela Merkel traf am Montag in Berlin den Chef von Siemens."
# What tests/fixtures/model_builder.py writes into a copy model's README.
COPY_MODEL_MARK = "The model copies its input"
# Modules never to load (docs/ARCHITECTURE.md): gigabytes, seconds, downloads, telemetry.
FORBIDDEN_MODULES = ("torch", "stanza", "onnxruntime", "minisbd", "argostranslate.translate")
# A string every German qtbase catalogue translates; proves the .qm really loaded.
QT_PROBE = ("QPlatformTheme", "Cancel")


class CheckFailed(Exception):
    """A check ran but found something wrong; the message says what."""


@dataclass(frozen=True)
class CheckResult:
    """One printed line of the self-test."""

    name: str
    passed: bool
    detail: str
    seconds: float

    def line(self) -> str:
        status = "ok  " if self.passed else "FAIL"
        return f"{status} {self.name:<14} {self.detail} ({self.seconds:.2f} s)"


def run_self_test(data_dir: str | None = None, out: TextIO | None = None) -> int:
    """Run every check, print one line each and a summary; return the exit code."""
    out = out if out is not None else sys.stdout
    paths = resolve_paths(data_dir)
    checks: list[tuple[str, Callable[[], str]]] = [
        ("python", _check_python),
        ("ctranslate2", _check_ctranslate2),
        ("sentencepiece", _check_sentencepiece),
        ("argostranslate", lambda: _check_argos(paths)),
        ("spacy", _check_spacy),
        ("ner", _check_ner),
        ("sample", _check_sample),
        ("translation", lambda: _check_translation(paths)),
        ("qt-translator", _check_qt_translator),
        ("no-heavy-deps", _check_forbidden_modules),
    ]
    results = []
    for name, check in checks:
        result = _run(name, check)
        results.append(result)
        print(result.line(), file=out, flush=True)
    failed = [r.name for r in results if not r.passed]
    if failed:
        print(
            f"self-test FAILED: {len(failed)} of {len(results)} checks ({', '.join(failed)})",
            file=out,
            flush=True,
        )
        return 1
    print(f"self-test passed: {len(results)} checks", file=out, flush=True)
    return 0


def _run(name: str, check: Callable[[], str]) -> CheckResult:
    started = time.perf_counter()
    try:
        detail = check()
        passed = True
    except CheckFailed as error:
        detail, passed = str(error), False
    except Exception as error:  # a broken bundle fails in any way; report, never crash
        detail, passed = f"{type(error).__name__}: {error}", False
    return CheckResult(name, passed, detail, time.perf_counter() - started)


def _check_python() -> str:
    layout = "frozen bundle" if getattr(sys, "frozen", False) else "source"
    return f"{platform.python_version()} ({layout})"


def _check_ctranslate2() -> str:
    import ctranslate2

    # Asking for compute types loads the shared library's CPU backend for real.
    compute_types = sorted(ctranslate2.get_supported_compute_types("cpu"))
    if "float32" not in compute_types:
        raise CheckFailed(f"no float32 on CPU (has {compute_types})")
    return f"{ctranslate2.__version__} (cpu: {', '.join(compute_types)})"


def _check_sentencepiece() -> str:
    import sentencepiece

    return str(sentencepiece.__version__)


def _check_argos(paths: DataPaths) -> str:
    from reader.core.translation.argos_import import import_argos_package

    package_module = import_argos_package(paths.cache / "argos")
    if not hasattr(package_module, "get_installed_packages"):
        raise CheckFailed("argostranslate.package has no get_installed_packages")
    return f"{_distribution_version('argostranslate')} (argostranslate.package)"


def _check_spacy() -> str:
    import spacy

    nlp = spacy.blank("de")
    words = [token.text for token in nlp("Das ist z. B. ein Test.")]
    if "z." not in words:
        raise CheckFailed(f"German tokenizer exceptions missing: {words}")
    return f"{spacy.about.__version__} (German language data)"


def _check_ner() -> str:
    from reader.core.document.model import Block, BlockKind, Document
    from reader.core.document.segmentation import segment_document
    from reader.core.entities.recognizer import EntityRecognizer

    recognizer = EntityRecognizer()
    document = Document("self-test", (Block(0, BlockKind.PARAGRAPH, NER_SENTENCE),))
    entities = recognizer.recognize(document, segment_document(document))
    if not entities:
        raise CheckFailed(f"{recognizer.name or 'pipeline'} found no entity in {NER_SENTENCE!r}")
    found = ", ".join(f"{e.label.value} {e.text}" for e in entities)
    return f"{recognizer.name}: {found}"


def _check_sample() -> str:
    from reader.core.bundled import sample_article
    from reader.core.document.loading import load_document
    from reader.core.document.segmentation import segment_document

    # Markdown, the HTML sanitizer and the segmenter on the article the window opens first.
    document = load_document(sample_article())
    sentences = segment_document(document)
    if not sentences:
        raise CheckFailed(f"no sentences in {sample_article()}")
    return f"{sample_article().name}: {len(document.blocks)} blocks, {len(sentences)} sentences"


def _check_translation(paths: DataPaths) -> str:
    from reader.core.packages.check import check_model
    from reader.core.packages.store import find_translation_package, package_dirs, scan_packages
    from reader.core.translation.engine import TranslationEngine
    from reader.core.translation.tokenizers import open_tokenizer

    dirs = package_dirs(paths)
    packages, _broken = scan_packages(dirs)
    package = find_translation_package(packages, "de", "en")
    if package is None:
        searched = ", ".join(str(directory) for directory, _ours in dirs)
        raise CheckFailed(
            f"no de→en package installed (searched {searched}); install one with "
            "'reader models install FILE' or point ARGOS_PACKAGES_DIR at a folder holding one"
        )
    # The installer's load check runs in a child (a multiprocessing spawn when frozen).
    check_model(package.path)
    engine = TranslationEngine(package, threads=1, cache=None)
    try:
        [translation] = engine.translate([(0, TRANSLATION_SENTENCE)], align=False)
    finally:
        engine.close()
    english = translation.text
    tokenizer = open_tokenizer(package.path, package.from_code, package.to_code)
    round_trip, _spans = tokenizer.decode_with_spans(tokenizer.encode(TRANSLATION_SENTENCE))
    if _is_copy_model(package.path):
        if english != round_trip:
            raise CheckFailed(f"copy model answered {english!r}, expected {round_trip!r}")
        return (
            f"{package.code} {package.package_version}: loads in a child process, "
            "copy model answered exactly"
        )
    if not english.strip() or english == TRANSLATION_SENTENCE:
        raise CheckFailed(f"{package.code} gave no translation: {english!r}")
    return f"{package.code} {package.package_version}: loads in a child process, {english!r}"


def _check_qt_translator() -> str:
    import PySide6
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from reader.core.bundled import translations_dir

    translator = QTranslator()
    own = translations_dir() / "reader_de.qm"
    if own.is_file():
        if not translator.load(str(own)) or translator.isEmpty():
            raise CheckFailed(f"could not load {own}")
        language = translator.language()
        if language and not language.startswith("de"):
            raise CheckFailed(f"{own} is a {language!r} catalogue")
        return f"reader_de.qm, language {language or 'unset'} ({own})"
    qt_dirs = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    qt_dirs.append(Path(PySide6.__file__).resolve().parent / "Qt" / "translations")
    qt_file = next((d / "qtbase_de.qm" for d in qt_dirs if (d / "qtbase_de.qm").is_file()), None)
    if qt_file is None or not translator.load(str(qt_file)) or translator.isEmpty():
        searched = ", ".join(str(d) for d in qt_dirs)
        raise CheckFailed(f"no reader_de.qm in {translations_dir()}, no qtbase_de.qm in {searched}")
    german = translator.translate(*QT_PROBE)
    if not german or german == QT_PROBE[1]:
        raise CheckFailed(f"{qt_file} does not translate {QT_PROBE[1]!r}")
    return f"qtbase_de.qm, no reader_de.qm yet ({QT_PROBE[1]} → {german})"


def _check_forbidden_modules() -> str:
    loaded = sorted(name for name in FORBIDDEN_MODULES if name in sys.modules)
    if loaded:
        raise CheckFailed(f"loaded: {', '.join(loaded)}")
    return "no torch, stanza, onnxruntime or argostranslate.translate loaded"


def _is_copy_model(package_dir: Path) -> bool:
    try:
        readme = (package_dir / "README.md").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return COPY_MODEL_MARK in readme


def _distribution_version(name: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "version unknown"
