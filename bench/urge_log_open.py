"""Opening a long urge log in the editor (issue 16's stranger, case 9: 500 entries froze the window).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.urge_log_open [--entries 50 200]

Builds the worksheet editor (offscreen) for an urge log of N entries, as opening it in the app does,
and reports the seconds it took and the process's peak memory. Never part of the test run.
"""

from __future__ import annotations

import argparse
import resource
import time


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--theme", action="store_true", help="with the app's theme (its style sheet) applied")
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from ihrp_desktop.app.editor.editor import WorksheetEditor
    from ihrp_desktop.core.forms import default_library
    from ihrp_desktop.core.forms.values import empty_values

    app = QApplication.instance() or QApplication([])
    if args.theme:
        from ihrp_desktop.app.editor.theme import apply_theme

        apply_theme(app, "light", 1.0)  # type: ignore[arg-type]  # one QApplication
    form = default_library().get("urge_log")
    for n in args.entries:
        urges = [{"when": f"2026-11-{1 + i % 28:02d}T10:00", "where": "kitchen", "start": 7, "peak": 8,
                  "noticed": "tight chest", "did": "a walk", "passed": "slowly", "learned": "it passes"}
                 for i in range(n)]
        start = time.perf_counter()
        editor = WorksheetEditor(form, {**empty_values(form), "urges": urges})
        editor.resize(1280, 720)
        editor.show()
        app.processEvents()
        took = time.perf_counter() - start
        peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"urge log, {n} entries: opened in {took:.1f} s; peak memory so far {peak_mib:.0f} MiB",
              flush=True)
        editor.close()
        editor.deleteLater()
        app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
