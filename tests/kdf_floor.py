"""Tests make vaults with KdfParams.fast() (8 KiB, 1 pass), below the real Argon2 floor.

The floor is lowered in the test suite's own code, never by a setting a user could make:
tests/conftest.py does it for the test process, and every child process a test starts that creates
or opens such a vault runs ``LOWER`` (or calls ``lower()``) first.
"""

from __future__ import annotations

import sys

# The first line of a ``python -c`` child script (ends in a newline).
LOWER = (
    "import ihrp_desktop.core.kdf_limits as _kdf_limits; "
    "_kdf_limits.FLOOR_MEMORY_KIB = 8; _kdf_limits.FLOOR_ITERATIONS = 1\n"
)


def lower() -> None:
    """Allow KdfParams.fast() in this process (child scripts run by path or with -m)."""
    import ihrp_desktop.core.kdf_limits as kdf_limits

    kdf_limits.FLOOR_MEMORY_KIB = 8
    kdf_limits.FLOOR_ITERATIONS = 1


# The command line in a child process that may open such vaults: ``[*CLI_CHILD, "list", ...]``.
CLI_CHILD = [sys.executable, "-c",
             LOWER + "import sys; from ihrp_desktop.cli import main; sys.exit(main(sys.argv[1:]))"]
