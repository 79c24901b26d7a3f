"""Render the main views of the app to PNG files in docs/screenshots/ (fictional demo clients only).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py [--out docs/screenshots]

Runs the real window on the demo vault in a throwaway folder; nothing is written to your own
vault, settings or data folders.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SCRATCH = Path(tempfile.mkdtemp(prefix="ihrp-shots-"))
os.environ["IHRP_HOME"] = str(_SCRATCH / "home")  # settings and data folders stay out of the real ones

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from ihrp_desktop.app.background import InlineRunner  # noqa: E402
from ihrp_desktop.app.editor.theme import apply_theme  # noqa: E402
from ihrp_desktop.app.i18n import install_translators, remove_translators  # noqa: E402
from ihrp_desktop.app.launch import DEMO_PASSPHRASE, make_demo_vault  # noqa: E402
from ihrp_desktop.app.main_window import MainWindow  # noqa: E402
from ihrp_desktop.app.print_preview import PrintDialog  # noqa: E402
from ihrp_desktop.app.settings import AppSettings  # noqa: E402
from ihrp_desktop.core.forms import default_library  # noqa: E402

SIZE = (1280, 860)


def settle(ms: int = 150) -> None:
    """Let layouts, deferred scrolls and repaints finish before a grab."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    QCoreApplication.processEvents()


def shoot(widget: QWidget, out: Path, name: str) -> None:
    settle()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def first_sheet_of(window: MainWindow, form_id: str, language: str = "en") -> int:
    vault = window.vault
    assert vault is not None
    clients = sorted(vault.clients(), key=lambda c: c.language != language)  # that language's first
    for client in clients:
        for sheet in vault.worksheets(client.id):
            if sheet.form_id == form_id:
                return sheet.id
    raise LookupError(form_id)


def build_window(theme: str, vault_path: Path) -> MainWindow:
    app = QApplication.instance()
    settings = AppSettings()
    apply_theme(app, theme, settings.get("font_scale"))
    window = MainWindow(vault_path, default_library(), settings, InlineRunner(), InlineRunner())
    window.resize(*SIZE)
    window.show()
    return window


def unlock(window: MainWindow) -> None:
    window.unlock_screen.passphrase.setText(DEMO_PASSPHRASE)
    window.unlock_screen.try_unlock()


def main_views(out: Path, vault_path: Path, theme: str, suffix: str = "", language: str = "en") -> None:
    install_translators(QApplication.instance(), language)
    window = build_window(theme, vault_path)
    shoot(window, out, "unlock" + suffix)
    unlock(window)
    # Marisol's worksheets are in Spanish: the Spanish shots show a Spanish client, end to end.
    who = "Marisol" if language == "es" else "Agnieszka"
    client = next(c for c in window.vault.clients() if c.name.startswith(who))
    window.client_list.select(client.id)
    window.show_client(client.id)
    shoot(window, out, "client-page" + suffix)
    shots = ["decisional_balance", "microanalysis", "alternatives", "optimal_use_plan"]
    if not suffix:  # the demo fills these for Agnieszka only (English): shot in the light theme
        shots += ["urge_log", "awareness_practice", "session_check_in", "safety_plan", "audit"]
    for form_id in shots:
        window.open_worksheet(first_sheet_of(window, form_id, language))
        shoot(window, out, f"worksheet-{form_id.replace('_', '-')}" + suffix)
    window.open_worksheet(first_sheet_of(window, "optimal_use_plan", language))
    page = window.page
    dialog = PrintDialog(window.vault, page.form, page.worksheet_id, InlineRunner(), parent=window)
    dialog.resize(900, 860)
    dialog.show()
    shoot(dialog, out, "print-preview" + suffix)
    dialog.close()
    if language != "en":  # the Spanish client view shows the demo's Spanish-speaking client's 18 Alternatives
        window.open_worksheet(first_sheet_of(window, "alternatives", language))
    window.toggle_client_view()
    window.resize(*SIZE)  # offscreen "full screen" is the virtual screen's size; keep shots comparable
    shoot(window, out, "client-view" + suffix)
    window.toggle_client_view()
    window.close()
    remove_translators(QApplication.instance())


