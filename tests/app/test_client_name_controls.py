"""A client name typed with control or bidi characters is kept without them (clean_name), so the list
and the client page show the letters it holds (docs/security.md, "Client names")."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit

from tests.app.driving import answer_next_dialog, unlock, visible_texts


def test_a_name_typed_with_escapes_and_a_bidi_override_is_shown_as_its_letters(
    qtbot: Any, make_window: Any, fast_vault: Any, free_widgets: None
) -> None:
    window = make_window(fast_vault())
    unlock(qtbot, window)

    def type_name(dialog: QDialog) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.findChild(QLineEdit).setText("Ana\x1b[31m Gómez\x00 \u202eevil\u2066")  # pasted
        dialog.accept()

    answer_next_dialog(type_name)
    qtbot.mouseClick(window.client_list.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.client_page.client_id is not None)
    assert window.client_page.name.text() == "Ana[31m Gómez evil"
    assert window.client_list.list.item(0).text() == "Ana[31m Gómez evil"
    [stored] = window.vault.clients()
    assert stored.name == "Ana[31m Gómez evil"
    assert not any("\u202e" in t or "\x1b" in t for t in visible_texts(window))
