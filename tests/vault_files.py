"""A vault's files replaced by something else, shared by the open-error and damage-matrix tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def plain_sqlite(path: Path) -> None:
    """``path`` becomes an ordinary (unencrypted) SQLite database with a ``clients`` table."""
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE clients (name TEXT)")
    conn.commit()
    conn.close()