def create_view(out: Path, theme: str) -> None:
    window = build_window(theme, _SCRATCH / "new-vault")
    window.create_screen.first.setText("correct horse battery staple")
    shoot(window, out, "create-vault")
    window.close()


def activity_view(out: Path, vault_path: Path) -> None:
    """File > Activity after a short session: opening and editing a worksheet, printing, a lock."""
    from ihrp_desktop.app.activity import ActivityDialog

    window = build_window("light", vault_path)
    unlock(window)
    window.open_worksheet(first_sheet_of(window, "optimal_use_plan"))
    page = window.page
    values = page.editor.values()
    values["substance"] = (values.get("substance") or "") + " "
    page.editor.set_values(values)
    page.autosaver.changed()
    page.flush()
    window.vault.record("printed", client_id=page.client_id, worksheet_id=page.worksheet_id,
                        detail="take-home to file")
    window.lock()
    unlock(window)
    dialog = ActivityDialog(window.vault, InlineRunner(), parent=window)
    dialog.show()
    shoot(dialog, out, "activity")
    dialog.close()
    window.close()


def carry_and_review_views(out: Path, vault_path: Path) -> None:
    """The carry-forward picker for a new plan, and a plan's review before revising it."""
    from PySide6.QtCore import Qt

    from ihrp_desktop.app.carry_picker import CarryPicker
    from ihrp_desktop.core.forms.carrying import gather_sources, offered_items

    window = build_window("light", vault_path)
    unlock(window)
    vault, library = window.vault, window.library
    plan = library.get("optimal_use_plan")
    client = next(c for c in vault.clients() if c.name.startswith("Agnieszka"))
    items = offered_items(plan, gather_sources(vault, library, client.id, plan), "en")
    picker = CarryPicker(plan, items, "en", parent=window)
    for row, _item in picker._items[::3]:  # a few ticked, as a person would
        row.setCheckState(0, Qt.CheckState.Checked)
    picker.show()
    shoot(picker, out, "carry-picker")
    picker.close()
    # "Revise plan" on a plan not reviewed yet: the review comes first (at 1366x768).
    sheet = vault.new_worksheet(client.id, "optimal_use_plan", plan.version, values={"substance": "Wine"})
    window.open_worksheet(sheet.id)
    window.resize(1366, 768)
    window.revise_current()
    shoot(window, out, "worksheet-review")
    window.close()


def alternatives_views(out: Path, vault_path: Path) -> None:
    """The 18 Alternatives at 1366x768: the options with their statuses ("Doesn't apply to me") and the
    health-care group with the caution on stopping, then the next round's review: reviewed, the
    worksheet is revised, and "New version" on version 2 opens its review with one row per option
    being tried."""
    from PySide6.QtWidgets import QScrollArea

    window = build_window("light", vault_path)
    unlock(window)
    window.open_worksheet(first_sheet_of(window, "alternatives"))
    window.resize(1366, 768)
    page = window.page
    scroll = max(page.findChildren(QScrollArea), key=lambda a: a.widget().height() if a.widget() else 0)
    menu = page.editor.editor_for("alternatives")
    for name, target in (("worksheet-alternatives-statuses", menu.rows["own_equipment"]),
                         ("worksheet-alternatives-health", menu.rows["safer_sex"])):
        settle()
        bar = scroll.verticalScrollBar()
        bar.setValue(target.mapTo(scroll.widget(), target.rect().topLeft()).y() - 130)
        shoot(window, out, name)
    window.revise_current()  # the demo's review is done: this makes version 2
    window.revise_current()  # version 2's review opens, started with the options being tried
    page = window.page
    scroll = max(page.findChildren(QScrollArea), key=lambda a: a.widget().height() if a.widget() else 0)
    target = page.editor.editor_for("review_options")
    settle()
    scroll.verticalScrollBar().setValue(target.mapTo(scroll.widget(), target.rect().topLeft()).y() - 130)
    shoot(window, out, "worksheet-alternatives-review")
    window.close()


