"""Progress speed: a client with a long history (a year of weekly sessions), charted and printed.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench.progress_speed [--sessions 52] [--runs 5]

Each session holds a decisional balance, a session check-in, an AUDIT and a microanalysis (not charted);
every fourth one a new plan version. Reports the median of: reading the client's progress
(``core.progress.client_progress``: the worksheet list and one read of the charted answers), building the
Progress tab's charts (QtCharts, offscreen) and rendering the clinician's report (ReportLab, PDF/A).
Never part of the test run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _with(changes: dict[str, Any]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """A plan's next version: the old answers with ``changes``."""
    return lambda old: {**old, **changes}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=52)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from ihrp_desktop.app.progress_view import ProgressView
    from ihrp_desktop.core.forms import default_library
    from ihrp_desktop.core.pdf.progress_report import render_progress_report
    from ihrp_desktop.core.progress import client_progress
    from ihrp_desktop.core.vault import KdfParams, Vault
    from tests.kdf_floor import lower
    from tests.progress_data import answers_scoring

    lower()  # a scratch vault with KdfParams.fast(): the key's cost is not what this measures
    app = QApplication.instance() or QApplication([])
    library = default_library()
    with tempfile.TemporaryDirectory() as scratch, \
            Vault.create(Path(scratch) / "v", "bench", kdf=KdfParams.fast()) as vault:
        client = vault.add_client("Bench")
        audit = answers_scoring("audit", "audit_score", 12)
        plan = None
        for n in range(args.sessions):
            session = vault.add_session(client.id, dt.date(2025, 1, 6) + dt.timedelta(weeks=n)).id
            vault.new_worksheet(client.id, "decisional_balance", 1, session_id=session,
                                values={"importance": n % 11, "confidence": (n + 3) % 11,
                                        "readiness": (n + 5) % 11})
            vault.new_worksheet(client.id, "session_check_in", 1, session_id=session,
                                values={"listened": n % 11, "what_mattered": 7, "way_fit": 8})
            vault.new_worksheet(client.id, "audit", 1, session_id=session, values=audit)
            vault.new_worksheet(client.id, "microanalysis", 1, session_id=session, values={})
            if n % 4 == 0:
                values = {"current_days": 6 - n % 5, "ideal_days": 3}
                if plan is None:
                    plan = vault.new_worksheet(client.id, "optimal_use_plan", 1, session_id=session,
                                               values=values)
                else:
                    plan = vault.revise(plan.id, session_id=session, starts_with=_with(values))
        view = ProgressView(library)
        view.resize(1366, 700)
        view.show()
        read, draw, report = [], [], []
        for _ in range(args.runs):
            started = time.perf_counter()
            progress = client_progress(vault, library, client.id)
            read.append(time.perf_counter() - started)
            started = time.perf_counter()
            view.show_client(vault, client.id)
            app.processEvents()
            draw.append(time.perf_counter() - started)
            started = time.perf_counter()
            render_progress_report(progress, "Bench")
            report.append(time.perf_counter() - started)
    sheets = args.sessions * 4 + (args.sessions + 3) // 4
    print(f"{sheets} worksheets over {args.sessions} sessions, median of {args.runs}: "
          f"progress read {1000 * statistics.median(read):.0f} ms, "
          f"Progress tab (read and draw) {1000 * statistics.median(draw):.0f} ms, "
          f"report {1000 * statistics.median(report):.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
