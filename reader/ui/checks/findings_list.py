"""The Checks panel's list kept in step with the findings, one sentence at a time.

Findings arrive a check batch at a time while a document translates. Clearing and refilling
the whole list for every batch grew with the document (quadratic over a translation: on the
real-shape model and 1,919 sentences about 4 s of the GUI thread's time, nearly all of it
making list items again); only the sentences whose findings changed are touched here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtWidgets import QListWidget, QListWidgetItem

from reader.core.checks.model import Finding

ItemMaker = Callable[[int, int, tuple[Finding, ...]], list[QListWidgetItem]]


class FindingsList:
    """Fills ``widget`` with the items ``make_items(sentence id, position in the reading
    order, findings)`` gives, sentences in reading order."""

    def __init__(self, widget: QListWidget, make_items: ItemMaker) -> None:
        self._widget = widget
        self._make_items = make_items
        self._order: Sequence[int] | None = None
        self._position: dict[int, int] = {}
        self._shown: dict[int, tuple[Finding, ...]] = {}  # by sentence id, as listed

    def update(self, order: Sequence[int], findings: Mapping[int, tuple[Finding, ...]]) -> None:
        """Show ``findings`` of the sentences in ``order`` (another order: start afresh)."""
        if order is not self._order:
            self._order = order
            self._position = {sid: index for index, sid in enumerate(order)}
            self._shown = {}
            self._widget.clear()
        position = self._position
        changed = sorted(
            (
                sid
                for sid in self._shown.keys() | findings.keys()
                if sid in position and self._shown.get(sid) is not findings.get(sid)
            ),
            key=position.__getitem__,
        )
        for sid in changed:
            row = self._first_row(sid)
            for _finding in self._shown.pop(sid, ()):
                self._widget.takeItem(row)
            found = findings.get(sid, ())
            if found:
                for offset, item in enumerate(self._make_items(sid, position[sid], found)):
                    self._widget.insertItem(row + offset, item)
                self._shown[sid] = found

    def _first_row(self, sentence_id: int) -> int:
        """The list row where ``sentence_id``'s items start (or would start)."""
        position = self._position
        before = position[sentence_id]
        return sum(len(found) for sid, found in self._shown.items() if position[sid] < before)
