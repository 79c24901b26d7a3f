"""The Argon2id settings a key file may ask for: a floor (guessing stays slow) and a ceiling.

Floor: OWASP's Password Storage Cheat Sheet lists Argon2id with at least 19 MiB of memory and 2
passes as its minimum configuration (RFC 9106 section 4 recommends 64 MiB or more; this program's
default is 192 MiB, 3 passes). A key file below it, however it was made, is refused: an attacker
who edits an old backup's key file down to 8 KiB / 1 pass cannot make the app keep using it.

Ceiling: 1 GiB, 10 passes, 16 lanes, and a cost (memory x passes) of at most four times today's
default (192 MiB x 3 passes: about 1.7 s an unlock here instead of 0.43 s). An edited key file asking
4 GiB x 64 passes, or 1 GiB x 10 passes (22 s an unlock here), is refused before any derivation.

These are plain module values, not settings: no environment variable or file changes them. The
test suite lowers the floor in its own process (tests/conftest.py) and in the child processes it
starts (their own first lines), so tests can use 8 KiB / 1 pass vaults.
"""

from __future__ import annotations

FLOOR_MEMORY_KIB = 19 * 1024
FLOOR_ITERATIONS = 2
CEILING_MEMORY_KIB = 1024 * 1024
CEILING_ITERATIONS = 10
CEILING_LANES = 16
CEILING_COST = 4 * (192 * 1024) * 3  # KiB x passes: four times the default's


def refusal(memory_kib: int, iterations: int, lanes: int) -> str | None:
    """Why these settings are refused: "invalid", "weak" or "strong"; None when within limits."""
    if not (1 <= lanes <= CEILING_LANES) or memory_kib < 8 * lanes:
        return "invalid"
    if memory_kib < FLOOR_MEMORY_KIB or iterations < FLOOR_ITERATIONS:
        return "weak"
    if (memory_kib > CEILING_MEMORY_KIB or iterations > CEILING_ITERATIONS
            or memory_kib * iterations > CEILING_COST):
        return "strong"
    return None


def limits() -> dict[str, int]:
    """The floor and ceiling as a sentence names them (the catalogue's ``vault.problem.key_refused_*``)."""
    return {"floor_mib": FLOOR_MEMORY_KIB // 1024, "floor_passes": FLOOR_ITERATIONS,
            "ceiling_gib": CEILING_MEMORY_KIB // (1024 * 1024), "ceiling_passes": CEILING_ITERATIONS,
            "ceiling_lanes": CEILING_LANES, "ceiling_cost": CEILING_COST // (1024 * 1024)}


def problem(memory_kib: int, iterations: int, lanes: int) -> str | None:
    """Why these Argon2id settings are refused, in plain words, or None when they are within limits."""
    kind = refusal(memory_kib, iterations, lanes)
    if kind == "invalid":
        return "its key-derivation settings are not valid"
    if kind == "weak":
        return (
            "its key-derivation settings are weaker than this program accepts "
            f"(at least {FLOOR_MEMORY_KIB // 1024} MiB and {FLOOR_ITERATIONS} passes)"
        )
    if kind == "strong":
        return (
            "its key-derivation settings ask for more than this program allows "
            f"(at most {CEILING_MEMORY_KIB // (1024 * 1024)} GiB, {CEILING_ITERATIONS} passes, "
            f"{CEILING_LANES} lanes, and {CEILING_COST // (1024 * 1024)} GiB x passes in all)"
        )
    return None
