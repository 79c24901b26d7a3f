"""File > Import...: a real vault, a real export file, the real writer thread, offscreen."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QFileDialog

from ihrp_desktop.core.demo import DEMO_CLIENTS, load_demo
from ihrp_desktop.core.exchange import export_records
from ihrp_desktop.core.forms import default_library
from ihrp_desktop.core.vault import KdfParams, Vault
from tests.app.driving import PASSPHRASE, answer_next_dialog, unlock, visible_texts


def _demo_export(folder: Path) -> Path:
    with Vault.create(folder / "source", "other", kdf=KdfParams.fast()) as source:
        load_demo(source, default_library())
        doc = export_records(source)
    path = folder / "export.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def _pick(path: Path) -> None:
    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, QFileDialog)
        dialog.selectFile(str(path))
        dialog.accept()

    answer_next_dialog(act)


def test_file_import_shows_progress_then_a_summary_and_refreshes_the_list(
    qtbot: Any, make_window: Any, fast_vault: Any, free_widgets: None, tmp_path: Path
) -> None:
    export = _demo_export(tmp_path)
    window = make_window(fast_vault())
    unlock(qtbot, window)
    assert window.client_list.list.count() == 0
    assert window.import_action.isEnabled()

    _pick(export)
    window.import_action.trigger()  # the file dialog, then the import starts on the writer thread
    dialog = window.dialogs.import_dialog
    seen: list[int] = []
    dialog.bar.valueChanged.connect(seen.append)  # progress arrives queued from the writer thread
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=20_000)

    assert any(0 < value < 100 for value in seen), seen  # the bar moved through the phases
    assert dialog.bar.value() == 100
    texts = "\n".join(visible_texts(dialog))
    sheets = sum(len(s.worksheets) for c in DEMO_CLIENTS for s in c.sessions)  # counted from the demo
    assert f"Clients: {len(DEMO_CLIENTS)} new, 0 updated, 0 already here." in texts
    assert f"Worksheets: {sheets} new" in texts
    assert not any(c.name in texts for c in DEMO_CLIENTS)  # counts only, never a name
    assert window.client_list.list.count() == len(DEMO_CLIENTS)
    dialog.grab().save(str(tmp_path / "import-summary.png"))

    # The same file again adds nothing, and says so.
    _pick(export)
    window.import_action.trigger()
    again = window.dialogs.import_dialog
    qtbot.waitUntil(lambda: again.summary is not None, timeout=20_000)
    assert "Clients: 0 new, 0 updated, 3 already here." in "\n".join(visible_texts(again))
    assert window.client_list.list.count() == len(DEMO_CLIENTS)


def _imported(qtbot: Any, make_window: Any, fast_vault: Any, export: Path) -> tuple[Any, Any]:
    """``export`` imported through File > Import into a window on a vault with one client; returns the
    window and the import dialog once its work is done."""
    window = make_window(fast_vault(clients=("Already here",)))
    unlock(qtbot, window)
    _pick(export)
    window.import_action.trigger()
    dialog = window.dialogs.import_dialog
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    return window, dialog


def test_a_bad_file_in_the_app_imports_nothing_and_says_so_in_plain_words(
    qtbot: Any, make_window: Any, fast_vault: Any, free_widgets: None, tmp_path: Path
) -> None:
    export = _demo_export(tmp_path)
    doc = json.loads(export.read_text(encoding="utf-8"))
    doc["clients"][-1]["sessions"][-1]["worksheets"][-1]["language"] = "xx"
    export.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    window, dialog = _imported(qtbot, make_window, fast_vault, export)
    words = dialog.status.text()
    assert words.startswith("Nothing was imported.")
    assert "language" in words and "Traceback" not in words
    assert dialog.summary is None and dialog.buttons.isEnabled()
    assert [c.name for c in window.vault.clients(include_archived=True)] == ["Already here"]


def test_locking_during_an_import_waits_for_it_and_keeps_all_of_it(
    qtbot: Any, make_window: Any, fast_vault: Any, free_widgets: None, tmp_path: Path
) -> None:
    # 2,000 worksheets: the import is still running on the writer when the lock comes.
    sheets = [
        {
            "uid": str(uuid.uuid4()),
            "form": "optimal_use_plan",
            "form_version": 1,
            "values": {"substance": f"plan {i}"},
        }
        for i in range(2000)
    ]
    doc = {
        "format": "ihrp-desktop-export",
        "version": 2,
        "clients": [
            {
                "uid": str(uuid.uuid4()),
                "name": f"Person {c}",
                "sessions": [{"uid": str(uuid.uuid4()), "date": "2026-11-20", "worksheets": sheets[c::4]}],
            }
            for c in range(4)
        ],
    }
    export = tmp_path / "big.json"
    export.write_text(json.dumps(doc), encoding="utf-8")
    path = fast_vault()
    window = make_window(path)
    unlock(qtbot, window)

    _pick(export)
    window.import_action.trigger()
    dialog = window.dialogs.import_dialog
    window.lock()  # waits for the writer: a transaction is never cut in half
    assert window.vault is None and not dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    with Vault.open(path, PASSPHRASE) as vault:
        counts = {len(vault.worksheets(c.id)) for c in vault.clients(include_archived=True)}
    assert counts == {500}  # all of it (the lock came after it started, so never none)


def test_an_unexpected_error_in_the_import_writes_a_crash_report_and_names_it(
    qtbot: Any, make_window: Any, fast_vault: Any, free_widgets: None, tmp_path: Path,
    monkeypatch: Any, ihrp_home: Path,
) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ihrp_desktop.core import exchange

    def boom(*_args: Any) -> None:
        raise UnicodeEncodeError("utf-8", "Ana \ud800", 4, 5, "surrogates not allowed")

    monkeypatch.setattr(exchange, "import_file", boom)
    export = _demo_export(tmp_path)
    window, dialog = _imported(qtbot, make_window, fast_vault, export)
    boxes: list[QMessageBox] = []

    def shown() -> None:
        boxes[:] = [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QMessageBox) and w.objectName() == "crashMessage" and w.isVisible()]
        assert boxes

    qtbot.waitUntil(shown, timeout=5000)
    [report] = sorted((ihrp_home / "log").glob("crash-*.txt"))
    assert str(report) in boxes[0].text()  # the crash window names the report
    assert "Error type: UnicodeEncodeError" in report.read_text(encoding="utf-8")
    assert "Ana" not in report.read_text(encoding="utf-8")
    words = dialog.status.text()
    assert words.startswith("Nothing was imported.") and "UnicodeEncodeError" in words
    assert "crash report" in words and "Ana" not in words
    area = dialog.screen().availableGeometry()
    assert area.contains(dialog.frameGeometry())  # the longer words wrap inside a window on the screen
    boxes[0].close()
