"""The Checks panel's list follows the findings by touching only the sentences that changed."""

from __future__ import annotations

import random

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from reader.core.checks.model import CheckKind, Finding
from reader.ui.checks.findings_list import FindingsList


def _finding(number: int) -> Finding:
    return Finding(CheckKind.NUMBER, 0, 2, str(number), str(number), str(number + 1))


class _Maker:
    """Makes one item per finding and records which sentences it was asked for."""

    def __init__(self) -> None:
        self.asked: list[int] = []

    def __call__(
        self, sentence_id: int, position: int, findings: tuple[Finding, ...]
    ) -> list[QListWidgetItem]:
        self.asked.append(sentence_id)
        items = []
        for finding in findings:
            item = QListWidgetItem(f"{position + 1}:{finding.de}")
            item.setData(Qt.ItemDataRole.UserRole, sentence_id)
            items.append(item)
        return items


def _texts(widget: QListWidget) -> list[str]:
    return [widget.item(row).text() for row in range(widget.count())]


def _rebuilt(order: list[int], findings: dict[int, tuple[Finding, ...]]) -> list[str]:
    """What clearing and refilling the whole list would show."""
    position = {sid: index for index, sid in enumerate(order)}
    return [
        f"{position[sid] + 1}:{finding.de}" for sid in order for finding in findings.get(sid, ())
    ]


def test_only_changed_sentences_are_made_again_in_reading_order(qtbot) -> None:
    widget = QListWidget()
    qtbot.addWidget(widget)
    maker = _Maker()
    listing = FindingsList(widget, maker)
    order = [30, 10, 20, 40]  # reading order is not id order
    findings = {20: (_finding(1),), 40: (_finding(2), _finding(3))}
    listing.update(order, findings)
    assert _texts(widget) == ["3:1", "4:2", "4:3"]
    maker.asked.clear()

    findings = {**findings, 30: (_finding(4),)}  # a batch flagged one more sentence
    listing.update(order, findings)
    assert maker.asked == [30]
    assert _texts(widget) == ["1:4", "3:1", "4:2", "4:3"]

    maker.asked.clear()
    findings = {30: findings[30], 40: (_finding(5),)}  # 20 is fine now, 40 changed
    listing.update(order, findings)
    assert maker.asked == [40]
    assert _texts(widget) == ["1:4", "4:5"]
    assert [widget.item(r).data(Qt.ItemDataRole.UserRole) for r in range(2)] == [30, 40]


def test_another_order_starts_afresh_and_ids_outside_it_are_not_listed(qtbot) -> None:
    widget = QListWidget()
    qtbot.addWidget(widget)
    listing = FindingsList(widget, _Maker())
    listing.update([1, 2], {1: (_finding(1),), 2: (_finding(2),)})
    listing.update([2, 7], {2: (_finding(2),), 9: (_finding(9),)})  # another document
    assert _texts(widget) == ["1:2"]


def test_any_sequence_of_updates_shows_what_a_full_rebuild_shows(qtbot) -> None:
    widget = QListWidget()
    qtbot.addWidget(widget)
    listing = FindingsList(widget, _Maker())
    rng = random.Random(16)
    order = rng.sample(range(100), 40)
    findings: dict[int, tuple[Finding, ...]] = {}
    for _step in range(60):
        for sid in rng.sample(order, 5):
            count = rng.randrange(3)
            if count:
                findings[sid] = tuple(_finding(rng.randrange(1000)) for _n in range(count))
            else:
                findings.pop(sid, None)
        listing.update(order, dict(findings))
        assert _texts(widget) == _rebuilt(order, findings)