NEW_WORKSHEETS = ("urge_log", "awareness_practice", "session_check_in", "safety_plan", "audit", "audit_c")


def new_worksheets_in_spanish(out: Path, vault_path: Path) -> None:
    """The newer worksheets for the demo's Spanish-speaking client at 1366x768, Spanish interface: in tú
    (her register), then her page set to usted, two worksheets and the print dialog in usted."""
    install_translators(QApplication.instance(), "es")
    window = build_window("light", vault_path)
    unlock(window)
    vault = window.vault
    client = next(c for c in vault.clients() if c.name.startswith("Marisol"))
    sheets = {form_id: first_or_new(window, client.id, form_id) for form_id in NEW_WORKSHEETS}
    window.resize(1366, 768)
    for form_id, sheet_id in sheets.items():
        window.open_worksheet(sheet_id)
        shoot(window, out, f"worksheet-{form_id.replace('_', '-')}-es")
    # Her page says usted: the worksheets whose first screen says tú, and the print dialog's choice.
    window.show_client(client.id)
    combo = window.client_page.language
    combo.setCurrentIndex(combo.findData("es:formal"))
    combo.activated.emit(combo.currentIndex())
    shoot(window, out, "client-page-es-usted")
    for form_id in ("urge_log", "awareness_practice"):
        window.open_worksheet(sheets[form_id])
        shoot(window, out, f"worksheet-{form_id.replace('_', '-')}-es-usted")
    page = window.page
    dialog = PrintDialog(window.vault, page.form, page.worksheet_id, InlineRunner(), parent=window)
    dialog.resize(900, 760)
    dialog.copy.setCurrentIndex(dialog.copy.findData("blank"))  # an empty worksheet: its blank has the text
    dialog.show()
    shoot(dialog, out, "print-preview-es-usted")
    dialog.close()
    vault.set_client_register(client.id, "informal")
    window.close()
    remove_translators(QApplication.instance())


def first_or_new(window: MainWindow, client_id: int, form_id: str) -> int:
    """The client's first worksheet of ``form_id``, or a new empty one (the demo fills some in English
    only)."""
    vault = window.vault
    for sheet in vault.worksheets(client_id):
        if sheet.form_id == form_id:
            return sheet.id
    return vault.new_worksheet(client_id, form_id, window.library.get(form_id).version).id


def chain_overview_view(out: Path, vault_path: Path) -> None:
    """A demo microanalysis with the chain at a glance beside it, its third link in view (1280x860)."""
    window = build_window("light", vault_path)
    unlock(window)
    window.open_worksheet(first_sheet_of(window, "microanalysis"))
    assert window.page is not None
    settle()
    window.page.editor.go_to_row(2)
    shoot(window, out, "chain-overview")
    window.close()


VIEWS: dict[str, Callable[[Path, Path], None]] = {
    "light": lambda out, vault: main_views(out, vault, "light"),
    "dark": lambda out, vault: main_views(out, vault, "dark", "-dark"),
    "high_contrast": lambda out, vault: main_views(out, vault, "high_contrast", "-high-contrast"),
    "spanish": lambda out, vault: main_views(out, vault, "light", "-es", language="es"),
    "activity": activity_view,
    "carry": carry_and_review_views,
    "alternatives": alternatives_views,
    "new_es": new_worksheets_in_spanish,
    "chain": chain_overview_view,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "screenshots")
    parser.add_argument("--views", default=",".join(VIEWS), help="any of: " + ", ".join(VIEWS))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    QApplication.instance() or QApplication(sys.argv[:1])
    vault_path = make_demo_vault(_SCRATCH)
    create_view(args.out, "light")
    for view in args.views.split(","):
        VIEWS[view](args.out, vault_path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
