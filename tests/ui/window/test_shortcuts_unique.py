"""Every keyboard shortcut of the window does one thing: no two actions share a key."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtGui import QAction, QKeySequence


def test_no_two_actions_share_a_shortcut(make_window) -> None:
    window = make_window()
    owners: dict[str, list[str]] = defaultdict(list)
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            if key:
                owners[key].append(action.text().replace("&", ""))
    shared = {key: names for key, names in owners.items() if len(set(names)) > 1}
    assert len(owners) > 20  # the window's actions were found
    assert shared == {}
