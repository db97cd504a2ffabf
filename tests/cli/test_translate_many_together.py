"""``reader translate -o``: documents go through the model together, each gets its own."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.cli import run_command
from reader.cli.batch import Job, apart, groups, together
from reader.core.document.model import Translation

DOCUMENTS = {
    "a.txt": "Die Stadt plant eine Brücke. Der Rat stimmt zu.\n",
    "b.txt": "Im Sommer beginnen die Arbeiten.\n",
    "c.txt": "Die Kosten steigen. Die Bürger fragen nach. Der Rat antwortet.\n",
}


@pytest.fixture
def installed(data_dir: Path, tiny_package_dir: Path) -> Path:
    shutil.copytree(tiny_package_dir, data_dir / "data" / "packages" / tiny_package_dir.name)
    return data_dir


def test_documents_share_model_calls_and_keep_their_own_ids(
    installed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core.translation import model_calls

    inputs = tmp_path / "eingang"
    inputs.mkdir()
    for name, text in DOCUMENTS.items():
        (inputs / name).write_text(text, encoding="utf-8")
    calls: list[int] = []
    submit = model_calls.submit

    def spy(translator: object, package: object, items: list[object], **options: object) -> object:
        calls.append(len(items))
        return submit(translator, package, items, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(model_calls, "submit", spy)
    out = tmp_path / "ausgang"
    command = ["translate", str(inputs), "-o", str(out), "--no-cache", "--threads", "1"]
    assert run_command(command) == 0
    assert calls == [6]  # six sentences of three documents in one call
    for name, text in DOCUMENTS.items():
        rows = [json.loads(line) for line in (out / name).with_suffix(".jsonl").open()]
        assert [row["id"] for row in rows] == list(range(len(rows)))
        assert " ".join(row["de"] for row in rows) == text.strip()
        assert [row["en"] for row in rows] == [row["de"] for row in rows]  # the copy model


def _job(name: str, sentences: int) -> Job:
    from reader.core.document.model import Sentence

    segments = tuple(Sentence(i, 0, 0, 1, f"{name}{i}") for i in range(sentences))
    return Job(Path(name), Path(name), None, segments)  # type: ignore[arg-type]


def test_groups_hold_about_the_limit_and_a_long_document_alone() -> None:
    jobs = [_job("a", 3), _job("b", 0), _job("c", 4), _job("d", 9), _job("e", 1)]
    found = [[job.source.name for job in group] for group in groups(jobs, limit=8)]
    assert found == [["a", "b", "c"], ["d"], ["e"]]


def test_apart_gives_each_document_its_sentences_and_ids() -> None:
    group = [_job("a", 2), _job("b", 1)]
    pairs = together(group)
    assert pairs == [(0, "a0"), (1, "a1"), (2, "b0")]
    done = [Translation(i, text, text.upper(), 0.0, ()) for i, text in pairs]
    parts = apart(group, done)
    assert [[(t.sentence_id, t.text) for t in part] for part in parts] == [
        [(0, "A0"), (1, "A1")],
        [(0, "B0")],
    ]
