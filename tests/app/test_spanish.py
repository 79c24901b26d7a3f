"""Spanish: the interface is translated everywhere, and each client's worksheets and printouts keep their
own language whatever the interface language is."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTreeWidget,
    QWidget,
)

from ihrp_desktop.app.background import InlineRunner
from ihrp_desktop.app.i18n import install_translators, interface_language, remove_translators, translate
from ihrp_desktop.app.main_window import MainWindow
from ihrp_desktop.app.preferences import PreferencesDialog
from ihrp_desktop.app.print_preview import PrintDialog
from ihrp_desktop.app.settings import AppSettings
from ihrp_desktop.app.shortcuts import ShortcutsDialog
from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.paths import ui_dir
from ihrp_desktop.core.vault import KdfParams, Vault

PASSPHRASE = "una frase bastante larga 🌙"
TS_FILE = ui_dir() / "i18n" / "ihrp_es.ts"
REPO = Path(__file__).resolve().parents[2]


def catalogue() -> list[tuple[str, str, list[str]]]:
    """(context, English source, Spanish translations) for every message of the .ts file."""
    out = []
    for context in ET.parse(TS_FILE).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            out.append((name, message.findtext("source") or "", forms))
    return out


def english_patterns() -> list[re.Pattern[str]]:
    """What an untranslated string looks like on screen (placeholders filled in, '&' mnemonics gone)."""
    patterns = []
    for _context, source, forms in catalogue():
        if source in forms:
            continue  # the same word in both languages ("Normal")
        text = re.escape(source.replace("&", ""))
        text = re.sub(r"\\\{\w+\\\}", ".+", text).replace("%n", r"\d+")
        patterns.append(re.compile(text))
    return patterns


def shown_texts(root: QWidget) -> list[str]:
    """Every text a person can read in ``root`` now, or hear from a screen reader."""
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        texts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QAbstractButton) and hasattr(widget, "menu") and widget.menu() is not None:
            texts += menu_texts(widget.menu())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            texts += [header.text(i) for i in range(header.columnCount())]
            for i in range(widget.topLevelItemCount()):
                texts.append(widget.topLevelItem(i).text(0))
                texts += [
                    widget.topLevelItem(i).child(j).text(1)
                    for j in range(widget.topLevelItem(i).childCount())
                ]
        if isinstance(widget, QTableWidget):
            texts += [widget.horizontalHeaderItem(i).text() for i in range(widget.columnCount())]
            texts += [widget.item(r, 0).text() for r in range(widget.rowCount())]
        if isinstance(widget, QMainWindow):
            for action in widget.menuBar().actions():
                texts.append(action.text())
                if action.menu() is not None:
                    texts += menu_texts(action.menu())
    return [t for t in texts if t and not isinstance(t, QHeaderView)]


def menu_texts(menu: QMenu) -> list[str]:
    return [menu.title()] + [a.text() for a in menu.actions() if not a.isSeparator()]


def untranslated(texts: list[str]) -> list[str]:
    patterns = english_patterns()
    return sorted({t for t in texts if any(p.fullmatch(t.replace("&", "")) for p in patterns)})


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[QApplication]:
    assert install_translators(qapp, "es") == "es"
    yield qapp
    remove_translators(qapp)


def make_vault(path: Path) -> tuple[int, int]:
    """A closed vault with a Spanish-speaking and an English-speaking client; returns two worksheet ids."""
    with Vault.create(path, PASSPHRASE, kdf=KdfParams.fast()) as vault:
        ana = vault.add_client("Ana Pérez", language="es")
        bob = vault.add_client("Bob Łukasz")
        spanish_sheet = vault.new_worksheet(ana.id, "optimal_use_plan", 1)
        vault.set_status(spanish_sheet.id, "reviewed")
        english_sheet = vault.new_worksheet(bob.id, "decisional_balance", 1)
    return spanish_sheet.id, english_sheet.id


def make_window(qtbot: Any, path: Path) -> MainWindow:
    window = MainWindow(path, default_library(), AppSettings(), InlineRunner(), InlineRunner())
    qtbot.addWidget(window)
    window.show()
    return window


def test_every_message_is_translated_and_compiled(spanish: QApplication) -> None:
    messages = catalogue()
    assert len(messages) > 100
    assert [(c, s) for c, s, forms in messages if not all(f.strip() for f in forms)] == []
    for context, source, forms in messages:
        assert translate(context, source) == forms[0], (context, source)  # the .qm is up to date
    assert translate("PrintDialog", "{count} pages").format(count=3) == "3 páginas"


def test_the_catalogue_has_every_string_of_the_sources(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    if not Path(lupdate).exists():
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (REPO / "ihrp_desktop" / "app").rglob("*.py"))
    subprocess.run(
        [lupdate, "-locations", "none", *sources, "-ts", str(fresh)], check=True, capture_output=True
    )
    found = {
        (c.findtext("name"), m.findtext("source"))
        for c in ET.parse(fresh).getroot().iter("context")
        for m in c.iter("message")
    }
    have = {(c, s) for c, s, _ in catalogue()}
    assert found - have == set(), "run pyside6-lupdate and translate the new strings (docs/translating.md)"


def test_system_language_and_setting(qapp: QApplication) -> None:
    from PySide6.QtCore import QLocale

    from ihrp_desktop.app.i18n import resolve_language

    assert resolve_language("system", QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico)) == "es"
    assert resolve_language("system", QLocale(QLocale.Language.German)) == "en"
    assert resolve_language("en", QLocale(QLocale.Language.Spanish)) == "en"
    assert resolve_language("es") == "es"


def test_spanish_interface_has_no_english_on_the_main_views(
    spanish: QApplication, qtbot: Any, tmp_path: Path
) -> None:
    path = tmp_path / "vault"
    # first run: create a vault
    window = make_window(qtbot, path)
    assert window.stack.currentWidget() is window.create_screen
    window.create_screen.first.setText("corta")
    window.create_screen.try_create()  # an error message shows too
    texts = shown_texts(window)
    assert "Crear mi caja fuerte" in texts
    assert untranslated(texts) == []
    window.close()

    spanish_sheet, english_sheet = make_vault(path)
    window = make_window(qtbot, path)
    assert window.stack.currentWidget() is window.unlock_screen
    window.unlock_screen.passphrase.setText("not it")
    window.unlock_screen.try_unlock()
    texts = shown_texts(window)
    assert "Desbloquear" in texts and any("Esa frase no abrió" in t for t in texts)
    assert untranslated(texts) == []

    window.unlock_screen.passphrase.setText(PASSPHRASE)
    window.unlock_screen.try_unlock()
    assert window.vault is not None
    texts = shown_texts(window)
    assert "Buscar cliente" in texts and "&Archivo" in texts
    assert untranslated(texts) == []

    client = window.vault.worksheet(spanish_sheet).client_id
    window.show_client(client)
    texts = shown_texts(window)
    assert any(t.startswith("Sesión 1 · ") for t in texts)
    assert "Revisada" in texts and "Plan de uso óptimo" in texts  # interface and worksheet both in Spanish
    assert untranslated(texts) == []

    for sheet in (spanish_sheet, english_sheet):
        window.open_worksheet(sheet)
        texts = shown_texts(window)
        assert "Imprimir..." in texts and "‹ Cliente" in texts
        assert untranslated(texts) == []

    dialogs = [
        PrintDialog(window.vault, window.page.form, english_sheet, InlineRunner(), parent=window),
        PreferencesDialog(window.settings, window),
        ShortcutsDialog(window.actions(), window),
    ]
    for dialog in dialogs:
        dialog.show()
        texts = shown_texts(dialog)
        assert untranslated(texts) == [], type(dialog).__name__
        dialog.close()
    assert "Atajos de teclado" in shown_texts(dialogs[2])
    window.lock()
    assert interface_language() == "es"


def test_a_spanish_clients_worksheet_in_an_english_interface(qtbot: Any, tmp_path: Path) -> None:
    """An English-speaking therapist fills and prints a Spanish plan."""
    path = tmp_path / "vault"
    spanish_sheet, english_sheet = make_vault(path)
    window = make_window(qtbot, path)
    window.unlock_screen.passphrase.setText(PASSPHRASE)
    window.unlock_screen.try_unlock()
    assert window.vault is not None
    client = window.vault.worksheet(spanish_sheet).client_id
    window.show_client(client)
    # Spanish in tú, the register a new client starts in.
    assert window.client_page.language.currentData() == "es:informal"
    window.new_worksheet(client, "decisional_balance")
    page = window.page
    assert page is not None and page.language == "es"
    texts = shown_texts(window)
    assert "Print..." in texts and "‹ Client" in texts  # the interface stays English
    assert "Balance decisional" in texts and "Los dos lados" in texts  # the worksheet is Spanish
    assert "Decisional balance" not in texts
    dialog = PrintDialog(window.vault, page.form, page.worksheet_id, InlineRunner(), parent=window)
    assert dialog.language.currentData() == "es"  # printing defaults to the client's language
    assert dialog.options().language == "es"
    dialog.close()

    # the worksheet's language can be switched on its page; the answers stay, the printout follows
    page.set_language("en")
    assert window.vault.worksheet(page.worksheet_id).language == "en"
    assert "Decisional balance" in shown_texts(window)
    dialog = PrintDialog(window.vault, page.form, page.worksheet_id, InlineRunner(), parent=window)
    assert dialog.language.currentData() == "en"
    dialog.close()
    window.lock()


def test_a_damaged_vault_in_the_spanish_interface_says_what_is_damaged(
    spanish: QApplication, qtbot: Any, tmp_path: Path
) -> None:
    """The unlock screen's message in Spanish keeps the list of problems the vault found."""
    from ihrp_desktop.app.unlock import UnlockScreen

    path = tmp_path / "vault"
    make_vault(path)
    (path / "vault.db").write_bytes(b"")  # what the vault reports: "The database file vault.db is empty."
    screen = UnlockScreen(path, InlineRunner())
    qtbot.addWidget(screen)
    screen.passphrase.setText(PASSPHRASE)
    screen.try_unlock()
    text = screen.message.text()
    assert "La caja fuerte está dañada" in text
    assert "El archivo de base de datos vault.db está vacío." in text  # the problem, in Spanish too
