"""The Spanish register in the window: chosen on the client's page (stored in the vault), read by the
worksheet's editor, offered by the print dialog when the printout is in Spanish. Real vault, real
widgets offscreen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel

from ihrp_desktop.app.background import InlineRunner
from ihrp_desktop.app.main_window import MainWindow
from ihrp_desktop.app.print_preview import PrintDialog
from ihrp_desktop.app.settings import AppSettings
from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.vault import KdfParams, Vault
from ihrp_desktop.core.vocabulary import Register, register_of
from tests.core.pdf.conftest import pdf_text, squash

PASSPHRASE = "correct horse battery staple"
TU = "Puedes observarlas en lugar de actuar enseguida"  # the urge log's guidance (forms/50_urge_log.toml)
USTED = "Puede observarlas en lugar de actuar enseguida"


def _window(qtbot: Any, tmp_path: Path) -> tuple[MainWindow, int, int]:
    path = tmp_path / "vault"
    with Vault.create(path, PASSPHRASE, kdf=KdfParams.fast()) as vault:
        client = vault.add_client("Elena Ruiz", language="es")
        sheet = vault.new_worksheet(client.id, "urge_log", 1)
    window = MainWindow(path, default_library(), AppSettings(), InlineRunner(), InlineRunner())
    qtbot.addWidget(window)
    window.show()
    window.unlock_screen.passphrase.setText(PASSPHRASE)
    window.unlock_screen.try_unlock()
    assert window.vault is not None
    return window, client.id, sheet.id


def _labels(window: MainWindow) -> str:
    return " ".join(label.text() for label in window.findChildren(QLabel) if label.isVisible())


def test_the_client_page_chooses_usted_and_the_editor_and_print_dialog_follow(
    qtbot: Any, tmp_path: Path
) -> None:
    window, client_id, sheet_id = _window(qtbot, tmp_path)
    window.show_client(client_id)
    combo = window.client_page.language
    assert combo.currentText() == "Hojas en español (tú)"  # a new Spanish client starts in tú
    window.open_worksheet(sheet_id)
    assert TU in _labels(window) and USTED not in _labels(window)

    window.show_client(client_id)
    combo.setCurrentIndex(combo.findData("es:formal"))
    combo.activated.emit(combo.currentIndex())
    assert window.vault is not None
    stored = window.vault.client(client_id)
    assert (stored.language, stored.register) == ("es", "formal")

    window.open_worksheet(sheet_id)
    page = window.page
    assert page is not None and register_of(page.editor.language) == Register.FORMAL
    assert USTED in _labels(window) and TU not in _labels(window)

    dialog = PrintDialog(window.vault, page.form, sheet_id, InlineRunner(), parent=window)
    qtbot.addWidget(dialog)
    assert dialog.formal.isChecked() and not dialog.formal.isHidden()  # the client's register
    assert register_of(dialog.options().language) == Register.FORMAL and dialog.options().language == "es"
    dialog.copy.setCurrentIndex(dialog.copy.findData("blank"))  # an empty worksheet: its blank has the text
    dialog.refresh()
    assert squash(USTED) in squash(pdf_text(dialog.pdf_bytes))  # the preview, the file and the print
    dialog.formal.setChecked(False)  # one printout in tú: the dialog overrides the client's register
    assert register_of(dialog.options().language) == Register.INFORMAL
    dialog.refresh()
    assert squash(TU) in squash(pdf_text(dialog.pdf_bytes))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.formal.isHidden()  # English has one register: nothing to choose
    dialog.close()
    window.lock()


def test_choosing_english_keeps_the_clients_usted_for_their_spanish_worksheets(
    qtbot: Any, tmp_path: Path
) -> None:
    window, client_id, _sheet_id = _window(qtbot, tmp_path)
    window.show_client(client_id)
    combo = window.client_page.language
    combo.setCurrentIndex(combo.findData("es:formal"))
    combo.activated.emit(combo.currentIndex())
    combo.setCurrentIndex(combo.findData("en:informal"))  # new worksheets in English from now on
    combo.activated.emit(combo.currentIndex())
    assert window.vault is not None
    stored = window.vault.client(client_id)
    # English has one register: the client's usted stays for the Spanish worksheets they already have.
    assert (stored.language, stored.register) == ("en", "formal")
