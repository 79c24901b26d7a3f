"""The practice profile in the app: Preferences' Practice section, the print dialog's confirmation of
the help lines before the first take-home print, and the pocket card as a copy to choose."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QMessageBox

from ihrp_desktop.app.background import InlineRunner
from ihrp_desktop.app.preferences import PreferencesDialog
from ihrp_desktop.app.print_preview import PrintDialog
from ihrp_desktop.app.settings import AppSettings
from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.vault import KdfParams, Vault
from tests.app.driving import answer_next_dialog

PLAN = {"substance": "Wine", "limits": [{"limit": "Two glasses"}], "never": [{"item": "Before driving"}]}


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    v = Vault.create(tmp_path / "vault", "correct horse battery staple", kdf=KdfParams.fast())
    client = v.add_client("Ana Gómez")
    v.new_worksheet(client.id, "optimal_use_plan", 1, values=PLAN)
    yield v
    v.close()


def _preferences(qtbot: Any, vault: Vault, tmp_path: Path) -> PreferencesDialog:
    """Preferences with the vault open (its Practice section shown)."""
    dialog = PreferencesDialog(AppSettings(tmp_path / "settings.ini"), vault=vault)
    qtbot.addWidget(dialog)
    return dialog


def test_preferences_practice_section_fills_the_country_s_lines_and_saves_them_in_the_vault(
    qtbot: Any, vault: Vault, tmp_path: Path
) -> None:
    dialog = _preferences(qtbot, vault, tmp_path)
    section = dialog.practice_section
    assert section is not None
    section.name.setText("Riverside Counseling")
    section.phone.setText("555-0100")
    section.country.setCurrentIndex(section.country.findData("US"))
    assert section.crisis_number.text() == "988" and section.poison_number.text() == "1-800-222-1222"
    assert "988lifeline.org" in section.sources.text() and not section.confirmed.isChecked()
    section.confirmed.setChecked(True)
    dialog.resize(1366 // 2, 700)
    dialog.grab().save(str(tmp_path / "preferences.png"))
    dialog.accept()
    saved = vault.practice()
    assert saved.name == "Riverside Counseling" and saved.crisis.number == "988" and saved.confirmed
    # Editing a line in Preferences clears the confirmation again.
    again = PreferencesDialog(AppSettings(tmp_path / "settings.ini"), vault=vault)
    qtbot.addWidget(again)
    assert again.practice_section is not None and again.practice_section.confirmed.isChecked()
    qtbot.keyClicks(again.practice_section.crisis_number, "9")
    assert not again.practice_section.confirmed.isChecked()


def _dialog(qtbot: Any, vault: Vault) -> PrintDialog:
    form = default_library().get("optimal_use_plan")
    dialog = PrintDialog(vault, form, vault.worksheets(vault.clients()[0].id)[0].id, InlineRunner())
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(dialog.pdf_bytes), timeout=10_000)
    return dialog


def test_the_first_take_home_print_asks_to_confirm_the_lines(qtbot: Any, vault: Vault) -> None:
    vault.save_practice(vault.practice().with_country("US"))
    dialog = _dialog(qtbot, vault)
    asked: list[str] = []

    def cancel(box: Any) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Cancel).click()

    answer_next_dialog(cancel)
    assert dialog.lines_confirmed() is False and not vault.practice().confirmed
    assert "988" in asked[0] and "1-800-222-1222" in asked[0]

    def confirm(box: Any) -> None:
        next(b for b in box.buttons() if "confirm" in b.text()).click()

    answer_next_dialog(confirm)
    assert dialog.lines_confirmed() is True and vault.practice().confirmed
    assert dialog.lines_confirmed() is True  # asked once: now confirmed, no dialog


def test_the_pocket_card_is_a_copy_to_choose_discreet_by_default(qtbot: Any, vault: Vault) -> None:
    dialog = _dialog(qtbot, vault)
    assert not dialog.discreet.isChecked()
    dialog.copy.setCurrentIndex(dialog.copy.findData("pocket-card"))
    qtbot.waitUntil(lambda: "My plan" in _text(dialog.pdf_bytes), timeout=10_000)
    assert dialog.discreet.isChecked() and dialog.options().is_discreet
    assert _text(dialog.pdf_bytes).count("My plan") >= 4  # several cards to the sheet
    assert "Two glasses" in _text(dialog.pdf_bytes)


def _text(data: bytes) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)


def test_preferences_refuses_a_phone_with_letters_and_says_which_field(qtbot: Any, vault: Vault,
                                                                      tmp_path: Path) -> None:
    dialog = _preferences(qtbot, vault, tmp_path)
    dialog.show()
    section = dialog.practice_section
    assert section is not None
    section.phone.setText("Harm Reduction Clinic 555-0100")
    dialog.accept()
    assert dialog.isVisible() and section.problem.isVisible()  # still open, nothing lost
    assert section.problem.text().startswith("The practice phone: ")
    assert vault.practice().phone == ""
    dialog.resize(1366 // 2, 700)
    dialog.grab().save(str(tmp_path / "preferences-problem.png"))
    section.phone.setText("555-0100")
    dialog.accept()
    assert vault.practice().phone == "555-0100"


def test_the_refusal_in_the_spanish_interface(qtbot: Any, qapp: Any, vault: Vault, tmp_path: Path) -> None:
    """The Spanish interface says the refusal in Spanish, naming the field and what was typed."""
    from ihrp_desktop.app.i18n import install_translators, remove_translators

    assert install_translators(qapp, "es") == "es"
    try:
        dialog = _preferences(qtbot, vault, tmp_path)
        section = dialog.practice_section
        assert section is not None
        section.crisis_number.setText("988 CRISIS")
        dialog.accept()
        text = section.problem.text()
        assert text.startswith("El número de la línea de crisis: «988 CRISIS» no es un número de teléfono")
        assert "phone" not in text and "digits" not in text
    finally:
        remove_translators(qapp)


def test_preferences_country_change_replaces_shipped_lines_and_keeps_a_typed_one(
    qtbot: Any, vault: Vault, tmp_path: Path
) -> None:
    dialog = _preferences(qtbot, vault, tmp_path)
    section = dialog.practice_section
    assert section is not None
    section.country.setCurrentIndex(section.country.findData("US"))
    section.poison_number.setText("555-0199")  # typed over the shipped one
    section.confirmed.setChecked(True)
    section.country.setCurrentIndex(section.country.findData("ES"))
    assert section.crisis_number.text() == "" and section.poison_number.text() == "555-0199"
    assert not section.confirmed.isChecked()


def test_a_long_name_or_a_control_character_is_refused_in_the_window(
    qtbot: Any, qapp: Any, vault: Vault, tmp_path: Path
) -> None:
    """The same check as the command line (core.practice.check_practice): the window stays open,
    says which field and why, in the interface's language, and nothing is saved (issue 14)."""
    from ihrp_desktop.app.i18n import install_translators, remove_translators

    before = vault.practice()
    dialog = _preferences(qtbot, vault, tmp_path)
    section = dialog.practice_section
    assert section is not None
    section.name.setText("R" * 121)
    dialog.accept()
    assert section.problem.text() == "The practice name is 121 characters long; keep it to 120 or fewer."
    section.name.setText("Riverside\x1b[31m")
    dialog.accept()
    assert section.problem.text().startswith("The practice name holds a line break, a tab or another control")
    assert vault.practice() == before
    assert install_translators(qapp, "es") == "es"
    try:
        section.crisis_label.setText("Línea\u202e")
        section.name.setText("Riverside")
        dialog.accept()
        assert section.problem.text().startswith("La etiqueta de la línea de crisis tiene una marca")
    finally:
        remove_translators(qapp)
    assert vault.practice() == before
