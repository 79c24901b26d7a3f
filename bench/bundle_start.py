"""The installed bundle's start against the venv's, side by side (docs/install.md's figures).

    .venv/bin/python -m bench.bundle_start build/pyinstaller/dist/ihrp-desktop [--runs 7]

Alternates the two so that the machine's load falls on both alike, and reports the median wall time of
``ihrp-desktop forms`` (the command line) and of the window up to its unlock screen shown
(``IHRP_QUIT_WHEN_SHOWN=1``, offscreen, on a vault made once), with the ratio bundle / venv.
Never part of the test run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_CLI = ROOT / ".venv" / "bin" / "ihrp-desktop"


def _time(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   stdin=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path,
                        help="the bundle's folder (holding ihrp-desktop and ihrp-desktop-gui)")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ihrp-bench-") as home:
        env = {"PATH": "/usr/bin:/bin", "HOME": home, "IHRP_HOME": str(Path(home) / "ihrp"),
               "QT_QPA_PLATFORM": "offscreen", "LANG": os.environ.get("LANG", "C.UTF-8")}
        vault = Path(home) / "vault"
        subprocess.run([str(VENV_CLI), "init", "--demo", "--vault", str(vault), "--passphrase-stdin"],
                       input="bench passphrase\n", text=True, env=env, check=True, capture_output=True)
        shown = {**env, "IHRP_QUIT_WHEN_SHOWN": "1"}
        cases = {
            "forms": ([str(VENV_CLI), "forms"], [str(args.bundle / "ihrp-desktop"), "forms"], env),
            "window": ([str(VENV_CLI), "--vault", str(vault)],
                       [str(args.bundle / "ihrp-desktop-gui"), "--vault", str(vault)], shown),
        }
        for name, (venv, bundle, case_env) in cases.items():
            _time(venv, case_env), _time(bundle, case_env)  # warm the file cache
            venv_times, bundle_times = [], []
            for _ in range(args.runs):
                venv_times.append(_time(venv, case_env))
                bundle_times.append(_time(bundle, case_env))
            v, b = statistics.median(venv_times), statistics.median(bundle_times)
            print(f"{name}: venv {v * 1000:.0f} ms, bundle {b * 1000:.0f} ms, ratio {b / v:.2f} "
                  f"(median of {args.runs})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
