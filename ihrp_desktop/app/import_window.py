"""File > Import...: an export file read, checked and written on the writer thread, with a progress bar.

The import is the core's (``core.exchange.import_file``): the whole file is checked before one
transaction writes it, so closing this window or locking the vault mid-way leaves either all of
it or none. The words here hold counts only, never a name from the file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME
from ..core.vault import VaultError
from . import crash
from .file_choice import open_file
from .i18n import QT_TRANSLATE_NOOP, failure_message, translate
from .operations import VaultOp
from .screen_fit import keep_on_screen

if TYPE_CHECKING:
    from ..core.exchange import ImportSummary
    from ..core.forms import FormLibrary
    from .background import Runner

# Where each phase sits on the bar (checking the answers is the longest part, then writing).
_SPANS = {"read": (0, 10), "check": (10, 65), "write": (65, 100)}
_PHASE_WORDS = {
    "read": QT_TRANSLATE_NOOP("ImportDialog", "Reading the file..."),
    "check": QT_TRANSLATE_NOOP("ImportDialog", "Checking every record before anything is written..."),
    "write": QT_TRANSLATE_NOOP("ImportDialog", "Writing the records..."),
}


def choose_import_file(parent: QWidget) -> str:
    """The export file the person picks ("" when they cancel)."""
    return open_file(parent, translate("ImportDialog", "Choose an export file to import"),
                     translate("ImportDialog", "IHRP Desktop export (*.json);;All files (*)"))


class _Relay(QObject):
    """Carries progress from the writer thread to the window (a queued signal)."""

    moved = Signal(str, int, int)

    def report(self, phase: str, done: int, total: int) -> None:
        self.moved.emit(phase, done, total)


class ImportDialog(QDialog):
    """Progress, then the summary in plain words; ``imported`` fires once records were written."""

    imported = Signal()

    def __init__(self, vault: Any, library: FormLibrary, writer: Runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(APP_NAME)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._vault = vault
        self._library = library
        self._writer = writer
        self.running = False
        self.summary: ImportSummary | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.status)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        layout.addWidget(self.bar)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.hide()
        layout.addWidget(self.details)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 56 + 48)
        self._relay = _Relay(self)
        self._relay.moved.connect(self._moved)

    def start(self, path: str) -> None:
        """Show the window and run the import on the writer (the vault's single writer)."""
        from ..core.exchange import import_file

        self.running = True
        self.bar.setValue(0)
        self.status.setText(translate("ImportDialog", _PHASE_WORDS["read"]))
        self.buttons.setEnabled(False)  # a transaction is all or nothing: it cannot be stopped halfway
        self.show()
        vault, library, report = self._vault, self._library, self._relay.report
        VaultOp(self, self._writer, lambda: import_file(vault, path, library, report)).success(
            self._done).failure(self._failed).run()

    def _moved(self, phase: str, done: int, total: int) -> None:
        low, high = _SPANS.get(phase, (0, 100))
        self.bar.setValue(low + (high - low) * done // total if total else high)
        words = _PHASE_WORDS.get(phase)
        if words is not None:
            self.status.setText(translate("ImportDialog", words))

    def _done(self, summary: ImportSummary) -> None:
        self.running = False
        self.summary = summary
        self.bar.setValue(100)
        self.status.setText(translate("ImportDialog", "The import is done."))
        locale = QLocale()  # 20,000 or 20.000, as the person's computer writes numbers
        words = translate("ImportDialog", "{kind}: {new} new, {updated} updated, {unchanged} already here.")
        lines = [
            words.format(kind=kind, new=locale.toString(t.new), updated=locale.toString(t.updated),
                         unchanged=locale.toString(t.unchanged))
            for kind, t in (
                (translate("ImportDialog", "Clients"), summary.clients),
                (translate("ImportDialog", "Sessions"), summary.sessions),
                (translate("ImportDialog", "Worksheets"), summary.worksheets),
            )
        ]
        if summary.unknown_forms:
            lines.append(
                translate(
                    "ImportDialog",
                    "{count} kind(s) of worksheet are not installed here; they were kept as they are.",
                ).format(count=len(summary.unknown_forms))
            )
        self.details.setText("\n".join(lines))
        self.details.show()
        self.buttons.setEnabled(True)
        self.imported.emit()

    def _failed(self, exc: BaseException) -> None:
        from ..core.exchange import ExportFormatError

        self.running = False
        self.bar.setValue(0)
        if isinstance(exc, ExportFormatError):
            reason = translate("ImportDialog", "The file cannot be imported: {reason}.").format(reason=exc)
        elif isinstance(exc, VaultError):
            reason = failure_message(exc)
        else:  # like every unexpected error of the app: a crash report, named in the crash window
            crash.unexpected(exc)  # tests/app/test_import_window.py (..._writes_a_crash_report)
            reason = translate(
                "ImportDialog",
                "Something unexpected went wrong ({kind}). The other window says where its crash report is.",
            ).format(kind=type(exc).__name__)
        self.status.setText(translate("ImportDialog", "Nothing was imported.") + " " + reason)
        self.buttons.setEnabled(True)
        self.adjustSize()  # the longer words wrap inside the window, which stays on the screen
        keep_on_screen(self)
