"""Who is acting, for the audit trail: the operating-system account and the part of the program.

The part is set once by each entry point ("app", "command line: print"); the account is read from
the system (the same person can only be told apart from others by their login).
"""

from __future__ import annotations

import os

_part = "program"
_account: str | None = None


def set_part(part: str) -> None:
    """Name the part of the program acting from now on in this process (``app``, ``command line: list``)."""
    global _part
    _part = part


def account() -> str:
    """The operating-system account this process runs as ('unknown account' if the system will not say)."""
    global _account
    if _account is None:
        try:
            import pwd

            _account = pwd.getpwuid(os.getuid()).pw_name
        except (ImportError, KeyError, OSError):  # Windows, or an id without a passwd entry
            import getpass

            try:
                _account = getpass.getuser()
            except (ImportError, KeyError, OSError):
                _account = "unknown account"
    return _account


def current() -> str:
    """The actor text stored with an audit event, e.g. ``maria (app)``."""
    return f"{account()} ({_part})"
