"""What each benchmark process does: ``python -m bench.drivers MODE ARGS...``.

Every figure is measured in a fresh process (QT_QPA_PLATFORM=offscreen), and so is its floor.
A driver prints ``SHOWN`` the moment a window is first exposed (for launch timing, read by the parent),
and otherwise one JSON object on its last line of output. Times are in milliseconds.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any


def rss_mb() -> float:
    """Resident memory of this process now (Linux /proc; ru_maxrss elsewhere is the peak, not now)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def emit(result: dict[str, Any]) -> None:
    print(json.dumps(result), flush=True)


def _expose_filter(on_shown: Any) -> Any:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QWindow

    class Shown(QObject):
        fired = False
        callback = staticmethod(on_shown)

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
            if (not self.fired and event.type() == QEvent.Type.Expose and isinstance(obj, QWindow)
                    and obj.isExposed()):
                self.fired = True
                on_shown()
            return False

    return Shown()


def _watch_from_show(app: Any, watcher: Any) -> Any:
    """Watch the first main window shown for its first Expose, with ``watcher`` on that window alone.

    An event filter written in Python on the whole app is called for every event of every widget
    (thousands of Polish, ChildAdded, LayoutRequest... events while a real window is built and laid
    out, a handful for a bare one): it would add the instrument's own cost to the figure. Both the
    figure and its floor are watched the same way: on the window's QWindow, from ``show()`` on.
    """
    from PySide6.QtWidgets import QMainWindow

    original = QMainWindow.show

    def show_then_watch(window: Any) -> None:
        QMainWindow.show = original  # once
        original(window)
        handle = window.windowHandle()
        handle.installEventFilter(watcher)
        if handle.isExposed():  # a platform that exposes synchronously, inside show()
            watcher.fired = True
            watcher.callback()

    QMainWindow.show = show_then_watch  # type: ignore[method-assign]
    return watcher  # the caller keeps it: an event filter nobody holds is collected and stops


# -- launch ---------------------------------------------------------------------------------------

