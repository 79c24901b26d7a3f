"""The carry picker of a usted client reads its texts in usted (core.vocabulary.client_language)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog

from ihrp_desktop.app.carry_picker import CarryPicker
from ihrp_desktop.app.main_window import MainWindow
from ihrp_desktop.core.vault import Vault
from ihrp_desktop.core.vocabulary import Register, register_of
from tests.app.driving import PASSPHRASE, answer_next_dialog, unlock

BALANCE = {"change_benefits": [{"item": "Dormir toda la noche"}]}


def test_a_formal_clients_picker_reads_usted(
    qtbot: Any, make_window: Callable[[Path], MainWindow], fast_vault: Callable[..., Path]
) -> None:
    path = fast_vault()
    with Vault.open(path, PASSPHRASE) as vault:
        client = vault.add_client("Ana Gómez", "es", register=Register.FORMAL)
        vault.new_worksheet(client.id, "decisional_balance", 1, values=BALANCE)
    window = make_window(path)
    unlock(qtbot, window)
    window.show_client(client.id)
    seen: dict[str, Any] = {}

    def in_picker(dialog: QDialog) -> None:
        assert isinstance(dialog, CarryPicker)
        seen["language"] = dialog.language
        seen["title"] = dialog.windowTitle()
        dialog.reject()

    answer_next_dialog(in_picker)
    window.new_worksheet(client.id, "optimal_use_plan")
    qtbot.waitUntil(lambda: "language" in seen)
    assert seen["language"] == "es" and register_of(seen["language"]) == Register.FORMAL
    assert "Plan de uso óptimo" in seen["title"]
