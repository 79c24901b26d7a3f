"""How long a key change takes: the whole vault re-encrypted under a new data key (rotation.py).

    .venv/bin/python -m bench.rotation            # the bench's large vault (generate.py; cached)

The cached vault is copied into a temp folder first (the cache stays as it is), then timed as the
command line runs it: unlock with the passphrase (Argon2id), ``change_keys`` (two more derivations
for the new wraps, ``sqlcipher_export`` into a new file, fsync, renames), close. The figures go to
``bench/results/rotation-<date>.json``; docs/performance.md quotes them. Never part of the tests.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench import generate
from bench.run import machine
from ihrp_desktop.core.vault import KdfParams, Vault

RESULTS = Path(__file__).resolve().parent / "results"


def measure(source: Path, passphrase: str) -> dict[str, object]:
    with tempfile.TemporaryDirectory(dir=source.parent) as tmp:
        os.environ["IHRP_HOME"] = str(Path(tmp) / "home")  # the seen-record goes there, not to your own
        folder = Path(tmp) / "vault"
        shutil.copytree(source, folder)
        size = (folder / "vault.db").stat().st_size
        started = time.perf_counter()
        kdf = KdfParams.default()
        kdf.derive(b"x", b"0123456789abcdef")
        derive_s = time.perf_counter() - started
        ticks: list[tuple[float, float]] = []
        started = time.perf_counter()
        with Vault.open(folder, passphrase, exclusive=True) as vault:
            opened = time.perf_counter()
            vault.change_keys(passphrase, passphrase + " 2", "keep", action="passphrase_changed",
                              progress=lambda f: ticks.append((time.perf_counter() - opened, f)))
            changed = time.perf_counter()
        closed = time.perf_counter()
    return {
        "vault_db_mb": round(size / 1e6, 1),
        "one_derivation_s": round(derive_s, 2),
        "open_s": round(opened - started, 2),
        "change_keys_s": round(changed - opened, 2),
        "close_s": round(closed - changed, 2),
        "total_s": round(closed - started, 2),
        "mb_per_s": round(size / 1e6 / (changed - opened), 1),
        "progress_calls": len(ticks),
        "longest_gap_between_progress_calls_s": round(max(
            (b[0] - a[0] for a, b in zip(ticks, ticks[1:], strict=False)), default=0.0), 2),
    }


def main() -> int:
    home = tempfile.mkdtemp(prefix="ihrp-bench-home-")
    os.environ["IHRP_HOME"] = home  # building the cached vault remembers it there, not in your folders
    result = {"when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "machine": machine(),
              "large": measure(generate.large_vault(), generate.PASSPHRASE)}
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"rotation-{dt.date.today():%Y-%m-%d}.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
