"""The app's meter and refusal use the one core score the command line uses (zxcvbn, 3 of 4 needed)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ihrp_desktop.app.main_window import MainWindow
from ihrp_desktop.app.strength import describe, refusal
from ihrp_desktop.core.strength import assess
from tests.kdf_floor import LOWER

ROOT = Path(__file__).resolve().parents[2]
WEAK = ["a", "12345678", "Summer2024!", "password1"]
STRONG = ["correct horse battery staple", "xk4!Vq9#mR2pLw7z"]


@pytest.mark.parametrize("passphrase", WEAK + STRONG + ["correct horse"])
def test_the_meter_shows_the_core_score(passphrase: str) -> None:
    score, words = describe(passphrase)
    assert score == assess(passphrase).score
    assert (refusal(passphrase) is None) == (score >= 3)
    if score < 3:
        assert words.startswith("Too easy to guess.")
    else:
        assert words in ("Strong.", "Very strong.")


def test_summer2024_is_not_called_strong() -> None:
    assert describe("Summer2024!") == (
        2,
        "Too easy to guess. This is similar to a commonly used password. Add "
        "another word or two. Uncommon words are better. Capitalization "
        "doesn't help very much.",
    )


def test_the_app_refuses_what_the_command_line_refuses(
    qtbot: Any, make_window: Callable[[Path], MainWindow], tmp_path: Path, free_widgets: None
) -> None:
    window = make_window(tmp_path / "new-vault")
    screen = window.create_screen
    for weak in WEAK:
        screen.first.setText(weak)
        screen.second.setText(weak)
        screen.try_create()
        assert screen.message.text().startswith("This passphrase is too easy to guess."), weak
        assert not (tmp_path / "new-vault").exists()
    screen.first.setText(STRONG[0])
    screen.second.setText(STRONG[0])
    screen.try_create()
    qtbot.waitUntil(lambda: window.vault is not None, timeout=20_000)


# The first-run screen of a real app process: zxcvbn is loaded only once a passphrase is typed.
SHOWN = (
    LOWER
    + """
import json, sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
show = QMainWindow.show
def report(window):
    show(window)
    before = "zxcvbn" in sys.modules
    window.create_screen.first.setText("a quiet harbour")
    print(json.dumps([before, "zxcvbn" in sys.modules]), flush=True)
    __import__("os")._exit(0)
QMainWindow.show = report
from ihrp_desktop.cli import main
main(["--vault", sys.argv[1]])
"""
)


def test_zxcvbn_loads_only_when_a_passphrase_is_being_set(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-c", SHOWN, str(tmp_path / "new-vault")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.splitlines()[-1]) == [False, True]
