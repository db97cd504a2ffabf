"""Tools › Glossary: the German terms and the English each must become, in a table.

Rows are edited in place; *Add* appends an empty row, *Remove* deletes the selected ones,
*Import…* adds the terms of a CSV file, *Export…* writes them to one. *Save* writes the
glossary (``glossary.csv`` in the data folder) and the open document is checked again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.checks.glossary import GlossaryError, Term, load_glossary, save_glossary

CSV_FILTER = "CSV (*.csv)"


class GlossaryDialog(QDialog):
    """Edits the glossary at ``path``; ``accepted`` means it was saved."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.setWindowTitle(self.tr("Glossary"))
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("German term"), self.tr("English term")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(self.tr("Glossary terms"))
        note = QLabel(
            self.tr(
                "The check flags each sentence whose German uses a term and whose English "
                "does not use the English you chose."
            ),
            self,
        )
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("&Add"), self.add_row),
            (self.tr("&Remove"), self.remove_selected),
            (self.tr("&Import…"), self.import_file),
            (self.tr("E&xport…"), self.export_file),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _checked=False, run=slot: run())
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(box)
        self.resize(520, 420)
        try:
            self.set_terms(load_glossary(path))
        except GlossaryError as error:
            self._show_error(error)

    def set_terms(self, terms: list[Term]) -> None:
        """Show these terms, one a row."""
        self.table.setRowCount(0)
        for term in terms:
            self.add_row(term)

    def terms(self) -> list[Term]:
        """The rows with both a German and an English term (a later row wins)."""
        found: dict[str, Term] = {}
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, column) for column in (0, 1)]
            german, english = (cell.text().strip() if cell else "" for cell in cells)
            if german and english:
                found[german] = Term(german, english)
        return list(found.values())

    def add_row(self, term: Term | None = None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        german = QTableWidgetItem(term.german if term else "")
        self.table.setItem(row, 0, german)
        self.table.setItem(row, 1, QTableWidgetItem(term.english if term else ""))
        if term is None:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(german)

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)

    def import_file(self, name: str = "") -> None:
        """Add the terms of a CSV file (asks for it unless ``name`` is given)."""
        if not name:
            name, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Import glossary"), str(self.path.parent), CSV_FILTER
            )
        if not name:
            return
        try:
            added = load_glossary(Path(name))
        except GlossaryError as error:
            self._show_error(error)
            return
        merged = {t.german: t for t in self.terms()} | {t.german: t for t in added}
        self.set_terms(sorted(merged.values(), key=lambda t: t.german.casefold()))

    def export_file(self, name: str = "") -> None:
        """Write the terms to a CSV file (asks where unless ``name`` is given)."""
        if not name:
            name, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export glossary"), str(self.path.parent / "glossary.csv"), CSV_FILTER
            )
        if not name:
            return
        try:
            save_glossary(Path(name), self.terms())
        except GlossaryError as error:
            self._show_error(error)

    def save(self) -> None:
        """Write the glossary and close; an error keeps the dialog open."""
        try:
            save_glossary(self.path, self.terms())
        except GlossaryError as error:
            self._show_error(error)
            return
        self.accept()

    def _show_error(self, error: GlossaryError) -> None:
        where = (
            self.tr("{path}, line {line}").format(path=error.path, line=error.line)
            if error.line
            else str(error.path)
        )
        QMessageBox.warning(
            self,
            self.tr("Glossary"),
            self.tr("{where}: {reason}").format(where=where, reason=error.reason),
        )
