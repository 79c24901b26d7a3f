"""The print dialog's paper choice: the preview, the saved file and the blank follow it."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pypdf
import pytest

from ihrp_desktop.app.background import BackgroundRunner
from ihrp_desktop.app.main_window import MainWindow
from ihrp_desktop.app.print_preview import PrintDialog
from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.vault import KdfParams, Vault
from tests.app.driving import PASSPHRASE, unlock


def width(data: bytes) -> float:
    return float(pypdf.PdfReader(io.BytesIO(data)).pages[0].mediabox.width)


def _plan_dialog(qtbot: Any, make_window: Callable[[Path], MainWindow], tmp_path: Path,
                 values: dict[str, Any]) -> PrintDialog:
    """The print dialog of a new plan holding ``values``, in an unlocked window."""
    path = tmp_path / "vault"
    vault = Vault.create(path, PASSPHRASE, kdf=KdfParams.fast())
    client = vault.add_client("Ana Gómez")
    sheet = vault.new_worksheet(client.id, "optimal_use_plan", 1, values=values)
    vault.close()
    window = make_window(path)
    unlock(qtbot, window)
    form = default_library().get("optimal_use_plan")
    dialog = PrintDialog(window.vault, form, sheet.id, BackgroundRunner(), parent=window)
    qtbot.addWidget(dialog)
    return dialog


def test_paper_choice_sets_the_page_size(
    qtbot: Any, make_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    dialog = _plan_dialog(qtbot, make_window, tmp_path, {"substance": "Té"})
    qtbot.waitUntil(lambda: dialog.state.text().endswith(("page", "pages")), timeout=20_000)
    assert width(dialog.pdf_bytes) == pytest.approx(612.0, abs=0.1)  # Letter first
    for copy in ("take-home", "blank"):
        dialog.copy.setCurrentIndex(dialog.copy.findData(copy))
        dialog.paper.setCurrentIndex(dialog.paper.findData("a4"))
        qtbot.waitUntil(
            lambda: dialog.state.text().endswith(("page", "pages"))
            and width(dialog.pdf_bytes) == pytest.approx(595.28, abs=0.1),
            timeout=20_000,
        )
        assert dialog.options().paper == "a4"
        dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    dialog.reject()


def test_dialog_says_what_cannot_print(
    qtbot: Any, make_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    """Issue 14's stranger, cases 2 and 3: the note above the preview; no discreet clinician copy."""
    dialog = _plan_dialog(qtbot, make_window, tmp_path, {"limits": [{"limit": "一包 مرة 🧪"}]})
    dialog.show()
    qtbot.waitUntil(lambda: dialog.state.text().endswith(("page", "pages")), timeout=20_000)
    assert dialog.note.isVisible()
    assert dialog.note.text().startswith("6 characters in this worksheet cannot be printed")
    assert "□" in " ".join(pypdf.PdfReader(io.BytesIO(dialog.pdf_bytes)).pages[0].extract_text().split())
    dialog.resize(1366, 768)
    dialog.grab().save(str(tmp_path / "note.png"))  # looked at by hand, 1366x768
    dialog.copy.setCurrentIndex(dialog.copy.findData("clinician"))
    dialog.discreet.setChecked(True)
    assert not dialog.discreet.isEnabled() and not dialog.options().discreet
    assert "never discreet" in dialog.discreet.toolTip()
    dialog.copy.setCurrentIndex(dialog.copy.findData("blank"))
    assert not dialog.note.isVisible()
    dialog.reject()


def test_the_dialog_s_notes_in_the_spanish_interface(
    qtbot: Any, qapp: Any, make_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    """Both notes above the preview in Spanish, the card's own words quoted as the card prints them."""
    from ihrp_desktop.app.i18n import install_translators, remove_translators

    assert install_translators(qapp, "es") == "es"
    try:
        values = {"limits": [{"limit": "一包 " + "Dos tragos y después agua. " * 200}]}
        dialog = _plan_dialog(qtbot, make_window, tmp_path, values)
        dialog.language.setCurrentIndex(dialog.language.findData("es"))
        dialog.copy.setCurrentIndex(dialog.copy.findData("pocket-card"))
        qtbot.waitUntil(lambda: "tarjeta" in dialog.note.text(), timeout=30_000)
        lines = dialog.note.text().splitlines()
        assert lines[0].startswith("2 caracteres de esta hoja no se pueden imprimir")
        assert lines[1].endswith("la tarjeta dice «Más en tu plan».")
        dialog.reject()
    finally:
        remove_translators(qapp)


def test_dialog_says_the_card_was_shortened(
    qtbot: Any, make_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    """Issue 14's stranger, case 7: a card too full for 6.5 pt type is shortened, and the dialog says so."""
    long_limit = {"limits": [{"limit": "Two drinks, then water. " * 200}]}
    dialog = _plan_dialog(qtbot, make_window, tmp_path, long_limit)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.state.text().endswith(("page", "pages")), timeout=20_000)
    assert not dialog.note.isVisible()  # the take-home copy holds every word
    dialog.copy.setCurrentIndex(dialog.copy.findData("pocket-card"))
    qtbot.waitUntil(lambda: dialog.note.isVisible(), timeout=20_000)
    assert "too long for the pocket card" in dialog.note.text()
    dialog.reject()


def test_the_safety_plan_offers_a_pocket_card(
    qtbot: Any, make_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    """Issue 16: the print dialog offers the card for any worksheet whose definition declares one."""
    path = tmp_path / "vault"
    vault = Vault.create(path, PASSPHRASE, kdf=KdfParams.fast())
    client = vault.add_client("Ana Gómez")
    sheet = vault.new_worksheet(client.id, "safety_plan", 1,
                                values={"warning_signs": [{"sign": "Skipping meals"}]})
    vault.save_practice(replace(vault.practice().with_country("US"), confirmed=True))
    vault.close()
    window = make_window(path)
    unlock(qtbot, window)
    dialog = PrintDialog(window.vault, default_library().get("safety_plan"), sheet.id, BackgroundRunner(),
                         parent=window)
    qtbot.addWidget(dialog)
    assert dialog.copy.findData("pocket-card") >= 0
    dialog.copy.setCurrentIndex(dialog.copy.findData("pocket-card"))
    qtbot.waitUntil(lambda: dialog.state.text().endswith(("page", "pages")), timeout=20_000)
    text = " ".join(pypdf.PdfReader(io.BytesIO(dialog.pdf_bytes)).pages[0].extract_text().split())
    assert "Skipping meals" in text and "My plan" in text
    dialog.reject()
