"""Preferences fits a 1366x768 laptop with a vault open (the practice profile below the settings),
at the normal and the largest text size: the body scrolls, OK and Cancel stay on the screen
(issue 16's stranger, case 8: 651x888, the buttons below the screen's edge)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication

from ihrp_desktop.app import screen_fit
from ihrp_desktop.app.preferences import PreferencesDialog
from ihrp_desktop.app.settings import AppSettings
from ihrp_desktop.core.vault import KdfParams, Vault

LAPTOP = QRect(0, 0, 1366, 728)  # 1366x768, less a 40-pixel task bar


@pytest.mark.parametrize("scale", [1.0, 1.5])  # 1.5: "Largest", the largest text size
def test_preferences_fits_a_768_pixel_screen_with_its_buttons_on_it(
    qtbot, tmp_path: Path, monkeypatch, scale: float
) -> None:
    monkeypatch.setattr(screen_fit, "available_area", lambda widget: LAPTOP)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    monkeypatch.setattr(app, "font", lambda: font)  # keep the test's font change local
    bigger = app.font()
    bigger.setPointSizeF(font.pointSizeF() * scale)
    with Vault.create(tmp_path / "v", "pass ✓ word", kdf=KdfParams.fast()) as vault:
        dialog = PreferencesDialog(AppSettings(tmp_path / "settings.ini"), vault=vault)
        dialog.setFont(bigger)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        # Height asked before the window system adds its title bar: the frame stays on the 768-px screen.
        assert dialog.height() <= LAPTOP.height() - screen_fit.DECORATION_HEIGHT, dialog.size()
        assert dialog.width() <= LAPTOP.width()
        for button in dialog.buttons.buttons():
            corner = button.mapTo(dialog, QPoint(button.width(), button.height()))
            assert dialog.rect().contains(corner - QPoint(1, 1)), (button.text(), corner, dialog.size())
        section = dialog.practice_section
        assert section is not None and dialog.body.widget().isAncestorOf(section)
        dialog.grab().save(str(tmp_path / f"preferences-{int(scale * 100)}.png"))
