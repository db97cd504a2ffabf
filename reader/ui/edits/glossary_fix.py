"""Use Glossary Term: a glossary finding's one-click fix, previewed before it is made.

From the *Checks* panel's context menu (on a glossary finding) or *Edit › Use Glossary
Term…* (the current sentence's first glossary finding): a small box shows the English now
and with the glossary's term in place of what the German term became
(``reader.core.checks.glossary_fix``); *Replace* makes that the reader's own English of the
sentence (kept, marked and revertible like any edit).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMessageBox, QWidget

from reader.core.checks.glossary_fix import use_glossary_term
from reader.core.checks.model import CheckKind
from reader.ui.checks.controller import ChecksController
from reader.ui.edits.controller import EditsController

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1  # a panel item's finding: its index in the sentence


class GlossaryFixer(QObject):
    """Offers the glossary's English in place of the model's, with a preview.

    Signals:
        preview_shown(int): the preview of a sentence's fix is open.
    """

    preview_shown = Signal(int)

    def __init__(
        self,
        panel: QListWidget,
        checks: ChecksController,
        edits: EditsController,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.panel = panel
        self.checks = checks
        self.edits = edits
        self.window = window
        self.preview: QMessageBox | None = None
        self.action = QAction(self.tr("Use &Glossary Term…"), window)
        self.action.setToolTip(self.tr("Put the glossary's English in place of the model's"))
        self.action.triggered.connect(lambda _checked=False: self.offer_current())
        # The panel's own entry acts on the finding right-clicked there.
        self.panel_action = QAction(self.action.text(), panel)
        self.panel_action.triggered.connect(lambda _checked=False: self.offer_chosen())
        panel.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        panel.addAction(self.panel_action)

    def fix(self, sentence_id: int, index: int) -> str | None:
        """The sentence's English with the term of its ``index``-th finding in place."""
        findings = self.checks.findings.get(sentence_id, ())
        translation = self.checks.translation.translations.get(sentence_id)
        if translation is None or not 0 <= index < len(findings):
            return None
        return use_glossary_term(translation.text, translation.alignment, findings[index])

    def offer_current(self) -> QMessageBox | None:
        """Edit › Use Glossary Term: the current sentence's first glossary finding."""
        sid = self.checks.view.current
        findings = self.checks.findings.get(sid, ())
        glossary = [i for i, f in enumerate(findings) if f.kind is CheckKind.GLOSSARY]
        return self.offer(sid, glossary[0]) if glossary else None

    def offer_chosen(self) -> QMessageBox | None:
        """The panel's context menu: the finding chosen there."""
        chosen = self._chosen(self.panel.currentItem())
        return self.offer(*chosen) if chosen is not None else None

    def offer(self, sentence_id: int, index: int) -> QMessageBox | None:
        """Preview the fix of one finding; *Replace* makes it the sentence's English."""
        fixed = self.fix(sentence_id, index)
        current = self.checks.translation.translations.get(sentence_id)
        if fixed is None or current is None:
            return None
        if self.preview is not None:
            self.preview.close()
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Use Glossary Term"))
        box.setText(self.tr("Replace the English of this sentence?"))
        box.setInformativeText(f"{current.text}\n→\n{fixed}")
        replace_button = box.addButton(self.tr("&Replace"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        replace_button.clicked.connect(lambda: self.edits.set_english(sentence_id, fixed))
        self.preview = box
        box.open()
        self.preview_shown.emit(sentence_id)
        return box

    @staticmethod
    def _chosen(item: QListWidgetItem | None) -> tuple[int, int] | None:
        if item is None:
            return None
        sid, index = item.data(Qt.ItemDataRole.UserRole), item.data(FINDING_ROLE)
        return (sid, index) if isinstance(sid, int) and isinstance(index, int) else None
