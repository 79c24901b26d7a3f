"""A real app process that unlocks a vault, opens a worksheet and types into it until it is killed.

    python -m tests.app.typing_driver VAULT WORKSHEET_ID   (from the repository root; passphrase on stdin)

Prints "field <id>" once the worksheet is open, then "typed <count> <monotonic time>" after every
character, so the test that kills it knows exactly what was on screen and when.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit  # noqa: E402

from ihrp_desktop.app.background import BackgroundRunner  # noqa: E402
from ihrp_desktop.app.main_window import MainWindow  # noqa: E402
from ihrp_desktop.app.settings import AppSettings  # noqa: E402
from ihrp_desktop.core.forms import default_library  # noqa: E402
from tests.app.driving import type_text  # noqa: E402

TEXT = "Zażółć gęślą jaźń, Съешь ещё этих булок, ¿qué tal? 🌱 " * 40
KEY_INTERVAL_MS = 15  # a fast typist: about 65 characters a second


def main() -> int:
    import ihrp_desktop.core.kdf_limits as kdf_limits

    kdf_limits.FLOOR_MEMORY_KIB, kdf_limits.FLOOR_ITERATIONS = 8, 1  # tests only: KdfParams.fast() vaults
    vault_path, worksheet_id = Path(sys.argv[1]), int(sys.argv[2])
    passphrase = sys.stdin.readline().rstrip("\n")
    app = QApplication(sys.argv[:1])
    window = MainWindow(vault_path, default_library(), AppSettings(), BackgroundRunner(),
                        BackgroundRunner(serial=True))
    window.open_after_unlock = worksheet_id
    window.show()
    window.unlock_screen.passphrase.setText(passphrase)
    window.unlock_screen.try_unlock()
    typed = [0]

    def type_next() -> None:
        box = window.focusWidget()
        if window.page is None or not isinstance(box, QLineEdit | QPlainTextEdit):
            return
        if typed[0] == 0:
            field = next(f for f, e in window.page.editor._editors().items() if e.isAncestorOf(box))
            print(f"field {field}", flush=True)
        char = TEXT[typed[0] % len(TEXT)]
        type_text(box, char)  # a real key event, as from the keyboard
        typed[0] += 1
        print(f"typed {typed[0]} {time.monotonic():.6f}", flush=True)

    keys = QTimer()
    keys.setInterval(KEY_INTERVAL_MS)
    keys.timeout.connect(type_next)
    keys.start()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
