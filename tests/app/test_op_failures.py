"""A write of the window that is not typed text (a status, a new worksheet, a new client) on a really
full disk says once, in the interface language, that it was not done and why, promises no later
save, and loses what was typed (the new client's name is asked again, as typed). And the create
screen says at once when no vault can be made at its path."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QLineEdit, QMessageBox

from ihrp_desktop.app import i18n
from ihrp_desktop.app.main_window import MainWindow
from ihrp_desktop.core.vault import KdfParams, Vault
from tests.app.driving import PASSPHRASE, answer_next_dialog, open_and_settle, type_text
from tests.full_disk import fill, small_tmpfs

# The words each language must show, and must never show, for a write on a full disk.
WORDS = {
    "en": {"status": "The status was not changed because the disk is full",
           "worksheet": "The new worksheet was not made because the disk is full",
           "client": "The client was not added because the disk is full",
           "never": ("still on screen", "will be saved", "could not be saved")},
    "es": {"status": "El estado no se cambió porque el disco está lleno",
           "worksheet": "La hoja de trabajo nueva no se creó porque el disco está lleno",
           "client": "El cliente no se agregó porque el disco está lleno",
           "never": ("sigue en la pantalla", "se guardará", "No se pudo guardar")},
}


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    with small_tmpfs(tmp_path / "disk", "4m") as mount:
        yield mount


@pytest.fixture(params=["en", "es"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    i18n.remove_translators(qapp)
    if request.param == "es":
        assert i18n.install_translators(qapp, "es") == "es"
    yield request.param
    i18n.remove_translators(qapp)


def _choose(combo: Any, data: str) -> None:
    index = combo.findData(data)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def _read_box(said: list[str], then: Callable[[], None] | None = None) -> None:
    def act(box: QDialog) -> None:
        assert isinstance(box, QMessageBox), type(box).__name__
        said.append(box.text())
        if then is not None:
            then()  # the next dialog's answer, before this box lets it open
        box.accept()

    answer_next_dialog(act)


def test_a_write_on_a_full_disk_says_once_it_was_not_done(
    qtbot: Any, make_window: Callable[[Path], MainWindow], free_widgets: None, small_disk: Path,
    language: str,
) -> None:
    path = small_disk / "vault"
    with Vault.create(path, PASSPHRASE, kdf=KdfParams.fast()) as vault:
        client = vault.add_client("Ana Gómez")
        sheet = vault.new_worksheet(client.id, "optimal_use_plan", 1, values={"substance": "Té"})
    window = make_window(path)
    page = open_and_settle(qtbot, window, sheet.id)
    filler = fill(small_disk)
    words = WORDS[language]
    said: list[str] = []

    _read_box(said)
    _choose(page.status, "reviewed")
    qtbot.waitUntil(lambda: len(said) == 1, timeout=10_000)
    assert page.status.currentData() == "draft"  # the box shows what the vault holds again

    _read_box(said)
    window.new_worksheet(client.id, "decisional_balance")
    qtbot.waitUntil(lambda: len(said) == 2, timeout=10_000)
    assert window.page is page

    # The new client: the name is typed once; after the failure the dialog comes back with it.
    asked_again: list[str] = []

    def read_name_and_retry(dialog: QDialog) -> None:
        assert isinstance(dialog, QInputDialog)
        asked_again.append(dialog.textValue())
        filler.unlink()  # space was freed: the same name is accepted as it stands
        dialog.accept()

    def type_name(dialog: QDialog) -> None:
        assert isinstance(dialog, QInputDialog)
        type_text(dialog.findChild(QLineEdit), "Beto Ruiz")
        _read_box(said, then=lambda: answer_next_dialog(read_name_and_retry))
        dialog.accept()

    answer_next_dialog(type_name)
    qtbot.mouseClick(window.client_list.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(asked_again), timeout=10_000)
    window.writer.wait()
    QApplication.processEvents()

    for text, key in zip(said, ("status", "worksheet", "client"), strict=True):
        assert text.startswith(words[key]), text
        assert text.count(words[key].split(" because ")[0].split(" porque ")[0]) == 1, text
        assert not any(bad in text for bad in words["never"]), text
    assert asked_again == ["Beto Ruiz"]  # nothing typed was lost
    window.lock()
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.worksheet(sheet.id).status == "draft"
        assert [s.form_id for s in vault.worksheets(client.id)] == ["optimal_use_plan"]
        assert sorted(c.name for c in vault.clients()) == ["Ana Gómez", "Beto Ruiz"]


@pytest.mark.parametrize("place", ["fifo", "file", "inside a vault"])
def test_the_create_screen_says_at_once_the_place_is_refused(
    qtbot: Any, make_window: Callable[[Path], MainWindow], free_widgets: None, tmp_path: Path,
    language: str, place: str,
) -> None:
    expected = {
        ("fifo", "en"): "That is a device, a pipe or a socket, not a folder.",
        ("fifo", "es"): "Eso es un dispositivo, una tubería o un socket, no una carpeta.",
        ("file", "en"): "That is a file, not a folder.",
        ("file", "es"): "Eso es un archivo, no una carpeta.",
        ("inside a vault", "en"): "That place is inside a vault folder",
        ("inside a vault", "es"): "Ese lugar está dentro de una carpeta de caja fuerte",
    }[place, language]
    if place == "fifo":
        path = tmp_path / "pipe"
        os.mkfifo(path)
    elif place == "file":
        path = tmp_path / "notes.txt"
        path.write_text("x")
    else:
        Vault.create(tmp_path / "v", PASSPHRASE, kdf=KdfParams.fast()).close()
        path = tmp_path / "v" / "inner"
    window = make_window(path)
    screen = window.create_screen
    assert window.stack.currentWidget() is screen
    assert screen.message.isVisible() and screen.message.text().startswith(expected), screen.message.text()
    assert not screen.create_button.isEnabled() and not screen.fields.isEnabled()
    assert not path.is_dir() or not any(path.iterdir())
    qtbot.waitUntil(lambda: window.workspace_ready, timeout=10_000)  # its steps end before it closes
