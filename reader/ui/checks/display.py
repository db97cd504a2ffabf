"""Everything the window shows of the translation check: panel, count, keys, tooltips.

The *Checks* panel (a dock) lists every finding of the document; activating one makes its
sentence current. The status bar shows how many there are; F8 / Shift+F8 step through the
flagged sentences; hovering a flagged sentence shows what is wrong with it. Once the document
is translated, the sentences the model was least sure of carry a faint cue, explained by
their tooltip, and Ctrl+F8 visits them least confident first. View › Check Translation
turns it all on or off (a setting).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QHelpEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QToolTip,
)

from reader.core.checks.model import CheckKind, Finding
from reader.core.edits.store import EditStore
from reader.core.paths import DataPaths
from reader.ui.checks.controller import ChecksController
from reader.ui.checks.findings_list import FindingsList
from reader.ui.dialogs.glossary import GlossaryDialog
from reader.ui.edits.alternatives import AlternativesChooser
from reader.ui.edits.controller import EditsController
from reader.ui.edits.glossary_fix import FINDING_ROLE, GlossaryFixer
from reader.ui.entities.highlights import EntityController
from reader.ui.settings import Settings
from reader.ui.view.bilingual_view import BilingualView
from reader.ui.view.translation_controller import TranslationController
from reader.ui.window.menu_bar import MainMenu
from reader.ui.window.status_bar import StatusBar


def kind_name(kind: CheckKind) -> str:
    """The kind of a finding as a reader calls it, translated."""
    names = {
        CheckKind.NUMBER: QCoreApplication.translate("Checks", "Number"),
        CheckKind.CURRENCY: QCoreApplication.translate("Checks", "Currency"),
        CheckKind.DATE: QCoreApplication.translate("Checks", "Date"),
        CheckKind.NAME: QCoreApplication.translate("Checks", "Name"),
        CheckKind.GLOSSARY: QCoreApplication.translate("Checks", "Glossary"),
    }
    return names[kind]


def describe_finding(finding: Finding) -> str:
    """What is wrong, in a few words: "Number · 20 Prozent → 2% (expected 20%)"."""
    if finding.found is None:
        words = QCoreApplication.translate(
            "Checks", "{german}: not in the English (expected {expected})"
        )
    else:
        words = QCoreApplication.translate("Checks", "{german} → {english} (expected {expected})")
    text = words.format(german=finding.de, english=finding.found, expected=finding.expected)
    return f"{kind_name(finding.kind)} · {text}"


class ChecksDisplay(QObject):
    """Owns the checks controller, its panel, actions, status count and tooltips."""

    def __init__(
        self,
        view: BilingualView,
        translation: TranslationController,
        entities: EntityController,
        settings: Settings,
        status_bar: StatusBar,
        menu: MainMenu,
        paths: DataPaths,
        window: QMainWindow,
    ) -> None:
        super().__init__(window)
        self.view = view
        self._settings = settings
        self.controller = ChecksController(
            view, translation, entities, enabled=settings.check_translation, glossary=paths.glossary
        )
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Translation checks"))
        self.list.itemActivated.connect(self._on_list_item_activated)
        self.list.itemClicked.connect(self._on_list_item_activated)
        self._findings_list = FindingsList(self.list, self._finding_items)
        self.panel = QDockWidget(self.tr("Checks"), window)
        self.panel.setObjectName("checksPanel")
        self.panel.setWidget(self.list)
        self.panel.setMinimumWidth(220)
        self.panel.hide()  # until View › Checks Panel (or a restored window state) shows it
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
        self.count = QLabel(status_bar)
        self.count.setAccessibleName(self.tr("Translation checks"))
        self.count.setToolTip(self.tr("Numbers, dates and names the English may have lost"))
        self.count.hide()
        status_bar.addPermanentWidget(self.count)

        self.check_action = QAction(self.tr("&Check Translation"), window)
        self.check_action.setCheckable(True)
        self.check_action.setChecked(settings.check_translation)
        self.check_action.setToolTip(
            self.tr("Flag numbers, currencies, dates and names the English lost or changed")
        )
        self.check_action.toggled.connect(self.set_checking)
        self.next_action = QAction(self.tr("Next Fin&ding"), window)
        self.next_action.setShortcut(QKeySequence("F8"))
        self.next_action.triggered.connect(lambda _checked=False: self.step(1))
        self.previous_action = QAction(self.tr("Previous Findin&g"), window)
        self.previous_action.setShortcut(QKeySequence("Shift+F8"))
        self.previous_action.triggered.connect(lambda _checked=False: self.step(-1))
        self.unsure_action = QAction(self.tr("Least Confident &Sentence"), window)
        self.unsure_action.setShortcut(QKeySequence("Ctrl+F8"))
        self.unsure_action.setToolTip(
            self.tr("The sentences the model was least sure of, least confident first")
        )
        self.unsure_action.triggered.connect(lambda _checked=False: self.next_unsure())
        self.panel_action = self.panel.toggleViewAction()
        self.panel_action.setText(self.tr("Checks Pane&l"))
        anchor = menu.highlight_entities
        for action in (
            self.panel_action,
            self.unsure_action,
            self.previous_action,
            self.next_action,
        ):
            menu.insert_after(anchor, action)
        menu.insert_after(anchor, self.check_action)
        self._glossary_path = paths.glossary
        self.glossary_action = QAction(self.tr("&Glossary…"), window)
        self.glossary_action.setToolTip(self.tr("German terms and the English each must become"))
        self.glossary_action.triggered.connect(lambda _checked=False: self.edit_glossary())
        menu.insert_after(menu.models, self.glossary_action)
        self._window = window
        self.edits = EditsController(self.controller, EditStore(paths.edits), window)
        self.alternatives = AlternativesChooser(
            view, translation, window, self.edits.use_alternative
        )
        self.alternatives.context_menu_opening.connect(self.edits.add_menu_entries)
        self.glossary_fix = GlossaryFixer(self.list, self.controller, self.edits, window)
        for action in (
            self.glossary_fix.action,
            self.alternatives.action,
            self.edits.restore_action,
            self.edits.edit_action,
        ):
            menu.insert_after(menu.copy_pair, action)
        self.controller.findings_changed.connect(self._on_controller_findings_changed)
        view.viewport().installEventFilter(self)
        # Names highlighting, its legend and the theme lay all extra formats anew, without
        # ours: lay ours again right after them.
        menu.highlight_entities.toggled.connect(self._redraw_soon)
        menu.theme_chosen.connect(self._redraw_soon)
        status_bar.legend.hidden_changed.connect(self._redraw_soon)
        entities.highlights_relaid.connect(self._redraw_soon)

    def edit_glossary(self) -> GlossaryDialog:
        """Tools › Glossary: edit the terms; after Save the document is checked again."""
        dialog = GlossaryDialog(self._glossary_path, self._window)
        dialog.accepted.connect(self.controller.reload_glossary)
        dialog.open()
        return dialog

    def set_checking(self, enabled: bool) -> None:
        """View › Check Translation (a setting)."""
        self._settings.check_translation = enabled
        self.controller.set_enabled(enabled)
        for action in (self.next_action, self.previous_action, self.unsure_action):
            action.setEnabled(enabled)

    def step(self, direction: int) -> None:
        """F8 / Shift+F8: the next or previous flagged sentence becomes the current one."""
        target = self.controller.next_flagged(direction)
        if target is None:
            return
        self.controller.go_to(target)
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == target:
                self.list.setCurrentRow(row)
                break

    def notes(self) -> dict[int, tuple[str, ...]] | None:
        """The findings in words by sentence id, for an export; None while checks are off."""
        if not self.controller.enabled:
            return None
        findings = self.controller.findings
        return {sid: tuple(describe_finding(f) for f in found) for sid, found in findings.items()}

    def next_unsure(self) -> None:
        """Ctrl+F8: the next of the least confident sentences, least confident first."""
        target = self.controller.next_unsure()
        if target is not None:
            self.controller.go_to(target)

    def tooltip_at(self, sentence_id: int) -> str | None:
        """The problems of one sentence, one a line, or None when it has none."""
        controller = self.controller
        lines = [describe_finding(f) for f in controller.findings.get(sentence_id, ())]
        if controller.enabled and sentence_id in controller.unsure:
            percent = round(100 * controller.confidence[sentence_id])
            lines.append(
                self.tr(
                    "Model confidence {percent} %: among the sentences the model was least "
                    "sure of in this document. Worth a second look."
                ).format(percent=percent)
            )
        if sentence_id in controller.edited:
            lines.append(self.tr("Your own English (Edit › Restore Machine Translation undoes it)"))
        return "\n".join(lines) or None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Installed after the names' tooltips, so asked first: answer only over a flagged
        # sentence and leave every other place to them.
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            found = self.view.sentence_at(event.pos())
            text = self.tooltip_at(found[0]) if found is not None else None
            if text:
                QToolTip.showText(event.globalPos(), text, self.view.viewport())
                return True
        return super().eventFilter(watched, event)

    def _on_controller_findings_changed(self, count: int) -> None:
        self.count.setVisible(count > 0)
        self.count.setText(self.tr("⚑ %n check(s)", "", count))
        self._findings_list.update(self.view.renderer.order, self.controller.findings)

    def _finding_items(
        self, sentence_id: int, position: int, findings: tuple[Finding, ...]
    ) -> list[QListWidgetItem]:
        label = self.tr("Sentence {number}").format(number=position + 1)
        items = []
        for index, finding in enumerate(findings):
            item = QListWidgetItem(f"{label} · {describe_finding(finding)}")
            item.setData(Qt.ItemDataRole.UserRole, sentence_id)
            item.setData(FINDING_ROLE, index)
            item.setToolTip(item.text())
            items.append(item)
        return items

    def _redraw_soon(self, *_changed: object) -> None:
        QTimer.singleShot(0, self.controller.redraw)

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        sentence_id = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(sentence_id, int):
            self.controller.go_to(sentence_id)
