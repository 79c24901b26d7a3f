"""The bundle's command line has no Qt: without a command it hands over to ihrp-desktop-gui beside it
(ihrp_desktop/cli/window_program.py). Run in child processes: a hand-over replaces the process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ihrp_desktop.cli.window_program import hand_over, window_program

CHECKOUT = Path(__file__).resolve().parents[2]


def fake_bundle(folder: Path) -> Path:
    """A folder like the bundle's: ihrp-desktop (a name only) and an ihrp-desktop-gui that writes its
    arguments to args.txt and exits 7."""
    folder.mkdir()
    (folder / "ihrp-desktop").write_text("")
    gui = folder / "ihrp-desktop-gui"
    gui.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{folder}/args.txt"\nexit 7\n')
    gui.chmod(0o755)
    return folder


def run_frozen(folder: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    """``ihrp-desktop ARGS`` as the bundle's command line would run it (sys.frozen, its executable)."""
    code = ("import sys; sys.frozen = True; sys.executable = sys.argv[1]; "
            "from ihrp_desktop.cli import main; code = main(sys.argv[2:]); "
            "print('Qt loaded' if 'PySide6' in sys.modules else 'no Qt'); raise SystemExit(code)")
    env = {**os.environ, "PYTHONPATH": str(CHECKOUT)}
    return subprocess.run([sys.executable, "-c", code, str(folder / "ihrp-desktop"), *args], env=env,
                          capture_output=True, text=True, timeout=120)


def test_in_a_venv_the_window_opens_in_the_same_process() -> None:
    assert window_program() is None


def test_the_bundles_command_line_names_the_window_program_beside_it(tmp_path) -> None:
    folder = fake_bundle(tmp_path / "bundle")
    assert window_program(str(folder / "ihrp-desktop")) == folder.resolve() / "ihrp-desktop-gui"
    assert window_program(str(folder / "ihrp-desktop-gui")) is None  # the window's own program


def test_without_a_command_the_arguments_go_to_the_window_program(tmp_path) -> None:
    folder = fake_bundle(tmp_path / "bundle")
    done = run_frozen(folder, ["--vault", "/some where/vault", "--open", "3"])
    assert done.returncode == 7, done.stderr
    assert (folder / "args.txt").read_text().splitlines() == ["--vault", "/some where/vault", "--open", "3"]


def test_a_command_runs_in_the_command_line_without_qt(tmp_path) -> None:
    folder = fake_bundle(tmp_path / "bundle")
    done = run_frozen(folder, ["forms"])
    assert done.returncode == 0, done.stderr
    assert "optimal_use_plan" in done.stdout and done.stdout.rstrip().endswith("no Qt")
    assert not (folder / "args.txt").exists()


def test_usage_errors_and_version_are_answered_before_any_hand_over(tmp_path) -> None:
    folder = fake_bundle(tmp_path / "bundle")
    assert run_frozen(folder, ["--open", "zero"]).returncode == 2
    version = run_frozen(folder, ["--version"])
    assert version.returncode == 0 and version.stdout.startswith("ihrp-desktop ")
    assert not (folder / "args.txt").exists()


def test_a_missing_window_program_is_said_in_plain_words(tmp_path, capsys) -> None:
    assert hand_over(tmp_path / "ihrp-desktop-gui", []) == 1
    err = capsys.readouterr().err
    assert "ihrp-desktop-gui" in err and "reinstall IHRP Desktop" in err
