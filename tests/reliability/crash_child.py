"""The process the crash tests kill: durable work in a loop, one acknowledgement line after each step.

Run as ``python crash_child.py MODE ARGS...``; prints ``READY`` once the vault is open, then
``ACK <step> ...`` right after each durable operation returns (flushed, so the parent has it even if
the process dies a microsecond later). The parent kills it with SIGKILL at a random moment.

Modes:
  save VAULT PASSPHRASE WORKSHEET_ID FIRST_STEP SEED   save_values in a loop (revisions)
  passwd VAULT FIRST_STEP SEED                         change the passphrase step -> step + 1 in a loop
  backup VAULT PASSPHRASE OUT_DIR FIRST_STEP           vault.backup(OUT_DIR/bNNNNN) in a loop
  rotate VAULT WORKSHEET_ID FIRST_STEP SEED            as the app does: a save, then a key change through
                                                       the open vault (new data key), in a loop
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

_ALPHABET = (
    "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 .,;:!?'\"\\/%@\n\t"
    "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ ДмитрийЖЁщъ ñáéíóú ΩλΣ 漢字 🌱🔐 \u0301\u200d"
)


def values_for(step: int, seed: int) -> dict[str, Any]:
    """The answers saved at ``step``: different every step, sometimes large (many pages, WAL growth)."""
    rng = random.Random(f"{seed}/values/{step}")
    size = rng.choice([20, 300, 4_000, 40_000, 150_000])
    text = "".join(rng.choice(_ALPHABET) for _ in range(min(size, 2_000)))
    text = (text * (size // len(text) + 1))[:size]
    return {
        "step": step,
        "plan": f"step {step}: {text}",
        "rows": [{"what": f"row {i} of step {step}", "n": i} for i in range(rng.randint(0, 30))],
    }


def passphrase_for(step: int, seed: int) -> str:
    """The passphrase in force after ``step`` changes (awkward characters on purpose)."""
    rng = random.Random(f"{seed}/passphrase/{step}")
    tail = "".join(rng.choice("'\"\\@:/% ąŁЖ🔐x") for _ in range(rng.randint(1, 12)))
    return f"pass-{step}-{tail}"


def _ack(*parts: object) -> None:
    print("ACK", *parts, flush=True)


def main(argv: list[str]) -> None:
    import ihrp_desktop.core.kdf_limits as kdf_limits

    kdf_limits.FLOOR_MEMORY_KIB, kdf_limits.FLOOR_ITERATIONS = 8, 1  # tests only: KdfParams.fast() vaults
    from ihrp_desktop.core.vault import KdfParams, Vault

    mode = argv[0]
    if mode == "save":
        vault_dir, passphrase, ws_id, step, seed = argv[1], argv[2], int(argv[3]), int(argv[4]), int(argv[5])
        vault = Vault.open(vault_dir, passphrase)
        print("READY", flush=True)
        while True:
            number = vault.save_values(ws_id, values_for(step, seed))
            _ack(step, number)
            step += 1
    elif mode == "passwd":
        vault_dir, step, seed = argv[1], int(argv[2]), int(argv[3])
        print("READY", flush=True)
        while True:
            Vault.change_passphrase(
                vault_dir, passphrase_for(step, seed), passphrase_for(step + 1, seed), kdf=KdfParams.fast()
            )
            step += 1
            _ack(step)
    elif mode == "backup":
        vault_dir, passphrase, out_dir, step = argv[1], argv[2], Path(argv[3]), int(argv[4])
        vault = Vault.open(vault_dir, passphrase)
        print("READY", flush=True)
        while True:
            vault.backup(out_dir / f"b{step:05d}")
            _ack(step)
            step += 1
    elif mode == "rotate":
        vault_dir, ws_id, step, seed = argv[1], int(argv[2]), int(argv[3]), int(argv[4])
        vault = Vault.open(vault_dir, passphrase_for(step, seed))
        print("READY", flush=True)
        while True:
            number = vault.save_values(ws_id, values_for(step, seed))
            _ack("save", step, number)
            vault.change_keys(passphrase_for(step, seed), passphrase_for(step + 1, seed), "keep",
                              action="passphrase_changed", kdf=KdfParams.fast())
            step += 1
            _ack("key", step)
    else:  # pragma: no cover
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