def bare_window() -> None:
    """Floor: a bare PySide6 QMainWindow shown."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])

    def shown() -> None:
        print("SHOWN", flush=True)
        emit({"rss_mb": rss_mb()})
        os._exit(0)

    watcher = _watch_from_show(app, _expose_filter(shown))  # noqa: F841 - held while the app runs
    window = QMainWindow()
    window.resize(1280, 860)
    window.show()
    app.exec()


def launch(vault: str) -> None:
    """Figure: the real ``ihrp-desktop --vault VAULT`` until its unlock window is exposed."""
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])  # launch() reuses it; the hook needs it before launch() runs

    def shown() -> None:
        print("SHOWN", flush=True)
        os._exit(0)

    watcher = _watch_from_show(app, _expose_filter(shown))  # noqa: F841 - held while the app runs
    from ihrp_desktop.cli import main

    main(["--vault", vault])


def first_start(vault: str) -> None:
    """The app's first start on this computer, to its end: the window shown, then the workspace built
    behind it (which notes the system's light/dark scheme in the settings, as every start does).

    Run once before the launch figures, so that they are the everyday start, not the first ever
    (which asks the system for its scheme before the first paint); prints that start's times.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    t0 = time.perf_counter()
    times: dict[str, float] = {}
    # A 1 ms heartbeat on the GUI thread from the first Expose on: the longest it went without
    # running is how long a key typed right after the window appeared could wait.
    gaps: list[float] = []
    last = [0.0]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    heart = QTimer()
    heart.setInterval(1)
    heart.timeout.connect(beat)

    def shown() -> None:
        last[0] = time.perf_counter()
        heart.start()
        times["shown_ms"] = (last[0] - t0) * 1000
        from ihrp_desktop.app.main_window import MainWindow

        window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
        window.workspace_built.connect(built)

    def built() -> None:
        times["workspace_ms"] = (time.perf_counter() - t0) * 1000
        QTimer.singleShot(100, done)  # what the launch does once the workspace is built, too

    def done() -> None:
        times["gui_max_gap_ms"] = max(gaps)
        emit(times)
        os._exit(0)

    watcher = _watch_from_show(app, _expose_filter(shown))  # noqa: F841 - held while the app runs
    from ihrp_desktop.cli import main

    main(["--vault", vault])


# -- unlock ---------------------------------------------------------------------------------------

TYPING_PASSPHRASE_MS = 1500


def unlock(vault: str, passphrase: str) -> None:
    """Figure: Unlock pressed until the client list is painted (real window, real worker); RSS then.

    Floor (same process, afterwards): the key derivation alone (``unlock_key``).
    """
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    state: dict[str, Any] = {}

    def window() -> Any:
        from ihrp_desktop.app.main_window import MainWindow

        return next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))

    class Painted(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
            if "t0" in state and "t1" not in state and event.type() == QEvent.Type.Paint:
                win = window()
                if (obj is win.client_list.list.viewport() and win.stack.currentWidget() is win.workspace
                        and win.client_list.list.count() > 0):
                    state["t1"] = time.perf_counter()
                    QTimer.singleShot(0, finish)
            return False

    def press_unlock() -> None:
        win = window()
        win.unlock_screen.passphrase.setText(passphrase)
        state["t0"] = time.perf_counter()
        win.unlock_screen.try_unlock()

    def finish() -> None:
        win = window()
        rss = rss_mb()
        shown = win.client_list.list.count()
        from ihrp_desktop.core.vault import unlock_key

        win.close()  # lock: the vault is closed before the core path below opens it again
        k0 = time.perf_counter()
        key = unlock_key(Path(vault), passphrase)
        kdf = (time.perf_counter() - k0) * 1000
        # The same open in the core with the page-by-page check left for a worker (full_check=False).
        from ihrp_desktop.core.vault import Vault

        q0 = time.perf_counter()
        opened = Vault.open_with_key(Path(vault), key, full_check=False)
        opened.clients(limit=200)
        quick = (time.perf_counter() - q0) * 1000
        opened.close()
        emit({"unlock_ms": (state["t1"] - state["t0"]) * 1000, "kdf_ms": kdf, "rss_mb": rss,
              "clients_listed": shown, "open_quick_ms": quick})
        os._exit(0)

    painted = Painted()
    app.installEventFilter(painted)
    # A person needs well over a second to type a passphrase; press Unlock that long after the window shows.
    watcher = _expose_filter(lambda: QTimer.singleShot(TYPING_PASSPHRASE_MS, press_unlock))
    app.installEventFilter(watcher)
    from ihrp_desktop.app.launch import launch as run_app

    run_app(vault=vault)


# -- the open workspace: search, open a client, autosave while typing ----------------------------

def _bare_connection(vault: Path, key: Any) -> Any:
    import sqlcipher3

    conn = sqlcipher3.connect(f"{(vault / 'vault.db').resolve().as_uri()}?mode=ro", uri=True,
                              isolation_level=None, check_same_thread=False)
    conn.execute(f'PRAGMA key = "{key.sql_literal()}"')
    conn.execute("PRAGMA cipher_compatibility = 4")
    return conn


SEARCHES = ("garc", "smith", "nowa", "kuzn", "maría", "łukasz", "jame", "ramir")

CLIENT_ROWS_SQL = (
    "SELECT w.id, w.client_id, w.session_id, s.date, w.form_id, w.form_version, w.status, w.filled_by, "
    "w.language, w.created_at, w.updated_at, w.previous_id FROM worksheets w JOIN sessions s "
    "ON s.id = w.session_id WHERE w.client_id = ? ORDER BY w.created_at, w.id"
)


def _open_worksheets(app: Any, win: Any, vault: Any, client_id: int, runs: int) -> dict[str, Any]:
    """Open a worksheet from the client's page, until painted (a click on a worksheet does the same):
    the first of each form the client has. Floor, alternated with it: a bare page (one label) put in
    the same place of the window and painted, the least any page costs to show."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    first_of: dict[str, int] = {}
    for sheet in vault.worksheets(client_id):
        first_of.setdefault(sheet.form_id, sheet.id)
    out: dict[str, Any] = {"open_worksheet_ms": {}, "open_worksheet_cpu_ms": {}}
    floors: list[float] = []
    for form_id, sheet_id in sorted(first_of.items()):
        times = []
        cpu = []  # the GUI thread's own CPU time: what other work on a shared machine disturbs least
        for _ in range(max(3, runs // 2)):
            win.show_client(client_id)
            app.processEvents()
            # A closed page is deleted when the event loop next runs; there is no loop running here.
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            t0, c0 = time.perf_counter(), time.thread_time()
            win.open_worksheet(sheet_id)
            app.processEvents()
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.thread_time() - c0) * 1000)
            win.show_client(client_id)
            app.processEvents()
            t0 = time.perf_counter()
            bare = QWidget(win.right)
            QVBoxLayout(bare).addWidget(QLabel("A page"))
            win.right.addWidget(bare)
            win.right.setCurrentWidget(bare)
            app.processEvents()
            floors.append((time.perf_counter() - t0) * 1000)
            win.right.removeWidget(bare)
            bare.deleteLater()
        out["open_worksheet_ms"][form_id] = statistics.median(times)
        out["open_worksheet_cpu_ms"][form_id] = statistics.median(cpu)
    out["open_worksheet_floor_ms"] = statistics.median(floors)
    return out


def open_worksheets(vault_arg: str, passphrase: str, client_id_arg: str, runs_arg: str) -> None:
    """Only the opening of worksheets, set up as ``workspace`` is (``bench.run --only open``)."""
    from PySide6.QtWidgets import QApplication

    from ihrp_desktop.app.background import BackgroundRunner
    from ihrp_desktop.app.editor.theme import apply_theme
    from ihrp_desktop.app.main_window import MainWindow
    from ihrp_desktop.app.settings import AppSettings
    from ihrp_desktop.core.forms import default_library
    from ihrp_desktop.core.vault import Vault, unlock_key

    vault_path = Path(vault_arg)
    app = QApplication(sys.argv[:1])
    settings = AppSettings()
    apply_theme(app, settings.get("theme"), settings.get("font_scale"))
    key = unlock_key(vault_path, passphrase)
    vault = Vault.open_with_key(vault_path, key, full_check=False)
    win = MainWindow(vault_path, default_library(), settings, BackgroundRunner(),
                     BackgroundRunner(serial=True))
    win.show()
    win.vault_opened(vault)
    win.writer.wait()  # the page check, then the day's backup, as in ``workspace``
    app.processEvents()
    win.session.backup_runner.wait()
    app.processEvents()
    out = _open_worksheets(app, win, vault, int(client_id_arg), int(runs_arg))
    out["client_worksheets"] = len(vault.worksheets(int(client_id_arg)))
    win.close()
    vault.close()
    emit(out)


def workspace(vault_arg: str, passphrase: str, client_id_arg: str, runs_arg: str) -> None:
    """Figures: one search keystroke, open a client, GUI blocking while autosaving. Floors: bare SQLCipher."""
    from PySide6.QtCore import QEvent, QTimer
    from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit

    from ihrp_desktop.app.background import BackgroundRunner
    from ihrp_desktop.app.editor.theme import apply_theme
    from ihrp_desktop.app.main_window import MainWindow
    from ihrp_desktop.app.settings import AppSettings
    from ihrp_desktop.core.forms import default_library
    from ihrp_desktop.core.vault import Vault, unlock_key
    from ihrp_desktop.core.vault.clients import search_key

    vault_path = Path(vault_arg)
    client_id = int(client_id_arg)
    runs = int(runs_arg)
    app = QApplication(sys.argv[:1])
    settings = AppSettings()
    apply_theme(app, settings.get("theme"), settings.get("font_scale"))
    key = unlock_key(vault_path, passphrase)
    vault = Vault.open_with_key(vault_path, key, full_check=False)  # as the app opens it
    win = MainWindow(vault_path, default_library(), settings, BackgroundRunner(),
                     BackgroundRunner(serial=True))
    win.show()
    win.vault_opened(vault)
    # The whole-file page check is the writer's first job after an unlock (seconds on the large
    # vault; saves wait behind it), then the day's first unlock makes the daily backup: measured
    # here is the everyday typing that follows both.
    win.writer.wait()
    app.processEvents()  # the check's result starts the backup
    win.session.backup_runner.wait()
    app.processEvents()
    out: dict[str, Any] = {}

    # Search as you type: each keystroke until the list has been repainted.
    search = win.client_list.search
    keystrokes: list[float] = []
    for _ in range(max(1, runs // 3)):
        for word in SEARCHES:
            search.clear()
            app.processEvents()
            for ch in word:
                t0 = time.perf_counter()
                search.insert(ch)
                app.processEvents()
                keystrokes.append((time.perf_counter() - t0) * 1000)
    out["keystroke_ms"] = statistics.median(keystrokes)
    out["keystroke_max_ms"] = max(keystrokes)
    search.clear()
    app.processEvents()

    bare = _bare_connection(vault_path, key)
    lookups: list[float] = []
    for _ in range(max(1, runs // 3)):
        for word in SEARCHES:
            for n in range(1, len(word) + 1):
                prefix = search_key(word[:n])
                t0 = time.perf_counter()
                bare.execute(
                    "SELECT id, name FROM clients WHERE name_key >= ? AND name_key < ? ORDER BY name_key "
                    "LIMIT 200", (prefix, prefix + "\U0010ffff")).fetchall()
                lookups.append((time.perf_counter() - t0) * 1000)
    out["lookup_floor_ms"] = statistics.median(lookups)

    # Open a client: their page of sessions and worksheets, painted.
    opens: list[float] = []
    for _ in range(runs):
        win.right.setCurrentWidget(win.welcome)
        app.processEvents()
        t0 = time.perf_counter()
        win.show_client(client_id)
        app.processEvents()
        opens.append((time.perf_counter() - t0) * 1000)
    out["open_client_ms"] = statistics.median(opens)
    out["client_worksheets"] = len(vault.worksheets(client_id))
    floor: list[float] = []
    for _ in range(runs):
        t0 = time.perf_counter()
        bare.execute(CLIENT_ROWS_SQL, (client_id,)).fetchall()
        bare.execute("SELECT id, date, note FROM sessions WHERE client_id = ? ORDER BY date, id",
                     (client_id,)).fetchall()
        floor.append((time.perf_counter() - t0) * 1000)
    out["open_client_floor_ms"] = statistics.median(floor)
    bare.close()

    out.update(_open_worksheets(app, win, vault, client_id, runs))

    # Typing in a worksheet for a few seconds: the autosaver saves on the writer thread; a 1 ms
    # heartbeat on the GUI thread records how long the GUI ever went without running.
    plans = [w for w in vault.worksheets(client_id) if w.form_id == "optimal_use_plan"]
    win.open_worksheet((plans or vault.worksheets(client_id))[0].id)
    app.processEvents()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the page closed just now
    page = win.page
    assert page is not None
    boxes = page.editor.findChildren(QPlainTextEdit) + page.editor.findChildren(QTextEdit)
    editors = [w for w in boxes if not w.isReadOnly()] or [
        w for w in page.editor.findChildren(QLineEdit) if not w.isReadOnly()]
    target = editors[0]
    saves = {"n": 0}
    page.autosaver.state_changed.connect(
        lambda s, _d: s == "saved" and saves.__setitem__("n", saves["n"] + 1))
    gaps: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    def type_char() -> None:
        if isinstance(target, QLineEdit):
            target.insert("a")
        else:
            target.insertPlainText("a ")

    heart = QTimer()
    heart.setInterval(1)
    heart.timeout.connect(beat)
    typing = QTimer()
    typing.setInterval(150)  # a steady typist with pauses: saves come every ~0.6 s of quiet
    typing.timeout.connect(type_char)
    pauses = QTimer()
    pauses.setInterval(900)
    pauses.timeout.connect(lambda: typing.stop() if typing.isActive() else typing.start())
    heart.start()
    typing.start()
    pauses.start()
    def stop_typing() -> None:
        # The heartbeat stops before quitting: quitting closes the window, which rightly waits for
        # the writer and for a daily backup still running (seconds on the large vault).
        heart.stop()
        typing.stop()
        pauses.stop()
        app.quit()

    QTimer.singleShot(8000, stop_typing)  # 8 s of typing with pauses
    app.exec()
    win.writer.wait()
    gaps_sorted = sorted(gaps[5:])
    out["gui_max_gap_ms"] = gaps_sorted[-1]
    out["gui_p99_gap_ms"] = gaps_sorted[int(len(gaps_sorted) * 0.99)]
    out["gui_gaps_over_16ms"] = sum(1 for g in gaps_sorted if g > 16)
    out["autosaves_during_typing"] = saves["n"]
    page.flush(closing=True)
    win.writer.wait()
    vault.close()
    emit(out)
    os._exit(0)


# -- no window: durable autosave, PDF, size ------------------------------------------------------

def _texts(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    if isinstance(value, bool) or value is None:
        return []
    return [str(value)] if str(value).strip() else []


def _bare_pdf(texts: list[str]) -> bytes:
    import io
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from ihrp_desktop.core.pdf.fonts import register_fonts

    style = ParagraphStyle("body", fontName=register_fonts(), fontSize=10, leading=13)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=letter).build([Paragraph(escape(t), style) for t in texts])
    return buffer.getvalue()


def core(vault_arg: str, passphrase: str, client_id_arg: str, runs_arg: str, scratch: str) -> None:
    """Figures: one durable autosave, the take-home PDF of a filled plan, the vault's size (and floors)."""
    import sqlcipher3

    from ihrp_desktop.core.forms import default_library
    from ihrp_desktop.core.pdf import PrintHeader, PrintOptions, render_worksheet
    from ihrp_desktop.core.vault import Vault
    from ihrp_desktop.core.vault.store import dumps

    vault_path = Path(vault_arg)
    client_id = int(client_id_arg)
    runs = int(runs_arg)
    out: dict[str, Any] = {}
    vault = Vault.open(vault_path, passphrase)
    plans = [w for w in vault.worksheets(client_id) if w.form_id == "optimal_use_plan"]
    plan = max((vault.worksheet(w.id) for w in plans), key=lambda w: len(dumps(w.values)))

    # One autosave (coalesced into the current revision, as while typing) vs a bare durable commit of
    # the same bytes. Figure and floor alternate, so that drift in the machine's speed (a shared VM)
    # touches both alike; the first of each is left out (caches warming).
    values = dict(plan.values)
    base = values.get("ideal_context", "") or ""
    text = dumps(values)
    bare_path = Path(scratch) / "bare.db"
    bare = sqlcipher3.connect(str(bare_path), isolation_level=None)
    bare.execute(f"PRAGMA key = \"x'{os.urandom(32).hex()}'\"")
    bare.execute("PRAGMA cipher_compatibility = 4")
    bare.execute("PRAGMA journal_mode = WAL")
    bare.execute("PRAGMA synchronous = FULL")
    bare.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
    bare.execute("INSERT INTO t VALUES (1, ?)", (text,))
    saves: list[float] = []
    commits: list[float] = []
    for n in range(runs * 5):
        values["ideal_context"] = f"{base} {n}"
        t0 = time.perf_counter()
        vault.save_values(plan.id, values, coalesce_seconds=30)
        saves.append((time.perf_counter() - t0) * 1000)
        payload = text[:-2] + f"{n % 10}" + text[-1:]
        t0 = time.perf_counter()
        bare.execute("BEGIN IMMEDIATE")
        bare.execute("UPDATE t SET v = ? WHERE id = 1", (payload,))
        bare.execute("COMMIT")
        commits.append((time.perf_counter() - t0) * 1000)
    bare.close()
    out["autosave_ms"] = statistics.median(saves[1:])
    out["autosave_bytes"] = len(text.encode())
    out["commit_floor_ms"] = statistics.median(commits[1:])

    # The take-home PDF of the filled plan vs a bare ReportLab document of the same text (same font),
    # alternated too. "first" is the first render in this process (fonts parsed, styles built).
    form = default_library().get("optimal_use_plan")
    session = vault.session(plan.session_id)
    client = vault.client(client_id)
    header = PrintHeader(
        client_name=client.name, session_date=plan.session_date, session_number=session.number,
        status=plan.status, filled_by=plan.filled_by, version_number=plan.version_number,
        worksheet_id=plan.id)
    options = PrintOptions(copy="take-home", language=plan.language)
    vault.close()
    t0 = time.perf_counter()
    pdf = render_worksheet(form, plan.values, header, options)
    out["pdf_first_ms"] = (time.perf_counter() - t0) * 1000
    texts = _texts(plan.values)
    _bare_pdf(texts)
    renders: list[float] = []
    bares: list[float] = []
    for _ in range(runs * 3):
        t0 = time.perf_counter()
        pdf = render_worksheet(form, plan.values, header, options)
        renders.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        _bare_pdf(texts)
        bares.append((time.perf_counter() - t0) * 1000)
    out["pdf_ms"] = statistics.median(renders)
    out["pdf_bytes"] = len(pdf)
    out["pdf_floor_ms"] = statistics.median(bares)
    out["pdf_text_chars"] = sum(len(t) for t in texts)
    emit(out)


def size(vault_arg: str, passphrase: str) -> None:
    """Figure: the vault's bytes on disk (closed). Floor: the same text as UTF-8 (every stored answer,
    revision, name, note and audit line: what a plain-text dump of the vault would weigh)."""
    from ihrp_desktop.core.vault import unlock_key

    vault_path = Path(vault_arg)
    conn = _bare_connection(vault_path, unlock_key(vault_path, passphrase))
    queries = {
        "answers": "SELECT sum(length(CAST(values_json AS BLOB))) FROM worksheets",
        "revisions": "SELECT sum(length(CAST(values_json AS BLOB))) FROM revisions",
        "names": "SELECT sum(length(CAST(name AS BLOB))) FROM clients",
        "notes": "SELECT sum(length(CAST(note AS BLOB))) FROM sessions",
        "audit": "SELECT sum(length(CAST(detail AS BLOB)) + length(action)) FROM audit_events",
    }
    text = {k: int(conn.execute(q).fetchone()[0] or 0) for k, q in queries.items()}
    counts = {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
              for t in ("clients", "sessions", "worksheets", "revisions", "audit_events")}
    conn.close()
    on_disk = sum(p.stat().st_size for p in vault_path.iterdir() if p.is_file())
    emit({"vault_bytes": on_disk, "text_bytes": sum(text.values()), "text_parts": text, "counts": counts})


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    {"bare_window": bare_window, "launch": launch, "first_start": first_start, "unlock": unlock,
     "workspace": workspace, "open_worksheets": open_worksheets, "core": core, "size": size}[mode](*args)
